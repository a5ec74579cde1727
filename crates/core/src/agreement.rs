//! Where a team agrees and where it does not: per Check-Punkt the spread of the contributed ratings, how far apart
//! they are, a suggested team rating, and whether the team's rating is settled.
//!
//! Items nobody rated are *open*, kept apart from a *difference*: two or more people chose differently. A
//! difference is as large as the distance between the highest and the lowest need chosen; "not relevant" beside a
//! level is a difference too (whether the point applies at all), ranked below any difference of need. As in CSET,
//! every real difference must be decided explicitly: a suggestion is offered, never applied on its own.
//!
//! The suggestion is the median of the levels chosen (between two middle values the one with more need: OM checks
//! treat "no need" with caution), or "not relevant" where more people chose that than any level; the priority is
//! the median of the priorities given (between two, the more urgent).

use crate::catalog::{Catalog, Colour, Scale};
use crate::evaluation::{Orphan, OrphanReason};
use crate::run::Run;
use crate::team::{Contribution, Team};

/// How far a team agrees on one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Nobody rated it.
    Open,
    /// Everybody who rated it chose the same (one person alone included).
    Agreed,
    /// At least two people chose differently.
    Differs,
}

/// How many people chose one choice of an item's scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceCount {
    /// The choice's key.
    pub key: String,
    /// Its label.
    pub label: String,
    /// The level's need, `None` for "not relevant".
    pub need: Option<u8>,
    /// The level's colour, `None` for "not relevant".
    pub colour: Option<Colour>,
    /// How many chose it.
    pub count: usize,
}

/// One person's answer to an item, as the spread lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonAnswer {
    /// The contribution's id.
    pub contribution_id: String,
    /// The person's number among all contributions (1, 2, …, in the order they arrived), for anonymous listing.
    pub number: usize,
    /// The name the person gave; empty for anonymous.
    pub participant: String,
    /// The valid choice they made, if any.
    pub choice: Option<String>,
    /// The priority they gave, if valid for the scale.
    pub priority: Option<u8>,
    /// Their note; may be empty.
    pub note: String,
}

/// The suggested team rating of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The suggested choice key.
    pub choice: String,
    /// The suggested priority, where people gave one.
    pub priority: Option<u8>,
}

/// The spread of the ratings of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    /// The item's module.
    pub module_id: String,
    /// The item.
    pub item_id: String,
    /// The item's position in the catalog, for a stable order.
    pub position: usize,
    /// Every choice of the item's scale (levels in order, then "not relevant"), with how many chose it.
    pub choices: Vec<ChoiceCount>,
    /// Every priority of the scale (most urgent first) with how many gave it; empty without priorities.
    pub priorities: Vec<(u8, usize)>,
    /// How many people rated it.
    pub rated: usize,
    /// How many contributions leave it open.
    pub open: usize,
    /// The distance between the highest and the lowest need chosen, 0–100.
    pub distance: u8,
    /// Whether some chose "not relevant" and others a level.
    pub relevance_differs: bool,
    /// How far the team agrees.
    pub agreement: Agreement,
    /// The suggested team rating; `None` while nobody rated.
    pub suggestion: Option<Suggestion>,
    /// Each person's answer where they rated or noted something, in the order the contributions arrived.
    pub answers: Vec<PersonAnswer>,
}

/// Whether the team's rating of an item is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settlement {
    /// Nobody rated it and the team has no rating yet.
    Open,
    /// Everybody agrees, and the team's rating is not that yet: it can be taken over.
    ToTakeOver,
    /// People differ and no decision stands for the team's current rating.
    ToDecide,
    /// The team's rating stands: agreed and taken over, or decided (with the rating now in the run).
    Settled,
}

/// How far a team assessment has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Items the team rates.
    pub items: usize,
    /// Items with a difference still to decide.
    pub to_decide: usize,
    /// Items everybody agrees on, not yet taken over.
    pub to_take_over: usize,
    /// Items nobody rated, without a team rating.
    pub open: usize,
    /// Items whose team rating stands.
    pub settled: usize,
    /// Items with a difference (decided or not).
    pub differences: usize,
}

