//! The words of the exports in German and English, as the front end supplies them (its own copy is tested in the
//! web crate); here they only make the exports' format readable in snapshots and assertions.

use checkwerk_core::export::{DateStyle, ExportWording};

/// The German words, dates as `DD.MM.YYYY`.
pub(crate) fn german() -> ExportWording<'static> {
    ExportWording {
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
        urgencies: ["hoch", "mittel", "niedrig"],
        statuses: ["offen", "in Arbeit", "erledigt"],
        effects: ["wirksam", "teilweise wirksam", "nicht wirksam"],
        date_style: DateStyle::German,
    }
}

/// The English words, dates as `YYYY-MM-DD`.
pub(crate) fn english() -> ExportWording<'static> {
    ExportWording {
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
        effect: "Effect",
        done: "Done",
        reminder: "Due",
        source: "Source",
        untitled: "Untitled measure",
        urgencies: ["high", "medium", "low"],
        statuses: ["open", "in progress", "done"],
        effects: ["effective", "partly effective", "not effective"],
        date_style: DateStyle::Iso,
    }
}
