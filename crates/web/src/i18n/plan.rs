//! The words of the action plan: urgencies, statuses, the Kontrolle's findings, sort keys, the plan's table, its
//! follow-up and the needs still without a measure, the fields a Selbsterklärung asks of a measure, and the words of
//! the CSV and calendar exports.

use checkwerk_core::export::{DateStyle, ExportWording};
use checkwerk_core::plan::{SortKey, SOON_DAYS};
use checkwerk_core::readiness::MissingField;
use checkwerk_core::{Effectiveness, Language, MeasureStatus, Urgency};

use super::{by_count, pick};

/// A fixed text of the action plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanText {
    TableCaption,
    ColumnNumber,
    ColumnMeasure,
    ColumnItems,
    ColumnUrgency,
    ColumnResponsible,
    ColumnDue,
    ColumnStatus,
    ColumnControl,
    Untitled,
    DoneEditing,
    FinishedOn,
    EffectQuestion,
    EffectNotChecked,
    EffectPrompt,
    DueIncomplete,
    Resort,
    ResortHint,
    ResetFilters,
    OutsideFilter,
    FollowUpHeading,
    FollowUpOverdue,
    FollowUpDueSoon,
    FollowUpToCheck,
    CoverageHeading,
    CoverageIntro,
    CoverageComplete,
    EmptyPlan,
}

impl PlanText {
    /// The text in a language.
    pub fn get(self, language: Language) -> &'static str {
        use PlanText::*;
        let (de, en) = match self {
            TableCaption => ("Maßnahmenplan", "Action plan"),
            ColumnNumber => ("Nr.", "No."),
            ColumnMeasure => ("Maßnahme", "Measure"),
            ColumnItems => ("Check-Punkte", "Check points"),
            ColumnUrgency => ("Dringlichkeit", "Urgency"),
            ColumnResponsible => ("Wer", "Who"),
            ColumnDue => ("Bis wann", "Due"),
            ColumnStatus => ("Status", "Status"),
            ColumnControl => ("Kontrolle", "Check of effect"),
            Untitled => ("(noch ohne Beschreibung)", "(not yet described)"),
            DoneEditing => ("Fertig", "Done editing"),
            FinishedOn => ("Erledigt am", "Finished on"),
            EffectQuestion => ("Ergebnis der Kontrolle: Hat die Maßnahme gewirkt?", "Result of the check: did the measure work?"),
            EffectNotChecked => ("– noch nicht geprüft –", "– not checked yet –"),
            EffectPrompt => (
                "Erledigt – prüfen Sie jetzt mit der Kontrolle, ob die Maßnahme gewirkt hat, und halten Sie das Ergebnis fest.",
                "Done – now use the check of effect to see whether the measure worked, and record the result.",
            ),
            DueIncomplete => (
                "Noch kein vollständiges Datum – gespeichert wird es, sobald Tag, Monat und vierstelliges Jahr stehen.",
                "Not a complete date yet – it is saved once day, month and a four-digit year are in place.",
            ),
            Resort => ("Neu sortieren", "Sort again"),
            ResortHint => (
                "Geänderte Maßnahmen bleiben an ihrem Platz, solange Sie in der Liste arbeiten.",
                "Changed measures keep their place while you work in the list.",
            ),
            ResetFilters => ("Filter zurücksetzen", "Reset filters"),
            OutsideFilter => ("passt nicht mehr zum Filter", "no longer matches the filter"),
            FollowUpHeading => ("Nachverfolgung", "Follow-up"),
            FollowUpOverdue => ("Überfällig", "Overdue"),
            FollowUpDueSoon => ("Bald fällig", "Due soon"),
            FollowUpToCheck => ("Erledigt, Wirkung noch nicht geprüft", "Done, effect not yet checked"),
            CoverageHeading => ("Hier fehlt noch eine Maßnahme", "A measure is still missing here"),
            CoverageIntro => (
                "Check-Punkte mit hoher Dringlichkeit, zu denen es noch keine Maßnahme gibt:",
                "Check points of high urgency that have no measure yet:",
            ),
            CoverageComplete => (
                "Zu jedem Check-Punkt mit hoher Dringlichkeit gibt es eine Maßnahme.",
                "Every check point of high urgency has a measure.",
            ),
            EmptyPlan => (
                "Noch keine Maßnahmen. Legen Sie eine dort an, wo Sie den Handlungsbedarf sehen: oben unter „Hier fehlt noch eine Maßnahme“, auf „Meine Ergebnisse“ oder an jedem Check-Punkt mit Handlungsbedarf – oder frei mit „Neue Maßnahme“.",
                "No measures yet. Create one where you see the need for action: above under “A measure is still missing here”, on “My results” or at any check point with need for action – or freely with “New measure”.",
            ),
        };
        match language {
            Language::De => de,
            Language::En => en,
        }
    }
}

