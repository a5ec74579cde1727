//! A run: one company working through one check once, with its answers.
//!
//! Answers are keyed by item id, never by position, so a catalog can be re-ordered or extended without losing
//! them. Time comes in from outside as a [`Timestamp`]: the core has no clock.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch (UTC), as the caller's clock reported them.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

/// One run of one check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// Identifier of the run, chosen by the caller (unique among a user's runs).
    pub id: String,
    /// The catalog this run answers.
    pub catalog_id: String,
    /// The catalog version the run was last answered against.
    #[serde(default)]
    pub catalog_version: String,
    /// Name the user gives the run, e.g. „Standort Köln 2026".
    #[serde(default)]
    pub name: String,
    /// When the run was created.
    #[serde(default)]
    pub created_at: Timestamp,
    /// When anything in the run last changed.
    #[serde(default)]
    pub updated_at: Timestamp,
    /// Answers keyed by item id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// The answer to one item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Key of the chosen level or of the "not relevant" choice; `None` while only a note or priority is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// Chosen priority value, where the scale has a priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// The user's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When this answer last changed.
    #[serde(default)]
    pub updated_at: Timestamp,
}

impl Answer {
    /// Whether the answer holds nothing worth keeping.
    pub fn is_empty(&self) -> bool {
        self.choice.is_none() && self.priority.is_none() && self.note.is_empty()
    }
}

impl Run {
    /// A new, empty run of a catalog.
    pub fn new(id: impl Into<String>, catalog: &crate::Catalog, now: Timestamp) -> Self {
        Run {
            id: id.into(),
            catalog_id: catalog.id.clone(),
            catalog_version: catalog.version.clone(),
            name: String::new(),
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
        }
    }

    /// The answer to an item, if any.
    pub fn answer(&self, item_id: &str) -> Option<&Answer> {
        self.answers.get(item_id)
    }

    /// Sets the choice of an item (`None` clears it) and stamps the change.
    pub fn set_choice(&mut self, item_id: &str, choice: Option<String>, now: Timestamp) {
        self.edit_answer(item_id, now, |answer| answer.choice = choice);
    }

    /// Sets the priority of an item (`None` clears it) and stamps the change.
    pub fn set_priority(&mut self, item_id: &str, priority: Option<u8>, now: Timestamp) {
        self.edit_answer(item_id, now, |answer| answer.priority = priority);
    }

    /// Sets the note of an item and stamps the change.
    pub fn set_note(&mut self, item_id: &str, note: String, now: Timestamp) {
        self.edit_answer(item_id, now, |answer| answer.note = note);
    }

    fn edit_answer(&mut self, item_id: &str, now: Timestamp, edit: impl FnOnce(&mut Answer)) {
        let answer = self.answers.entry(item_id.to_owned()).or_default();
        edit(answer);
        answer.updated_at = now;
        if answer.is_empty() {
            self.answers.remove(item_id);
        }
        self.updated_at = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> Run {
        Run {
            id: "r1".into(),
            catalog_id: "c".into(),
            catalog_version: "1".into(),
            name: String::new(),
            created_at: Timestamp(1),
            updated_at: Timestamp(1),
            answers: BTreeMap::new(),
        }
    }

    #[test]
    fn setting_a_choice_stamps_answer_and_run() {
        let mut run = run();
        run.set_choice("1.1", Some("hoch".into()), Timestamp(5));
        let answer = run.answer("1.1").expect("answer stored");
        assert_eq!(answer.choice.as_deref(), Some("hoch"));
        assert_eq!(answer.updated_at, Timestamp(5));
        assert_eq!(run.updated_at, Timestamp(5));
    }

    #[test]
    fn clearing_everything_removes_the_answer() {
        let mut run = run();
        run.set_choice("1.1", Some("hoch".into()), Timestamp(5));
        run.set_note("1.1", "Prüfen".into(), Timestamp(6));
        run.set_choice("1.1", None, Timestamp(7));
        assert!(
            run.answer("1.1").is_some(),
            "the note keeps the answer alive"
        );
        run.set_note("1.1", String::new(), Timestamp(8));
        assert!(run.answer("1.1").is_none());
    }
}