/// What one contribution holds, for the list of participants.
#[derive(Debug, Clone, PartialEq)]
pub struct ContributionSummary {
    /// The contribution's id.
    pub id: String,
    /// The person's number in the order contributions arrived.
    pub number: usize,
    /// The name the person gave; empty for anonymous.
    pub participant: String,
    /// How many of the team's items it rates.
    pub rated: usize,
    /// How many notes it has.
    pub notes: usize,
    /// The catalog version the person rated.
    pub catalog_version: String,
    /// Its answers this catalog cannot place: items that no longer exist, choices the scale no longer has.
    pub orphans: Vec<Orphan>,
}

/// The choices of a scale in order: levels, then "not relevant".
fn choice_counts(scale: &Scale) -> Vec<ChoiceCount> {
    scale
        .levels
        .iter()
        .map(|level| ChoiceCount {
            key: level.key.clone(),
            label: level.label.clone(),
            need: Some(level.need),
            colour: Some(level.colour),
            count: 0,
        })
        .chain(scale.not_relevant.iter().map(|choice| ChoiceCount {
            key: choice.key.clone(),
            label: choice.label.clone(),
            need: None,
            colour: None,
            count: 0,
        }))
        .collect()
}

/// The spread of every item the team rates, in catalog order.
pub fn spreads(catalog: &Catalog, team: &Team) -> Vec<Spread> {
    let contributions = team.contributions_in_order();
    catalog
        .items()
        .enumerate()
        .filter(|(_, (module, _))| team.rates_module(&module.id))
        .filter_map(|(position, (module, item))| {
            let scale = catalog.scale_for(module, item)?;
            Some(spread_of(
                scale,
                &module.id,
                &item.id,
                position,
                &contributions,
            ))
        })
        .collect()
}

fn spread_of(
    scale: &Scale,
    module_id: &str,
    item_id: &str,
    position: usize,
    contributions: &[&Contribution],
) -> Spread {
    let mut choices = choice_counts(scale);
    let mut priorities: Vec<(u8, usize)> = scale
        .priority
        .iter()
        .flat_map(|priority| priority.levels.iter().map(|level| (level.value, 0)))
        .collect();
    let mut answers = Vec::new();
    for (index, contribution) in contributions.iter().enumerate() {
        let Some(answer) = contribution.answers.get(item_id) else {
            continue;
        };
        let choice = answer
            .choice
            .as_deref()
            .filter(|key| scale.accepts(key))
            .map(str::to_owned);
        let priority = answer
            .priority
            .filter(|value| priorities.iter().any(|(known, _)| known == value));
        if let Some(key) = &choice {
            if let Some(count) = choices.iter_mut().find(|count| &count.key == key) {
                count.count += 1;
            }
        }
        if let Some(value) = priority {
            if let Some(count) = priorities.iter_mut().find(|(known, _)| *known == value) {
                count.1 += 1;
            }
        }
        if choice.is_some() || priority.is_some() || !answer.note.is_empty() {
            answers.push(PersonAnswer {
                contribution_id: contribution.id.clone(),
                number: index + 1,
                participant: contribution.participant.clone(),
                choice,
                priority,
                note: answer.note.clone(),
            });
        }
    }
    let rated: usize = choices.iter().map(|count| count.count).sum();
    let needs: Vec<u8> = choices
        .iter()
        .filter(|count| count.count > 0)
        .filter_map(|count| count.need)
        .collect();
    let distance = match (needs.iter().max(), needs.iter().min()) {
        (Some(high), Some(low)) => high - low,
        _ => 0,
    };
    let chosen_kinds = choices.iter().filter(|count| count.count > 0).count();
    let not_relevant = choices
        .iter()
        .filter(|count| count.need.is_none())
        .map(|count| count.count)
        .sum::<usize>();
    let agreement = match chosen_kinds {
        0 => Agreement::Open,
        1 => Agreement::Agreed,
        _ => Agreement::Differs,
    };
    Spread {
        module_id: module_id.to_owned(),
        item_id: item_id.to_owned(),
        position,
        suggestion: suggest(&choices, &priorities),
        relevance_differs: not_relevant > 0 && not_relevant < rated,
        choices,
        priorities,
        rated,
        open: contributions.len() - rated,
        distance,
        agreement,
        answers,
    }
}

