//! Rating as a team without a server: the data of a team assessment and of one person's contribution to it.
//!
//! A team assessment is a run of the check whose answers are the team's agreed ratings; [`Team`] is attached to
//! that run (on the facilitator's device) and holds who was asked, the contributions that came back, kept whole by
//! contribution id, and the decision with its reason per Check-Punkt. A participant's own ratings are a run of
//! their own with a [`Participation`] attached, which says which team assessment they answer.
//!
//! Like the rest of the run, everything here is lenient on input (missing fields default) and merges: two copies of
//! the same team assessment (two tabs, an export brought back) end up with the union of their contributions (the
//! newer version of each), the newer decision per item, and the newer name, Bausteine and participant list by their
//! stamps. Bringing in a contribution a second time changes nothing.
//!
//! How a contribution travels (link, QR code, file) is [`crate::contribution`]; where the team agrees and where not
//! is [`crate::agreement`].

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Timestamp;

/// A team assessment, attached to the run that holds the team's agreed ratings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// The team assessment's id: 16 lower-case hexadecimal digits, chosen by the caller at random. Invitations and
    /// contributions carry it, so a contribution finds its team assessment.
    #[serde(default)]
    pub id: String,
    /// Its name, e.g. „Umweltschutz 2027, Werk Süd".
    #[serde(default)]
    pub name: String,
    /// The Bausteine (module ids) the team rates; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    /// The people the facilitator asked, by name; optional, and contributions may come from others too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// The contributions that came back, by contribution id, each as it arrived.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub contributions: BTreeMap<String, Contribution>,
    /// What the team decided per item (by item id), with the reason.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub decisions: BTreeMap<String, Decision>,
    /// When name, Bausteine and participants last changed, and when contributions were removed.
    #[serde(default, skip_serializing_if = "TeamChanges::is_empty")]
    pub changes: TeamChanges,
}

/// When parts of a team assessment changed that carry no timestamp of their own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamChanges {
    /// When the name last changed.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub name: Timestamp,
    /// When the chosen Bausteine last changed.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub modules: Timestamp,
    /// When the list of participants last changed.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub participants: Timestamp,
    /// When a contribution was removed, by contribution id; only while no copy of it arrived later.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub removed_contributions: BTreeMap<String, Timestamp>,
}

impl TeamChanges {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self == &TeamChanges::default()
    }
}

/// One person's ratings for a team assessment, as passed on by link, QR code or file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// The contribution's own id (16 hexadecimal digits); a person who changes their ratings and passes them on
    /// again sends the same id with a later `made_at`, and the newer replaces the older.
    #[serde(default)]
    pub id: String,
    /// The team assessment it answers.
    #[serde(default)]
    pub team_id: String,
    /// The catalog rated.
    #[serde(default)]
    pub catalog_id: String,
    /// The catalog version the person rated.
    #[serde(default)]
    pub catalog_version: String,
    /// The person's name as they gave it; empty for anonymous.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub participant: String,
    /// When the person last changed it (to the second).
    #[serde(default)]
    pub made_at: Timestamp,
    /// When it was added to this team assessment (not passed on: the recipient sets it).
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub received_at: Timestamp,
    /// The answers by item id.
    #[serde(default)]
    pub answers: BTreeMap<String, ContributedAnswer>,
}

/// One answer of a contribution.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ContributedAnswer {
    /// The chosen level's or "not relevant" key, if rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// The chosen priority, where the scale has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// The person's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl ContributedAnswer {
    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.choice.is_none() && self.priority.is_none() && self.note.is_empty()
    }
}

/// What the team decided for one item: the agreed rating and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Decision {
    /// The agreed choice key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// The agreed priority, where the scale has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// A short reason, e.g. „Abfallmengen kennt nur die Werkstatt; dort hoch."
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// When it was decided.
    #[serde(default)]
    pub updated_at: Timestamp,
}

/// What an invitation says: which team assessment to answer, for which check and Bausteine. It carries no answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// The team assessment's id.
    #[serde(default)]
    pub team_id: String,
    /// Its name.
    #[serde(default)]
    pub team_name: String,
    /// The catalog to rate.
    #[serde(default)]
    pub catalog_id: String,
    /// The catalog version the facilitator uses.
    #[serde(default)]
    pub catalog_version: String,
    /// The fingerprint of that version's items and choices (see `contribution::item_order`): where the
    /// participant's version has the same, the contribution can name items by position.
    #[serde(default)]
    pub item_order: u32,
    /// The Bausteine to rate; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
}

