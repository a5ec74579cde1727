//! Embeds every catalog of `catalogs/`, already validated, into the web build.
//!
//! A broken catalog fails the build here with the same located problems `checkwerk validate` prints, so it never
//! reaches a visitor's screen. The catalogs are embedded as compact JSON, so the wasm needs no TOML parser.

use std::path::{Path, PathBuf};

fn main() {
    let catalogs_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs");
    println!("cargo:rerun-if-changed={}", catalogs_dir.display());

    let mut paths: Vec<PathBuf> = std::fs::read_dir(&catalogs_dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", catalogs_dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .collect();
    paths.sort();

    let mut catalogs = Vec::new();
    let mut failures = Vec::new();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = format!(
            "catalogs/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("cannot read {name}: {error}"));
        match checkwerk_core::load::catalog_from_toml(&name, &source) {
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

    let json = serde_json::to_string(&catalogs).expect("validated catalogs serialize");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("catalogs.json"), json).expect("OUT_DIR is writable");
}
