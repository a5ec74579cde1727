//! The words of the action plan: urgencies, statuses, sort keys, the fields a Selbsterklärung asks of a measure, and
//! the words of the CSV and calendar exports.

use checkwerk_core::export::{DateStyle, ExportWording};
use checkwerk_core::plan::SortKey;
use checkwerk_core::readiness::MissingField;
use checkwerk_core::{Language, MeasureStatus, Urgency};

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
            source: "Quelle",
            untitled: "Maßnahme ohne Titel",
            urgencies,
            statuses,
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
            source: "Source",
            untitled: "Untitled measure",
            urgencies,
            statuses,
            date_style: DateStyle::Iso,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "\u{feff}Nr.;Maßnahme;Check-Punkte;Baustein;Dringlichkeit;Verantwortlich;Bis wann;Kontrolle;Status"
        );
        assert!(lines[1].starts_with("1;Leckagen suchen;"), "{}", lines[1]);
        assert!(
            lines[1].ends_with(";mittel;;15.02.2027;;in Arbeit"),
            "{}",
            lines[1]
        );
        let english =
            checkwerk_core::export::measures_csv(catalog, &run, &export_wording(Language::En));
        assert!(
            english.contains(";medium;;2027-02-15;;in progress\r\n"),
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
