//! The declarations of the shipped catalogs, and the fingerprint of a declaration's record: the same content gives
//! the same fingerprint whatever order a saved file keeps answers and measures in, any change of a declared value
//! changes it, and what the record does not show (notes, names, ids, times) does not.

use checkwerk_core::company::place_runs;
use checkwerk_core::declaration::{joint_mismatches, joint_parts, Record, RecordCompany};
use checkwerk_core::fingerprint::{canonical_text, fingerprint, Fingerprint};
use checkwerk_core::saved::{load_run, save_run};
use checkwerk_core::{Catalog, Date, Measure, MeasureStatus, Run, Timestamp, Urgency};
use proptest::prelude::*;

use crate::catalogs::shipped_catalogs;

fn shipped(id: &str) -> Catalog {
    shipped_catalogs()
        .into_iter()
        .map(|(_, catalog)| catalog)
        .find(|catalog| catalog.id == id)
        .unwrap_or_else(|| panic!("no shipped catalog {id}"))
}

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap_or_else(|| panic!("{text} is a date"))
}

#[test]
fn only_the_checks_behind_an_om_zeichen_offer_a_declaration_of_their_own() {
    let mut own: Vec<(String, String)> = Vec::new();
    for (name, catalog) in shipped_catalogs() {
        if let Some(declaration) = catalog.own_declaration() {
            assert!(declaration.every_item_rated, "{name}");
            assert!(declaration.not_relevant_is_rated, "{name}");
            assert_eq!(declaration.min_measures, 10, "{name}");
            assert_eq!(declaration.validity_months, 24, "{name}");
            own.push((catalog.id.clone(), declaration.id.clone()));
        }
    }
    own.sort();
    assert_eq!(
        own,
        [
            (
                "arbeitsschutz-mit-methode".to_owned(),
                "om-zeichen-arbeitsschutz".to_owned()
            ),
            (
                "faire-lieferkette".to_owned(),
                "om-zeichen-faire-lieferkette".to_owned()
            ),
        ]
    );
}

#[test]
fn the_nachhaltigkeit_asks_four_supply_chain_three_safety_and_three_environment_measures() {
    let catalogs: Vec<Catalog> = shipped_catalogs().into_iter().map(|(_, c)| c).collect();
    let parts: Vec<(&str, &str, u32)> = joint_parts(&catalogs, "om-zeichen-nachhaltigkeit")
        .into_iter()
        .map(|(catalog, part)| (catalog.id.as_str(), part.part.as_str(), part.min_measures))
        .collect();
    assert_eq!(
        parts,
        [
            ("arbeitsschutz-mit-methode", "Arbeitsschutz", 3),
            ("faire-lieferkette", "Lieferkette", 4),
            ("umweltschutz", "Umweltschutz", 3),
        ]
    );
    assert!(joint_mismatches(&catalogs).is_empty());
}

#[test]
fn no_shipped_catalog_passes_our_words_off_as_the_official_text() {
    for (name, catalog) in shipped_catalogs() {
        let attribution = &catalog.attribution;
        assert!(!attribution.official, "{name}");
        assert_eq!(attribution.wording, "Checkwerk", "{name}");
        assert!(!attribution.structure.trim().is_empty(), "{name}");
        assert!(!attribution.licence.trim().is_empty(), "{name}");
    }
}

