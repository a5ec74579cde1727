//! Starthilfe: "Mit welchem Thema des Checks beginnen?" One short question per module; the module where the
//! company sees the highest need is where it should start.

use crate::catalog::Catalog;
use crate::run::Run;

/// Where to begin, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// The module to begin with.
    pub module_id: String,
    /// The need (0–100) the company sees there.
    pub need: u8,
    /// Other modules with the same need, in catalog order; good candidates for what comes next.
    pub tied_with: Vec<String>,
    /// The catalog's label of the level chosen for the recommended module, e.g. „hoch".
    pub level_label: Option<String>,
    /// Whether that level reports a need for action. At the scale's no-need end there is no "highest need" to
    /// speak of, only a place to start.
    pub reports_need: bool,
}

/// The module with the highest need among the answered Starthilfe questions.
///
/// A "not relevant" answer and a key the question's scale does not know are ignored. Ties go to the module that
/// comes first in the catalog. `None` when nothing usable is answered.
pub fn recommend(catalog: &Catalog, run: &Run) -> Option<Recommendation> {
    // (position of the module in the catalog, module id, need, level label, whether it reports need)
    let mut answered: Vec<(usize, &str, u8, &str, bool)> = catalog
        .starthilfe
        .iter()
        .filter_map(|question| {
            let position = catalog
                .modules
                .iter()
                .position(|module| module.id == question.module)?;
            let choice = run.starthilfe.get(&question.module)?;
            let scale = catalog.starthilfe_scale(question)?;
            let level = scale.level(choice)?;
            Some((
                position,
                question.module.as_str(),
                level.need,
                level.label.as_str(),
                scale.reports_need(choice),
            ))
        })
        .collect();
    let highest = answered.iter().map(|(_, _, need, _, _)| *need).max()?;
    answered.retain(|(_, _, need, _, _)| *need == highest);
    answered.sort_by_key(|(position, ..)| *position);
    // Two questions for one module would otherwise list it as tied with itself.
    answered.dedup_by_key(|(position, ..)| *position);
    let (_, module_id, _, level_label, reports_need) = *answered.first()?;
    Some(Recommendation {
        module_id: module_id.to_owned(),
        need: highest,
        tied_with: answered[1..]
            .iter()
            .map(|(_, module_id, ..)| (*module_id).to_owned())
            .collect(),
        level_label: Some(level_label.to_owned()),
        reports_need,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;
    use crate::testing;

    fn run_with(answers: &[(&str, &str)]) -> Run {
        let mut run = testing::run();
        for (module, choice) in answers {
            run.set_starthilfe(module, Some((*choice).into()), Timestamp(1));
        }
        run
    }

    #[test]
    fn nothing_usable_answered_recommends_nothing() {
        let catalog = testing::catalog();
        assert_eq!(recommend(&catalog, &run_with(&[])), None);
        let ignored = run_with(&[
            ("einstieg", "nicht-relevant"),
            ("risiken", "sehr-hoch"),
            ("gibt-es-nicht", "hoch"),
        ]);
        assert_eq!(recommend(&catalog, &ignored), None);
    }

    #[test]
    fn the_highest_need_wins() {
        let catalog = testing::catalog();
        let run = run_with(&[
            ("einstieg", "mittel"),
            ("risiken", "hoch"),
            ("fuehrung", "niedrig"),
        ]);
        let recommendation = recommend(&catalog, &run).expect("answered");
        assert_eq!(
            recommendation,
            Recommendation {
                module_id: "risiken".into(),
                need: 100,
                tied_with: vec![],
                level_label: Some("hoch".into()),
                reports_need: true,
            }
        );
    }

    #[test]
    fn ties_go_to_the_first_module_in_catalog_order_and_name_the_others() {
        let mut catalog = testing::catalog();
        // The questions' order must not matter, only the modules'.
        catalog.starthilfe.reverse();
        let run = run_with(&[
            ("fuehrung", "mittel"),
            ("risiken", "mittel"),
            ("einstieg", "mittel"),
        ]);
        let recommendation = recommend(&catalog, &run).expect("answered");
        assert_eq!(recommendation.module_id, "einstieg");
        assert_eq!(recommendation.tied_with, vec!["risiken", "fuehrung"]);
        assert_eq!(recommendation.level_label.as_deref(), Some("mittel"));
        let two = run_with(&[("fuehrung", "hoch"), ("risiken", "hoch")]);
        let recommendation = recommend(&catalog, &two).expect("answered");
        assert_eq!(
            (recommendation.module_id.as_str(), recommendation.tied_with),
            ("risiken", vec!["fuehrung".to_owned()])
        );
    }

    #[test]
    fn no_need_anywhere_still_names_a_start_without_praise() {
        let catalog = testing::catalog();
        let run = run_with(&[("risiken", "niedrig"), ("fuehrung", "niedrig")]);
        let recommendation = recommend(&catalog, &run).expect("answered");
        assert_eq!(recommendation.module_id, "risiken");
        assert_eq!(recommendation.need, 0);
        assert!(!recommendation.reports_need);
        assert_eq!(recommendation.tied_with, vec!["fuehrung"]);
    }
}
