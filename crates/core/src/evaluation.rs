//! Evaluation of a run against its catalog: progress, counts per level, the need-for-action index, the items with
//! need ordered by urgency, and the strengths.
//!
//! OM checks treat improvement as continuous, so the evaluation is a need profile, never a grade: an index of 0
//! means "no need reported", not "perfect".

use std::collections::BTreeSet;

use crate::catalog::{Catalog, Colour, Scale};
use crate::measure::Urgency;
use crate::run::{Answer, Run};

/// Everything computed from one run.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Figures over the whole check.
    pub overall: Tally,
    /// Figures per module, in catalog order.
    pub modules: Vec<ModuleEvaluation>,
    /// Items that call for action ([`Answer::calls_for_action`]), most urgent first: by the urgency the answer
    /// suggests (its priority where the scale asks for one, else its need), then highest need, then priority,
    /// then catalog order.
    pub needs: Vec<RatedItem>,
    /// The other relevant rated items, at the no-need end of their scale, in catalog order.
    pub strengths: Vec<RatedItem>,
    /// Saved answers the catalog cannot place; they are kept in the run, never dropped.
    pub orphans: Vec<Orphan>,
}

/// Figures for one module.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleEvaluation {
    /// The module's id.
    pub module_id: String,
    /// Its figures.
    pub tally: Tally,
}

/// Counts and need-for-action index over a set of items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    /// Items in the set.
    pub item_count: usize,
    /// Items with a valid choice, "not relevant" included.
    pub rated_count: usize,
    /// Items marked "not relevant".
    pub not_relevant_count: usize,
    /// How many items sit at each level, per scale in catalog order, levels in scale order. Levels that read
    /// the same in several scales (key, label, colour and need alike, as "Ja" and "Nein" in two yes/no scales)
    /// share one count, so that a table does not show the same column twice.
    pub level_counts: Vec<LevelCount>,
    /// The need-for-action index over the relevant rated items.
    pub need_index: NeedIndex,
}

/// How many items sit at one level.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelCount {
    /// The scale of the level (the first, where several scales share it).
    pub scale_id: String,
    /// The level's key.
    pub key: String,
    /// The level's label.
    pub label: String,
    /// The level's colour.
    pub colour: Colour,
    /// The level's need, 0–100.
    pub need: u8,
    /// Items rated at this level.
    pub count: usize,
}

/// The need-for-action index 0–100 (mean need of the relevant rated items), or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NeedIndex {
    /// The mean need, rounded, 0 (no need reported) to 100 (highest need everywhere).
    Value(u8),
    /// The set has no items at all.
    NoItems,
    /// Nothing is rated yet.
    #[default]
    NothingRated,
    /// Every rated item is marked "not relevant", so there is no base.
    AllNotRelevant,
}

impl NeedIndex {
    /// The value, where there is one.
    pub fn value(self) -> Option<u8> {
        match self {
            NeedIndex::Value(value) => Some(value),
            _ => None,
        }
    }
}

/// A rated item, as listed among needs or strengths.
#[derive(Debug, Clone, PartialEq)]
pub struct RatedItem {
    /// The item's module.
    pub module_id: String,
    /// The item's id.
    pub item_id: String,
    /// The key of the chosen level.
    pub level_key: String,
    /// The need of the chosen level.
    pub need: u8,
    /// The chosen priority, if any.
    pub priority: Option<u8>,
    /// The urgency a measure for it starts with ([`Answer::urgency_on`]).
    pub urgency: Urgency,
}

/// A saved answer the catalog cannot place.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    /// The item id the answer is saved under.
    pub item_id: String,
    /// Why it cannot be placed.
    pub reason: OrphanReason,
}

/// Why a saved answer cannot be placed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum OrphanReason {
    /// Occurs when the catalog no longer has an item with this id.
    ItemRemoved,
    /// Occurs when the item's scale no longer has the saved choice.
    ChoiceUnknown {
        /// The saved choice key.
        choice: String,
    },
    /// Occurs when the item's scale has no such priority (or none at all): the rating counts, the priority does
    /// not, and it is kept.
    PriorityUnknown {
        /// The saved priority.
        priority: u8,
    },
}

