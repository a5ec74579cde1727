//! `cargo xtask screenshots`: the screenshots and printed PDFs reviewers look at, regenerated and copied into
//! `docs/screenshots/` for committing.
//!
//! The browser tests write them into a folder git ignores (`tests/output/screenshots/`, named in
//! `tests/e2e/fixtures.ts`), so that `cargo xtask test` leaves the checkout as it found it. This command builds the
//! site, runs only the tests tagged `@screenshot` (the fixture refuses a reviewer's file from an untagged test), and
//! makes `docs/screenshots/` hold exactly what they wrote: changed files replaced, files no test writes any more
//! removed, and files that did not change left alone, so that `git status` shows only what a reviewer should look at.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::tools::{self, command, run, workspace_root};

/// Where the browser tests write files for reviewers (ignored by git; the same folder as in `tests/e2e/fixtures.ts`).
const WRITTEN: &str = "tests/output/screenshots";
/// Where the committed copies live.
const PUBLISHED: &str = "docs/screenshots";
/// The Playwright tag of every test that writes a file for reviewers.
const TAG: &str = "@screenshot";

/// Builds the site, runs the tests that take screenshots, and publishes what they wrote.
pub fn screenshots() -> Result<()> {
    tools::ensure_chromium()?;
    tools::ensure_test_packages()?;
    crate::build()?;
    let written = workspace_root().join(WRITTEN);
    if written.exists() {
        // Only this run's files count: one an older run left would be published as if it were current.
        std::fs::remove_dir_all(&written)
            .with_context(|| format!("emptying {}", written.display()))?;
    }
    run(command("npx")
        .args(["playwright", "test", "--grep", TAG])
        .current_dir(workspace_root().join("tests")))?;
    // The block in WordPress' editor and a published page: from the WordPress tests, in a throwaway WordPress.
    crate::wordpress::screenshot_specs(TAG)?;
    let published = workspace_root().join(PUBLISHED);
    let outcome = publish(&written, &published)?;
    for (label, files) in [
        ("updated", &outcome.updated),
        ("removed (no test writes it any more)", &outcome.removed),
    ] {
        for file in files {
            eprintln!("xtask screenshots: {label}: {PUBLISHED}/{}", file.display());
        }
    }
    eprintln!(
        "xtask screenshots: {} updated, {} unchanged, {} removed in {PUBLISHED}/ (commit them with the change they show)",
        outcome.updated.len(),
        outcome.unchanged.len(),
        outcome.removed.len()
    );
    Ok(())
}

/// What publishing changed, by file name relative to the folders.
#[derive(Debug, Default, PartialEq)]
struct Published {
    updated: Vec<PathBuf>,
    unchanged: Vec<PathBuf>,
    removed: Vec<PathBuf>,
}

/// Makes `published` hold exactly the files of `written`, touching only files whose content differs.
fn publish(written: &Path, published: &Path) -> Result<Published> {
    let fresh = files_in(written)?;
    if fresh.is_empty() {
        bail!(
            "the tests tagged {TAG} wrote nothing into {}: is the tag still on them?",
            written.display()
        );
    }
    std::fs::create_dir_all(published)
        .with_context(|| format!("creating {}", published.display()))?;
    let mut outcome = Published::default();
    for name in &fresh {
        let new = std::fs::read(written.join(name))?;
        let target = published.join(name);
        let same = std::fs::read(&target).is_ok_and(|old| same_picture(name, &old, &new));
        if same {
            outcome.unchanged.push(name.clone());
        } else {
            std::fs::write(&target, &new)
                .with_context(|| format!("writing {}", target.display()))?;
            outcome.updated.push(name.clone());
        }
    }
    for name in files_in(published)? {
        if !fresh.contains(&name) {
            std::fs::remove_file(published.join(&name))?;
            outcome.removed.push(name);
        }
    }
    Ok(outcome)
}

/// The files directly in a folder (the reviewers' folder has no subfolders), sorted; none when it does not exist.
fn files_in(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut names = Vec::new();
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(names),
        Err(error) => return Err(error).with_context(|| format!("reading {}", folder.display())),
    };
    for entry in entries {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            names.push(PathBuf::from(entry.file_name()));
        }
    }
    names.sort();
    Ok(names)
}

