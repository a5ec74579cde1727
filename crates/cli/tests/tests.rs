//! Integration tests of the `checkwerk` tool, run as a separate process the way an author runs it.

mod schema;
mod validate;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root, where `checkwerk` is meant to be run.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `checkwerk` with these arguments in the repository root.
fn checkwerk(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_checkwerk"))
        .args(arguments)
        .current_dir(workspace_root())
        .output()
        .expect("checkwerk runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}
