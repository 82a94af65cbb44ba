//! `mtedu new mod NAME`: thin glue from flags to `scaffold::new_mod`, and the
//! success or error text in the pupil's language.

use super::args::{NewArgs, NewCommand};
use super::{EXIT_OK, EXIT_USAGE, OutputOptions};
use crate::diag::ArgValue;
use crate::i18n::Localizer;
use crate::scaffold::{NewModOptions, ScaffoldError, Template, new_mod};

pub fn run(args: &NewArgs, output: &OutputOptions) -> i32 {
    let NewCommand::Mod(args) = &args.command;
    let localizer = Localizer::new(output.lang);
    let text = |key: &str, pairs: &[(&str, String)]| {
        let values: Vec<(&str, ArgValue)> = pairs
            .iter()
            .map(|(k, v)| (*k, ArgValue::from(v.clone())))
            .collect();
        localizer.text(key, &values)
    };
    let Some(template) = Template::from_name(&args.template) else {
        let all: Vec<&str> = Template::ALL.iter().map(|t| t.name()).collect();
        eprintln!(
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
                println!("{}", text("new-created", &[("dir", dir.clone())]));
                for file in &created.files {
                    println!("  {}", file.display());
                }
                println!("{}", text("new-next", &[("dir", dir)]));
            }
            EXIT_OK
        }
        Err(error) => {
            let message = match error {
                ScaffoldError::InvalidName { name, suggestion } => text(
                    "new-invalid-name",
                    &[("name", name), ("suggestion", suggestion)],
                ),
                ScaffoldError::ReservedName { name } => {
                    text("new-reserved-name", &[("name", name)])
                }
                ScaffoldError::Exists { path } => {
                    text("new-exists", &[("path", path.display().to_string())])
                }
                ScaffoldError::Io { path, error } => text(
                    "new-io-failed",
                    &[
                        ("path", path.display().to_string()),
                        ("error", error.to_string()),
                    ],
                ),
            };
            eprintln!("{message}");
            EXIT_USAGE
        }
    }
}
