//! The app's wasm, from cargo to the files of the site: built with relocations kept, split at the lazy pages, bound
//! by wasm-bindgen, its imports given short names (`import_names`), shrunk by wasm-opt, named by one hash and started
//! by a boot script of its own.
//!
//! Trunk 0.21 runs cargo, wasm-bindgen and wasm-opt in one step with no place for a split between them, so Trunk
//! builds the page, the styles, the copied files and the catalog worker, and this builds the app. The split: every
//! page but the Baustein is a `wasm_split` point (`crates/web/src/pages/lazy.rs`); `wasm_split_cli_support` (what
//! cargo-leptos' `--split` calls) reads the linker's relocations (`--emit-relocs`, which the web crate's build
//! script asks for) and writes the main module, the chunk of the lazy pages and a JavaScript loader.
//! Every part is named by one hash of the whole build, so a page of one deployment never fetches a chunk of another.
//! A build whose linked wasm did not change takes the parts of the last one (`target/app-build/<hash>/`): the bench's
//! second site and a rebuild after a change of the page or the catalogs skip the split and wasm-opt.
//! The catalogs are files of their own (`catalogs/<id>-<hash>.json`, written by the web crate's build script): a
//! visit fetches the one it opens beside the app, the others when a page lists several checks (the service worker
//! precaches them all).

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};

use crate::tools::{command, run, workspace_root};

