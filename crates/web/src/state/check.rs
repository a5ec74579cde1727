//! The reactive state of the check a page belongs to: the catalog, one evaluation of its active run shared by every
//! part of the page, and each item's answer as a signal of its own.
//!
//! The check's frame provides it once ([`provide_check`]); pages and components read it through context.

use std::collections::{BTreeMap, HashMap};

use checkwerk_core::run::changed_answer_ids;
use checkwerk_core::{evaluate, is_rated, Answer, Catalog, Evaluation, Run};
use leptos::prelude::*;

use crate::deferred::follow_after_paint;
use crate::state::language::{LanguageChoice, UiLanguage};
use crate::state::runs::Runs;

/// The check the current page belongs to.
#[derive(Clone, Copy)]
pub struct CurrentCheck(pub &'static Catalog);

/// The check of the current page.
pub fn current_catalog() -> &'static Catalog {
    expect_context::<CurrentCheck>().0
}

/// The evaluation of the current check's active run, computed once per change for every part of the page that
/// reads it (and not at all where nothing does).
#[derive(Clone, Copy)]
struct CheckEvaluation {
    catalog_id: &'static str,
    evaluation: Memo<Option<Evaluation>>,
}

/// The evaluation of the active run of a catalog, recomputed when the run changes. Within a check's frame all
/// parts of the page share one.
pub fn use_evaluation(catalog: &'static Catalog) -> Memo<Option<Evaluation>> {
    use_context::<CheckEvaluation>()
        .filter(|shared| shared.catalog_id == catalog.id)
        .map_or_else(|| new_evaluation(catalog), |shared| shared.evaluation)
}

fn new_evaluation(catalog: &'static Catalog) -> Memo<Option<Evaluation>> {
    let runs = expect_context::<Runs>();
    Memo::new(move |_| runs.with_active(&catalog.id, |run| run.map(|run| evaluate(catalog, run))))
}

/// Each item's answer in the current check's active run as a signal of its own, how many measures name each
/// item, and how many items of each module are rated: rating one item re-renders that item and its module's
/// progress alone, however many items the page shows.
#[derive(Clone, Copy)]
pub struct ItemAnswers {
    catalog_id: &'static str,
    answers: StoredValue<HashMap<&'static str, RwSignal<Option<Answer>>>>,
    measure_counts: StoredValue<HashMap<&'static str, RwSignal<usize>>>,
    module_rated: StoredValue<HashMap<&'static str, Signal<usize>>>,
}

impl ItemAnswers {
    /// Signals for every item of a catalog, filled now and kept in step with the active run from then on.
    fn new(catalog: &'static Catalog) -> Self {
        let runs = expect_context::<Runs>();
        let shown: BTreeMap<String, Answer> = runs.with_active_untracked(&catalog.id, |run| {
            run.map(|run| run.answers.clone()).unwrap_or_default()
        });
        let answers: HashMap<&'static str, RwSignal<Option<Answer>>> = catalog
            .modules
            .iter()
            .flat_map(|module| &module.items)
            .map(|item| {
                (
                    item.id.as_str(),
                    RwSignal::new(shown.get(&item.id).cloned()),
                )
            })
            .collect();
        let answers = StoredValue::new(answers);
        // What the signals show, to compare each change of the runs with: one ordered pass over both, and only
        // the signals whose answer changed notify.
        let shown = StoredValue::new(shown);
        Effect::new(move |_| {
            runs.with_active(&catalog.id, |run| {
                let empty = BTreeMap::new();
                let current = run.map_or(&empty, |run| &run.answers);
                let changed: Vec<String> = shown.with_value(|shown| {
                    changed_answer_ids(shown, current)
                        .into_iter()
                        .map(str::to_owned)
                        .collect()
                });
                for item_id in changed {
                    let answer = current.get(&item_id).cloned();
                    if let Some(signal) =
                        answers.with_value(|answers| answers.get(item_id.as_str()).copied())
                    {
                        signal.set(answer.clone());
                    }
                    shown.update_value(|shown| match answer {
                        Some(answer) => {
                            shown.insert(item_id, answer);
                        }
                        None => {
                            shown.remove(&item_id);
                        }
                    });
                }
            });
        });
        // One count per item, set by one pass over the measures when the run changes: a rating, which changes no
        // measure, notifies none of them (a memo per card would have every card re-check it).
        let shown_counts = runs.with_active_untracked(&catalog.id, count_measures);
        let measure_counts: HashMap<&'static str, RwSignal<usize>> = catalog
            .modules
            .iter()
            .flat_map(|module| &module.items)
            .map(|item| {
                let count = shown_counts.get(&item.id).copied().unwrap_or(0);
                (item.id.as_str(), RwSignal::new(count))
            })
            .collect();
        let measure_counts = StoredValue::new(measure_counts);
        let shown_counts = StoredValue::new(shown_counts);
        Effect::new(move |_| {
            let counts = runs.with_active(&catalog.id, count_measures);
            let changed: Vec<(String, usize)> = shown_counts.with_value(|shown| {
                let gone = shown
                    .keys()
                    .filter(|item_id| !counts.contains_key(*item_id));
                let changed = counts
                    .iter()
                    .filter(|(item_id, count)| shown.get(*item_id) != Some(count));
                gone.map(|item_id| (item_id.clone(), 0))
                    .chain(changed.map(|(item_id, count)| (item_id.clone(), *count)))
                    .collect()
            });
            for (item_id, count) in changed {
                if let Some(signal) =
                    measure_counts.with_value(|signals| signals.get(item_id.as_str()).copied())
                {
                    signal.set(count);
                }
            }
            shown_counts.set_value(counts);
        });
        // One count per module, shared by every progress bar that shows it. The bars take a new count one frame
        // after the rating: the frame after a click paints the rating, not the counts around it.
        let module_rated = catalog
            .modules
            .iter()
            .map(|module| {
                let items: Vec<_> = module
                    .items
                    .iter()
                    .filter_map(|item| {
                        let answer =
                            answers.with_value(|answers| answers.get(item.id.as_str()).copied());
                        Some((catalog.scale_for(module, item), answer?))
                    })
                    .collect();
                let rated = Memo::new(move |_| {
                    items
                        .iter()
                        .filter(|(scale, answer)| {
                            answer.with(|answer| is_rated(*scale, answer.as_ref()))
                        })
                        .count()
                });
                (module.id.as_str(), follow_after_paint(rated))
            })
            .collect();
        ItemAnswers {
            catalog_id: catalog.id.as_str(),
            answers,
            measure_counts,
            module_rated: StoredValue::new(module_rated),
        }
    }