/// Whether two versions of a file show the same thing. Chromium writes the time of printing into every PDF
/// (`/CreationDate`, `/ModDate`), so two prints of the same page differ in those bytes only; everything else is
/// compared byte for byte.
fn same_picture(name: &Path, old: &[u8], new: &[u8]) -> bool {
    if name.extension().is_some_and(|extension| extension == "pdf") {
        without_print_dates(old) == without_print_dates(new)
    } else {
        old == new
    }
}

/// A PDF's bytes with the values of its `/CreationDate (…)` and `/ModDate (…)` entries left out.
fn without_print_dates(pdf: &[u8]) -> Vec<u8> {
    const KEYS: [&[u8]; 2] = [b"/CreationDate (", b"/ModDate ("];
    let mut kept = Vec::with_capacity(pdf.len());
    let mut rest = pdf;
    'bytes: while !rest.is_empty() {
        for key in KEYS {
            if rest.starts_with(key) {
                kept.extend_from_slice(key);
                let value = &rest[key.len()..];
                // A date holds no parentheses; without a closing one the file is not what we think, keep it all.
                match value.iter().position(|&byte| byte == b')') {
                    Some(end) => rest = &value[end..],
                    None => {
                        kept.extend_from_slice(value);
                        rest = &[];
                    }
                }
                continue 'bytes;
            }
        }
        kept.push(rest[0]);
        rest = &rest[1..];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRINTED: &[u8] = b"%PDF-1.4\n<</Creator (HeadlessChrome)\n/CreationDate (D:20261129063228+00'00')\n/ModDate (D:20261129063228+00'00')>>\nstream";

    fn printed_at(time: &str) -> Vec<u8> {
        String::from_utf8_lossy(PRINTED)
            .replace("20261129063228", time)
            .into_bytes()
    }

    #[test]
    fn two_prints_of_the_same_page_are_the_same_pdf() {
        let earlier = printed_at("20261129063228");
        let later = printed_at("20261130101500");
        assert_ne!(earlier, later);
        assert!(same_picture(Path::new("bericht.pdf"), &earlier, &later));
        let mut other_content = later.clone();
        other_content.extend_from_slice(b" more");
        assert!(!same_picture(
            Path::new("bericht.pdf"),
            &earlier,
            &other_content
        ));
        // Only PDFs have print dates: any other file differs when a byte does.
        assert!(!same_picture(Path::new("bericht.png"), &earlier, &later));
        assert_eq!(
            without_print_dates(b"/ModDate (D:2026"),
            b"/ModDate (D:2026".to_vec()
        );
    }

    #[test]
    fn publishing_replaces_changed_files_keeps_equal_ones_and_removes_stale_ones() -> Result<()> {
        let root =
            std::env::temp_dir().join(format!("checkwerk-screenshots-test-{}", std::process::id()));
        let (written, published) = (root.join("written"), root.join("published"));
        std::fs::create_dir_all(&written)?;
        std::fs::create_dir_all(&published)?;
        std::fs::write(written.join("home.png"), b"new home")?;
        std::fs::write(written.join("bericht.pdf"), printed_at("20261130101500"))?;
        std::fs::write(written.join("neu.png"), b"a new picture")?;
        std::fs::write(published.join("home.png"), b"old home")?;
        std::fs::write(published.join("bericht.pdf"), printed_at("20261129063228"))?;
        std::fs::write(published.join("alt.png"), b"no test takes this any more")?;

        let outcome = publish(&written, &published)?;
        assert_eq!(
            outcome,
            Published {
                updated: vec!["home.png".into(), "neu.png".into()],
                unchanged: vec!["bericht.pdf".into()],
                removed: vec!["alt.png".into()],
            }
        );
        assert_eq!(
            files_in(&published)?,
            vec![
                PathBuf::from("bericht.pdf"),
                "home.png".into(),
                "neu.png".into()
            ]
        );
        assert_eq!(std::fs::read(published.join("home.png"))?, b"new home");
        // The unchanged PDF keeps its committed bytes, so git sees no change.
        assert_eq!(
            std::fs::read(published.join("bericht.pdf"))?,
            printed_at("20261129063228")
        );

        std::fs::remove_dir_all(&written)?;
        assert!(
            publish(&written, &published).is_err(),
            "nothing written is an error, not an empty folder"
        );
        assert_eq!(files_in(&published)?.len(), 3);
        std::fs::remove_dir_all(&root)?;
        Ok(())
    }
}
