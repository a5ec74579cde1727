//! Rating as a team: contributions travel by link and file for every bundled catalog and any answers, hostile or
//! damaged links are refused without panicking, importing is idempotent and order-free, and the spread and the
//! suggestion keep their promises whatever the ratings.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use checkwerk_core::agreement::{by_difference, spreads, Agreement};
use checkwerk_core::contribution::{
    contribution_file, decode_contribution, decode_invitation, encode_contribution,
    encode_invitation, invitation, item_order, read_contribution, LinkError,
};
use checkwerk_core::team::{short_id, Added, ContributedAnswer, Contribution, Team};
use checkwerk_core::{Catalog, Run, Timestamp};
use proptest::prelude::*;

use crate::catalogs::shipped_catalogs;

fn catalogs() -> &'static [(String, Catalog)] {
    static CATALOGS: OnceLock<Vec<(String, Catalog)>> = OnceLock::new();
    CATALOGS.get_or_init(shipped_catalogs)
}

/// A shipped catalog by index (wrapping), so a drawn number picks one.
fn catalog(index: usize) -> &'static Catalog {
    let all = catalogs();
    &all[index % all.len()].1
}

/// An item's id with every choice it takes (and none) and every priority (and none).
type ItemOptions = (String, Vec<Option<String>>, Vec<Option<u8>>);

/// Every valid answer to each item of a catalog.
fn options(catalog: &Catalog) -> Vec<ItemOptions> {
    catalog
        .items()
        .map(|(module, item)| {
            let scale = catalog.scale_for(module, item).expect("validated");
            let choices = std::iter::once(None)
                .chain(scale.levels.iter().map(|level| Some(level.key.clone())))
                .chain(
                    scale
                        .not_relevant
                        .iter()
                        .map(|choice| Some(choice.key.clone())),
                )
                .collect();
            let priorities = std::iter::once(None)
                .chain(
                    scale
                        .priority
                        .iter()
                        .flat_map(|priority| priority.levels.iter().map(|level| Some(level.value))),
                )
                .collect();
            (item.id.clone(), choices, priorities)
        })
        .collect()
}

/// A contribution to a catalog from drawn numbers: per item a choice, a priority and maybe a note.
fn contribution_from(
    catalog: &Catalog,
    ids: (u64, u64),
    seconds: u32,
    participant: &str,
    picks: &[(usize, usize, Option<String>)],
) -> Contribution {
    let mut answers = BTreeMap::new();
    for ((item_id, choices, priorities), (choice, priority, note)) in
        options(catalog).into_iter().zip(picks.iter().cycle())
    {
        let answer = ContributedAnswer {
            choice: choices[choice % choices.len()].clone(),
            priority: priorities[priority % priorities.len()],
            note: note.clone().unwrap_or_default(),
        };
        if !answer.is_empty() {
            answers.insert(item_id, answer);
        }
    }
    Contribution {
        id: short_id(ids.1),
        team_id: short_id(ids.0),
        catalog_id: catalog.id.clone(),
        catalog_version: catalog.version.clone(),
        participant: participant.to_owned(),
        made_at: Timestamp(i64::from(seconds) * 1000),
        received_at: Timestamp::default(),
        answers,
    }
}

