//! A lesson's `handout.md` as a printable HTML page (one file, styles
//! inside, no scripts, no network): what a teacher prints or pupils open.
//! Checklists (`- [ ] …`) become boxes to tick with a pen.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// The page for `markdown`; its title is the first heading.
pub fn handout_html(markdown: &str, lang: &str) -> String {
    let options = Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES;
    let title = first_heading(markdown).unwrap_or_default();
    let mut body = String::new();
    html::push_html(&mut body, Parser::new_ext(markdown, options));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        title = escape(&title),
    )
}

/// The text of the first heading, for the page's title.
fn first_heading(markdown: &str) -> Option<String> {
    let mut inside = false;
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => inside = true,
            Event::End(TagEnd::Heading(_)) if inside => return Some(text),
            Event::Text(part) | Event::Code(part) if inside => text.push_str(&part),
            _ => {}
        }
    }
    None
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Large type, high contrast, boxes big enough to tick; A4 when printed,
/// each language on its own page.
const STYLE: &str = "\
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 15pt; line-height: 1.45; color: #111; background: #fff; margin: 0; }
main { max-width: 44em; margin: 0 auto; padding: 1.5em; }
h1 { font-size: 26pt; margin: 0 0 0.4em; border-bottom: 3px solid #2a7a2a; }
h2 { font-size: 20pt; margin-top: 1.2em; color: #2a7a2a; }
h3 { font-size: 17pt; margin: 1em 0 0.3em; }
code { font-family: 'DejaVu Sans Mono', monospace; background: #eef3ee; padding: 0 0.2em; border-radius: 3px; }
pre { background: #eef3ee; padding: 0.6em; overflow-x: auto; }
ul:has(> li > input[type=checkbox]) { list-style: none; padding-left: 0.2em; }
li:has(> input[type=checkbox]) { margin: 0.35em 0; }
input[type=checkbox] { width: 1.1em; height: 1.1em; margin-right: 0.5em; vertical-align: -0.15em; }
@page { size: A4; margin: 15mm; }
@media print { main { max-width: none; padding: 0; } h2 { break-before: page; } h2:first-of-type { break-before: auto; } }
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checklists_become_boxes_and_the_title_is_the_first_heading() {
        let page = handout_html("# Mon bloc <1>\n\n- [ ] Un objectif\n- [x] Fait\n", "fr");
        assert!(page.contains("<title>Mon bloc &lt;1&gt;</title>"), "{page}");
        assert!(page.contains("<html lang=\"fr\">"));
        assert_eq!(page.matches("type=\"checkbox\"").count(), 2, "{page}");
        assert!(page.contains("Un objectif"));
        assert!(!page.contains("<script"));
    }
}
