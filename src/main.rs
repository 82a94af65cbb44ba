//! The `mtedu` binary: parse the command line, run one command, exit with its code.

fn main() {
    std::process::exit(mtedu::cli::run(std::env::args_os()));
}
