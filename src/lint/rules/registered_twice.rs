//! The same name registered twice by one mod (`register_node("m:lamp", …)`
//! in two places): the engine keeps the definition registered last,
//! without a word (measured on 5.6.1: `real_content/rc_node_rules`), so
//! the first one silently does nothing. Only calls that always run are
//! compared: at the top of a file, not inside a function, a loop or an
//! `if`, with the name written as text.

use full_moon::ast::{Expression, FunctionCall};
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::lint::rule::{FileNotes, LintRule, TreeContext, TreeNotes};
use crate::lint::shapes::string_text;
use crate::lint::tree::{arguments, engine_call, position};

pub const REGISTERED_TWICE: Code = Code {
    id: "MT2504",
    name: "registered-twice",
    severity: Severity::Warning,
    doc: "The mod registers the same name twice: the game keeps only the last definition, without a word.",
};

/// The kind of thing a registration names: items share one list.
fn kind_of(function: &str) -> Option<&'static str> {
    match function {
        "register_node" | "register_craftitem" | "register_tool" | "register_item" => Some("item"),
        "register_entity" => Some("entity"),
        "register_chatcommand" => Some("chatcommand"),
        _ => None,
    }
}

pub struct RegisteredTwice;

impl LintRule for RegisteredTwice {
    fn codes(&self) -> &'static [&'static Code] {
        &[&REGISTERED_TWICE]
    }

    fn note_tree(&self, file: &TreeContext) -> Option<TreeNotes> {
        let mut finder = Finder::default();
        file.ast.visit(&mut finder);
        Some(Box::new(finder.found))
    }

    fn check_mod_notes(&self, files: &[FileNotes], out: &mut Vec<Diagnostic>) {
        let mut first: std::collections::BTreeMap<(&'static str, &str), (usize, usize)> =
            std::collections::BTreeMap::new();
        for (index, file) in files.iter().enumerate() {
            let Some(found_in_file) = file.notes.downcast_ref::<Vec<Found>>() else {
                continue;
            };
            for found in found_in_file {
                let key = (found.kind, found.name.as_str());
                let Some(&(first_file, first_line)) = first.get(&key) else {
                    first.insert(key, (index, found.line));
                    continue;
                };
                let other = files[first_file].path;
                let mut finding = Diagnostic::new(&REGISTERED_TWICE, file.path)
                    .at(Span::on_line(
                        found.line,
                        found.column,
                        found.written.chars().count(),
                    ))
                    .arg("name", found.name.clone())
                    .arg("line", first_line);
                finding = if first_file == index {
                    finding.arg("file", "same")
                } else {
                    finding.arg(
                        "file",
                        other
                            .file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                    )
                };
                out.push(finding);
            }
        }
    }
}

struct Found {
    kind: &'static str,
    /// Without a leading `:`.
    name: String,
    /// The name's text as written, quotes included.
    written: String,
    line: usize,
    column: usize,
}

/// The registrations that always run: `depth` counts the functions,
/// loops and `if`s around the call being looked at.
#[derive(Default)]
struct Finder {
    depth: usize,
    found: Vec<Found>,
}

impl Visitor for Finder {
    fn visit_function_body(&mut self, _: &full_moon::ast::FunctionBody) {
        self.depth += 1;
    }
    fn visit_function_body_end(&mut self, _: &full_moon::ast::FunctionBody) {
        self.depth -= 1;
    }
    fn visit_if(&mut self, _: &full_moon::ast::If) {
        self.depth += 1;
    }
    fn visit_if_end(&mut self, _: &full_moon::ast::If) {
        self.depth -= 1;
    }
    fn visit_while(&mut self, _: &full_moon::ast::While) {
        self.depth += 1;
    }
    fn visit_while_end(&mut self, _: &full_moon::ast::While) {
        self.depth -= 1;
    }
    fn visit_repeat(&mut self, _: &full_moon::ast::Repeat) {
        self.depth += 1;
    }
    fn visit_repeat_end(&mut self, _: &full_moon::ast::Repeat) {
        self.depth -= 1;
    }
    fn visit_numeric_for(&mut self, _: &full_moon::ast::NumericFor) {
        self.depth += 1;
    }
    fn visit_numeric_for_end(&mut self, _: &full_moon::ast::NumericFor) {
        self.depth -= 1;
    }
    fn visit_generic_for(&mut self, _: &full_moon::ast::GenericFor) {
        self.depth += 1;
    }
    fn visit_generic_for_end(&mut self, _: &full_moon::ast::GenericFor) {
        self.depth -= 1;
    }

    fn visit_function_call(&mut self, call: &FunctionCall) {
        if self.depth > 0 {
            return;
        }
        let Some((function, args)) = engine_call(call) else {
            return;
        };
        let Some(kind) = kind_of(&function.token().to_string()) else {
            return;
        };
        let Some(Expression::String(token)) = arguments(args).first().copied() else {
            return;
        };
        let Some(text) = string_text(token) else {
            return;
        };
        let (line, column) = position(token);
        self.found.push(Found {
            kind,
            name: text.strip_prefix(':').unwrap_or(&text).to_owned(),
            written: token.token().to_string(),
            line,
            column,
        });
    }
}
