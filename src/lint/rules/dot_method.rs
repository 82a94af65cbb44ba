//! An engine object's method called with a dot (`player.get_player_name()`,
//! `meta.get_string("x")`): the object is not handed to the method, which
//! then stops the game ("bad argument #1", "expected ObjectRef"). Only on
//! values this file shows to be engine objects: the parameters the engine
//! passes to a callback (`on_punch(pos, node, puncher)`, `on_use(itemstack,
//! user, …)`, `register_on_joinplayer(function(player))`…) and locals set
//! from `minetest.get_player_by_name`, `get_meta`, `get_inventory`… A plain
//! table's `t.f()` and `obj.method(obj, …)` (the object given by hand) are
//! left alone.

use std::collections::HashMap;

use full_moon::ast::{
    Call, Expression, Field, FunctionArgs, FunctionBody, FunctionCall, Index, LocalAssignment,
    Parameter, Prefix, Suffix,
};
use full_moon::visitors::{Visit, Visitor};

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::engine::facts::Facts;
use crate::lint::rule::{LintRule, TreeContext};
use crate::lint::tree::{arguments, engine_call, position, start_of, text_of};

pub const METHOD_WITH_DOT: Code = Code {
    id: "MT2506",
    name: "engine-method-with-dot",
    severity: Severity::Warning,
    doc: "An engine object's method called with `.` (`player.get_player_name()`): the object is not given to it and the game stops; `player:get_player_name()` was meant.",
};

/// The engine's kinds of objects, by the classes of its methods list.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Object,
    Item,
    Inventory,
    /// A node's, an item's or a player's metadata.
    Meta,
    Timer,
    Storage,
}

impl Kind {
    fn classes(self) -> &'static [&'static str] {
        match self {
            Kind::Object => &["ObjectRef"],
            Kind::Item => &["ItemStack"],
            Kind::Inventory => &["InvRef"],
            Kind::Meta => &["NodeMetaRef", "ItemStackMetaRef"],
            Kind::Timer => &["NodeTimerRef"],
            Kind::Storage => &["StorageRef"],
        }
    }
}

use Kind::{Inventory, Item, Meta, Object};

/// What the engine passes to a definition's callback, by position.
fn definition_callback(register: &str, field: &str) -> &'static [(usize, Kind)] {
    if register == "register_entity" {
        return match field {
            "on_punch" | "on_rightclick" | "on_death" | "on_attach_child" => &[(1, Object)],
            _ => &[],
        };
    }
    match field {
        "on_punch" | "on_dig" => &[(2, Object)],
        "on_rightclick" => &[(2, Object), (3, Item)],
        "after_place_node" => &[(1, Object), (2, Item)],
        "after_dig_node" => &[(3, Object)],
        "can_dig" => &[(1, Object)],
        "on_receive_fields" => &[(3, Object)],
        "allow_metadata_inventory_put"
        | "allow_metadata_inventory_take"
        | "on_metadata_inventory_put"
        | "on_metadata_inventory_take" => &[(3, Item), (4, Object)],
        "allow_metadata_inventory_move" | "on_metadata_inventory_move" => &[(6, Object)],
        "on_use" | "on_place" | "on_secondary_use" | "on_drop" => &[(0, Item), (1, Object)],
        _ => &[],
    }
}

/// What the engine passes to a `register_on_*` callback, by position.
fn global_callback(register: &str) -> &'static [(usize, Kind)] {
    match register {
        "register_on_joinplayer"
        | "register_on_leaveplayer"
        | "register_on_dieplayer"
        | "register_on_respawnplayer"
        | "register_on_newplayer"
        | "register_on_player_receive_fields"
        | "register_on_player_hpchange"
        | "register_on_cheat" => &[(0, Object)],
        "register_on_punchnode" | "register_on_dignode" => &[(2, Object)],
        "register_on_placenode" => &[(2, Object), (4, Item)],
        "register_on_punchplayer" => &[(0, Object), (1, Object)],
        "register_on_craft" | "register_craft_predict" => &[(0, Item), (1, Object), (3, Inventory)],
        "register_on_item_eat" => &[(2, Item), (3, Object)],
        _ => &[],
    }
}

/// The kind of what an engine call gives back: `minetest.get_meta(pos)`.
fn engine_result(function: &str) -> Option<Kind> {
    match function {
        "get_player_by_name" => Some(Object),
        "get_meta" => Some(Meta),
        "get_inventory" => Some(Inventory),
        "get_node_timer" => Some(Kind::Timer),
        "get_mod_storage" => Some(Kind::Storage),
        _ => None,
    }
}

/// The kind of what a method gives back: `player:get_inventory()`.
fn method_result(method: &str) -> Option<Kind> {
    match method {
        "get_meta" => Some(Meta),
        "get_inventory" => Some(Inventory),
        "get_wielded_item" | "get_stack" | "take_item" | "add_item" | "peek_item" => Some(Item),
        _ => None,
    }
}

pub struct DotMethod;

impl LintRule for DotMethod {
    fn codes(&self) -> &'static [&'static Code] {
        &[&METHOD_WITH_DOT]
    }

    fn check_tree(&self, file: &TreeContext, out: &mut Vec<Diagnostic>) {
        let mut finder = Finder {
            facts: Facts::of(file.engine),
            callbacks: HashMap::new(),
            scopes: vec![HashMap::new()],
            found: Vec::new(),
        };
        file.ast.visit(&mut finder);
        for (object, method, line, column) in finder.found {
            out.push(
                Diagnostic::new(&METHOD_WITH_DOT, file.path)
                    .at(Span::on_line(line, column, method.chars().count() + 1))
                    .arg("object", object)
                    .arg("method", method),
            );
        }
    }
}

