//! The action plan (Maßnahmenplan): measures with urgency, a responsible person, a date and a check of their effect,
//! the views the front end lists them in, and exports for Excel (CSV) and calendars (iCalendar).
//!
//! A Selbsterklärung asks for at least ten such measures (see [`crate::readiness`]). Measures are saved inside
//! the run, so they are lenient on input like the rest of the saved format.

use serde::{Deserialize, Deserializer, Serialize};

use crate::catalog::{Catalog, Module};
use crate::date::{utc_stamp, Date};
use crate::load::Language;
use crate::run::{Run, Timestamp};

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

    /// The label the user sees.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Urgency::High, Language::De) => "hoch",
            (Urgency::Medium, Language::De) => "mittel",
            (Urgency::Low, Language::De) => "niedrig",
            (Urgency::High, Language::En) => "high",
            (Urgency::Medium, Language::En) => "medium",
            (Urgency::Low, Language::En) => "low",
        }
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

    /// The label the user sees.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (MeasureStatus::Open, Language::De) => "offen",
            (MeasureStatus::InProgress, Language::De) => "in Arbeit",
            (MeasureStatus::Done, Language::De) => "erledigt",
            (MeasureStatus::Open, Language::En) => "open",
            (MeasureStatus::InProgress, Language::En) => "in progress",
            (MeasureStatus::Done, Language::En) => "done",
        }
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

/// What the list of measures is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Due date, earliest first; no (or no valid) date last.
    #[default]
    Due,
    /// Urgency, high first; none last.
    Urgency,
    /// Status, open first.
    Status,
    /// Module of the first referenced item, in catalog order; none last.
    Module,
}

impl SortKey {
    /// Every sort key, in the order a menu offers them.
    pub const ALL: [SortKey; 4] = [
        SortKey::Due,
        SortKey::Urgency,
        SortKey::Status,
        SortKey::Module,
    ];

    /// A stable name for form values and addresses.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Due => "due",
            SortKey::Urgency => "urgency",
            SortKey::Status => "status",
            SortKey::Module => "module",
        }
    }

    /// The sort key with this name.
    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|sort| sort.key() == key)
    }

    /// The label the user sees.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (SortKey::Due, Language::De) => "Bis wann",
            (SortKey::Urgency, Language::De) => "Dringlichkeit",
            (SortKey::Status, Language::De) => "Status",
            (SortKey::Module, Language::De) => "Baustein",
            (SortKey::Due, Language::En) => "Due date",
            (SortKey::Urgency, Language::En) => "Urgency",
            (SortKey::Status, Language::En) => "Status",
            (SortKey::Module, Language::En) => "Module",
        }
    }
}

/// Which measures to list; every `None` lets all through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only measures with this status.
    pub status: Option<MeasureStatus>,
    /// Only measures with this urgency.
    pub urgency: Option<Urgency>,
    /// Only measures that reference at least one item of this module.
    pub module_id: Option<String>,
}

impl Filter {
    /// Whether a measure passes the filter.
    ///
    /// A measure that spans modules shows under each of them: filtering by a Baustein should show everything
    /// that touches it, not only what happens to be sorted under it.
    pub fn matches(&self, catalog: &Catalog, measure: &Measure) -> bool {
        let status = self.status.is_none_or(|status| measure.status == status);
        let urgency = self
            .urgency
            .is_none_or(|urgency| measure.urgency == Some(urgency));
        let module = self.module_id.as_deref().is_none_or(|module_id| {
            catalog.module(module_id).is_some_and(|module| {
                module
                    .items
                    .iter()
                    .any(|item| measure.item_ids.contains(&item.id))
            })
        });
        status && urgency && module
    }
}

/// The module of a measure: that of its referenced item that comes first in the catalog.
///
/// Item ids the catalog no longer knows are skipped; with none left the measure has no module.
pub fn measure_module<'c>(catalog: &'c Catalog, measure: &Measure) -> Option<&'c Module> {
    catalog
        .items()
        .find(|(_, item)| measure.item_ids.contains(&item.id))
        .map(|(module, _)| module)
}

