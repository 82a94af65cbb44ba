//! A shaped craft recipe whose rows do not all have the same number of
//! items: the engine refuses the whole recipe and stops the mod. The
//! finding points at the row that differs from the others, not at the
//! `register_craft` call where the engine stops.

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileContext, LintRule};
use crate::lint::scope::FieldValue;
use crate::lint::shapes::TableRow;

pub const CRAFT_UNEVEN_ROWS: Code = Code {
    id: "MT2306",
    name: "craft-uneven-rows",
    severity: Severity::Error,
    doc: "A shaped craft recipe has rows of different lengths: the engine refuses it while loading.",
};

pub struct CraftShape;

impl LintRule for CraftShape {
    fn codes(&self) -> &'static [&'static Code] {
        &[&CRAFT_UNEVEN_ROWS]
    }

    fn check(&self, file: &FileContext, out: &mut Vec<Diagnostic>) {
        for call in &file.analysis.registrations {
            if call.function != "register_craft" {
                continue;
            }
            let shaped = call.fields.iter().all(|field| {
                field.name != "type"
                    || matches!(&field.value, FieldValue::Text(kind) if kind == "shaped")
            });
            let Some(recipe) = call.fields.iter().find(|f| f.name == "recipe") else {
                continue;
            };
            if !shaped {
                continue;
            }
            if let Some((row, width)) = odd_row(&recipe.rows) {
                out.push(
                    Diagnostic::new(&CRAFT_UNEVEN_ROWS, file.path)
                        .at(Span::at(row.line, row.column))
                        .arg("count", row.entries.unwrap_or(0))
                        .arg("expected", width),
                );
            }
        }
    }
}

/// The first row whose length differs from the most common one (the
/// longest on a tie: a short row is the usual mistake), with that length.
fn odd_row(rows: &[TableRow]) -> Option<(&TableRow, usize)> {
    let widths: Vec<usize> = rows.iter().map(|row| row.entries).collect::<Option<_>>()?;
    let width = widths
        .iter()
        .copied()
        .max_by_key(|w| (widths.iter().filter(|x| *x == w).count(), *w))?;
    rows.iter()
        .zip(&widths)
        .find(|(_, w)| **w != width)
        .map(|(row, _)| (row, width))
}