struct Finder {
    facts: &'static Facts,
    /// Function bodies the engine calls, by where they start: the kinds of
    /// their parameters.
    callbacks: HashMap<(usize, usize), &'static [(usize, Kind)]>,
    /// Names known to hold an engine object, one map per function (a name
    /// bound to anything else maps to `None`).
    scopes: Vec<HashMap<String, Option<Kind>>>,
    /// `(object, method, line and column of the dot)`.
    found: Vec<(String, String, usize, usize)>,
}

impl Finder {
    fn kind_of(&self, name: &str) -> Option<Kind> {
        self.scopes
            .iter()
            .rev()
            .find_map(|scope| scope.get(name))
            .copied()
            .flatten()
    }

    fn bind(&mut self, name: String, kind: Option<Kind>) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name, kind);
        }
    }

    fn remember(&mut self, value: &Expression, kinds: &'static [(usize, Kind)]) {
        if let Expression::Function(function) = value
            && !kinds.is_empty()
            && let Some(at) = start_of(function.body())
        {
            self.callbacks.insert(at, kinds);
        }
    }

    /// The kind of an expression's value, when it is an engine call or
    /// method whose result this rule knows.
    fn kind_of_value(&self, value: &Expression) -> Option<Kind> {
        let Expression::FunctionCall(call) = value else {
            return None;
        };
        if let Some((function, _)) = engine_call(call) {
            return engine_result(&function.token().to_string());
        }
        if let (Prefix::Name(name), Some(Suffix::Call(Call::AnonymousCall(_)))) =
            (call.prefix(), call.suffixes().last())
            && name.token().to_string() == "ItemStack"
            && call.suffixes().count() == 1
        {
            return Some(Item);
        }
        match call.suffixes().last()? {
            Suffix::Call(Call::MethodCall(method)) => {
                method_result(&method.name().token().to_string())
            }
            _ => None,
        }
    }
}

impl Visitor for Finder {
    fn visit_function_call(&mut self, call: &FunctionCall) {
        if let Some((function, args)) = engine_call(call) {
            let register = function.token().to_string();
            let arguments = arguments(args);
            match arguments.as_slice() {
                [function, ..]
                    if register.starts_with("register_on_")
                        || register == "register_craft_predict" =>
                {
                    self.remember(function, global_callback(&register));
                }
                [_, Expression::TableConstructor(table)] if register.starts_with("register_") => {
                    for field in table.fields() {
                        if let Field::NameKey { key, value, .. } = field {
                            let kinds = definition_callback(&register, &key.token().to_string());
                            self.remember(value, kinds);
                        }
                    }
                }
                _ => {}
            }
        }
        self.check_call(call);
    }

    fn visit_function_body(&mut self, body: &FunctionBody) {
        let kinds = start_of(body)
            .and_then(|at| self.callbacks.get(&at).copied())
            .unwrap_or(&[]);
        let mut scope = HashMap::new();
        for (index, parameter) in body.parameters().iter().enumerate() {
            if let Parameter::Name(name) = parameter {
                let kind = kinds.iter().find(|(at, _)| *at == index).map(|(_, k)| *k);
                scope.insert(name.token().to_string(), kind);
            }
        }
        self.scopes.push(scope);
    }

    fn visit_function_body_end(&mut self, _: &FunctionBody) {
        self.scopes.pop();
    }

    fn visit_local_assignment(&mut self, assignment: &LocalAssignment) {
        let values: Vec<&Expression> = assignment.expressions().iter().collect();
        for (index, name) in assignment.names().iter().enumerate() {
            let kind = values
                .get(index)
                .and_then(|value| self.kind_of_value(value));
            self.bind(name.token().to_string(), kind);
        }
    }

    fn visit_assignment(&mut self, assignment: &full_moon::ast::Assignment) {
        // A known name given another value is no longer known (a global
        // or a field is never known).
        for var in assignment.variables() {
            if let full_moon::ast::Var::Name(name) = var {
                let name = name.token().to_string();
                if self.kind_of(&name).is_some() {
                    self.bind(name, None);
                }
            }
        }
    }
}

impl Finder {
    /// `object.method(…)` on a known engine object whose kind has that
    /// method, unless the object is given by hand as the first argument.
    fn check_call(&mut self, call: &FunctionCall) {
        let Prefix::Name(object) = call.prefix() else {
            return;
        };
        let suffixes: Vec<&Suffix> = call.suffixes().collect();
        let [
            Suffix::Index(Index::Dot { dot, name }),
            Suffix::Call(Call::AnonymousCall(args)),
        ] = suffixes.as_slice()
        else {
            return;
        };
        let object = object.token().to_string();
        let Some(kind) = self.kind_of(&object) else {
            return;
        };
        let method = name.token().to_string();
        if !kind
            .classes()
            .iter()
            .any(|class| self.facts.has_method(class, &method))
        {
            return;
        }
        let first = match &**args {
            FunctionArgs::Parentheses { arguments, .. } => arguments.iter().next().map(text_of),
            _ => None,
        };
        if first.as_deref() == Some(object.as_str()) {
            return;
        }
        let (line, column) = position(dot);
        self.found.push((object, method, line, column));
    }
}
