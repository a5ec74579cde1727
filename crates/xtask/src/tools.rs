//! Installs what a fresh machine lacks, idempotently, and builds the environment the other commands run in.
//!
//! Each `ensure_*` checks first and installs only when the tool is missing or at another version, so a warm run
//! costs a few process starts. Nothing here downloads prebuilt binaries from outside the package registries.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Trunk 0.22 needs rustc 1.96.1; 0.21.14 is the newest that builds with the stable 1.95 here.
pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen from npm: Debian's wasm-opt 108 breaks current wasm-bindgen output.
pub const BINARYEN_VERSION: &str = "132.0.0";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn home() -> PathBuf {
    std::env::var_os("HOME").map_or_else(|| PathBuf::from("/root"), PathBuf::from)
}

/// Where tools that are not cargo binaries live, outside the checkout so that fresh clones reuse them.
pub fn tools_dir() -> PathBuf {
    std::env::var_os("CHECKWERK_TOOLS_DIR")
        .map_or_else(|| home().join(".cache/checkwerk-tools"), PathBuf::from)
}

/// PATH with our tools first: npm's wasm-opt, then cargo's binaries, then the rest.
pub fn tool_path() -> String {
    let mut parts = vec![
        tools_dir().join("node_modules/.bin").display().to_string(),
        home().join(".cargo/bin").display().to_string(),
    ];
    if let Ok(path) = std::env::var("PATH") {
        parts.push(path);
    }
    parts.join(":")
}

/// A command with our PATH and the environment Trunk and Playwright need here.
pub fn command(program: &str) -> Command {
    let mut command = Command::new(program);
    command
        .env("PATH", tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .current_dir(workspace_root());
    command
}

/// Runs a command, failing with its description when it fails.
pub fn run(command: &mut Command) -> Result<()> {
    let description = format!("{command:?}");
    let status = command
        .status()
        .with_context(|| format!("cannot start {description}"))?;
    if !status.success() {
        bail!("{description} failed ({status})");
    }
    Ok(())
}

/// The first line a command prints, or nothing when it cannot run.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = command(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

fn say(message: &str) {
    eprintln!("xtask: {message}");
}

/// The version Cargo.lock resolves for a package.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
        .context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            if let Some(version) = lines
                .next()
                .and_then(|line| line.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no package {package}")
}

/// The wasm32 target for rustc.
pub fn ensure_wasm_target() -> Result<()> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|line| line.trim() == WASM_TARGET) {
        say(&format!("installing the Rust target {WASM_TARGET}"));
        run(command("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

/// Trunk at the pinned version.
pub fn ensure_trunk() -> Result<()> {
    let expected = format!("trunk {TRUNK_VERSION}");
    if output_of("trunk", &["--version"]).as_deref() != Some(expected.as_str()) {
        say(&format!(
            "installing trunk {TRUNK_VERSION} (several minutes on a cold machine)"
        ));
        run(command("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))?;
    }
    Ok(())
}

/// wasm-bindgen-cli at exactly the version Cargo.lock resolves, which must also be the one Trunk.toml pins.
pub fn ensure_wasm_bindgen() -> Result<()> {
    let version = locked_version("wasm-bindgen")?;
    let trunk_toml = std::fs::read_to_string(workspace_root().join("Trunk.toml"))
        .context("reading Trunk.toml")?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        bail!("Trunk.toml must pin wasm_bindgen = \"{version}\" (the version in Cargo.lock); update its [tools] table");
    }
    let expected = format!("wasm-bindgen {version}");
    if output_of("wasm-bindgen", &["--version"]).as_deref() != Some(expected.as_str()) {
        say(&format!("installing wasm-bindgen-cli {version}"));
        // Not --locked: its lock file names a dependency version the registry copy here lacks.
        run(command("cargo").args(["install", "--force", &format!("wasm-bindgen-cli@{version}")]))?;
    }
    Ok(())
}

/// wasm-opt from npm's binaryen, in the tools folder.
pub fn ensure_wasm_opt() -> Result<()> {
    let wasm_opt = tools_dir().join("node_modules/.bin/wasm-opt");
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let current = output_of(&wasm_opt.display().to_string(), &["--version"]).unwrap_or_default();
    if !current.contains(&format!("version {major} "))
        && !current.ends_with(&format!("version {major}"))
    {
        say(&format!("installing binaryen {BINARYEN_VERSION} from npm"));
        std::fs::create_dir_all(tools_dir())?;
        run(command("npm").args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            &tools_dir().display().to_string(),
            &format!("binaryen@{BINARYEN_VERSION}"),
        ]))?;
    }
    Ok(())
}

/// Debian's Chromium, its driver, and its translations: without them a browser started in German still shows
/// date fields in the American order, and the tests that type a German date could not.
pub fn ensure_chromium() -> Result<()> {
    if Path::new("/usr/bin/chromium").exists()
        && Path::new("/usr/bin/chromedriver").exists()
        && Path::new("/usr/lib/chromium/locales/de.pak").exists()
    {
        return Ok(());
    }
    say("installing Debian's chromium, chromium-driver and chromium-l10n");
    run(command("apt-get").arg("update"))?;
    run(command("apt-get").args([
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
        "chromium-l10n",
    ]))
}

/// Debian's packages for the WordPress plugin's tests: WordPress with its German translations and default theme,
/// PHP on the command line (its built-in server runs the site) with MySQL and zip support, and MariaDB.
/// Their services are not used: the tests start a private database and PHP server of their own (see
/// `wordpress/site.rs`).
const WORDPRESS_PACKAGES: [&str; 7] = [
    "wordpress",
    "wordpress-l10n",
    "wordpress-theme-twentytwentythree",
    "php-cli",
    "php-mysql",
    "php-zip",
    "mariadb-server",
];

/// WordPress, PHP and MariaDB from Debian, for the WordPress plugin's tests.
pub fn ensure_wordpress() -> Result<()> {
    let files_present = [
        "/usr/share/wordpress/wp-settings.php",
        "/usr/share/wordpress/wp-content/languages/de_DE.mo",
        "/usr/share/wordpress/wp-content/themes/twentytwentythree/theme.json",
        "/usr/bin/php",
        "/usr/sbin/mariadbd",
        "/usr/bin/mariadb-install-db",
    ]
    .iter()
    .all(|path| Path::new(path).exists());
    let modules = output_of("php", &["-m"]).unwrap_or_default();
    let modules_present = ["mysqli", "zip"]
        .iter()
        .all(|module| modules.lines().any(|line| line.trim() == *module));
    if files_present && modules_present {
        return Ok(());
    }
    say("installing Debian's WordPress, PHP and MariaDB (about a minute on a fresh machine)");
    run(command("apt-get").arg("update"))?;
    run(command("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(WORDPRESS_PACKAGES)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The browser tests' npm packages, exactly as package-lock.json pins them.
pub fn ensure_test_packages() -> Result<()> {
    let tests = workspace_root().join("tests");
    let installed_lock = tests.join("node_modules/.package-lock.json");
    let lock = tests.join("package-lock.json");
    let fresh = match (std::fs::metadata(&installed_lock), std::fs::metadata(&lock)) {
        (Ok(installed), Ok(wanted)) => installed.modified()? >= wanted.modified()?,
        _ => false,
    };
    if !fresh {
        say("installing the browser tests' npm packages (npm ci)");
        run(command("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests))?;
    }
    Ok(())
}

/// Everything a web build needs.
pub fn ensure_web_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()
}
