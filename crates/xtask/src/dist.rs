//! Finishing touches on Trunk's output that make dist/ deployable as plain static files:
//! the boot script moves out of index.html (so a strict Content-Security-Policy without inline scripts holds),
//! and the service worker gets the list of files to precache and a version derived from their content.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::tools::workspace_root;

const SCRIPT_OPEN: &str = "<script type=\"module\">";
const SCRIPT_CLOSE: &str = "</script>";

/// FNV-1a, 64 bit: a stable content hash for file names and the cache version; not for security.
fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Moves Trunk's inline boot script into its own file and references it from index.html.
fn externalize_boot_script(dist: &Path, public_url: &str) -> Result<()> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).context("reading dist/index.html")?;
    let Some(start) = index.find(SCRIPT_OPEN) else {
        // Already done (an earlier run) or Trunk changed its output; both are visible in the tests.
        return Ok(());
    };
    let body_start = start + SCRIPT_OPEN.len();
    let Some(length) = index[body_start..].find(SCRIPT_CLOSE) else {
        bail!("dist/index.html: the boot script has no end");
    };
    let boot = index[body_start..body_start + length].trim();
    let name = format!("boot-{:016x}.js", content_hash(boot.as_bytes()));
    std::fs::write(dist.join(&name), format!("{boot}\n"))?;
    let tag = format!("<script type=\"module\" src=\"{public_url}{name}\"></script>");
    let rewritten = format!(
        "{}{tag}{}",
        &index[..start],
        &index[body_start + length + SCRIPT_CLOSE.len()..]
    );
    std::fs::write(&index_path, rewritten)?;
    Ok(())
}

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

/// Files that are part of the app (and so precached); the demo page for partners and the worker itself are not.
fn is_app_file(relative: &Path) -> bool {
    let name = relative.to_string_lossy();
    !(name.starts_with('.') || name == "sw.js" || name == "partner-demo.html")
}

/// Writes dist/sw.js from the template in www/, with the precache list and a version from the files' content.
fn write_service_worker(dist: &Path) -> Result<()> {
    let files: Vec<PathBuf> = files_below(dist)?
        .into_iter()
        .filter(|path| is_app_file(path))
        .collect();
    let mut hash = 0u64;
    let mut list = String::from("[");
    for (position, file) in files.iter().enumerate() {
        let bytes = std::fs::read(dist.join(file))?;
        hash ^= content_hash(&bytes).rotate_left((position % 64) as u32);
        let path = file.to_string_lossy().replace('\\', "/");
        let _ = write!(list, "{}\"{path}\"", if position == 0 { "" } else { ", " });
    }
    list.push(']');
    let template =
        std::fs::read_to_string(workspace_root().join("www/sw.js")).context("reading www/sw.js")?;
    if !template.contains("__CHECKWERK_PRECACHE__") || !template.contains("__CHECKWERK_VERSION__") {
        bail!("www/sw.js lacks the __CHECKWERK_PRECACHE__ or __CHECKWERK_VERSION__ placeholder");
    }
    let worker = template
        .replace("__CHECKWERK_PRECACHE__", &list)
        .replace("__CHECKWERK_VERSION__", &format!("{hash:016x}"));
    std::fs::write(dist.join("sw.js"), worker)?;
    Ok(())
}

/// Makes a fresh Trunk build deployable.
pub fn finish(dist: &Path, public_url: &str) -> Result<()> {
    externalize_boot_script(dist, public_url)?;
    write_service_worker(dist)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_moves_to_a_file_named_by_its_content() -> Result<()> {
        let dist = std::env::temp_dir().join(format!("checkwerk-dist-test-{}", std::process::id()));
        std::fs::create_dir_all(&dist)?;
        let index = "<html><head><script type=\"module\">\nimport init from '/app.js';\nawait init();\n</script></head></html>";
        std::fs::write(dist.join("index.html"), index)?;
        externalize_boot_script(&dist, "/sub/")?;
        let rewritten = std::fs::read_to_string(dist.join("index.html"))?;
        assert!(!rewritten.contains("import init"), "{rewritten}");
        let boot = files_below(&dist)?
            .into_iter()
            .find(|path| path.to_string_lossy().starts_with("boot-"))
            .context("boot file written")?;
        assert!(rewritten.contains(&format!(
            "<script type=\"module\" src=\"/sub/{}\"></script>",
            boot.display()
        )));
        assert!(std::fs::read_to_string(dist.join(&boot))?.contains("await init();"));
        std::fs::remove_dir_all(&dist)?;
        Ok(())
    }

    #[test]
    fn only_app_files_are_precached() {
        assert!(is_app_file(Path::new("checkwerk-web-1234_bg.wasm")));
        assert!(is_app_file(Path::new("index.html")));
        assert!(!is_app_file(Path::new("sw.js")));
        assert!(!is_app_file(Path::new(".stage/x")));
        assert!(!is_app_file(Path::new("partner-demo.html")));
    }
}
