//! `on_use = minetest.item_eat` without the call: `item_eat(hp)` makes the
//! function that eats, so written bare it is that maker which the engine
//! calls when a player uses the item. It hands back a function where the
//! engine expects an item, and the engine stops the server ("Expecting
//! itemstack, itemstring, table or nil", `read_item` in its C++).

use full_moon::ast::Field;
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{LintRule, TreeContext};
use crate::lint::tree::{engine_field, position};

pub const ITEM_EAT_NOT_CALLED: Code = Code {
    id: "MT2507",
    name: "item-eat-not-called",
    severity: Severity::Error,
    doc: "`on_use = minetest.item_eat` without `(…)`: using the item crashes the server; `minetest.item_eat(2)` was meant.",
};

/// The item callbacks the engine calls with `(itemstack, user, pointed_thing)`.
const CALLBACKS: &[&str] = &["on_use", "on_secondary_use", "on_place"];

pub struct ItemEatUncalled;

impl LintRule for ItemEatUncalled {
    fn codes(&self) -> &'static [&'static Code] {
        &[&ITEM_EAT_NOT_CALLED]
    }

    fn check_tree(&self, file: &TreeContext, out: &mut Vec<Diagnostic>) {
        let mut finder = Finder::default();
        file.ast.visit(&mut finder);
        for (field, base, line, column) in finder.found {
            let width = base.chars().count() + ".item_eat".len();
            out.push(
                Diagnostic::new(&ITEM_EAT_NOT_CALLED, file.path)
                    .at(Span::on_line(line, column, width))
                    .arg("field", field)
                    .arg("base", base),
            );
        }
    }
}

#[derive(Default)]
struct Finder {
    /// `(field, base, line, column of the value)`.
    found: Vec<(String, String, usize, usize)>,
}

impl Visitor for Finder {
    fn visit_field(&mut self, field: &Field) {
        let Field::NameKey { key, value, .. } = field else {
            return;
        };
        let name = key.token().to_string();
        if !CALLBACKS.contains(&name.as_str()) {
            return;
        }
        if let Some((base, function)) = engine_field(value)
            && function.token().to_string() == "item_eat"
        {
            let (line, _) = position(function);
            let column = crate::lint::tree::start_of(value).map_or(1, |(_, c)| c);
            self.found.push((name, base, line, column));
        }
    }
}