/// Attached to a participant's own run: the team assessment it answers and who answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    /// The invitation the person followed.
    #[serde(default)]
    pub invitation: Invitation,
    /// The id of this person's contribution (16 hexadecimal digits), the same each time they pass it on.
    #[serde(default)]
    pub contribution_id: String,
    /// The name the person gives; empty for anonymous.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub participant: String,
    /// When the name last changed.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub participant_changed: Timestamp,
}

/// What adding a contribution did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// It was new here.
    New,
    /// It replaced an older version of itself.
    Updated,
    /// Exactly this version was here already: nothing changed.
    AlreadyThere,
    /// A newer version of it is here already: nothing changed.
    Outdated,
}

/// Whether a text is an id as teams and contributions use them: 16 lower-case hexadecimal digits.
pub fn is_short_id(text: &str) -> bool {
    text.len() == 16
        && text
            .bytes()
            .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
}

/// The id for a random number, as the front end makes them: 16 lower-case hexadecimal digits.
pub fn short_id(random: u64) -> String {
    format!("{random:016x}")
}

impl Team {
    /// A new team assessment.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        modules: Vec<String>,
        participants: Vec<String>,
        now: Timestamp,
    ) -> Team {
        Team {
            id: id.into(),
            name: name.into(),
            modules,
            participants,
            contributions: BTreeMap::new(),
            decisions: BTreeMap::new(),
            changes: TeamChanges {
                name: now,
                modules: now,
                participants: now,
                removed_contributions: BTreeMap::new(),
            },
        }
    }

    /// Whether the team rates a module: it was chosen, or all are.
    pub fn rates_module(&self, module_id: &str) -> bool {
        self.modules.is_empty() || self.modules.iter().any(|id| id == module_id)
    }

    /// Renames the team assessment.
    pub fn rename(&mut self, name: String, now: Timestamp) {
        self.name = name;
        self.changes.name = now;
    }

    /// Sets the Bausteine the team rates (empty: all).
    pub fn set_modules(&mut self, modules: Vec<String>, now: Timestamp) {
        self.modules = modules;
        self.changes.modules = now;
    }

    /// Sets the list of people asked.
    pub fn set_participants(&mut self, participants: Vec<String>, now: Timestamp) {
        self.participants = participants;
        self.changes.participants = now;
    }

    /// Adds a contribution that arrived now, or its newer version. The same version a second time changes nothing.
    pub fn add_contribution(&mut self, mut contribution: Contribution, now: Timestamp) -> Added {
        let outcome = match self.contributions.get(&contribution.id) {
            None => Added::New,
            Some(mine) => match content_rank(&contribution).cmp(&content_rank(mine)) {
                Ordering::Greater => Added::Updated,
                Ordering::Equal => Added::AlreadyThere,
                Ordering::Less => Added::Outdated,
            },
        };
        if matches!(outcome, Added::New | Added::Updated) {
            contribution.received_at = now;
            self.changes.removed_contributions.remove(&contribution.id);
            self.contributions
                .insert(contribution.id.clone(), contribution);
        }
        outcome
    }

    /// Removes a contribution (for instance one sent to the wrong team) and returns it, for an undo.
    pub fn remove_contribution(&mut self, id: &str, now: Timestamp) -> Option<Contribution> {
        let removed = self.contributions.remove(id)?;
        self.changes
            .removed_contributions
            .insert(id.to_owned(), now);
        Some(removed)
    }

    /// Puts a removed contribution back.
    pub fn restore_contribution(&mut self, mut contribution: Contribution, now: Timestamp) {
        contribution.received_at = now;
        self.changes.removed_contributions.remove(&contribution.id);
        self.contributions
            .insert(contribution.id.clone(), contribution);
    }

    /// Records the team's decision for an item.
    pub fn decide(&mut self, item_id: &str, mut decision: Decision, now: Timestamp) {
        decision.updated_at = now;
        self.decisions.insert(item_id.to_owned(), decision);
    }

    /// Merges another copy of the same team assessment into this one (see the module's documentation).
    ///
    /// Copies of different team assessments (which one run should never hold) are decided as a whole: the one with
    /// the greater id stays, so that both copies of the run end alike.
    pub fn merge(&mut self, other: &Team) {
        if self.id != other.id {
            if other.id > self.id {
                *self = other.clone();
            }
            return;
        }
        merge_stamped(
            (&mut self.name, &mut self.changes.name),
            (&other.name, other.changes.name),
        );
        merge_stamped(
            (&mut self.modules, &mut self.changes.modules),
            (&other.modules, other.changes.modules),
        );
        merge_stamped(
            (&mut self.participants, &mut self.changes.participants),
            (&other.participants, other.changes.participants),
        );
        for (id, theirs) in &other.contributions {
            let take = self
                .contributions
                .get(id)
                .is_none_or(|mine| full_rank(theirs) > full_rank(mine));
            if take {
                self.contributions.insert(id.clone(), theirs.clone());
            }
        }
        for (id, &removed) in &other.changes.removed_contributions {
            let mine = self
                .changes
                .removed_contributions
                .entry(id.clone())
                .or_default();
            *mine = (*mine).max(removed);
        }
        // A removal wins over every copy that arrived before it; one that arrived later makes the removal history.
        let removals = std::mem::take(&mut self.changes.removed_contributions);
        for (id, removed) in removals {
            let arrived_later = self
                .contributions
                .get(&id)
                .is_some_and(|contribution| contribution.received_at > removed);
            if !arrived_later {
                self.contributions.remove(&id);
                self.changes.removed_contributions.insert(id, removed);
            }
        }
        for (item_id, theirs) in &other.decisions {
            let take = self
                .decisions
                .get(item_id)
                .is_none_or(|mine| decision_rank(theirs) > decision_rank(mine));
            if take {
                self.decisions.insert(item_id.clone(), theirs.clone());
            }
        }
    }

    /// A contribution's place among all: the order they arrived in (then by id), for numbering people when names
    /// are left out.
    pub fn contributions_in_order(&self) -> Vec<&Contribution> {
        let mut ordered: Vec<&Contribution> = self.contributions.values().collect();
        // Ids are unique, so the unstable sort is as deterministic as the stable one (and smaller in the app).
        ordered.sort_unstable_by(|a, b| (a.received_at, &a.id).cmp(&(b.received_at, &b.id)));
        ordered
    }
}

