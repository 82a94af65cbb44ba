//! The 16×16 textures of the example mods (`examples/`), drawn by code
//! like the templates' (no copied art, CC0). `tests/it/examples_check.rs`
//! checks that every example PNG is one of these drawings.

use super::texture::{CLEAR, Canvas, Rgba, SIZE};

const GOLD: Rgba = [250, 210, 30, 255];
const DARK_GOLD: Rgba = [190, 140, 20, 255];
const WOOD: Rgba = [140, 90, 40, 255];
const DARK_WOOD: Rgba = [100, 60, 25, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const BLACK: Rgba = [0, 0, 0, 255];
const PINK: Rgba = [240, 160, 170, 255];
const DARK_PINK: Rgba = [200, 110, 130, 255];
const GEM: Rgba = [60, 200, 230, 255];
const GEM_DARK: Rgba = [30, 120, 170, 255];

/// Draws one picture.
type Drawing = fn() -> Canvas;

/// Every drawing with its name.
const DRAWINGS: &[(&str, Drawing)] = &[
    ("medal", medal),
    ("lamp_off", || lamp([70, 70, 90, 255], [120, 120, 140, 255])),
    ("lamp_on", || {
        lamp([255, 230, 120, 255], [255, 250, 220, 255])
    }),
    ("coin", coin),
    ("stall", stall),
    ("pig_face", pig_face),
    ("pig_skin", pig_skin),
    ("spawn_egg", spawn_egg),
    ("pork_raw", || {
        pork([230, 120, 130, 255], [250, 220, 220, 255])
    }),
    ("pork_cooked", || {
        pork([150, 80, 40, 255], [210, 160, 110, 255])
    }),
    ("raw_gem", raw_gem),
    ("sword", sword),
    ("shovel", shovel),
    ("finder", finder),
];

/// The PNG of the example drawing called `name`.
pub(super) fn png(name: &str) -> Option<Vec<u8>> {
    DRAWINGS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, draw)| draw().png())
}

/// A filled disc of `radius` around the middle of the picture.
fn disc(c: &mut Canvas, radius: f32, color: Rgba) {
    let middle = (SIZE as f32 - 1.0) / 2.0;
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (dx, dy) = (x as f32 - middle, y as f32 - middle);
            if dx * dx + dy * dy <= radius * radius {
                c.set(x, y, color);
            }
        }
    }
}

/// A diagonal handle from the bottom left corner, `length` pixels long.
fn handle(c: &mut Canvas, length: usize) {
    for i in 0..length {
        c.set(2 + i, 13 - i, WOOD);
    }
}

fn medal() -> Canvas {
    let mut c = Canvas::new(CLEAR);
    c.rect((5, 0), (6, 5), [200, 40, 50, 255]);
    c.rect((9, 0), (10, 5), [40, 80, 200, 255]);
    for (row, half) in [2, 4, 5, 5, 5, 4, 2].into_iter().enumerate() {
        c.rect((8 - half, 7 + row), (7 + half, 7 + row), GOLD);
    }
    c.rect((7, 9), (8, 11), DARK_GOLD);
    c
}

/// A lamp on a base: glass of `glass`, a flame of `flame`.
fn lamp(glass: Rgba, flame: Rgba) -> Canvas {
    let mut c = Canvas::new(CLEAR);
    c.rect((3, 0), (12, 1), DARK_WOOD);
    c.rect((3, 2), (12, 12), glass);
    c.rect((6, 5), (9, 10), flame);
    c.rect((3, 2), (3, 12), DARK_WOOD);
    c.rect((12, 2), (12, 12), DARK_WOOD);
    c.rect((2, 13), (13, 15), DARK_WOOD);
    c
}

fn coin() -> Canvas {
    let mut c = Canvas::new(CLEAR);
    disc(&mut c, 6.8, DARK_GOLD);
    disc(&mut c, 5.5, GOLD);
    c.rect((7, 4), (8, 11), DARK_GOLD);
    c.rect((5, 5), (10, 5), DARK_GOLD);
    c.rect((5, 10), (10, 10), DARK_GOLD);
    c
}

