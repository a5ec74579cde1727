//! Every released shape of the saved format keeps loading: one golden file per shape in `tests/saved/`.
//!
//! Never edit a golden file to make a test pass; a new shape gets a new file.

use std::path::Path;

use std::collections::BTreeMap;

use checkwerk_core::company::place_runs;
use checkwerk_core::saved::{
    load_import, load_run, save_run, save_run_file, store_run, RUN_KEY_PREFIX, SAVED_FORMAT_VERSION,
};
use checkwerk_core::{evaluate, Date, Effectiveness, MeasureStatus, Timestamp, Urgency};
use checkwerk_core::{CompanyField, Run};

const BEFORE_ACTION_PLAN: &str = include_str!("saved/v1-before-action-plan.json");
const WITH_ACTION_PLAN: &str = include_str!("saved/v1-with-action-plan.json");
const WITH_CHANGE_STAMPS: &str = include_str!("saved/v1-with-change-stamps.json");
const WRITTEN_BY_THE_OLD_BUILD: &str = include_str!("saved/v1-written-by-the-old-build.json");
const FILE_WITH_COMPANY: &str = include_str!("saved/v2-file-with-company.json");
const STORED: &str = include_str!("saved/v2-stored.json");
/// Everything the release build of 7a95344 (before companies) kept in localStorage after a journey through two
/// checks; recorded by `tests/old-build/record.mjs`, also opened by the browser test `saved-before-companies.spec.ts`.
const OLD_BUILD_STORAGE: &str = include_str!("../../../tests/old-build/storage-7a95344.json");
const WITH_DECLARATION: &str = include_str!("saved/v1-with-declaration.json");
const WITH_FOLLOW_UP_AND_EVIDENCE: &str = include_str!("saved/v1-with-follow-up-and-evidence.json");

/// Every golden file, with its name: `v<version>-<shape>.json`.
fn golden_files() -> Vec<(String, String)> {
    crate::files_with_extension(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saved"),
        "json",
    )
}

/// Whether everything in `golden` is in `saved` with the same value (`saved` may add defaults).
fn contains(golden: &serde_json::Value, saved: &serde_json::Value, at: &str) -> Result<(), String> {
    match (golden, saved) {
        (serde_json::Value::Object(golden), serde_json::Value::Object(saved)) => {
            for (key, value) in golden {
                let saved_value = saved
                    .get(key)
                    .ok_or_else(|| format!("{at}.{key} was dropped"))?;
                contains(value, saved_value, &format!("{at}.{key}"))?;
            }
            Ok(())
        }
        (serde_json::Value::Array(golden), serde_json::Value::Array(saved))
            if golden.len() == saved.len() =>
        {
            golden
                .iter()
                .zip(saved)
                .enumerate()
                .try_for_each(|(index, (golden, saved))| {
                    contains(golden, saved, &format!("{at}[{index}]"))
                })
        }
        _ if golden == saved => Ok(()),
        _ => Err(format!("{at}: {golden} became {saved}")),
    }
}

#[test]
fn every_released_version_has_a_golden_file() {
    let versions: Vec<u32> = golden_files()
        .iter()
        .map(|(name, _)| {
            name.strip_prefix('v')
                .and_then(|rest| rest.split('-').next())
                .and_then(|version| version.parse().ok())
                .unwrap_or_else(|| panic!("{name} is not named v<version>-<shape>.json"))
        })
        .collect();
    for version in 1..=SAVED_FORMAT_VERSION {
        assert!(
            versions.contains(&version),
            "no golden file of saved format version {version}"
        );
    }
}