/// The measures that pass a filter, sorted; measures that tie keep the order of the run.
pub fn view_measures<'m>(
    catalog: &Catalog,
    measures: &'m [Measure],
    filter: &Filter,
    sort: SortKey,
) -> Vec<&'m Measure> {
    let mut view: Vec<&Measure> = measures
        .iter()
        .filter(|measure| filter.matches(catalog, measure))
        .collect();
    // `sort_by_key` is stable, which keeps the run's order among equals. `(is_none, value)` puts missing last.
    match sort {
        SortKey::Due => view.sort_by_key(|measure| {
            let due = measure.due_date();
            (due.is_none(), due)
        }),
        SortKey::Urgency => {
            view.sort_by_key(|measure| (measure.urgency.is_none(), measure.urgency))
        }
        SortKey::Status => view.sort_by_key(|measure| measure.status),
        SortKey::Module => view.sort_by_key(|measure| {
            let position = measure_module(catalog, measure).and_then(|module| {
                catalog
                    .modules
                    .iter()
                    .position(|candidate| candidate.id == module.id)
            });
            (position.is_none(), position)
        }),
    }
    view
}

/// The items of a measure as "number statement"; an id the catalog no longer knows is shown as it is.
fn item_texts(catalog: &Catalog, measure: &Measure) -> Vec<String> {
    measure
        .item_ids
        .iter()
        .map(|item_id| match catalog.item(item_id) {
            Some((_, item)) => format!("{} {}", item.number, item.statement),
            None => item_id.clone(),
        })
        .collect()
}

fn module_text(catalog: &Catalog, measure: &Measure) -> String {
    measure_module(catalog, measure)
        .map(|module| format!("{} {}", module.number, module.title))
        .unwrap_or_default()
}

/// A due date as the language writes it; an invalid one as typed, so nothing is lost.
fn due_text(measure: &Measure, language: Language) -> String {
    match (measure.due_date(), language) {
        (Some(date), Language::De) => date.german(),
        (Some(date), Language::En) => date.iso(),
        (None, _) => measure.due.clone().unwrap_or_default(),
    }
}

const CSV_HEADER_DE: [&str; 9] = [
    "Nr.",
    "Maßnahme",
    "Check-Punkte",
    "Baustein",
    "Dringlichkeit",
    "Verantwortlich",
    "Bis wann",
    "Kontrolle",
    "Status",
];

const CSV_HEADER_EN: [&str; 9] = [
    "No.",
    "Measure",
    "Check points",
    "Module",
    "Urgency",
    "Responsible",
    "Due",
    "Effectiveness check",
    "Status",
];

/// One CSV cell: guarded against formula injection, then quoted where needed.
fn csv_cell(text: &str) -> String {
    // A spreadsheet runs a cell that starts like a formula; the apostrophe makes it text.
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([';', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn push_csv_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let row: Vec<String> = cells.iter().map(|cell| csv_cell(cell.as_ref())).collect();
    out.push_str(&row.join(";"));
    out.push_str("\r\n");
}

/// The action plan as CSV that German Excel opens as it is: UTF-8 with BOM, `;` between cells, CRLF line ends.
///
/// Rows follow the run's order, numbered from 1.
pub fn measures_csv(catalog: &Catalog, run: &Run, language: Language) -> String {
    // Without the byte-order mark Excel reads UTF-8 as Windows-1252 and mangles every umlaut.
    let mut out = String::from('\u{feff}');
    let header = match language {
        Language::De => CSV_HEADER_DE,
        Language::En => CSV_HEADER_EN,
    };
    push_csv_row(&mut out, &header);
    for (index, measure) in run.measures.iter().enumerate() {
        let row = [
            (index + 1).to_string(),
            measure.title.clone(),
            item_texts(catalog, measure).join(" | "),
            module_text(catalog, measure),
            measure
                .urgency
                .map(|urgency| urgency.label(language).to_owned())
                .unwrap_or_default(),
            measure.responsible.clone(),
            due_text(measure, language),
            measure.control.clone(),
            measure.status.label(language).to_owned(),
        ];
        push_csv_row(&mut out, &row);
    }
    out
}

/// Escapes an iCalendar TEXT value (RFC 5545, 3.3.11).
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if characters.peek() == Some(&'\n') {
                    characters.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // TEXT allows no other control characters; a tab is harmless.
            '\t' => out.push('\t'),
            control if control.is_control() => {}
            other => out.push(other),
        }
    }
    out
}

