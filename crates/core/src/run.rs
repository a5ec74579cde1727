//! A run: one company working through one check once, with its answers.
//!
//! Answers are keyed by item id, never by position, so a catalog can be re-ordered or extended without losing
//! them. Time comes in from outside as a [`Timestamp`]: the core has no clock.
//!
//! Besides the ratings a run holds what the check asks around them: the company's name for the report, the
//! Starthilfe answers, the free texts and the action plan. Those fields came after the first saved files, so each
//! defaults when missing and the saved format stays at version 1.
//!
//! The same run may be open in two tabs (or come back from an export), so two copies of it can be merged
//! ([`Run::merge`]): per answer and per measure the newer change wins, by their `updated_at`; per name, company,
//! Starthilfe answer and free text by the stamps in [`Changes`], which also remember when an answer or a measure
//! was removed, so that a removal is not undone by an older copy that still has it.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{is_safe_link, Catalog, Scale};
use crate::date::Timestamp;
use crate::measure::{urgency_of_need, Measure, Urgency};
use crate::team::{merge_optional, Participation, Team};

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
    /// The company's name as saved before companies were records of their own (saved format 1): what the user
    /// typed on this run. Kept as it was, and read to place such a run in a company (`company::place_runs`); the
    /// name shown is the company's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// The id of the company the run belongs to ([`crate::company::Company`]); empty in runs saved before
    /// companies existed, until they are placed in one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company_id: String,
    /// The run this one re-assesses ("Erneut bewerten"), if it was started from one: the previous rating of a
    /// Check-Punkt and the comparison come from there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub previous_run_id: String,
    /// Starthilfe answers: module id to the chosen key of the question's scale.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub starthilfe: BTreeMap<String, String>,
    /// Free texts keyed by the catalog's free-text id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub free_texts: BTreeMap<String, String>,
    /// The action plan (Maßnahmenplan), in the order the user keeps it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Address, size and sector of the company, for a self-declaration (its name is [`Run::company`]).
    #[serde(default, skip_serializing_if = "CompanyDetails::is_empty")]
    pub company_details: CompanyDetails,
    /// The self-declarations prepared from this run, by declaration id: their date and what was signed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub declarations: BTreeMap<String, DeclarationEntry>,
    /// When the fields without a timestamp of their own last changed, and when answers and measures were
    /// removed: what [`Run::merge`] needs to tell the newer of two changes.
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub changes: Changes,
    /// The team assessment whose agreed ratings this run's answers are (on the facilitator's device).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<Team>,
    /// The team assessment this run is one person's contribution to (on that person's device).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Participation>,
}

/// When parts of a run changed that carry no timestamp of their own. A missing stamp (saved before stamps existed)
/// reads as 0: older than any change made since.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// When the name last changed.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub name: Timestamp,
    /// When the company's name last changed.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub company: Timestamp,
    /// When the run was last moved to another company (unknown while it was only placed in one).
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub company_id: Timestamp,
    /// When the company's address, size or sector last changed.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub company_details: Timestamp,
    /// When each declaration's entry last changed, by declaration id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub declarations: BTreeMap<String, Timestamp>,
    /// When each Starthilfe answer last changed (set or cleared), by module id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub starthilfe: BTreeMap<String, Timestamp>,
    /// When each free text last changed (set or cleared), by free-text id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub free_texts: BTreeMap<String, Timestamp>,
    /// When an answer was cleared, by item id; only while no newer answer exists.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub removed_answers: BTreeMap<String, Timestamp>,
    /// When a measure was deleted, by measure id; only while no newer copy of it exists.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub removed_measures: BTreeMap<String, Timestamp>,
}

impl Changes {
    /// Whether nothing is recorded (then the field is not written, and a run looks as it did before stamps).
    pub fn is_empty(&self) -> bool {
        self == &Changes::default()
    }
}

/// What a self-declaration asks about the company besides its name. Plain texts, as the user writes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CompanyDetails {
    /// The postal address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// The size, e.g. „25 Beschäftigte".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub size: String,
    /// The sector (Branche).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sector: String,
}

impl CompanyDetails {
    /// Whether nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self == &CompanyDetails::default()
    }
}

/// A self-declaration prepared from a run: the date it is made on and, once the user says it is signed, what was
/// signed.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DeclarationEntry {
    /// The date of the declaration as `YYYY-MM-DD`, kept as typed; empty until chosen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// What was signed, once the user has recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signed>,
}

/// A signed declaration: its date and the fingerprint of what was signed.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Signed {
    /// The date of the signed declaration, `YYYY-MM-DD`; its validity counts from here.
    #[serde(default)]
    pub date: String,
    /// The fingerprint of the signed record, in hexadecimal.
    #[serde(default)]
    pub fingerprint: String,
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
    /// The evidence (Nachweis) for the rating: a document's name, where it is kept, or a link. Shown as a link
    /// only where [`Answer::evidence_link`] says it is one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// When this answer last changed.
    #[serde(default)]
    pub updated_at: Timestamp,
}

