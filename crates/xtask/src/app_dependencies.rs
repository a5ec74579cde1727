//! The app's wasm carries no catalog-source parser: `cargo tree` of the web crate, for the wasm target and its
//! normal dependencies only (what Trunk links into the app), must not reach any crate of [`NOT_IN_THE_APP`].
//!
//! Catalog sources are read by the web crate's build script and by the catalog worker; a call to the TOML loader
//! from `crates/web` would bring the parsers back into every visitor's download without any other test noticing.
//!
//! A way in through a crate of [`LINKER_DROPS`] is not counted: such a crate depends on a forbidden one only for code
//! a client-side app never calls, so the linker leaves it out. [`crate::app_wasm`] checks the built wasm itself and
//! would notice if that ever stopped being true.

use anyhow::{bail, Context, Result};

use crate::tools::command;

/// Crates that read catalog source, which the app's wasm must not contain: the TOML parser and what it brings, the
/// Markdown parser and the located-error machinery (all of them behind the core's `source` feature).
pub const NOT_IN_THE_APP: &[&str] = &[
    "toml",
    "toml_edit",
    "toml_parser",
    "toml_datetime",
    "serde_spanned",
    "pulldown-cmark",
    "serde_path_to_error",
];

/// Crates through which a forbidden one is a dependency of the app but never part of its wasm.
/// `leptos_config` reads Leptos' settings from a `Cargo.toml` (through `config`, which uses `toml`) when a server
/// starts; a client-side app never calls it.
pub const LINKER_DROPS: &[&str] = &["leptos_config"];

const APP: &str = "checkwerk-web";
const APP_TARGET: &str = "wasm32-unknown-unknown";

/// Fails, naming each way in, when the app depends on a crate it must not contain.
pub fn check() -> Result<()> {
    let output = command("cargo")
        .args([
            "tree",
            "--package",
            APP,
            "--target",
            APP_TARGET,
            "--edges",
            "normal",
            "--prefix",
            "depth",
        ])
        .output()
        .context("cannot start cargo tree")?;
    if !output.status.success() {
        bail!(
            "cargo tree -p {APP} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let chains = forbidden_chains(&tree, NOT_IN_THE_APP, LINKER_DROPS)?;
    if !chains.is_empty() {
        bail!(
            "the app can reach crates that read catalog source, so one call from crates/web would put them into every \
             visitor's download (see crates/xtask/src/app_dependencies.rs):\n  {}",
            chains.join("\n  ")
        );
    }
    eprintln!(
        "xtask test: {APP} for {APP_TARGET} reaches none of {}",
        NOT_IN_THE_APP.join(", ")
    );
    Ok(())
}

/// Every way a tree printed by `cargo tree --prefix depth` reaches a forbidden crate, as `a → b → forbidden`, except
/// ways through a crate of `dropped` (see [`LINKER_DROPS`]).
///
/// Each line is a depth followed by `name vVERSION …`; a crate's path is the nearest line above it at each smaller
/// depth. A crate `cargo tree` prints once in full and then as `(*)` is found at every place it occurs.
fn forbidden_chains(tree: &str, forbidden: &[&str], dropped: &[&str]) -> Result<Vec<String>> {
    let mut path: Vec<&str> = Vec::new();
    let mut chains = Vec::new();
    for line in tree.lines().filter(|line| !line.trim().is_empty()) {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let depth: usize = line[..digits]
            .parse()
            .with_context(|| format!("a line of cargo tree without its depth: {line:?}"))?;
        let Some(name) = line[digits..].split_whitespace().next() else {
            bail!("a line of cargo tree without a crate: {line:?}");
        };
        if depth > path.len() {
            bail!(
                "cargo tree jumps from depth {} to {depth}: {line:?}",
                path.len()
            );
        }
        path.truncate(depth);
        path.push(name);
        if forbidden.contains(&name) && !path.iter().any(|crate_name| dropped.contains(crate_name))
        {
            let chain = path.join(" → ");
            if !chains.contains(&chain) {
                chains.push(chain);
            }
        }
    }
    Ok(chains)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo tree --prefix depth` output, shortened, of a web crate that enabled the core's `toml` feature.
    const WITH_TOML: &str = "\
0checkwerk-web v0.1.0 (/src/crates/web)
1checkwerk-core v0.1.0 (/src/crates/core)
2serde v1.0.228
3serde_derive v1.0.228 (proc-macro)
2toml v0.9.8
3serde_core v1.0.228
3serde_spanned v1.0.3
4serde_core v1.0.228
3toml_datetime v0.7.3
3toml_parser v1.0.4
4winnow v0.7.13
1leptos v0.8.12
2serde v1.0.228 (*)
2leptos_config v0.8.10
3config v0.15.27
4toml v1.2.2+spec-1.1.0
5serde_spanned v1.1.3
1serde_json v1.0.145
";

    #[test]
    fn names_every_chain_to_a_forbidden_crate() -> Result<()> {
        assert_eq!(
            forbidden_chains(WITH_TOML, NOT_IN_THE_APP, LINKER_DROPS)?,
            vec![
                "checkwerk-web → checkwerk-core → toml",
                "checkwerk-web → checkwerk-core → toml → serde_spanned",
                "checkwerk-web → checkwerk-core → toml → toml_datetime",
                "checkwerk-web → checkwerk-core → toml → toml_parser",
            ]
        );
        // leptos' own way to `toml` is left out only because of LINKER_DROPS.
        assert_eq!(
            forbidden_chains(WITH_TOML, &["toml"], &[])?,
            vec![
                "checkwerk-web → checkwerk-core → toml",
                "checkwerk-web → leptos → leptos_config → config → toml",
            ]
        );
        Ok(())
    }

    #[test]
    fn a_tree_without_them_passes_and_a_crate_is_matched_by_its_whole_name() -> Result<()> {
        let without = WITH_TOML
            .lines()
            .filter(|line| !line.contains("toml") && !line.contains("serde_spanned"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(
            forbidden_chains(&without, NOT_IN_THE_APP, LINKER_DROPS)?,
            Vec::<String>::new()
        );
        // `serde` is not `serde_spanned`, `toml_edit_extra` not `toml_edit`.
        let similar = "0checkwerk-web v0.1.0\n1serde v1\n1toml_edit_extra v1\n";
        assert_eq!(
            forbidden_chains(similar, NOT_IN_THE_APP, LINKER_DROPS)?,
            Vec::<String>::new()
        );
        // A crate printed as `(*)` further down is found there too, with its own path.
        let twice = "0app v0.1.0\n1a v1\n2toml v0.9\n1b v1\n2toml v0.9 (*)\n";
        assert_eq!(
            forbidden_chains(twice, &["toml"], &[])?,
            vec!["app → a → toml", "app → b → toml"]
        );
        Ok(())
    }

    #[test]
    fn output_it_cannot_read_is_an_error_not_a_pass() {
        assert!(forbidden_chains("checkwerk-web v0.1.0\n", NOT_IN_THE_APP, &[]).is_err());
        assert!(
            forbidden_chains("0checkwerk-web v0.1.0\n2toml v0.9\n", NOT_IN_THE_APP, &[]).is_err()
        );
    }
}
