//! Which files `pack` puts in an archive, and that packing twice gives
//! the same bytes.

mod support;

use std::time::{Duration, SystemTime};

use mtedu::host::Host;
use support::packing::{entries, pack_to, small_mod, write};

#[test]
fn packing_twice_gives_the_same_bytes() {
    let temp = tempfile::tempdir().unwrap();
    let first = small_mod(&temp.path().join("a/small"));
    let second = small_mod(&temp.path().join("elsewhere/deeper/small"));
    // Other times and permissions must not change a byte.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for file in ["init.lua", "mod.conf", "textures/small_block.png"] {
        std::fs::File::options()
            .write(true)
            .open(second.join(file))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            second.join("init.lua"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
    let host = Host::empty();
    let a = pack_to(&first, &temp.path().join("one.zip"), &host);
    let b = pack_to(&first, &temp.path().join("two.zip"), &host);
    let c = pack_to(&second, &temp.path().join("three.zip"), &host);
    let bytes = |outcome: &mtedu::pack::PackOutcome| {
        std::fs::read(outcome.archive.as_ref().unwrap()).unwrap()
    };
    assert_eq!(bytes(&a), bytes(&b), "same folder, same bytes");
    assert_eq!(
        bytes(&a),
        bytes(&c),
        "a copy elsewhere, with other times and permissions, same bytes"
    );
}

#[test]
fn version_control_backups_junk_and_ignored_files_stay_out() {
    let temp = tempfile::tempdir().unwrap();
    let dir = small_mod(&temp.path().join("small"));
    for junk in [
        ".git/config",
        ".github/workflows/ci.yml",
        "init.lua~",
        ".init.lua.swp",
        ".#init.lua",
        ".DS_Store",
        "textures/Thumbs.db",
        ".mtedu/cache.json",
        "secret.txt",
        "build/out.txt",
        "notes.md",
        "sub/a.tmp",
    ] {
        write(&dir.join(junk), "junk\n");
    }
    write(&dir.join(".gitignore"), "secret.txt\nbuild/\n");
    write(&dir.join(".mteduignore"), "notes.md\n");
    write(&dir.join("sub/.gitignore"), "*.tmp\n");
    write(&dir.join("sub/keep.txt"), "kept\n");
    let output = dir.join("small.zip"); // inside the package: never packs itself
    write(&output, "an old archive");
    let outcome = pack_to(&dir, &output, &Host::empty());
    assert_eq!(
        entries(outcome.archive.as_ref().unwrap()),
        [
            "small/",
            "small/LICENSE.txt",
            "small/init.lua",
            "small/locale/",
            "small/locale/small.fr.tr",
            "small/mod.conf",
            "small/sub/",
            "small/sub/keep.txt",
            "small/textures/",
            "small/textures/small_block.png",
        ]
    );
}
