//! What an adviser's workspace costs in the browser's storage: 50 companies × every bundled check × 3 runs, each
//! run realistic (every Check-Punkt rated, a note on every fourth, ten measures with every field, Starthilfe and
//! free texts), counted as a browser counts localStorage: UTF-16 code units of keys and values.
//!
//! Chromium 156 allows 5 Mi such units (5,242,880) per site, whatever the characters (measured: the write that
//! passes it throws `QuotaExceededError`); `storage.rs` in the front end warns from 80 % on. Print the figures with
//! `cargo test -p checkwerk-core --features source --test tests storage_size -- --nocapture`; with
//! `CHECKWERK_WORKSPACE_FILE=<path>` set, the test also writes the workspace as an export file there, which
//! `tests/perf/workspace.mjs` imports into a browser to time the workspace list.

use checkwerk_core::company::Company;
use checkwerk_core::saved::{
    save_company, save_run, save_workspace, store_run, COMPANY_KEY_PREFIX, RUN_KEY_PREFIX,
};
use checkwerk_core::{CompanyField, Measure, MeasureStatus, Run, Timestamp, Urgency};

/// What Chromium lets one site keep in localStorage, in UTF-16 code units.
const QUOTA: usize = 5 * 1024 * 1024;

const NOTES: &[&str] = &[
    "Mit der Geschäftsführung besprochen – Nachweis liegt im Ordner „Umwelt 2026“.",
    "Bei der Begehung am Montag fehlten zwei Feuerlöscher in Halle 3.",
    "Unterweisung für neue Beschäftigte ist geplant, Termin noch offen.",
    "Frau Yılmaz klärt mit dem Betriebsrat, wer das übernimmt.",
    "Lieferant hat Zertifikat nachgereicht; prüfen, ob es noch gilt.",
    "Gilt nur für den Standort Porz, nicht für das Lager in Wesseling.",
    "Kennzahlen liegen vor, aber niemand wertet sie regelmäßig aus.",
    "Wurde 2024 schon einmal angegangen und ist dann liegen geblieben.",
];

const TITLES: &[&str] = &[
    "Druckluftleckagen suchen und beseitigen",
    "Gefährdungsbeurteilung für das Lager erstellen",
    "Notfallplan aushängen und mit allen durchgehen",
    "Lieferantenkodex entwerfen und abstimmen",
    "Beleuchtung der Halle auf LED umstellen",
    "Verantwortliche für Abfalltrennung benennen",
    "Unterweisungsplan für das Jahr aufstellen",
    "Prüffristen der Leitern und Tritte erfassen",
    "Beschwerdeweg für Beschäftigte bekannt machen",
    "Energieverbrauch monatlich auswerten",
    "Pflegende Angehörige im Team fragen, was hilft",
    "Liquiditätsplanung auf zwölf Monate ausweiten",
];

const PEOPLE: &[&str] = &[
    "Herr Ott",
    "Frau Yılmaz",
    "Frau Becker (QM)",
    "Herr Schäfer, Instandhaltung",
    "Geschäftsführung",
];

const CONTROLS: &[&str] = &[
    "Verbrauch am Zähler vor und nach der Maßnahme vergleichen",
    "Begehung nach drei Monaten",
    "Stichprobe bei fünf Beschäftigten",
    "Auswertung im Quartalsgespräch",
    "Liste liegt vor und ist unterschrieben",
];

