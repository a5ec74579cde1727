//! A small hand-built catalog for the unit tests of the modules that work on runs.
//!
//! Built in code rather than read from TOML, so the unit tests also run without the `source` feature.

use crate::catalog::{
    Attribution, Catalog, Choice, Colour, Declaration, Item, Level, Module, PriorityLevel,
    PriorityScale, Scale, StarthilfeQuestion, CATALOG_FORMAT_VERSION,
};
use crate::date::Timestamp;
use crate::export::{DateStyle, ExportWording};
use crate::run::Run;

fn level(key: &str, colour: Colour, need: u8) -> Level {
    Level {
        key: key.into(),
        label: key.into(),
        colour,
        need,
    }
}

fn item(id: &str, number: &str, statement: &str) -> Item {
    Item {
        id: id.into(),
        number: number.into(),
        statement: statement.into(),
        explanation: String::new(),
        examples: vec![],
        links: vec![],
        scale: None,
    }
}

fn module(id: &str, number: &str, title: &str, items: Vec<Item>) -> Module {
    Module {
        id: id.into(),
        number: number.into(),
        title: title.into(),
        goal: String::new(),
        result: String::new(),
        scale: None,
        items,
    }
}

/// Three modules with five items, an Ampel scale (hoch 100, mittel 50, niedrig 0, nicht relevant, priority
/// 1–3) and a Starthilfe question per module.
pub(crate) fn catalog() -> Catalog {
    Catalog {
        format_version: CATALOG_FORMAT_VERSION,
        id: "umwelt-test".into(),
        title: "Check Umwelt (Test)".into(),
        subtitle: String::new(),
        standard: "OM-Praxis A-3.6".into(),
        version: "1".into(),
        date: String::new(),
        attribution: Attribution {
            structure: "OM-Praxis A-3.6 (Test)".into(),
            structure_url: String::new(),
            wording: "Checkwerk".into(),
            licence: "MIT OR Apache-2.0".into(),
            licence_url: String::new(),
            official: false,
        },
        language: "de".into(),
        minutes_per_module: None,
        orientation: String::new(),
        scales: vec![Scale {
            id: "ampel".into(),
            label: "Handlungsbedarf".into(),
            levels: vec![
                level("hoch", Colour::Red, 100),
                level("mittel", Colour::Yellow, 50),
                level("niedrig", Colour::Green, 0),
            ],
            not_relevant: Some(Choice {
                key: "nicht-relevant".into(),
                label: "nicht relevant".into(),
            }),
            priority: Some(PriorityScale {
                label: "Priorität".into(),
                levels: (1..=3)
                    .map(|value| PriorityLevel {
                        value,
                        label: format!("{value} (Prio)"),
                    })
                    .collect(),
            }),
        }],
        modules: vec![
            module(
                "einstieg",
                "1",
                "Einstieg: Nutzen",
                vec![
                    item("nutzen", "1.1", "Wir kennen den Nutzen."),
                    item("ziele", "1.2", "Wir haben Ziele."),
                ],
            ),
            module(
                "risiken",
                "2",
                "Risikobetrachtung",
                vec![
                    item("risiken-ermitteln", "2.1", "Risiken sind ermittelt."),
                    item("rechtspflichten", "2.2", "Rechtspflichten sind bekannt."),
                ],
            ),
            module(
                "fuehrung",
                "3",
                "Führung",
                vec![item("verantwortung", "3.1", "Verantwortung ist geregelt.")],
            ),
        ],
        starthilfe: ["einstieg", "risiken", "fuehrung"]
            .into_iter()
            .map(|module| StarthilfeQuestion {
                module: module.into(),
                question: format!("Wie viel Bedarf sehen Sie bei {module}?"),
                scale: None,
            })
            .collect(),
        free_texts: vec![],
        declarations: vec![declaration()],
    }
}

/// The declaration of [`catalog`]: every item rated ("not relevant" counts), ten complete measures, two years.
pub(crate) fn declaration() -> Declaration {
    Declaration {
        id: "om-zeichen-test".into(),
        title: "OM-Zeichen Test".into(),
        part: String::new(),
        every_item_rated: true,
        not_relevant_is_rated: true,
        min_measures: 10,
        validity_months: 24,
        renewal_lead_months: 3,
        url: String::new(),
    }
}

/// An empty run of [`catalog`].
pub(crate) fn run() -> Run {
    Run::new("lauf-1", &catalog(), Timestamp(0))
}

/// The German words of the exports, as the front end supplies them.
pub fn wording() -> ExportWording<'static> {
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
