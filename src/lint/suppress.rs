//! Turning findings off: an inline `-- mtedu: allow(MT2201)` comment on the
//! finding's line or the line above it, or an `allow` list in an
//! `mtedu.toml` next to the checked folder or in one of its parents:
//!
//! ```toml
//! [lint]
//! allow = ["MT2202", "MT2304"]
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// Codes allowed by the nearest `mtedu.toml` above `path` (itself included).
pub fn configured_allows(path: &Path) -> BTreeSet<String> {
    let start = crate::content::absolute(path);
    for dir in start.ancestors() {
        let config = dir.join("mtedu.toml");
        let Ok(text) = crate::bounded_read::read_regular_text(&config) else {
            continue;
        };
        let Ok(table) = text.parse::<toml::Table>() else {
            return BTreeSet::new();
        };
        return table
            .get("lint")
            .and_then(|lint| lint.get("allow"))
            .and_then(|allow| allow.as_array())
            .map(|codes| {
                codes
                    .iter()
                    .filter_map(|c| c.as_str().map(str::to_uppercase))
                    .collect()
            })
            .unwrap_or_default();
    }
    BTreeSet::new()
}

/// The codes an inline comment allows on a line: `mtedu: allow(MT1, MT2)`.
fn inline_allows(line: &str) -> Vec<String> {
    let Some(start) = line.find("mtedu: allow(") else {
        return Vec::new();
    };
    let rest = &line[start + "mtedu: allow(".len()..];
    let inside = rest.split(')').next().unwrap_or("");
    inside
        .split(',')
        .map(|code| code.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Removes the findings turned off by configuration or inline comments.
pub fn apply(findings: Vec<Diagnostic>, paths: &[PathBuf]) -> Vec<Diagnostic> {
    let configured: BTreeSet<String> = paths
        .iter()
        .flat_map(|path| configured_allows(path))
        .collect();
    let mut sources: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    findings
        .into_iter()
        .filter(|finding| {
            if configured.contains(finding.code.id) {
                return false;
            }
            let Some(span) = finding.span else {
                return true;
            };
            let lines = sources.entry(finding.path.clone()).or_insert_with(|| {
                crate::bounded_read::read_regular_text(&finding.path)
                    .map(|text| text.lines().map(str::to_owned).collect())
                    .unwrap_or_default()
            });
            let allowed_here = |index: usize| {
                lines
                    .get(index)
                    .is_some_and(|line| inline_allows(line).iter().any(|c| c == finding.code.id))
            };
            let index = span.line.saturating_sub(1);
            !(allowed_here(index) || (index > 0 && allowed_here(index - 1)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::inline_allows;

    #[test]
    fn reads_inline_comments() {
        assert_eq!(
            inline_allows("local x = 1 -- mtedu: allow(MT2201)"),
            ["MT2201"]
        );
        assert_eq!(
            inline_allows("-- mtedu: allow(mt2201, MT2202)"),
            ["MT2201", "MT2202"]
        );
        assert!(inline_allows("local x = 1").is_empty());
    }
}