/// Evidence as a link target, where it is one address that is safe to follow (https, http, mailto); anything else
/// (a file name, a shelf, `javascript:…`) is text.
pub fn evidence_link(evidence: &str) -> Option<&str> {
    let text = evidence.trim();
    (is_safe_link(text) && !text.contains(char::is_whitespace)).then_some(text)
}

impl Answer {
    /// Whether the answer holds nothing worth keeping.
    pub fn is_empty(&self) -> bool {
        self.choice.is_none()
            && self.priority.is_none()
            && self.note.is_empty()
            && self.evidence.is_empty()
    }

    /// The evidence as a link target, where it is one address that is safe to follow (https, http, mailto);
    /// anything else (a file name, a shelf, `javascript:…`) is shown as text.
    pub fn evidence_link(&self) -> Option<&str> {
        evidence_link(&self.evidence)
    }

    /// The urgency a measure for this answer starts with: from the chosen priority where the scale asks for one
    /// (the most urgent priority is high, the least urgent low, those between medium), else from the need of the
    /// chosen level. `None` without a choice, for "not relevant", and for a choice the scale does not know.
    pub fn urgency_on(&self, scale: &Scale) -> Option<Urgency> {
        let choice = self.choice.as_deref()?;
        let level = scale.level(choice)?;
        let rank = self
            .priority
            .filter(|_| scale.priority_applies(Some(choice)))
            .and_then(|priority| scale.priority_rank(priority));
        Some(match rank {
            Some((0, _)) => Urgency::High,
            Some((place, count)) if place + 1 == count => Urgency::Low,
            Some(_) => Urgency::Medium,
            None => urgency_of_need(level.need),
        })
    }

    /// Whether the answer calls for action: its level reports a need, or – at the scale's no-need end – the user
    /// gave a priority more urgent than the least one (a "Ja" that is still to be tackled with priority 1 is no
    /// strength). The evaluation lists these among the needs, all other rated answers among the strengths.
    pub fn calls_for_action(&self, scale: &Scale) -> bool {
        let Some(choice) = self.choice.as_deref() else {
            return false;
        };
        if scale.reports_need(choice) {
            return true;
        }
        scale.level(choice).is_some()
            && self.priority.is_some()
            && matches!(
                self.urgency_on(scale),
                Some(Urgency::High | Urgency::Medium)
            )
    }
}

impl Run {
    /// A new, empty run of a catalog.
    pub fn new(id: impl Into<String>, catalog: &Catalog, now: Timestamp) -> Self {
        Run {
            id: id.into(),
            catalog_id: catalog.id.clone(),
            catalog_version: catalog.version.clone(),
            name: String::new(),
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
            company: String::new(),
            company_id: String::new(),
            previous_run_id: String::new(),
            starthilfe: BTreeMap::new(),
            free_texts: BTreeMap::new(),
            measures: Vec::new(),
            company_details: CompanyDetails::default(),
            declarations: BTreeMap::new(),
            changes: Changes::default(),
            team: None,
            participation: None,
        }
    }

    /// A follow-up run ("Erneut bewerten") that re-assesses this one, e.g. a year later: same check and company,
    /// ratings, Starthilfe and free texts empty, and the measures that are not done carried over under their ids
    /// (so a comparison can tell which were finished in between). The done ones stay in this run, its history.
    pub fn follow_up(&self, id: impl Into<String>, name: impl Into<String>, now: Timestamp) -> Run {
        let measures = self
            .measures
            .iter()
            .filter(|measure| measure.status != crate::measure::MeasureStatus::Done)
            .map(|measure| Measure {
                updated_at: now,
                ..measure.clone()
            })
            .collect();
        Run {
            id: id.into(),
            catalog_id: self.catalog_id.clone(),
            catalog_version: self.catalog_version.clone(),
            name: name.into(),
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
            company: self.company.clone(),
            company_id: self.company_id.clone(),
            previous_run_id: self.id.clone(),
            starthilfe: BTreeMap::new(),
            free_texts: BTreeMap::new(),
            measures,
            company_details: self.company_details.clone(),
            // What was declared belongs to the run it was declared from; a team's rounds to theirs.
            declarations: BTreeMap::new(),
            changes: Changes::default(),
            team: None,
            participation: None,
        }
    }

    /// A new run that starts from this one, for a re-assessment: everything the user entered is copied, the
    /// new run gets its own id, name and timestamps. Declarations are not copied: what was signed belongs to the
    /// run it was signed from, and the re-assessment is the next declaration's draft.
    ///
    /// A team assessment's agreed ratings are copied, its team data is not: contributions and links name the team
    /// assessment by its id, which must stay with one run. A re-assessment in the team starts a new round.
    pub fn copy_as_new(
        &self,
        id: impl Into<String>,
        name: impl Into<String>,
        now: Timestamp,
    ) -> Run {
        let mut copy = Run {
            id: id.into(),
            name: name.into(),
            created_at: now,
            updated_at: now,
            declarations: BTreeMap::new(),
            team: None,
            participation: None,
            ..self.clone()
        };
        copy.changes.declarations.clear();
        copy
    }

