//! Ready lessons: the ones bundled in the binary (`bundled.rs`), a pupil's
//! copy of one (`start.rs`), and its objectives checked on the pupil's mod
//! (`objectives.rs`); its handout in the reader's language (`handout_text.rs`). The lesson format itself is read by
//! `content::lesson_toml` and validated by `validate::rules::lessons`.
//!
//! # Files
//!
//! Ready lessons (format in `docs/lessons.md`). `bundled.rs` embeds
//! `lessons/` with rust-embed and finds one by number or name; `start.rs`
//! writes a pupil's copy (starter + handout + hidden `.mtedu-lesson/`);
//! `objectives.rs` runs `checks/` through the spec runner on the pupil's
//! mod and judges each objective by its `describe` blocks — for a pupil's
//! copy, the checks of the lesson as shipped (`shipped.rs`: the copy's
//! hidden folder is the pupil's to edit, so it is never run); `render.rs`
//! shows them (text and the JSON `objectives` key). The rule
//! `validate/rules/lessons.rs` (MT19xx) checks lesson folders.

mod bundled;
mod handout_text;
mod objectives;
mod render;
mod shipped;
mod start;

pub use bundled::{BundledLesson, bundled_lessons, find_lesson, lesson_file, lesson_files};
pub use handout_text::handout_section;
pub use objectives::{LessonProgress, ObjectiveResult, check_copy, check_objectives};
pub use render::{progress_json, render_class_table, render_progress};
pub use shipped::{ShippedLesson, shipped_lesson};
pub use start::{StartedLesson, default_folder, start_lesson};