/// The wasm features rustc enables, which wasm-opt must accept (and keep) as well.
pub const WASM_OPT_FEATURES: [&str; 7] = [
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
/// The main module's JavaScript before it gets the build's hash; the loader imports `initSync` from it.
const MAIN_PLACEHOLDER: &str = "checkwerk-web-SPLITMAIN";

fn say(message: &str) {
    eprintln!("xtask: {message}");
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// The app's files as they go into a site.
#[derive(Debug)]
pub struct AppFiles {
    /// `checkwerk-web-<hash>`: the main module's JavaScript is `<stem>.js`, its wasm `<stem>_bg.wasm`.
    pub stem: String,
    /// The splitter's loader, `__wasm_split-<hash>.js`.
    pub loader: String,
    /// The boot script, `boot-<hash>.js`.
    pub boot: String,
    /// Each check's id with its catalog's file below `catalogs/`, in order.
    pub catalogs: Vec<(String, String)>,
}

/// Builds the app's wasm and puts it, split, into `site` (a site Trunk built), with the catalogs' files, its boot
/// script and the tags that start it in `index.html`. The `*.toml` catalogs of `extra_catalogs` join the bundled ones.
pub fn build_into(
    site: &Path,
    public_url: &str,
    extra_catalogs: Option<&Path>,
) -> Result<AppFiles> {
    say("building the app's wasm");
    let mut cargo = command("cargo");
    cargo.args([
        "build",
        "--release",
        "--offline",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "checkwerk-web",
        "--bin",
        "checkwerk-web",
    ]);
    cargo.args(["--message-format", "json-render-diagnostics"]);
    let output = cargo
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("cannot start cargo")?;
    if !output.status.success() {
        bail!("building the app's wasm failed ({})", output.status);
    }
    let out_dir = web_out_dir(&String::from_utf8_lossy(&output.stdout))?;
    let linked = target_dir().join("wasm32-unknown-unknown/release/checkwerk-web.wasm");
    let input = std::fs::read(&linked).with_context(|| format!("reading {}", linked.display()))?;
    let parts = split_parts(&input)?;

    let tag = parts.tag.clone();
    let stem = format!("checkwerk-web-{tag}");
    let loader = format!("__wasm_split-{tag}.js");
    let main_js_placeholder = format!("./{MAIN_PLACEHOLDER}.js");
    let mut loader_text = std::fs::read_to_string(parts.folder.join(LINK_MODULE))?
        .replace(&main_js_placeholder, &format!("./{stem}.js"));
    let mut chunks = Vec::new();
    for chunk in &parts.chunks {
        let name = chunk
            .file_stem()
            .context("chunk without a name")?
            .to_string_lossy()
            .into_owned();
        let quoted = format!("\"./{name}.wasm\"");
        if !loader_text.contains(&quoted) {
            bail!("{LINK_MODULE} does not load {name}.wasm");
        }
        let hashed = format!("{name}-{tag}.wasm");
        loader_text = loader_text.replace(&quoted, &format!("\"./{hashed}\""));
        chunks.push((chunk.clone(), hashed));
    }
    let main_js = std::fs::read_to_string(parts.folder.join(format!("{MAIN_PLACEHOLDER}.js")))?;
    // Only the ES import changes; the wasm imports by the module name it was linked with.
    let link_import = format!("from \"{LINK_IMPORT}\"");
    if !main_js.contains(&link_import) {
        bail!("wasm-bindgen's output does not import {LINK_MODULE}");
    }
    let main_js = main_js.replace(&link_import, &format!("from \"./{loader}\""));

    std::fs::write(site.join(format!("{stem}.js")), main_js)?;
    std::fs::copy(&parts.main_wasm, site.join(format!("{stem}_bg.wasm")))?;
    std::fs::write(site.join(&loader), loader_text)?;
    for (chunk, hashed) in &chunks {
        std::fs::copy(chunk, site.join(hashed))?;
    }
    let catalogs = write_catalog_files(&out_dir, extra_catalogs, &site.join("catalogs"))?;
    let boot_text = boot_script(&stem, &catalogs);
    let boot = format!(
        "boot-{:016x}.js",
        crate::dist::content_hash(boot_text.as_bytes())
    );
    std::fs::write(site.join(&boot), boot_text)?;
    let files = AppFiles {
        stem,
        loader,
        boot,
        catalogs,
    };
    let index_path = site.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    std::fs::write(&index_path, with_app_tags(&index, public_url, &files)?)?;

    let sizes: Vec<String> = chunks
        .iter()
        .map(|(chunk, hashed)| {
            let bytes = std::fs::metadata(chunk).map_or(0, |meta| meta.len());
            format!("{hashed} {bytes}")
        })
        .collect();
    say(&format!(
        "app: main module {} bytes; chunks: {}",
        std::fs::metadata(site.join(format!("{}_bg.wasm", files.stem)))?.len(),
        sizes.join(", ")
    ));
    Ok(files)
}

/// The split, bound and shrunk parts of one linked wasm, in a folder of their own below `target/app-build/`.
struct SplitParts {
    folder: PathBuf,
    /// The main module after wasm-bindgen and wasm-opt; its JavaScript is `<MAIN_PLACEHOLDER>.js` beside it.
    main_wasm: PathBuf,
    /// The chunks after wasm-opt; the loader `LINK_MODULE` beside them names them.
    chunks: Vec<PathBuf>,
    /// One hash over every part: another build gets other names for all of them, so a page of one deployment
    /// never loads a chunk of another (their functions would not fit each other's table).
    tag: String,
}

/// Splits, binds and shrinks the linked wasm, or takes the parts a build of the same wasm made before: the folder
/// is named by a hash of the linked wasm, the tools' versions and the xtask's own build, and is complete only once
/// `parts.txt` is written, last. Only the newest such folder is kept.
fn split_parts(input: &[u8]) -> Result<SplitParts> {
    let work = target_dir().join("app-build");
    // The xtask itself is part of the key (by size and time of its executable): a change of how the parts are made
    // makes them anew.
    let this_build = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|meta| format!("{} {:?}", meta.len(), meta.modified().ok()))
        .unwrap_or_default();
    let key = crate::dist::content_hash(
        format!(
            "{:016x} wasm-bindgen {} binaryen {} xtask {this_build}",
            crate::dist::content_hash(input),
            crate::tools::locked_version("wasm-bindgen")?,
            crate::tools::BINARYEN_VERSION,
        )
        .as_bytes(),
    );
    let folder = work.join(format!("{key:016x}"));
    let manifest = folder.join("parts.txt");
    if let Ok(listed) = std::fs::read_to_string(&manifest) {
        let mut lines = listed.lines();
        if let Some(tag) = lines.next() {
            say("the linked wasm is unchanged: its split parts of the last build are taken");
            return Ok(SplitParts {
                main_wasm: folder.join(format!("{MAIN_PLACEHOLDER}_bg.wasm")),
                chunks: lines.map(|name| folder.join(name)).collect(),
                tag: tag.to_owned(),
                folder,
            });
        }
    }
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&folder)?;

    say("splitting it at the lazy pages");
    let main_js_placeholder = format!("./{MAIN_PLACEHOLDER}.js");
    // Kept: the main module with its function names, before wasm-bindgen (what `twiggy` reads, bench/results/size.md).
    let main_out = folder.join("main-linked.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(input);
        options.output_dir = &folder;
        options.main_out_path = &main_out;
        options.link_name = LINK_IMPORT;
        options.main_module = &main_js_placeholder;
        options
    })
    .map_err(|error| anyhow!("wasm_split_cli_support: {error:?}"))?;
    if split.split_modules.is_empty() {
        bail!("the splitter found no lazy page: is `--emit-relocs` still passed to the linker (crates/web/build.rs)?");
    }

    say("wasm-bindgen, then wasm-opt on the main module and the chunk side by side");
    run(command("wasm-bindgen").args([
        "--target",
        "web",
        // The chunk imports the main module's memory, table and shared functions by these exports.
        "--keep-lld-exports",
        "--no-typescript",
        "--out-name",
        MAIN_PLACEHOLDER,
        "--out-dir",
        &folder.display().to_string(),
        &main_out.display().to_string(),
    ]))?;
    let main_wasm = folder.join(format!("{MAIN_PLACEHOLDER}_bg.wasm"));
    let main_js = folder.join(format!("{MAIN_PLACEHOLDER}.js"));
    let (wasm, js) = crate::import_names::shorten(
        &std::fs::read(&main_wasm)?,
        &std::fs::read_to_string(&main_js)?,
        &format!("./{MAIN_PLACEHOLDER}_bg.js"),
    )
    .context("shortening the names of the main module's imports")?;
    std::fs::write(&main_wasm, wasm)?;
    std::fs::write(&main_js, js)?;
    let mut wasm_files = vec![main_wasm.clone()];
    wasm_files.extend(split.split_modules.iter().cloned());
    let optimizers = wasm_files
        .iter()
        .map(|wasm| {
            let path = wasm.display().to_string();
            command("wasm-opt")
                .arg("-Oz")
                .args(WASM_OPT_FEATURES)
                .args([path.as_str(), "-o", path.as_str()])
                .spawn()
                .context("cannot start wasm-opt")
        })
        .collect::<Result<Vec<_>>>()?;
    for (mut optimizer, wasm) in optimizers.into_iter().zip(&wasm_files) {
        let status = optimizer.wait()?;
        if !status.success() {
            bail!("wasm-opt on {} failed ({status})", wasm.display());
        }
    }

    let mut build_hash = 0u64;
    for (position, wasm) in wasm_files.iter().enumerate() {
        build_hash ^= crate::dist::content_hash(&std::fs::read(wasm)?).rotate_left(position as u32);
    }
    let tag = format!("{build_hash:016x}");
    let mut listed = vec![tag.clone()];
    for chunk in &split.split_modules {
        let name = chunk.file_name().context("chunk without a name")?;
        listed.push(name.to_string_lossy().into_owned());
    }
    std::fs::write(&manifest, listed.join("\n"))?;
    Ok(SplitParts {
        folder,
        main_wasm,
        chunks: split.split_modules,
        tag,
    })
}