fn stall() -> Canvas {
    let mut c = Canvas::new(WOOD);
    for x in 0..SIZE {
        let color = if (x / 2) % 2 == 0 {
            [210, 40, 40, 255]
        } else {
            WHITE
        };
        c.rect((x, 0), (x, 4), color);
    }
    c.rect((0, 5), (15, 5), DARK_WOOD);
    c.rect((0, 10), (15, 11), DARK_WOOD);
    c.rect((3, 7), (5, 9), GOLD);
    c.rect((10, 7), (12, 9), [210, 30, 40, 255]);
    c
}

fn pig_face() -> Canvas {
    let mut c = pig_skin();
    c.rect((3, 4), (4, 5), BLACK);
    c.rect((11, 4), (12, 5), BLACK);
    c.rect((5, 8), (10, 12), DARK_PINK);
    c.rect((6, 10), (6, 10), BLACK);
    c.rect((9, 10), (9, 10), BLACK);
    c
}

fn pig_skin() -> Canvas {
    let mut c = Canvas::new(PINK);
    for (x, y) in [(2, 2), (9, 3), (13, 9), (4, 12), (11, 14), (7, 6)] {
        c.set(x, y, DARK_PINK);
    }
    c
}

fn spawn_egg() -> Canvas {
    let mut c = Canvas::new(CLEAR);
    for (row, half) in [2, 3, 4, 4, 5, 5, 5, 5, 5, 5, 4, 3, 2]
        .into_iter()
        .enumerate()
    {
        c.rect((8 - half, 2 + row), (7 + half, 2 + row), PINK);
    }
    for (x, y) in [(6, 5), (9, 7), (5, 10), (10, 11), (7, 12)] {
        c.rect((x, y), (x + 1, y), DARK_PINK);
    }
    c
}

/// A piece of meat: flesh of `meat` around a bone of `bone`.
fn pork(meat: Rgba, bone: Rgba) -> Canvas {
    let mut c = Canvas::new(CLEAR);
    disc(&mut c, 5.0, meat);
    c.rect((2, 2), (4, 4), bone);
    c.rect((4, 4), (6, 6), bone);
    c.rect((9, 9), (10, 10), bone);
    c
}

fn raw_gem() -> Canvas {
    let mut c = Canvas::new(CLEAR);
    disc(&mut c, 5.5, [120, 120, 120, 255]);
    c.rect((5, 5), (7, 7), GEM);
    c.rect((9, 8), (10, 10), GEM);
    c.rect((6, 10), (6, 10), GEM_DARK);
    c
}

fn sword() -> Canvas {
    let mut c = Canvas::new(CLEAR);
    for i in 0..10 {
        c.set(5 + i, 10 - i, GEM);
        c.set(6 + i, 10 - i, GEM_DARK);
    }
    c.rect((2, 10), (6, 10), DARK_GOLD);
    c.rect((4, 8), (4, 12), DARK_GOLD);
    c.rect((1, 13), (3, 14), WOOD);
    c
}

fn shovel() -> Canvas {
    let mut c = Canvas::new(CLEAR);
    handle(&mut c, 8);
    c.rect((10, 1), (14, 5), GEM);
    c.rect((11, 2), (13, 4), GEM_DARK);
    c
}

fn finder() -> Canvas {
    let mut c = Canvas::new(CLEAR);
    handle(&mut c, 7);
    for y in 1..9 {
        for x in 7..15 {
            let (dx, dy) = (x as f32 - 10.5, y as f32 - 4.5);
            let d = dx * dx + dy * dy;
            if d <= 12.5 {
                c.set(x, y, if d <= 6.0 { GEM } else { DARK_GOLD });
            }
        }
    }
    c.set(10, 3, WHITE);
    c
}
