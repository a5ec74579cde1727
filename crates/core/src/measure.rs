//! A measure of the action plan (Maßnahmenplan): what is to be done for which Check-Punkte, how urgent, who does it,
//! by when, how its effect is checked, how far it has got, and – once done – when it was finished and whether the
//! Kontrolle found that it worked.
//!
//! A Selbsterklärung asks for at least ten complete measures (see [`crate::readiness`]). Measures are saved inside
//! the run, so they are lenient on input like the rest of the saved format. How the plan is listed is in
//! [`crate::plan`], its exports in [`crate::export`]; the words the user sees are the front end's.

use serde::{Deserialize, Deserializer, Serialize};

use crate::date::{Date, DateEntry, Timestamp};

/// One measure of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Identifier, chosen by the caller and unique in its run.
    pub id: String,
    /// What is to be done.
    #[serde(default)]
    pub title: String,
    /// The items (Check-Punkte) the measure answers.
    #[serde(default)]
    pub item_ids: Vec<String>,
    /// How urgent it is (Dringlichkeit); unknown saved values read as not set, so the user is asked again.
    #[serde(
        default,
        deserialize_with = "lenient_urgency",
        skip_serializing_if = "Option::is_none"
    )]
    pub urgency: Option<Urgency>,
    /// Who is responsible (Wer).
    #[serde(default)]
    pub responsible: String,
    /// By when (Bis wann), as `YYYY-MM-DD`; kept as typed so that an invalid date is shown, not lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// How its effect is checked (Kontrolle).
    #[serde(default)]
    pub control: String,
    /// How far it has got; an unknown saved value reads as open. Change it with [`Measure::set_status`], which
    /// keeps the date it was finished in step.
    #[serde(default, deserialize_with = "lenient_status")]
    pub status: MeasureStatus,
    /// The day it was finished, as `YYYY-MM-DD`: set to the user's today when it is marked done, open to
    /// correction, and cleared when it is reopened (a measure that is not done has no day it was done).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<String>,
    /// What the Kontrolle found: whether the measure worked. Kept when the measure is reopened, since that is
    /// often why it was; an unknown saved value reads as not yet checked.
    #[serde(
        default,
        deserialize_with = "lenient_effect",
        skip_serializing_if = "Option::is_none"
    )]
    pub effect: Option<Effectiveness>,
    /// When the measure was created.
    #[serde(default)]
    pub created_at: Timestamp,
    /// When the measure last changed.
    #[serde(default)]
    pub updated_at: Timestamp,
}

impl Measure {
    /// A new open measure with nothing but a title and the items it answers.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        item_ids: Vec<String>,
        now: Timestamp,
    ) -> Measure {
        Measure {
            id: id.into(),
            title: title.into(),
            item_ids,
            urgency: None,
            responsible: String::new(),
            due: None,
            control: String::new(),
            status: MeasureStatus::Open,
            finished: None,
            effect: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// The due date, if one is set and a whole date (a year still being typed, such as 0002, is none).
    pub fn due_date(&self) -> Option<Date> {
        self.due
            .as_deref()
            .and_then(|due| DateEntry::read(due).date())
    }

    /// The day it was finished, if one is set and a whole date.
    pub fn finished_date(&self) -> Option<Date> {
        self.finished
            .as_deref()
            .and_then(|finished| DateEntry::read(finished).date())
    }

    /// Whether the measure is done.
    pub fn is_done(&self) -> bool {
        self.status == MeasureStatus::Done
    }

    /// Whether the measure is past its valid due date on `today` (the user's local date) and not done.
    pub fn is_overdue(&self, today: Date) -> bool {
        !self.is_done() && self.due_date().is_some_and(|due| due < today)
    }

    /// Changes the status. Marking it done records `today` (the user's local date) as the day it was finished,
    /// unless it already was done; reopening it clears that day and keeps the Kontrolle's finding.
    pub fn set_status(&mut self, status: MeasureStatus, today: Date) {
        match (self.is_done(), status == MeasureStatus::Done) {
            (false, true) => self.finished = Some(today.iso()),
            (true, false) => self.finished = None,
            _ => {}
        }
        self.status = status;
    }

    /// Whether the measure is done and its effect not yet judged: the Kontrolle still has to say whether it worked.
    pub fn awaits_effect_check(&self) -> bool {
        self.is_done() && self.effect.is_none()
    }
}

// A hand-edited or future file with an unknown urgency or status must not make the whole run unreadable.
fn lenient_urgency<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Urgency>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(value.as_str().and_then(Urgency::from_key))
}

fn lenient_effect<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Effectiveness>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(value.as_str().and_then(Effectiveness::from_key))
}

fn lenient_status<'de, D: Deserializer<'de>>(deserializer: D) -> Result<MeasureStatus, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(value
        .as_str()
        .and_then(MeasureStatus::from_key)
        .unwrap_or_default())
}

