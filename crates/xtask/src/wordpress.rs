//! `cargo xtask wordpress`: the WordPress plugin. It packs the release site, built for a folder whose address only
//! the partner's WordPress knows, together with the plugin's PHP from `wordpress/` into `target/wordpress/checkwerk.zip`,
//! and runs the plugin's browser tests in a real WordPress (`site.rs`).

mod site;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::tools::{self, command, workspace_root};
use crate::{dist, BuildOptions, TestCounts};

/// The plugin's folder name, and so its slug: `checkwerk/checkwerk.php`.
const PLUGIN: &str = "checkwerk";

/// The app's folder inside the plugin.
const APP_FOLDER: &str = "app";

/// What the app needs and nothing more, set by the page itself, so that it holds on every server (the plugin
/// folder's headers are the partner's server's): no other host is ever contacted, nothing is run inline.
/// (`frame-ancestors` cannot be set this way; the plugin sends it where it answers for the app, app-routes.php.)
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
    object-src 'none'; base-uri 'self'";

/// Placeholder in the plugin's sources for the workspace version.
const VERSION_PLACEHOLDER: &str = "__CHECKWERK_VERSION__";

const USAGE: &str = "\
usage: cargo xtask wordpress [build | test | serve]

  build   (the default) build the plugin into target/wordpress/checkwerk.zip
  test    build it, lint its PHP, install it in a throwaway WordPress and run the browser tests against it
  serve   build it and keep that WordPress running for a look by hand (Enter stops it)
Ports: CHECKWERK_TEST_PORT + 1 (WordPress at /) and + 2 (WordPress in a sub-folder); CHECKWERK_TEST_PORT
defaults to 8181.";

/// Where the plugin is staged and packed (git-ignored).
fn output_dir() -> PathBuf {
    workspace_root().join("target/wordpress")
}

/// The zip partners upload under *Plugins → Installieren → Plugin hochladen*.
pub fn zip_path() -> PathBuf {
    output_dir().join(format!("{PLUGIN}.zip"))
}

/// `cargo xtask wordpress …`.
pub fn main(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        None | Some("build") => {
            let zip = build()?;
            eprintln!("xtask: the WordPress plugin is {}", zip.display());
            Ok(())
        }
        Some("test") => {
            let counts = test()?;
            println!("{} passed, {} failed", counts.passed, counts.failed);
            Ok(())
        }
        Some("serve") => serve(),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown wordpress command `{other}`\n\n{USAGE}"),
    }
}

/// Builds the plugin: the release site in `app/` with a relative base, the PHP and block script from `wordpress/`,
/// the list of bundled checks, all packed into the zip. Returns the zip's path.
pub fn build() -> Result<PathBuf> {
    let stage = output_dir().join(PLUGIN);
    if stage.exists() {
        std::fs::remove_dir_all(&stage).with_context(|| format!("removing {}", stage.display()))?;
    }
    let app = stage.join(APP_FOLDER);
    // `./`: the page finds its folder from its own address (see ARCHITECTURE.md, "WordPress plugin").
    crate::build_site(
        &BuildOptions {
            public_url: "./".to_owned(),
            dist: app.clone(),
        },
        None,
    )?;
    let demo = app.join("partner-demo.html");
    if demo.exists() {
        std::fs::remove_file(&demo)?;
    }
    add_content_security_policy(&app.join("index.html"))?;
    dist::finish(&app)?;

    let version = env!("CARGO_PKG_VERSION");
    copy_sources(&workspace_root().join("wordpress"), &stage, version)?;
    let build = format!(
        "{:016x}",
        dist::content_hash(&std::fs::read(app.join("sw.js")).context("reading the app's sw.js")?)
    );
    std::fs::write(
        stage.join("includes/bundled.php"),
        bundled_php(&build, &bundled_checks()?),
    )?;
    let zip = zip_path();
    pack(&stage, &zip)?;
    Ok(zip)
}

/// Puts the Content-Security-Policy into the app's page, right after its charset, before anything loads.
fn add_content_security_policy(index: &Path) -> Result<()> {
    let page = std::fs::read_to_string(index).context("reading the app's index.html")?;
    let charset = "<meta charset=\"utf-8\">";
    let Some(position) = page.find(charset) else {
        bail!(
            "{}: no `{charset}` to put the Content-Security-Policy after",
            index.display()
        );
    };
    let at = position + charset.len();
    let meta = format!(
        "\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">"
    );
    std::fs::write(index, format!("{}{meta}{}", &page[..at], &page[at..]))?;
    Ok(())
}

/// Copies the plugin's sources, with the version filled in.
fn copy_sources(from: &Path, to: &Path, version: &str) -> Result<()> {
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let path = entry?.path();
        let target = to.join(path.file_name().context("a file name")?);
        if path.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_sources(&path, &target, version)?;
        } else {
            let text = std::fs::read_to_string(&path).with_context(|| {
                format!("reading {} (the plugin's sources are text)", path.display())
            })?;
            std::fs::write(&target, text.replace(VERSION_PLACEHOLDER, version))?;
        }
    }
    Ok(())
}

