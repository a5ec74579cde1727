//! Readiness for a Selbsterklärung: what is still missing before a company can sign a declaration a check
//! supports.
//!
//! The rules come from the catalog ([`Declaration`]): whether every Check-Punkt must be rated (and whether "not
//! relevant" counts as a rating), and how many measures the action plan must hold at least, each described and
//! rated by urgency, with a responsible person, a date and a check of its effect. For the OM-Zeichen that is every
//! point rated and at least ten measures. The foundation's own review runs elsewhere; this only helps to prepare
//! for it.

use crate::catalog::{Catalog, Declaration};
use crate::measure::Measure;
use crate::run::Run;

/// A field a measure must fill to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MissingField {
    /// What is to be done.
    Title,
    /// Dringlichkeit.
    Urgency,
    /// Wer.
    Responsible,
    /// Bis wann, as a valid date.
    Due,
    /// Kontrolle: how the effect is checked.
    Control,
}

impl MissingField {
    /// Every field, in the order a form shows them.
    pub const ALL: [MissingField; 5] = [
        MissingField::Title,
        MissingField::Urgency,
        MissingField::Responsible,
        MissingField::Due,
        MissingField::Control,
    ];

    /// Whether a measure lacks this field. Blank text counts as missing, and so does a date that is not valid.
    pub fn is_missing_in(self, measure: &Measure) -> bool {
        match self {
            MissingField::Title => measure.title.trim().is_empty(),
            MissingField::Urgency => measure.urgency.is_none(),
            MissingField::Responsible => measure.responsible.trim().is_empty(),
            MissingField::Due => measure.due_date().is_none(),
            MissingField::Control => measure.control.trim().is_empty(),
        }
    }
}

/// A measure that does not count yet, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncompleteMeasure {
    /// The measure's id.
    pub measure_id: String,
    /// Its missing fields, in form order.
    pub missing: Vec<MissingField>,
}

/// What stands between a run and its Selbsterklärung.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// Items without a valid rating, in catalog order; empty when the declaration does not ask for every rating.
    /// Whether "not relevant" counts as a rating is the declaration's rule.
    pub unrated_items: Vec<String>,
    /// How many complete measures the declaration asks for.
    pub min_measures: usize,
    /// Measures with every field filled.
    pub complete_measures: usize,
    /// How many more complete measures are needed to reach `min_measures`.
    pub missing_measures: usize,
    /// Measures with missing fields, in the run's order.
    pub incomplete_measures: Vec<IncompleteMeasure>,
}

impl Readiness {
    /// Whether the run meets every rule.
    ///
    /// Every measure in the plan must be complete, not only ten of them: the rule says "each", and a half-filled
    /// measure in a handed-over plan would be queried by the foundation.
    pub fn is_ready(&self) -> bool {
        self.unrated_items.is_empty()
            && self.missing_measures == 0
            && self.incomplete_measures.is_empty()
    }
}