/// The suggestion from the counts (see the module's documentation).
fn suggest(choices: &[ChoiceCount], priorities: &[(u8, usize)]) -> Option<Suggestion> {
    let not_relevant = choices.iter().find(|count| count.need.is_none());
    let not_relevant_count = not_relevant.map_or(0, |count| count.count);
    // Levels by need, each repeated as often as it was chosen; equal needs keep the scale's order.
    let mut levels: Vec<(u8, usize)> = choices
        .iter()
        .enumerate()
        .filter_map(|(index, count)| Some((count.need?, index)))
        .flat_map(|(need, index)| std::iter::repeat_n((need, index), choices[index].count))
        .collect();
    levels.sort_unstable();
    let choice = if not_relevant_count > levels.len() {
        not_relevant?.key.clone()
    } else {
        let (_, index) = levels.get(levels.len() / 2)?;
        choices[*index].key.clone()
    };
    let mut given: Vec<u8> = priorities
        .iter()
        .flat_map(|&(value, count)| std::iter::repeat_n(value, count))
        .collect();
    given.sort_unstable();
    let priority = given.get(given.len().saturating_sub(1) / 2).copied();
    Some(Suggestion { choice, priority })
}

/// The spreads ordered for a workshop: differences first, the largest distance first ("not relevant" beside a
/// level after differences of need), then agreed items, then open ones; catalog order among equals. The order
/// does not depend on decisions, so deciding an item never moves it.
pub fn by_difference(spreads: &mut [Spread]) {
    // Unstable sorting suffices: the catalog position makes every key unique.
    spreads.sort_unstable_by_key(|spread| {
        let kind = match spread.agreement {
            Agreement::Differs => 0,
            Agreement::Agreed => 1,
            Agreement::Open => 2,
        };
        // How many people chose something other than the suggestion: more dissent, more to talk about.
        let dissent = spread.suggestion.as_ref().map_or(0, |suggestion| {
            spread.rated
                - spread
                    .choices
                    .iter()
                    .find(|count| count.key == suggestion.choice)
                    .map_or(0, |count| count.count)
        });
        (
            kind,
            std::cmp::Reverse(spread.distance),
            std::cmp::Reverse(spread.relevance_differs),
            std::cmp::Reverse(dissent),
            spread.position,
        )
    });
}

/// Whether the team's rating of an item stands, given the run's current answer and the decision recorded.
pub fn settlement(spread: &Spread, run: &Run, team: &Team) -> Settlement {
    let team_choice = run
        .answer(&spread.item_id)
        .and_then(|answer| answer.choice.as_deref())
        .filter(|key| spread.choices.iter().any(|count| count.key == *key));
    let decided = team
        .decisions
        .get(&spread.item_id)
        .is_some_and(|decision| decision.choice.as_deref() == team_choice && team_choice.is_some());
    match spread.agreement {
        Agreement::Open if team_choice.is_some() => Settlement::Settled,
        Agreement::Open => Settlement::Open,
        Agreement::Differs if decided => Settlement::Settled,
        Agreement::Differs => Settlement::ToDecide,
        Agreement::Agreed => {
            let agreed = spread.suggestion.as_ref().map(|s| s.choice.as_str());
            if decided || (team_choice.is_some() && team_choice == agreed) {
                Settlement::Settled
            } else {
                Settlement::ToTakeOver
            }
        }
    }
}

/// How far the team assessment has come, over the spreads given.
pub fn progress(spreads: &[Spread], run: &Run, team: &Team) -> Progress {
    let mut progress = Progress {
        items: spreads.len(),
        ..Progress::default()
    };
    for spread in spreads {
        if spread.agreement == Agreement::Differs {
            progress.differences += 1;
        }
        match settlement(spread, run, team) {
            Settlement::Open => progress.open += 1,
            Settlement::ToTakeOver => progress.to_take_over += 1,
            Settlement::ToDecide => progress.to_decide += 1,
            Settlement::Settled => progress.settled += 1,
        }
    }
    progress
}

