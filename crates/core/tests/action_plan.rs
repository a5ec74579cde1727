//! The journey from ratings to an action plan on every shipped catalog, and to a Selbsterklärung where the catalog
//! supports one: Starthilfe, ratings, ten measures, readiness, exports and the summary.

use checkwerk_core::export::{measures_csv, measures_ics};
use checkwerk_core::readiness::readiness;
use checkwerk_core::report::summary;
use checkwerk_core::starthilfe::recommend;
use checkwerk_core::{evaluate, Date, Measure, Run, Timestamp};

use crate::catalogs::shipped_catalogs;
use crate::wording;

/// How many measures the journey plans: as many as the OM-Zeichen ask for.
const PLANNED: usize = 10;

#[test]
fn every_shipped_catalog_can_be_prepared_for_its_declarations() {
    for (name, catalog) in shipped_catalogs() {
        let mut run = Run::new("lauf", &catalog, Timestamp(0));
        run.set_company("Beispiel GmbH".into(), Timestamp(1));

        // Starthilfe: the last question gets the highest need, so it must be recommended.
        let mut expected_start = None;
        for question in &catalog.starthilfe {
            let scale = catalog.starthilfe_scale(question).expect("validated scale");
            let lowest = scale
                .levels
                .iter()
                .min_by_key(|level| level.need)
                .expect("levels");
            run.set_starthilfe(&question.module, Some(lowest.key.clone()), Timestamp(2));
        }
        if let Some(question) = catalog.starthilfe.last() {
            let scale = catalog.starthilfe_scale(question).expect("validated scale");
            let highest = scale
                .levels
                .iter()
                .max_by_key(|level| level.need)
                .expect("levels");
            let lowest = scale.levels.iter().map(|level| level.need).min();
            run.set_starthilfe(&question.module, Some(highest.key.clone()), Timestamp(2));
            if Some(highest.need) > lowest {
                expected_start = Some(question.module.clone());
            }
        }
        let recommendation = recommend(&catalog, &run);
        if let Some(expected) = expected_start {
            assert_eq!(
                recommendation.map(|r| r.module_id),
                Some(expected),
                "{name}"
            );
        }

        // Rate everything at its highest need and plan a measure for each of the first items.
        let mut planned = 0;
        for (module, item) in catalog.items() {
            let scale = catalog.scale_for(module, item).expect("validated scale");
            let highest = scale
                .levels
                .iter()
                .max_by_key(|level| level.need)
                .expect("levels");
            run.set_choice(&item.id, Some(highest.key.clone()), Timestamp(3));
            if planned < PLANNED {
                let mut measure = Measure::new(
                    format!("m{planned}"),
                    format!("Maßnahme zu {}", item.number),
                    vec![item.id.clone()],
                    Timestamp(4),
                );
                measure.urgency = run
                    .answer(&item.id)
                    .and_then(|answer| answer.urgency_on(scale));
                measure.responsible = "Frau Weber".into();
                measure.due = Some(format!("2026-{:02}-28", planned + 1));
                measure.control = "Wirksamkeit im Quartalsgespräch prüfen".into();
                run.upsert_measure(measure, Timestamp(4));
                planned += 1;
            }
        }
        for declaration in &catalog.declarations {
            let ready = readiness(&catalog, declaration, &run);
            let asked = declaration.min_measures as usize;
            assert_eq!(
                ready.missing_measures,
                asked.saturating_sub(planned),
                "{name}"
            );
            assert_eq!(ready.is_ready(), planned >= asked, "{name}: {ready:?}");
        }

        let csv = measures_csv(&catalog, &run, &wording::german());
        assert_eq!(csv.matches("\r\n").count(), planned + 1, "{name}");
        let ics = measures_ics(&catalog, &run, Timestamp(5), &wording::german());
        assert_eq!(ics.text.matches("BEGIN:VEVENT").count(), planned, "{name}");
        assert_eq!(ics.events, planned, "{name}");
        assert!(ics.undated.is_empty(), "{name}");
        assert!(
            ics.text.split("\r\n").all(|line| line.len() <= 75),
            "{name}"
        );

        let evaluation = evaluate(&catalog, &run);
        let today = Date::new(2026, 1, 1).expect("a date");
        let summary = summary(&catalog, &run, &evaluation, today);
        assert_eq!(
            summary.top_needs.len(),
            evaluation.needs.len().min(5),
            "{name}"
        );
        assert_eq!(summary.modules.len(), catalog.modules.len(), "{name}");
        assert_eq!(summary.need_count, evaluation.needs.len(), "{name}");
    }
}

/// The Energie One-Pager asks "Trifft das zu?" (Ja / Nein / Keine Relevanz) with a priority of its own: its
/// answers must read as what they say, not as a need scale's.
#[test]
fn the_yes_no_scales_of_the_energie_check_read_as_yes_and_no() {
    let (_, catalog) = shipped_catalogs()
        .into_iter()
        .find(|(_, catalog)| catalog.id == "energie-sparen")
        .expect("the Energie check is shipped");
    let mut run = Run::new("lauf", &catalog, Timestamp(0));
    let rate = |run: &mut Run, item: &str, choice: &str, priority: Option<u8>| {
        let (module, rated) = catalog.item(item).expect("item");
        let scale = catalog.scale_for(module, rated).expect("scale");
        run.set_priority(item, priority, Timestamp(1));
        run.rate(item, scale, Some(choice.into()), Timestamp(1));
    };
    rate(&mut run, "gebaeudenutzung", "nein", Some(3));
    rate(&mut run, "gebaeude", "ja", Some(1));
    rate(&mut run, "produktion", "ja", None);
    rate(&mut run, "rohstoffe-vorprodukte", "keine-relevanz", Some(1));
    rate(&mut run, "energie-erfassen", "nein", None);
    rate(&mut run, "beschaeftigte-einbeziehen", "ja", None);

    // "Keine Relevanz" takes no priority.
    assert_eq!(run.answers["rohstoffe-vorprodukte"].priority, None);
    let evaluation = evaluate(&catalog, &run);
    let needs: Vec<(&str, checkwerk_core::Urgency)> = evaluation
        .needs
        .iter()
        .map(|need| (need.item_id.as_str(), need.urgency))
        .collect();
    use checkwerk_core::Urgency::{High, Low};
    // "Ja · Priorität 1" is still to be tackled, urgently; "Nein · Priorität 3" is a need of low urgency.
    assert_eq!(
        needs,
        vec![
            ("energie-erfassen", High),
            ("gebaeude", High),
            ("gebaeudenutzung", Low)
        ]
    );
    let strengths: Vec<&str> = evaluation
        .strengths
        .iter()
        .map(|strength| strength.item_id.as_str())
        .collect();
    assert_eq!(strengths, vec!["produktion", "beschaeftigte-einbeziehen"]);
    // The two scales' "Ja" and "Nein" are one column each.
    let columns: Vec<(&str, usize)> = evaluation
        .overall
        .level_counts
        .iter()
        .map(|count| (count.label.as_str(), count.count))
        .collect();
    assert_eq!(columns, vec![("Ja", 3), ("Nein", 2)]);
    assert_eq!(catalog.not_relevant_label(), Some("Keine Relevanz"));
    assert!(catalog.asks_priority());
}