/// One bundled check as the block's dropdown and the editors' notices name it.
struct BundledCheck {
    id: String,
    title: String,
    subtitle: String,
    standard: String,
    modules: usize,
    items: usize,
}

/// The bundled checks in the order the app lists them (by file name), read with the engine's own loader.
fn bundled_checks() -> Result<Vec<BundledCheck>> {
    let folder = workspace_root().join("catalogs");
    let files = checkwerk_core::load::catalog_files_in(&folder)
        .with_context(|| format!("reading {}", folder.display()))?;
    let mut checks = Vec::new();
    for file in files {
        let name = format!(
            "catalogs/{}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        let source = std::fs::read_to_string(&file).with_context(|| format!("reading {name}"))?;
        let catalog = checkwerk_core::load::catalog_from_toml(&name, &source)
            .map_err(|errors| anyhow::anyhow!(errors.render(checkwerk_core::Language::En)))?;
        checks.push(BundledCheck {
            items: catalog
                .modules
                .iter()
                .map(|module| module.items.len())
                .sum(),
            modules: catalog.modules.len(),
            id: catalog.id,
            title: catalog.title,
            subtitle: catalog.subtitle,
            standard: catalog.standard,
        });
    }
    Ok(checks)
}

/// A PHP string literal in single quotes.
fn php_string(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// `includes/bundled.php`: the build's content hash and the bundled checks, read by `includes/bundle.php`.
fn bundled_php(build: &str, checks: &[BundledCheck]) -> String {
    let mut php = String::from(
        "<?php\n/**\n * Written by `cargo xtask wordpress`: this build and the checks it bundles.\n *\n * @package Checkwerk\n */\n\n\
         defined( 'ABSPATH' ) || exit;\n\nreturn array(\n",
    );
    php.push_str(&format!(
        "\t'build'  => {},\n\t'checks' => array(\n",
        php_string(build)
    ));
    for check in checks {
        php.push_str(&format!(
            "\t\tarray(\n\t\t\t'id'       => {},\n\t\t\t'title'    => {},\n\t\t\t'subtitle' => {},\n\t\t\t'standard' => {},\n\t\t\t'modules'  => {},\n\t\t\t'items'    => {},\n\t\t),\n",
            php_string(&check.id),
            php_string(&check.title),
            php_string(&check.subtitle),
            php_string(&check.standard),
            check.modules,
            check.items,
        ));
    }
    php.push_str("\t),\n);\n");
    php
}

/// Every file below a folder, relative to it, sorted, folders before their files.
fn entries_below(root: &Path) -> Result<Vec<(PathBuf, bool)>> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let mut children: Vec<PathBuf> = std::fs::read_dir(root.join(&relative))?
            .map(|entry| entry.map(|entry| relative.join(entry.file_name())))
            .collect::<std::io::Result<_>>()?;
        children.sort();
        for child in children.into_iter().rev() {
            if root.join(&child).is_dir() {
                pending.push(child);
            } else {
                found.push((child, false));
            }
        }
        if !relative.as_os_str().is_empty() {
            found.push((relative, true));
        }
    }
    found.sort();
    Ok(found)
}

/// Packs the staged plugin folder into a zip whose single top folder is the plugin's, as WordPress expects.
/// Entries carry a fixed date, so the same sources give the same zip.
fn pack(stage: &Path, zip: &Path) -> Result<()> {
    use zip::write::SimpleFileOptions;
    let file = std::fs::File::create(zip).with_context(|| format!("creating {}", zip.display()))?;
    let mut writer = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    writer.add_directory(format!("{PLUGIN}/"), options.unix_permissions(0o755))?;
    for (relative, is_folder) in entries_below(stage)? {
        let name = format!("{PLUGIN}/{}", relative.to_string_lossy().replace('\\', "/"));
        if is_folder {
            writer.add_directory(format!("{name}/"), options.unix_permissions(0o755))?;
        } else {
            writer.start_file(name, options.unix_permissions(0o644))?;
            writer.write_all(&std::fs::read(stage.join(&relative))?)?;
        }
    }
    writer.finish()?;
    Ok(())
}

