//! The `mtedu` binary: parse the command line, run one command, exit with its code.

/// mimalloc: see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(mtedu::cli::run(std::env::args_os()));
}