/// The folder the web crate's build script wrote to, from cargo's JSON messages.
fn web_out_dir(messages: &str) -> Result<PathBuf> {
    let mut found = None;
    for line in messages.lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let of_web = message["package_id"]
            .as_str()
            .is_some_and(|id| id.contains("checkwerk-web"));
        if message["reason"] == "build-script-executed" && of_web {
            found = message["out_dir"].as_str().map(PathBuf::from);
        }
    }
    found.context("cargo named no output folder of the web crate's build script")
}

/// Puts the catalogs' files into the site's `catalogs/` folder: the bundled ones as the web crate's build script
/// validated and wrote them (listed in order in `catalog-files.txt`), then those of `extra` (validated here the
/// same way). Returns each check's id with its file's name, in order.
fn write_catalog_files(
    out_dir: &Path,
    extra: Option<&Path>,
    to: &Path,
) -> Result<Vec<(String, String)>> {
    if to.exists() {
        std::fs::remove_dir_all(to)?;
    }
    std::fs::create_dir_all(to)?;
    let list_path = out_dir.join("catalog-files.txt");
    let list = std::fs::read_to_string(&list_path)
        .with_context(|| format!("reading {}", list_path.display()))?;
    let mut files = Vec::new();
    for name in list.split_whitespace() {
        let id = checkwerk_core::site_catalog::id_of_file(name)
            .with_context(|| format!("{name}: not a catalog file"))?;
        std::fs::copy(out_dir.join("catalog-files").join(name), to.join(name))?;
        files.push((id.to_owned(), name.to_owned()));
    }
    if files.is_empty() {
        bail!("{}: no catalogs", list_path.display());
    }
    if let Some(folder) = extra {
        for file in extra_catalog_files(folder)? {
            let id = checkwerk_core::site_catalog::id_of_file(&file.name)
                .context("a catalog file's name")?
                .to_owned();
            if files.iter().any(|(known, _)| *known == id) {
                bail!("{}: the check {id} is bundled already", folder.display());
            }
            std::fs::write(to.join(&file.name), &file.json)?;
            files.push((id, file.name));
        }
    }
    Ok(files)
}

