//! The journey from ratings to a Selbsterklärung on every shipped catalog: Starthilfe, ratings, ten measures,
//! readiness, exports and the summary.

use checkwerk_core::export::{measures_csv, measures_ics};
use checkwerk_core::measure::suggested_urgency;
use checkwerk_core::readiness::{readiness, MIN_MEASURES};
use checkwerk_core::report::summary;
use checkwerk_core::starthilfe::recommend;
use checkwerk_core::{evaluate, Date, Measure, Run, Timestamp};

use crate::catalogs::shipped_catalogs;
use crate::wording;

#[test]
fn every_shipped_catalog_can_be_prepared_for_a_selbsterklaerung() {
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
            if planned < MIN_MEASURES {
                let mut measure = Measure::new(
                    format!("m{planned}"),
                    format!("Maßnahme zu {}", item.number),
                    vec![item.id.clone()],
                    Timestamp(4),
                );
                measure.urgency = Some(suggested_urgency(highest.need));
                measure.responsible = "Frau Weber".into();
                measure.due = Some(format!("2026-{:02}-28", planned + 1));
                measure.control = "Wirksamkeit im Quartalsgespräch prüfen".into();
                run.upsert_measure(measure, Timestamp(4));
                planned += 1;
            }
        }
        let ready = readiness(&catalog, &run);
        assert_eq!(ready.missing_measures, MIN_MEASURES - planned, "{name}");
        assert_eq!(
            ready.is_ready(),
            planned == MIN_MEASURES,
            "{name}: {ready:?}"
        );

        let csv = measures_csv(&catalog, &run, &wording::german());
        assert_eq!(csv.matches("\r\n").count(), planned + 1, "{name}");
        let ics = measures_ics(&catalog, &run, Timestamp(5), &wording::german());
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), planned, "{name}");
        assert!(ics.split("\r\n").all(|line| line.len() <= 75), "{name}");

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