    /// The item answers of a catalog: the check frame's own, or (outside a frame) a set of its own.
    pub fn of(catalog: &'static Catalog) -> Self {
        use_context::<ItemAnswers>()
            .filter(|shared| shared.catalog_id == catalog.id)
            .unwrap_or_else(|| Self::new(catalog))
    }

    /// The answer to one item in the active run; a catalog's items all have one.
    pub fn answer(&self, item_id: &str) -> Signal<Option<Answer>> {
        self.answers
            .with_value(|answers| answers.get(item_id).copied())
            .map_or_else(|| Signal::stored(None), Signal::from)
    }

    /// How many measures of the active run name an item; changes only when that number does.
    pub fn measure_count(&self, item_id: &str) -> Signal<usize> {
        self.measure_counts
            .with_value(|counts| counts.get(item_id).copied())
            .map_or_else(|| Signal::stored(0), Signal::from)
    }
}

/// How many measures of a run name each item (items no measure names are left out).
fn count_measures(run: Option<&Run>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for item_id in run
        .iter()
        .flat_map(|run| &run.measures)
        .flat_map(|measure| &measure.item_ids)
    {
        *counts.entry(item_id.clone()).or_insert(0) += 1;
    }
    counts
}

/// How many items of a module the active run has rated, for progress bars: it changes only when the count does,
/// once the frame that shows the rating has been painted. It follows just the module's own items, so rating
/// elsewhere costs it nothing.
pub fn module_rated(catalog: &'static Catalog, module_id: &str) -> Signal<usize> {
    ItemAnswers::of(catalog)
        .module_rated
        .with_value(|rated| rated.get(module_id).copied())
        .unwrap_or_else(|| Signal::stored(0))
}

/// The answers of the run the active run re-assesses ("Erneut bewerten"), with that run's name: what a Check-Punkt
/// shows on demand. `None` for a run that re-assesses none. It changes only when the previous run does, so a
/// rating in the active run notifies no card.
#[derive(Clone, Copy)]
pub struct PreviousAnswers {
    catalog_id: &'static str,
    answers: Memo<Option<(String, BTreeMap<String, Answer>)>>,
}

impl PreviousAnswers {
    fn new(catalog: &'static Catalog) -> Self {
        let runs = expect_context::<Runs>();
        let previous_id = Memo::new(move |_| {
            runs.with_active(&catalog.id, |run| {
                run.map(|run| run.previous_run_id.clone())
                    .filter(|id| !id.is_empty())
            })
        });
        let answers = Memo::new(move |_| {
            let id = previous_id.get()?;
            runs.with_run(&id, |run| {
                run.map(|run| (run.name.clone(), run.answers.clone()))
            })
        });
        PreviousAnswers {
            catalog_id: catalog.id.as_str(),
            answers,
        }
    }

    /// The previous answers of a catalog's active run: the check frame's own, or (outside a frame) its own.
    pub fn of(catalog: &'static Catalog) -> Self {
        use_context::<PreviousAnswers>()
            .filter(|shared| shared.catalog_id == catalog.id)
            .unwrap_or_else(|| Self::new(catalog))
    }

    /// The previous run's name and its answer to an item (`None` inside: not rated then); `None` without a
    /// previous run.
    pub fn answer(&self, item_id: &'static str) -> Memo<Option<(String, Option<Answer>)>> {
        let answers = self.answers;
        Memo::new(move |_| {
            answers.with(|previous| {
                previous
                    .as_ref()
                    .map(|(name, answers)| (name.clone(), answers.get(item_id).cloned()))
            })
        })
    }
}

/// Provides the state of a check to the page frame and everything rendered inside it: the catalog, its evaluation,
/// its item answers, and the language its screens speak (the catalog's own where it has no text in the chosen one).
pub fn provide_check(catalog: &'static Catalog) {
    let choice = expect_context::<LanguageChoice>().0;
    provide_context(UiLanguage(Signal::derive(move || {
        catalog.screen_language(choice.get())
    })));
    provide_context(CurrentCheck(catalog));
    provide_context(CheckEvaluation {
        catalog_id: catalog.id.as_str(),
        evaluation: new_evaluation(catalog),
    });
    provide_context(ItemAnswers::new(catalog));
    provide_context(PreviousAnswers::new(catalog));
}
