//! Two tabs edit copies of the same run; merging the copies loses no change that is newer than what it meets.
//!
//! Each case starts both copies from one run, applies a random sequence of the edits the front end makes to each
//! (tab A's clock on even, tab B's on odd milliseconds, so times never tie), and checks the merge against what
//! happened: for every answer and measure, the copy whose last edit of it came later wins it as a whole; name,
//! company, Starthilfe answers and free texts end as if all edits had been made in one tab in time order.

use std::collections::BTreeMap;

use checkwerk_core::{Measure, Run, Timestamp};
use proptest::prelude::*;

use crate::properties::CASES;

const ITEMS: &[&str] = &["1.1", "1.2", "1.3"];
const MEASURES: &[&str] = &["a", "b", "c"];

/// An edit the front end makes to a run.
#[derive(Debug, Clone)]
enum Edit {
    Choice(&'static str, Option<&'static str>),
    Priority(&'static str, Option<u8>),
    Note(&'static str, &'static str),
    Rename(&'static str),
    Company(&'static str),
    Starthilfe(&'static str, Option<&'static str>),
    FreeText(&'static str, &'static str),
    ChangeMeasure(&'static str, &'static str),
    RemoveMeasure(&'static str),
    UndoRemoval,
}

fn edit() -> impl Strategy<Value = Edit> {
    let item = prop::sample::select(ITEMS.to_vec());
    let measure = prop::sample::select(MEASURES.to_vec());
    let word = prop::sample::select(vec!["", "x", "y", "Köln"]);
    prop_oneof![
        (
            item.clone(),
            prop::option::of(prop::sample::select(vec!["hoch", "mittel"]))
        )
            .prop_map(|(i, c)| Edit::Choice(i, c)),
        (item.clone(), prop::option::of(1u8..4)).prop_map(|(i, p)| Edit::Priority(i, p)),
        (item, word.clone()).prop_map(|(i, n)| Edit::Note(i, n)),
        word.clone().prop_map(Edit::Rename),
        word.clone().prop_map(Edit::Company),
        (
            prop::sample::select(vec!["m1", "m2"]),
            prop::option::of(prop::sample::select(vec!["hoch", "niedrig"]))
        )
            .prop_map(|(m, c)| Edit::Starthilfe(m, c)),
        (prop::sample::select(vec!["f1", "f2"]), word.clone())
            .prop_map(|(f, t)| Edit::FreeText(f, t)),
        (measure.clone(), word).prop_map(|(m, t)| Edit::ChangeMeasure(m, t)),
        measure.prop_map(Edit::RemoveMeasure),
        Just(Edit::UndoRemoval),
    ]
}

/// What an edit touches, for deciding which copy's version of it must win.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Touched {
    Answer(&'static str),
    Measure(&'static str),
    Other,
}

/// A tab: its copy of the run and the deletion it could still undo.
struct Tab {
    run: Run,
    undo: Option<(usize, Measure)>,
    /// When this tab last touched each answer and measure.
    touched: BTreeMap<Touched, i64>,
}

impl Tab {
    fn apply(&mut self, edit: &Edit, at: i64) {
        let now = Timestamp(at);
        let run = &mut self.run;
        let touched = match *edit {
            Edit::Choice(item, choice) => {
                run.set_choice(item, choice.map(str::to_owned), now);
                Touched::Answer(item)
            }
            Edit::Priority(item, priority) => {
                run.set_priority(item, priority, now);
                Touched::Answer(item)
            }
            Edit::Note(item, note) => {
                run.set_note(item, note.to_owned(), now);
                Touched::Answer(item)
            }
            Edit::Rename(name) => {
                run.rename(name.to_owned(), now);
                Touched::Other
            }
            Edit::Company(company) => {
                run.set_company(company.to_owned(), now);
                Touched::Other
            }
            Edit::Starthilfe(module, choice) => {
                run.set_starthilfe(module, choice.map(str::to_owned), now);
                Touched::Other
            }
            Edit::FreeText(id, text) => {
                run.set_free_text(id, text.to_owned(), now);
                Touched::Other
            }
            Edit::ChangeMeasure(id, title) => {
                // As the editor does: change this tab's copy of the measure and store it whole.
                let mut measure = run
                    .measure(id)
                    .cloned()
                    .unwrap_or_else(|| Measure::new(id, "", vec![], now));
                measure.title = title.to_owned();
                run.upsert_measure(measure, now);
                Touched::Measure(id)
            }
            Edit::RemoveMeasure(id) => {
                match run.remove_measure(id, now) {
                    Some(removed) => self.undo = Some(removed),
                    None => return,
                }
                Touched::Measure(id)
            }
            Edit::UndoRemoval => {
                let Some((index, measure)) = self.undo.take() else {
                    return;
                };
                let id = MEASURES
                    .iter()
                    .copied()
                    .find(|id| *id == measure.id)
                    .unwrap_or("a");
                run.restore_measure(index, measure, now);
                Touched::Measure(id)
            }
        };
        self.touched.insert(touched, at);
    }
}

fn base_run() -> Run {
    let mut run: Run =
        serde_json::from_str(r#"{"id":"r","catalog_id":"c","created_at":1,"updated_at":1}"#)
            .expect("a run");
    run.set_choice("1.1", Some("hoch".into()), Timestamp(2));
    run.set_note("1.2", "Basis".into(), Timestamp(3));
    run.upsert_measure(
        Measure::new("a", "Basis", vec![], Timestamp(4)),
        Timestamp(4),
    );
    run.upsert_measure(
        Measure::new("b", "Basis", vec![], Timestamp(4)),
        Timestamp(5),
    );
    run.rename("Basis".into(), Timestamp(6));
    run
}

/// Both tabs after their edits, and all edits in time order.
fn two_tabs(left: &[Edit], right: &[Edit]) -> (Tab, Tab, Vec<(i64, Edit)>) {
    let mut tabs = [left, right].map(|_| Tab {
        run: base_run(),
        undo: None,
        touched: BTreeMap::new(),
    });
    let mut all = Vec::new();
    for (side, edits) in [left, right].into_iter().enumerate() {
        for (step, edit) in edits.iter().enumerate() {
            let at = 100 + 2 * (step as i64 * 3 + side as i64 * 5) + side as i64;
            tabs[side].apply(edit, at);
            all.push((at, edit.clone()));
        }
    }
    all.sort_by_key(|(at, _)| *at);
    let [a, b] = tabs;
    (a, b, all)
}

/// The run without measure order and without the bookkeeping that only merging reads.
fn content(run: &Run) -> Run {
    let mut run = run.clone();
    run.measures.sort_by(|a, b| a.id.cmp(&b.id));
    run
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::volume::cases(CASES)))]

    #[test]
    fn the_later_edit_of_each_answer_and_measure_wins(
        left in prop::collection::vec(edit(), 0..12),
        right in prop::collection::vec(edit(), 0..12),
    ) {
        let (a, b, _) = two_tabs(&left, &right);
        let mut merged = a.run.clone();
        merged.merge(&b.run);
        for item in ITEMS {
            let key = Touched::Answer(item);
            let winner = match (a.touched.get(&key), b.touched.get(&key)) {
                (Some(x), Some(y)) if y > x => &b.run,
                (None, Some(_)) => &b.run,
                _ => &a.run,
            };
            prop_assert_eq!(merged.answer(item), winner.answer(item), "answer {}", item);
        }
        for id in MEASURES {
            let key = Touched::Measure(id);
            let winner = match (a.touched.get(&key), b.touched.get(&key)) {
                (Some(x), Some(y)) if y > x => &b.run,
                (None, Some(_)) => &b.run,
                _ => &a.run,
            };
            prop_assert_eq!(merged.measure(id), winner.measure(id), "measure {}", id);
        }
        let ids: std::collections::BTreeSet<&str> = merged.measures.iter().map(|m| m.id.as_str()).collect();
        prop_assert_eq!(ids.len(), merged.measures.len(), "no measure twice");
    }

    #[test]
    fn fields_end_as_if_all_edits_were_made_in_one_tab(
        left in prop::collection::vec(edit(), 0..12),
        right in prop::collection::vec(edit(), 0..12),
    ) {
        let (a, b, all) = two_tabs(&left, &right);
        let mut merged = a.run.clone();
        merged.merge(&b.run);
        let mut serial = Tab { run: base_run(), undo: None, touched: BTreeMap::new() };
        for (at, edit) in &all {
            if matches!(edit, Edit::Choice(..) | Edit::Priority(..) | Edit::Note(..) | Edit::ChangeMeasure(..) | Edit::RemoveMeasure(_) | Edit::UndoRemoval) {
                continue;
            }
            serial.apply(edit, *at);
        }
        prop_assert_eq!(&merged.name, &serial.run.name);
        prop_assert_eq!(&merged.company, &serial.run.company);
        prop_assert_eq!(&merged.starthilfe, &serial.run.starthilfe);
        prop_assert_eq!(&merged.free_texts, &serial.run.free_texts);
    }

    #[test]
    fn merging_is_commutative_idempotent_and_associative(
        left in prop::collection::vec(edit(), 0..10),
        right in prop::collection::vec(edit(), 0..10),
        third in prop::collection::vec(edit(), 0..10),
    ) {
        let (a, b, _) = two_tabs(&left, &right);
        let (c, _, _) = two_tabs(&third, &[]);
        let (a, b, c) = (a.run, b.run, c.run);
        let merge = |x: &Run, y: &Run| { let mut x = x.clone(); x.merge(y); x };
        let ab = merge(&a, &b);
        prop_assert_eq!(content(&ab), content(&merge(&b, &a)), "commutative");
        prop_assert_eq!(&merge(&ab, &b), &ab, "idempotent");
        prop_assert_eq!(&merge(&ab, &a), &ab, "idempotent");
        prop_assert_eq!(content(&merge(&ab, &c)), content(&merge(&a, &merge(&b, &c))), "associative");
        // What a tab saves after merging loads back the same.
        prop_assert_eq!(checkwerk_core::saved::load_run(&checkwerk_core::saved::save_run(&ab)), Ok(ab));
    }

    /// Two tabs open on the same run pass it back and forth the way the front end does: a tab that hears of the
    /// other's save merges it in, and saves again (merging what is stored, then writing) only when the stored copy
    /// lacks a newer change of its own. That exchange must settle at once, with both tabs holding the same content,
    /// and never go back and forth for ever (e.g. over measures the two tabs keep in a different order).
    #[test]
    fn tabs_passing_a_run_back_and_forth_settle_at_once(
        left in prop::collection::vec(edit(), 0..12),
        right in prop::collection::vec(edit(), 0..12),
    ) {
        let (a, b, _) = two_tabs(&left, &right);
        let mut tabs = [a.run, b.run];
        // Tab 1 saves; from then on, whoever hears of a save may answer with one of its own.
        let mut stored = tabs[1].clone();
        let mut listener = 0;
        let mut saves = 0;
        loop {
            let stored_misses_ours = stored.clone().merge(&tabs[listener]);
            tabs[listener].merge(&stored);
            if !stored_misses_ours {
                break;
            }
            // Saving merges what is stored (unchanged here) and writes the tab's copy.
            stored = tabs[listener].clone();
            saves += 1;
            prop_assert!(saves <= 1, "saved again {} times", saves);
            listener = 1 - listener;
        }
        prop_assert_eq!(content(&tabs[0]), content(&stored));
        prop_assert_eq!(content(&tabs[1]), content(&stored));
    }
}
