//! `groups = {snappy == 3}`: `==` compares, so the table holds one value,
//! `false` (or `true`), instead of the group `snappy` with rating 3. The
//! real server refuses such groups while loading ("bad argument #7 to
//! 'register_item_raw'"). Only tables of groups are read (`groups`,
//! `damage_groups`, `armor_groups`…), where a list of yes/no values is
//! never meant.

use full_moon::ast::{BinOp, Expression, Field, TableConstructor, Var};
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{LintRule, TreeContext};
use crate::lint::tree::{position, text_of};

pub const COMPARISON_IN_TABLE: Code = Code {
    id: "MT2505",
    name: "comparison-in-table",
    severity: Severity::Error,
    doc: "`==` inside a table of groups (`{snappy == 3}`): it compares instead of giving a value, and the game refuses the groups.",
};

pub struct ComparisonInTable;

impl LintRule for ComparisonInTable {
    fn codes(&self) -> &'static [&'static Code] {
        &[&COMPARISON_IN_TABLE]
    }

    fn check_tree(&self, file: &TreeContext, out: &mut Vec<Diagnostic>) {
        let mut finder = Finder::default();
        file.ast.visit(&mut finder);
        for found in finder.found {
            out.push(
                Diagnostic::new(&COMPARISON_IN_TABLE, file.path)
                    .at(Span::on_line(found.line, found.column, 2))
                    .arg("name", found.name)
                    .arg("value", found.value),
            );
        }
    }
}

struct Found {
    name: String,
    value: String,
    /// Of the `==`.
    line: usize,
    column: usize,
}

#[derive(Default)]
struct Finder {
    found: Vec<Found>,
}

/// A field whose table holds groups and their ratings.
fn holds_groups(key: &str) -> bool {
    key == "groups" || key.ends_with("_groups")
}

impl Finder {
    fn groups_table(&mut self, table: &TableConstructor) {
        for field in table.fields() {
            let Field::NoKey(Expression::BinaryOperator { lhs, binop, rhs }) = field else {
                continue;
            };
            let (BinOp::TwoEqual(equals), Expression::Var(Var::Name(name))) = (binop, &**lhs)
            else {
                continue;
            };
            let (line, column) = position(equals);
            self.found.push(Found {
                name: name.token().to_string(),
                value: text_of(&**rhs),
                line,
                column,
            });
        }
    }
}

impl Visitor for Finder {
    fn visit_field(&mut self, field: &Field) {
        if let Field::NameKey { key, value, .. } = field
            && holds_groups(&key.token().to_string())
            && let Expression::TableConstructor(table) = &**value
        {
            self.groups_table(table);
        }
    }
}
