//! The management summary: one to two pages for the people who decide, as data the front end words and lays out
//! on screen and on paper.
//!
//! OM checks show a need profile, never a school grade: good firms still mark needs, because improvement never
//! ends. So the summary describes where the company sees need ([`Picture`]), and an index of 0 means "no need
//! reported", never praise.

use crate::catalog::Catalog;
use crate::date::Date;
use crate::evaluation::{Evaluation, NeedIndex, RatedItem, Tally};
use crate::measure::MeasureStatus;
use crate::run::Run;

/// How many needs and strengths the summary lists.
pub const LIST_LENGTH: usize = 5;

/// A rated item as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportItem {
    /// The item's id.
    pub item_id: String,
    /// Its number as printed, e.g. "2.3".
    pub number: String,
    /// Its statement.
    pub statement: String,
    /// The title of its module.
    pub module_title: String,
    /// The label of the chosen level.
    pub level_label: String,
    /// The need of the chosen level, 0–100.
    pub need: u8,
    /// The label of the chosen priority, if any.
    pub priority_label: Option<String>,
}

/// The figures of one module.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleSummary {
    /// The module's id.
    pub module_id: String,
    /// Its number as printed.
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its counts and index.
    pub tally: Tally,
}

/// Everything the management summary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The check's title.
    pub catalog_title: String,
    /// The standard the check implements, e.g. "OM-Praxis A-3.6"; may be empty.
    pub standard: String,
    /// The company's name; may be empty.
    pub company: String,
    /// The run's name; may be empty.
    pub run_name: String,
    /// The day the summary was made, in the user's local calendar.
    pub date: Date,
    /// Figures over the whole check.
    pub overall: Tally,
    /// Figures per module, in catalog order.
    pub modules: Vec<ModuleSummary>,
    /// The most urgent needs, at most [`LIST_LENGTH`], in the evaluation's order.
    pub top_needs: Vec<ReportItem>,
    /// How many items show need in all, so the summary can say how many it leaves out.
    pub need_count: usize,
    /// Strengths, at most [`LIST_LENGTH`], in catalog order.
    pub strengths: Vec<ReportItem>,
    /// How many strengths there are in all.
    pub strength_count: usize,
    /// How many measures have each status, for every status from open to done.
    pub measures_by_status: Vec<(MeasureStatus, usize)>,
    /// The overall picture, for one or two sentences.
    pub picture: Picture,
}

/// The overall picture of a run: how much is rated, how much need it shows, and where the need is greatest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picture {
    /// The catalog has no items, so there is nothing to draw.
    NoItems,
    /// Nothing is rated yet.
    NothingRated {
        /// How many items the check has.
        total: usize,
    },
    /// Items are rated, but every rated one is "not relevant".
    AllNotRelevant {
        /// How many items are rated.
        rated: usize,
        /// How many items the check has.
        total: usize,
    },
    /// Relevant items are rated and none reports a need.
    NoNeed {
        /// How many items are rated.
        rated: usize,
        /// How many items the check has.
        total: usize,
    },
    /// Some rated items report a need.
    Need {
        /// How many items are rated.
        rated: usize,
        /// How many items the check has.
        total: usize,
        /// How many items report a need.
        needs: usize,
        /// The need-for-action index over the whole check, 0–100.
        index: u8,
        /// The highest index of a module.
        highest: u8,
        /// The titles of the modules with that highest index, in catalog order.
        highest_modules: Vec<String>,
    },
}

fn report_item(catalog: &Catalog, rated: &RatedItem) -> Option<ReportItem> {
    let (module, item) = catalog.item(&rated.item_id)?;
    let scale = catalog.scale_for(module, item)?;
    Some(ReportItem {
        item_id: item.id.clone(),
        number: item.number.clone(),
        statement: item.statement.clone(),
        module_title: module.title.clone(),
        level_label: scale
            .level(&rated.level_key)
            .map_or_else(|| rated.level_key.clone(), |level| level.label.clone()),
        need: rated.need,
        priority_label: rated
            .priority
            .and_then(|priority| scale.priority_label(priority))
            .map(str::to_owned),
    })
}

/// Gathers the summary of a run, dated `today` (the user's local date).
pub fn summary(catalog: &Catalog, run: &Run, evaluation: &Evaluation, today: Date) -> Summary {
    let modules = catalog
        .modules
        .iter()
        .map(|module| ModuleSummary {
            module_id: module.id.clone(),
            number: module.number.clone(),
            title: module.title.clone(),
            tally: evaluation
                .module(&module.id)
                .map(|evaluated| evaluated.tally.clone())
                .unwrap_or_default(),
        })
        .collect();
    let list = |items: &[RatedItem]| {
        items
            .iter()
            .filter_map(|rated| report_item(catalog, rated))
            .take(LIST_LENGTH)
            .collect()
    };
    let measures_by_status = MeasureStatus::ALL
        .into_iter()
        .map(|status| {
            let count = run
                .measures
                .iter()
                .filter(|measure| measure.status == status)
                .count();
            (status, count)
        })
        .collect();
    Summary {
        catalog_title: catalog.title.clone(),
        standard: catalog.standard.clone(),
        company: run.company.clone(),
        run_name: run.name.clone(),
        date: today,
        overall: evaluation.overall.clone(),
        modules,
        top_needs: list(&evaluation.needs),
        need_count: evaluation.needs.len(),
        strengths: list(&evaluation.strengths),
        strength_count: evaluation.strengths.len(),
        measures_by_status,
        picture: picture(catalog, evaluation),
    }
}