impl Participation {
    /// A new participation in the team assessment of an invitation.
    pub fn new(
        invitation: Invitation,
        contribution_id: impl Into<String>,
        participant: impl Into<String>,
        now: Timestamp,
    ) -> Participation {
        Participation {
            invitation,
            contribution_id: contribution_id.into(),
            participant: participant.into(),
            participant_changed: now,
        }
    }

    /// Sets the name the person gives (empty: anonymous).
    pub fn set_participant(&mut self, participant: String, now: Timestamp) {
        self.participant = participant;
        self.participant_changed = now;
    }

    /// Merges another copy of the same participation: the newer name wins. A copy for another contribution is
    /// decided as a whole by the greater contribution id.
    pub fn merge(&mut self, other: &Participation) {
        if self.contribution_id != other.contribution_id || self.invitation != other.invitation {
            if (&other.contribution_id, &other.invitation.team_id)
                > (&self.contribution_id, &self.invitation.team_id)
            {
                *self = other.clone();
            }
            return;
        }
        merge_stamped(
            (&mut self.participant, &mut self.participant_changed),
            (&other.participant, other.participant_changed),
        );
    }
}

/// Merges an optional part of two copies of a run: what only one has is taken, what both have is merged.
pub fn merge_optional<T: Clone>(
    mine: &mut Option<T>,
    theirs: &Option<T>,
    merge: impl Fn(&mut T, &T),
) {
    match (mine.as_mut(), theirs) {
        (Some(mine), Some(theirs)) => merge(mine, theirs),
        (None, Some(theirs)) => *mine = Some(theirs.clone()),
        (_, None) => {}
    }
}

/// Last writer wins by stamp; equal stamps are decided by the content, so that both copies decide alike.
fn merge_stamped<T: Clone + Ord>(
    (mine, my_stamp): (&mut T, &mut Timestamp),
    (theirs, their_stamp): (&T, Timestamp),
) {
    let take = match their_stamp.cmp(my_stamp) {
        Ordering::Equal => theirs > mine,
        newer_or_older => newer_or_older == Ordering::Greater,
    };
    if take {
        mine.clone_from(theirs);
        *my_stamp = their_stamp;
    }
}

/// What a contribution's versions are compared by: what the person sent, time first.
type ContentRank<'a> = (
    Timestamp,
    &'a String,
    &'a String,
    &'a String,
    &'a String,
    &'a BTreeMap<String, ContributedAnswer>,
);

