//! Integration tests of the core: every shipped catalog, the located errors of the broken ones, properties of the
//! loader, the catalog README and the JSON Schema, the saved format's golden files, the action plan journey and
//! snapshots of the reports, hostile input of every kind, merging two copies of a run, rating as a team, and the
//! declarations of the shipped catalogs with the fingerprint of their records.

mod action_plan;
mod broken;
mod catalogs;
mod companies;
mod declaration;
mod hostile;
mod merge;
mod properties;
mod readme;
mod reports;
mod saved;
#[cfg(feature = "schema")]
mod schema;
mod storage_size;
mod team;
mod volume;
mod wording;

/// Every file with an extension in a folder, sorted by name, as (file name, text).
pub(crate) fn files_with_extension(
    folder: &std::path::Path,
    extension: &str,
) -> Vec<(String, String)> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text =
                std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, text)
        })
        .collect()
}