#[test]
fn every_golden_file_loads_and_saves_without_loss() {
    for (name, text) in golden_files() {
        let run = load_run(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
        let golden: serde_json::Value = serde_json::from_str(&text).expect("golden files are JSON");
        if golden.get("packed").is_some() {
            // The stored form holds the same run as a file of the same version: compared below.
            continue;
        }
        // A file that brought its company is written with it again.
        let company = load_import(&text)
            .ok()
            .and_then(|imported| imported.companies.into_iter().next());
        let saved_text = save_run_file(&run, company.as_ref());
        let mut saved: serde_json::Value =
            serde_json::from_str(&saved_text).expect("saved runs are JSON");
        // The file keeps its version; what this build writes carries the current one.
        saved["version"] = golden["version"].clone();
        if let Err(loss) = contains(&golden, &saved, "") {
            panic!("{name} lost data: {loss}");
        }
        assert_eq!(load_run(&saved_text).as_ref(), Ok(&run), "{name}");
    }
}

#[test]
fn answers_to_items_a_newer_catalog_dropped_are_kept_and_reported() {
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs/umweltschutz.toml"),
    )
    .expect("the catalog");
    let catalog =
        checkwerk_core::load::catalog_from_toml("umweltschutz.toml", &source).expect("valid");
    let run = load_run(WITH_CHANGE_STAMPS).expect("loads");
    let evaluation = evaluate(&catalog, &run);
    let orphans: Vec<&str> = evaluation
        .orphans
        .iter()
        .map(|o| o.item_id.as_str())
        .collect();
    assert_eq!(orphans, vec!["abfall-alt"]);
    let saved = save_run(&run);
    assert!(
        saved.contains("Punkt aus der Fassung 2023-05"),
        "the orphan's note is saved and exported"
    );
    assert_eq!(load_run(&saved).map(|run| run.answers.len()), Ok(2));
}

#[test]
fn a_run_with_change_stamps_loads() {
    let run = load_run(WITH_CHANGE_STAMPS).expect("loads");
    assert_eq!(run.changes.company, Timestamp(1_795_997_000_000));
    assert_eq!(
        run.changes.starthilfe.len(),
        2,
        "a cleared Starthilfe answer keeps its stamp"
    );
    assert_eq!(
        run.changes.removed_answers["umweltaspekte"],
        Timestamp(1_796_020_000_000)
    );
    assert_eq!(
        run.changes.removed_measures["m-2"],
        Timestamp(1_796_040_000_000)
    );
    // An older copy of it (a tab that had not seen the deletion) cannot bring the deleted measure back.
    let mut older: checkwerk_core::Run = load_run(WITH_CHANGE_STAMPS).expect("loads");
    older.changes = Default::default();
    older.measures.push(checkwerk_core::Measure::new(
        "m-2",
        "Gefahrstoffkataster",
        vec![],
        Timestamp(1_795_996_900_000),
    ));
    let mut merged = run.clone();
    merged.merge(&older);
    assert_eq!(merged, run);
}

#[test]
fn a_run_saved_before_the_action_plan_existed_still_loads() {
    let run = load_run(BEFORE_ACTION_PLAN).expect("version 1 without the new fields loads");
    assert_eq!(run.name, "Standort Köln");
    assert_eq!(run.answers.len(), 3);
    assert_eq!(run.answers["kosten-senken"].priority, Some(1));
    assert_eq!(run.company, "");
    assert!(run.starthilfe.is_empty());
    assert!(run.free_texts.is_empty());
    assert!(run.measures.is_empty());
}

#[test]
fn a_run_without_the_new_fields_is_saved_as_before() {
    // Old and new builds may share one browser for a while; an untouched old run must not grow new keys.
    let run = load_run(BEFORE_ACTION_PLAN).expect("loads");
    let saved = save_run(&run);
    for key in [
        "company",
        "starthilfe",
        "free_texts",
        "measures",
        "team",
        "participation",
    ] {
        assert!(!saved.contains(&format!("\"{key}\"")), "{key} in {saved}");
    }
    assert_eq!(load_run(&saved), Ok(run));
}

#[test]
fn a_run_with_company_starthilfe_free_texts_and_measures_loads() {
    let run = load_run(WITH_ACTION_PLAN).expect("loads");
    assert_eq!(run.company, "Müller & Söhne GmbH");
    assert_eq!(run.starthilfe["risikobetrachtung"], "hoch");
    assert_eq!(run.free_texts["handlungsbedarf"], "Energie und Abfall");
    assert_eq!(run.measures.len(), 2);
    let first = &run.measures[0];
    assert_eq!(first.urgency, Some(Urgency::High));
    assert_eq!(first.status, MeasureStatus::InProgress);
    assert_eq!(first.due.as_deref(), Some("2026-04-30"));
    assert_eq!(first.updated_at, Timestamp(1_773_579_845_678));
    let sparse = &run.measures[1];
    assert_eq!(
        (
            sparse.urgency,
            sparse.status,
            sparse.responsible.as_str(),
            sparse.due.as_deref()
        ),
        (None, MeasureStatus::Open, "", None),
        "a measure with only id and title takes defaults"
    );
    assert_eq!(load_run(&save_run(&run)), Ok(run));
}

