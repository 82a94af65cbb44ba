//! Scope analysis, built once per file and shared by the rules: which
//! locals are declared where (and whether they are used), and every use of
//! a global name (read, written, called or indexed, with the first field),
//! the calls of the engine's API, and the strings compared with `==`/`~=`.

use full_moon::ast::{
    BinOp, Block, Call, Expression, Field, FunctionArgs, FunctionBody, Index, LastStmt, Parameter,
    Prefix, Stmt, Suffix, Var,
};
use full_moon::tokenizer::TokenReference;

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
}

/// Analyses a parsed chunk.
pub fn analyse(block: &Block) -> Analysis {
    let mut walker = Walker::default();
    walker.scopes.push(Vec::new());
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
    fn resolve(&mut self, name: &str) -> Option<usize> {
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
    ) {
        let (name, line, column) = name_of(token);
        match self.resolve(&name) {
            Some(index) => {
                if access != GlobalAccess::Write || field.is_some() {
                    self.analysis.locals[index].used = true;
                }
            }
            None => self.analysis.globals.push(GlobalUse {
                name,
                line,
                column,
                access,
                in_function: self.function_depth > 0,
                field,
            }),
        }
    }

    fn block(&mut self, block: &Block) {
        self.scopes.push(Vec::new());
        self.block_stmts(block);
        self.scopes.pop();
    }

    fn block_stmts(&mut self, block: &Block) {
        for stmt in block.stmts() {
            self.stmt(stmt);
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
                for expression in local.expressions() {
                    self.expression(expression);
                }
                for name in local.names() {
                    self.declare(name, LocalKind::Variable);
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
                if let Some(first) = names.first() {
                    if names.len() == 1 && !is_method {
                        self.name_use(first, GlobalAccess::Write, None);
                    } else {
                        let field = names
                            .get(1)
                            .map(|t| name_of(t))
                            .or_else(|| name.method_name().map(name_of));
                        let field =
                            field.map(|(f, l, c)| (f, l, c, names.len() == 2 && !is_method));
                        self.name_use(first, GlobalAccess::ReadUsed, field);
                    }
                }
                self.function_body(declaration.body(), is_method);
            }
            Stmt::Assignment(assignment) => {
                for expression in assignment.expressions() {
                    self.expression(expression);
                }
                for var in assignment.variables() {
                    match var {
                        Var::Name(token) => self.name_use(token, GlobalAccess::Write, None),
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
                self.expression(w.condition());
                self.block(w.block());
            }
            Stmt::Repeat(r) => {
                // `until` sees the block's locals.
                self.scopes.push(Vec::new());
                self.block_stmts(r.block());
                self.expression(r.until());
                self.scopes.pop();
            }
            Stmt::If(i) => {
                self.expression(i.condition());
                self.block(i.block());
                for else_if in i.else_if().into_iter().flatten() {
                    self.expression(else_if.condition());
                    self.block(else_if.block());
                }
                if let Some(block) = i.else_block() {
                    self.block(block);
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
                for expression in f.expressions() {
                    self.expression(expression);
                }
                self.scopes.push(Vec::new());
                for name in f.names() {
                    self.declare(name, LocalKind::LoopVariable);
                }
                self.block(f.block());
                self.scopes.pop();
            }
            _ => {}
        }
    }

    fn function_body(&mut self, body: &FunctionBody, is_method: bool) {
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
    }

    /// `prefix` followed by `suffixes`; `assigned_field` when this is the
    /// target `x.field = …` of an assignment.
    fn prefix(&mut self, prefix: &Prefix, suffixes: &[&Suffix], assigned_field: bool) {
        self.registration(prefix, suffixes);
        self.api_call(prefix, suffixes);
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
                self.name_use(token, access, field);
            }
            Prefix::Expression(expression) => self.expression(expression),
            _ => {}
        }
        for suffix in suffixes {
            match suffix {
                Suffix::Call(Call::AnonymousCall(args)) => self.arguments(args),
                Suffix::Call(Call::MethodCall(method)) => self.arguments(method.args()),
                Suffix::Index(Index::Brackets { expression, .. }) => self.expression(expression),
                _ => {}
            }
        }
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
        match expression {
            Expression::BinaryOperator { lhs, binop, rhs } => {
                self.comparison(lhs, binop, rhs);
                self.expression(lhs);
                self.expression(rhs);
            }
            Expression::Parentheses { expression, .. }
            | Expression::UnaryOperator { expression, .. } => self.expression(expression),
            Expression::Function(function) => {
                self.in_anonymous = true;
                self.function_body(function.body(), false);
            }
            Expression::FunctionCall(call) => {
                let suffixes: Vec<&Suffix> = call.suffixes().collect();
                self.prefix(call.prefix(), &suffixes, false);
            }
            Expression::TableConstructor(table) => self.table(table),
            Expression::Var(Var::Name(token)) => self.name_use(token, GlobalAccess::Read, None),
            Expression::Var(Var::Expression(var)) => {
                let suffixes: Vec<&Suffix> = var.suffixes().collect();
                self.prefix(var.prefix(), &suffixes, false);
            }
            _ => {}
        }
    }
}
