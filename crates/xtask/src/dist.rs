//! The finishing touch that makes a built site deployable as plain static files: the service worker gets the list of
//! files to precache and a version derived from their content.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::tools::workspace_root;

/// A stable content hash for file names, the cache version and whether a file changed (`checkout.rs`): the core's
/// FNV-1a, which also names the catalogs' files.
pub use checkwerk_core::codec::fnv1a as content_hash;

/// Every file below a folder, relative to it, sorted.
fn files_below(root: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                found.push(relative.to_path_buf());
            }
        }
    }
    found.sort();
    Ok(found)
}

/// How the service worker treats a file of the site.
#[derive(Debug, PartialEq)]
enum Caching {
    /// Part of every visit: fetched when the service worker installs, so the app works offline at once.
    Precache,
    /// Needed by few pages or only when installing (the catalog worker for `?katalog=`, the large install icons):
    /// cached the first time something fetches it.
    OnFirstUse,
    /// Not the app's (the service worker itself, the partners' demo page, Trunk's staging files).
    Never,
}

fn caching_of(relative: &Path) -> Caching {
    let name = relative.to_string_lossy();
    if name.starts_with('.') || name == "sw.js" || name == "partner-demo.html" {
        Caching::Never
    } else if name.starts_with("checkwerk-catalog-worker") || name.starts_with("icon-512") {
        Caching::OnFirstUse
    } else {
        Caching::Precache
    }
}

/// A JSON array of paths.
fn json_list<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> String {
    let quoted: Vec<String> = paths
        .map(|path| format!("\"{}\"", path.to_string_lossy().replace('\\', "/")))
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// Writes dist/sw.js from the template in www/: the files to precache, the ones to cache on first use, and a
/// version from the content of both.
fn write_service_worker(dist: &Path) -> Result<()> {
    let files = files_below(dist)?;
    let mut hash = 0u64;
    for (position, file) in files
        .iter()
        .filter(|file| caching_of(file) != Caching::Never)
        .enumerate()
    {
        let bytes = std::fs::read(dist.join(file))?;
        hash ^= content_hash(&bytes).rotate_left((position % 64) as u32);
    }
    let of_kind =
        |kind: Caching| json_list(files.iter().filter(move |file| caching_of(file) == kind));
    let template =
        std::fs::read_to_string(workspace_root().join("www/sw.js")).context("reading www/sw.js")?;
    for placeholder in [
        "__CHECKWERK_PRECACHE__",
        "__CHECKWERK_ON_FIRST_USE__",
        "__CHECKWERK_VERSION__",
    ] {
        if !template.contains(placeholder) {
            bail!("www/sw.js lacks the {placeholder} placeholder");
        }
    }
    let worker = template
        .replace("__CHECKWERK_PRECACHE__", &of_kind(Caching::Precache))
        .replace("__CHECKWERK_ON_FIRST_USE__", &of_kind(Caching::OnFirstUse))
        .replace("__CHECKWERK_VERSION__", &format!("{hash:016x}"));
    std::fs::write(dist.join("sw.js"), worker)?;
    Ok(())
}

/// Makes a freshly built site deployable.
pub fn finish(dist: &Path) -> Result<()> {
    write_service_worker(dist)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_is_precached_and_what_few_need_cached_on_first_use() {
        for precached in [
            "checkwerk-web-1234_bg.wasm",
            "split_pages-1234.wasm",
            "__wasm_split-1234.js",
            "boot-1234.js",
            "index.html",
            "styles-1234.css",
            "icon.svg",
            "icon-192.png",
            "manifest.webmanifest",
        ] {
            assert_eq!(
                caching_of(Path::new(precached)),
                Caching::Precache,
                "{precached}"
            );
        }
        for on_demand in [
            "checkwerk-catalog-worker.js",
            "checkwerk-catalog-worker_bg.wasm",
            "checkwerk-catalog-worker_loader.js",
            "icon-512.png",
            "icon-512-maskable.png",
        ] {
            assert_eq!(
                caching_of(Path::new(on_demand)),
                Caching::OnFirstUse,
                "{on_demand}"
            );
        }
        for never in ["sw.js", ".stage/x", "partner-demo.html"] {
            assert_eq!(caching_of(Path::new(never)), Caching::Never, "{never}");
        }
    }
}