#[test]
fn the_stored_form_holds_exactly_the_run_of_the_file_form() {
    let stored = load_run(STORED).expect("the stored form loads");
    let file = load_run(FILE_WITH_COMPANY).expect("the file form loads");
    assert_eq!(stored, file);
    assert_eq!(load_run(&store_run(&stored)), Ok(stored.clone()));
    // Less than half the characters a browser counts, even for a run this small (tests/storage_size.rs measures
    // a realistic workspace).
    let characters = |text: &str| text.encode_utf16().count();
    assert!(
        characters(&store_run(&stored)) * 2 < characters(&save_run(&stored)),
        "{} of {}",
        characters(&store_run(&stored)),
        characters(&save_run(&stored))
    );
}

#[test]
fn a_run_file_brings_its_company_with_every_field() {
    let imported = load_import(FILE_WITH_COMPANY).expect("imports");
    assert_eq!(imported.runs.len(), 1);
    let company = &imported.companies[0];
    assert_eq!(company.id, imported.runs[0].company_id);
    assert_eq!(company.name, "Müller & Söhne GmbH");
    assert_eq!(company.address, "Hafenstraße 12\n51143 Köln");
    assert_eq!(company.size, "10–49 Beschäftigte");
    assert_eq!(
        company.field(CompanyField::Contact),
        "Frau Yılmaz, 0221 123456"
    );
    let run = &imported.runs[0];
    let original = load_run(WRITTEN_BY_THE_OLD_BUILD).expect("loads");
    assert_eq!(run.previous_run_id, original.id);
    assert_eq!(run.measures.len(), 2, "the open measures carried over");
}

#[test]
fn a_run_the_old_build_saved_loads_with_everything_it_held() {
    let run = load_run(WRITTEN_BY_THE_OLD_BUILD).expect("loads");
    assert_eq!(run.name, "Standort Köln 2025");
    assert_eq!(run.company, "Müller & Söhne GmbH");
    assert_eq!(run.company_id, "");
    assert_eq!(run.answers.len(), 13);
    assert_eq!(
        run.answers["beschaffung"].note,
        "Notiz 1: „Lager“ – mit Frau Yılmaz klären"
    );
    assert_eq!(run.starthilfe.len(), 4);
    assert_eq!(run.measures.len(), 3);
    assert_eq!(run.measures[0].status, MeasureStatus::Done);
}

#[test]
fn the_old_builds_storage_becomes_one_company_with_all_its_runs_and_nothing_lost() {
    let entries: BTreeMap<String, String> =
        serde_json::from_str(OLD_BUILD_STORAGE).expect("the recording is JSON");
    let mut runs: Vec<Run> = entries
        .iter()
        .filter(|(key, _)| key.starts_with(RUN_KEY_PREFIX))
        .map(|(key, text)| load_run(text).unwrap_or_else(|error| panic!("{key}: {error}")))
        .collect();
    assert_eq!(runs.len(), 3);
    let before = runs.clone();
    let mut companies = Vec::new();
    let placement = place_runs(&mut companies, &mut runs, None);
    assert_eq!(companies.len(), 1, "one person, one company: {companies:?}");
    assert_eq!(companies[0].name, "Müller & Söhne GmbH");
    assert_eq!(placement.placed_runs.len(), 3);
    for (placed, original) in runs.iter().zip(&before) {
        assert_eq!(placed.company_id, companies[0].id);
        let mut unplaced = placed.clone();
        unplaced.company_id.clear();
        assert_eq!(&unplaced, original, "placing changes nothing else");
        // Stored and read back, in this build's form.
        assert_eq!(load_run(&store_run(placed)).as_ref(), Ok(placed));
    }
}

#[test]
fn a_run_with_company_details_and_a_signed_declaration_loads() {
    let run = load_run(WITH_DECLARATION).expect("loads");
    assert_eq!(run.company_details.size, "25 Beschäftigte");
    assert_eq!(run.company_details.address, "Industriestraße 5\n50667 Köln");
    let entry = run
        .declaration("om-zeichen-faire-lieferkette")
        .expect("the declaration");
    assert_eq!(entry.date, "2026-12-01");
    let signed = entry.signed.as_ref().expect("signed");
    assert_eq!(signed.date, "2026-12-01");
    assert_eq!(signed.fingerprint.len(), 64);
    assert_eq!(
        run.changes.declarations["om-zeichen-faire-lieferkette"],
        Timestamp(1_796_050_000_000)
    );
    assert_eq!(load_run(&save_run(&run)), Ok(run));
}