/// Every contribution with what it holds, in the order they arrived.
pub fn contribution_summaries(catalog: &Catalog, team: &Team) -> Vec<ContributionSummary> {
    team.contributions_in_order()
        .into_iter()
        .enumerate()
        .map(|(index, contribution)| {
            let mut rated = 0;
            let mut orphans = Vec::new();
            for (item_id, answer) in &contribution.answers {
                let Some((module, item)) = catalog.item(item_id) else {
                    orphans.push(Orphan {
                        item_id: item_id.clone(),
                        reason: OrphanReason::ItemRemoved,
                    });
                    continue;
                };
                let scale = catalog.scale_for(module, item);
                match answer.choice.as_deref() {
                    Some(key) if scale.is_some_and(|scale| scale.accepts(key)) => {
                        rated += usize::from(team.rates_module(&module.id));
                    }
                    Some(key) => orphans.push(Orphan {
                        item_id: item_id.clone(),
                        reason: OrphanReason::ChoiceUnknown {
                            choice: key.to_owned(),
                        },
                    }),
                    None => {}
                }
            }
            ContributionSummary {
                id: contribution.id.clone(),
                number: index + 1,
                participant: contribution.participant.clone(),
                rated,
                notes: contribution
                    .answers
                    .values()
                    .filter(|answer| !answer.note.trim().is_empty())
                    .count(),
                catalog_version: contribution.catalog_version.clone(),
                orphans,
            }
        })
        .collect()
}

