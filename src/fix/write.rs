//! Applies edits to one file: only when the file still holds the text
//! they were planned on, through a temporary file beside it and a rename,
//! so that a failure leaves the file as it was.

use std::io::Write as _;
use std::path::Path;

use super::Edit;

/// Writes `source` with `edits` applied to `path`; `Err` says why not.
pub fn apply(path: &Path, source: &str, edits: &[Edit]) -> Result<(), String> {
    let current = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    if current != source {
        return Err("changed".into());
    }
    let fixed = edited(source, edits).ok_or("mismatch")?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| e.to_string())?;
    temp.write_all(fixed.as_bytes())
        .map_err(|e| e.to_string())?;
    if let Ok(metadata) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(temp.path(), metadata.permissions());
    }
    temp.persist(path).map_err(|e| e.error.to_string())?;
    Ok(())
}

/// The text with the edits made, or `None` if one does not match it.
pub fn edited(source: &str, edits: &[Edit]) -> Option<String> {
    let mut places = Vec::new();
    for edit in edits {
        let start = byte_offset(source, edit.line, edit.column)?;
        if !source[start..].starts_with(&edit.old) {
            return None;
        }
        places.push((start, edit));
    }
    places.sort_by_key(|(start, _)| std::cmp::Reverse(*start));
    places.dedup_by_key(|(start, _)| *start);
    let mut out = source.to_owned();
    for (start, edit) in places {
        out.replace_range(start..start + edit.old.len(), &edit.new);
    }
    Some(out)
}

/// The byte offset of a 1-based line and character column.
fn byte_offset(source: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        source.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let text = &source[line_start..];
    let within = text
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    Some(line_start + within)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::codes::FOREIGN_OPERATOR;

    fn edit(line: usize, column: usize, old: &str, new: &str) -> Edit {
        Edit {
            line,
            column,
            old: old.into(),
            new: new.into(),
            code: &FOREIGN_OPERATOR,
        }
    }

    #[test]
    fn edits_at_character_columns() {
        let source = "local é = 1\nif a != b then end\n";
        let fixed = edited(source, &[edit(2, 6, "!=", "~=")]).unwrap();
        assert_eq!(fixed, "local é = 1\nif a ~= b then end\n");
        let source = "x = 'é' != y\n";
        assert_eq!(
            edited(source, &[edit(1, 9, "!=", "~=")]).unwrap(),
            "x = 'é' ~= y\n"
        );
    }

    #[test]
    fn refuses_an_edit_that_does_not_match() {
        assert!(edited("a == b\n", &[edit(1, 3, "!=", "~=")]).is_none());
    }

    #[test]
    fn leaves_a_file_that_changed_since_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("init.lua");
        std::fs::write(&path, "if a != b then end\n").unwrap();
        let planned_on = "if a != b then end -- older\n";
        let result = apply(&path, planned_on, &[edit(1, 6, "!=", "~=")]);
        assert_eq!(result, Err("changed".to_owned()));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "if a != b then end\n"
        );
        assert!(apply(&path, "if a != b then end\n", &[edit(1, 6, "!=", "~=")]).is_ok());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "if a ~= b then end\n"
        );
    }
}
