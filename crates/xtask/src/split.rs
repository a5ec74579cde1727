//! Prototype (issue 21, part B): the app's wasm split by page after Trunk has built the site.
//!
//! Trunk 0.21 runs cargo, wasm-bindgen and wasm-opt in one step and has no place for a split between them, so this
//! rebuilds the app's wasm with relocations kept (`-Clink-args=--emit-relocs`, stable rustc), splits it at the
//! `wasm_split` points of `crates/web/src/pages/lazy.rs` with `wasm_split_cli_support` (what cargo-leptos' `--split`
//! calls), runs wasm-bindgen (`--keep-lld-exports`) and wasm-opt on the parts, and puts them into the built site in
//! place of Trunk's unsplit app. Every part is named by one hash of the whole build, so a page of one deployment
//! never fetches a chunk of another; the service worker's list is written afresh, so every chunk is precached.
//!
//! The rebuild uses its own target folder (`target/split/`): other rustflags would otherwise rebuild the shared one.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};

use crate::tools::{self, command, run, workspace_root};

/// The flags of `.cargo/config.toml` for the wasm target, plus relocations for the splitter and the cfg that turns
/// the lazy pages into split points (`crates/web/src/pages/lazy.rs`).
const RUSTFLAGS: &str = "--cfg erase_components --cfg checkwerk_split -Clink-args=--emit-relocs";
/// The wasm features rustc enables, as `www/index.html` passes them to wasm-opt.
const WASM_OPT_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];
/// The loader the splitter writes, before it gets the build's hash; the main module imports it by this path.
const LINK_MODULE: &str = "__wasm_split.js";
const LINK_IMPORT: &str = "./__wasm_split.js";

fn say(message: &str) {
    eprintln!("xtask split: {message}");
}

/// The files of Trunk's build of the app in a site: `checkwerk-web-<hash>.js` and its wasm.
fn trunk_app_stem(site: &Path) -> Result<String> {
    for entry in std::fs::read_dir(site)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix("_bg.wasm") {
            if stem.starts_with("checkwerk-web-") {
                return Ok(stem.to_owned());
            }
        }
    }
    bail!("no checkwerk-web-*_bg.wasm in {}", site.display())
}

/// Splits the app of a site Trunk built (and `dist::finish` finished), in place.
pub fn split_site(site: &Path, extra_catalogs: Option<&Path>) -> Result<()> {
    let root = workspace_root();
    let target = root.join("target/split");
    let work = target.join("work");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    let split_out = work.join("split");
    let bindgen_out = work.join("bindgen");
    std::fs::create_dir_all(&split_out)?;
    std::fs::create_dir_all(&bindgen_out)?;

    say("building the app's wasm with relocations kept");
    let mut cargo = command("cargo");
    cargo
        .args([
            "build",
            "--release",
            "--offline",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "checkwerk-web",
            "--bin",
            "checkwerk-web",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", RUSTFLAGS);
    match extra_catalogs {
        Some(folder) => cargo.env("CHECKWERK_EXTRA_CATALOGS", folder),
        None => cargo.env_remove("CHECKWERK_EXTRA_CATALOGS"),
    };
    run(&mut cargo)?;
    let linked = target.join("wasm32-unknown-unknown/release/checkwerk-web.wasm");
    let input = std::fs::read(&linked).with_context(|| format!("reading {}", linked.display()))?;

    say("splitting it at the lazy pages");
    // The loader imports initSync from the main module's JavaScript; both get their final names below.
    let main_js_placeholder = "./checkwerk-web-SPLITMAIN.js";
    let main_out = split_out.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &split_out;
        options.main_out_path = &main_out;
        options.link_name = LINK_IMPORT;
        options.main_module = main_js_placeholder;
        options
    })
    .map_err(|error| anyhow!("wasm_split_cli_support: {error:?}"))?;

    say("wasm-bindgen and wasm-opt on the main module and every chunk");
    run(command("wasm-bindgen").args([
        "--target",
        "web",
        "--keep-lld-exports",
        "--no-demangle",
        "--no-typescript",
        "--out-name",
        "checkwerk-web-SPLITMAIN",
        "--out-dir",
        &bindgen_out.display().to_string(),
        &main_out.display().to_string(),
    ]))?;
    let mut wasm_files: Vec<PathBuf> = vec![bindgen_out.join("checkwerk-web-SPLITMAIN_bg.wasm")];
    wasm_files.extend(split.split_modules.iter().cloned());
    for wasm in &wasm_files {
        let path = wasm.display().to_string();
        run(command("wasm-opt")
            .arg("-Oz")
            .args(WASM_OPT_FEATURES)
            .args([path.as_str(), "-o", path.as_str()]))?;
    }

    // One hash over every wasm part: a different build gets different names for all of them.
    let mut build_hash = 0u64;
    for (position, wasm) in wasm_files.iter().enumerate() {
        build_hash ^= crate::dist::content_hash(&std::fs::read(wasm)?).rotate_left(position as u32);
    }
    let tag = format!("{build_hash:016x}");
    let stem = format!("checkwerk-web-{tag}");
    let loader = format!("__wasm_split-{tag}.js");

    // The loader: its chunks and the main module under their final names.
    let mut loader_text = std::fs::read_to_string(split_out.join(LINK_MODULE))?
        .replace(main_js_placeholder, &format!("./{stem}.js"));
    let mut chunks = Vec::new();
    for chunk in &split.split_modules {
        let name = chunk
            .file_stem()
            .context("chunk without a name")?
            .to_string_lossy()
            .into_owned();
        let hashed = format!("{name}-{tag}.wasm");
        let quoted = format!("\"./{name}.wasm\"");
        if !loader_text.contains(&quoted) {
            bail!("{LINK_MODULE} does not load {name}.wasm");
        }
        loader_text = loader_text.replace(&quoted, &format!("\"./{hashed}\""));
        chunks.push((chunk.clone(), hashed));
    }
    let main_js = std::fs::read_to_string(bindgen_out.join("checkwerk-web-SPLITMAIN.js"))?;
    // Only the ES imports change; the key the wasm imports by stays the module name it was linked with.
    let link_import = format!("from \"{LINK_IMPORT}\"");
    if !main_js.contains(&link_import) {
        bail!("wasm-bindgen's output does not import {LINK_MODULE}");
    }
    let main_js = main_js.replace(&link_import, &format!("from \"./{loader}\""));

    say(&format!("replacing Trunk's app in {}", site.display()));
    let old_stem = trunk_app_stem(site)?;
    // The parts of an earlier split of the same site would otherwise stay and be precached.
    for entry in std::fs::read_dir(site)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let earlier_split = name.starts_with("__wasm_split-")
            || ((name.starts_with("chunk_") || name.starts_with("split_"))
                && name.ends_with(".wasm"));
        if earlier_split {
            std::fs::remove_file(site.join(&name))?;
        }
    }
    std::fs::remove_file(site.join(format!("{old_stem}.js")))?;
    std::fs::remove_file(site.join(format!("{old_stem}_bg.wasm")))?;
    std::fs::write(site.join(format!("{stem}.js")), main_js)?;
    std::fs::copy(
        bindgen_out.join("checkwerk-web-SPLITMAIN_bg.wasm"),
        site.join(format!("{stem}_bg.wasm")),
    )?;
    std::fs::write(site.join(&loader), loader_text)?;
    for (chunk, hashed) in &chunks {
        std::fs::copy(chunk, site.join(hashed))?;
    }
    rewrite_page(site, &old_stem, &stem, &loader)?;
    crate::dist::finish(site, "/")?;
    let sizes: Vec<String> = chunks
        .iter()
        .map(|(chunk, _)| {
            let bytes = std::fs::metadata(chunk).map(|meta| meta.len()).unwrap_or(0);
            format!(
                "{} {bytes}",
                chunk.file_name().unwrap_or_default().to_string_lossy()
            )
        })
        .collect();
    say(&format!(
        "main {} bytes; chunks: {}",
        std::fs::metadata(site.join(format!("{stem}_bg.wasm")))?.len(),
        sizes.join(", ")
    ));
    Ok(())
}

