//! Every released shape of the saved format keeps loading: one golden file per shape in `tests/saved/`.
//!
//! Never edit a golden file to make a test pass; a new shape gets a new file.

use checkwerk_core::saved::{load_run, save_run};
use checkwerk_core::{MeasureStatus, Timestamp, Urgency};

const BEFORE_ACTION_PLAN: &str = include_str!("saved/v1-before-action-plan.json");
const WITH_ACTION_PLAN: &str = include_str!("saved/v1-with-action-plan.json");

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
    for key in ["company", "starthilfe", "free_texts", "measures"] {
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