/// The label of the Kontrolle's finding.
pub fn effect(language: Language, effect: Effectiveness) -> &'static str {
    match (effect, language) {
        (Effectiveness::Effective, Language::De) => "wirksam",
        (Effectiveness::Partial, Language::De) => "teilweise wirksam",
        (Effectiveness::Ineffective, Language::De) => "nicht wirksam",
        (Effectiveness::Effective, Language::En) => "effective",
        (Effectiveness::Partial, Language::En) => "partly effective",
        (Effectiveness::Ineffective, Language::En) => "not effective",
    }
}

/// A finished measure's status: "erledigt am 20.02.2027".
pub fn done_on(language: Language, date: &str) -> String {
    pick(
        language,
        || format!("erledigt am {date}"),
        || format!("done on {date}"),
    )
}

/// How a due date stands on the day: "überfällig seit 3 Tagen", "heute fällig", "in 5 Tagen fällig".
pub fn due_in(language: Language, days: i64) -> String {
    let count = days.unsigned_abs() as usize;
    match days {
        ..=-1 => pick(
            language,
            || {
                format!(
                    "überfällig seit {count} {}",
                    by_count(count, "Tag", "Tagen")
                )
            },
            || format!("overdue by {count} {}", by_count(count, "day", "days")),
        ),
        0 => pick(language, || "heute fällig".into(), || "due today".into()),
        _ => pick(
            language,
            || format!("in {count} {} fällig", by_count(count, "Tag", "Tagen")),
            || format!("due in {count} {}", by_count(count, "day", "days")),
        ),
    }
}

/// Under a date field whose saved value is no date (typed by hand into a file, or from an older version).
pub fn stored_date_invalid(language: Language, typed: &str) -> String {
    pick(
        language,
        || format!("Gespeichert ist „{typed}“ – kein gültiges Datum. Bitte neu wählen."),
        || format!("Saved is “{typed}” – not a valid date. Please choose again."),
    )
}

/// The heading of the list of measures due soon: "In den nächsten 14 Tagen fällig".
pub fn due_soon_heading(language: Language) -> String {
    pick(
        language,
        || {
            format!(
                "{} (in den nächsten {SOON_DAYS} Tagen)",
                PlanText::FollowUpDueSoon.get(language)
            )
        },
        || {
            format!(
                "{} (in the next {SOON_DAYS} days)",
                PlanText::FollowUpDueSoon.get(language)
            )
        },
    )
}

/// The accessible name of a measure's row button: "Maßnahme 3 bearbeiten: Leckagen suchen".
pub fn edit_measure(language: Language, number: usize, title: &str) -> String {
    pick(
        language,
        || format!("Maßnahme {number} bearbeiten: {title}"),
        || format!("Edit measure {number}: {title}"),
    )
}

