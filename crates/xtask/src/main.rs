//! `cargo xtask serve | build | test`: the project's commands. Each installs what a fresh machine lacks first.

mod tools;

use std::time::Instant;

use anyhow::{bail, Result};

use tools::{command, run};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve   build the site with the bundled checks and serve it on http://127.0.0.1:8080
  build   build the release site into dist/
  test    everything: formatting, lints, unit tests, catalog validation, release build, browser tests";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("build") => build(),
        Some("test") => test(),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{USAGE}"),
        None => bail!("{USAGE}"),
    }
}

/// Builds the release site into dist/, as a static host will serve it.
fn build() -> Result<()> {
    tools::ensure_web_build_tools()?;
    run(command("trunk").args(["build", "--release", "--offline"]))
}

fn serve() -> Result<()> {
    tools::ensure_web_build_tools()?;
    eprintln!("xtask: serving on http://127.0.0.1:8080 (Ctrl+C to stop)");
    run(command("trunk").args(["serve", "--release", "--offline"]))
}

/// One step of the test run, timed.
fn step(name: &str, action: impl FnOnce() -> Result<()>) -> Result<()> {
    eprintln!("\nxtask test: {name}");
    let started = Instant::now();
    let result = action();
    eprintln!(
        "xtask test: {name} {} in {:.1?}",
        if result.is_ok() { "ok" } else { "FAILED" },
        started.elapsed()
    );
    result
}

fn test() -> Result<()> {
    let started = Instant::now();
    step("tools", || {
        tools::ensure_web_build_tools()?;
        tools::ensure_chromium()?;
        tools::ensure_test_packages()
    })?;
    step("formatting", || {
        run(command("cargo").args(["fmt", "--all", "--", "--check"]))
    })?;
    step("lints (host)", || {
        run(command("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("lints (wasm)", || {
        run(command("cargo").args([
            "clippy",
            "-p",
            "checkwerk-web",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("unit and integration tests", || {
        run(command("cargo").args(["test", "--workspace", "--all-features"]))
    })?;
    step("catalog validation", || {
        run(command("cargo").args([
            "run",
            "--quiet",
            "-p",
            "checkwerk-cli",
            "--",
            "validate",
            "catalogs",
        ]))
    })?;
    step("release build", build)?;
    step("browser tests", || {
        run(command("npx")
            .args(["playwright", "test"])
            .current_dir(tools::workspace_root().join("tests")))
    })?;
    eprintln!(
        "\nxtask test: everything passed in {:.1?}",
        started.elapsed()
    );
    Ok(())
}
