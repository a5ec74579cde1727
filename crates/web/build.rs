//! Embeds every catalog of `catalogs/`, already validated, into the web build.
//!
//! A broken catalog fails the build here with the same located problems `checkwerk validate` prints, so it never
//! reaches a visitor's screen. The catalogs are embedded as compact JSON, so the wasm needs no TOML parser, and
//! their formatted texts already parsed, so it needs no Markdown parser either.
//!
//! `CHECKWERK_EXTRA_CATALOGS=<folder>` embeds that folder's `*.toml` as well, after the bundled ones, validated the
//! same way; `cargo xtask bench` uses it to build a site with a generated check of 600 items.

use std::path::{Path, PathBuf};

/// A folder whose catalogs are embedded in addition to `catalogs/`.
const EXTRA_CATALOGS_VARIABLE: &str = "CHECKWERK_EXTRA_CATALOGS";

/// The `*.toml` files of a folder, sorted, so the embedded order is stable.
fn toml_files(folder: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .collect();
    paths.sort();
    paths
}

fn main() {
    // The splitter of `cargo xtask build` (crates/xtask/src/app_build.rs) reads the linker's relocations to cut the
    // lazy pages (src/pages/lazy.rs) out of the app's wasm.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let catalogs_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs");
    println!("cargo:rerun-if-changed={}", catalogs_dir.display());

    let mut paths: Vec<(String, PathBuf)> = toml_files(&catalogs_dir)
        .into_iter()
        .map(|path| {
            let name = format!(
                "catalogs/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            (name, path)
        })
        .collect();
    println!("cargo:rerun-if-env-changed={EXTRA_CATALOGS_VARIABLE}");
    if let Some(extra_dir) = std::env::var_os(EXTRA_CATALOGS_VARIABLE).filter(|dir| !dir.is_empty())
    {
        let extra_dir = PathBuf::from(extra_dir);
        println!("cargo:rerun-if-changed={}", extra_dir.display());
        paths.extend(
            toml_files(&extra_dir)
                .into_iter()
                .map(|path| (path.display().to_string(), path)),
        );
    }

    let mut catalogs = Vec::new();
    let mut failures = Vec::new();
    for (name, path) in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("cannot read {name}: {error}"));
        match checkwerk_core::load::catalog_from_toml(name, &source) {
            Ok(catalog) => catalogs.push(catalog),
            Err(errors) => failures.push(errors.render(checkwerk_core::Language::De)),
        }
    }
    if !failures.is_empty() {
        panic!(
            "\nUngültige Kataloge – der Build bricht ab:\n{}\n",
            failures.join("\n")
        );
    }
    // A declaration over several checks is one document: its catalogs must agree on what applies to all of it.
    let mismatches = checkwerk_core::declaration::joint_mismatches(&catalogs);
    if !mismatches.is_empty() {
        let lines: Vec<String> = mismatches
            .iter()
            .map(|(declaration, catalog, field)| {
                format!("{catalog}: declarations: {field} der gemeinsamen Erklärung „{declaration}“ weicht von den anderen Katalogen ab.")
            })
            .collect();
        panic!(
            "\nUngültige Kataloge – der Build bricht ab:\n{}\n",
            lines.join("\n")
        );
    }

    let json = serde_json::to_string(&catalogs).expect("validated catalogs serialize");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("catalogs.json"), json).expect("OUT_DIR is writable");

    // The formatted texts, parsed here, so that the wasm carries no Markdown parser.
    let parsed = checkwerk_core::text::parse_ahead(
        catalogs
            .iter()
            .flat_map(checkwerk_core::Catalog::formatted_texts),
    );
    let json = serde_json::to_string(&parsed).expect("parsed texts serialize");
    std::fs::write(out_dir.join("texts.json"), json).expect("OUT_DIR is writable");

    write_catalog_files(&out_dir, &catalogs);
}

/// One file per catalog, `catalog-files/<id>-<hash>.json`, holding the catalog and its parsed texts, and
/// `catalog_files.rs`, the list the app fetches them by. `cargo xtask build` copies the files into the site's
/// `catalogs/` folder, so a visit fetches only the check it opens (issue 21). Named by content, so a new deployment
/// never meets an old file in a cache.
fn write_catalog_files(out_dir: &Path, catalogs: &[checkwerk_core::Catalog]) {
    let folder = out_dir.join("catalog-files");
    if folder.exists() {
        std::fs::remove_dir_all(&folder).expect("OUT_DIR is writable");
    }
    std::fs::create_dir_all(&folder).expect("OUT_DIR is writable");
    let mut list = String::from("&[\n");
    for catalog in catalogs {
        let texts = checkwerk_core::text::parse_ahead(catalog.formatted_texts());
        let json =
            serde_json::to_string(&serde_json::json!({ "catalog": catalog, "texts": texts }))
                .expect("validated catalogs serialize");
        let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        let name = format!("{}-{hash:016x}.json", catalog.id);
        std::fs::write(folder.join(&name), json).expect("OUT_DIR is writable");
        list.push_str(&format!("    ({:?}, {name:?}),\n", catalog.id));
    }
    list.push_str("]\n");
    std::fs::write(out_dir.join("catalog_files.rs"), list).expect("OUT_DIR is writable");
}
