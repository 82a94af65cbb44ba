//! Scope analysis, built once per file and shared by the rules: which
//! locals are declared where (and whether they are used), and every use of
//! a global name (read, written, called or indexed, with the first field),
//! the calls of the engine's API, and the strings compared with `==`/`~=`.
//!
//! This file holds what the analysis finds and the walker's state (scopes,
//! the names conditions established); the walk itself is in `scope/`:
//! `statements.rs` (blocks, statements, function bodies, what assignments
//! carry), `expressions.rs` (expressions, conditions, comparisons, tables),
//! `calls.rs` (calls: the engine's API and its registrations, `dofile`,
//! `rawset(_G, …)`, methods).

use full_moon::ast::Block;
use full_moon::tokenizer::TokenReference;

use super::guards::{Bindings, Facts, Outcome};
use super::includes::{Include, Value, Values};
use super::shapes::TableRow;

mod calls;
mod expressions;
mod statements;

/// What declared a local.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalKind {
    Variable,
    Function,
    Parameter,
    LoopVariable,
}

/// One local variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Local {
    pub name: String,
    pub line: usize,
    pub column: usize,
    pub kind: LocalKind,
    pub used: bool,
    /// Another local of the same name was visible where this one was declared.
    pub shadows: Option<(usize, usize)>,
    /// A parameter of an anonymous function (usually a callback whose
    /// arguments the engine fixes).
    pub of_anonymous_function: bool,
    /// Declared at the top of the file (not inside a block or function).
    pub top_level: bool,
}

/// How a global name is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlobalAccess {
    Read,
    /// Read, then called or indexed: nil here stops the code.
    ReadUsed,
    Write,
}

/// One use of a global name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalUse {
    pub name: String,
    pub line: usize,
    pub column: usize,
    pub access: GlobalAccess,
    /// Inside a function (runs later) rather than at the top of the file.
    pub in_function: bool,
    /// `x.field` or `x.field = …`: the first field, and whether it is written.
    pub field: Option<(String, usize, usize, bool)>,
    /// The first field is called or indexed in turn (`x.field()`, `x.field.y`).
    pub field_used: bool,
    /// A feature test or guarded code: the use sits in a condition that
    /// tests the name (`if x then`, `x or fallback`) or where a condition
    /// established that it exists (see [`super::guards`]).
    pub tested: bool,
    /// The same for the first field (`x.field`).
    pub field_tested: bool,
    /// Mods a condition established as loaded where the use is
    /// (`if core.get_modpath("m") then`).
    pub guard_mods: Vec<String>,
}

/// The kind of value a definition field holds, as written in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// A string literal, with its text (quotes removed).
    Text(String),
    Number,
    Table,
    Function,
    Boolean,
    Nil,
    /// A variable, a call or an operation: its type is not known statically.
    Other,
}

/// One `name = value` field of a definition table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionField {
    pub name: String,
    pub line: usize,
    pub column: usize,
    pub value: FieldValue,
    /// When the value is a table of tables (a shaped recipe): its rows.
    pub rows: Vec<TableRow>,
}

/// A call `minetest.register_x(…, { … })` with a literal definition table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationCall {
    /// `register_node`, `register_tool`, …
    pub function: String,
    pub line: usize,
    pub column: usize,
    pub fields: Vec<DefinitionField>,
    /// The line of the call's closing parenthesis.
    pub end_line: usize,
}

/// A call `minetest.f(…)` / `core.f(…)` of the engine's API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiCall {
    /// `minetest` or `core`, as written.
    pub base: String,
    pub function: String,
    pub line: usize,
    pub column: usize,
    /// How many arguments are written.
    pub arguments: usize,
    /// False when the last argument is a call or `...` (maybe more values).
    pub exact: bool,
}

/// A string literal compared with `==` or `~=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedString {
    pub text: String,
    pub line: usize,
    /// Of the opening quote.
    pub column: usize,
}

/// The analysis of one file.
#[derive(Debug, Default)]
pub struct Analysis {
    pub locals: Vec<Local>,
    pub globals: Vec<GlobalUse>,
    pub registrations: Vec<RegistrationCall>,
    pub api_calls: Vec<ApiCall>,
    pub compared_strings: Vec<ComparedString>,
    /// The `dofile`/`loadfile` calls.
    pub includes: Vec<Include>,
    /// Every `x:name(…)` call, whatever `x` is.
    pub method_calls: Vec<MethodUse>,
    /// The last names of `function a.b()` / `function a:b()` declarations:
    /// methods the file defines itself.
    pub declared_methods: std::collections::BTreeSet<String>,
}

