//! Loads the mods under the given folders in the embedded engine and prints
//! what happened (developer probe; `mtedu info` is the user-facing command).

use mtedu::content::Workspace;
use mtedu::engine::{Engine, LoadRequest};

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let workspace = Workspace::discover(&paths);
    let request = LoadRequest {
        mods: workspace.all_mods().cloned().collect(),
        ..LoadRequest::default()
    };
    let (_engine, report) = Engine::load(&request).expect("engine starts");
    let r = &report.registrations;
    println!(
        "loaded {} mods in {:?}; nodes {} craftitems {} tools {} entities {} chatcommands {} privileges {} aliases {} crafts {} abms {} lbms {}",
        report.loaded.len(),
        report.duration,
        r.nodes.len(),
        r.craftitems.len(),
        r.tools.len(),
        r.entities.len(),
        r.chatcommands.len(),
        r.privileges.len(),
        r.aliases.len(),
        r.crafts.len(),
        r.abms.len(),
        r.lbms.len()
    );
    for line in report.log.iter().take(20) {
        println!("log {}: {}", line.level, line.text);
    }
    let mut slow = report.mod_durations.clone();
    slow.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
    println!("slowest: {:?}", &slow[..slow.len().min(5)]);
    println!("skipped: {:?}", report.skipped);
    println!("failure: {:#?}", report.failure);
}