    /// Changes the run's team assessment, if it has one, and stamps the run.
    pub fn edit_team(&mut self, now: Timestamp, edit: impl FnOnce(&mut Team, Timestamp)) {
        if let Some(team) = self.team.as_mut() {
            edit(team, now);
            self.updated_at = now;
        }
    }

    /// Changes the run's participation in a team assessment, if it has one, and stamps the run.
    pub fn edit_participation(
        &mut self,
        now: Timestamp,
        edit: impl FnOnce(&mut Participation, Timestamp),
    ) {
        if let Some(participation) = self.participation.as_mut() {
            edit(participation, now);
            self.updated_at = now;
        }
    }

    /// Renames the run.
    pub fn rename(&mut self, name: String, now: Timestamp) {
        self.name = name;
        self.changes.name = now;
        self.updated_at = now;
    }

    /// Sets the company's name.
    pub fn set_company(&mut self, company: String, now: Timestamp) {
        self.company = company;
        self.changes.company = now;
        self.updated_at = now;
    }

    /// Moves the run to another company.
    pub fn set_company_id(&mut self, company_id: String, now: Timestamp) {
        self.company_id = company_id;
        self.changes.company_id = now;
        self.updated_at = now;
    }

    /// Sets the company's address, size and sector.
    pub fn set_company_details(&mut self, details: CompanyDetails, now: Timestamp) {
        self.company_details = details;
        self.changes.company_details = now;
        self.updated_at = now;
    }

    /// The entry of a declaration, if one was begun.
    pub fn declaration(&self, declaration_id: &str) -> Option<&DeclarationEntry> {
        self.declarations.get(declaration_id)
    }

    /// Sets the date of a declaration (`YYYY-MM-DD`, kept as typed); an empty date with nothing signed removes the
    /// entry.
    pub fn set_declaration_date(&mut self, declaration_id: &str, date: String, now: Timestamp) {
        self.edit_declaration(declaration_id, now, |entry| entry.date = date);
    }

    /// Records that the declaration was signed as it stands: its date and the fingerprint of its record.
    pub fn sign_declaration(&mut self, declaration_id: &str, fingerprint: String, now: Timestamp) {
        self.edit_declaration(declaration_id, now, |entry| {
            entry.signed = Some(Signed {
                date: entry.date.clone(),
                fingerprint,
            });
        });
    }