/// Whether a contribution's name is one of the listed participants' (ignoring spaces around it and the case of
/// ASCII letters: Unicode case tables would cost the app more than "JÖRG" for "Jörg" is worth).
pub fn same_person(listed: &str, given: &str) -> bool {
    let listed = listed.trim();
    !listed.is_empty() && listed.eq_ignore_ascii_case(given.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;
    use crate::team::{ContributedAnswer, Decision};
    use crate::testing;

    fn team_with(ratings: &[&[(&str, &str)]]) -> Team {
        let mut team = Team::new("00000000000000a1", "Team", vec![], vec![], Timestamp(1));
        for (index, answers) in ratings.iter().enumerate() {
            let contribution = Contribution {
                id: format!("{index:016x}"),
                team_id: team.id.clone(),
                catalog_id: "umwelt-test".into(),
                catalog_version: "1".into(),
                participant: format!("Person {index}"),
                made_at: Timestamp(1000),
                received_at: Timestamp(0),
                answers: answers
                    .iter()
                    .map(|(item, choice)| {
                        (
                            (*item).to_owned(),
                            ContributedAnswer {
                                choice: Some((*choice).to_owned()),
                                ..ContributedAnswer::default()
                            },
                        )
                    })
                    .collect(),
            };
            team.add_contribution(contribution, Timestamp(10 + index as i64));
        }
        team
    }

    fn spread<'a>(spreads: &'a [Spread], item_id: &str) -> &'a Spread {
        spreads.iter().find(|s| s.item_id == item_id).expect("item")
    }

    #[test]
    fn the_spread_counts_choices_and_keeps_open_apart_from_differences() {
        let catalog = testing::catalog();
        let team = team_with(&[
            &[("nutzen", "hoch"), ("ziele", "mittel")],
            &[("nutzen", "hoch"), ("ziele", "mittel")],
            &[("nutzen", "mittel")],
            &[("nutzen", "niedrig")],
            &[("nutzen", "nicht-relevant")],
        ]);
        let spreads = spreads(&catalog, &team);
        let nutzen = spread(&spreads, "nutzen");
        let counts: Vec<(&str, usize)> = nutzen
            .choices
            .iter()
            .map(|c| (c.key.as_str(), c.count))
            .collect();
        assert_eq!(
            counts,
            [
                ("hoch", 2),
                ("mittel", 1),
                ("niedrig", 1),
                ("nicht-relevant", 1)
            ]
        );
        assert_eq!((nutzen.rated, nutzen.open, nutzen.distance), (5, 0, 100));
        assert!(nutzen.relevance_differs);
        assert_eq!(nutzen.agreement, Agreement::Differs);
        let ziele = spread(&spreads, "ziele");
        assert_eq!(
            (ziele.rated, ziele.open, ziele.agreement),
            (2, 3, Agreement::Agreed)
        );
        let open = spread(&spreads, "verantwortung");
        assert_eq!(
            (open.agreement, open.open, open.suggestion.clone()),
            (Agreement::Open, 5, None)
        );
    }

    #[test]
    fn the_suggestion_is_the_median_and_leans_to_more_need() {
        let catalog = testing::catalog();
        let suggestion = |ratings: &[&str]| {
            let contributions: Vec<Vec<(&str, &str)>> = ratings
                .iter()
                .map(|choice| vec![("nutzen", *choice)])
                .collect();
            let slices: Vec<&[(&str, &str)]> = contributions.iter().map(Vec::as_slice).collect();
            spread(&spreads(&catalog, &team_with(&slices)), "nutzen")
                .suggestion
                .clone()
                .map(|s| s.choice)
        };
        assert_eq!(
            suggestion(&["hoch", "mittel", "niedrig"]).as_deref(),
            Some("mittel")
        );
        assert_eq!(suggestion(&["hoch", "niedrig"]).as_deref(), Some("hoch"));
        assert_eq!(
            suggestion(&["niedrig", "niedrig", "hoch"]).as_deref(),
            Some("niedrig")
        );
        assert_eq!(
            suggestion(&["nicht-relevant", "nicht-relevant", "niedrig"]).as_deref(),
            Some("nicht-relevant")
        );
        assert_eq!(
            suggestion(&["nicht-relevant", "niedrig"]).as_deref(),
            Some("niedrig")
        );
        assert_eq!(suggestion(&[]), None);
    }

    #[test]
    fn differences_come_first_the_largest_first() {
        let catalog = testing::catalog();
        let team = team_with(&[
            &[
                ("nutzen", "hoch"),
                ("ziele", "hoch"),
                ("risiken-ermitteln", "hoch"),
                ("rechtspflichten", "niedrig"),
            ],
            &[
                ("nutzen", "mittel"),
                ("ziele", "niedrig"),
                ("risiken-ermitteln", "hoch"),
                ("rechtspflichten", "nicht-relevant"),
            ],
        ]);
        let mut ordered = spreads(&catalog, &team);
        by_difference(&mut ordered);
        let ids: Vec<&str> = ordered.iter().map(|s| s.item_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ziele",
                "nutzen",
                "rechtspflichten",
                "risiken-ermitteln",
                "verantwortung"
            ]
        );
    }

    #[test]
    fn a_difference_is_settled_only_by_a_decision_for_the_current_rating() {
        let catalog = testing::catalog();
        let mut team = team_with(&[
            &[("nutzen", "hoch"), ("ziele", "mittel")],
            &[("nutzen", "niedrig"), ("ziele", "mittel")],
        ]);
        let mut run = testing::run();
        let all = spreads(&catalog, &team);
        let nutzen = spread(&all, "nutzen");
        let ziele = spread(&all, "ziele");
        assert_eq!(settlement(nutzen, &run, &team), Settlement::ToDecide);
        assert_eq!(settlement(ziele, &run, &team), Settlement::ToTakeOver);
        run.set_choice("nutzen", Some("hoch".into()), Timestamp(5));
        assert_eq!(
            settlement(nutzen, &run, &team),
            Settlement::ToDecide,
            "a rating alone decides nothing"
        );
        team.decide(
            "nutzen",
            Decision {
                choice: Some("hoch".into()),
                reason: "Werkstatt".into(),
                ..Decision::default()
            },
            Timestamp(6),
        );
        assert_eq!(settlement(nutzen, &run, &team), Settlement::Settled);
        run.set_choice("nutzen", Some("mittel".into()), Timestamp(7));
        assert_eq!(
            settlement(nutzen, &run, &team),
            Settlement::ToDecide,
            "changed since the decision"
        );
        run.set_choice("ziele", Some("mittel".into()), Timestamp(8));
        assert_eq!(settlement(ziele, &run, &team), Settlement::Settled);
        let progress = progress(&all, &run, &team);
        assert_eq!(
            (
                progress.items,
                progress.to_decide,
                progress.settled,
                progress.open
            ),
            (5, 1, 1, 3)
        );
    }

    #[test]
    fn summaries_count_what_each_person_rated_and_list_orphans() {
        let catalog = testing::catalog();
        let mut team = team_with(&[&[("nutzen", "hoch"), ("weg", "hoch"), ("ziele", "sehr hoch")]]);
        team.set_modules(vec!["einstieg".into()], Timestamp(2));
        let summaries = contribution_summaries(&catalog, &team);
        assert_eq!(summaries[0].rated, 1);
        assert_eq!(summaries[0].orphans.len(), 2);
        assert!(same_person(" anna ", "Anna"));
        assert!(!same_person("", ""));
    }
}