/// `cargo xtask test-split`: the release site built into `target/split-site`, split, and the browser tests of the
/// split build (`tests/split/`, config `tests/playwright.split.config.ts`) run against it. Not part of
/// `cargo xtask test`: the split needs a second release build of the app with other rustflags (its dependencies
/// once, several minutes; after that the web crate alone).
pub fn test() -> Result<()> {
    tools::ensure_chromium()?;
    tools::ensure_test_packages()?;
    let site = workspace_root().join("target/split-site");
    crate::build_with(&crate::BuildOptions {
        public_url: "/".to_owned(),
        dist: site.clone(),
    })?;
    split_site(&site, None)?;
    run(command("npx")
        .args([
            "playwright",
            "test",
            "--config",
            "playwright.split.config.ts",
        ])
        .current_dir(workspace_root().join("tests")))
}

/// index.html and the boot script: the new names, no integrity hashes for the replaced files (their content
/// changed after Trunk computed them), and the loader preloaded beside the main module.
fn rewrite_page(site: &Path, old_stem: &str, stem: &str, loader: &str) -> Result<()> {
    let index_path = site.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)?;
    for entry in std::fs::read_dir(site)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("boot-") && name.ends_with(".js")) {
            continue;
        }
        let boot = std::fs::read_to_string(site.join(&name))?;
        if !boot.contains(old_stem) {
            continue;
        }
        let boot = boot.replace(old_stem, stem);
        let renamed = format!(
            "boot-{:016x}.js",
            crate::dist::content_hash(boot.as_bytes())
        );
        std::fs::remove_file(site.join(&name))?;
        std::fs::write(site.join(&renamed), boot)?;
        index = index.replace(&name, &renamed);
    }
    let mut rewritten = String::new();
    for (position, piece) in index.split('<').enumerate() {
        if piece.starts_with("link rel=\"modulepreload\" href=\"/__wasm_split-") {
            // The loader of an earlier split of the same site.
            continue;
        }
        if position > 0 {
            rewritten.push('<');
        }
        if piece.contains(old_stem) {
            let piece = piece.replace(old_stem, stem);
            rewritten.push_str(&without_integrity(&piece));
        } else {
            rewritten.push_str(piece);
        }
    }
    let preload_loader = format!("<link rel=\"modulepreload\" href=\"/{loader}\">");
    let rewritten = rewritten.replacen("</head>", &format!("{preload_loader}</head>"), 1);
    std::fs::write(&index_path, rewritten)?;
    Ok(())
}

/// A tag without its `integrity="…"` attribute.
fn without_integrity(tag: &str) -> String {
    let Some(start) = tag.find(" integrity=\"") else {
        return tag.to_owned();
    };
    let value_start = start + " integrity=\"".len();
    let Some(length) = tag[value_start..].find('"') else {
        return tag.to_owned();
    };
    format!("{}{}", &tag[..start], &tag[value_start + length + 1..])
}
