//! A run: one company working through one check once, with its answers.
//!
//! Answers are keyed by item id, never by position, so a catalog can be re-ordered or extended without losing
//! them. Time comes in from outside as a [`Timestamp`]: the core has no clock.
//!
//! Besides the ratings a run holds what the check asks around them: the company's name for the report, the
//! Starthilfe answers, the free texts and the action plan. Those fields came after the first saved files, so each
//! defaults when missing and the saved format stays at version 1.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::action_plan::Measure;

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
    /// The company's name, for the cover of reports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// Starthilfe answers: module id to the chosen key of the question's scale.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub starthilfe: BTreeMap<String, String>,
    /// Free texts keyed by the catalog's free-text id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub free_texts: BTreeMap<String, String>,
    /// The action plan (Maßnahmenplan), in the order the user keeps it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
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
            company: String::new(),
            starthilfe: BTreeMap::new(),
            free_texts: BTreeMap::new(),
            measures: Vec::new(),
        }
    }

    /// A new run that starts from this one, for a re-assessment: everything the user entered is copied, the
    /// new run gets its own id, name and timestamps.
    pub fn copy_as_new(
        &self,
        id: impl Into<String>,
        name: impl Into<String>,
        now: Timestamp,
    ) -> Run {
        Run {
            id: id.into(),
            name: name.into(),
            created_at: now,
            updated_at: now,
            ..self.clone()
        }
    }

    /// Renames the run.
    pub fn rename(&mut self, name: String, now: Timestamp) {
        self.name = name;
        self.updated_at = now;
    }

    /// Sets the company's name.
    pub fn set_company(&mut self, company: String, now: Timestamp) {
        self.company = company;
        self.updated_at = now;
    }

    /// Sets the Starthilfe answer for a module; `None` clears it.
    pub fn set_starthilfe(&mut self, module_id: &str, choice: Option<String>, now: Timestamp) {
        match choice {
            Some(choice) => {
                self.starthilfe.insert(module_id.to_owned(), choice);
            }
            None => {
                self.starthilfe.remove(module_id);
            }
        }
        self.updated_at = now;
    }

    /// Sets a free text; an empty text removes it.
    ///
    /// Only the truly empty text is removed, not one of spaces: the front end writes on every keystroke and
    /// must not swallow a space the user just typed.
    pub fn set_free_text(&mut self, id: &str, text: String, now: Timestamp) {
        if text.is_empty() {
            self.free_texts.remove(id);
        } else {
            self.free_texts.insert(id.to_owned(), text);
        }
        self.updated_at = now;
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|measure| measure.id == id)
    }

    /// Stores a measure: replaces the one with the same id in place, or appends it. Stamps measure and run.
    pub fn upsert_measure(&mut self, mut measure: Measure, now: Timestamp) {
        measure.updated_at = now;
        match self.measures.iter_mut().find(|mine| mine.id == measure.id) {
            Some(existing) => *existing = measure,
            None => self.measures.push(measure),
        }
        self.updated_at = now;
    }

    /// Removes a measure and returns where it stood, so that [`Run::restore_measure`] can undo the deletion.
    pub fn remove_measure(&mut self, id: &str, now: Timestamp) -> Option<(usize, Measure)> {
        let index = self.measures.iter().position(|measure| measure.id == id)?;
        let measure = self.measures.remove(index);
        self.updated_at = now;
        Some((index, measure))
    }

    /// Puts a removed measure back at its former place (or at the end, if the plan has shrunk since).
    ///
    /// If a measure with the same id exists meanwhile (an undo clicked twice), it is replaced rather than
    /// duplicated: ids must stay unique. The measure keeps its own timestamps, since undo restores, not edits.
    pub fn restore_measure(&mut self, index: usize, measure: Measure, now: Timestamp) {
        if let Some(existing) = self.measures.iter_mut().find(|mine| mine.id == measure.id) {
            *existing = measure;
        } else {
            let index = index.min(self.measures.len());
            self.measures.insert(index, measure);
        }
        self.updated_at = now;
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
            company: String::new(),
            starthilfe: BTreeMap::new(),
            free_texts: BTreeMap::new(),
            measures: Vec::new(),
        }
    }

    fn measure(id: &str) -> Measure {
        Measure::new(id, format!("Maßnahme {id}"), vec![], Timestamp(2))
    }

    fn measure_ids(run: &Run) -> Vec<&str> {
        run.measures
            .iter()
            .map(|measure| measure.id.as_str())
            .collect()
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

    #[test]
    fn upsert_replaces_in_place_or_appends_and_stamps_both() {
        let mut run = run();
        run.upsert_measure(measure("a"), Timestamp(3));
        run.upsert_measure(measure("b"), Timestamp(4));
        let mut changed = measure("a");
        changed.title = "Neu".into();
        run.upsert_measure(changed, Timestamp(5));
        assert_eq!(measure_ids(&run), vec!["a", "b"]);
        let stored = run.measure("a").expect("kept");
        assert_eq!(stored.title, "Neu");
        assert_eq!(stored.updated_at, Timestamp(5));
        assert_eq!(stored.created_at, Timestamp(2), "creation is not an edit");
        assert_eq!(run.updated_at, Timestamp(5));
    }

    #[test]
    fn undo_of_a_delete_puts_the_measure_back_at_its_place() {
        let mut run = run();
        for id in ["a", "b", "c"] {
            run.upsert_measure(measure(id), Timestamp(3));
        }
        let (index, removed) = run.remove_measure("b", Timestamp(4)).expect("present");
        assert_eq!((index, removed.id.as_str()), (1, "b"));
        assert_eq!(measure_ids(&run), vec!["a", "c"]);
        assert_eq!(run.remove_measure("b", Timestamp(5)), None);
        run.restore_measure(index, removed.clone(), Timestamp(6));
        assert_eq!(measure_ids(&run), vec!["a", "b", "c"]);
        assert_eq!(run.updated_at, Timestamp(6));
        run.restore_measure(index, removed, Timestamp(7));
        assert_eq!(
            measure_ids(&run),
            vec!["a", "b", "c"],
            "a second undo adds no twin"
        );
    }

    #[test]
    fn restoring_into_a_shrunken_plan_appends() {
        let mut run = run();
        for id in ["a", "b", "c"] {
            run.upsert_measure(measure(id), Timestamp(3));
        }
        let (index, removed) = run.remove_measure("c", Timestamp(4)).expect("present");
        run.remove_measure("b", Timestamp(5));
        run.restore_measure(index, removed, Timestamp(6));
        assert_eq!(measure_ids(&run), vec!["a", "c"]);
    }

    #[test]
    fn free_texts_starthilfe_company_and_name() {
        let mut run = run();
        run.set_free_text("massnahmen", "Erst planen".into(), Timestamp(2));
        run.set_free_text("leer", " ".into(), Timestamp(2));
        assert_eq!(run.free_texts.len(), 2, "a typed space is kept");
        run.set_free_text("massnahmen", String::new(), Timestamp(3));
        assert!(!run.free_texts.contains_key("massnahmen"));
        run.set_starthilfe("fuehrung", Some("hoch".into()), Timestamp(4));
        assert_eq!(run.starthilfe["fuehrung"], "hoch");
        run.set_starthilfe("fuehrung", None, Timestamp(5));
        assert!(run.starthilfe.is_empty());
        run.set_company("Müller & Söhne GmbH".into(), Timestamp(6));
        run.rename("Köln 2026".into(), Timestamp(7));
        assert_eq!(
            (run.company.as_str(), run.name.as_str(), run.updated_at),
            ("Müller & Söhne GmbH", "Köln 2026", Timestamp(7))
        );
    }

    #[test]
    fn a_reassessment_copies_everything_but_identity_and_time() {
        let mut old = run();
        old.set_choice("1.1", Some("hoch".into()), Timestamp(2));
        old.set_note("1.1", "Notiz".into(), Timestamp(2));
        old.set_priority("1.1", Some(1), Timestamp(2));
        old.set_starthilfe("m", Some("mittel".into()), Timestamp(2));
        old.set_free_text("f", "Text".into(), Timestamp(2));
        old.set_company("Firma".into(), Timestamp(2));
        old.upsert_measure(measure("a"), Timestamp(2));
        let new = old.copy_as_new("r2", "Wiederholung 2027", Timestamp(9));
        assert_eq!(
            (
                new.id.as_str(),
                new.name.as_str(),
                new.created_at,
                new.updated_at
            ),
            ("r2", "Wiederholung 2027", Timestamp(9), Timestamp(9))
        );
        assert_eq!(new.answers, old.answers);
        assert_eq!(new.starthilfe, old.starthilfe);
        assert_eq!(new.free_texts, old.free_texts);
        assert_eq!(new.company, old.company);
        assert_eq!(new.measures, old.measures);
        assert_eq!(new.catalog_id, old.catalog_id);
        assert_eq!(old.id, "r1", "the original is untouched");
    }
}