fn picks() -> impl Strategy<Value = Vec<(usize, usize, Option<String>)>> {
    prop::collection::vec(
        (
            any::<usize>(),
            any::<usize>(),
            prop::option::weighted(0.2, prop_oneof![".{1,40}", "[a-zäöüß .,]{1,80}"]),
        ),
        1..30,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::volume::cases(256)))]

    #[test]
    fn a_contribution_round_trips_by_link_and_file_for_every_catalog(
        which in any::<usize>(),
        ids in any::<(u64, u64)>(),
        seconds in any::<u32>(),
        participant in ".{0,30}",
        picks in picks(),
        other_order in any::<u32>(),
    ) {
        let catalog = catalog(which);
        let contribution = contribution_from(catalog, ids, seconds, &participant, &picks);
        // By position, as when both sides have the same catalog version.
        let data = encode_contribution(&contribution, catalog, item_order(catalog)).expect("fits a link");
        prop_assert_eq!(decode_contribution(&data, catalog), Ok(contribution.clone()));
        // By item id, as when the invitation came from another version.
        prop_assume!(other_order != item_order(catalog));
        let by_id = encode_contribution(&contribution, catalog, other_order).expect("fits a link");
        prop_assert_eq!(decode_contribution(&format!("https://x.example/check/{}/team#{by_id}", catalog.id), catalog), Ok(contribution.clone()));
        prop_assert_eq!(read_contribution(&contribution_file(&contribution), catalog), Ok(contribution));
    }

    #[test]
    fn an_invitation_round_trips(
        which in any::<usize>(),
        id in any::<u64>(),
        name in ".{0,60}",
        chosen in prop::collection::vec(any::<bool>(), 0..20),
    ) {
        let catalog = catalog(which);
        let modules = catalog
            .modules
            .iter()
            .zip(chosen.iter().chain(std::iter::repeat(&false)))
            .filter(|(_, chosen)| **chosen)
            .map(|(module, _)| module.id.clone())
            .collect();
        let team = Team::new(short_id(id), name, modules, vec![], Timestamp(1));
        let invitation = invitation(&team, catalog);
        let data = encode_invitation(&invitation).expect("fits");
        prop_assert_eq!(decode_invitation(&data, catalog), Ok(invitation));
    }

    #[test]
    fn a_truncated_link_is_always_refused(
        which in any::<usize>(),
        ids in any::<(u64, u64)>(),
        picks in picks(),
        cut in any::<prop::sample::Index>(),
    ) {
        let catalog = catalog(which);
        let contribution = contribution_from(catalog, ids, 1_800_000_000, "Anna", &picks);
        let data = encode_contribution(&contribution, catalog, item_order(catalog)).expect("fits");
        let cut = cut.index(data.len());
        prop_assert!(decode_contribution(&data[..cut], catalog).is_err());
    }

    #[test]
    fn a_damaged_link_never_panics_and_is_never_half_read(
        which in any::<usize>(),
        ids in any::<(u64, u64)>(),
        picks in picks(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(b"AZaz09-_".to_vec())), 1..4),
    ) {
        let catalog = catalog(which);
        let contribution = contribution_from(catalog, ids, 1_800_000_000, "Anna", &picks);
        let data = encode_contribution(&contribution, catalog, item_order(catalog)).expect("fits");
        let mut bytes = data.into_bytes();
        for (at, character) in edits {
            let at = at.index(bytes.len());
            bytes[at] = character;
        }
        let damaged = String::from_utf8(bytes).expect("ASCII");
        // Either the edits changed nothing (a character replaced by itself) or the link is refused whole.
        match decode_contribution(&damaged, catalog) {
            Ok(read) => prop_assert_eq!(read, contribution),
            Err(error) => prop_assert_eq!(error, LinkError::Damaged),
        }
    }

    #[test]
    fn hostile_text_never_panics(text in ".{0,300}", which in any::<usize>()) {
        let catalog = catalog(which);
        let _ = decode_contribution(&text, catalog);
        let _ = decode_invitation(&text, catalog);
        let _ = read_contribution(&text, catalog);
        let _ = read_contribution(&format!("{{\"format\":\"checkwerk-contribution\",\"version\":1,\"contribution\":{text}}}"), catalog);
    }

    #[test]
    fn hostile_bytes_with_a_valid_checksum_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..120), which in any::<usize>()) {
        // A crafted link passes the checksum; its content must still be checked rule by rule.
        let catalog = catalog(which);
        let mut sealed = bytes.clone();
        sealed.extend_from_slice(&checkwerk_core::codec::crc32(&bytes).to_be_bytes());
        let data = checkwerk_core::codec::base64_url(&sealed);
        let _ = decode_contribution(&data, catalog);
        let _ = decode_invitation(&data, catalog);
    }

    #[test]
    fn importing_is_idempotent_and_the_order_does_not_matter(
        which in any::<usize>(),
        people in prop::collection::vec((any::<u64>(), 0u32..3, picks()), 1..6),
        order in any::<prop::sample::Index>(),
    ) {
        let catalog = catalog(which);
        // Some people pass on two versions of their contribution (same id, later time).
        let contributions: Vec<Contribution> = people
            .iter()
            .map(|(id, version, picks)| contribution_from(catalog, (7, id % 4), 1_800_000_000 + version, "Anna", picks))
            .collect();
        let now = Timestamp(5);
        let mut forward = Team::new(short_id(7), "Team", vec![], vec![], Timestamp(1));
        for contribution in &contributions {
            forward.add_contribution(contribution.clone(), now);
        }
        let mut rotated = contributions.clone();
        let by = order.index(rotated.len());
        rotated.rotate_left(by);
        rotated.reverse();
        let mut backward = Team::new(short_id(7), "Team", vec![], vec![], Timestamp(1));
        for contribution in &rotated {
            backward.add_contribution(contribution.clone(), now);
        }
        prop_assert_eq!(&forward, &backward);
        // The same contributions a second time change nothing.
        let before = forward.clone();
        for contribution in &contributions {
            let added = forward.add_contribution(contribution.clone(), Timestamp(9));
            prop_assert!(matches!(added, Added::AlreadyThere | Added::Outdated));
        }
        prop_assert_eq!(&forward, &before);
    }

    #[test]
    fn copies_of_a_team_assessment_merge_to_the_same_run_in_any_order(
        which in any::<usize>(),
        people in prop::collection::vec((any::<u64>(), 0u32..3, picks(), 0usize..3, 1i64..50), 1..8),
    ) {
        // Three tabs (or devices) of the facilitator each take in some of the contributions at their own times.
        let catalog = catalog(which);
        let mut base = Run::new("team", catalog, Timestamp(1));
        base.team = Some(Team::new(short_id(7), "Team", vec![], vec![], Timestamp(1)));
        let mut copies = [base.clone(), base.clone(), base];
        for (id, version, picks, copy, at) in &people {
            let contribution = contribution_from(catalog, (7, id % 5), 1_800_000_000 + version, "", picks);
            copies[*copy].edit_team(Timestamp(*at), |team, now| {
                team.add_contribution(contribution, now);
            });
        }
        let merged = |order: [usize; 3]| {
            let mut run = copies[order[0]].clone();
            run.merge(&copies[order[1]]);
            run.merge(&copies[order[2]]);
            run
        };
        let first = merged([0, 1, 2]);
        for order in [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            prop_assert_eq!(&merged(order), &first);
        }
        let mut again = first.clone();
        prop_assert!(!again.merge(&copies[1]), "merging a copy already merged changes nothing");
    }

    #[test]
    fn the_suggestion_is_one_of_the_choices_and_the_spread_adds_up(
        which in any::<usize>(),
        people in prop::collection::vec(picks(), 0..12),
    ) {
        let catalog = catalog(which);
        let mut team = Team::new(short_id(7), "Team", vec![], vec![], Timestamp(1));
        for (index, picks) in people.iter().enumerate() {
            team.add_contribution(contribution_from(catalog, (7, index as u64), 1_800_000_000, "", picks), Timestamp(2));
        }
        let all = spreads(catalog, &team);
        prop_assert_eq!(all.len(), catalog.item_count());
        for spread in &all {
            prop_assert_eq!(spread.rated + spread.open, people.len());
            let chosen: Vec<&str> = spread.choices.iter().filter(|c| c.count > 0).map(|c| c.key.as_str()).collect();
            match (&spread.suggestion, spread.agreement) {
                (None, Agreement::Open) => prop_assert!(chosen.is_empty()),
                (Some(suggestion), Agreement::Agreed) => prop_assert_eq!(chosen, vec![suggestion.choice.as_str()]),
                (Some(suggestion), Agreement::Differs) => {
                    prop_assert!(chosen.len() > 1);
                    prop_assert!(chosen.contains(&suggestion.choice.as_str()));
                    // A suggested level lies between the lowest and the highest need chosen.
                    let needs: Vec<u8> = spread.choices.iter().filter(|c| c.count > 0).filter_map(|c| c.need).collect();
                    if let Some(need) = spread.choices.iter().find(|c| c.key == suggestion.choice).and_then(|c| c.need) {
                        prop_assert!(needs.iter().min() <= Some(&need) && Some(&need) <= needs.iter().max());
                    }
                }
                (suggestion, agreement) => prop_assert!(false, "{suggestion:?} with {agreement:?}"),
            }
        }
        // The order for the workshop: every difference before every agreement, larger distances first.
        let mut ordered = all.clone();
        by_difference(&mut ordered);
        for pair in ordered.windows(2) {
            let rank = |a: Agreement| match a { Agreement::Differs => 0, Agreement::Agreed => 1, Agreement::Open => 2 };
            prop_assert!(rank(pair[0].agreement) <= rank(pair[1].agreement));
            if pair[0].agreement == pair[1].agreement {
                prop_assert!(pair[0].distance >= pair[1].distance);
            }
        }
    }

    #[test]
    fn the_spread_does_not_depend_on_the_order_contributions_arrived(
        which in any::<usize>(),
        people in prop::collection::vec(picks(), 1..8),
    ) {
        let catalog = catalog(which);
        let team_in = |order: Vec<usize>| {
            let mut team = Team::new(short_id(7), "Team", vec![], vec![], Timestamp(1));
            for (at, index) in order.into_iter().enumerate() {
                team.add_contribution(contribution_from(catalog, (7, index as u64), 1_800_000_000, "", &people[index]), Timestamp(at as i64 + 2));
            }
            team
        };
        let forward = spreads(catalog, &team_in((0..people.len()).collect()));
        let backward = spreads(catalog, &team_in((0..people.len()).rev().collect()));
        for (a, b) in forward.iter().zip(&backward) {
            prop_assert_eq!(&a.choices, &b.choices);
            prop_assert_eq!(&a.suggestion, &b.suggestion);
            prop_assert_eq!((a.distance, a.agreement, a.open), (b.distance, b.agreement, b.open));
        }
    }
}

