//! Lines of a conf file that the engine cannot read as the author meant.

use crate::content::ConfProblemKind;
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::validate::{Context, Rule};

pub const MISSING_EQUALS: Code = Code {
    id: "MT1001",
    name: "conf-missing-equals",
    severity: Severity::Error,
    doc: "A conf line has no `=`, so the engine ignores it.",
};

pub const EMPTY_KEY: Code = Code {
    id: "MT1002",
    name: "conf-empty-key",
    severity: Severity::Error,
    doc: "A conf line starts with `=`: the key name is missing.",
};

pub const UNCLOSED_MULTILINE: Code = Code {
    id: "MT1003",
    name: "conf-unclosed-multiline",
    severity: Severity::Error,
    doc: "A `\"\"\"` multi-line value is never closed.",
};

pub const UNCLOSED_GROUP: Code = Code {
    id: "MT1004",
    name: "conf-unclosed-group",
    severity: Severity::Error,
    doc: "A `{` group is never closed with `}`.",
};

pub const BYTE_ORDER_MARK: Code = Code {
    id: "MT1005",
    name: "conf-byte-order-mark",
    severity: Severity::Error,
    doc: "The file starts with an invisible byte order mark that spoils the first key.",
};

pub const NOT_UTF8: Code = Code {
    id: "MT1006",
    name: "conf-not-utf8",
    severity: Severity::Error,
    doc: "The conf file is not saved as UTF-8 text.",
};

pub struct ConfSyntax;

impl Rule for ConfSyntax {
    fn codes(&self) -> &'static [&'static Code] {
        &[
            &MISSING_EQUALS,
            &EMPTY_KEY,
            &UNCLOSED_MULTILINE,
            &UNCLOSED_GROUP,
            &BYTE_ORDER_MARK,
            &NOT_UTF8,
        ]
    }

    fn check(&self, context: &Context, out: &mut Vec<Diagnostic>) {
        for (doc, _) in context.workspace.conf_docs() {
            for problem in &doc.conf.problems {
                let code = match problem.kind {
                    ConfProblemKind::MissingEquals => &MISSING_EQUALS,
                    ConfProblemKind::EmptyKey => &EMPTY_KEY,
                    ConfProblemKind::UnclosedMultiline => &UNCLOSED_MULTILINE,
                    ConfProblemKind::UnclosedGroup => &UNCLOSED_GROUP,
                    ConfProblemKind::ByteOrderMark => &BYTE_ORDER_MARK,
                    ConfProblemKind::NotUtf8 => &NOT_UTF8,
                };
                let width = problem.text.chars().count();
                out.push(
                    Diagnostic::new(code, &doc.path)
                        .at(Span::on_line(problem.line, problem.column, width))
                        .arg("text", problem.text.as_str()),
                );
            }
        }
    }
}
