//! Validates every catalog of `catalogs/` and writes each as the file a site serves (`checkwerk_core::site_catalog`).
//!
//! A broken catalog fails the build here with the same located problems `checkwerk validate` prints, so it never
//! reaches a visitor's screen. The files hold compact JSON, so the wasm needs no TOML parser, with the formatted
//! texts already parsed, so it needs no Markdown parser either. They go to `OUT_DIR/catalog-files/`, listed in order
//! in `OUT_DIR/catalog-files.txt`; `cargo xtask build` copies them into the site's `catalogs/` folder and names them
//! in its page, and the host's unit tests read them from here. The wasm itself holds no catalog, so a site with other
//! catalogs (the bench's generated check) needs no other wasm.

use std::path::{Path, PathBuf};

use checkwerk_core::site_catalog::SiteCatalog;

fn main() {
    // The splitter of `cargo xtask build` (crates/xtask/src/app_build.rs) reads the linker's relocations to cut the
    // lazy pages (src/pages/lazy.rs) out of the app's wasm.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let catalogs_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs");
    println!("cargo:rerun-if-changed={}", catalogs_dir.display());

    let mut catalogs = Vec::new();
    let mut failures = Vec::new();
    let paths = checkwerk_core::load::catalog_files_in(&catalogs_dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", catalogs_dir.display()));
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = format!(
            "catalogs/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        let source = std::fs::read_to_string(&path)
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

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let folder = out_dir.join("catalog-files");
    if folder.exists() {
        std::fs::remove_dir_all(&folder).expect("OUT_DIR is writable");
    }
    std::fs::create_dir_all(&folder).expect("OUT_DIR is writable");
    let mut list = String::new();
    for catalog in catalogs {
        let file = SiteCatalog::of(catalog).file();
        std::fs::write(folder.join(&file.name), &file.json).expect("OUT_DIR is writable");
        list.push_str(&file.name);
        list.push('\n');
    }
    std::fs::write(out_dir.join("catalog-files.txt"), list).expect("OUT_DIR is writable");
}
