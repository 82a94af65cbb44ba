//! Reading a Lua error text: which common mistake it is (a nil indexed,
//! text added with `+`, a bad argument…) and the names it mentions.
//! LuaJIT writes these messages in a handful of fixed forms.

/// What kind of variable Lua names in its message (`local 'x'`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// `local`, `global`, `field`, `upvalue`, `method` or `constant`.
    pub kind: String,
    pub name: String,
}

/// The mistake a Lua message shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// `attempt to index … (a nil value)` and friends: `operation` is
    /// `index`, `call`, `arith`, `concat` or `length`; `value` the type.
    Operation {
        operation: &'static str,
        named: Option<Named>,
        value: String,
    },
    /// `attempt to compare number with nil`.
    Compare { left: String, right: String },
    /// `bad argument #2 to 'set_node' (table expected, got string)`.
    BadArgument {
        number: usize,
        function: String,
        expected: String,
        got: String,
    },
    /// `stack overflow`.
    Recursion,
    /// Mod security refused a file.
    Blocked,
    /// A file that does not exist (dofile, io.open).
    MissingFile,
    /// Anything else: the pupil's own `error("…")` or a rare message.
    Other,
}

const OPERATIONS: &[(&str, &str)] = &[
    ("attempt to index ", "index"),
    ("attempt to call ", "call"),
    ("attempt to perform arithmetic on ", "arith"),
    ("attempt to concatenate ", "concat"),
    ("attempt to get length of ", "length"),
];

const KINDS: &[&str] = &["local", "global", "field", "upvalue", "method", "constant"];

/// The shape of `message` (a Lua error text without its `file:line:`).
pub fn shape_of(message: &str) -> Shape {
    let first = message.lines().next().unwrap_or("");
    for (prefix, operation) in OPERATIONS {
        if let Some(rest) = first.strip_prefix(prefix) {
            return operation_shape(operation, rest);
        }
    }
    if let Some(rest) = first.strip_prefix("attempt to compare ") {
        if let Some(kind) = rest
            .strip_prefix("two ")
            .and_then(|r| r.strip_suffix(" values"))
        {
            return Shape::Compare {
                left: kind.to_owned(),
                right: kind.to_owned(),
            };
        }
        if let Some((left, right)) = rest.split_once(" with ") {
            return Shape::Compare {
                left: left.to_owned(),
                right: right.to_owned(),
            };
        }
    }
    if let Some(shape) = bad_argument(first) {
        return shape;
    }
    if first.contains("stack overflow") {
        return Shape::Recursion;
    }
    if first.contains("Mod security: Blocked") {
        return Shape::Blocked;
    }
    if first.contains("No such file or directory") {
        return Shape::MissingFile;
    }
    Shape::Other
}

/// `local 'x' (a nil value)` or `a nil value`.
fn operation_shape(operation: &'static str, rest: &str) -> Shape {
    let value_of = |text: &str| {
        text.trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim_start_matches("a ")
            .trim_start_matches("an ")
            .trim_end_matches(" value")
            .to_owned()
    };
    for kind in KINDS {
        if let Some(after) = rest.strip_prefix(&format!("{kind} '"))
            && let Some((name, tail)) = after.split_once('\'')
        {
            return Shape::Operation {
                operation,
                named: Some(Named {
                    kind: (*kind).to_owned(),
                    name: name.to_owned(),
                }),
                value: value_of(tail),
            };
        }
    }
    Shape::Operation {
        operation,
        named: None,
        value: value_of(rest),
    }
}

/// `bad argument #N to 'f' (x expected, got y)`, anywhere in the line.
fn bad_argument(line: &str) -> Option<Shape> {
    let at = line.find("bad argument #")?;
    let rest = &line[at + "bad argument #".len()..];
    let (number, rest) = rest.split_once(' ')?;
    let number = number.parse().ok()?;
    let rest = rest.strip_prefix("to '")?;
    let (function, rest) = rest.split_once('\'')?;
    let inside = rest
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or("");
    let (expected, got) = match inside.split_once(" expected, got ") {
        Some((expected, got)) => (expected.to_owned(), got.to_owned()),
        None => ("none".to_owned(), inside.to_owned()),
    };
    Some(Shape::BadArgument {
        number,
        function: function.to_owned(),
        expected,
        got,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(kind: &str, name: &str) -> Option<Named> {
        Some(Named {
            kind: kind.into(),
            name: name.into(),
        })
    }

    #[test]
    fn reads_every_operation_with_its_variable() {
        assert_eq!(
            shape_of("attempt to index local 'joueur' (a nil value)"),
            Shape::Operation {
                operation: "index",
                named: named("local", "joueur"),
                value: "nil".into()
            }
        );
        assert_eq!(
            shape_of("attempt to perform arithmetic on field 'x' (a string value)"),
            Shape::Operation {
                operation: "arith",
                named: named("field", "x"),
                value: "string".into()
            }
        );
        assert_eq!(
            shape_of("attempt to call method 'get_player_nam' (a nil value)"),
            Shape::Operation {
                operation: "call",
                named: named("method", "get_player_nam"),
                value: "nil".into()
            }
        );
        assert_eq!(
            shape_of("attempt to concatenate a table value"),
            Shape::Operation {
                operation: "concat",
                named: None,
                value: "table".into()
            }
        );
        assert_eq!(
            shape_of("attempt to get length of upvalue 'liste' (a nil value)"),
            Shape::Operation {
                operation: "length",
                named: named("upvalue", "liste"),
                value: "nil".into()
            }
        );
    }

    #[test]
    fn reads_comparisons_arguments_and_the_rest() {
        assert_eq!(
            shape_of("attempt to compare number with nil"),
            Shape::Compare {
                left: "number".into(),
                right: "nil".into()
            }
        );
        assert_eq!(
            shape_of("attempt to compare two table values"),
            Shape::Compare {
                left: "table".into(),
                right: "table".into()
            }
        );
        assert_eq!(
            shape_of("bad argument #2 to 'chat_send_player' (string expected, got nil)"),
            Shape::BadArgument {
                number: 2,
                function: "chat_send_player".into(),
                expected: "string".into(),
                got: "nil".into()
            }
        );
        assert_eq!(shape_of("stack overflow"), Shape::Recursion);
        assert_eq!(shape_of("mon erreur"), Shape::Other);
    }
}
