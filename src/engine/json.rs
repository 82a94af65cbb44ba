//! JSON for `core.write_json` / `core.parse_json`, with the engine's
//! conventions: a table with keys 1..n is an array, an empty table is null.

use mlua::{Lua, Value};
use serde_json::{Map, Number, Value as Json};

/// Converts a Lua value; functions and other non-data values are refused.
/// `room` bounds the text it stands for: a table met many times is
/// written each time, so a small table can stand for gigabytes.
pub fn lua_to_json(value: &Value, room: usize) -> Result<Json, String> {
    let mut room = room;
    lua_to_json_depth(value, 0, &mut room)
}

fn lua_to_json_depth(value: &Value, depth: usize, room: &mut usize) -> Result<Json, String> {
    // Every value costs at least its separator; a string its bytes.
    let cost = match value {
        Value::String(s) => s.as_bytes().len() + 2,
        _ => 8,
    };
    *room = room
        .checked_sub(cost)
        .ok_or_else(|| "not enough memory".to_owned())?;
    if depth > 128 {
        return Err(
            "Can't serialize JSON: nested too deeply (a table that contains itself?)".to_owned(),
        );
    }
    Ok(match value {
        Value::Nil => Json::Null,
        Value::Boolean(b) => Json::Bool(*b),
        Value::Integer(i) => number(*i as f64),
        Value::Number(n) => number(*n),
        Value::String(s) => Json::String(s.to_string_lossy()),
        Value::Table(table) => {
            let pairs: Vec<(Value, Value)> = table
                .pairs::<Value, Value>()
                .collect::<Result<_, _>>()
                .map_err(|e| e.to_string())?;
            if pairs.is_empty() {
                return Ok(Json::Null);
            }
            let length = table.raw_len();
            if length == pairs.len() {
                let mut array = Vec::with_capacity(length);
                for index in 1..=length {
                    array.push(lua_to_json_depth(
                        &table.raw_get::<Value>(index).map_err(|e| e.to_string())?,
                        depth + 1,
                        room,
                    )?);
                }
                Json::Array(array)
            } else {
                let mut object = Map::new();
                for (key, value) in pairs {
                    let key = match key {
                        Value::String(s) => s.to_string_lossy(),
                        Value::Integer(i) => i.to_string(),
                        Value::Number(n) => n.to_string(),
                        other => {
                            return Err(format!(
                                "Can't serialize JSON: a key is a {}",
                                other.type_name()
                            ));
                        }
                    };
                    *room = room
                        .checked_sub(key.len())
                        .ok_or_else(|| "not enough memory".to_owned())?;
                    object.insert(key, lua_to_json_depth(&value, depth + 1, room)?);
                }
                Json::Object(object)
            }
        }
        other => {
            return Err(format!(
                "Can't serialize JSON: a value is a {}",
                other.type_name()
            ));
        }
    })
}

/// Lua numbers are doubles, and the engine writes them so (`1.0`).
fn number(n: f64) -> Json {
    Number::from_f64(n).map_or(Json::Null, Json::Number)
}

/// Converts parsed JSON to Lua; `null` becomes `nullvalue`.
pub fn json_to_lua(lua: &Lua, json: &Json, nullvalue: &Value) -> mlua::Result<Value> {
    Ok(match json {
        Json::Null => nullvalue.clone(),
        Json::Bool(b) => Value::Boolean(*b),
        Json::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
        Json::String(s) => Value::String(lua.create_string(s)?),
        Json::Array(items) => {
            let table = lua.create_table()?;
            for (index, item) in items.iter().enumerate() {
                table.raw_set(index + 1, json_to_lua(lua, item, nullvalue)?)?;
            }
            Value::Table(table)
        }
        Json::Object(map) => {
            let table = lua.create_table()?;
            for (key, value) in map {
                table.raw_set(key.as_str(), json_to_lua(lua, value, nullvalue)?)?;
            }
            Value::Table(table)
        }
    })
}
