//! Diagnostics: what mtedu tells the user about their files.
//!
//! A [`Diagnostic`] carries a stable [`Code`], a severity, a place and the
//! arguments of its message; the words themselves live in the Fluent
//! catalogues and are only resolved when rendering. Only this module prints
//! findings.
//!
//! # Files
//!
//! `Diagnostic` (code, severity, path, span, message args), `Report`, and
//! the two renderers: human (codespan-reporting, each finding rendered
//! alone so its severity word is put in the user's language) and JSON;
//! `snippet.rs` gives each finding its own line cut to 120 characters
//! around the caret, and the human output shows at most 50 findings of one
//! code per file, counting the rest in one line (10,000 findings on one
//! line render in linear time and memory). `visible.rs` turns control
//! characters from pupils' files (snippets, paths, quoted values) into
//! visible pictures (`␛`) for the terminal; JSON keeps the exact text.

mod code;
mod diagnostic;
pub mod input;
mod render_human;
mod render_json;
mod report;
mod snippet;
mod visible;

pub use code::{Code, Severity};
pub use diagnostic::{ArgValue, Diagnostic, Span};
/// A path as findings show it (forward slashes, no leading `./`), for
/// message arguments that name a second file.
pub use render_human::display_path as shown_path;
pub use render_human::relative_to_cwd;
pub use render_human::{ColorChoice, render_human, render_human_with};
pub use render_json::{json_diagnostics, json_summary, render_json, render_json_with};
pub use report::{Report, Summary};
pub use visible::{visible_line, visible_source};