/// Which version of a contribution is newer, by what the person sent: time first, then content.
fn content_rank(contribution: &Contribution) -> ContentRank<'_> {
    (
        contribution.made_at,
        &contribution.team_id,
        &contribution.catalog_id,
        &contribution.catalog_version,
        &contribution.participant,
        &contribution.answers,
    )
}

/// [`content_rank`], then the later arrival: two copies of the same version end with the later arrival time.
fn full_rank(contribution: &Contribution) -> (ContentRank<'_>, Timestamp) {
    (content_rank(contribution), contribution.received_at)
}

fn decision_rank(decision: &Decision) -> (Timestamp, &Decision) {
    (decision.updated_at, decision)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contribution(id: &str, made_at: i64, choice: &str) -> Contribution {
        Contribution {
            id: id.into(),
            team_id: "00000000000000aa".into(),
            catalog_id: "c".into(),
            catalog_version: "1".into(),
            participant: "Anna".into(),
            made_at: Timestamp(made_at),
            received_at: Timestamp(0),
            answers: BTreeMap::from([(
                "1.1".to_owned(),
                ContributedAnswer {
                    choice: Some(choice.into()),
                    ..ContributedAnswer::default()
                },
            )]),
        }
    }

    fn team() -> Team {
        Team::new("00000000000000aa", "Werk Süd", vec![], vec![], Timestamp(1))
    }

    #[test]
    fn the_same_contribution_twice_changes_nothing() {
        let mut team = team();
        assert_eq!(
            team.add_contribution(contribution("a", 5, "hoch"), Timestamp(10)),
            Added::New
        );
        let before = team.clone();
        assert_eq!(
            team.add_contribution(contribution("a", 5, "hoch"), Timestamp(20)),
            Added::AlreadyThere
        );
        assert_eq!(team, before);
        assert_eq!(
            team.add_contribution(contribution("a", 3, "niedrig"), Timestamp(30)),
            Added::Outdated
        );
        assert_eq!(team, before);
        assert_eq!(
            team.add_contribution(contribution("a", 6, "mittel"), Timestamp(40)),
            Added::Updated
        );
        assert_eq!(
            team.contributions["a"].answers["1.1"].choice.as_deref(),
            Some("mittel")
        );
        assert_eq!(team.contributions["a"].received_at, Timestamp(40));
    }

    #[test]
    fn a_removed_contribution_stays_removed_in_copies_that_had_it_and_comes_back_when_added_again()
    {
        let mut left = team();
        left.add_contribution(contribution("a", 5, "hoch"), Timestamp(10));
        let right = left.clone();
        let removed = left.remove_contribution("a", Timestamp(11)).expect("there");
        let mut merged = right.clone();
        merged.merge(&left);
        assert!(merged.contributions.is_empty());
        left.restore_contribution(removed, Timestamp(12));
        merged.merge(&left);
        assert_eq!(merged.contributions.len(), 1);
        assert!(merged.changes.removed_contributions.is_empty());
    }

    #[test]
    fn names_modules_participants_and_decisions_follow_their_stamps() {
        let mut left = team();
        let mut right = team();
        left.rename("Werk Nord".into(), Timestamp(5));
        right.set_modules(vec!["fuehrung".into()], Timestamp(6));
        right.set_participants(vec!["Anna".into(), "Ben".into()], Timestamp(7));
        left.decide(
            "1.1",
            Decision {
                choice: Some("hoch".into()),
                reason: "alt".into(),
                ..Decision::default()
            },
            Timestamp(8),
        );
        right.decide(
            "1.1",
            Decision {
                choice: Some("mittel".into()),
                reason: "neu".into(),
                ..Decision::default()
            },
            Timestamp(9),
        );
        let mut one = left.clone();
        one.merge(&right);
        let mut other = right.clone();
        other.merge(&left);
        assert_eq!(one, other);
        assert_eq!(one.name, "Werk Nord");
        assert_eq!(one.modules, vec!["fuehrung".to_owned()]);
        assert_eq!(one.participants.len(), 2);
        assert_eq!(one.decisions["1.1"].reason, "neu");
    }

    #[test]
    fn short_ids_are_sixteen_hexadecimal_digits() {
        assert_eq!(short_id(0xab), "00000000000000ab");
        assert!(is_short_id(&short_id(u64::MAX)));
        assert!(!is_short_id("00000000000000AB"));
        assert!(!is_short_id("0000000000000ab"));
        assert!(!is_short_id("00000000000000ag"));
    }
}
