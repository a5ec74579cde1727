//! The saved form of runs: what the browser keeps and what users export and import.
//!
//! A serialized format is a boundary that must stay loadable forever. It is lenient on input (unknown fields are
//! ignored, new fields have defaults) and carries a version; each older version migrates forward.

use serde::{Deserialize, Serialize};

use crate::run::Run;

/// The saved-format version this build writes.
pub const SAVED_FORMAT_VERSION: u32 = 1;

/// Marks a file as one of ours, so a foreign JSON file is told apart from a damaged one.
pub const SAVED_FORMAT_NAME: &str = "checkwerk-run";

/// A run as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedRun {
    /// Always [`SAVED_FORMAT_NAME`].
    pub format: String,
    /// The version of the saved format.
    pub version: u32,
    /// The run.
    pub run: Run,
}

/// Why saved data could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SavedError {
    /// Occurs when the text is not JSON or not shaped like a saved run.
    #[error("Die gespeicherten Daten sind beschädigt oder kein Checkwerk-Durchlauf ({0}).")]
    Unreadable(String),
    /// Occurs when the data is a Checkwerk run of another format name (e.g. a foreign app's data under our key).
    #[error("Die Daten stammen nicht von Checkwerk (Format „{0}“).")]
    Foreign(String),
    /// Occurs when the data was written by a newer version of Checkwerk.
    #[error("Die Daten stammen aus einer neueren Checkwerk-Version (Format {0}); bitte laden Sie die Seite neu.")]
    FromTheFuture(u32),
}

impl SavedRun {
    /// A run wrapped in the current saved format.
    pub fn current(run: &Run) -> Self {
        SavedRun {
            format: SAVED_FORMAT_NAME.to_owned(),
            version: SAVED_FORMAT_VERSION,
            run: run.clone(),
        }
    }
}

/// Serializes a run in the current saved format.
pub fn save_run(run: &Run) -> String {
    // A run holds only strings, numbers and maps with string keys, which always serialize.
    serde_json::to_string(&SavedRun::current(run)).unwrap_or_default()
}

/// Reads a saved run of any released version from its text, migrating it to the current one.
pub fn load_run(text: &str) -> Result<Run, SavedError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| SavedError::Unreadable(error.to_string()))?;
    load_run_value(value)
}

/// Reads a saved run of any released version from parsed JSON, migrating it to the current one.
pub fn load_run_value(value: serde_json::Value) -> Result<Run, SavedError> {
    let format = value
        .get("format")
        .and_then(|format| format.as_str())
        .unwrap_or_default();
    if format != SAVED_FORMAT_NAME {
        return Err(SavedError::Foreign(format.to_owned()));
    }
    let version = value
        .get("version")
        .and_then(|version| version.as_u64())
        .unwrap_or(0);
    match version {
        1 => serde_json::from_value::<SavedRun>(value)
            .map(|saved| saved.run)
            .map_err(|error| SavedError::Unreadable(error.to_string())),
        newer if newer > u64::from(SAVED_FORMAT_VERSION) => Err(SavedError::FromTheFuture(
            u32::try_from(newer).unwrap_or(u32::MAX),
        )),
        other => Err(SavedError::Unreadable(format!(
            "unbekannte Version {other}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::Timestamp;

    #[test]
    fn a_saved_run_loads_back_unchanged() {
        let mut run = Run {
            id: "r1".into(),
            catalog_id: "c".into(),
            catalog_version: "1".into(),
            name: "Standort Köln".into(),
            created_at: Timestamp(1),
            updated_at: Timestamp(1),
            answers: Default::default(),
            company: String::new(),
            starthilfe: Default::default(),
            free_texts: Default::default(),
            measures: Vec::new(),
        };
        run.set_choice("1.1", Some("hoch".into()), Timestamp(2));
        run.set_note("1.1", "„Zitat“ & <b>".into(), Timestamp(3));
        assert_eq!(load_run(&save_run(&run)), Ok(run));
    }

    #[test]
    fn foreign_future_and_broken_data_are_told_apart() {
        assert!(matches!(
            load_run("{\"todos\":[]}"),
            Err(SavedError::Foreign(_))
        ));
        assert!(matches!(
            load_run("{\"format\":\"checkwerk-run\",\"version\":99}"),
            Err(SavedError::FromTheFuture(99))
        ));
        assert!(matches!(
            load_run("{not json"),
            Err(SavedError::Unreadable(_))
        ));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let text = r#"{"format":"checkwerk-run","version":1,"extra":true,
            "run":{"id":"r","catalog_id":"c","future_field":[1,2],"answers":{"1.1":{"choice":"hoch","mood":"ok"}}}}"#;
        let run = load_run(text).expect("lenient");
        assert_eq!(run.answers["1.1"].choice.as_deref(), Some("hoch"));
    }
}