    fn edit_declaration(
        &mut self,
        declaration_id: &str,
        now: Timestamp,
        edit: impl FnOnce(&mut DeclarationEntry),
    ) {
        let entry = self
            .declarations
            .entry(declaration_id.to_owned())
            .or_default();
        edit(entry);
        if entry == &DeclarationEntry::default() {
            self.declarations.remove(declaration_id);
        }
        self.changes
            .declarations
            .insert(declaration_id.to_owned(), now);
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
        self.changes.starthilfe.insert(module_id.to_owned(), now);
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
        self.changes.free_texts.insert(id.to_owned(), now);
        self.updated_at = now;
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|measure| measure.id == id)
    }

    /// Stores a measure: replaces the one with the same id in place, or appends it. Stamps measure and run.
    pub fn upsert_measure(&mut self, mut measure: Measure, now: Timestamp) {
        measure.updated_at = now;
        self.changes.removed_measures.remove(&measure.id);
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
        self.changes
            .removed_measures
            .insert(measure.id.clone(), now);
        self.updated_at = now;
        Some((index, measure))
    }

    /// Puts a removed measure back at its former place (or at the end, if the plan has shrunk since).
    ///
    /// If a measure with the same id exists meanwhile (an undo clicked twice), it is replaced rather than
    /// duplicated: ids must stay unique. The content comes back as it was, but the measure is stamped `now`: a copy
    /// of the run in another tab that has seen the deletion must take the restore as the newer change.
    pub fn restore_measure(&mut self, index: usize, mut measure: Measure, now: Timestamp) {
        measure.updated_at = now;
        self.changes.removed_measures.remove(&measure.id);
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

    /// Rates an item on its scale (`None` clears the rating) and stamps the change. Choosing "not relevant"
    /// drops the item's priority: what does not apply is not to be tackled.
    pub fn rate(&mut self, item_id: &str, scale: &Scale, choice: Option<String>, now: Timestamp) {
        self.edit_answer(item_id, now, |answer| {
            if choice
                .as_deref()
                .is_some_and(|key| scale.is_not_relevant(key))
            {
                answer.priority = None;
            }
            answer.choice = choice;
        });
    }

    /// Sets the evidence of an item and stamps the change.
    pub fn set_evidence(&mut self, item_id: &str, evidence: String, now: Timestamp) {
        self.edit_answer(item_id, now, |answer| answer.evidence = evidence);
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
            self.changes.removed_answers.insert(item_id.to_owned(), now);
        } else {
            self.changes.removed_answers.remove(item_id);
        }
        self.updated_at = now;
    }

    /// Merges another copy of the same run into this one, so that neither copy's newer changes are lost; returns
    /// whether this copy changed.
    ///
    /// Per answer and per measure the one with the later `updated_at` wins, and a removal wins over anything older
    /// than it. Name, company name and id, each Starthilfe answer and each free text follow their stamps in [`Changes`]; where
    /// both stamps are unknown (saved before stamps existed), the copy changed last wins. Equal times are decided by
    /// the content, so that merging is commutative and the same in every tab. Measures keep this copy's order;
    /// measures only the other copy has are placed after the measure they follow there. Team data merges as
    /// [`Team::merge`] and [`Participation::merge`] say: contributions by id, decisions by their stamps.
    ///
    /// Copies of different runs (other id or check) are left alone.
    pub fn merge(&mut self, other: &Run) -> bool {
        if self.id != other.id || self.catalog_id != other.catalog_id {
            return false;
        }
        let before = self.clone();
        // Which copy changed last, for the fields saved before they had stamps.
        let this_newer = (self.updated_at, &self.catalog_version)
            .cmp(&(other.updated_at, &other.catalog_version));

        merge_field(
            (&mut self.name, &mut self.changes.name),
            (&other.name, other.changes.name),
            this_newer,
        );
        merge_field(
            (&mut self.company, &mut self.changes.company),
            (&other.company, other.changes.company),
            this_newer,
        );
        // Placing a run in a company leaves the stamp unknown (every tab places alike): between two copies of the
        // same age the placed one wins (the greater content wins a tie, and any id is greater than none); a newer
        // copy that is not placed yet wins and is placed again where the app reads it.
        merge_field(
            (&mut self.company_id, &mut self.changes.company_id),
            (&other.company_id, other.changes.company_id),
            this_newer,
        );
        // Set when the run is made and never changed; a copy without it learns it.
        if self.previous_run_id < other.previous_run_id {
            self.previous_run_id.clone_from(&other.previous_run_id);
        }
        merge_field(
            (&mut self.company_details, &mut self.changes.company_details),
            (&other.company_details, other.changes.company_details),
            this_newer,
        );
        merge_keyed(
            &mut self.declarations,
            &mut self.changes.declarations,
            &other.declarations,
            &other.changes.declarations,
            this_newer,
        );
        merge_keyed(
            &mut self.starthilfe,
            &mut self.changes.starthilfe,
            &other.starthilfe,
            &other.changes.starthilfe,
            this_newer,
        );
        merge_keyed(
            &mut self.free_texts,
            &mut self.changes.free_texts,
            &other.free_texts,
            &other.changes.free_texts,
            this_newer,
        );
        merge_answers(self, other);
        merge_measures(self, other);
        merge_optional(&mut self.team, &other.team, Team::merge);
        merge_optional(
            &mut self.participation,
            &other.participation,
            Participation::merge,
        );

        if this_newer == Ordering::Less {
            self.catalog_version.clone_from(&other.catalog_version);
        }
        self.created_at = match (self.created_at.is_unknown(), other.created_at.is_unknown()) {
            (false, false) => self.created_at.min(other.created_at),
            (true, _) => other.created_at,
            (false, true) => self.created_at,
        };
        self.updated_at = self.updated_at.max(other.updated_at);
        *self != before
    }
}

/// A name no other run in `taken` has: `base`, else `base (2)`, `base (3)`, … so that two runs started or imported
/// on the same day can be told apart.
pub fn unique_name<'a>(base: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: std::collections::BTreeSet<&str> = taken.into_iter().map(str::trim).collect();
    let base = base.trim();
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|number| format!("{base} ({number})"))
        .find(|candidate| !taken.contains(candidate.as_str()))
        .unwrap_or_default()
}

/// The item ids whose answer differs between two sets of answers (added, removed or changed), in id order.
///
/// One ordered pass over both maps: a front end that shows each answer on its own can re-render just these.
pub fn changed_answer_ids<'a>(
    before: &'a BTreeMap<String, Answer>,
    after: &'a BTreeMap<String, Answer>,
) -> Vec<&'a str> {
    let mut changed = Vec::new();
    let mut before = before.iter().peekable();
    let mut after = after.iter().peekable();
    loop {
        match (before.peek(), after.peek()) {
            (None, None) => break,
            (Some((id, _)), None) => {
                changed.push(id.as_str());
                before.next();
            }
            (None, Some((id, _))) => {
                changed.push(id.as_str());
                after.next();
            }
            (Some((old_id, old)), Some((new_id, new))) => match old_id.cmp(new_id) {
                Ordering::Less => {
                    changed.push(old_id.as_str());
                    before.next();
                }
                Ordering::Greater => {
                    changed.push(new_id.as_str());
                    after.next();
                }
                Ordering::Equal => {
                    if old != new {
                        changed.push(new_id.as_str());
                    }
                    before.next();
                    after.next();
                }
            },
        }
    }
    changed
}