#[test]
fn a_team_of_25_rating_the_63_items_of_a_3_1_stays_fast() {
    let catalog = &catalogs()
        .iter()
        .find(|(_, catalog)| catalog.id == "arbeitsschutz-mit-methode")
        .expect("A-3.1 is bundled")
        .1;
    assert_eq!(catalog.item_count(), 63);
    let mut team = Team::new(short_id(7), "Team", vec![], vec![], Timestamp(1));
    for person in 0..25u64 {
        let picks: Vec<(usize, usize, Option<String>)> = (0..7)
            .map(|index| {
                let note = (index == 3).then(|| "Unterweisung fehlt im Lager".to_owned());
                ((person as usize * 7 + index) % 5, 0, note)
            })
            .collect();
        let contribution = contribution_from(catalog, (7, person), 1_800_000_000, "Person", &picks);
        // Every contribution travels by link, as 25 people would pass theirs on.
        let data = encode_contribution(&contribution, catalog, item_order(catalog)).expect("fits");
        let read = decode_contribution(&data, catalog).expect("reads");
        team.add_contribution(read, Timestamp(2));
    }
    let started = std::time::Instant::now();
    for _ in 0..10 {
        let mut all = spreads(catalog, &team);
        by_difference(&mut all);
        assert_eq!(all.len(), 63);
    }
    // Ten recomputations in a debug build; a page needs one per change.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
