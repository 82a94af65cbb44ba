//! Property test for the archive reader: a valid archive with random bytes
//! changed, or cut at a random length, goes through `install`. It must
//! never panic, and when it refuses, the engine folder is left untouched.

use crate::support;

use mtedu::host::Host;
use mtedu::pack::{InstallOptions, NoProgress, install};
use proptest::prelude::*;
use support::archives::{Item, mod_zip_with};

fn archive() -> Vec<u8> {
    mod_zip_with(
        "hello",
        &[
            Item::Dir("hello/textures/"),
            Item::Stored("hello/textures/a.png", b"0123456789"),
            Item::File(
                "hello/locale/hello.fr.tr",
                b"# textdomain: hello\nHello=Bonjour\n",
            ),
        ],
    )
}

proptest! {
    // Each case writes an archive and may install it: few cases.
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_archives_never_panic(
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = archive();
        for (at, value) in changes {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        if let Some(cut) = cut {
            let len = cut.index(bytes.len());
            bytes.truncate(len);
        }
        let work = tempfile::tempdir().unwrap();
        let source = work.path().join("damaged.zip");
        std::fs::write(&source, &bytes).unwrap();
        let user = work.path().join("user");
        let options = InstallOptions { to: Some(user.clone()), ..InstallOptions::default() };
        let outcome = install(&source, &options, &Host::empty(), &NoProgress);
        if outcome.installed.is_none() {
            prop_assert!(!user.exists(), "a refused install left {:?}", user);
        }
    }
}
