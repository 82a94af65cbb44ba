//! `mtedu new mod|lesson|game NAME`: thin glue from flags to `scaffold`,
//! and the success or error text in the pupil's language.

use super::args::{NewArgs, NewCommand, NewFolderArgs};
use super::{EXIT_OK, EXIT_USAGE, OutputOptions};
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::scaffold::{
    CreatedMod, NewFolderOptions, NewModOptions, ScaffoldError, Template, new_game, new_lesson,
    new_mod,
};

pub fn run(args: &NewArgs, output: &OutputOptions) -> i32 {
    match &args.command {
        NewCommand::Mod(args) => run_mod(args, output),
        NewCommand::Lesson(args) => run_folder(args, output, true),
        NewCommand::Game(args) => run_folder(args, output, false),
    }
}

fn text(localizer: &Localizer, key: &str, pairs: &[(&str, String)]) -> String {
    let values: Vec<(&str, ArgValue)> = pairs
        .iter()
        .map(|(k, v)| (*k, ArgValue::from(v.clone())))
        .collect();
    localizer.text(key, &values)
}

fn run_folder(args: &NewFolderArgs, output: &OutputOptions, lesson: bool) -> i32 {
    let localizer = Localizer::new(output.lang);
    let options = NewFolderOptions {
        name: args.name.clone(),
        lang: output.lang,
        author: args.author.clone().unwrap_or_default(),
        parent: args.dir.clone().unwrap_or_else(|| ".".into()),
    };
    let created = if lesson {
        new_lesson(&options)
    } else {
        new_game(&options)
    };
    let (done, next) = if lesson {
        ("new-lesson-created", "new-lesson-next")
    } else {
        ("new-game-created", "new-game-next")
    };
    match created {
        Ok(CreatedMod { dir, .. }) => {
            if !output.quiet {
                let dir = dir.display().to_string();
                outln!("{}", text(&localizer, done, &[("dir", dir.clone())]));
                outln!("{}", text(&localizer, next, &[("dir", dir)]));
            }
            EXIT_OK
        }
        Err(ScaffoldError::InvalidName { name, suggestion }) => {
            errln!(
                "{}",
                text(
                    &localizer,
                    "new-invalid-folder-name",
                    &[("name", name), ("suggestion", suggestion)]
                )
            );
            EXIT_USAGE
        }
        Err(error) => {
            errln!("{}", error_text(&localizer, error));
            EXIT_USAGE
        }
    }
}

fn error_text(localizer: &Localizer, error: ScaffoldError) -> String {
    match error {
        ScaffoldError::InvalidName { name, suggestion } => text(
            localizer,
            "new-invalid-name",
            &[("name", name), ("suggestion", suggestion)],
        ),
        ScaffoldError::ReservedName { name } => {
            text(localizer, "new-reserved-name", &[("name", name)])
        }
        ScaffoldError::Exists { path } => text(
            localizer,
            "new-exists",
            &[("path", path.display().to_string())],
        ),
        ScaffoldError::Io { path, error } => text(
            localizer,
            "new-io-failed",
            &[
                ("path", path.display().to_string()),
                ("error", error.to_string()),
            ],
        ),
    }
}

fn run_mod(args: &super::args::NewModArgs, output: &OutputOptions) -> i32 {
    let localizer = Localizer::new(output.lang);
    let text = |key: &str, pairs: &[(&str, String)]| text(&localizer, key, pairs);
    let Some(template) = Template::from_name(&args.template) else {
        let all: Vec<&str> = Template::ALL.iter().map(|t| t.name()).collect();
        errln!(
            "{}",
            text(
                "new-unknown-template",
                &[("name", args.template.clone()), ("all", all.join(", "))]
            )
        );
        return EXIT_USAGE;
    };
    let options = NewModOptions {
        name: args.name.clone(),
        template,
        lang: output.lang,
        author: args.author.clone().unwrap_or_default(),
        parent: args.dir.clone().unwrap_or_else(|| ".".into()),
    };
    match new_mod(&options) {
        Ok(created) => {
            if !output.quiet {
                let dir = created.dir.display().to_string();
                outln!("{}", text("new-created", &[("dir", dir.clone())]));
                for file in &created.files {
                    outln!("  {}", file.display());
                }
                outln!("{}", text("new-next", &[("dir", dir)]));
            }
            EXIT_OK
        }
        Err(error) => {
            errln!("{}", error_text(&localizer, error));
            EXIT_USAGE
        }
    }
}