/// `php -l` over every PHP file of the staged plugin and of the test setup.
fn lint_php() -> Result<usize> {
    let mut files = Vec::new();
    for folder in [
        output_dir().join(PLUGIN),
        workspace_root().join("tests/wordpress"),
    ] {
        files.extend(
            entries_below(&folder)?
                .into_iter()
                .filter(|(path, is_folder)| {
                    !is_folder && path.extension().is_some_and(|extension| extension == "php")
                })
                .map(|(path, _)| folder.join(path)),
        );
    }
    for file in &files {
        let output = command("php")
            .arg("-l")
            .arg(file)
            .output()
            .context("running php -l")?;
        if !output.status.success() {
            bail!(
                "php -l {}:\n{}{}",
                file.display(),
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    Ok(files.len())
}

/// The first of the ports this run may use (`CHECKWERK_TEST_PORT`, as for the other browser tests).
fn test_port() -> Result<u16> {
    match std::env::var("CHECKWERK_TEST_PORT") {
        Ok(port) => port
            .parse()
            .with_context(|| format!("CHECKWERK_TEST_PORT={port} is no port")),
        Err(_) => Ok(8181),
    }
}

/// Builds the plugin, lints its PHP, sets up WordPress with it and runs the WordPress browser tests; then
/// uninstalls the plugin and checks what is left. Every process it starts ends with it, also on failure.
pub fn test() -> Result<TestCounts> {
    run_specs(None)
}

/// Runs only the WordPress tests that write files for reviewers (`cargo xtask screenshots`).
pub fn screenshot_specs(tag: &str) -> Result<()> {
    run_specs(Some(tag)).map(|_| ())
}

/// Sets WordPress up with the plugin and runs its browser tests, all or those with a tag; after all of them,
/// uninstalls the plugin and checks what is left.
fn run_specs(tag: Option<&str>) -> Result<TestCounts> {
    let started = Instant::now();
    tools::ensure_wordpress()?;
    eprintln!(
        "xtask: Debian's WordPress, PHP and MariaDB ready in {:.1?}",
        started.elapsed()
    );
    tools::ensure_chromium()?;
    tools::ensure_test_packages()?;
    let zip = build()?;
    let linted = lint_php()?;
    eprintln!("xtask: php -l: {linted} PHP files without syntax errors");

    let started = Instant::now();
    let sites = site::Sites::start(test_port()?, &zip)?;
    eprintln!(
        "xtask: WordPress set up in {:.1?} ({} and {})",
        started.elapsed(),
        sites.root.url,
        sites.subfolder.url
    );
    let tests = workspace_root().join("tests");
    let mut playwright = command("npx");
    playwright
        .args([
            "playwright",
            "test",
            "--config",
            "playwright.wordpress.config.ts",
        ])
        .env("CHECKWERK_WORDPRESS_SITES", &sites.description)
        .current_dir(tests);
    if let Some(tag) = tag {
        playwright.args(["--grep", tag]);
    }
    let counts = crate::run_counting(&mut playwright)?;
    if tag.is_none() {
        sites.uninstall_and_check()?;
    }
    sites.check_logs()?;
    Ok(counts)
}

/// Builds the plugin and keeps a WordPress with it running until Enter is pressed.
fn serve() -> Result<()> {
    tools::ensure_wordpress()?;
    let zip = build()?;
    let sites = site::Sites::start(test_port()?, &zip)?;
    eprintln!("xtask: WordPress with Checkwerk:");
    for site in [&sites.root, &sites.subfolder] {
        eprintln!(
            "  {}  (log in at {}wp-login.php as redaktion / checkwerk-test)",
            site.url, site.url
        );
    }
    eprintln!("xtask: press Enter to stop");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    drop(sites);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_strings_escape_quotes_and_backslashes() {
        assert_eq!(php_string("Check „Umwelt“"), "'Check „Umwelt“'");
        assert_eq!(php_string("it's"), "'it\\'s'");
        assert_eq!(php_string("a\\'b"), "'a\\\\\\'b'");
    }

    #[test]
    fn the_bundle_lists_every_check_with_its_size() {
        let php = bundled_php(
            "00ff",
            &[BundledCheck {
                id: "umweltschutz".to_owned(),
                title: "Check „Betrieblicher Umweltschutz“".to_owned(),
                subtitle: "Klimaschutz und Wettbewerbsfähigkeit".to_owned(),
                standard: "OM-Praxis A-3.6".to_owned(),
                modules: 7,
                items: 55,
            }],
        );
        assert!(php.starts_with("<?php\n"));
        assert!(php.contains("defined( 'ABSPATH' ) || exit;"));
        assert!(php.contains("'build'  => '00ff'"));
        assert!(php.contains("'id'       => 'umweltschutz'"));
        assert!(php.contains("'modules'  => 7,"));
        assert!(php.contains("'items'    => 55,"));
    }

    #[test]
    fn every_shipped_catalog_is_bundled() -> Result<()> {
        let checks = bundled_checks()?;
        let catalogs = std::fs::read_dir(workspace_root().join("catalogs"))?
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "toml"))
            .count();
        assert_eq!(checks.len(), catalogs);
        assert!(checks
            .iter()
            .any(|check| check.id == "umweltschutz" && check.items > 0));
        Ok(())
    }
}
