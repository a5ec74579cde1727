//! Whether the test run left the checkout as it found it.
//!
//! A snapshot is what `git status` lists (tracked changes and untracked files, not ignored ones), with a hash of
//! each listed file's content, so that a run which rewrites a file that was already modified before it started is
//! caught too. A clean checkout must stay clean; a dirty one (work in progress) must stay exactly as dirty.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};

use crate::dist::content_hash;
use crate::tools::{command, workspace_root};

/// One path `git status` lists: its two-letter status and a hash of its content (none for a deleted file).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    status: String,
    content: Option<u64>,
}

/// The paths `git status` lists at one moment, by path relative to the repository root.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    entries: BTreeMap<String, Entry>,
}

/// The checkout as `git status` sees it now, or `None` when this is no git checkout (a source archive) or git is
/// missing: then there is nothing to compare.
pub fn snapshot() -> Result<Option<Snapshot>> {
    let output = match command("git")
        .args(["status", "--porcelain=v1", "-z", "--untracked-files=all"])
        .output()
    {
        Ok(output) if output.status.success() => output,
        _ => return Ok(None),
    };
    let root = workspace_root();
    let mut snapshot = Snapshot::default();
    for (status, path) in parse_status(&output.stdout)? {
        // A deleted file or an untracked folder git lists as a whole (a nested repository) has no content to hash.
        let content = std::fs::read(root.join(&path))
            .ok()
            .map(|bytes| content_hash(&bytes));
        snapshot.entries.insert(path, Entry { status, content });
    }
    Ok(Some(snapshot))
}

/// Parses `git status --porcelain=v1 -z`: entries `XY path`, each ended by NUL; a rename or copy is followed by
/// its source path as one more NUL-ended field, which is not a path of the working tree any more.
fn parse_status(output: &[u8]) -> Result<Vec<(String, String)>> {
    let mut entries = Vec::new();
    let mut fields = output
        .split(|&byte| byte == 0)
        .filter(|field| !field.is_empty());
    while let Some(field) = fields.next() {
        let field = String::from_utf8_lossy(field);
        let Some((status, path)) = field.split_at_checked(2) else {
            bail!("unexpected line from git status: {field:?}");
        };
        let Some(path) = path.strip_prefix(' ') else {
            bail!("unexpected line from git status: {field:?}");
        };
        if status.starts_with(['R', 'C']) {
            fields
                .next()
                .with_context(|| format!("git status names no source for {path}"))?;
        }
        entries.push((status.to_owned(), path.to_owned()));
    }
    Ok(entries)
}

/// What differs between two snapshots, one line per path, in path order: new entries, entries that went away, and
/// entries whose status or content changed.
pub fn changes(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut paths: Vec<&String> = before.entries.keys().chain(after.entries.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter_map(
            |path| match (before.entries.get(path), after.entries.get(path)) {
                (None, Some(now)) => Some(format!("{} {path}", now.status)),
                (Some(was), None) => Some(format!(
                    "   {path} (was `{}` before the run, now as committed)",
                    was.status
                )),
                (Some(was), Some(now)) if was.status != now.status => Some(format!(
                    "{} {path} (was `{}` before the run)",
                    now.status, was.status
                )),
                (Some(was), Some(now)) if was.content != now.content => {
                    Some(format!("{} {path} (its content changed)", now.status))
                }
                _ => None,
            },
        )
        .collect()
}

/// Fails, naming every file, when the checkout differs from the snapshot taken before the run.
pub fn ensure_unchanged(before: &Snapshot) -> Result<()> {
    let Some(after) = snapshot()? else {
        bail!("git status worked before the run and fails after it");
    };
    let changed = changes(before, &after);
    if !changed.is_empty() {
        bail!(
            "the test run changed the checkout; tests must write only where git ignores it (files for reviewers: \
             `cargo xtask screenshots`). Changed during the run (a file you edited meanwhile shows here too):\n  {}",
            changed.join("\n  ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot_of(entries: &[(&str, &str, Option<u64>)]) -> Snapshot {
        Snapshot {
            entries: entries
                .iter()
                .map(|(status, path, content)| {
                    (
                        (*path).to_owned(),
                        Entry {
                            status: (*status).to_owned(),
                            content: *content,
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn git_status_entries_are_read_with_renames_and_odd_names() -> Result<()> {
        let output = b" M docs/screenshots/bericht.pdf\0?? tests/neu datei.txt\0R  new.rs\0old.rs\0D  gone.md\0?? \xc3\xa4rger.txt\0";
        assert_eq!(
            parse_status(output)?,
            vec![
                (" M".to_owned(), "docs/screenshots/bericht.pdf".to_owned()),
                ("??".to_owned(), "tests/neu datei.txt".to_owned()),
                ("R ".to_owned(), "new.rs".to_owned()),
                ("D ".to_owned(), "gone.md".to_owned()),
                ("??".to_owned(), "ärger.txt".to_owned()),
            ]
        );
        assert_eq!(parse_status(b"")?, vec![]);
        assert!(parse_status(b"M\0").is_err());
        assert!(
            parse_status(b"R  new.rs\0").is_err(),
            "a rename without its source"
        );
        Ok(())
    }

    #[test]
    fn a_clean_checkout_must_stay_clean() {
        let clean = snapshot_of(&[]);
        assert_eq!(changes(&clean, &clean), Vec::<String>::new());
        let dirty = snapshot_of(&[
            (" M", "docs/screenshots/bericht.pdf", Some(1)),
            ("??", "tests/output.txt", Some(2)),
        ]);
        assert_eq!(
            changes(&clean, &dirty),
            vec![" M docs/screenshots/bericht.pdf", "?? tests/output.txt"]
        );
    }

    #[test]
    fn a_dirty_checkout_must_stay_exactly_as_dirty() {
        let before = snapshot_of(&[
            (" M", "crates/core/src/lib.rs", Some(1)),
            ("??", "notes.md", Some(2)),
            (" M", "README.md", Some(3)),
        ]);
        assert_eq!(changes(&before, &before), Vec::<String>::new());
        let after = snapshot_of(&[
            // Rewritten by the run: same status, other content.
            (" M", "crates/core/src/lib.rs", Some(9)),
            ("??", "notes.md", Some(2)),
            // Staged by the run.
            ("M ", "README.md", Some(3)),
            ("??", "docs/new.png", Some(4)),
        ]);
        assert_eq!(
            changes(&before, &after),
            vec![
                "M  README.md (was ` M` before the run)",
                " M crates/core/src/lib.rs (its content changed)",
                "?? docs/new.png",
            ]
        );
        // A run that put a modified file back as committed changed it too.
        let reverted = snapshot_of(&[("??", "notes.md", Some(2)), (" M", "README.md", Some(3))]);
        assert_eq!(
            changes(&before, &reverted),
            vec!["   crates/core/src/lib.rs (was ` M` before the run, now as committed)"]
        );
    }
}