/// A small record of the check: two ratings, two measures, a company.
fn example() -> (Catalog, Run) {
    let catalog = shipped("faire-lieferkette");
    let mut run = Run::new("lauf", &catalog, Timestamp(1));
    run.set_company("Muster Metallbau GmbH".into(), Timestamp(2));
    run.set_company_details(
        checkwerk_core::run::CompanyDetails {
            address: "Industriestraße 5\r\n50667 Köln".into(),
            size: "25 Beschäftigte".into(),
            sector: "Metallbau".into(),
        },
        Timestamp(2),
    );
    run.set_choice("betroffenheit", Some("mittel".into()), Timestamp(3));
    run.set_evidence(
        "betroffenheit",
        "  Risikoanalyse 2026, Ordner Einkauf ".into(),
        Timestamp(3),
    );
    run.set_choice(
        "engagement-region",
        Some("nicht-relevant".into()),
        Timestamp(3),
    );
    let mut first = Measure::new(
        "m-1",
        "Lieferantenkodex\tan die fünf größten Lieferanten senden",
        vec!["vereinbarungen".into()],
        Timestamp(4),
    );
    first.urgency = Some(Urgency::High);
    first.responsible = "Frau Berger".into();
    first.due = Some("2027-03-31".into());
    first.control = "Unterschriebene Kodizes liegen vor".into();
    let mut second = Measure::new(
        "m-2",
        "Beschwerdeweg auf der Website",
        vec!["beschwerdeweg".into(), "grundsatz".into()],
        Timestamp(4),
    );
    second.urgency = Some(Urgency::Medium);
    second.responsible = "Herr Kaya".into();
    second.due = Some("2027-01-15".into());
    second.control = "Test-Hinweis kommt an".into();
    second.status = MeasureStatus::InProgress;
    run.upsert_measure(first, Timestamp(5));
    run.upsert_measure(second, Timestamp(5));
    (catalog, run)
}

fn record_of(catalog: &Catalog, run: &Run, day: Date) -> Record {
    let declaration = catalog.own_declaration().expect("A-3.7 has a declaration");
    Record::new(declaration, &[(catalog, run)], &company_of(run), day)
}

/// The company of a run that keeps its company's name and details itself, as runs saved before the company model
/// did: placed in a company the way the app does when it reads them, and named as that company's record says.
fn company_of(run: &Run) -> RecordCompany {
    let mut companies = Vec::new();
    place_runs(&mut companies, &mut [run.clone()], None);
    RecordCompany::of(&companies[0])
}

#[test]
fn the_canonical_text_is_as_documented() {
    let (catalog, run) = example();
    let text = canonical_text(&record_of(&catalog, &run, date("2026-12-01")));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "checkwerk-selbsterklaerung\t1",
            "declaration\tom-zeichen-faire-lieferkette",
            "date\t2026-12-01",
            "valid-until\t2028-12-01",
            "company\tMuster Metallbau GmbH\tIndustriestraße 5\\n50667 Köln\t25 Beschäftigte\tMetallbau",
            "part\tfaire-lieferkette\t2026-11\t",
        ]
    );
    assert_eq!(
        lines[6],
        "item\tbetroffenheit\t1.1\tmittel\t\tRisikoanalyse 2026, Ordner Einkauf"
    );
    assert_eq!(lines[7], "item\tnutzen-fairness\t1.2\t\t\t");
    assert!(lines.contains(&"item\tengagement-region\t3.7\tnicht-relevant\t\t"));
    let items = catalog.item_count();
    assert_eq!(
        lines[6 + items..],
        [
            "measure\t2027-01-15\tmittel\tBeschwerdeweg auf der Website\tgrundsatz,beschwerdeweg\tHerr Kaya\tTest-Hinweis kommt an\tin-arbeit",
            "measure\t2027-03-31\thoch\tLieferantenkodex\\tan die fünf größten Lieferanten senden\tvereinbarungen\tFrau Berger\tUnterschriebene Kodizes liegen vor\toffen",
            "end",
        ]
    );
    assert!(text.ends_with("end\n"));
}

/// What to do to a run's saved file without changing what it declares.
#[derive(Debug, Clone)]
struct Reordering {
    /// A permutation of the answers, by a rotation and a reversal.
    answers_rotate: usize,
    answers_reverse: bool,
    /// The same for the measures.
    measures_rotate: usize,
    measures_reverse: bool,
}

