//! Scope analysis, built once per file and shared by the rules: which
//! locals are declared where (and whether they are used), and every use of
//! a global name (read, written, called or indexed, with the first field),
//! the calls of the engine's API, and the strings compared with `==`/`~=`.

use full_moon::ast::{
    BinOp, Block, Call, Expression, Field, FunctionArgs, FunctionBody, Index, LastStmt, Parameter,
    Prefix, Stmt, Suffix, Var,
};
use full_moon::tokenizer::TokenReference;

use super::guards::{self, Bindings, Facts, Outcome};
use super::includes::{self, Include, Value, Values};
use super::shapes::{TableRow, argument_count, closing_line, field_value, string_text, table_rows};

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

/// A block that leaves: it ends with `return`, `break` or `error(…)`.
fn exits(block: &Block) -> bool {
    if block.last_stmt().is_some() {
        return true;
    }
    matches!(block.stmts().last(), Some(Stmt::FunctionCall(call))
        if matches!(call.prefix(), Prefix::Name(name) if name.token().to_string() == "error"))
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

    /// `x = cond` stores what `cond` says with the local `x` (or the
    /// global path), so that a later `if x then` establishes it.
    fn carry_outcomes(&mut self, assignment: &full_moon::ast::Assignment) {
        let values: Vec<&Expression> = assignment.expressions().iter().collect();
        for (position, var) in assignment.variables().iter().enumerate() {
            let outcome = values
                .get(position)
                .map(|value| guards::outcome(value, self))
                .unwrap_or_default();
            let value = values
                .get(position)
                .and_then(|value| includes::values(value, self));
            let target = match var {
                Var::Name(token) => {
                    let name = token.token().to_string();
                    match self.resolve(&name) {
                        Some(index) => {
                            self.local_outcomes.insert(index, outcome);
                            match value {
                                Some(value) => self.local_values.insert(index, value),
                                None => self.local_values.remove(&index),
                            };
                            continue;
                        }
                        None => Some(name),
                    }
                }
                Var::Expression(_) => {
                    let expression = Expression::Var(var.clone());
                    guards::global_path(&expression, self)
                }
                _ => None,
            };
            if let Some(path) = target {
                match value {
                    Some(value) => self.path_values.insert(path.clone(), value),
                    None => self.path_values.remove(&path),
                };
                if outcome.is_empty() {
                    self.path_outcomes.remove(&path);
                } else {
                    self.path_outcomes.insert(path, outcome);
                }
            }
        }
    }

    /// Walks an expression in a test position (or not).
    fn expression_testing(&mut self, expression: &Expression, testing: bool) {
        let before = std::mem::replace(&mut self.testing, testing);
        self.expression(expression);
        self.testing = before;
    }

    /// A condition: walked as a feature test, returning what it says.
    fn condition(&mut self, expression: &Expression) -> Outcome {
        let outcome = guards::outcome(expression, self);
        self.expression_testing(expression, true);
        outcome
    }

    fn block(&mut self, block: &Block) {
        self.guarded_block(block, Facts::default());
    }

    /// A block where `facts` hold.
    fn guarded_block(&mut self, block: &Block, facts: Facts) {
        self.scopes.push(Vec::new());
        self.guarded(facts, |walker| walker.block_stmts(block));
        self.scopes.pop();
    }

    fn block_stmts(&mut self, block: &Block) {
        for stmt in block.stmts() {
            self.stmt(stmt);
            // `if not x then return end`: x exists in the rest of the block.
            if let Stmt::If(i) = stmt
                && i.else_if().is_none()
                && i.else_block().is_none()
                && exits(i.block())
            {
                let established = guards::outcome(i.condition(), self).when_false;
                if let Some(frame) = self.guards.last_mut() {
                    *frame = std::mem::take(frame).union(&established);
                }
            }
        }
        if let Some(LastStmt::Return(ret)) = block.last_stmt() {
            for expression in ret.returns() {
                self.expression(expression);
            }
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::LocalAssignment(local) => {
                let outcomes: Vec<Outcome> = local
                    .expressions()
                    .iter()
                    .map(|e| guards::outcome(e, self))
                    .collect();
                let values: Vec<Option<Vec<Value>>> = local
                    .expressions()
                    .iter()
                    .map(|e| includes::values(e, self))
                    .collect();
                for expression in local.expressions() {
                    self.expression(expression);
                }
                for (position, name) in local.names().iter().enumerate() {
                    self.declare(name, LocalKind::Variable);
                    let index = self.analysis.locals.len() - 1;
                    if let Some(outcome) = outcomes.get(position).filter(|o| !o.is_empty()) {
                        self.local_outcomes.insert(index, outcome.clone());
                    }
                    if let Some(Some(value)) = values.get(position) {
                        self.local_values.insert(index, value.clone());
                    }
                }
            }
            Stmt::LocalFunction(function) => {
                self.declare(function.name(), LocalKind::Function);
                self.function_body(function.body(), false);
            }
            Stmt::FunctionDeclaration(declaration) => {
                let name = declaration.name();
                let names: Vec<&TokenReference> = name.names().iter().collect();
                let is_method = name.method_name().is_some();
                if let Some(last) = name.method_name().or(names.last().copied())
                    && (is_method || names.len() > 1)
                {
                    self.analysis.declared_methods.insert(name_of(last).0);
                }
                if let Some(first) = names.first() {
                    if names.len() == 1 && !is_method {
                        self.name_use(first, GlobalAccess::Write, None, false, false);
                    } else {
                        let field = names
                            .get(1)
                            .map(|t| name_of(t))
                            .or_else(|| name.method_name().map(name_of));
                        let written = names.len() == 2 && !is_method;
                        let field = field.map(|(f, l, c)| (f, l, c, written));
                        self.name_use(first, GlobalAccess::ReadUsed, field, !written, false);
                    }
                }
                self.function_body(declaration.body(), is_method);
            }
            Stmt::Assignment(assignment) => {
                for expression in assignment.expressions() {
                    self.expression(expression);
                }
                self.carry_outcomes(assignment);
                for var in assignment.variables() {
                    match var {
                        Var::Name(token) => {
                            self.name_use(token, GlobalAccess::Write, None, false, false)
                        }
                        Var::Expression(var) => {
                            let suffixes: Vec<&Suffix> = var.suffixes().collect();
                            self.prefix(var.prefix(), &suffixes, suffixes.len() == 1);
                        }
                        _ => {}
                    }
                }
            }
            Stmt::FunctionCall(call) => {
                let suffixes: Vec<&Suffix> = call.suffixes().collect();
                self.prefix(call.prefix(), &suffixes, false);
            }
            Stmt::Do(block) => self.block(block.block()),
            Stmt::While(w) => {
                let outcome = self.condition(w.condition());
                self.guarded_block(w.block(), outcome.when_true);
            }
            Stmt::Repeat(r) => {
                // `until` sees the block's locals.
                self.scopes.push(Vec::new());
                self.block_stmts(r.block());
                self.expression(r.until());
                self.scopes.pop();
            }
            Stmt::If(i) => {
                let outcome = self.condition(i.condition());
                self.guarded_block(i.block(), outcome.when_true);
                // Each later branch runs where the earlier conditions failed.
                let mut failed = outcome.when_false;
                for else_if in i.else_if().into_iter().flatten() {
                    let outcome = self.guarded(failed.clone(), |walker| {
                        let outcome = walker.condition(else_if.condition());
                        walker.guarded_block(else_if.block(), outcome.when_true.clone());
                        outcome
                    });
                    failed = failed.union(&outcome.when_false);
                }
                if let Some(block) = i.else_block() {
                    self.guarded_block(block, failed);
                }
            }
            Stmt::NumericFor(f) => {
                self.expression(f.start());
                self.expression(f.end());
                if let Some(step) = f.step() {
                    self.expression(step);
                }
                self.scopes.push(Vec::new());
                self.declare(f.index_variable(), LocalKind::LoopVariable);
                self.block(f.block());
                self.scopes.pop();
            }
            Stmt::GenericFor(f) => {
                let expressions: Vec<&Expression> = f.expressions().iter().collect();
                let looped = includes::loop_values(&expressions, self);
                for expression in f.expressions() {
                    self.expression(expression);
                }
                self.scopes.push(Vec::new());
                for (position, name) in f.names().iter().enumerate() {
                    self.declare(name, LocalKind::LoopVariable);
                    if position == 1
                        && let Some(looped) = &looped
                    {
                        let index = self.analysis.locals.len() - 1;
                        self.local_values.insert(index, looped.clone());
                    }
                }
                self.block(f.block());
                self.scopes.pop();
            }
            _ => {}
        }
    }

    fn function_body(&mut self, body: &FunctionBody, is_method: bool) {
        let testing = std::mem::replace(&mut self.testing, false);
        self.scopes.push(Vec::new());
        self.function_depth += 1;
        if is_method {
            let index = self.analysis.locals.len();
            self.analysis.locals.push(Local {
                name: "self".into(),
                line: 0,
                column: 0,
                kind: LocalKind::Parameter,
                used: true,
                shadows: None,
                of_anonymous_function: false,
                top_level: false,
            });
            self.scopes.last_mut().expect("scope").push(index);
        }
        for parameter in body.parameters() {
            if let Parameter::Name(token) = parameter {
                self.declare(token, LocalKind::Parameter);
            }
        }
        self.in_anonymous = false;
        self.block(body.block());
        self.function_depth -= 1;
        self.scopes.pop();
        self.testing = testing;
    }

    /// `prefix` followed by `suffixes`; `assigned_field` when this is the
    /// target `x.field = …` of an assignment.
    fn prefix(&mut self, prefix: &Prefix, suffixes: &[&Suffix], assigned_field: bool) {
        self.registration(prefix, suffixes);
        self.api_call(prefix, suffixes);
        self.include(prefix, suffixes);
        match prefix {
            Prefix::Name(token) => {
                let field = match suffixes.first() {
                    Some(Suffix::Index(Index::Dot { name, .. })) => {
                        let (f, l, c) = name_of(name);
                        Some((f, l, c, assigned_field))
                    }
                    _ => None,
                };
                let access = if suffixes.is_empty() {
                    GlobalAccess::Read
                } else {
                    GlobalAccess::ReadUsed
                };
                // A chain of field reads in a test position tests itself;
                // a call in it does not.
                let testing = self.testing
                    && suffixes
                        .iter()
                        .all(|suffix| matches!(suffix, Suffix::Index(_)));
                self.name_use(token, access, field, suffixes.len() > 1, testing);
            }
            Prefix::Expression(expression) => self.expression_testing(expression, false),
            _ => {}
        }
        let before = std::mem::replace(&mut self.testing, false);
        for suffix in suffixes {
            match suffix {
                Suffix::Call(Call::AnonymousCall(args)) => self.arguments(args),
                Suffix::Call(Call::MethodCall(method)) => {
                    let (name, line, column) = name_of(method.name());
                    self.analysis
                        .method_calls
                        .push(MethodUse { name, line, column });
                    self.arguments(method.args());
                }
                Suffix::Index(Index::Brackets { expression, .. }) => self.expression(expression),
                _ => {}
            }
        }
        self.testing = before;
    }

    /// `(base, function name token, arguments)` of a call
    /// `minetest.f(…)` / `core.f(…)` on the engine table (not a local
    /// of that name); `exact` asks for the call with nothing after it.
    fn engine_call<'a>(
        &mut self,
        prefix: &Prefix,
        suffixes: &[&'a Suffix],
        exact: bool,
    ) -> Option<(String, &'a TokenReference, &'a FunctionArgs)> {
        let Prefix::Name(token) = prefix else {
            return None;
        };
        let (base, _, _) = name_of(token);
        if (base != "minetest" && base != "core") || self.resolve(&base).is_some() {
            return None;
        }
        if exact && suffixes.len() != 2 {
            return None;
        }
        let [
            Suffix::Index(Index::Dot { name, .. }),
            Suffix::Call(Call::AnonymousCall(args)),
            ..,
        ] = suffixes
        else {
            return None;
        };
        Some((base, name, args))
    }

    /// `rawset(_G, "x", value)` assigns the global x.
    fn rawset_global(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
        let Prefix::Name(token) = prefix else {
            return;
        };
        if token.token().to_string() != "rawset" || self.resolve("rawset").is_some() {
            return;
        }
        let [Suffix::Call(Call::AnonymousCall(args)), ..] = suffixes else {
            return;
        };
        let FunctionArgs::Parentheses { arguments, .. } = args.as_ref() else {
            return;
        };
        let mut arguments = arguments.iter();
        let (Some(Expression::Var(Var::Name(table))), Some(Expression::String(key))) =
            (arguments.next(), arguments.next())
        else {
            return;
        };
        if table.token().to_string() != "_G" || self.resolve("_G").is_some() {
            return;
        }
        let Some(name) = string_text(key) else {
            return;
        };
        let position = key.token().start_position();
        self.analysis.globals.push(GlobalUse {
            name,
            line: position.line(),
            column: position.character() + 1,
            access: GlobalAccess::Write,
            // The engine's strict check does not see a raw write.
            in_function: false,
            field: None,
            field_used: false,
            tested: false,
            field_tested: false,
            guard_mods: Vec::new(),
        });
    }

    /// Records `dofile(path)` / `loadfile(path)` calls.
    fn include(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
        self.rawset_global(prefix, suffixes);
        let Prefix::Name(token) = prefix else {
            return;
        };
        let (name, line, _) = name_of(token);
        if !matches!(name.as_str(), "dofile" | "loadfile") || self.resolve(&name).is_some() {
            return;
        }
        let [Suffix::Call(Call::AnonymousCall(args)), ..] = suffixes else {
            return;
        };
        let FunctionArgs::Parentheses { arguments, .. } = args.as_ref() else {
            return;
        };
        let targets = match arguments.iter().next() {
            Some(argument) => includes::targets(argument, self),
            None => Vec::new(),
        };
        let facts = self
            .guards
            .iter()
            .fold(Facts::default(), |all, facts| all.union(facts));
        self.analysis.includes.push(Include {
            line,
            targets,
            facts,
        });
    }

    /// Records `minetest.register_x(name, { fields })` calls.
    fn registration(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
        let Some((_, name, args)) = self.engine_call(prefix, suffixes, true) else {
            return;
        };
        let (function, line, column) = name_of(name);
        if !function.starts_with("register_") {
            return;
        }
        let FunctionArgs::Parentheses { arguments, .. } = args else {
            return;
        };
        let end_line = closing_line(args).unwrap_or(line);
        let Some(Expression::TableConstructor(table)) = arguments.iter().last() else {
            return;
        };
        let fields = table
            .fields()
            .iter()
            .filter_map(|field| match field {
                Field::NameKey { key, value, .. } => {
                    let (name, line, column) = name_of(key);
                    Some(DefinitionField {
                        name,
                        line,
                        column,
                        value: field_value(value),
                        rows: match value.as_ref() {
                            Expression::TableConstructor(rows) => table_rows(rows),
                            _ => Vec::new(),
                        },
                    })
                }
                _ => None,
            })
            .collect();
        self.analysis.registrations.push(RegistrationCall {
            function,
            line,
            column,
            fields,
            end_line,
        });
    }

    /// Records `minetest.f(…)` calls with their argument count.
    fn api_call(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
        let Some((base, name, args)) = self.engine_call(prefix, suffixes, false) else {
            return;
        };
        let (function, line, column) = name_of(name);
        let (arguments, exact) = argument_count(args);
        self.analysis.api_calls.push(ApiCall {
            base,
            function,
            line,
            column,
            arguments,
            exact,
        });
    }

    /// Records the string literals of `a == "x"` / `a ~= "x"`.
    fn comparison(&mut self, lhs: &Expression, binop: &BinOp, rhs: &Expression) {
        if !matches!(binop, BinOp::TwoEqual(_) | BinOp::TildeEqual(_)) {
            return;
        }
        for side in [lhs, rhs] {
            if let Expression::String(token) = side
                && let Some(text) = string_text(token)
            {
                let position = token.token().start_position();
                self.analysis.compared_strings.push(ComparedString {
                    text,
                    line: position.line(),
                    column: position.character(),
                });
            }
        }
    }

    fn arguments(&mut self, args: &FunctionArgs) {
        match args {
            FunctionArgs::Parentheses { arguments, .. } => {
                for expression in arguments {
                    self.expression(expression);
                }
            }
            FunctionArgs::TableConstructor(table) => self.table(table),
            _ => {}
        }
    }

    fn table(&mut self, table: &full_moon::ast::TableConstructor) {
        for field in table.fields() {
            match field {
                Field::NameKey { value, .. } => self.expression(value),
                Field::ExpressionKey { key, value, .. } => {
                    self.expression(key);
                    self.expression(value);
                }
                Field::NoKey(expression) => self.expression(expression),
                _ => {}
            }
        }
    }

    fn expression(&mut self, expression: &Expression) {
        let testing = self.testing;
        match expression {
            Expression::BinaryOperator { lhs, binop, rhs } => {
                self.comparison(lhs, binop, rhs);
                match binop {
                    // `x and x.f`, `x or fallback`: the left side is a test,
                    // the right side runs where it held (or failed).
                    BinOp::And(_) | BinOp::Or(_) => {
                        let outcome = guards::outcome(lhs, self);
                        self.expression_testing(lhs, true);
                        let facts = if matches!(binop, BinOp::And(_)) {
                            outcome.when_true
                        } else {
                            outcome.when_false
                        };
                        self.guarded(facts, |walker| walker.expression_testing(rhs, testing));
                    }
                    BinOp::TwoEqual(_) | BinOp::TildeEqual(_) => {
                        // `x == nil`, `type(x) == "table"` test x.
                        let nil = |e: &Expression| matches!(e, Expression::Symbol(t) if t.token().to_string() == "nil");
                        let tests = nil(lhs) || nil(rhs);
                        self.expression_testing(lhs, tests);
                        self.expression_testing(rhs, tests);
                    }
                    _ => {
                        self.expression_testing(lhs, false);
                        self.expression_testing(rhs, false);
                    }
                }
            }
            Expression::Parentheses { expression, .. } => self.expression(expression),
            Expression::UnaryOperator { unop, expression } => {
                let tests = matches!(unop, full_moon::ast::UnOp::Not(_));
                self.expression_testing(expression, tests);
            }
            Expression::Function(function) => {
                self.in_anonymous = true;
                self.testing = false;
                self.function_body(function.body(), false);
                self.testing = testing;
            }
            Expression::FunctionCall(call) => {
                if let Some(argument) = guards::type_argument(expression, self) {
                    // `type(x)` reads x only to test it.
                    self.expression_testing(argument, true);
                    return;
                }
                let suffixes: Vec<&Suffix> = call.suffixes().collect();
                self.prefix(call.prefix(), &suffixes, false);
            }
            Expression::TableConstructor(table) => {
                self.testing = false;
                self.table(table);
                self.testing = testing;
            }
            Expression::Var(Var::Name(token)) => {
                self.name_use(token, GlobalAccess::Read, None, false, testing)
            }
            Expression::Var(Var::Expression(var)) => {
                let suffixes: Vec<&Suffix> = var.suffixes().collect();
                self.prefix(var.prefix(), &suffixes, false);
            }
            _ => {}
        }
    }
}