/// A call `x:name(…)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodUse {
    pub name: String,
    pub line: usize,
    pub column: usize,
}

/// Analyses a parsed chunk.
pub fn analyse(block: &Block) -> Analysis {
    let mut walker = Walker::default();
    walker.scopes.push(Vec::new());
    walker.guards.push(Facts::default());
    walker.block_stmts(block);
    walker.analysis
}

#[derive(Default)]
struct Walker {
    analysis: Analysis,
    scopes: Vec<Vec<usize>>,
    function_depth: usize,
    /// Declaring the parameters of an anonymous function.
    in_anonymous: bool,
    /// What conditions established, one frame per block (the innermost last).
    guards: Vec<Facts>,
    /// Walking a test position: a plain read there is a feature test.
    testing: bool,
    /// Outcomes carried by locals (by index) and by global paths.
    local_outcomes: std::collections::HashMap<usize, Outcome>,
    path_outcomes: std::collections::HashMap<String, Outcome>,
    /// What locals (by index) and global paths hold, for file paths.
    local_values: std::collections::HashMap<usize, Vec<Value>>,
    path_values: std::collections::HashMap<String, Vec<Value>>,
}

impl Values for Walker {
    fn local_value(&self, name: &str) -> Option<Vec<Value>> {
        self.resolve(name)
            .and_then(|index| self.local_values.get(&index).cloned())
    }

    fn path_value(&self, path: &str) -> Option<Vec<Value>> {
        self.path_values.get(path).cloned()
    }
}

impl Bindings for Walker {
    fn local_outcome(&self, name: &str) -> Option<Option<Outcome>> {
        self.resolve(name)
            .map(|index| self.local_outcomes.get(&index).cloned())
    }

    fn path_outcome(&self, path: &str) -> Option<Outcome> {
        self.path_outcomes.get(path).cloned()
    }
}

fn name_of(token: &TokenReference) -> (String, usize, usize) {
    let position = token.token().start_position();
    (
        token.token().to_string(),
        position.line(),
        position.character(),
    )
}

impl Walker {
    fn resolve(&self, name: &str) -> Option<usize> {
        self.scopes
            .iter()
            .rev()
            .flat_map(|scope| scope.iter().rev())
            .copied()
            .find(|&index| self.analysis.locals[index].name == name)
    }

    fn declare(&mut self, token: &TokenReference, kind: LocalKind) {
        let (name, line, column) = name_of(token);
        let shadows = self
            .resolve(&name)
            .map(|i| (self.analysis.locals[i].line, self.analysis.locals[i].column));
        self.analysis.locals.push(Local {
            name,
            line,
            column,
            kind,
            used: false,
            shadows,
            of_anonymous_function: kind == LocalKind::Parameter && self.in_anonymous,
            top_level: self.scopes.len() == 1,
        });
        let index = self.analysis.locals.len() - 1;
        self.scopes.last_mut().expect("a scope is open").push(index);
    }

    /// A name read (or written) in an expression.
    fn name_use(
        &mut self,
        token: &TokenReference,
        access: GlobalAccess,
        field: Option<(String, usize, usize, bool)>,
        field_used: bool,
        testing: bool,
    ) {
        let (name, line, column) = name_of(token);
        match self.resolve(&name) {
            Some(index) => {
                if access != GlobalAccess::Write || field.is_some() {
                    self.analysis.locals[index].used = true;
                }
            }
            None => {
                let path = field.as_ref().map(|(f, ..)| format!("{name}.{f}"));
                let established = |wanted: &str| {
                    testing || self.guards.iter().any(|facts| facts.names.contains(wanted))
                };
                let tested = established(&name);
                let field_tested = path.as_deref().is_some_and(established);
                let mut guard_mods: Vec<String> = self
                    .guards
                    .iter()
                    .flat_map(|facts| facts.mods.iter().cloned())
                    .collect();
                guard_mods.sort();
                guard_mods.dedup();
                self.analysis.globals.push(GlobalUse {
                    name,
                    line,
                    column,
                    access,
                    in_function: self.function_depth > 0,
                    field,
                    field_used,
                    tested,
                    field_tested,
                    guard_mods,
                })
            }
        }
    }

    /// Walks `walk` with `facts` established.
    fn guarded<T>(&mut self, facts: Facts, walk: impl FnOnce(&mut Self) -> T) -> T {
        self.guards.push(facts);
        let result = walk(self);
        self.guards.pop();
        result
    }
}