/// Accumulates one tally.
#[derive(Default)]
struct TallyBuilder {
    item_count: usize,
    rated_count: usize,
    not_relevant_count: usize,
    need_sum: u32,
    relevant_count: u32,
    counts: Vec<LevelCount>,
}

impl TallyBuilder {
    fn with_scales<'a>(scales: impl Iterator<Item = &'a Scale>) -> Self {
        let mut builder = TallyBuilder::default();
        for scale in scales {
            for level in &scale.levels {
                // A level that reads like one already counted shares its count.
                if builder.column_of(level.key.as_str(), level).is_none() {
                    builder.counts.push(LevelCount {
                        scale_id: scale.id.clone(),
                        key: level.key.clone(),
                        label: level.label.clone(),
                        colour: level.colour,
                        need: level.need,
                        count: 0,
                    });
                }
            }
        }
        builder
    }

    /// The count a level goes into: the one with the same key, label, colour and need.
    fn column_of(&self, key: &str, level: &crate::catalog::Level) -> Option<usize> {
        self.counts.iter().position(|count| {
            count.key == key
                && count.label == level.label
                && count.colour == level.colour
                && count.need == level.need
        })
    }

    fn add_level(&mut self, level: &crate::catalog::Level) {
        self.rated_count += 1;
        self.relevant_count += 1;
        self.need_sum += u32::from(level.need);
        if let Some(column) = self.column_of(&level.key, level) {
            self.counts[column].count += 1;
        }
    }

    fn add_not_relevant(&mut self) {
        self.rated_count += 1;
        self.not_relevant_count += 1;
    }

    fn merge(&mut self, other: &TallyBuilder) {
        self.item_count += other.item_count;
        self.rated_count += other.rated_count;
        self.not_relevant_count += other.not_relevant_count;
        self.need_sum += other.need_sum;
        self.relevant_count += other.relevant_count;
        for count in &other.counts {
            if let Some(mine) = self.counts.iter_mut().find(|mine| {
                mine.key == count.key
                    && mine.label == count.label
                    && mine.colour == count.colour
                    && mine.need == count.need
            }) {
                mine.count += count.count;
            }
        }
    }

    fn finish(&self) -> Tally {
        let need_index = if self.item_count == 0 {
            NeedIndex::NoItems
        } else if self.rated_count == 0 {
            NeedIndex::NothingRated
        } else {
            // The rounded mean; with no relevant item there is no base to divide by.
            match (self.need_sum + self.relevant_count / 2).checked_div(self.relevant_count) {
                Some(mean) => NeedIndex::Value(u8::try_from(mean.min(100)).unwrap_or(100)),
                None => NeedIndex::AllNotRelevant,
            }
        };
        Tally {
            item_count: self.item_count,
            rated_count: self.rated_count,
            not_relevant_count: self.not_relevant_count,
            level_counts: self.counts.clone(),
            need_index,
        }
    }
}