/// The files of the `*.toml` catalogs of a folder, sorted by name, each validated as the bundled ones are.
fn extra_catalog_files(
    folder: &Path,
) -> Result<Vec<checkwerk_core::site_catalog::SiteCatalogFile>> {
    let paths = checkwerk_core::load::catalog_files_in(folder)
        .with_context(|| format!("reading {}", folder.display()))?;
    let mut files = Vec::new();
    for path in paths {
        let source = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let catalog = checkwerk_core::load::catalog_from_toml(&path.display().to_string(), &source)
            .map_err(|errors| anyhow!("{}", errors.render(checkwerk_core::Language::De)))?;
        files.push(checkwerk_core::site_catalog::SiteCatalog::of(catalog).file());
    }
    Ok(files)
}

/// The boot script: fetches the catalog of a check the address opens while the app comes, starts the main module
/// with its wasm (all beside the script) and announces the wasm's exports (the bench reads the wasm's memory
/// through them). The catalog is preloaded as `fetch` with `crossorigin`, as the app's own `fetch` asks for it.
fn boot_script(stem: &str, catalogs: &[(String, String)]) -> String {
    let files: Vec<String> = catalogs
        .iter()
        .map(|(id, name)| format!("{id:?}: {name:?}"))
        .collect();
    format!(
        "const catalogs = {{ {} }};\n\
         // Only a head start: an address the browser cannot decode must not keep the app from starting.\n\
         try {{\n\
         \x20 const opened = /check\\/([a-z0-9-]+)/.exec(decodeURIComponent(location.pathname + location.search));\n\
         \x20 if (opened && Object.hasOwn(catalogs, opened[1])) {{\n\
         \x20   const link = Object.assign(document.createElement(\"link\"), {{ rel: \"preload\", as: \"fetch\", crossOrigin: \"anonymous\" }});\n\
         \x20   link.href = new URL(\"./catalogs/\" + catalogs[opened[1]], import.meta.url).href;\n\
         \x20   document.head.append(link);\n\
         \x20 }}\n\
         }} catch {{}}\n\
         const {{ default: init }} = await import(\"./{stem}.js\");\n\
         const wasm = await init({{ module_or_path: new URL(\"./{stem}_bg.wasm\", import.meta.url) }});\n\
         dispatchEvent(new CustomEvent(\"checkwerk-started\", {{ detail: {{ wasm }} }}));\n",
        files.join(", ")
    )
}

