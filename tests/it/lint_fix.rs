//! `mtedu lint --fix`: the certain fixes are made (and said), the others
//! left alone, and the mod is clean afterwards.

use crate::support;

use support::{mtedu_command, stdout_of};

const BROKEN: &str = r#"local function check(a, b)
  if a != b && a ~= 0 then
    return minetest.env:get_node({x = 0, y = 0, z = 0})
  end
  return nil
end
minetest.register_nod("pupil:thing", {description = "Thing"})
minetest.chat_send_al("hi" .. tostring(check(1, 2)))
local node = minetest.det_node({x = 0, y = 0, z = 0})
"#;

const FIXED: &str = r#"local function check(a, b)
  if a ~= b and a ~= 0 then
    return minetest.get_node({x = 0, y = 0, z = 0})
  end
  return nil
end
minetest.register_node("pupil:thing", {description = "Thing"})
minetest.chat_send_all("hi" .. tostring(check(1, 2)))
local node = minetest.det_node({x = 0, y = 0, z = 0})
"#;

#[test]
fn fix_rewrites_the_certain_mistakes_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let pupil = dir.path().join("pupil");
    std::fs::create_dir_all(&pupil).unwrap();
    std::fs::write(pupil.join("mod.conf"), "name = pupil\n").unwrap();
    std::fs::write(pupil.join("init.lua"), BROKEN).unwrap();
    let output = mtedu_command(dir.path())
        .args(["lint", "--no-installed", "--fix", "pupil"])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert_eq!(
        std::fs::read_to_string(pupil.join("init.lua")).unwrap(),
        FIXED
    );
    for said in [
        "Fixed pupil/init.lua:2: \"!=\" became \"~=\" (MT2010).",
        "Fixed pupil/init.lua:2: \"&&\" became \"and\" (MT2010).",
        "Fixed pupil/init.lua:3: removed \"env:\" (MT2106).",
        "Fixed pupil/init.lua:7: \"register_nod\" became \"register_node\" (MT2103).",
        "Fixed pupil/init.lua:8: \"chat_send_al\" became \"chat_send_all\" (MT2103).",
        "5 mistakes fixed automatically.",
    ] {
        assert!(stdout.contains(said), "missing {said:?} in:\n{stdout}");
    }
    // `det_node` is as close to get_node as to set_node: left for the pupil.
    assert!(stdout.contains("MT2103"), "{stdout}");
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    // Nothing else was left in the folder (no temporary file).
    let mut names: Vec<String> = std::fs::read_dir(&pupil)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["init.lua", "mod.conf"]);
}

#[test]
fn fix_on_a_clean_mod_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pupil = dir.path().join("pupil");
    std::fs::create_dir_all(&pupil).unwrap();
    std::fs::write(pupil.join("mod.conf"), "name = pupil\n").unwrap();
    let clean = "minetest.register_craftitem(\"pupil:coin\", {description = \"Coin\"})\n";
    std::fs::write(pupil.join("init.lua"), clean).unwrap();
    let output = mtedu_command(dir.path())
        .args(["--lang", "fr", "lint", "--no-installed", "--fix", "pupil"])
        .output()
        .unwrap();
    assert!(stdout_of(&output).contains("Rien n’a pu être corrigé automatiquement."));
    assert_eq!(
        std::fs::read_to_string(pupil.join("init.lua")).unwrap(),
        clean
    );
    assert_eq!(output.status.code(), Some(0));
}
