//! Which files `pack` puts in an archive, and that packing twice gives
//! the same bytes.

use crate::support;

use std::time::{Duration, SystemTime};

use mtedu::host::Host;
use mtedu::pack::NoProgress;
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
    let output = temp.path().join("small.zip");
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

/// Issue 7 audit, B5: a link that leads nowhere, even inside a linked
/// folder, is named in a clear error instead of a raw system error; pack
/// and install (of a folder) both say so and write nothing.
#[test]
fn broken_links_are_named_even_inside_linked_folders() {
    let temp = tempfile::tempdir().unwrap();
    let elsewhere = temp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink("nothing.png", elsewhere.join("gone.png")).unwrap();
    let package = support::packing::small_mod(&temp.path().join("small"));
    std::os::unix::fs::symlink(&elsewhere, package.join("textures/more")).unwrap();
    let options = mtedu::pack::PackOptions {
        output: Some(temp.path().join("small.zip")),
        ..Default::default()
    };
    let packed = mtedu::pack::pack(&package, &options, &Host::empty(), &NoProgress);
    assert!(packed.archive.is_none());
    let broken: Vec<_> = packed
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code.id == "MT4017")
        .collect();
    assert_eq!(broken.len(), 1, "{:#?}", packed.report);
    assert_eq!(broken[0].path, package.join("textures/more/gone.png"));
    assert!(format!("{:?}", broken[0].args).contains("nothing.png"));
    let installed = mtedu::pack::install(
        &package,
        &mtedu::pack::InstallOptions {
            to: Some(temp.path().join("user")),
            ..Default::default()
        },
        &Host::empty(),
        &NoProgress,
    );
    assert!(installed.installed.is_none());
    assert!(
        installed
            .report
            .diagnostics
            .iter()
            .any(|d| d.code.id == "MT4017" || d.code.id == "MT4118"),
        "{:#?}",
        installed.report
    );
    assert!(!temp.path().join("small.zip").exists());
    assert!(!temp.path().join("user/mods/small").exists());
}