const WITH_TEAM: &str = include_str!("saved/v1-with-team.json");
const WITH_PARTICIPATION: &str = include_str!("saved/v1-with-participation.json");

#[test]
fn a_team_assessment_loads_with_its_contributions_and_decisions() {
    let run = load_run(WITH_TEAM).expect("loads");
    let team = run.team.as_ref().expect("a team assessment");
    assert_eq!(team.id, "3f9a0c12d4e5b6a7");
    assert_eq!(team.contributions.len(), 2);
    assert_eq!(
        team.contributions["9f8e7d6c5b4a3921"].participant, "",
        "anonymous"
    );
    assert_eq!(
        team.decisions["kosten-senken"].reason,
        "Werkstatt hoch, Büro niedrig"
    );
    assert_eq!(
        team.changes.removed_contributions["1111111111111111"],
        Timestamp(1_798_830_000_000)
    );
    // The agreed ratings are the run's answers, so results and report use them unchanged.
    assert_eq!(
        run.answers["kosten-senken"].choice.as_deref(),
        Some("mittel")
    );
    assert!(checkwerk_core::saved::check_import_limits(&run).is_ok());
    let mut merged = run.clone();
    assert!(!merged.merge(&run), "merging with itself changes nothing");
}

#[test]
fn a_participants_run_loads_with_its_invitation() {
    let run = load_run(WITH_PARTICIPATION).expect("loads");
    let participation = run.participation.as_ref().expect("a participation");
    assert_eq!(
        participation.invitation.modules,
        ["nutzen", "risikobetrachtung"]
    );
    assert_eq!(participation.contribution_id, "0a1b2c3d4e5f6071");
    assert!(run.team.is_none());
}

#[test]
fn a_run_with_evidence_and_the_follow_up_of_its_measures_loads() {
    let run = load_run(WITH_FOLLOW_UP_AND_EVIDENCE).expect("loads");
    assert_eq!(
        run.answers["gebaeude"].evidence_link(),
        Some("https://intranet.example.de/energieausweis.pdf")
    );
    assert_eq!(
        run.answers["energie-erfassen"].evidence,
        "Ordner Energie, Regal 3"
    );
    assert_eq!(run.answers["energie-erfassen"].evidence_link(), None);
    let finished = &run.measures[0];
    assert_eq!(finished.status, MeasureStatus::Done);
    assert_eq!(finished.finished_date(), Date::new(2027, 2, 20));
    assert_eq!(finished.effect, Some(Effectiveness::Partial));
    // Reopened after a Kontrolle that found it did not work: no day finished, the finding kept.
    let reopened = &run.measures[1];
    assert_eq!(
        (reopened.status, reopened.finished.as_deref()),
        (MeasureStatus::Open, None)
    );
    assert_eq!(reopened.effect, Some(Effectiveness::Ineffective));
    assert_eq!(load_run(&save_run(&run)), Ok(run));
}

#[test]
fn a_run_without_declarations_is_saved_without_their_keys() {
    let run = load_run(WITH_ACTION_PLAN).expect("loads");
    let saved = save_run(&run);
    for key in ["company_details", "declarations"] {
        assert!(!saved.contains(&format!("\"{key}\"")), "{key} in {saved}");
    }
}

#[test]
fn earlier_files_read_as_measures_not_yet_followed_up_and_answers_without_evidence() {
    let run = load_run(WITH_CHANGE_STAMPS).expect("loads");
    let done = &run.measures[0];
    assert_eq!(done.status, MeasureStatus::Done);
    assert_eq!((done.finished.as_deref(), done.effect), (None, None));
    assert!(done.awaits_effect_check());
    assert!(run
        .answers
        .values()
        .all(|answer| answer.evidence.is_empty()));
    let saved = save_run(&run);
    for key in ["finished", "effect", "evidence"] {
        assert!(!saved.contains(&format!("\"{key}\"")), "{key} in {saved}");
    }
}
