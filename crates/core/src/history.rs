//! A company's history in one check: the need index per Baustein and overall in each of its runs, oldest first,
//! for a small chart with its table. The point of an OM check's need profile is to see it shrink.

use crate::catalog::Catalog;
use crate::date::Timestamp;
use crate::evaluation::{evaluate, NeedIndex};
use crate::run::Run;

/// One run as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRun {
    /// The run's id.
    pub run_id: String,
    /// Its name.
    pub name: String,
    /// When it was created.
    pub created_at: Timestamp,
    /// How many Check-Punkte it rated.
    pub rated: usize,
}

/// A series of indexes, one per run in the history's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The module's id; empty for the whole check.
    pub module_id: String,
    /// The index in each run.
    pub indexes: Vec<NeedIndex>,
}

impl Series {
    /// The last index with a value minus the first: negative means the need shrank over the runs.
    pub fn change(&self) -> Option<i16> {
        let mut values = self.indexes.iter().filter_map(|index| index.value());
        let first = values.next()?;
        let last = values.next_back()?;
        Some(i16::from(last) - i16::from(first))
    }

    /// The highest index with a value, for a chart's scale.
    pub fn highest(&self) -> Option<u8> {
        self.indexes.iter().filter_map(|index| index.value()).max()
    }
}

/// The history of one check's runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// The runs, oldest first (by creation, then id).
    pub runs: Vec<HistoryRun>,
    /// The index over the whole check.
    pub overall: Series,
    /// The index per module, in catalog order.
    pub modules: Vec<Series>,
}

/// The history of a check's runs (of one company; runs of other checks are left out).
pub fn history(catalog: &Catalog, runs: &[&Run]) -> History {
    let mut runs: Vec<&Run> = runs
        .iter()
        .copied()
        .filter(|run| run.catalog_id == catalog.id)
        .collect();
    runs.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let evaluations: Vec<_> = runs.iter().map(|run| evaluate(catalog, run)).collect();
    History {
        runs: runs
            .iter()
            .zip(&evaluations)
            .map(|(run, evaluation)| HistoryRun {
                run_id: run.id.clone(),
                name: run.name.clone(),
                created_at: run.created_at,
                rated: evaluation.overall.rated_count,
            })
            .collect(),
        overall: Series {
            module_id: String::new(),
            indexes: evaluations
                .iter()
                .map(|evaluation| evaluation.overall.need_index)
                .collect(),
        },
        modules: catalog
            .modules
            .iter()
            .map(|module| Series {
                module_id: module.id.clone(),
                indexes: evaluations
                    .iter()
                    .map(|evaluation| {
                        evaluation
                            .module(&module.id)
                            .map(|module| module.tally.need_index)
                            .unwrap_or_default()
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{catalog, run};

    #[test]
    fn the_index_per_module_and_overall_in_each_run_oldest_first() {
        let catalog = catalog();
        let made = |id: &str, created: i64, choices: &[(&str, &str)]| {
            let mut run = run();
            run.id = id.into();
            run.created_at = Timestamp(created);
            for (item, choice) in choices {
                run.set_choice(item, Some((*choice).into()), Timestamp(created));
            }
            run
        };
        let first = made(
            "a",
            1,
            &[
                ("nutzen", "hoch"),
                ("ziele", "hoch"),
                ("risiken-ermitteln", "mittel"),
            ],
        );
        let second = made(
            "b",
            2,
            &[
                ("nutzen", "mittel"),
                ("ziele", "hoch"),
                ("risiken-ermitteln", "niedrig"),
            ],
        );
        let third = made("c", 3, &[("nutzen", "niedrig"), ("ziele", "mittel")]);
        let mut other_check = made("d", 4, &[]);
        other_check.catalog_id = "anderer".into();
        let history = history(&catalog, &[&third, &first, &other_check, &second]);
        let ids: Vec<&str> = history.runs.iter().map(|run| run.run_id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let values = |series: &Series| {
            series
                .indexes
                .iter()
                .map(|index| index.value())
                .collect::<Vec<_>>()
        };
        assert_eq!(values(&history.modules[0]), [Some(100), Some(75), Some(25)]);
        assert_eq!(values(&history.modules[1]), [Some(50), Some(0), None]);
        assert_eq!(history.modules[2].indexes, [NeedIndex::NothingRated; 3]);
        // Overall: (100 + 100 + 50) / 3 = 83; (50 + 100 + 0) / 3 = 50; (0 + 50) / 2 = 25.
        assert_eq!(values(&history.overall), [Some(83), Some(50), Some(25)]);
        assert_eq!(history.overall.change(), Some(-58));
        assert_eq!(history.modules[1].change(), Some(-50));
        assert_eq!(history.modules[2].change(), None);
        assert_eq!(history.overall.highest(), Some(83));
        assert_eq!(history.runs[2].rated, 2);
    }
}
