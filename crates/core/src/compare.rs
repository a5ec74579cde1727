//! Comparing two runs of the same check, e.g. last year's and this year's: the need index per Baustein before and
//! after, the Check-Punkte that improved, worsened or stayed at the highest need, the measures finished in between,
//! and how much of the check the two runs share when the catalog changed between them.
//!
//! Ratings are matched by item id. Both runs are read against the catalog as it is now (the only one there is):
//! an answer the earlier run gave to a Check-Punkt this version no longer has is listed as gone, never dropped; a
//! Check-Punkt the earlier run did not rate is listed as rated only later (new in this version, or skipped then).
//! The index is the one each run's own results show, so the comparison agrees with both results pages.

use std::cmp::Reverse;

use crate::catalog::Catalog;
use crate::evaluation::{evaluate, Evaluation, NeedIndex};
use crate::measure::{Measure, MeasureStatus};
use crate::run::Run;

/// A need index before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexChange {
    /// The index in the earlier run.
    pub before: NeedIndex,
    /// The index in the later run.
    pub after: NeedIndex,
}

impl IndexChange {
    /// After minus before, where both have a value: negative means less need.
    pub fn change(&self) -> Option<i16> {
        Some(i16::from(self.after.value()?) - i16::from(self.before.value()?))
    }
}

/// One module before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleChange {
    /// The module's id.
    pub module_id: String,
    /// Its index before and after.
    pub index: IndexChange,
    /// How many of its items each run rated: (before, after).
    pub rated: (usize, usize),
    /// How many items it has.
    pub item_count: usize,
}

/// A rating at a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// The level's key.
    pub level_key: String,
    /// The level's need, 0–100.
    pub need: u8,
}

/// A Check-Punkt rated at a level in both runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// The item's module.
    pub module_id: String,
    /// The item's id.
    pub item_id: String,
    /// Its rating in the earlier run.
    pub before: Rating,
    /// Its rating in the later run.
    pub after: Rating,
}

impl ItemChange {
    /// After minus before, in need: negative means less need.
    pub fn change(&self) -> i16 {
        i16::from(self.after.need) - i16::from(self.before.need)
    }
}

/// An answer of the earlier run to a Check-Punkt this version of the check no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoneAnswer {
    /// The item id it is saved under.
    pub item_id: String,
    /// The saved choice, if any.
    pub choice: Option<String>,
}

/// How much of the check the two runs share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The catalog version each run was answered against: (before, after).
    pub versions: (String, String),
    /// Whether the check changed between the runs (both versions known and different).
    pub catalog_changed: bool,
    /// How many Check-Punkte the check has now.
    pub item_count: usize,
    /// How many of them both runs rated ("not relevant" counts as a rating).
    pub shared: usize,
    /// Rated by the earlier run only, in catalog order.
    pub only_before: Vec<String>,
    /// Rated by the later run only, in catalog order: new in this version, or not rated then.
    pub only_after: Vec<String>,
    /// The earlier run's answers to Check-Punkte this version no longer has, by item id.
    pub gone: Vec<GoneAnswer>,
}

/// Everything a comparison shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The earlier run's id.
    pub before_id: String,
    /// The later run's id.
    pub after_id: String,
    /// The index over the whole check.
    pub overall: IndexChange,
    /// Per module, in catalog order.
    pub modules: Vec<ModuleChange>,
    /// Check-Punkte with less need than before: the greatest drop first, then catalog order.
    pub improved: Vec<ItemChange>,
    /// Check-Punkte with more need than before: the greatest rise first, then catalog order.
    pub worsened: Vec<ItemChange>,
    /// Check-Punkte at the highest need of their scale both times, in catalog order.
    pub high_both: Vec<ItemChange>,
    /// Measures finished in between: done in the later run and not done in the earlier (carried over and finished,
    /// or begun and finished since), in the later run's order.
    pub finished_measures: Vec<Measure>,
    /// How much of the check the runs share.
    pub coverage: Coverage,
}