/// Evaluates a run against its catalog.
pub fn evaluate(catalog: &Catalog, run: &Run) -> Evaluation {
    let mut overall = TallyBuilder::with_scales(catalog.scales.iter());
    let mut modules = Vec::with_capacity(catalog.modules.len());
    let mut needs = Vec::new();
    let mut strengths = Vec::new();
    let mut orphans = Vec::new();
    let mut known_items = BTreeSet::new();

    for module in &catalog.modules {
        let mut tally = TallyBuilder::with_scales(catalog.scales.iter());
        for item in &module.items {
            known_items.insert(item.id.as_str());
            tally.item_count += 1;
            let Some(scale) = catalog.scale_for(module, item) else {
                continue;
            };
            let Some(answer) = run.answer(&item.id) else {
                continue;
            };
            let priority = match answer.priority {
                Some(priority) if scale.priority_label(priority).is_none() => {
                    orphans.push(Orphan {
                        item_id: item.id.clone(),
                        reason: OrphanReason::PriorityUnknown { priority },
                    });
                    None
                }
                priority => priority,
            };
            let Some(choice) = answer.choice.as_deref() else {
                continue;
            };
            if scale.is_not_relevant(choice) {
                tally.add_not_relevant();
            } else if let Some(level) = scale.level(choice) {
                tally.add_level(level);
                let rated = RatedItem {
                    module_id: module.id.clone(),
                    item_id: item.id.clone(),
                    level_key: level.key.clone(),
                    need: level.need,
                    priority,
                    urgency: answer.urgency_on(scale).unwrap_or(Urgency::Low),
                };
                if answer.calls_for_action(scale) {
                    needs.push(rated);
                } else {
                    strengths.push(rated);
                }
            } else {
                orphans.push(Orphan {
                    item_id: item.id.clone(),
                    reason: OrphanReason::ChoiceUnknown {
                        choice: choice.to_owned(),
                    },
                });
            }
        }
        overall.merge(&tally);
        modules.push(ModuleEvaluation {
            module_id: module.id.clone(),
            tally: tally.finish(),
        });
    }

    // Needs were collected in catalog order, so a stable sort keeps catalog order among equals.
    needs.sort_by(|a, b| {
        a.urgency
            .cmp(&b.urgency)
            .then_with(|| b.need.cmp(&a.need))
            .then_with(|| {
                a.priority
                    .unwrap_or(u8::MAX)
                    .cmp(&b.priority.unwrap_or(u8::MAX))
            })
    });

    orphans.extend(
        run.answers
            .keys()
            .filter(|item_id| !known_items.contains(item_id.as_str()))
            .map(|item_id| Orphan {
                item_id: item_id.clone(),
                reason: OrphanReason::ItemRemoved,
            }),
    );

    Evaluation {
        overall: overall.finish(),
        modules,
        needs,
        strengths,
        orphans,
    }
}

/// Whether an answer counts as rated on its item's scale: a level or the "not relevant" choice of that scale.
/// Progress bars count with this, exactly as [`evaluate`] counts `rated_count`.
pub fn is_rated(scale: Option<&Scale>, answer: Option<&Answer>) -> bool {
    let choice = answer.and_then(|answer| answer.choice.as_deref());
    matches!((scale, choice), (Some(scale), Some(key)) if scale.choice_label(key).is_some())
}

