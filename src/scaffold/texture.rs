//! The 16×16 textures of new mods, drawn by code (no copied art, CC0):
//! a few rectangles and pixels per template, encoded as PNG.

pub(super) const SIZE: usize = 16;

pub(super) type Rgba = [u8; 4];

pub(super) const CLEAR: Rgba = [0, 0, 0, 0];

/// A drawing, one per template, distinct enough to tell apart in game.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Picture {
    Logo,
    Bricks,
    Apple,
    Pickaxe,
    Gem,
    Star,
    Face,
    Sign,
    Wand,
    Chest,
}

/// A 16×16 picture being drawn (the example mods draw on it too).
pub(super) struct Canvas([[Rgba; SIZE]; SIZE]);

impl Canvas {
    pub(super) fn new(fill: Rgba) -> Self {
        Canvas([[fill; SIZE]; SIZE])
    }

    pub(super) fn set(&mut self, x: usize, y: usize, color: Rgba) {
        if x < SIZE && y < SIZE {
            self.0[y][x] = color;
        }
    }

    /// Fills columns `x0..=x1` of rows `y0..=y1`.
    pub(super) fn rect(&mut self, (x0, y0): (usize, usize), (x1, y1): (usize, usize), color: Rgba) {
        for y in y0..=y1 {
            for x in x0..=x1 {
                self.set(x, y, color);
            }
        }
    }

    pub(super) fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, SIZE as u32, SIZE as u32);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().expect("writing into memory");
            let data: Vec<u8> = self.0.iter().flatten().flatten().copied().collect();
            writer
                .write_image_data(&data)
                .expect("the image has the header's size");
        }
        out
    }
}

impl Picture {
    /// Every picture with its name, for [`picture_png`].
    const NAMED: &'static [(&'static str, Picture)] = &[
        ("logo", Picture::Logo),
        ("bricks", Picture::Bricks),
        ("apple", Picture::Apple),
        ("pickaxe", Picture::Pickaxe),
        ("gem", Picture::Gem),
        ("star", Picture::Star),
        ("face", Picture::Face),
        ("sign", Picture::Sign),
        ("wand", Picture::Wand),
        ("chest", Picture::Chest),
    ];

    /// The PNG file's bytes.
    pub(crate) fn png(self) -> Vec<u8> {
        let mut c;
        match self {
            Picture::Logo => {
                c = Canvas::new([40, 90, 160, 255]);
                c.rect((3, 3), (12, 12), [250, 200, 40, 255]);
                c.rect((6, 6), (9, 9), [40, 90, 160, 255]);
            }
            Picture::Bricks => {
                c = Canvas::new([170, 70, 50, 255]);
                let mortar = [210, 200, 180, 255];
                for row in 0..4 {
                    let y = row * 4 + 3;
                    c.rect((0, y), (15, y), mortar);
                    let shift = if row % 2 == 0 { 0 } else { 4 };
                    for x in [shift, shift + 8] {
                        c.rect((x, y.saturating_sub(3)), (x, y), mortar);
                    }
                }
            }
            Picture::Apple => {
                c = Canvas::new(CLEAR);
                c.rect((4, 5), (11, 13), [210, 30, 40, 255]);
                c.rect((3, 6), (12, 12), [210, 30, 40, 255]);
                c.rect((5, 6), (6, 7), [250, 120, 120, 255]);
                c.rect((7, 2), (8, 4), [110, 70, 30, 255]);
                c.rect((9, 2), (11, 3), [60, 170, 60, 255]);
            }
            Picture::Pickaxe => {
                c = Canvas::new(CLEAR);
                for i in 0..10 {
                    c.set(3 + i, 12 - i, [140, 90, 40, 255]);
                }
                c.rect((6, 2), (13, 3), [120, 200, 220, 255]);
                c.rect((4, 4), (5, 5), [120, 200, 220, 255]);
                c.rect((14, 4), (14, 6), [120, 200, 220, 255]);
            }
            Picture::Gem => {
                c = Canvas::new(CLEAR);
                for y in 0..6 {
                    c.rect((7 - y, 3 + y), (8 + y, 3 + y), [40, 200, 120, 255]);
                    c.rect((2 + y, 9 + y), (13 - y, 9 + y), [20, 140, 80, 255]);
                }
                c.rect((6, 5), (7, 6), [200, 255, 220, 255]);
            }
            Picture::Star => {
                c = Canvas::new(CLEAR);
                let gold = [250, 210, 30, 255];
                c.rect((7, 1), (8, 14), gold);
                c.rect((1, 6), (14, 8), gold);
                c.rect((4, 4), (11, 11), gold);
                c.rect((7, 6), (8, 8), [255, 250, 200, 255]);
            }
            Picture::Face => {
                c = Canvas::new([90, 180, 70, 255]);
                c.rect((3, 4), (5, 6), [255, 255, 255, 255]);
                c.rect((10, 4), (12, 6), [255, 255, 255, 255]);
                c.rect((4, 5), (4, 5), [0, 0, 0, 255]);
                c.rect((11, 5), (11, 5), [0, 0, 0, 255]);
                c.rect((5, 10), (10, 11), [60, 30, 20, 255]);
            }
            Picture::Sign => {
                c = Canvas::new(CLEAR);
                c.rect((1, 2), (14, 10), [200, 160, 90, 255]);
                for y in [4, 6, 8] {
                    c.rect((3, y), (12, y), [80, 50, 20, 255]);
                }
                c.rect((7, 11), (8, 15), [120, 80, 40, 255]);
            }
            Picture::Wand => {
                c = Canvas::new(CLEAR);
                for i in 0..10 {
                    c.set(2 + i, 13 - i, [90, 50, 120, 255]);
                }
                c.rect((11, 2), (13, 4), [250, 230, 90, 255]);
                c.set(12, 1, [255, 255, 255, 255]);
                c.set(14, 3, [255, 255, 255, 255]);
                c.set(10, 3, [255, 255, 255, 255]);
            }
            Picture::Chest => {
                c = Canvas::new([140, 90, 40, 255]);
                c.rect((0, 0), (15, 1), [100, 60, 25, 255]);
                c.rect((0, 7), (15, 7), [100, 60, 25, 255]);
                c.rect((0, 14), (15, 15), [100, 60, 25, 255]);
                c.rect((6, 6), (9, 9), [250, 210, 30, 255]);
                c.rect((7, 8), (8, 8), [60, 40, 10, 255]);
            }
        }
        c.png()
    }
}

/// The PNG of the picture called `name` (`bricks`, `gem`, `wand`…): lesson
/// and example textures are these drawings, checked by their tests.
pub fn picture_png(name: &str) -> Option<Vec<u8>> {
    Picture::NAMED
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, picture)| picture.png())
        .or_else(|| super::example_art::png(name))
}