/// How urgent a measure is (Dringlichkeit). Orders most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Urgency {
    /// Hoch.
    #[serde(rename = "hoch")]
    High,
    /// Mittel.
    #[serde(rename = "mittel")]
    Medium,
    /// Niedrig.
    #[serde(rename = "niedrig")]
    Low,
}

impl Urgency {
    /// Every urgency, most urgent first.
    pub const ALL: [Urgency; 3] = [Urgency::High, Urgency::Medium, Urgency::Low];

    /// The saved name, also fit for form values.
    pub fn key(self) -> &'static str {
        match self {
            Urgency::High => "hoch",
            Urgency::Medium => "mittel",
            Urgency::Low => "niedrig",
        }
    }

    /// The urgency with this saved name.
    pub fn from_key(key: &str) -> Option<Urgency> {
        Urgency::ALL
            .into_iter()
            .find(|urgency| urgency.key() == key)
    }
}

/// How far a measure has got. Orders from open to done.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum MeasureStatus {
    /// Offen: not started.
    #[default]
    #[serde(rename = "offen")]
    Open,
    /// In Arbeit: started.
    #[serde(rename = "in-arbeit")]
    InProgress,
    /// Erledigt: done.
    #[serde(rename = "erledigt")]
    Done,
}

impl MeasureStatus {
    /// Every status, from open to done.
    pub const ALL: [MeasureStatus; 3] = [
        MeasureStatus::Open,
        MeasureStatus::InProgress,
        MeasureStatus::Done,
    ];

    /// The saved name, also fit for form values.
    pub fn key(self) -> &'static str {
        match self {
            MeasureStatus::Open => "offen",
            MeasureStatus::InProgress => "in-arbeit",
            MeasureStatus::Done => "erledigt",
        }
    }

    /// The status with this saved name.
    pub fn from_key(key: &str) -> Option<MeasureStatus> {
        MeasureStatus::ALL
            .into_iter()
            .find(|status| status.key() == key)
    }
}

/// What the Kontrolle found about a finished measure: whether it worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Effectiveness {
    /// Wirksam: it did what it should.
    #[serde(rename = "wirksam")]
    Effective,
    /// Teilweise wirksam: it helped, not enough.
    #[serde(rename = "teilweise-wirksam")]
    Partial,
    /// Nicht wirksam: it did not help; something else is needed.
    #[serde(rename = "nicht-wirksam")]
    Ineffective,
}

impl Effectiveness {
    /// Every finding, from worked to did not work.
    pub const ALL: [Effectiveness; 3] = [
        Effectiveness::Effective,
        Effectiveness::Partial,
        Effectiveness::Ineffective,
    ];

    /// The saved name, also fit for form values.
    pub fn key(self) -> &'static str {
        match self {
            Effectiveness::Effective => "wirksam",
            Effectiveness::Partial => "teilweise-wirksam",
            Effectiveness::Ineffective => "nicht-wirksam",
        }
    }

    /// The finding with this saved name.
    pub fn from_key(key: &str) -> Option<Effectiveness> {
        Effectiveness::ALL
            .into_iter()
            .find(|effect| effect.key() == key)
    }
}

