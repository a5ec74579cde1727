//! Snapshots of what a user takes away, for a small hand-built check: the management summary as data, and the CSV and
//! the calendar file with German and English words. A reviewer sees every change of content or layout as a diff.
//! (The words themselves are the front end's; its tests check them.)
//!
//! Update with `INSTA_UPDATE=always cargo test -p checkwerk-core` (or `cargo insta review`) and read the diff.

use checkwerk_core::export::{measures_csv, measures_ics};
use checkwerk_core::load::catalog_from_toml;
use checkwerk_core::report::summary;
use checkwerk_core::{
    evaluate, Catalog, Date, Effectiveness, Language, Measure, MeasureStatus, Run, Timestamp,
    Urgency,
};

use crate::wording;

/// 2026-03-15T13:04:05.678Z
const NOW: Timestamp = Timestamp(1_773_579_845_678);

const CATALOG: &str = r#"
format_version = 2
id = "umwelt-beispiel"
title = "Check „Betrieblicher Umweltschutz“ (Beispiel)"
standard = "OM-Praxis A-3.6"
version = "1"
attribution = { structure = "OM-Praxis A-3.6 der Offensive Mittelstand", wording = "Checkwerk", licence = "MIT OR Apache-2.0", official = false }

[[scales]]
id = "handlungsbedarf"
label = "Handlungsbedarf"
levels = [
  { key = "hoch", label = "hoch", colour = "red", need = 100 },
  { key = "mittel", label = "mittel", colour = "yellow", need = 50 },
  { key = "niedrig", label = "niedrig", colour = "green", need = 0 },
]
not_relevant = { key = "nicht-relevant", label = "nicht relevant" }
priority = { label = "Priorität", levels = [
  { value = 1, label = "1 (hoch)" },
  { value = 2, label = "2 (mittel)" },
  { value = 3, label = "3 (gering)" },
] }

[[scales]]
id = "ja-nein"
label = "Trifft das zu?"
levels = [
  { key = "ja", label = "ja", colour = "green", need = 0 },
  { key = "nein", label = "nein", colour = "red", need = 100 },
]

[[modules]]
id = "nutzen"
number = "1"
title = "Einstieg: Nutzen"

[[modules.items]]
id = "kosten"
number = "1.1"
statement = "Wir kennen die Kosten für Energie, Wasser und Abfall."

[[modules.items]]
id = "kunden"
number = "1.2"
statement = "Wir wissen, welche Umweltanforderungen unsere Kunden stellen."

[[modules]]
id = "risiken"
number = "2"
title = "Risikobetrachtung"

[[modules.items]]
id = "gefahrstoffe"
number = "2.1"
statement = "Gefahrstoffe sind erfasst und sicher gelagert."

[[modules.items]]
id = "notfallplan"
number = "2.2"
statement = "Es gibt einen Notfallplan für Umweltschäden."
scale = "ja-nein"

[[modules.items]]
id = "rechtspflichten"
number = "2.3"
statement = "Wir kennen unsere Rechtspflichten im Umweltschutz."

[[modules]]
id = "fuehrung"
number = "3"
title = "Führung"

[[modules.items]]
id = "verantwortung"
number = "3.1"
statement = "Verantwortung und Aufgaben im Umweltschutz sind schriftlich übertragen."

[[modules.items]]
id = "ziele"
number = "3.2"
statement = "Wir haben messbare Umweltziele."
"#;

fn catalog() -> Catalog {
    catalog_from_toml("umwelt-beispiel.toml", CATALOG)
        .unwrap_or_else(|errors| panic!("{}", errors.render(Language::De)))
}

fn run(catalog: &Catalog) -> Run {
    let mut run = Run::new("lauf-koeln", catalog, Timestamp(1_773_532_800_000));
    run.rename("Standort Köln 2026".into(), NOW);
    run.set_company("Müller & Söhne GmbH".into(), NOW);
    for (item, choice) in [
        ("kosten", "hoch"),
        ("kunden", "niedrig"),
        ("gefahrstoffe", "mittel"),
        ("notfallplan", "nein"),
        ("rechtspflichten", "nicht-relevant"),
        ("verantwortung", "niedrig"),
    ] {
        run.set_choice(item, Some(choice.into()), NOW);
    }
    run.set_priority("gefahrstoffe", Some(1), NOW);

    let mut leaks = Measure::new(
        "m-1",
        "Druckluftleckagen in Halle 2 suchen, beseitigen und die Einsparung gegenüber dem Vorjahr \
         dokumentieren (Überprüfung: Zählerstände, Wartungsprotokolle)",
        vec!["kosten".into()],
        NOW,
    );
    leaks.urgency = Some(Urgency::High);
    leaks.responsible = "Herr Yılmaz".into();
    leaks.due = Some("2026-04-30".into());
    leaks.control = "Verbrauch am Zähler vorher; nachher \"Soll\" < \"Ist\"".into();
    leaks.status = MeasureStatus::InProgress;
    run.upsert_measure(leaks, NOW);

    let mut emergency = Measure::new(
        "m-2",
        "Notfallplan erstellen",
        vec!["notfallplan".into(), "gefahrstoffe".into()],
        NOW,
    );
    emergency.urgency = Some(Urgency::Medium);
    emergency.responsible = "=Geschäftsführung".into();
    emergency.due = Some("2028-02-29".into());
    emergency.control = "Übung\nmit Protokoll".into();
    run.upsert_measure(emergency, NOW);

    let mut draft = Measure::new("m-3", "Umweltziele festlegen", vec!["ziele".into()], NOW);
    draft.status = MeasureStatus::Done;
    run.upsert_measure(draft, NOW);

    let mut training = Measure::new(
        "m-4",
        "Gefahrstoffunterweisung",
        vec!["gefahrstoffe".into()],
        NOW,
    );
    training.due = Some("2026-03-31".into());
    training.set_status(MeasureStatus::Done, Date::new(2026, 3, 20).expect("a date"));
    training.effect = Some(Effectiveness::Partial);
    run.upsert_measure(training, NOW);
    run
}

/// Makes the invisible visible, so the snapshot shows the byte-order mark and every CRLF.
fn visible(text: &str) -> String {
    text.replace('\u{feff}', "<BOM>")
        .replace("\r\n", "<CRLF>\n")
}

#[test]
fn summary_data() {
    let catalog = catalog();
    let run = run(&catalog);
    let evaluation = evaluate(&catalog, &run);
    let today = Date::new(2026, 3, 15).expect("a date");
    insta::assert_debug_snapshot!("summary", summary(&catalog, &run, &evaluation, today));
}

#[test]
fn measures_csv_de() {
    let catalog = catalog();
    let csv = measures_csv(&catalog, &run(&catalog), &wording::german());
    assert!(csv.starts_with('\u{feff}'));
    insta::assert_snapshot!("measures_de.csv", visible(&csv));
}

#[test]
fn measures_csv_en() {
    let catalog = catalog();
    let csv = measures_csv(&catalog, &run(&catalog), &wording::english());
    insta::assert_snapshot!("measures_en.csv", visible(&csv));
}

#[test]
fn measures_ics_de() {
    let catalog = catalog();
    let ics = measures_ics(&catalog, &run(&catalog), NOW, &wording::german());
    insta::assert_snapshot!("measures_de.ics", visible(&ics.text));
}

#[test]
fn measures_ics_en() {
    let catalog = catalog();
    let ics = measures_ics(&catalog, &run(&catalog), NOW, &wording::english());
    insta::assert_snapshot!("measures_en.ics", visible(&ics.text));
}
