//! The integration tests are one binary (`autotests = false`): a test file
//! outside `tests/it/`, or one in `tests/it/` that `main.rs` does not
//! declare, would never be compiled or run. This test fails on either.

use std::path::Path;

#[test]
fn every_test_file_is_a_module_of_the_one_binary() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let stray: Vec<String> = std::fs::read_dir(&tests)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        stray.is_empty(),
        "{stray:?} would not run: move them to tests/it/<area>.rs and add `mod <area>;` to tests/it/main.rs"
    );
    let main = std::fs::read_to_string(tests.join("it/main.rs")).unwrap();
    let undeclared: Vec<String> = std::fs::read_dir(tests.join("it"))
        .unwrap()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let module = name.strip_suffix(".rs")?.to_owned();
            (module != "main" && !main.contains(&format!("\nmod {module};"))).then_some(name)
        })
        .collect();
    assert!(
        undeclared.is_empty(),
        "{undeclared:?} in tests/it/ are not declared in tests/it/main.rs: add `mod <name>;` there"
    );
}
