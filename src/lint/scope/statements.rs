//! The walk over statements: blocks (each a scope, with what its
//! conditions established), local and global assignments and what they
//! carry to later conditions, loops, function bodies and their parameters.

use full_moon::ast::{
    Block, Expression, FunctionBody, LastStmt, Parameter, Prefix, Stmt, Suffix, Var,
};
use full_moon::tokenizer::TokenReference;

use super::super::guards::{self, Facts, Outcome};
use super::super::includes::{self, Value};
use super::{GlobalAccess, Local, LocalKind, Walker, name_of};

/// A block that leaves: it ends with `return`, `break` or `error(…)`.
fn exits(block: &Block) -> bool {
    if block.last_stmt().is_some() {
        return true;
    }
    matches!(block.stmts().last(), Some(Stmt::FunctionCall(call))
        if matches!(call.prefix(), Prefix::Name(name) if name.token().to_string() == "error"))
}

impl Walker {
    /// `x = cond` stores what `cond` says with the local `x` (or the
    /// global path), so that a later `if x then` establishes it.
    pub(super) fn carry_outcomes(&mut self, assignment: &full_moon::ast::Assignment) {
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

    pub(super) fn block(&mut self, block: &Block) {
        self.guarded_block(block, Facts::default());
    }

    /// A block where `facts` hold.
    pub(super) fn guarded_block(&mut self, block: &Block, facts: Facts) {
        self.scopes.push(Vec::new());
        self.guarded(facts, |walker| walker.block_stmts(block));
        self.scopes.pop();
    }

    pub(super) fn block_stmts(&mut self, block: &Block) {
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

    pub(super) fn stmt(&mut self, stmt: &Stmt) {
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

    pub(super) fn function_body(&mut self, body: &FunctionBody, is_method: bool) {
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
}