/// `index.html` with the app's tags before `</head>`: the boot script (a file, so a Content-Security-Policy without
/// inline scripts holds), the main module and the loader preloaded so they come in parallel with it, and the wasm
/// preloaded as `fetch` (`crossorigin`, as wasm-bindgen's own `fetch` asks for it, so the browser reuses it).
fn with_app_tags(index: &str, public_url: &str, files: &AppFiles) -> Result<String> {
    if index.contains("<script type=\"module\">") {
        bail!("index.html has an inline module script: the app's page must have none (Content-Security-Policy)");
    }
    let Some(head_end) = index.find("</head>") else {
        bail!("index.html has no </head>");
    };
    let AppFiles {
        stem,
        loader,
        boot,
        catalogs,
    } = files;
    let names: Vec<&str> = catalogs.iter().map(|(_, name)| name.as_str()).collect();
    let tags = format!(
        "<meta name=\"checkwerk-catalogs\" content=\"{}\">\n\
         <script type=\"module\" src=\"{public_url}{boot}\"></script>\n\
         <link rel=\"modulepreload\" href=\"{public_url}{stem}.js\">\n\
         <link rel=\"modulepreload\" href=\"{public_url}{loader}\">\n\
         <link rel=\"preload\" href=\"{public_url}{stem}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n",
        names.join(" ")
    );
    Ok(format!(
        "{}{tags}{}",
        &index[..head_end],
        &index[head_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> AppFiles {
        AppFiles {
            stem: "checkwerk-web-00ff".to_owned(),
            loader: "__wasm_split-00ff.js".to_owned(),
            boot: "boot-1234.js".to_owned(),
            catalogs: vec![
                (
                    "umweltschutz".to_owned(),
                    "umweltschutz-00aa.json".to_owned(),
                ),
                (
                    "energie-sparen".to_owned(),
                    "energie-sparen-00bb.json".to_owned(),
                ),
            ],
        }
    }

    #[test]
    fn the_page_starts_the_app_from_its_public_path() -> Result<()> {
        let page = with_app_tags(
            "<html><head><title>x</title></head></html>",
            "/sub/",
            &files(),
        )?;
        assert!(page.contains("<script type=\"module\" src=\"/sub/boot-1234.js\"></script>"));
        assert!(page.contains("<meta name=\"checkwerk-catalogs\" content=\"umweltschutz-00aa.json energie-sparen-00bb.json\">"));
        assert!(page.contains("<link rel=\"modulepreload\" href=\"/sub/checkwerk-web-00ff.js\">"));
        assert!(page.contains("<link rel=\"modulepreload\" href=\"/sub/__wasm_split-00ff.js\">"));
        assert!(page.contains("href=\"/sub/checkwerk-web-00ff_bg.wasm\" as=\"fetch\""));
        assert!(page.ends_with("</head></html>"));
        Ok(())
    }

    #[test]
    fn a_page_with_an_inline_script_is_refused() {
        let page = "<html><head><script type=\"module\">init()</script></head></html>";
        assert!(with_app_tags(page, "/", &files()).is_err());
    }

    #[test]
    fn the_boot_script_loads_the_wasm_and_the_opened_check_beside_itself() {
        let catalogs = [(
            "umweltschutz".to_owned(),
            "umweltschutz-00aa.json".to_owned(),
        )];
        let boot = boot_script("checkwerk-web-00ff", &catalogs);
        assert!(boot.contains("await import(\"./checkwerk-web-00ff.js\")"));
        assert!(boot.contains("const catalogs = { \"umweltschutz\": \"umweltschutz-00aa.json\" };"));
        assert!(boot.contains("new URL(\"./catalogs/\" + catalogs[opened[1]], import.meta.url)"));
        assert!(boot.contains("new URL(\"./checkwerk-web-00ff_bg.wasm\", import.meta.url)"));
    }
}
