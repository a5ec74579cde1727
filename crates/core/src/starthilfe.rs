//! Starthilfe: "Mit welchem Thema des Checks beginnen?" One short question per module; the module where the
//! company sees the highest need is where it should start.

use crate::catalog::{Catalog, Module};
use crate::evaluation::is_rated;
use crate::run::Run;

/// Where to work next, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// The module to work on.
    pub module_id: String,
    /// The need (0–100) the company sees there.
    pub need: u8,
    /// Other modules with the same need that are not yet fully rated, in catalog order; good candidates for what
    /// comes next.
    pub tied_with: Vec<String>,
    /// The catalog's label of the level chosen for the recommended module, e.g. „hoch".
    pub level_label: Option<String>,
    /// Whether that level reports a need for action. At the scale's no-need end there is no "highest need" to
    /// speak of, only a place to start.
    pub reports_need: bool,
    /// How many of the module's items are rated: a module already begun is to be continued, not begun.
    pub rated: usize,
    /// How many items the module has.
    pub total: usize,
    /// Modules the answers rank above this one (or level with it, earlier in the check) that are fully rated
    /// already, in the order they would have been recommended.
    pub completed: Vec<String>,
}

/// What the Starthilfe advises, given its answers and how far the Bausteine are rated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// No usable answer yet: nothing to recommend.
    Unanswered,
    /// The module to work on next.
    Next(Recommendation),
    /// Every module the answers point to is fully rated.
    AllRated {
        /// Those modules, in the order they were recommended.
        modules: Vec<String>,
        /// The first module of the check that is not fully rated yet, if any.
        next_open: Option<String>,
    },
}

/// How many items of a module the run has rated ("not relevant" included).
fn rated_in(catalog: &Catalog, module: &Module, run: &Run) -> usize {
    module
        .items
        .iter()
        .filter(|item| is_rated(catalog.scale_for(module, item), run.answer(&item.id)))
        .count()
}

/// The module with the highest need among the answered Starthilfe questions whose items are not all rated yet.
///
/// A "not relevant" answer and a key the question's scale does not know are ignored. Ties go to the module that
/// comes first in the catalog. A module whose items are all rated is done: the advice moves on to the next one,
/// and says which were done, rather than sending the user back to where they finished.
pub fn advise(catalog: &Catalog, run: &Run) -> Advice {
    // (position of the module in the catalog, module, need, level label, whether it reports need)
    let mut answered: Vec<(usize, &Module, u8, &str, bool)> = catalog
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
                &catalog.modules[position],
                level.need,
                level.label.as_str(),
                scale.reports_need(choice),
            ))
        })
        .collect();
    if answered.is_empty() {
        return Advice::Unanswered;
    }
    // Highest need first, catalog order among equals; two questions for one module count once.
    answered.sort_by_key(|(position, _, need, ..)| (std::cmp::Reverse(*need), *position));
    let mut seen = std::collections::BTreeSet::new();
    answered.retain(|(position, ..)| seen.insert(*position));

    let is_complete = |module: &Module| rated_in(catalog, module, run) >= module.items.len();
    let Some(first_open) = answered
        .iter()
        .position(|(_, module, ..)| !is_complete(module))
    else {
        let next_open = catalog
            .modules
            .iter()
            .find(|module| !is_complete(module))
            .map(|module| module.id.clone());
        return Advice::AllRated {
            modules: answered
                .iter()
                .map(|(_, module, ..)| module.id.clone())
                .collect(),
            next_open,
        };
    };
    let (_, module, need, level_label, reports_need) = answered[first_open];
    let mut tied_with: Vec<(usize, String)> = answered[first_open + 1..]
        .iter()
        .filter(|(_, other, other_need, ..)| *other_need == need && !is_complete(other))
        .map(|(position, other, ..)| (*position, other.id.clone()))
        .collect();
    tied_with.sort();
    Advice::Next(Recommendation {
        module_id: module.id.clone(),
        need,
        tied_with: tied_with.into_iter().map(|(_, id)| id).collect(),
        level_label: Some(level_label.to_owned()),
        reports_need,
        rated: rated_in(catalog, module, run),
        total: module.items.len(),
        completed: answered[..first_open]
            .iter()
            .map(|(_, module, ..)| module.id.clone())
            .collect(),
    })
}

/// The recommendation of [`advise`], where there is a module to work on.
pub fn recommend(catalog: &Catalog, run: &Run) -> Option<Recommendation> {
    match advise(catalog, run) {
        Advice::Next(recommendation) => Some(recommendation),
        Advice::Unanswered | Advice::AllRated { .. } => None,
    }
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
                rated: 0,
                total: 2,
                completed: vec![],
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

    #[test]
    fn a_fully_rated_module_is_done_and_the_advice_moves_on() {
        let catalog = testing::catalog();
        let mut run = run_with(&[
            ("einstieg", "mittel"),
            ("risiken", "hoch"),
            ("fuehrung", "hoch"),
        ]);
        let risiken = catalog.module("risiken").expect("module");
        // Begun: continue there.
        let first = &risiken.items[0].id;
        run.set_choice(first, Some("niedrig".into()), Timestamp(2));
        let Advice::Next(begun) = advise(&catalog, &run) else {
            panic!("a module to work on");
        };
        assert_eq!((begun.module_id.as_str(), begun.rated), ("risiken", 1));
        assert_eq!(begun.tied_with, vec!["fuehrung"]);
        // Done: the next one, naming the finished one; the tie is gone with it.
        for item in &risiken.items {
            run.set_choice(&item.id, Some("nicht-relevant".into()), Timestamp(3));
        }
        let Advice::Next(next) = advise(&catalog, &run) else {
            panic!("a module to work on");
        };
        assert_eq!(next.module_id, "fuehrung");
        assert_eq!(next.completed, vec!["risiken"]);
        assert!(next.tied_with.is_empty());
        // All answered modules done: say so, and name the first module still open.
        for module_id in ["fuehrung", "einstieg"] {
            for item in &catalog.module(module_id).expect("module").items {
                run.set_choice(&item.id, Some("mittel".into()), Timestamp(4));
            }
        }
        assert_eq!(recommend(&catalog, &run), None);
        match advise(&catalog, &run) {
            Advice::AllRated { modules, next_open } => {
                assert_eq!(modules, vec!["risiken", "fuehrung", "einstieg"]);
                assert_eq!(next_open, None, "the test catalog has nothing else");
            }
            other => panic!("all rated, not {other:?}"),
        }
        assert_eq!(advise(&catalog, &run_with(&[])), Advice::Unanswered);
    }
}