fn reordered<T: Clone>(items: &[T], rotate: usize, reverse: bool) -> Vec<T> {
    let mut items = items.to_vec();
    if !items.is_empty() {
        let by = rotate % items.len();
        items.rotate_left(by);
    }
    if reverse {
        items.reverse();
    }
    items
}

/// The run's saved text with its answers and measures written in another order.
fn saved_in_another_order(run: &Run, order: &Reordering) -> String {
    let saved = save_run(run);
    let answers = serde_json::to_string(&run.answers).expect("answers serialize");
    let entries: Vec<String> = run
        .answers
        .iter()
        .map(|(id, answer)| {
            format!(
                "{}:{}",
                serde_json::to_string(id).expect("a string"),
                serde_json::to_string(answer).expect("an answer")
            )
        })
        .collect();
    let shuffled_answers = format!(
        "{{{}}}",
        reordered(&entries, order.answers_rotate, order.answers_reverse).join(",")
    );
    let measures = serde_json::to_string(&run.measures).expect("measures serialize");
    let shuffled_measures = serde_json::to_string(&reordered(
        &run.measures,
        order.measures_rotate,
        order.measures_reverse,
    ))
    .expect("measures serialize");
    saved
        .replacen(
            &format!("\"answers\":{answers}"),
            &format!("\"answers\":{shuffled_answers}"),
            1,
        )
        .replacen(
            &format!("\"measures\":{measures}"),
            &format!("\"measures\":{shuffled_measures}"),
            1,
        )
}

/// A change to one value the record declares.
#[derive(Debug, Clone)]
enum DeclaredChange {
    Rating(usize),
    Evidence(usize),
    MeasureTitle(usize),
    MeasureResponsible(usize),
    MeasureControl(usize),
    MeasureDue(usize),
    MeasureUrgency(usize),
    MeasureStatus(usize),
    MeasureItems(usize),
    AnotherMeasure,
    NoMeasure(usize),
    CompanyName,
    CompanyAddress,
    CompanySize,
    CompanySector,
    Date,
}

fn declared_change() -> impl Strategy<Value = DeclaredChange> {
    prop_oneof![
        any::<usize>().prop_map(DeclaredChange::Rating),
        any::<usize>().prop_map(DeclaredChange::Evidence),
        any::<usize>().prop_map(DeclaredChange::MeasureTitle),
        any::<usize>().prop_map(DeclaredChange::MeasureResponsible),
        any::<usize>().prop_map(DeclaredChange::MeasureControl),
        any::<usize>().prop_map(DeclaredChange::MeasureDue),
        any::<usize>().prop_map(DeclaredChange::MeasureUrgency),
        any::<usize>().prop_map(DeclaredChange::MeasureStatus),
        any::<usize>().prop_map(DeclaredChange::MeasureItems),
        Just(DeclaredChange::AnotherMeasure),
        any::<usize>().prop_map(DeclaredChange::NoMeasure),
        Just(DeclaredChange::CompanyName),
        Just(DeclaredChange::CompanyAddress),
        Just(DeclaredChange::CompanySize),
        Just(DeclaredChange::CompanySector),
        Just(DeclaredChange::Date),
    ]
}