/// Appends a content line, folded so that no line exceeds 75 octets, and never inside a UTF-8 character.
fn push_ics_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        // The continuation starts with a space, which counts against its 75 octets.
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// The measures with a valid due date as an iCalendar file: one all-day event per measure on its due date.
///
/// `stamp` is when the file is made (DTSTAMP). Events keep their UID across exports, so importing a newer file
/// updates the events instead of doubling them.
pub fn measures_ics(catalog: &Catalog, run: &Run, stamp: Timestamp, language: Language) -> String {
    let (responsible, control, urgency, status, items, source, untitled) = match language {
        Language::De => (
            "Verantwortlich",
            "Kontrolle",
            "Dringlichkeit",
            "Status",
            "Check-Punkte",
            "Quelle",
            "Maßnahme ohne Titel",
        ),
        Language::En => (
            "Responsible",
            "Effectiveness check",
            "Urgency",
            "Status",
            "Check points",
            "Source",
            "Untitled measure",
        ),
    };
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Checkwerk//Checkwerk//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_ics_line(&mut out, line);
    }
    let dtstamp = utc_stamp(stamp);
    for measure in &run.measures {
        let Some(due) = measure.due_date() else {
            continue;
        };
        let mut description = Vec::new();
        if !measure.responsible.trim().is_empty() {
            description.push(format!("{responsible}: {}", measure.responsible));
        }
        if !measure.control.trim().is_empty() {
            description.push(format!("{control}: {}", measure.control));
        }
        if let Some(level) = measure.urgency {
            description.push(format!("{urgency}: {}", level.label(language)));
        }
        description.push(format!("{status}: {}", measure.status.label(language)));
        let texts = item_texts(catalog, measure);
        if !texts.is_empty() {
            description.push(format!("{items}: {}", texts.join(" | ")));
        }
        // Where the measure comes from, so the calendar entry makes sense months later.
        let origin = if run.name.is_empty() {
            catalog.title.clone()
        } else {
            format!("{} – {}", catalog.title, run.name)
        };
        description.push(format!("{source}: {origin}"));
        let title = if measure.title.trim().is_empty() {
            untitled
        } else {
            measure.title.as_str()
        };

        push_ics_line(&mut out, "BEGIN:VEVENT");
        push_ics_line(
            &mut out,
            &format!(
                "UID:{}",
                ics_text(&format!("{}@{}.checkwerk", measure.id, run.id))
            ),
        );
        push_ics_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        push_ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", due.compact()));
        push_ics_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", due.next_day().compact()),
        );
        push_ics_line(&mut out, &format!("SUMMARY:{}", ics_text(title)));
        push_ics_line(
            &mut out,
            &format!("DESCRIPTION:{}", ics_text(&description.join("\n"))),
        );
        push_ics_line(&mut out, "TRANSP:TRANSPARENT");
        push_ics_line(&mut out, "END:VEVENT");
    }
    push_ics_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    fn measure(id: &str, items: &[&str]) -> Measure {
        Measure::new(
            id,
            format!("Maßnahme {id}"),
            items.iter().map(|item| (*item).to_owned()).collect(),
            Timestamp(1),
        )
    }

    fn ids(view: &[&Measure]) -> Vec<String> {
        view.iter().map(|measure| measure.id.clone()).collect()
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
        for sort in SortKey::ALL {
            assert_eq!(SortKey::from_key(sort.key()), Some(sort));
        }
        assert_eq!(Urgency::from_key("High"), None);
        assert!(Urgency::High < Urgency::Medium && Urgency::Medium < Urgency::Low);
        assert!(MeasureStatus::Open < MeasureStatus::InProgress);
        assert!(MeasureStatus::InProgress < MeasureStatus::Done);
        assert_eq!(MeasureStatus::InProgress.label(Language::De), "in Arbeit");
        assert_eq!(MeasureStatus::InProgress.label(Language::En), "in progress");
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
    fn the_module_is_that_of_the_first_item_in_catalog_order() {
        let catalog = testing::catalog();
        let spanning = measure("a", &["verantwortung", "weg", "rechtspflichten"]);
        assert_eq!(
            measure_module(&catalog, &spanning).map(|module| module.id.as_str()),
            Some("risiken")
        );
        assert!(measure_module(&catalog, &measure("b", &["weg"])).is_none());
        assert!(measure_module(&catalog, &measure("c", &[])).is_none());
    }

    #[test]
    fn sorting_by_due_puts_missing_and_invalid_dates_last_and_keeps_ties_in_order() {
        let catalog = testing::catalog();
        let mut measures: Vec<Measure> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|id| measure(id, &[]))
            .collect();
        measures[0].due = Some("2026-05-01".into());
        measures[1].due = None;
        measures[2].due = Some("2026-01-15".into());
        measures[3].due = Some("2026-02-30".into());
        measures[4].due = Some("2026-05-01".into());
        measures[5].due = Some("2025-12-31".into());
        let view = view_measures(&catalog, &measures, &Filter::default(), SortKey::Due);
        assert_eq!(ids(&view), vec!["f", "c", "a", "e", "b", "d"]);
    }

    #[test]
    fn sorting_by_urgency_status_and_module_is_stable() {
        let catalog = testing::catalog();
        let mut measures = vec![
            measure("a", &["verantwortung"]),
            measure("b", &[]),
            measure("c", &["nutzen"]),
            measure("d", &["risiken-ermitteln"]),
            measure("e", &["ziele"]),
        ];
        measures[0].urgency = Some(Urgency::Low);
        measures[2].urgency = Some(Urgency::High);
        measures[3].urgency = Some(Urgency::Low);
        measures[4].urgency = Some(Urgency::High);
        measures[0].status = MeasureStatus::Done;
        measures[3].status = MeasureStatus::InProgress;
        let view = |sort| {
            ids(&view_measures(
                &catalog,
                &measures,
                &Filter::default(),
                sort,
            ))
        };
        assert_eq!(view(SortKey::Urgency), vec!["c", "e", "a", "d", "b"]);
        assert_eq!(view(SortKey::Status), vec!["b", "c", "e", "d", "a"]);
        assert_eq!(view(SortKey::Module), vec!["c", "e", "d", "a", "b"]);
    }

    #[test]
    fn filters_combine_and_a_module_filter_sees_every_measure_touching_it() {
        let catalog = testing::catalog();
        let mut measures = vec![
            measure("a", &["nutzen", "verantwortung"]),
            measure("b", &["verantwortung"]),
            measure("c", &["risiken-ermitteln"]),
        ];
        measures[1].status = MeasureStatus::Done;
        measures[0].urgency = Some(Urgency::High);
        let view = |filter: Filter| {
            ids(&view_measures(
                &catalog,
                &measures,
                &filter,
                SortKey::Module,
            ))
        };
        let by_module = Filter {
            module_id: Some("fuehrung".into()),
            ..Filter::default()
        };
        assert_eq!(view(by_module.clone()), vec!["a", "b"]);
        assert_eq!(
            view(Filter {
                status: Some(MeasureStatus::Open),
                ..by_module.clone()
            }),
            vec!["a"]
        );
        assert_eq!(
            view(Filter {
                urgency: Some(Urgency::Medium),
                ..by_module
            }),
            Vec::<String>::new()
        );
        assert_eq!(
            view(Filter {
                module_id: Some("gibt-es-nicht".into()),
                ..Filter::default()
            }),
            Vec::<String>::new()
        );
    }

    #[test]
    fn csv_starts_with_a_bom_uses_crlf_and_the_german_header() {
        let catalog = testing::catalog();
        let run = testing::run();
        let csv = measures_csv(&catalog, &run, Language::De);
        assert_eq!(
            csv,
            "\u{feff}Nr.;Maßnahme;Check-Punkte;Baustein;Dringlichkeit;Verantwortlich;Bis wann;Kontrolle;Status\r\n"
        );
    }

    #[test]
    fn csv_quotes_separators_quotes_and_line_breaks() {
        assert_eq!(csv_cell("schlicht"), "schlicht");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("Sie sagte \"ja\""), "\"Sie sagte \"\"ja\"\"\"");
        assert_eq!(csv_cell("Zeile 1\nZeile 2"), "\"Zeile 1\nZeile 2\"");
        assert_eq!(csv_cell("a\r\nb"), "\"a\r\nb\"");
        assert_eq!(csv_cell("Komma, kein Trenner"), "Komma, kein Trenner");
    }

    #[test]
    fn csv_guards_against_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+49 221 123"), "'+49 221 123");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("E-Mail an =Chef"), "E-Mail an =Chef");
    }

    #[test]
    fn csv_rows_carry_items_module_and_dates_per_language() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        let mut first = measure("a", &["risiken-ermitteln", "weg", "nutzen"]);
        first.urgency = Some(Urgency::High);
        first.due = Some("2026-03-05".into());
        first.responsible = "Frau Öztürk".into();
        first.control = "Begehung; Protokoll".into();
        run.upsert_measure(first, Timestamp(2));
        let mut second = measure("b", &[]);
        second.due = Some("bald".into());
        run.upsert_measure(second, Timestamp(2));
        let csv = measures_csv(&catalog, &run, Language::De);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[1],
            "1;Maßnahme a;2.1 Risiken sind ermittelt. | weg | 1.1 Wir kennen den Nutzen.;1 Einstieg: Nutzen;hoch;Frau Öztürk;05.03.2026;\"Begehung; Protokoll\";offen"
        );
        assert_eq!(lines[2], "2;Maßnahme b;;;;;bald;;offen");
        assert_eq!(lines[3], "", "the file ends with a line end");
        let english = measures_csv(&catalog, &run, Language::En);
        assert!(english.starts_with("\u{feff}No.;Measure;"));
        assert!(english.contains(";high;Frau Öztürk;2026-03-05;"));
    }

    #[test]
    fn ics_text_escapes_backslash_separators_and_newlines() {
        assert_eq!(
            ics_text("a\\b;c,d\ne\r\nf\rg\u{7}h"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh"
        );
    }

    #[test]
    fn ics_folds_long_lines_without_splitting_characters() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        let mut long = measure("a", &["nutzen"]);
        long.title = "Gefährdungsbeurteilung für Lärm, Gefahrstoffe und Prüfpflichten überprüfen; \
             Unterweisung aller Beschäftigten dokumentieren – größere Änderungen gemäß Maßnahmenplan, \
             Überwachung durch Fachkraft für Arbeitssicherheit ÄÖÜäöüß"
            .into();
        long.due = Some("2024-02-29".into());
        run.upsert_measure(long.clone(), Timestamp(2));
        let ics = measures_ics(&catalog, &run, Timestamp(0), Language::De);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains(['\r', '\n']),
            "only CRLF line ends"
        );
        let lines: Vec<&str> = ics.split("\r\n").collect();
        let mut folded = 0;
        for line in &lines {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            if line.starts_with(' ') {
                folded += 1;
            }
        }
        assert!(folded >= 3, "the title and description were folded");
        // Unfolding (RFC 5545, 3.1) gives back the escaped title.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", ics_text(&long.title))));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20240229\r\n"));
        assert!(unfolded.contains("DTEND;VALUE=DATE:20240301\r\n"));
        assert!(unfolded.contains("UID:a@lauf-1.checkwerk\r\n"));
        assert!(unfolded.contains("DTSTAMP:19700101T000000Z\r\n"));
    }

    #[test]
    fn folding_cuts_before_a_character_that_would_cross_the_limit() {
        // 74 ASCII octets, then a two-octet ü: the ü does not fit into the 75 octets of the first line.
        let line = format!("{}ü{}", "x".repeat(74), "y".repeat(80));
        let mut out = String::new();
        push_ics_line(&mut out, &line);
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines[0].len(), 74);
        assert!(lines[1].starts_with(" ü"));
        assert!(lines.iter().all(|line| line.len() <= 75));
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn ics_has_events_only_for_valid_due_dates() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        let mut with_date = measure("a", &[]);
        with_date.due = Some("2026-12-31".into());
        run.upsert_measure(with_date, Timestamp(2));
        let mut invalid = measure("b", &[]);
        invalid.due = Some("2026-02-29".into());
        run.upsert_measure(invalid, Timestamp(2));
        run.upsert_measure(measure("c", &[]), Timestamp(2));
        let ics = measures_ics(&catalog, &run, Timestamp(0), Language::En);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("DTEND;VALUE=DATE:20270101\r\n"));
        assert!(ics.starts_with(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Checkwerk//Checkwerk//DE\r\nCALSCALE:GREGORIAN\r\n"
        ));
    }
}
