//! `cargo xtask serve | build | test | screenshots | wordpress | bench`: the project's commands. Each
//! installs what a fresh machine lacks first.

mod app_build;
mod app_dependencies;
mod app_wasm;
mod architecture;
mod bench;
mod checkout;
mod dist;
mod import_names;
mod screenshots;
mod tools;
mod wasm_bytes;
mod wordpress;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Result};

use tools::{command, run};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve   build the site with the bundled checks and serve it on http://127.0.0.1:8080
          (the partner demo of the embed widget is on http://127.0.0.1:8081/partner-demo.html)
  build   build the release site into dist/
          --public-url /path/   the path the site will live under (default /)
          --dist DIR            where to put it (default dist)
  test    everything: formatting, lints, unit tests, catalog validation, release build, browser tests,
          the WordPress plugin in a real WordPress; also that the app's wasm holds no catalog-source parser and
          that the run left the checkout unchanged
  screenshots
          regenerate the screenshots and printed PDFs for reviewers and copy them into docs/screenshots/
  wordpress [build|test|serve]
          the WordPress plugin: build target/wordpress/checkwerk.zip, test it in a real WordPress, or serve that
  bench   Checkwerk against SurveyJS and the floor in Chromium throttled 4x, also on a slow network;
          writes bench/results/ and prints the table (ports from CHECKWERK_BENCH_PORT, default 9500)
          --no-build      reuse the sites of the last bench run
          --build-only    build the sites into target/bench/ and stop (for bench/profile-clicks.mjs)
          --loads N       fresh loads per check and engine (default 10)
          --slow-loads N  fresh loads per check and engine on the slow network (default 5)
";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("build") => {
            let options = BuildOptions::from_args(&args[1..])?;
            build_with(&options)
        }
        Some("test") => test(),
        Some("screenshots") => screenshots::screenshots(),
        Some("bench") => bench::bench(&args[1..]),
        Some("wordpress") => wordpress::main(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{USAGE}"),
        None => bail!("{USAGE}"),
    }
}

/// Where and for which path the site is built.
struct BuildOptions {
    public_url: String,
    dist: std::path::PathBuf,
}

impl BuildOptions {
    fn from_args(args: &[String]) -> Result<Self> {
        let mut options = BuildOptions {
            public_url: "/".to_owned(),
            dist: tools::workspace_root().join("dist"),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match (arg.as_str(), args.next()) {
                ("--public-url", Some(url)) => {
                    // Always a path with slashes at both ends, as Trunk and the service worker's scope expect.
                    options.public_url = format!("/{}/", url.trim_matches('/')).replace("//", "/");
                }
                ("--dist", Some(dir)) => options.dist = std::path::PathBuf::from(dir),
                _ => bail!("unknown build option `{arg}`\n\n{USAGE}"),
            }
        }
        Ok(options)
    }
}

/// Builds the release site into dist/, as a static host will serve it.
fn build() -> Result<()> {
    build_with(&BuildOptions::from_args(&[])?)
}

fn build_with(options: &BuildOptions) -> Result<()> {
    build_site(options, None)?;
    dist::finish(&options.dist)
}

/// The release site before `dist::finish` makes it deployable: Trunk builds the page, the styles, the copied files
/// and the catalog worker, `app_build` the app (with the catalogs of `extra_catalogs` embedded as well).
fn build_site(options: &BuildOptions, extra_catalogs: Option<&std::path::Path>) -> Result<()> {
    trunk_build(options)?;
    app_build::build_into(&options.dist, &options.public_url, extra_catalogs)?;
    Ok(())
}

/// Trunk's part of a site: the page, the styles, the copied files and the catalog worker (the app is
/// [`app_build`]'s).
fn trunk_build(options: &BuildOptions) -> Result<()> {
    tools::ensure_web_build_tools()?;
    let dist = options.dist.display().to_string();
    run(command("trunk").args([
        "build",
        "--release",
        "--offline",
        "--public-url",
        &options.public_url,
        "--dist",
        &dist,
    ]))
}