/// One realistic run of a catalog for company `company`, year `round`.
fn realistic_run(catalog: &checkwerk_core::Catalog, company: usize, round: usize) -> Run {
    let seed = company * 31 + round * 7;
    let start = 1_767_225_600_000 + round as i64 * 31_536_000_000 + company as i64 * 86_400_000;
    let mut run = Run::new(
        format!("{:x}-{:08x}", start, seed * 2_654_435_761 % 4_294_967_296),
        catalog,
        Timestamp(start),
    );
    run.name = format!("Durchlauf vom 12.03.{}", 2026 + round);
    let mut at = start;
    for (index, (module, item)) in catalog.items().enumerate() {
        at += 45_000 + (index as i64 * 7_919) % 60_000;
        let scale = catalog.scale_for(module, item).expect("validated");
        let level = &scale.levels[(seed + index) % scale.levels.len()];
        run.set_choice(&item.id, Some(level.key.clone()), Timestamp(at));
        if scale.priority.is_some() {
            run.set_priority(
                &item.id,
                Some(1 + ((seed + index) % 3) as u8),
                Timestamp(at + 900),
            );
        }
        if (seed + index) % 4 == 0 {
            run.set_note(
                &item.id,
                NOTES[(seed + index) % NOTES.len()].to_owned(),
                Timestamp(at + 20_000),
            );
        }
    }
    for question in &catalog.starthilfe {
        at += 5_000;
        run.set_starthilfe(&question.module, Some("mittel".into()), Timestamp(at));
    }
    for free_text in &catalog.free_texts {
        at += 60_000;
        run.set_free_text(
            &free_text.id,
            NOTES[(seed + 3) % NOTES.len()].to_owned(),
            Timestamp(at),
        );
    }
    let items: Vec<String> = catalog.items().map(|(_, item)| item.id.clone()).collect();
    for number in 0..10 {
        at += 120_000;
        let mut measure = Measure::new(
            format!("{:x}-{:08x}", at, (seed + number) * 97_531),
            TITLES[(seed + number) % TITLES.len()],
            vec![items[(seed + number * 3) % items.len()].clone()],
            Timestamp(at),
        );
        measure.urgency = Some(Urgency::ALL[(seed + number) % 3]);
        measure.responsible = PEOPLE[(seed + number) % PEOPLE.len()].to_owned();
        measure.due = Some(format!(
            "{}-{:02}-{:02}",
            2026 + round,
            1 + (number % 12),
            1 + (seed % 28)
        ));
        measure.control = CONTROLS[(seed + number) % CONTROLS.len()].to_owned();
        measure.status = match (number + round) % 4 {
            0 => MeasureStatus::Done,
            1 => MeasureStatus::InProgress,
            _ => MeasureStatus::Open,
        };
        run.upsert_measure(measure, Timestamp(at + 30_000));
    }
    run
}

fn utf16(text: &str) -> usize {
    text.encode_utf16().count()
}

#[test]
fn fifty_companies_with_every_check_three_times_fit_the_browsers_storage() {
    let catalogs = crate::catalogs::shipped_catalogs();
    let mut stored = 0;
    let mut plain = 0;
    let mut runs = 0;
    let mut all_companies = Vec::new();
    let mut all_runs = Vec::new();
    for company in 0..50 {
        let mut record = Company::new(
            format!("company-{company}"),
            format!("Müller & Söhne {company} GmbH"),
            Timestamp(1),
        );
        record.set(CompanyField::Site, "Werk Köln-Porz".into(), Timestamp(2));
        record.set(
            CompanyField::Address,
            "Hafenstraße 12\n51143 Köln".into(),
            Timestamp(3),
        );
        record.set(
            CompanyField::Sector,
            "Metallverarbeitung".into(),
            Timestamp(4),
        );
        record.set(
            CompanyField::Size,
            "50–249 Beschäftigte".into(),
            Timestamp(5),
        );
        record.set(
            CompanyField::Contact,
            "Frau Yılmaz, 0221 123456".into(),
            Timestamp(6),
        );
        let company_entry =
            utf16(COMPANY_KEY_PREFIX) + utf16(&record.id) + utf16(&save_company(&record));
        stored += company_entry;
        plain += company_entry;
        let company_id = record.id.clone();
        all_companies.push(record);
        for (_, catalog) in &catalogs {
            for round in 0..3 {
                let mut run = realistic_run(catalog, company, round);
                run.company_id.clone_from(&company_id);
                let key = utf16(RUN_KEY_PREFIX) + utf16(&run.id);
                stored += key + utf16(&store_run(&run));
                plain += key + utf16(&save_run(&run));
                runs += 1;
                all_runs.push(run);
            }
        }
    }
    let percent = |units: usize| units * 100 / QUOTA;
    println!(
        "{runs} runs of {} checks for 50 companies: stored {stored} UTF-16 units ({} % of Chromium's {QUOTA}), \
         as plain JSON {plain} ({} %); {} units per stored run",
        catalogs.len(),
        percent(stored),
        percent(plain),
        stored / runs,
    );
    assert_eq!(runs, 50 * catalogs.len() * 3);
    if let Some(path) = std::env::var_os("CHECKWERK_WORKSPACE_FILE") {
        let companies: Vec<&Company> = all_companies.iter().collect();
        let runs: Vec<&Run> = all_runs.iter().collect();
        std::fs::write(&path, save_workspace(&companies, &runs))
            .expect("the workspace file is written");
    }
    assert!(
        plain > QUOTA,
        "plain JSON would not fit: the reason for the stored form"
    );
    assert!(
        stored * 100 < QUOTA * 40,
        "the workspace takes {} % of the quota; the app warns from 80 %",
        percent(stored)
    );
}
