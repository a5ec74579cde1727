//! A measure of the action plan (Maßnahmenplan): what is to be done for which Check-Punkte, how urgent, who does it,
//! by when, how its effect is checked, and how far it has got.
//!
//! A Selbsterklärung asks for at least ten complete measures (see [`crate::readiness`]). Measures are saved inside
//! the run, so they are lenient on input like the rest of the saved format. How the plan is listed is in
//! [`crate::plan`], its exports in [`crate::export`]; the words the user sees are the front end's.

use serde::{Deserialize, Deserializer, Serialize};

use crate::date::{Date, Timestamp};

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
    /// How far it has got; an unknown saved value reads as open.
    #[serde(default, deserialize_with = "lenient_status")]
    pub status: MeasureStatus,
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
            created_at: now,
            updated_at: now,
        }
    }

    /// The due date, if one is set and valid.
    pub fn due_date(&self) -> Option<Date> {
        self.due.as_deref().and_then(Date::parse_iso)
    }

    /// Whether the measure is past its valid due date on `today` (the user's local date) and not done.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != MeasureStatus::Done && self.due_date().is_some_and(|due| due < today)
    }
}

// A hand-edited or future file with an unknown urgency or status must not make the whole run unreadable.
fn lenient_urgency<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Urgency>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(value.as_str().and_then(Urgency::from_key))
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

/// The urgency to pre-fill for a measure created from an item with this need (0–100).
pub fn suggested_urgency(need: u8) -> Urgency {
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
    fn suggested_urgency_boundaries() {
        assert_eq!(suggested_urgency(100), Urgency::High);
        assert_eq!(suggested_urgency(75), Urgency::High);
        assert_eq!(suggested_urgency(74), Urgency::Medium);
        assert_eq!(suggested_urgency(40), Urgency::Medium);
        assert_eq!(suggested_urgency(39), Urgency::Low);
        assert_eq!(suggested_urgency(0), Urgency::Low);
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
        measure.due = Some("0002-02-14".into());
        assert!(measure.is_overdue(today), "a valid date long past");
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