/// Builds the release site and serves it the way a plain static host would, plus the partner demo on a second
/// origin, so what you see is what visitors get (service worker and embed widget included).
fn serve() -> Result<()> {
    build()?;
    let server = tools::workspace_root()
        .join("tests/static-server.mjs")
        .display()
        .to_string();
    let mut partner = command("node")
        .args([server.as_str(), "www", "8081"])
        .env("CHECKWERK_EMBED_URL", "http://127.0.0.1:8080/embed.js")
        .spawn()?;
    eprintln!("xtask: serving on http://127.0.0.1:8080 (Ctrl+C to stop)");
    eprintln!("xtask: partner demo on http://127.0.0.1:8081/partner-demo.html");
    let result = run(command("node").args([server.as_str(), "dist", "8080"]));
    let _ = partner.kill();
    result
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
    // Before anything runs, so that the comparison at the end sees everything the run wrote.
    let checkout_before = checkout::snapshot()?;
    step("tools", || {
        tools::ensure_web_build_tools()?;
        tools::ensure_chromium()?;
        tools::ensure_test_packages()
    })?;
    step("formatting", || {
        run(command("cargo").args(["fmt", "--all", "--", "--check"]))
    })?;
    step("architecture", || {
        architecture::check(&tools::workspace_root())
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
            "-p",
            "checkwerk-catalog-worker",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step(
        "no catalog-source parser among the app's dependencies",
        app_dependencies::check,
    )?;
    let mut counts = TestCounts::default();
    step("unit and integration tests", || {
        counts.add(run_counting(command("cargo").args([
            "test",
            "--workspace",
            "--all-features",
        ]))?);
        Ok(())
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
    step(
        "no catalog-source parser in the app's wasm",
        app_wasm::check,
    )?;
    step("release build under a sub-path", || {
        build_with(&BuildOptions {
            public_url: "/checks/umwelt/".to_owned(),
            dist: tools::workspace_root().join("target/subpath-site/checks/umwelt"),
        })
    })?;
    step("browser tests", || {
        let tests = tools::workspace_root().join("tests");
        counts.add(run_counting(
            command("npx")
                .args(["playwright", "test"])
                .current_dir(tests),
        )?);
        Ok(())
    })?;
    step("WordPress plugin in a real WordPress", || {
        counts.add(wordpress::test()?);
        Ok(())
    })?;
    step("checkout unchanged", || match &checkout_before {
        Some(before) => checkout::ensure_unchanged(before),
        None => {
            eprintln!("xtask test: not a git checkout, so there is no `git status` to compare");
            Ok(())
        }
    })?;
    eprintln!(
        "\nxtask test: everything passed in {:.1?}",
        started.elapsed()
    );
    // One plain closing line over every runner, so CI logs show the total at a glance.
    println!("{} passed, {} failed", counts.passed, counts.failed);
    Ok(())
}

/// Tests counted from the runners' own summary lines.
#[derive(Default)]
struct TestCounts {
    passed: usize,
    failed: usize,
}

impl TestCounts {
    fn add(&mut self, other: TestCounts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }

    /// Reads one line of cargo test (`test result: ok. 5 passed; 0 failed; …`) or Playwright (`  17 passed (30s)`).
    fn read(&mut self, line: &str) {
        let line = line.trim();
        let parts: Vec<&str> = match line.strip_prefix("test result: ") {
            Some(summary) => summary.split([';', '.']).collect(),
            None => vec![line],
        };
        for part in parts {
            let words: Vec<&str> = part.split_whitespace().collect();
            match words.as_slice() {
                [number, "passed", ..] => self.passed += number.parse::<usize>().unwrap_or(0),
                [number, "failed", ..] => self.failed += number.parse::<usize>().unwrap_or(0),
                _ => {}
            }
        }
    }
}

/// Runs a test runner, echoing its output, and counts the tests from its summary lines.
fn run_counting(command: &mut Command) -> Result<TestCounts> {
    let description = format!("{command:?}");
    let mut child = command.stdout(Stdio::piped()).spawn()?;
    let mut counts = TestCounts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            println!("{line}");
            counts.read(&line);
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("{description} failed ({status})");
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::TestCounts;

    #[test]
    fn counts_cargo_and_playwright_summaries() {
        let mut counts = TestCounts::default();
        counts.read("test result: ok. 62 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        counts.read("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        counts.read("  17 passed (30.6s)");
        counts.read("  1 failed");
        counts.read("running 62 tests");
        assert_eq!((counts.passed, counts.failed), (82, 3));
    }
}