/// The summary of the needs of lower urgency still without a measure.
pub fn more_uncovered(language: Language, count: usize) -> String {
    pick(
        language,
        || {
            format!(
                "{count} {} mit mittlerer oder geringer Dringlichkeit ohne Maßnahme",
                by_count(count, "weiterer Check-Punkt", "weitere Check-Punkte")
            )
        },
        || {
            format!(
                "{count} more check {} of medium or low urgency without a measure",
                by_count(count, "point", "points")
            )
        },
    )
}

/// The notice after the calendar file was made: how many dates, the reminders, and which measures it left out.
pub fn calendar_exported(language: Language, events: usize, left_out: &[String]) -> String {
    let quoted = super::report::quoted_list(
        &left_out.iter().map(String::as_str).collect::<Vec<_>>(),
        language,
    );
    let first = pick(
        language,
        || {
            format!(
                "Kalenderdatei mit {events} {} erstellt; für offene Maßnahmen erinnert sie eine Woche vorher und am Tag.",
                by_count(events, "Termin", "Terminen")
            )
        },
        || {
            format!(
                "Calendar file with {events} {} made; for open measures it reminds you a week before and on the day.",
                by_count(events, "date", "dates")
            )
        },
    );
    if left_out.is_empty() {
        return first;
    }
    let count = left_out.len();
    let second = pick(
        language,
        || format!("Ohne gültiges Datum nicht enthalten ({count}): {quoted}.",),
        || format!("Left out for lack of a valid date ({count}): {quoted}."),
    );
    format!("{first} {second}")
}

/// The label of an urgency (Dringlichkeit).
pub fn urgency(language: Language, urgency: Urgency) -> &'static str {
    match (urgency, language) {
        (Urgency::High, Language::De) => "hoch",
        (Urgency::Medium, Language::De) => "mittel",
        (Urgency::Low, Language::De) => "niedrig",
        (Urgency::High, Language::En) => "high",
        (Urgency::Medium, Language::En) => "medium",
        (Urgency::Low, Language::En) => "low",
    }
}

/// The label of a measure's status.
pub fn status(language: Language, status: MeasureStatus) -> &'static str {
    match (status, language) {
        (MeasureStatus::Open, Language::De) => "offen",
        (MeasureStatus::InProgress, Language::De) => "in Arbeit",
        (MeasureStatus::Done, Language::De) => "erledigt",
        (MeasureStatus::Open, Language::En) => "open",
        (MeasureStatus::InProgress, Language::En) => "in progress",
        (MeasureStatus::Done, Language::En) => "done",
    }
}

/// The label of what the plan is sorted by.
pub fn sort_key(language: Language, sort: SortKey) -> &'static str {
    match (sort, language) {
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

/// The label of a field a measure must fill for the Selbsterklärung.
pub fn missing_field(language: Language, field: MissingField) -> &'static str {
    match (field, language) {
        (MissingField::Title, Language::De) => "Beschreibung",
        (MissingField::Urgency, Language::De) => "Dringlichkeit",
        (MissingField::Responsible, Language::De) => "Wer (verantwortlich)",
        (MissingField::Due, Language::De) => "Bis wann",
        (MissingField::Control, Language::De) => "Kontrolle der Wirksamkeit",
        (MissingField::Title, Language::En) => "Description",
        (MissingField::Urgency, Language::En) => "Urgency",
        (MissingField::Responsible, Language::En) => "Responsible",
        (MissingField::Due, Language::En) => "Due date",
        (MissingField::Control, Language::En) => "Effectiveness check",
    }
}