/// Compares an earlier run with a later one of the same check.
pub fn compare(catalog: &Catalog, before: &Run, after: &Run) -> Comparison {
    let before_evaluation = evaluate(catalog, before);
    let after_evaluation = evaluate(catalog, after);
    let modules = catalog
        .modules
        .iter()
        .map(|module| {
            let tally = |evaluation: &Evaluation| {
                evaluation
                    .module(&module.id)
                    .map(|module| module.tally.clone())
                    .unwrap_or_default()
            };
            let (then, now) = (tally(&before_evaluation), tally(&after_evaluation));
            ModuleChange {
                module_id: module.id.clone(),
                index: IndexChange {
                    before: then.need_index,
                    after: now.need_index,
                },
                rated: (then.rated_count, now.rated_count),
                item_count: module.items.len(),
            }
        })
        .collect();

    let mut improved = Vec::new();
    let mut worsened = Vec::new();
    let mut high_both = Vec::new();
    let mut shared = 0;
    let mut only_before = Vec::new();
    let mut only_after = Vec::new();
    for (module, item) in catalog.items() {
        let Some(scale) = catalog.scale_for(module, item) else {
            continue;
        };
        let choice = |run: &Run| {
            run.answer(&item.id)
                .and_then(|answer| answer.choice.as_deref())
                .filter(|key| scale.accepts(key))
                .map(str::to_owned)
        };
        match (choice(before), choice(after)) {
            (Some(then), Some(now)) => {
                shared += 1;
                let rating = |key: &str| {
                    scale.level(key).map(|level| Rating {
                        level_key: level.key.clone(),
                        need: level.need,
                    })
                };
                if let (Some(then), Some(now)) = (rating(&then), rating(&now)) {
                    let highest = scale.levels.iter().map(|level| level.need).max();
                    let change = ItemChange {
                        module_id: module.id.clone(),
                        item_id: item.id.clone(),
                        before: then,
                        after: now,
                    };
                    if change.after.need < change.before.need {
                        improved.push(change);
                    } else if change.after.need > change.before.need {
                        worsened.push(change);
                    } else if Some(change.after.need) == highest
                        && scale.reports_need(&change.after.level_key)
                    {
                        high_both.push(change);
                    }
                }
            }
            (Some(_), None) => only_before.push(item.id.clone()),
            (None, Some(_)) => only_after.push(item.id.clone()),
            (None, None) => {}
        }
    }
    // Stable sorts: catalog order among equal changes.
    improved.sort_by_key(ItemChange::change);
    worsened.sort_by_key(|change| Reverse(change.change()));

    let gone = before
        .answers
        .iter()
        .filter(|(item_id, _)| catalog.item(item_id).is_none())
        .map(|(item_id, answer)| GoneAnswer {
            item_id: item_id.clone(),
            choice: answer.choice.clone(),
        })
        .collect();

    let finished_measures = after
        .measures
        .iter()
        .filter(|measure| measure.status == MeasureStatus::Done)
        .filter(|measure| {
            !before
                .measures
                .iter()
                .any(|earlier| earlier.id == measure.id && earlier.status == MeasureStatus::Done)
        })
        .cloned()
        .collect();

    let versions = (
        before.catalog_version.clone(),
        after.catalog_version.clone(),
    );
    let catalog_changed =
        !versions.0.is_empty() && !versions.1.is_empty() && versions.0 != versions.1;
    Comparison {
        before_id: before.id.clone(),
        after_id: after.id.clone(),
        overall: IndexChange {
            before: before_evaluation.overall.need_index,
            after: after_evaluation.overall.need_index,
        },
        modules,
        improved,
        worsened,
        high_both,
        finished_measures,
        coverage: Coverage {
            versions,
            catalog_changed,
            item_count: catalog.item_count(),
            shared,
            only_before,
            only_after,
            gone,
        },
    }
}

