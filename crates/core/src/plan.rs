//! The action plan as the user works with it: sorted by due date, urgency, status or Baustein, and filtered; what
//! needs following up (overdue, due soon, finished but not yet checked); and the needs no measure answers yet.

use crate::catalog::{Catalog, Module};
use crate::date::Date;
use crate::evaluation::{Evaluation, RatedItem};
use crate::measure::{Measure, MeasureStatus, Urgency};

/// What the list of measures is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Due date, earliest first, the measures still to do before the done ones; no (or no valid) date last.
    #[default]
    Due,
    /// Urgency, high first; none last.
    Urgency,
    /// Status, open first.
    Status,
    /// Module of the first referenced item, in catalog order; none last.
    Module,
}

impl SortKey {
    /// Every sort key, in the order a menu offers them.
    pub const ALL: [SortKey; 4] = [
        SortKey::Due,
        SortKey::Urgency,
        SortKey::Status,
        SortKey::Module,
    ];

    /// A stable name for form values and addresses.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Due => "due",
            SortKey::Urgency => "urgency",
            SortKey::Status => "status",
            SortKey::Module => "module",
        }
    }

    /// The sort key with this name.
    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|sort| sort.key() == key)
    }
}

/// Which measures to list; every `None` lets all through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only measures with this status.
    pub status: Option<MeasureStatus>,
    /// Only measures with this urgency.
    pub urgency: Option<Urgency>,
    /// Only measures that reference at least one item of this module.
    pub module_id: Option<String>,
}

impl Filter {
    /// Whether a measure passes the filter.
    ///
    /// A measure that spans modules shows under each of them: filtering by a Baustein should show everything
    /// that touches it, not only what happens to be sorted under it.
    pub fn matches(&self, catalog: &Catalog, measure: &Measure) -> bool {
        let status = self.status.is_none_or(|status| measure.status == status);
        let urgency = self
            .urgency
            .is_none_or(|urgency| measure.urgency == Some(urgency));
        let module = self.module_id.as_deref().is_none_or(|module_id| {
            catalog.module(module_id).is_some_and(|module| {
                module
                    .items
                    .iter()
                    .any(|item| measure.item_ids.contains(&item.id))
            })
        });
        status && urgency && module
    }

    /// Whether the filter holds anything back.
    pub fn is_active(&self) -> bool {
        self != &Filter::default()
    }
}

/// The module of a measure: that of its referenced item that comes first in the catalog.
///
/// Item ids the catalog no longer knows are skipped; with none left the measure has no module.
pub fn measure_module<'c>(catalog: &'c Catalog, measure: &Measure) -> Option<&'c Module> {
    catalog
        .items()
        .find(|(_, item)| measure.item_ids.contains(&item.id))
        .map(|(module, _)| module)
}

/// The measures that pass a filter, sorted; measures that tie keep the order of the run.
pub fn view_measures<'m>(
    catalog: &Catalog,
    measures: &'m [Measure],
    filter: &Filter,
    sort: SortKey,
) -> Vec<&'m Measure> {
    let mut view: Vec<&Measure> = measures
        .iter()
        .filter(|measure| filter.matches(catalog, measure))
        .collect();
    // `sort_by_key` is stable, which keeps the run's order among equals. `(is_none, value)` puts missing last.
    match sort {
        SortKey::Due => view.sort_by_key(|measure| {
            let due = measure.due_date();
            (measure.is_done(), due.is_none(), due)
        }),
        SortKey::Urgency => {
            view.sort_by_key(|measure| (measure.urgency.is_none(), measure.urgency))
        }
        SortKey::Status => view.sort_by_key(|measure| measure.status),
        SortKey::Module => view.sort_by_key(|measure| {
            let position = measure_module(catalog, measure).and_then(|module| {
                catalog
                    .modules
                    .iter()
                    .position(|candidate| candidate.id == module.id)
            });
            (position.is_none(), position)
        }),
    }
    view
}

/// How many days ahead "due soon" looks: two weeks, time enough to act.
pub const SOON_DAYS: i64 = 14;

/// What needs following up in a plan on a given day.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp<'m> {
    /// Not done and past their due date, the longest overdue first.
    pub overdue: Vec<&'m Measure>,
    /// Not done and due from today to [`SOON_DAYS`] ahead, the earliest first.
    pub due_soon: Vec<&'m Measure>,
    /// Done, and the Kontrolle has not yet said whether they worked, the longest finished first.
    pub to_check: Vec<&'m Measure>,
}