impl Evaluation {
    /// The evaluation of one module.
    pub fn module(&self, module_id: &str) -> Option<&ModuleEvaluation> {
        self.modules
            .iter()
            .find(|module| module.module_id == module_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{
        Choice, Item, Level, Module, PriorityLevel, PriorityScale, CATALOG_FORMAT_VERSION,
    };
    use crate::date::Timestamp;

    fn level(key: &str, colour: Colour, need: u8) -> Level {
        Level {
            key: key.into(),
            label: key.into(),
            colour,
            need,
        }
    }

    fn item(id: &str) -> Item {
        Item {
            id: id.into(),
            number: id.into(),
            statement: format!("Aussage {id}"),
            explanation: String::new(),
            examples: vec![],
            links: vec![],
            scale: None,
        }
    }

    fn module(id: &str, items: &[&str]) -> Module {
        Module {
            id: id.into(),
            number: id.into(),
            title: id.into(),
            goal: String::new(),
            result: String::new(),
            scale: None,
            items: items.iter().map(|id| item(id)).collect(),
        }
    }

    fn ampel_catalog(modules: Vec<Module>) -> Catalog {
        Catalog {
            format_version: CATALOG_FORMAT_VERSION,
            id: "test".into(),
            title: "Test".into(),
            subtitle: String::new(),
            standard: String::new(),
            version: "1".into(),
            date: String::new(),
            attribution: crate::catalog::Attribution {
                structure: "Test".into(),
                structure_url: String::new(),
                wording: "Checkwerk".into(),
                licence: "MIT OR Apache-2.0".into(),
                licence_url: String::new(),
                official: false,
            },
            language: "de".into(),
            minutes_per_module: None,
            orientation: String::new(),
            scales: vec![Scale {
                id: "ampel".into(),
                label: "Handlungsbedarf".into(),
                levels: vec![
                    level("hoch", Colour::Red, 100),
                    level("mittel", Colour::Yellow, 50),
                    level("niedrig", Colour::Green, 0),
                ],
                not_relevant: Some(Choice {
                    key: "nr".into(),
                    label: "nicht relevant".into(),
                }),
                priority: Some(PriorityScale {
                    label: "Priorität".into(),
                    levels: (1..=3)
                        .map(|value| PriorityLevel {
                            value,
                            label: value.to_string(),
                        })
                        .collect(),
                }),
            }],
            modules,
            starthilfe: vec![],
            free_texts: vec![],
            declarations: vec![],
        }
    }

    fn run_with(answers: &[(&str, &str)]) -> Run {
        let catalog = ampel_catalog(vec![]);
        let mut run = Run::new("r", &catalog, Timestamp(0));
        for (item_id, choice) in answers {
            run.set_choice(item_id, Some((*choice).into()), Timestamp(1));
        }
        run
    }

    #[test]
    fn a_priority_the_scale_does_not_have_is_kept_and_reported_not_counted() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1", "1.2"])]);
        let mut run = run_with(&[("1.1", "hoch"), ("1.2", "hoch")]);
        run.set_priority("1.1", Some(7), Timestamp(3));
        run.set_priority("1.2", Some(2), Timestamp(3));
        let evaluation = evaluate(&catalog, &run);
        assert_eq!(
            evaluation.orphans,
            [Orphan {
                item_id: "1.1".into(),
                reason: OrphanReason::PriorityUnknown { priority: 7 }
            }]
        );
        assert_eq!(evaluation.overall.rated_count, 2, "the rating still counts");
        // The unknown priority counts as none: 1.1 is as urgent as its level (high), ahead of 1.2, whose priority 2
        // of 3 makes it medium.
        let needs: Vec<(&str, Option<u8>)> = evaluation
            .needs
            .iter()
            .map(|need| (need.item_id.as_str(), need.priority))
            .collect();
        assert_eq!(needs, [("1.1", None), ("1.2", Some(2))]);
        assert_eq!(
            run.answer("1.1").and_then(|answer| answer.priority),
            Some(7),
            "kept"
        );
    }

    #[test]
    fn is_rated_counts_as_the_evaluation_does() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1", "1.2", "1.3", "1.4", "1.5"])]);
        // A level, "not relevant", a key the scale does not have, a priority alone, nothing.
        let mut run = run_with(&[("1.1", "hoch"), ("1.2", "nr"), ("1.3", "weg")]);
        run.set_priority("1.4", Some(1), Timestamp(2));
        let scale = catalog.scales.first();
        let rated: Vec<bool> = ["1.1", "1.2", "1.3", "1.4", "1.5"]
            .iter()
            .map(|id| is_rated(scale, run.answer(id)))
            .collect();
        assert_eq!(rated, [true, true, false, false, false]);
        assert!(
            !is_rated(None, run.answer("1.1")),
            "no scale, nothing rated"
        );
        assert_eq!(evaluate(&catalog, &run).overall.rated_count, 2);
    }