/// The two runs a comparison starts with: the latest and the one it re-assesses, or else the one before it, by
/// creation. `None` with fewer than two runs.
pub fn default_pair<'a>(runs: &[&'a Run]) -> Option<(&'a Run, &'a Run)> {
    let mut sorted: Vec<&Run> = runs.to_vec();
    sorted.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let latest = *sorted.last()?;
    let previous = sorted
        .iter()
        .find(|run| !latest.previous_run_id.is_empty() && run.id == latest.previous_run_id)
        .or_else(|| sorted.iter().rev().nth(1))?;
    Some((previous, latest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;
    use crate::testing::{catalog, run};

    fn rated(pairs: &[(&str, &str)], version: &str) -> Run {
        let mut run = run();
        run.catalog_version = version.into();
        for (item, choice) in pairs {
            run.set_choice(item, Some((*choice).into()), Timestamp(2));
        }
        run
    }

    #[test]
    fn indexes_items_and_coverage_before_and_after() {
        let catalog = catalog();
        let ids: Vec<String> = catalog.items().map(|(_, item)| item.id.clone()).collect();
        // Five items: 1 hoch → niedrig, 2 mittel → hoch, 3 hoch → hoch, 4 rated before only, 5 after only.
        let before = rated(
            &[
                (&ids[0], "hoch"),
                (&ids[1], "mittel"),
                (&ids[2], "hoch"),
                (&ids[3], "niedrig"),
                ("alt", "hoch"),
            ],
            "1",
        );
        let mut after = rated(
            &[
                (&ids[0], "niedrig"),
                (&ids[1], "hoch"),
                (&ids[2], "hoch"),
                (&ids[4], "mittel"),
            ],
            "2",
        );
        after.id = "r2".into();
        let comparison = compare(&catalog, &before, &after);
        // Before: 100, 50, 100, 0 → 63; after: 0, 100, 100, 50 → 63.
        assert_eq!(comparison.overall.before, NeedIndex::Value(63));
        assert_eq!(comparison.overall.after, NeedIndex::Value(63));
        assert_eq!(comparison.overall.change(), Some(0));
        let improved: Vec<&str> = comparison
            .improved
            .iter()
            .map(|c| c.item_id.as_str())
            .collect();
        assert_eq!(improved, [ids[0].as_str()]);
        assert_eq!(comparison.improved[0].change(), -100);
        assert_eq!(comparison.worsened[0].item_id, ids[1]);
        assert_eq!(comparison.high_both[0].item_id, ids[2]);
        assert_eq!(comparison.coverage.shared, 3);
        assert_eq!(comparison.coverage.only_before, [ids[3].clone()]);
        assert_eq!(comparison.coverage.only_after, [ids[4].clone()]);
        assert_eq!(
            comparison.coverage.gone,
            [GoneAnswer {
                item_id: "alt".into(),
                choice: Some("hoch".into())
            }]
        );
        assert!(comparison.coverage.catalog_changed);
        assert_eq!(comparison.modules.len(), catalog.modules.len());
    }

    #[test]
    fn measures_finished_in_between_are_those_done_later_and_not_before() {
        let catalog = catalog();
        let mut before = run();
        let mut after = run();
        let measure = |id: &str, status: MeasureStatus| {
            let mut measure = Measure::new(id, id, vec![], Timestamp(1));
            measure.status = status;
            measure
        };
        before.measures = vec![
            measure("carried", MeasureStatus::Open),
            measure("old", MeasureStatus::Done),
        ];
        after.measures = vec![
            measure("carried", MeasureStatus::Done),
            measure("old", MeasureStatus::Done),
            measure("new", MeasureStatus::Done),
            measure("open", MeasureStatus::InProgress),
        ];
        let finished: Vec<String> = compare(&catalog, &before, &after)
            .finished_measures
            .into_iter()
            .map(|measure| measure.id)
            .collect();
        assert_eq!(finished, ["carried", "new"]);
    }

    #[test]
    fn the_default_pair_is_the_latest_and_the_one_it_reassesses() {
        let at = |id: &str, time: i64, previous: &str| {
            let mut run = run();
            run.id = id.into();
            run.created_at = Timestamp(time);
            run.previous_run_id = previous.into();
            run
        };
        let (a, b, c) = (at("a", 1, ""), at("b", 2, ""), at("c", 3, "a"));
        let pair = default_pair(&[&b, &c, &a]).map(|(x, y)| (x.id.clone(), y.id.clone()));
        assert_eq!(pair, Some(("a".into(), "c".into())));
        let pair = default_pair(&[&b, &a]).map(|(x, y)| (x.id.clone(), y.id.clone()));
        assert_eq!(pair, Some(("a".into(), "b".into())));
        assert_eq!(default_pair(&[&a]), None);
    }
}