impl FollowUp<'_> {
    /// Whether nothing needs following up.
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty() && self.due_soon.is_empty() && self.to_check.is_empty()
    }
}

/// What needs following up on `today` (the user's local date); measures that tie keep the order of the run.
pub fn follow_up(measures: &[Measure], today: Date) -> FollowUp<'_> {
    let mut overdue: Vec<&Measure> = measures
        .iter()
        .filter(|measure| measure.is_overdue(today))
        .collect();
    overdue.sort_by_key(|measure| measure.due_date());
    let soon_end = today.plus_days(SOON_DAYS);
    let mut due_soon: Vec<&Measure> = measures
        .iter()
        .filter(|measure| {
            !measure.is_done()
                && measure
                    .due_date()
                    .is_some_and(|due| today <= due && due <= soon_end)
        })
        .collect();
    due_soon.sort_by_key(|measure| measure.due_date());
    let mut to_check: Vec<&Measure> = measures
        .iter()
        .filter(|measure| measure.awaits_effect_check())
        .collect();
    to_check.sort_by_key(|measure| {
        let finished = measure.finished_date();
        (finished.is_none(), finished)
    });
    FollowUp {
        overdue,
        due_soon,
        to_check,
    }
}

/// The items that call for action and that no measure answers yet, most urgent first (the evaluation's order):
/// "Hier fehlt noch eine Maßnahme".
pub fn uncovered_needs<'e>(evaluation: &'e Evaluation, measures: &[Measure]) -> Vec<&'e RatedItem> {
    evaluation
        .needs
        .iter()
        .filter(|need| {
            !measures
                .iter()
                .any(|measure| measure.item_ids.contains(&need.item_id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;
    use crate::testing;

    fn measure(id: &str, items: &[&str]) -> Measure {
        Measure::new(
            id,
            format!("Maßnahme {id}"),
            items.iter().map(|item| (*item).to_owned()).collect(),
            Timestamp(1),
        )
    }

    fn ids(view: &[&Measure]) -> Vec<String> {
        view.iter().map(|measure| measure.id.clone()).collect()
    }

    #[test]
    fn sort_keys_round_trip() {
        for sort in SortKey::ALL {
            assert_eq!(SortKey::from_key(sort.key()), Some(sort));
        }
        assert_eq!(SortKey::from_key("Due"), None);
    }

    #[test]
    fn the_module_is_that_of_the_first_item_in_catalog_order() {
        let catalog = testing::catalog();
        let spanning = measure("a", &["verantwortung", "weg", "rechtspflichten"]);
        assert_eq!(
            measure_module(&catalog, &spanning).map(|module| module.id.as_str()),
            Some("risiken")
        );
        assert!(measure_module(&catalog, &measure("b", &["weg"])).is_none());
        assert!(measure_module(&catalog, &measure("c", &[])).is_none());
    }

    #[test]
    fn sorting_by_due_puts_missing_and_invalid_dates_last_and_keeps_ties_in_order() {
        let catalog = testing::catalog();
        let mut measures: Vec<Measure> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|id| measure(id, &[]))
            .collect();
        measures[0].due = Some("2026-05-01".into());
        measures[1].due = None;
        measures[2].due = Some("2026-01-15".into());
        measures[3].due = Some("2026-02-30".into());
        measures[4].due = Some("2026-05-01".into());
        measures[5].due = Some("2025-12-31".into());
        let view = view_measures(&catalog, &measures, &Filter::default(), SortKey::Due);
        assert_eq!(ids(&view), vec!["f", "c", "a", "e", "b", "d"]);
        // Done measures follow the ones still to do, by their own due dates.
        measures[5].status = MeasureStatus::Done;
        measures[1].status = MeasureStatus::Done;
        let view = view_measures(&catalog, &measures, &Filter::default(), SortKey::Due);
        assert_eq!(ids(&view), vec!["c", "a", "e", "d", "f", "b"]);
    }

    #[test]
    fn follow_up_names_overdue_due_soon_and_unchecked_measures() {
        let today = Date::new(2027, 3, 10).expect("a date");
        let mut measures: Vec<Measure> = ["a", "b", "c", "d", "e", "f", "g"]
            .iter()
            .map(|id| measure(id, &[]))
            .collect();
        measures[0].due = Some("2027-03-01".into()); // overdue
        measures[1].due = Some("2027-03-10".into()); // due today: soon, not overdue
        measures[2].due = Some("2027-03-24".into()); // the last day of "soon"
        measures[3].due = Some("2027-03-25".into()); // later
        measures[4].due = Some("2027-02-01".into()); // overdue longer
        measures[5].due = Some("2027-02-01".into());
        measures[5].set_status(MeasureStatus::Done, Date::new(2027, 2, 3).expect("a date"));
        measures[6].set_status(MeasureStatus::Done, Date::new(2027, 1, 3).expect("a date"));
        let follow = follow_up(&measures, today);
        assert_eq!(ids(&follow.overdue), vec!["e", "a"]);
        assert_eq!(ids(&follow.due_soon), vec!["b", "c"]);
        assert_eq!(ids(&follow.to_check), vec!["g", "f"]);
        assert!(!follow.is_empty());
        measures[6].effect = Some(crate::measure::Effectiveness::Effective);
        measures[5].effect = Some(crate::measure::Effectiveness::Partial);
        assert!(follow_up(&measures[5..], today).is_empty());
    }

    #[test]
    fn uncovered_needs_are_the_needs_without_a_measure_most_urgent_first() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        for (item, choice) in [
            ("nutzen", "mittel"),
            ("ziele", "hoch"),
            ("risiken-ermitteln", "hoch"),
            ("verantwortung", "niedrig"),
        ] {
            run.set_choice(item, Some(choice.into()), crate::date::Timestamp(1));
        }
        run.upsert_measure(measure("m", &["ziele"]), crate::date::Timestamp(2));
        let evaluation = crate::evaluation::evaluate(&catalog, &run);
        let uncovered: Vec<(&str, Urgency)> = uncovered_needs(&evaluation, &run.measures)
            .into_iter()
            .map(|need| (need.item_id.as_str(), need.urgency))
            .collect();
        assert_eq!(
            uncovered,
            vec![
                ("risiken-ermitteln", Urgency::High),
                ("nutzen", Urgency::Medium)
            ]
        );
    }

    #[test]
    fn a_filter_is_active_when_it_holds_anything_back() {
        assert!(!Filter::default().is_active());
        assert!(Filter {
            urgency: Some(Urgency::Low),
            ..Filter::default()
        }
        .is_active());
    }

    #[test]
    fn sorting_by_urgency_status_and_module_is_stable() {
        let catalog = testing::catalog();
        let mut measures = vec![
            measure("a", &["verantwortung"]),
            measure("b", &[]),
            measure("c", &["nutzen"]),
            measure("d", &["risiken-ermitteln"]),
            measure("e", &["ziele"]),
        ];
        measures[0].urgency = Some(Urgency::Low);
        measures[2].urgency = Some(Urgency::High);
        measures[3].urgency = Some(Urgency::Low);
        measures[4].urgency = Some(Urgency::High);
        measures[0].status = MeasureStatus::Done;
        measures[3].status = MeasureStatus::InProgress;
        let view = |sort| {
            ids(&view_measures(
                &catalog,
                &measures,
                &Filter::default(),
                sort,
            ))
        };
        assert_eq!(view(SortKey::Urgency), vec!["c", "e", "a", "d", "b"]);
        assert_eq!(view(SortKey::Status), vec!["b", "c", "e", "d", "a"]);
        assert_eq!(view(SortKey::Module), vec!["c", "e", "d", "a", "b"]);
    }

    #[test]
    fn filters_combine_and_a_module_filter_sees_every_measure_touching_it() {
        let catalog = testing::catalog();
        let mut measures = vec![
            measure("a", &["nutzen", "verantwortung"]),
            measure("b", &["verantwortung"]),
            measure("c", &["risiken-ermitteln"]),
        ];
        measures[1].status = MeasureStatus::Done;
        measures[0].urgency = Some(Urgency::High);
        let view = |filter: Filter| {
            ids(&view_measures(
                &catalog,
                &measures,
                &filter,
                SortKey::Module,
            ))
        };
        let by_module = Filter {
            module_id: Some("fuehrung".into()),
            ..Filter::default()
        };
        assert_eq!(view(by_module.clone()), vec!["a", "b"]);
        assert_eq!(
            view(Filter {
                status: Some(MeasureStatus::Open),
                ..by_module.clone()
            }),
            vec!["a"]
        );
        assert_eq!(
            view(Filter {
                urgency: Some(Urgency::Medium),
                ..by_module
            }),
            Vec::<String>::new()
        );
        assert_eq!(
            view(Filter {
                module_id: Some("gibt-es-nicht".into()),
                ..Filter::default()
            }),
            Vec::<String>::new()
        );
    }
}