/// Last writer wins for one field with its stamp. Between unknown stamps the copy changed last wins
/// (`this_newer`); between equal times, the greater content, so that both copies decide alike.
pub(crate) fn merge_field<T: Clone + Ord>(
    (mine, my_stamp): (&mut T, &mut Timestamp),
    (theirs, their_stamp): (&T, Timestamp),
    this_newer: Ordering,
) {
    let take_theirs = match their_stamp.cmp(my_stamp) {
        Ordering::Equal if their_stamp.is_unknown() && this_newer != Ordering::Equal => {
            this_newer == Ordering::Less
        }
        Ordering::Equal => theirs > mine,
        newer_or_older => newer_or_older == Ordering::Greater,
    };
    if take_theirs {
        mine.clone_from(theirs);
        *my_stamp = their_stamp;
    }
}

/// Last writer wins per key of a map whose keys may be absent (cleared); the stamps say when each key changed.
fn merge_keyed<V: Clone + Ord>(
    mine: &mut BTreeMap<String, V>,
    my_stamps: &mut BTreeMap<String, Timestamp>,
    theirs: &BTreeMap<String, V>,
    their_stamps: &BTreeMap<String, Timestamp>,
    this_newer: Ordering,
) {
    let keys: std::collections::BTreeSet<String> = mine
        .keys()
        .chain(theirs.keys())
        .chain(my_stamps.keys())
        .chain(their_stamps.keys())
        .cloned()
        .collect();
    for key in keys {
        let mut value = mine.get(&key).cloned();
        let mut stamp = my_stamps.get(&key).copied().unwrap_or_default();
        merge_field(
            (&mut value, &mut stamp),
            (
                &theirs.get(&key).cloned(),
                their_stamps.get(&key).copied().unwrap_or_default(),
            ),
            this_newer,
        );
        match value {
            Some(value) => mine.insert(key.clone(), value),
            None => mine.remove(&key),
        };
        if stamp.is_unknown() {
            my_stamps.remove(&key);
        } else {
            my_stamps.insert(key, stamp);
        }
    }
}

/// The order in which two versions of an answer are decided: time first, then content.
fn answer_rank(answer: &Answer) -> (Timestamp, &Option<String>, &Option<u8>, &String, &String) {
    (
        answer.updated_at,
        &answer.choice,
        &answer.priority,
        &answer.note,
        &answer.evidence,
    )
}

fn merge_answers(run: &mut Run, other: &Run) {
    for (item_id, theirs) in &other.answers {
        let take = run
            .answers
            .get(item_id)
            .is_none_or(|mine| answer_rank(theirs) > answer_rank(mine));
        if take {
            run.answers.insert(item_id.clone(), theirs.clone());
        }
    }
    for (item_id, &removed) in &other.changes.removed_answers {
        let mine = run
            .changes
            .removed_answers
            .entry(item_id.clone())
            .or_default();
        *mine = (*mine).max(removed);
    }
    // A removal wins over every answer not newer than it; a newer answer makes the removal history.
    let removals = std::mem::take(&mut run.changes.removed_answers);
    for (item_id, removed) in removals {
        match run.answers.get(&item_id) {
            Some(answer) if answer.updated_at > removed => {}
            Some(_) => {
                run.answers.remove(&item_id);
                run.changes.removed_answers.insert(item_id, removed);
            }
            None => {
                run.changes.removed_answers.insert(item_id, removed);
            }
        }
    }
}

/// Whether the other version of a measure wins: the later one, and between equal times the greater content.
fn measure_is_newer(theirs: &Measure, mine: &Measure) -> bool {
    match theirs.updated_at.cmp(&mine.updated_at) {
        Ordering::Equal => {
            // Serialized only on a tie, which is rare: the text of a measure orders it completely.
            serde_json::to_string(theirs).unwrap_or_default()
                > serde_json::to_string(mine).unwrap_or_default()
        }
        newer_or_older => newer_or_older == Ordering::Greater,
    }
}

