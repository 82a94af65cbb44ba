//! Text from pupils' files shown safely in a terminal. A file name or a
//! line of mod.conf may hold control characters (ESC starts the sequences
//! that clear the screen or retitle the window): each becomes one visible
//! character, so columns still line up with the file. JSON output keeps
//! the exact text, JSON escaping it already.

use std::borrow::Cow;

/// `text` with every control character except tab and line ends replaced
/// by its Unicode "control picture" (ESC → `␛`, BEL → `␇`, DEL → `␡`), and
/// C1 controls (U+0080–U+009F, which some terminals obey too) by `�`.
pub fn visible_source(text: &str) -> Cow<'_, str> {
    escape(text, |c| matches!(c, '\t' | '\n'))
}

/// The same for one-line text (a path, a value quoted in a message): line
/// ends are shown too, since a message cannot hold them.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\t')
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let hidden = |c: char| c.is_control() && !keep(c);
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // A Windows line end stays a line end in source text.
        if c == '\r' && keep('\n') && chars.peek() == Some(&'\n') {
            out.push(c);
        } else if hidden(c) {
            out.push(picture(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The one character that stands for control character `c`.
fn picture(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_pictures() {
        assert_eq!(
            visible_source("x = \x1b[2J\x1b]0;PWNED\x07\n"),
            "x = ␛[2J␛]0;PWNED␇\n"
        );
        assert_eq!(visible_line("a\tb\nc\u{7f}\u{9b}"), "a\tb␊c␡\u{fffd}");
        assert_eq!(visible_source("a\r\nb\rc"), "a\r\nb␍c");
        assert!(matches!(visible_source("plain é"), Cow::Borrowed(_)));
    }

    #[test]
    fn columns_are_kept() {
        let raw = "é\x1b\x07x";
        assert_eq!(visible_source(raw).chars().count(), raw.chars().count());
    }
}
