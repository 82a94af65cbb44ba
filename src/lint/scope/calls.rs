//! The walk over calls and indexings: uses of a global and its first
//! field, calls of the engine's API (`minetest.f(…)`/`core.f(…)`) with
//! their argument count, registrations with a literal definition table,
//! `dofile`/`loadfile`, `rawset(_G, "x", …)` and `x:name(…)`.

use full_moon::ast::{Call, Expression, Field, FunctionArgs, Index, Prefix, Suffix, Var};
use full_moon::tokenizer::TokenReference;

use super::super::guards::Facts;
use super::super::includes::{self, Include};
use super::super::shapes::{argument_count, closing_line, field_value, string_text, table_rows};
use super::{
    ApiCall, DefinitionField, GlobalAccess, GlobalUse, MethodUse, RegistrationCall, Walker, name_of,
};

impl Walker {
    /// `prefix` followed by `suffixes`; `assigned_field` when this is the
    /// target `x.field = …` of an assignment.
    pub(super) fn prefix(&mut self, prefix: &Prefix, suffixes: &[&Suffix], assigned_field: bool) {
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
    pub(super) fn engine_call<'a>(
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
    pub(super) fn rawset_global(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
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
    pub(super) fn include(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
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
    pub(super) fn registration(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
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
    pub(super) fn api_call(&mut self, prefix: &Prefix, suffixes: &[&Suffix]) {
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

    pub(super) fn arguments(&mut self, args: &FunctionArgs) {
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
}