/// Checks a run against the rules of one of its catalog's declarations.
pub fn readiness(catalog: &Catalog, declaration: &Declaration, run: &Run) -> Readiness {
    let counts_as_rated = |scale: &crate::catalog::Scale, choice: &str| {
        scale.level(choice).is_some()
            || (declaration.not_relevant_is_rated && scale.is_not_relevant(choice))
    };
    let unrated_items = if declaration.every_item_rated {
        catalog
            .items()
            .filter(|(module, item)| {
                let choice = run
                    .answer(&item.id)
                    .and_then(|answer| answer.choice.as_deref());
                let scale = catalog.scale_for(module, item);
                !matches!((scale, choice), (Some(scale), Some(choice)) if counts_as_rated(scale, choice))
            })
            .map(|(_, item)| item.id.clone())
            .collect()
    } else {
        Vec::new()
    };

    let mut complete_measures = 0;
    let mut incomplete_measures = Vec::new();
    for measure in &run.measures {
        let missing: Vec<MissingField> = MissingField::ALL
            .into_iter()
            .filter(|field| field.is_missing_in(measure))
            .collect();
        if missing.is_empty() {
            complete_measures += 1;
        } else {
            incomplete_measures.push(IncompleteMeasure {
                measure_id: measure.id.clone(),
                missing,
            });
        }
    }

    let min_measures = usize::try_from(declaration.min_measures).unwrap_or(usize::MAX);
    Readiness {
        unrated_items,
        min_measures,
        complete_measures,
        missing_measures: min_measures.saturating_sub(complete_measures),
        incomplete_measures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;
    use crate::measure::Urgency;
    use crate::testing;

    fn complete(id: &str) -> Measure {
        let mut measure = Measure::new(id, "Unterweisung durchführen", vec![], Timestamp(1));
        measure.urgency = Some(Urgency::Medium);
        measure.responsible = "Frau Berg".into();
        measure.due = Some("2026-06-30".into());
        measure.control = "Teilnehmerliste prüfen".into();
        measure
    }

    fn rate_everything(run: &mut Run) {
        for (_, item) in testing::catalog().items() {
            run.set_choice(&item.id, Some("mittel".into()), Timestamp(1));
        }
    }

    #[test]
    fn nine_complete_and_two_incomplete_measures_say_exactly_what_is_missing() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        rate_everything(&mut run);
        for index in 0..9 {
            run.upsert_measure(complete(&format!("m{index}")), Timestamp(2));
        }
        let mut no_owner_bad_date = complete("ohne-wer");
        no_owner_bad_date.responsible = "  ".into();
        no_owner_bad_date.due = Some("2026-02-30".into());
        run.upsert_measure(no_owner_bad_date, Timestamp(2));
        let draft = Measure::new("entwurf", "", vec![], Timestamp(2));
        run.upsert_measure(draft, Timestamp(2));

        let readiness = readiness(&catalog, &testing::declaration(), &run);
        assert_eq!(readiness.complete_measures, 9);
        assert_eq!(readiness.missing_measures, 1);
        assert_eq!(
            readiness.incomplete_measures,
            vec![
                IncompleteMeasure {
                    measure_id: "ohne-wer".into(),
                    missing: vec![MissingField::Responsible, MissingField::Due],
                },
                IncompleteMeasure {
                    measure_id: "entwurf".into(),
                    missing: MissingField::ALL.to_vec(),
                },
            ]
        );
        assert!(readiness.unrated_items.is_empty());
        assert!(!readiness.is_ready());
    }

    #[test]
    fn ten_complete_measures_and_every_item_rated_is_ready() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        rate_everything(&mut run);
        run.set_choice("ziele", Some("nicht-relevant".into()), Timestamp(3));
        for index in 0..10 {
            run.upsert_measure(complete(&format!("m{index}")), Timestamp(2));
        }
        let ready = readiness(&catalog, &testing::declaration(), &run);
        assert_eq!(ready.missing_measures, 0);
        assert!(ready.is_ready(), "{ready:?}");

        run.upsert_measure(
            Measure::new("neu", "Noch offen", vec![], Timestamp(4)),
            Timestamp(4),
        );
        assert!(
            !readiness(&catalog, &testing::declaration(), &run).is_ready(),
            "an unfinished eleventh measure still has to be completed"
        );
    }

    #[test]
    fn unknown_choices_and_notes_alone_count_as_unrated() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        rate_everything(&mut run);
        run.set_choice("ziele", Some("sehr-hoch".into()), Timestamp(2));
        run.set_choice("verantwortung", None, Timestamp(2));
        run.set_note("verantwortung", "Noch klären".into(), Timestamp(2));
        run.set_choice("nutzen", None, Timestamp(2));
        let readiness = readiness(&catalog, &testing::declaration(), &run);
        assert_eq!(
            readiness.unrated_items,
            vec!["nutzen", "ziele", "verantwortung"],
            "in catalog order"
        );
        assert_eq!(readiness.missing_measures, 10);
    }

    #[test]
    fn the_rules_come_from_the_declaration() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        rate_everything(&mut run);
        run.set_choice("ziele", Some("nicht-relevant".into()), Timestamp(2));
        for index in 0..3 {
            run.upsert_measure(complete(&format!("m{index}")), Timestamp(2));
        }

        let strict = Declaration {
            not_relevant_is_rated: false,
            ..testing::declaration()
        };
        let state = readiness(&catalog, &strict, &run);
        assert_eq!(
            state.unrated_items,
            vec!["ziele"],
            "not relevant is no rating here"
        );
        assert_eq!((state.min_measures, state.missing_measures), (10, 7));

        let share = Declaration {
            part: "Umwelt".into(),
            every_item_rated: false,
            min_measures: 3,
            ..testing::declaration()
        };
        run.set_choice("nutzen", None, Timestamp(3));
        let state = readiness(&catalog, &share, &run);
        assert!(
            state.unrated_items.is_empty(),
            "a share asks for measures only"
        );
        assert!(state.is_ready(), "{state:?}");
    }
}