/// The urgency that goes with a need (0–100): high from 75, medium from 40, low below.
pub fn urgency_of_need(need: u8) -> Urgency {
    match need {
        75.. => Urgency::High,
        40..=74 => Urgency::Medium,
        _ => Urgency::Low,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(id: &str, items: &[&str]) -> Measure {
        Measure::new(
            id,
            format!("Maßnahme {id}"),
            items.iter().map(|item| (*item).to_owned()).collect(),
            Timestamp(1),
        )
    }

    #[test]
    fn keys_round_trip_and_orders_put_urgent_and_open_first() {
        for urgency in Urgency::ALL {
            assert_eq!(Urgency::from_key(urgency.key()), Some(urgency));
            assert_eq!(
                serde_json::to_value(urgency).ok(),
                Some(serde_json::Value::from(urgency.key()))
            );
        }
        for status in MeasureStatus::ALL {
            assert_eq!(MeasureStatus::from_key(status.key()), Some(status));
            assert_eq!(
                serde_json::to_value(status).ok(),
                Some(serde_json::Value::from(status.key()))
            );
        }
        assert_eq!(Urgency::from_key("High"), None);
        assert!(Urgency::High < Urgency::Medium && Urgency::Medium < Urgency::Low);
        assert!(MeasureStatus::Open < MeasureStatus::InProgress);
        assert!(MeasureStatus::InProgress < MeasureStatus::Done);
    }

    #[test]
    fn urgency_of_need_boundaries() {
        assert_eq!(urgency_of_need(100), Urgency::High);
        assert_eq!(urgency_of_need(75), Urgency::High);
        assert_eq!(urgency_of_need(74), Urgency::Medium);
        assert_eq!(urgency_of_need(40), Urgency::Medium);
        assert_eq!(urgency_of_need(39), Urgency::Low);
        assert_eq!(urgency_of_need(0), Urgency::Low);
    }

    #[test]
    fn effects_round_trip_and_read_leniently() {
        for effect in Effectiveness::ALL {
            assert_eq!(Effectiveness::from_key(effect.key()), Some(effect));
        }
        let measure: Measure =
            serde_json::from_str(r#"{"id":"m1","status":"erledigt","effect":"super"}"#)
                .expect("lenient");
        assert_eq!(measure.effect, None);
        let measure: Measure = serde_json::from_str(
            r#"{"id":"m1","status":"erledigt","finished":"2027-03-01","effect":"teilweise-wirksam"}"#,
        )
        .expect("known keys");
        assert_eq!(measure.effect, Some(Effectiveness::Partial));
        assert_eq!(measure.finished_date(), Date::new(2027, 3, 1));
        let text = serde_json::to_string(&Measure::new("m2", "", vec![], Timestamp(1)))
            .expect("serializable");
        assert!(
            !text.contains("finished") && !text.contains("effect"),
            "an open measure writes neither: {text}"
        );
    }

    #[test]
    fn finishing_records_the_day_and_reopening_clears_it_but_keeps_the_finding() {
        let mut measure = measure("m1", &[]);
        let march = Date::new(2027, 3, 1).expect("a date");
        let april = Date::new(2027, 4, 1).expect("a date");
        measure.set_status(MeasureStatus::InProgress, march);
        assert_eq!(measure.finished, None);
        measure.set_status(MeasureStatus::Done, march);
        assert_eq!(measure.finished.as_deref(), Some("2027-03-01"));
        assert!(measure.awaits_effect_check());
        measure.set_status(MeasureStatus::Done, april);
        assert_eq!(
            measure.finished.as_deref(),
            Some("2027-03-01"),
            "done again is no new finish"
        );
        measure.effect = Some(Effectiveness::Ineffective);
        assert!(!measure.awaits_effect_check());
        measure.set_status(MeasureStatus::Open, april);
        assert_eq!(measure.finished, None);
        assert_eq!(measure.effect, Some(Effectiveness::Ineffective));
        assert!(
            !measure.awaits_effect_check(),
            "only done measures await it"
        );
        measure.set_status(MeasureStatus::Done, april);
        assert_eq!(measure.finished.as_deref(), Some("2027-04-01"));
    }

    #[test]
    fn a_measure_reads_leniently() {
        let measure: Measure = serde_json::from_str(
            r#"{"id":"m1","urgency":"dringend","status":"abgebrochen","future":1}"#,
        )
        .expect("lenient");
        assert_eq!(measure.urgency, None);
        assert_eq!(measure.status, MeasureStatus::Open);
        assert_eq!(measure.title, "");
        let measure: Measure =
            serde_json::from_str(r#"{"id":"m1","urgency":"hoch","status":"in-arbeit"}"#)
                .expect("known keys");
        assert_eq!(measure.urgency, Some(Urgency::High));
        assert_eq!(measure.status, MeasureStatus::InProgress);
        assert!(serde_json::from_str::<Measure>(r#"{"title":"ohne id"}"#).is_err());
    }

    #[test]
    fn a_measure_round_trips() {
        let mut measure = measure("m1", &["nutzen"]);
        measure.urgency = Some(Urgency::Low);
        measure.due = Some("2026-02-30".into());
        measure.status = MeasureStatus::Done;
        let text = serde_json::to_string(&measure).expect("serializable");
        assert_eq!(serde_json::from_str::<Measure>(&text).ok(), Some(measure));
    }

    #[test]
    fn a_measure_is_overdue_from_the_day_after_its_due_date_until_it_is_done() {
        let mut measure = measure("m1", &[]);
        let today = Date::new(2027, 2, 15).expect("a date");
        assert!(!measure.is_overdue(today), "no date, never overdue");
        measure.due = Some("2027-02-15".into());
        assert!(!measure.is_overdue(today), "due today is not overdue");
        measure.due = Some("2027-02-14".into());
        assert!(measure.is_overdue(today));
        measure.due = Some("1999-02-14".into());
        assert!(measure.is_overdue(today), "a valid date long past");
        measure.due = Some("0002-02-14".into());
        assert!(
            !measure.is_overdue(today),
            "a year still being typed is no date"
        );
        measure.due = Some("2027-2-1".into());
        assert!(
            !measure.is_overdue(today),
            "an invalid date is not compared as text"
        );
        measure.due = Some("2027-02-14".into());
        measure.status = MeasureStatus::Done;
        assert!(
            !measure.is_overdue(today),
            "done measures are never overdue"
        );
    }
}