/// A run of the check with some ratings and measures drawn from small sets of values.
fn drawn_run() -> impl Strategy<Value = Run> {
    let catalog = shipped("faire-lieferkette");
    let items = catalog.item_count();
    let choices = prop::collection::vec(
        prop::option::of(prop::sample::select(vec![
            "hoch",
            "mittel",
            "niedrig",
            "nicht-relevant",
        ])),
        items,
    );
    let text = prop::sample::select(vec![
        "Kodex",
        "Kodex ",
        "Schulung",
        "Frau Berg",
        "Zeile 1\nZeile 2",
        "a\tb\\c",
        "",
    ]);
    let measure = (
        text.clone(),
        text.clone(),
        text,
        prop::option::of(prop::sample::select(vec![
            "2027-01-15",
            "2027-03-31",
            "2027-02-30",
            "bald",
        ])),
        prop::option::of(prop::sample::select(Urgency::ALL.to_vec())),
        prop::sample::select(MeasureStatus::ALL.to_vec()),
        prop::collection::vec(0..items + 1, 0..3),
    );
    (choices, prop::collection::vec(measure, 0..6)).prop_map(move |(choices, measures)| {
        let mut run = Run::new("lauf", &catalog, Timestamp(1));
        run.set_company("Muster GmbH".into(), Timestamp(2));
        let ids: Vec<String> = catalog.items().map(|(_, item)| item.id.clone()).collect();
        for (id, choice) in ids.iter().zip(choices) {
            run.set_choice(id, choice.map(str::to_owned), Timestamp(3));
        }
        for (index, (title, responsible, control, due, urgency, status, item_indexes)) in
            measures.into_iter().enumerate()
        {
            let item_ids = item_indexes
                .into_iter()
                .map(|index| {
                    ids.get(index)
                        .cloned()
                        .unwrap_or_else(|| "unbekannt".to_owned())
                })
                .collect();
            let mut measure = Measure::new(format!("m{index}"), title, item_ids, Timestamp(4));
            measure.responsible = responsible.to_owned();
            measure.control = control.to_owned();
            measure.due = due.map(str::to_owned);
            measure.urgency = urgency;
            measure.status = status;
            run.upsert_measure(measure, Timestamp(4));
        }
        run
    })
}

fn print_of(run: &Run, day: Date) -> Fingerprint {
    let catalog = shipped_catalog_cached();
    fingerprint(&record_of(catalog, run, day))
}

fn shipped_catalog_cached() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| shipped("faire-lieferkette"))
}

