//! Helpers of the pack and install tests: small packages written in temp
//! folders, and packing that must succeed.

use std::path::{Path, PathBuf};

use mtedu::host::Host;
use mtedu::pack::{NoProgress, PackOptions, PackOutcome, pack};

/// Writes `text` to `path`, creating its folders.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Packs `path` into `output`; fails the test when nothing was packed.
pub fn pack_to(path: &Path, output: &Path, host: &Host) -> PackOutcome {
    let options = PackOptions {
        output: Some(output.to_path_buf()),
        ..PackOptions::default()
    };
    let outcome = pack(path, &options, host, &NoProgress);
    assert!(outcome.archive.is_some(), "{:#?}", outcome.report);
    outcome
}

/// The entry names of an archive, in order.
pub fn entries(archive: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::fs::File::open(archive).unwrap()).unwrap();
    zip.file_names().map(str::to_owned).collect()
}

/// Relative path → content of every file under `dir`.
pub fn files(dir: &Path) -> std::collections::BTreeSet<(PathBuf, Vec<u8>)> {
    let mut out = std::collections::BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
                out.insert((rel, std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    out
}

pub fn tiny_share(root: &Path) -> Host {
    let share = root.join("share");
    write(&share.join("games/tiny_game/game.conf"), "title = Tiny\n");
    write(
        &share.join("games/tiny_game/mods/tiny/mod.conf"),
        "name = tiny\n",
    );
    write(&share.join("games/tiny_game/mods/tiny/init.lua"), "");
    Host {
        share_dirs: vec![share],
        user_dirs: Vec::new(),
    }
}

/// A small clean mod without dependencies, so that no game is needed.
pub fn small_mod(into: &Path) -> PathBuf {
    write(
        &into.join("mod.conf"),
        "name = small\ndescription = A small mod\n",
    );
    write(
        &into.join("init.lua"),
        "minetest.register_node(\"small:block\", {description = \"Block\"})\n",
    );
    write(&into.join("LICENSE.txt"), "MIT\n");
    write(
        &into.join("locale/small.fr.tr"),
        "# textdomain: small\nBlock=Bloc\n",
    );
    write(&into.join("textures/small_block.png"), "not really a png");
    into.to_path_buf()
}

pub fn hello_block(into: &Path) -> PathBuf {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hello_block");
    super::copy_dir(&examples, into);
    into.to_path_buf()
}

/// `sleep` with `file` open, like a server holding its database.
pub fn hold_open(file: &Path) -> std::process::Child {
    let child = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec 3<\"$0\"; exec sleep 60")
        .arg(file)
        .spawn()
        .expect("sh runs");
    let fd_dir = std::path::PathBuf::from(format!("/proc/{}/fd", child.id()));
    for _ in 0..200 {
        let open = std::fs::read_dir(&fd_dir)
            .into_iter()
            .flatten()
            .flatten()
            .any(|fd| {
                std::fs::read_link(fd.path()).is_ok_and(|t| t == file.canonicalize().unwrap())
            });
        // Open, and by `sleep` itself: the holder is named after the
        // program that has the file, which is `sh` until its `exec`.
        let named = std::fs::read_to_string(format!("/proc/{}/comm", child.id()))
            .is_ok_and(|name| name.trim() == "sleep");
        if open && named {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child
}

/// `(1234)` → `(PID)`: process ids change from run to run.
pub fn hide_pids(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('(') {
        out.push_str(&rest[..=start]);
        rest = &rest[start + 1..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(')') {
            out.push_str("PID");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

/// Symbolic links made for one fixture case (`links = [[link, target]]` in
/// its case.toml, paths relative to the case) and removed when dropped:
/// the repository itself holds no links.
pub struct CaseLinks(Vec<PathBuf>);

impl CaseLinks {
    pub fn make(case: &Path, config: &toml::Table) -> CaseLinks {
        let mut made = Vec::new();
        for pair in config
            .get("links")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let pair = pair.as_array().expect("links = [[link, target], …]");
            let link = case.join(pair[0].as_str().unwrap());
            let target = pair[1].as_str().unwrap();
            let _ = std::fs::remove_file(&link);
            std::fs::create_dir_all(link.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(target, &link).unwrap();
            made.push(link);
        }
        CaseLinks(made)
    }
}

impl Drop for CaseLinks {
    fn drop(&mut self) {
        for link in &self.0 {
            let _ = std::fs::remove_file(link);
        }
    }
}