    #[test]
    fn nothing_answered_has_no_index_and_no_lists() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1", "1.2"])]);
        let evaluation = evaluate(&catalog, &run_with(&[]));
        assert_eq!(evaluation.overall.item_count, 2);
        assert_eq!(evaluation.overall.rated_count, 0);
        assert_eq!(evaluation.overall.need_index, NeedIndex::NothingRated);
        assert!(evaluation.needs.is_empty());
        assert!(evaluation.strengths.is_empty());
        assert!(evaluation.orphans.is_empty());
    }

    #[test]
    fn everything_not_relevant_says_so_instead_of_dividing_by_zero() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1", "1.2"])]);
        let evaluation = evaluate(&catalog, &run_with(&[("1.1", "nr"), ("1.2", "nr")]));
        assert_eq!(evaluation.overall.rated_count, 2);
        assert_eq!(evaluation.overall.not_relevant_count, 2);
        assert_eq!(evaluation.overall.need_index, NeedIndex::AllNotRelevant);
        assert_eq!(
            evaluation.module("m1").map(|m| m.tally.need_index),
            Some(NeedIndex::AllNotRelevant)
        );
    }

    #[test]
    fn an_empty_module_has_no_items_and_does_not_disturb_the_rest() {
        let catalog = ampel_catalog(vec![module("empty", &[]), module("m2", &["2.1"])]);
        let evaluation = evaluate(&catalog, &run_with(&[("2.1", "hoch")]));
        assert_eq!(
            evaluation.module("empty").map(|m| m.tally.need_index),
            Some(NeedIndex::NoItems)
        );
        assert_eq!(evaluation.overall.need_index, NeedIndex::Value(100));
    }

    #[test]
    fn answers_to_removed_items_are_reported_not_dropped() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1"])]);
        let run = run_with(&[("1.1", "mittel"), ("9.9", "hoch")]);
        let evaluation = evaluate(&catalog, &run);
        assert_eq!(
            evaluation.orphans,
            vec![Orphan {
                item_id: "9.9".into(),
                reason: OrphanReason::ItemRemoved
            }]
        );
        assert!(
            run.answer("9.9").is_some(),
            "evaluation never touches the run"
        );
        assert_eq!(evaluation.overall.need_index, NeedIndex::Value(50));
    }

    #[test]
    fn an_unknown_choice_is_an_orphan_and_not_counted() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1"])]);
        let evaluation = evaluate(&catalog, &run_with(&[("1.1", "sehr-hoch")]));
        assert_eq!(evaluation.overall.rated_count, 0);
        assert_eq!(
            evaluation.orphans[0].reason,
            OrphanReason::ChoiceUnknown {
                choice: "sehr-hoch".into()
            }
        );
    }

    #[test]
    fn index_is_the_rounded_mean_need_over_relevant_items() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1", "1.2", "1.3", "1.4"])]);
        let run = run_with(&[
            ("1.1", "hoch"),
            ("1.2", "mittel"),
            ("1.3", "niedrig"),
            ("1.4", "nr"),
        ]);
        let evaluation = evaluate(&catalog, &run);
        assert_eq!(evaluation.overall.need_index, NeedIndex::Value(50));
        let counts: Vec<_> = evaluation
            .overall
            .level_counts
            .iter()
            .map(|count| (count.key.as_str(), count.count))
            .collect();
        assert_eq!(counts, vec![("hoch", 1), ("mittel", 1), ("niedrig", 1)]);
    }

    #[test]
    fn needs_are_ordered_by_need_then_priority_then_catalog_order() {
        let catalog = ampel_catalog(vec![
            module("m1", &["1.1", "1.2", "1.3"]),
            module("m2", &["2.1"]),
        ]);
        let mut run = run_with(&[
            ("1.1", "mittel"),
            ("1.2", "mittel"),
            ("1.3", "hoch"),
            ("2.1", "mittel"),
        ]);
        run.set_priority("1.2", Some(1), Timestamp(2));
        run.set_priority("2.1", Some(2), Timestamp(2));
        let order: Vec<_> = evaluate(&catalog, &run)
            .needs
            .iter()
            .map(|need| need.item_id.clone())
            .collect();
        assert_eq!(order, vec!["1.3", "1.2", "2.1", "1.1"]);
    }

    #[test]
    fn strengths_are_items_at_the_no_need_end() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1", "1.2"])]);
        let evaluation = evaluate(
            &catalog,
            &run_with(&[("1.1", "niedrig"), ("1.2", "mittel")]),
        );
        let strengths: Vec<_> = evaluation
            .strengths
            .iter()
            .map(|s| s.item_id.as_str())
            .collect();
        assert_eq!(strengths, vec!["1.1"]);
        assert_eq!(evaluation.needs.len(), 1);
    }

    #[test]
    fn no_need_everywhere_is_an_index_of_zero_not_a_grade() {
        let catalog = ampel_catalog(vec![module("m1", &["1.1", "1.2"])]);
        let evaluation = evaluate(
            &catalog,
            &run_with(&[("1.1", "niedrig"), ("1.2", "niedrig")]),
        );
        assert_eq!(evaluation.overall.need_index, NeedIndex::Value(0));
        assert!(evaluation.needs.is_empty());
    }
}