/// Applies a declared change; returns false when the drawn run has nothing to change that way.
fn apply(run: &mut Run, day: &mut Date, change: &DeclaredChange) -> bool {
    let catalog = shipped_catalog_cached();
    let ids: Vec<String> = catalog.items().map(|(_, item)| item.id.clone()).collect();
    let now = Timestamp(9);
    let measure_count = run.measures.len();
    let mut edit_measure = |index: usize, edit: &dyn Fn(&mut Measure)| {
        if measure_count == 0 {
            return false;
        }
        let mut measure = run.measures[index % measure_count].clone();
        edit(&mut measure);
        run.upsert_measure(measure, now);
        true
    };
    match change {
        DeclaredChange::Rating(index) => {
            let id = &ids[index % ids.len()];
            let next = match run.answer(id).and_then(|answer| answer.choice.as_deref()) {
                None => Some("hoch"),
                Some("hoch") => Some("mittel"),
                Some("mittel") => Some("niedrig"),
                Some("niedrig") => Some("nicht-relevant"),
                Some(_) => None,
            };
            run.set_choice(id, next.map(str::to_owned), now);
            true
        }
        DeclaredChange::Evidence(index) => {
            let id = &ids[index % ids.len()];
            let mut evidence = run
                .answer(id)
                .map(|answer| answer.evidence.clone())
                .unwrap_or_default();
            evidence.push_str("Ordner 2");
            run.set_evidence(id, evidence, now);
            true
        }
        DeclaredChange::MeasureTitle(index) => {
            edit_measure(*index, &|measure| measure.title.push_str(" neu"))
        }
        DeclaredChange::MeasureResponsible(index) => {
            edit_measure(*index, &|measure| measure.responsible.push_str(" neu"))
        }
        DeclaredChange::MeasureControl(index) => {
            edit_measure(*index, &|measure| measure.control.push_str(" neu"))
        }
        DeclaredChange::MeasureDue(index) => edit_measure(*index, &|measure| {
            measure.due = Some(match measure.due.as_deref() {
                Some("2028-06-30") => "2028-07-01".to_owned(),
                _ => "2028-06-30".to_owned(),
            })
        }),
        DeclaredChange::MeasureUrgency(index) => edit_measure(*index, &|measure| {
            measure.urgency = match measure.urgency {
                None => Some(Urgency::High),
                Some(Urgency::High) => Some(Urgency::Medium),
                Some(Urgency::Medium) => Some(Urgency::Low),
                Some(Urgency::Low) => None,
            }
        }),
        DeclaredChange::MeasureStatus(index) => edit_measure(*index, &|measure| {
            measure.status = match measure.status {
                MeasureStatus::Open => MeasureStatus::InProgress,
                MeasureStatus::InProgress => MeasureStatus::Done,
                MeasureStatus::Done => MeasureStatus::Open,
            }
        }),
        DeclaredChange::MeasureItems(index) => edit_measure(*index, &|measure| {
            if measure.item_ids.iter().any(|id| id == "transparenz") {
                measure.item_ids.retain(|id| id != "transparenz");
            } else {
                measure.item_ids.push("transparenz".into());
            }
        }),
        DeclaredChange::AnotherMeasure => {
            run.upsert_measure(Measure::new("neu", "Noch eine", vec![], now), now);
            true
        }
        DeclaredChange::NoMeasure(index) => {
            if measure_count == 0 {
                return false;
            }
            let id = run.measures[index % measure_count].id.clone();
            run.remove_measure(&id, now);
            true
        }
        DeclaredChange::CompanyName => {
            run.set_company(format!("{} AG", run.company), now);
            true
        }
        DeclaredChange::CompanyAddress
        | DeclaredChange::CompanySize
        | DeclaredChange::CompanySector => {
            let mut details = run.company_details.clone();
            let field = match change {
                DeclaredChange::CompanyAddress => &mut details.address,
                DeclaredChange::CompanySize => &mut details.size,
                _ => &mut details.sector,
            };
            field.push('x');
            run.set_company_details(details, now);
            true
        }
        DeclaredChange::Date => {
            *day = day.next_day();
            true
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_order_a_file_keeps_answers_and_measures_in_does_not_change_the_fingerprint(
        run in drawn_run(),
        answers_rotate in any::<usize>(),
        answers_reverse in any::<bool>(),
        measures_rotate in any::<usize>(),
        measures_reverse in any::<bool>(),
    ) {
        let day = date("2026-12-01");
        let order = Reordering { answers_rotate, answers_reverse, measures_rotate, measures_reverse };
        let text = saved_in_another_order(&run, &order);
        let reloaded = load_run(&text).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(reloaded.answers.len(), run.answers.len());
        prop_assert_eq!(print_of(&reloaded, day), print_of(&run, day));
    }

    #[test]
    fn any_change_of_a_declared_value_changes_the_fingerprint(
        run in drawn_run(),
        change in declared_change(),
    ) {
        let day = date("2026-12-01");
        let before = print_of(&run, day);
        let mut changed = run.clone();
        let mut changed_day = day;
        prop_assume!(apply(&mut changed, &mut changed_day, &change));
        prop_assert_ne!(print_of(&changed, changed_day), before, "{:?}", change);
    }

    #[test]
    fn what_the_record_does_not_show_leaves_the_fingerprint_alone(run in drawn_run(), note in ".{0,20}") {
        let day = date("2026-12-01");
        let before = print_of(&run, day);
        let mut changed = run.copy_as_new("anderer-lauf", "Anderer Name", Timestamp(99));
        if let Some(id) = changed.answers.keys().next().cloned() {
            changed.set_note(&id, note, Timestamp(100));
        }
        changed.set_starthilfe("voraussetzungen", Some("hoch".into()), Timestamp(100));
        changed.set_free_text("unterstuetzung", "Kammer".into(), Timestamp(100));
        for measure in &mut changed.measures {
            measure.id = format!("{}-kopie", measure.id);
            measure.created_at = Timestamp(101);
        }
        prop_assert_eq!(print_of(&changed, day), before);
    }
}