/// The overall picture: how much is rated, how much need, and where it is greatest.
fn picture(catalog: &Catalog, evaluation: &Evaluation) -> Picture {
    let overall = &evaluation.overall;
    let total = overall.item_count;
    let rated = overall.rated_count;
    match overall.need_index {
        NeedIndex::NoItems => Picture::NoItems,
        NeedIndex::NothingRated => Picture::NothingRated { total },
        NeedIndex::AllNotRelevant => Picture::AllNotRelevant { rated, total },
        NeedIndex::Value(0) => Picture::NoNeed { rated, total },
        NeedIndex::Value(index) => {
            let highest = evaluation
                .modules
                .iter()
                .filter_map(|module| module.tally.need_index.value())
                .max()
                .unwrap_or(index);
            let highest_modules = evaluation
                .modules
                .iter()
                .filter(|module| module.tally.need_index == NeedIndex::Value(highest))
                .filter_map(|module| catalog.module(&module.module_id))
                .map(|module| module.title.clone())
                .collect();
            Picture::Need {
                rated,
                total,
                needs: evaluation.needs.len(),
                index,
                highest,
                highest_modules,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;
    use crate::evaluation::evaluate;
    use crate::measure::Measure;
    use crate::testing;

    fn today() -> Date {
        Date::new(2026, 3, 15).expect("a date")
    }

    fn summary_of(run: &Run) -> Summary {
        let catalog = testing::catalog();
        let evaluation = evaluate(&catalog, run);
        summary(&catalog, run, &evaluation, today())
    }

    fn rate(run: &mut Run, answers: &[(&str, &str)]) {
        for (item_id, choice) in answers {
            run.set_choice(item_id, Some((*choice).into()), Timestamp(1));
        }
    }

    #[test]
    fn the_picture_tells_every_kind_of_index_apart() {
        let mut run = testing::run();
        assert_eq!(summary_of(&run).picture, Picture::NothingRated { total: 5 });

        rate(
            &mut run,
            &[("nutzen", "nicht-relevant"), ("ziele", "nicht-relevant")],
        );
        assert_eq!(
            summary_of(&run).picture,
            Picture::AllNotRelevant { rated: 2, total: 5 }
        );

        rate(
            &mut run,
            &[
                ("risiken-ermitteln", "niedrig"),
                ("rechtspflichten", "niedrig"),
                ("verantwortung", "niedrig"),
            ],
        );
        assert_eq!(
            summary_of(&run).picture,
            Picture::NoNeed { rated: 5, total: 5 }
        );

        rate(
            &mut run,
            &[("risiken-ermitteln", "hoch"), ("verantwortung", "hoch")],
        );
        assert_eq!(
            summary_of(&run).picture,
            Picture::Need {
                rated: 5,
                total: 5,
                needs: 2,
                index: 67,
                highest: 100,
                highest_modules: vec!["Führung".into()],
            }
        );
    }

    #[test]
    fn a_catalog_without_items_has_no_picture_to_draw() {
        let mut catalog = testing::catalog();
        catalog.modules.clear();
        let run = testing::run();
        let evaluation = evaluate(&catalog, &run);
        let summary = summary(&catalog, &run, &evaluation, today());
        assert_eq!(summary.picture, Picture::NoItems);
        assert!(summary.modules.is_empty());
        assert_eq!(summary.overall.need_index, NeedIndex::NoItems);
    }

    #[test]
    fn lists_are_capped_and_measures_counted_per_status() {
        let mut run = testing::run();
        rate(
            &mut run,
            &[
                ("nutzen", "mittel"),
                ("ziele", "hoch"),
                ("risiken-ermitteln", "mittel"),
                ("rechtspflichten", "hoch"),
                ("verantwortung", "mittel"),
            ],
        );
        run.set_priority("ziele", Some(2), Timestamp(1));
        for (id, status) in [
            ("a", MeasureStatus::Done),
            ("b", MeasureStatus::Open),
            ("c", MeasureStatus::Done),
        ] {
            let mut measure = Measure::new(id, "x", vec![], Timestamp(1));
            measure.status = status;
            run.upsert_measure(measure, Timestamp(1));
        }
        let summary = summary_of(&run);
        assert_eq!(summary.top_needs.len(), 5);
        assert_eq!(summary.need_count, 5);
        let order: Vec<&str> = summary
            .top_needs
            .iter()
            .map(|item| item.item_id.as_str())
            .collect();
        assert_eq!(
            order,
            vec![
                // High need without a priority is high urgency; the user's priority 2 makes "ziele" medium.
                "rechtspflichten",
                "ziele",
                "nutzen",
                "risiken-ermitteln",
                "verantwortung"
            ]
        );
        assert_eq!(
            summary.top_needs[1].priority_label.as_deref(),
            Some("2 (Prio)")
        );
        assert_eq!(summary.top_needs[1].module_title, "Einstieg: Nutzen");
        assert_eq!(
            summary.measures_by_status,
            vec![
                (MeasureStatus::Open, 1),
                (MeasureStatus::InProgress, 0),
                (MeasureStatus::Done, 2)
            ]
        );
        assert_eq!(summary.date, today(), "dated the day the caller says");
    }
}