/// The words of the CSV and calendar exports.
pub fn export_wording(language: Language) -> ExportWording<'static> {
    let urgencies = Urgency::ALL.map(|level| urgency(language, level));
    let statuses = MeasureStatus::ALL.map(|level| status(language, level));
    let effects = Effectiveness::ALL.map(|finding| effect(language, finding));
    match language {
        Language::De => ExportWording {
            number: "Nr.",
            measure: "Maßnahme",
            items: "Check-Punkte",
            module: "Baustein",
            urgency: "Dringlichkeit",
            responsible: "Verantwortlich",
            due: "Bis wann",
            control: "Kontrolle",
            status: "Status",
            finished: "Erledigt am",
            effect: "Wirkung",
            done: "Erledigt",
            reminder: "Fällig",
            source: "Quelle",
            untitled: "Maßnahme ohne Titel",
            urgencies,
            statuses,
            effects,
            date_style: DateStyle::German,
        },
        Language::En => ExportWording {
            number: "No.",
            measure: "Measure",
            items: "Check points",
            module: "Module",
            urgency: "Urgency",
            responsible: "Responsible",
            due: "Due",
            control: "Effectiveness check",
            status: "Status",
            finished: "Finished on",
            effect: "Effectiveness",
            done: "Done",
            reminder: "Due",
            source: "Source",
            untitled: "Untitled measure",
            urgencies,
            statuses,
            effects,
            date_style: DateStyle::Iso,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_and_the_calendar_notice_read_naturally() {
        assert_eq!(due_in(Language::De, -1), "überfällig seit 1 Tag");
        assert_eq!(due_in(Language::De, -3), "überfällig seit 3 Tagen");
        assert_eq!(due_in(Language::De, 0), "heute fällig");
        assert_eq!(due_in(Language::En, 1), "due in 1 day");
        assert_eq!(
            calendar_exported(Language::De, 1, &[]),
            "Kalenderdatei mit 1 Termin erstellt; für offene Maßnahmen erinnert sie eine Woche vorher und am Tag."
        );
        assert!(calendar_exported(
            Language::De,
            8,
            &["Lager".to_owned(), "Schulung".to_owned()]
        )
        .ends_with("Ohne gültiges Datum nicht enthalten (2): „Lager“ und „Schulung“."));
    }

    #[test]
    fn the_german_csv_has_the_columns_german_excel_users_read() {
        let catalog = crate::state::catalogs::bundled()
            .first()
            .expect("a bundled catalog");
        let mut run = checkwerk_core::Run::new("r", catalog, checkwerk_core::Timestamp(1));
        let item = catalog.items().next().map(|(_, item)| item.id.clone());
        let mut measure = checkwerk_core::Measure::new(
            "m",
            "Leckagen suchen",
            item.into_iter().collect(),
            checkwerk_core::Timestamp(1),
        );
        measure.urgency = Some(Urgency::Medium);
        measure.status = MeasureStatus::InProgress;
        measure.due = Some("2027-02-15".into());
        run.upsert_measure(measure, checkwerk_core::Timestamp(2));
        let csv =
            checkwerk_core::export::measures_csv(catalog, &run, &export_wording(Language::De));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}Nr.;Maßnahme;Check-Punkte;Baustein;Dringlichkeit;Verantwortlich;Bis wann;Kontrolle;Status;Erledigt am;Wirkung"
        );
        assert!(lines[1].starts_with("1;Leckagen suchen;"), "{}", lines[1]);
        assert!(
            lines[1].ends_with(";mittel;;15.02.2027;;in Arbeit;;"),
            "{}",
            lines[1]
        );
        let english =
            checkwerk_core::export::measures_csv(catalog, &run, &export_wording(Language::En));
        assert!(
            english.contains(";medium;;2027-02-15;;in progress;;\r\n"),
            "{english}"
        );
    }

    #[test]
    fn every_label_differs_between_the_languages_where_the_words_differ() {
        for level in Urgency::ALL {
            assert_ne!(urgency(Language::De, level), urgency(Language::En, level));
        }
        for level in MeasureStatus::ALL {
            assert_ne!(status(Language::De, level), status(Language::En, level));
        }
        for finding in Effectiveness::ALL {
            assert_ne!(effect(Language::De, finding), effect(Language::En, finding));
        }
        assert_eq!(
            export_wording(Language::De).urgency_label(Urgency::High),
            "hoch"
        );
        assert_eq!(
            export_wording(Language::En).status_label(MeasureStatus::Done),
            "done"
        );
    }
}
