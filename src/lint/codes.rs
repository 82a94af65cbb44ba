//! Codes of the syntax findings (the static rules declare their own).

use crate::diag::{Code, Severity};

pub const SYNTAX_ERROR: Code = Code {
    id: "MT2001",
    name: "syntax-error",
    severity: Severity::Error,
    doc: "A Lua file does not compile (a case not recognised by the more precise MT20xx codes).",
};

pub const MISSING_END: Code = Code {
    id: "MT2002",
    name: "missing-end",
    severity: Severity::Error,
    doc: "A block (function, if, for, while, do) has no `end`; points at the line that opened it.",
};

pub const UNCLOSED_STRING: Code = Code {
    id: "MT2003",
    name: "unclosed-string",
    severity: Severity::Error,
    doc: "A text between quotes is not closed.",
};

pub const MISSING_THEN: Code = Code {
    id: "MT2004",
    name: "missing-then",
    severity: Severity::Error,
    doc: "An `if` or `elseif` lacks `then` after its condition.",
};

pub const MISSING_DO: Code = Code {
    id: "MT2005",
    name: "missing-do",
    severity: Severity::Error,
    doc: "A `for` or `while` lacks `do`.",
};

pub const ASSIGN_IN_CONDITION: Code = Code {
    id: "MT2006",
    name: "assign-in-condition",
    severity: Severity::Error,
    doc: "`=` used in a condition where `==` (compare) was meant.",
};

pub const STRAY_CLOSER: Code = Code {
    id: "MT2007",
    name: "stray-closer",
    severity: Severity::Error,
    doc: "An `end`, `}` or `)` that closes nothing.",
};

pub const MISSING_COMMA: Code = Code {
    id: "MT2008",
    name: "missing-comma",
    severity: Severity::Error,
    doc: "Two fields of a table (or two arguments) are not separated by a comma.",
};

pub const UNCLOSED_COMMENT: Code = Code {
    id: "MT2009",
    name: "unclosed-comment",
    severity: Severity::Error,
    doc: "A `--[[` comment is never closed with `]]`.",
};

pub const FOREIGN_OPERATOR: Code = Code {
    id: "MT2010",
    name: "foreign-operator",
    severity: Severity::Error,
    doc: "`!=`, `&&`, `||` or `!` from another language: the engine's Lua refuses them.",
};

pub const ELSE_IF: Code = Code {
    id: "MT2011",
    name: "else-if",
    severity: Severity::Error,
    doc: "`else if` on one line opens a second `if` that needs its own `end`; `elseif` was meant.",
};

/// The syntax codes.
pub const SYNTAX_CODES: &[&Code] = &[
    &SYNTAX_ERROR,
    &MISSING_END,
    &UNCLOSED_STRING,
    &MISSING_THEN,
    &MISSING_DO,
    &ASSIGN_IN_CONDITION,
    &STRAY_CLOSER,
    &MISSING_COMMA,
    &UNCLOSED_COMMENT,
    &FOREIGN_OPERATOR,
    &ELSE_IF,
    &CODE_AFTER_RETURN,
];

pub const CODE_AFTER_RETURN: Code = Code {
    id: "MT2012",
    name: "code-after-return",
    severity: Severity::Error,
    doc: "A line after `return` or `break` in the same block: it could never run, and Lua refuses the file.",
};
