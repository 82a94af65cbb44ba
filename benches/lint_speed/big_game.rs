//! A generated game of about 100,000 lines of Lua for `lint_speed`: 50 mods
//! in a chain of dependencies, each with an init.lua that loads four files
//! through `dofile`, every file registering nodes (a local helper, a node
//! whose texture is in the game's own `textures/` folder, a recipe). The
//! shape of a large real game, with its shared textures in the game folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const MODS: usize = 50;
const FILES_PER_MOD: usize = 4;
const NODES_PER_FILE: usize = 25;

/// Writes the game under `root` and returns its folder and its line count.
pub fn write(root: &Path) -> std::io::Result<(PathBuf, usize)> {
    let game = root.join("biggame");
    std::fs::create_dir_all(game.join("textures"))?;
    std::fs::create_dir_all(game.join("menu"))?;
    std::fs::write(game.join("game.conf"), "title = Big game\n")?;
    let png = picture();
    let mut lines = 0;
    for m in 0..MODS {
        let name = format!("bigmod{m:02}");
        let dir = game.join("mods").join(&name);
        std::fs::create_dir_all(&dir)?;
        let mut conf = format!("name = {name}\ndescription = Generated.\n");
        if m > 0 {
            let _ = writeln!(conf, "depends = bigmod{:02}", m - 1);
        }
        std::fs::write(dir.join("mod.conf"), conf)?;
        let mut init = format!("local path = minetest.get_modpath(\"{name}\")\n{name} = {{}}\n");
        lines += 2;
        for f in 0..FILES_PER_MOD {
            let _ = writeln!(init, "dofile(path .. \"/part{f}.lua\")");
            lines += 1;
            let mut body = String::new();
            for b in 0..NODES_PER_FILE {
                let n = f * NODES_PER_FILE + b;
                let next = (n + 1) % (FILES_PER_MOD * NODES_PER_FILE);
                let texture = format!("{name}_block_{n}.png");
                std::fs::write(game.join("textures").join(&texture), &png)?;
                let _ = write!(
                    body,
                    "local function helper_{n}(pos, node)\n\
                     \tlocal meta = minetest.get_meta(pos)\n\
                     \tmeta:set_string(\"infotext\", \"Block {n}\")\n\
                     \treturn node.name\n\
                     end\n\
                     \n\
                     {name}.count_{n} = ({name}.count_{n} or 0) + 1\n\
                     minetest.register_node(\"{name}:block_{n}\", {{\n\
                     \tdescription = \"Block {n}\",\n\
                     \ttiles = {{\"{texture}\"}},\n\
                     \tgroups = {{cracky = 3, oddly_breakable_by_hand = 1}},\n\
                     \ton_construct = function(pos)\n\
                     \t\thelper_{n}(pos, minetest.get_node(pos))\n\
                     \tend,\n\
                     }})\n\
                     \n\
                     minetest.register_craft({{\n\
                     \toutput = \"{name}:block_{n}\",\n\
                     \trecipe = {{{{\"{name}:block_{next}\", \"\"}}}},\n\
                     }})\n"
                );
                lines += 20;
            }
            std::fs::write(dir.join(format!("part{f}.lua")), body)?;
        }
        std::fs::write(dir.join("init.lua"), init)?;
    }
    Ok((game, lines))
}

/// A 1×1 PNG (its content does not matter to lint, its name does).
fn picture() -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, 1, 1);
        encoder.set_color(png::ColorType::Rgba);
        if let Ok(mut writer) = encoder.write_header() {
            let _ = writer.write_image_data(&[90, 90, 90, 255]);
        }
    }
    bytes
}
