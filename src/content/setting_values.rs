//! The type arguments of a `settingtypes.txt` line (`default min max`,
//! `default choice1,choice2`…), matched the way the engine's settings menu
//! matches them, plus the checks the menu skips but pupils trip on: an
//! `enum` default missing from its choices, a number outside its limits.

use super::settingtypes::{SettingProblemKind, is_lua_space, is_name_char};

/// A problem in `args`: character offset into `args`, width, and kind.
pub(crate) type ValueProblem = (usize, usize, SettingProblemKind);

/// Checks the arguments of a setting of the known type `type_name`.
pub(crate) fn check_values(type_name: &str, args: &str) -> Option<ValueProblem> {
    let chars: Vec<char> = args.chars().collect();
    match type_name {
        "int" => check_numbers(&chars, false),
        "float" => check_numbers(&chars, true),
        // The engine compares the whole rest of the line, spaces included.
        "bool" => (args != "true" && args != "false").then(|| bad(0, &chars, "")),
        "enum" => check_enum(&chars),
        "flags" => check_flags(&chars),
        "v3f" => (!is_v3f(args)).then(|| bad(0, &chars, "")),
        "noise_params_2d" | "noise_params_3d" => (!is_noise(args)).then(|| bad(0, &chars, "")),
        _ => None,
    }
}

/// A [`SettingProblemKind::BadValue`] covering `text`, which starts at `offset`.
fn bad(offset: usize, text: &[char], choices: &str) -> ValueProblem {
    let kind = SettingProblemKind::BadValue {
        value: text.iter().collect(),
        choices: choices.to_owned(),
    };
    (offset, text.len(), kind)
}

/// Index after the run of characters matching `pred` from `from`.
fn run(chars: &[char], from: usize, pred: impl Fn(char) -> bool) -> usize {
    from + chars[from..].iter().take_while(|&&c| pred(c)).count()
}

/// `default [min [max]]`: the engine's `[+-]?[%d]+ %s* [+-]?[%d]* %s* [+-]?[%d]*`
/// (with `.` among the digits for floats), then each part must be a number.
fn check_numbers(chars: &[char], float: bool) -> Option<ValueProblem> {
    let digit = |c: char| c.is_ascii_digit() || (float && c == '.');
    let signed = |from: usize| {
        let start = if matches!(chars.get(from), Some('+' | '-')) {
            from + 1
        } else {
            from
        };
        (start, run(chars, start, digit))
    };
    let mut parts = Vec::new();
    let mut at = 0;
    for index in 0..3 {
        let (digits_start, end) = signed(at);
        if index == 0 && end == digits_start {
            return Some(bad(0, chars, ""));
        }
        parts.push((at, end));
        at = run(chars, end, is_lua_space);
    }
    if at != chars.len() {
        return Some(bad(0, chars, ""));
    }
    let mut numbers = Vec::new();
    for (index, &(start, end)) in parts.iter().enumerate() {
        let text: String = chars[start..end].iter().collect();
        match text.parse::<f64>() {
            Ok(number) => numbers.push(Some(number)),
            Err(_) if index > 0 && text.is_empty() => numbers.push(None),
            Err(_) => return Some(bad(start, &chars[start..end], "")),
        }
    }
    let text = |(start, end): (usize, usize)| chars[start..end].iter().collect::<String>();
    let (default, min, max) = (numbers[0]?, numbers[1], numbers[2]);
    let too_low = min.is_some_and(|min| default < min);
    let too_high = max.is_some_and(|max| default > max);
    (too_low || too_high).then(|| {
        let kind = SettingProblemKind::OutOfRange {
            value: text(parts[0]),
            min: text(parts[1]),
            max: text(parts[2]),
        };
        (0, parts[0].1, kind)
    })
}

fn is_flag_char(c: char) -> bool {
    is_name_char(c) || c == ','
}

/// `default value1,value2,…`: the default may be empty; when the whole
/// text is one word, the engine's pattern gives its last letter as the list.
fn check_enum(chars: &[char]) -> Option<ValueProblem> {
    let word_end = run(chars, 0, is_name_char);
    let list_start = run(chars, word_end, is_lua_space);
    let (default_end, list_start) =
        if list_start < chars.len() && chars[list_start..].iter().all(|&c| is_flag_char(c)) {
            (word_end, list_start)
        } else if word_end > 0 && word_end == chars.len() {
            (word_end - 1, word_end - 1)
        } else {
            return Some(bad(0, chars, ""));
        };
    let default: String = chars[..default_end].iter().collect();
    let list: String = chars[list_start..].iter().collect();
    let choices: Vec<&str> = list.split(',').collect();
    (!choices.contains(&default.as_str()))
        .then(|| bad(0, &chars[..default_end], &choices.join(", ")))
}

/// `[default] possible`: comma-separated words; every default flag must be possible.
fn check_flags(chars: &[char]) -> Option<ValueProblem> {
    let first_end = run(chars, 0, is_flag_char);
    let second_start = run(chars, first_end, is_lua_space);
    let second_end = run(chars, second_start, is_flag_char);
    if first_end == 0 || second_end != chars.len() {
        return Some(bad(0, chars, ""));
    }
    let (default, possible) = if second_start == second_end {
        (0..0, 0..first_end)
    } else {
        (0..first_end, second_start..second_end)
    };
    let possible: String = chars[possible].iter().collect();
    let allowed: Vec<&str> = possible.split(',').collect();
    let mut offset = default.start;
    let default: String = chars[default].iter().collect();
    for flag in default.split(',') {
        let width = flag.chars().count();
        if !flag.is_empty() && !allowed.contains(&flag) {
            let shown: Vec<&str> = allowed.iter().copied().filter(|a| !a.is_empty()).collect();
            return Some(bad(
                offset,
                &chars[offset..offset + width],
                &shown.join(", "),
            ));
        }
        offset += width + 1;
    }
    None
}

/// True when every comma-separated part of `text` is a number.
fn all_numbers(text: &str, count: usize) -> bool {
    let parts: Vec<&str> = text.split(',').collect();
    parts.len() == count && parts.iter().all(|p| p.trim().parse::<f64>().is_ok())
}

/// `(x, y, z)`; like the engine, the brackets are optional and spaces may
/// stand for the commas.
fn is_v3f(text: &str) -> bool {
    let text = text.trim();
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text);
    let parts: Vec<&str> = inner
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|part| !part.is_empty())
        .collect();
    parts.len() == 3 && parts.iter().all(|p| p.parse::<f64>().is_ok())
}

/// `offset, scale, (x, y, z), seed, octaves, persistence, lacunarity[, flags]`.
fn is_noise(text: &str) -> bool {
    let Some((before, rest)) = text.split_once('(') else {
        return false;
    };
    let Some((spread, after)) = rest.split_once(')') else {
        return false;
    };
    let Some(before) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let Some(after) = after.trim_start().strip_prefix(',') else {
        return false;
    };
    let tail: Vec<&str> = after.split(',').collect();
    let (numbers, flags) = tail.split_at(tail.len().min(4));
    all_numbers(before, 2)
        && all_numbers(spread, 3)
        && all_numbers(&numbers.join(","), 4)
        && flags.iter().all(|f| {
            let f = f.trim();
            !f.is_empty() && f.chars().all(is_name_char)
        })
}