fn merge_measures(run: &mut Run, other: &Run) {
    for (position, theirs) in other.measures.iter().enumerate() {
        match run.measures.iter_mut().find(|mine| mine.id == theirs.id) {
            Some(mine) => {
                if measure_is_newer(theirs, mine) {
                    *mine = theirs.clone();
                }
            }
            None => {
                // After the nearest measure that precedes it in the other copy and exists here, else first.
                let index = other.measures[..position]
                    .iter()
                    .rev()
                    .find_map(|before| run.measures.iter().position(|mine| mine.id == before.id))
                    .map_or(0, |index| index + 1);
                run.measures.insert(index, theirs.clone());
            }
        }
    }
    for (measure_id, &removed) in &other.changes.removed_measures {
        let mine = run
            .changes
            .removed_measures
            .entry(measure_id.clone())
            .or_default();
        *mine = (*mine).max(removed);
    }
    let removals = std::mem::take(&mut run.changes.removed_measures);
    for (measure_id, removed) in removals {
        let newer_exists = run
            .measures
            .iter()
            .any(|measure| measure.id == measure_id && measure.updated_at > removed);
        if !newer_exists {
            run.measures.retain(|measure| measure.id != measure_id);
            run.changes.removed_measures.insert(measure_id, removed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_names_count_on_from_two() {
        assert_eq!(unique_name("Durchlauf", ["Andere"]), "Durchlauf");
        assert_eq!(unique_name("Durchlauf", ["Durchlauf"]), "Durchlauf (2)");
        assert_eq!(
            unique_name(
                "Durchlauf ",
                ["Durchlauf", "Durchlauf (2)", "Durchlauf (4)"]
            ),
            "Durchlauf (3)"
        );
    }

    #[test]
    fn a_follow_up_carries_company_and_open_measures_but_no_ratings() {
        let mut run = run();
        run.company_id = "b1".into();
        run.set_choice("1.1", Some("hoch".into()), Timestamp(2));
        run.set_starthilfe("m1", Some("hoch".into()), Timestamp(2));
        run.set_free_text("f1", "Text".into(), Timestamp(2));
        let mut done = measure("done");
        done.status = crate::measure::MeasureStatus::Done;
        run.upsert_measure(done, Timestamp(3));
        run.upsert_measure(measure("open"), Timestamp(4));
        let follow_up = run.follow_up("r2", "Neubewertung", Timestamp(10));
        assert_eq!(follow_up.previous_run_id, "r1");
        assert_eq!(follow_up.company_id, "b1");
        assert_eq!(
            (follow_up.created_at, follow_up.updated_at),
            (Timestamp(10), Timestamp(10))
        );
        assert!(
            follow_up.answers.is_empty()
                && follow_up.starthilfe.is_empty()
                && follow_up.free_texts.is_empty()
        );
        assert_eq!(measure_ids(&follow_up), ["open"]);
        assert_eq!(
            follow_up.measures[0].created_at, run.measures[1].created_at,
            "its history stays"
        );
        assert_eq!(
            measure_ids(&run),
            ["done", "open"],
            "the earlier run keeps its measures"
        );
    }

    #[test]
    fn changed_answer_ids_names_added_removed_and_changed_answers() {
        let answer = |choice: &str| Answer {
            choice: Some(choice.into()),
            ..Answer::default()
        };
        let before: BTreeMap<String, Answer> = [("a", "x"), ("b", "x"), ("c", "x"), ("e", "x")]
            .into_iter()
            .map(|(id, choice)| (id.to_owned(), answer(choice)))
            .collect();
        let mut after = before.clone();
        after.remove("a");
        after.insert("b".into(), answer("y"));
        after.insert("d".into(), answer("x"));
        after.insert("f".into(), answer("x"));
        assert_eq!(changed_answer_ids(&before, &after), ["a", "b", "d", "f"]);
        assert_eq!(changed_answer_ids(&after, &before), ["a", "b", "d", "f"]);
        assert!(changed_answer_ids(&before, &before).is_empty());
        assert_eq!(
            changed_answer_ids(&BTreeMap::new(), &before),
            ["a", "b", "c", "e"]
        );
    }

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
            company_id: String::new(),
            previous_run_id: String::new(),
            starthilfe: BTreeMap::new(),
            free_texts: BTreeMap::new(),
            measures: Vec::new(),
            company_details: CompanyDetails::default(),
            declarations: BTreeMap::new(),
            changes: Changes::default(),
            team: None,
            participation: None,
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

    /// Two tabs that loaded the same run.
    fn two_copies() -> (Run, Run) {
        let mut base = run();
        base.set_choice("1.1", Some("hoch".into()), Timestamp(2));
        base.upsert_measure(measure("a"), Timestamp(2));
        (base.clone(), base)
    }

    #[test]
    fn merging_keeps_the_newer_answer_of_each_item() {
        let (mut left, mut right) = two_copies();
        left.set_choice("1.1", Some("mittel".into()), Timestamp(5));
        right.set_note("1.1", "älter".into(), Timestamp(4));
        right.set_choice("1.2", Some("niedrig".into()), Timestamp(6));
        let mut merged = left.clone();
        assert!(merged.merge(&right));
        assert_eq!(merged.answers["1.1"].choice.as_deref(), Some("mittel"));
        assert_eq!(
            merged.answers["1.1"].note, "",
            "the whole answer is the unit"
        );
        assert_eq!(merged.answers["1.2"].choice.as_deref(), Some("niedrig"));
        assert_eq!(merged.updated_at, Timestamp(6));
        let mut other_way = right.clone();
        other_way.merge(&left);
        assert_eq!(other_way, merged, "both tabs end with the same run");
    }

    #[test]
    fn a_removal_wins_over_older_answers_and_measures_but_not_newer_ones() {
        let (mut left, mut right) = two_copies();
        left.set_choice("1.1", None, Timestamp(5));
        left.remove_measure("a", Timestamp(5));
        let mut merged = right.clone();
        merged.merge(&left);
        assert!(merged.answer("1.1").is_none());
        assert!(merged.measures.is_empty());

        right.set_note("1.1", "neuer".into(), Timestamp(7));
        let mut changed = measure("a");
        changed.title = "neuer".into();
        right.upsert_measure(changed, Timestamp(7));
        let mut merged = left.clone();
        merged.merge(&right);
        assert_eq!(merged.answers["1.1"].note, "neuer");
        assert_eq!(merged.measure("a").map(|m| m.title.as_str()), Some("neuer"));
        assert!(merged.changes.removed_answers.is_empty());
        assert!(merged.changes.removed_measures.is_empty());
    }

    #[test]
    fn an_undone_deletion_survives_a_copy_that_saw_the_deletion() {
        let (mut left, _) = two_copies();
        let (index, removed) = left.remove_measure("a", Timestamp(5)).expect("present");
        let seen_deletion = left.clone();
        left.restore_measure(index, removed, Timestamp(6));
        left.merge(&seen_deletion);
        assert_eq!(measure_ids(&left), vec!["a"]);
    }

    #[test]
    fn new_measures_of_the_other_copy_keep_their_place() {
        let (mut left, mut right) = two_copies();
        left.upsert_measure(measure("b"), Timestamp(3));
        right.upsert_measure(measure("c"), Timestamp(4));
        right.upsert_measure(measure("d"), Timestamp(4));
        left.merge(&right);
        assert_eq!(measure_ids(&left), vec!["a", "c", "d", "b"]);
    }

    #[test]
    fn name_company_starthilfe_and_free_texts_follow_their_stamps() {
        let (mut left, mut right) = two_copies();
        right.rename("Köln".into(), Timestamp(3));
        left.set_choice("1.3", Some("hoch".into()), Timestamp(9));
        left.set_company("Firma".into(), Timestamp(4));
        right.set_free_text("f", "Text".into(), Timestamp(5));
        left.set_free_text("f", "Neuer Text".into(), Timestamp(6));
        right.set_starthilfe("m", Some("hoch".into()), Timestamp(5));
        left.set_starthilfe("m", Some("mittel".into()), Timestamp(3));
        left.merge(&right);
        assert_eq!(
            left.name, "Köln",
            "a rename is kept although the other copy changed later"
        );
        assert_eq!(left.company, "Firma");
        assert_eq!(left.free_texts["f"], "Neuer Text");
        assert_eq!(left.starthilfe["m"], "hoch");
    }

    #[test]
    fn company_details_and_declarations_follow_their_stamps() {
        let (mut left, mut right) = two_copies();
        let details = CompanyDetails {
            address: "Hauptstraße 1, 50667 Köln".into(),
            size: "25 Beschäftigte".into(),
            sector: "Metallbau".into(),
        };
        right.set_company_details(details.clone(), Timestamp(4));
        left.set_declaration_date("om", "2026-12-01".into(), Timestamp(5));
        right.set_declaration_date("om", "2026-11-30".into(), Timestamp(3));
        left.sign_declaration("om", "ab".repeat(32), Timestamp(6));
        left.merge(&right);
        assert_eq!(left.company_details, details);
        let entry = left.declaration("om").cloned().unwrap_or_default();
        assert_eq!(entry.date, "2026-12-01", "the later date wins");
        assert_eq!(
            entry.signed,
            Some(Signed {
                date: "2026-12-01".into(),
                fingerprint: "ab".repeat(32)
            })
        );

        left.set_declaration_date("om", String::new(), Timestamp(7));
        assert!(
            left.declaration("om").is_some(),
            "a signed entry stays when the date is cleared"
        );
        let mut fresh = left.clone();
        fresh.declarations.clear();
        fresh.set_declaration_date("x", String::new(), Timestamp(8));
        assert!(
            fresh.declaration("x").is_none(),
            "an empty entry is removed"
        );

        let copy = left.copy_as_new("r2", "Erneuerung", Timestamp(9));
        assert!(copy.declarations.is_empty() && copy.changes.declarations.is_empty());
        assert_eq!(copy.company_details, details, "the company is copied");
    }

    #[test]
    fn copies_saved_before_stamps_existed_take_the_newer_copy() {
        let (mut left, mut right) = two_copies();
        left.name = "alt".into();
        right.name = "neu".into();
        right.updated_at = Timestamp(9);
        left.merge(&right);
        assert_eq!(left.name, "neu");
    }

    #[test]
    fn merging_is_idempotent_and_ignores_other_runs() {
        let (mut left, right) = two_copies();
        left.set_note("1.1", "x".into(), Timestamp(3));
        let before = left.clone();
        assert!(!left.merge(&before.clone()));
        let mut stranger = right.clone();
        stranger.id = "r2".into();
        stranger.set_choice("9.9", Some("hoch".into()), Timestamp(99));
        assert!(!left.merge(&stranger));
        assert_eq!(left, before);
    }

    /// The Energie check's scale: Ja (no need) / Nein (need), Keine Relevanz, priority 1–3.
    fn yes_no_scale() -> Scale {
        use crate::catalog::{Choice, Colour, Level, PriorityLevel, PriorityScale};
        let level = |key: &str, colour, need| Level {
            key: key.into(),
            label: key.into(),
            colour,
            need,
        };
        Scale {
            id: "wissen".into(),
            label: "Trifft das zu?".into(),
            levels: vec![
                level("ja", Colour::Green, 0),
                level("nein", Colour::Red, 100),
            ],
            not_relevant: Some(Choice {
                key: "keine-relevanz".into(),
                label: "Keine Relevanz".into(),
            }),
            priority: Some(PriorityScale {
                label: "Priorität der Umsetzung".into(),
                levels: (1..=3)
                    .map(|value| PriorityLevel {
                        value,
                        label: value.to_string(),
                    })
                    .collect(),
            }),
        }
    }

    fn answer(choice: &str, priority: Option<u8>) -> Answer {
        Answer {
            choice: Some(choice.into()),
            priority,
            ..Answer::default()
        }
    }

    #[test]
    fn the_urgency_follows_the_priority_where_the_scale_asks_for_one() {
        let scale = yes_no_scale();
        assert_eq!(
            answer("nein", Some(3)).urgency_on(&scale),
            Some(Urgency::Low)
        );
        assert_eq!(
            answer("nein", Some(2)).urgency_on(&scale),
            Some(Urgency::Medium)
        );
        assert_eq!(
            answer("nein", Some(1)).urgency_on(&scale),
            Some(Urgency::High)
        );
        assert_eq!(answer("nein", None).urgency_on(&scale), Some(Urgency::High));
        assert_eq!(
            answer("ja", Some(1)).urgency_on(&scale),
            Some(Urgency::High)
        );
        assert_eq!(answer("ja", None).urgency_on(&scale), Some(Urgency::Low));
        assert_eq!(
            answer("nein", Some(9)).urgency_on(&scale),
            Some(Urgency::High),
            "an unknown priority falls back to the need"
        );
        assert_eq!(answer("keine-relevanz", Some(1)).urgency_on(&scale), None);
        assert_eq!(Answer::default().urgency_on(&scale), None);
        let mut two = yes_no_scale();
        if let Some(priority) = two.priority.as_mut() {
            priority.levels.truncate(2);
        }
        assert_eq!(answer("nein", Some(2)).urgency_on(&two), Some(Urgency::Low));
    }

    #[test]
    fn a_yes_with_an_urgent_priority_calls_for_action_a_plain_yes_does_not() {
        let scale = yes_no_scale();
        assert!(answer("nein", Some(3)).calls_for_action(&scale));
        assert!(answer("nein", None).calls_for_action(&scale));
        assert!(answer("ja", Some(1)).calls_for_action(&scale));
        assert!(answer("ja", Some(2)).calls_for_action(&scale));
        assert!(
            !answer("ja", Some(3)).calls_for_action(&scale),
            "little need is a strength"
        );
        assert!(!answer("ja", None).calls_for_action(&scale));
        assert!(!answer("keine-relevanz", Some(1)).calls_for_action(&scale));
        assert!(!answer("vielleicht", Some(1)).calls_for_action(&scale));
    }

    #[test]
    fn not_relevant_drops_the_priority_other_choices_keep_it() {
        let scale = yes_no_scale();
        let mut run = run();
        run.set_priority("1.1", Some(1), Timestamp(2));
        run.rate("1.1", &scale, Some("nein".into()), Timestamp(3));
        assert_eq!(run.answers["1.1"].priority, Some(1));
        run.rate("1.1", &scale, Some("keine-relevanz".into()), Timestamp(4));
        assert_eq!(run.answers["1.1"].priority, None);
        assert_eq!(run.answers["1.1"].updated_at, Timestamp(4));
        assert!(!scale.priority_applies(Some("keine-relevanz")));
        assert!(scale.priority_applies(Some("ja")));
        assert!(scale.priority_applies(None));
    }

    #[test]
    fn evidence_is_kept_like_a_note_and_is_a_link_only_when_safe() {
        let mut run = run();
        run.set_evidence("1.1", "Ordner QM, Regal 3".into(), Timestamp(2));
        let kept = run.answer("1.1").expect("evidence alone keeps an answer");
        assert_eq!(kept.evidence, "Ordner QM, Regal 3");
        assert_eq!(kept.evidence_link(), None);
        let with = |evidence: &str| Answer {
            evidence: evidence.into(),
            ..Answer::default()
        };
        assert_eq!(
            with(" https://intranet.example.de/gbu.pdf ").evidence_link(),
            Some("https://intranet.example.de/gbu.pdf")
        );
        assert_eq!(
            with("mailto:qm@example.de").evidence_link(),
            Some("mailto:qm@example.de")
        );
        assert_eq!(with("javascript:alert(1)").evidence_link(), None);
        assert_eq!(with("www.example.de").evidence_link(), None);
        assert_eq!(with("https://a.de und https://b.de").evidence_link(), None);
        run.set_evidence("1.1", String::new(), Timestamp(3));
        assert!(run.answer("1.1").is_none());
        let saved = serde_json::to_string(&with("")).expect("serializable");
        assert!(!saved.contains("evidence"), "{saved}");
    }

    #[test]
    fn evidence_travels_with_its_answer_in_a_merge() {
        let (mut left, mut right) = two_copies();
        left.set_evidence("1.1", "Prüfbericht 2026".into(), Timestamp(5));
        right.set_note("1.1", "älter".into(), Timestamp(4));
        let mut merged = right.clone();
        merged.merge(&left);
        assert_eq!(merged.answers["1.1"].evidence, "Prüfbericht 2026");
        let mut other_way = left.clone();
        other_way.merge(&right);
        assert_eq!(other_way, merged);
    }
}
