//! Loading never panics, whatever the text: arbitrary strings and damaged copies of a real catalog either load or
//! come back as located problems.
//!
//! An author mid-edit produces exactly such texts, and the app may load catalogs that remote sites serve.

use checkwerk_core::load::{catalog_from_json, catalog_from_toml};
use checkwerk_core::{Catalog, CatalogErrors, Language};
use proptest::prelude::*;

/// A real catalog to damage.
const VALID_TOML: &str = include_str!("../../../catalogs/sicherheit-gesundheit.toml");

/// Enough cases to find a panic in the stages of the loader, few enough to run in seconds in a debug build.
pub(crate) const CASES: u32 = 512;

/// One small edit of the kind a slip of the keyboard makes.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapNeighbourCharacters(usize),
    DeleteCharacter(usize),
    InsertCharacter(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Characters that matter to TOML and JSON syntax, and a few that matter to nobody.
    let character = prop_oneof![
        prop::sample::select(vec![
            '"', '\'', '[', ']', '{', '}', '=', ',', '.', ':', '#', '\n', ' ', '\\', '-', '0', 'a',
            'ä'
        ]),
        any::<char>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::SwapNeighbourCharacters),
        any::<usize>().prop_map(Mutation::DeleteCharacter),
        (any::<usize>(), character).prop_map(|(at, c)| Mutation::InsertCharacter(at, c)),
    ]
}

/// Applies a mutation; positions wrap around the text so that every drawn number means some place in it.
fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut characters: Vec<char> = text.chars().collect();
    match *mutation {
        Mutation::DeleteLine(at) if !lines.is_empty() => {
            lines.remove(at % lines.len());
            return lines.concat();
        }
        Mutation::DuplicateLine(at) if !lines.is_empty() => {
            let at = at % lines.len();
            lines.insert(at, lines[at]);
            return lines.concat();
        }
        Mutation::SwapNeighbourCharacters(at) if characters.len() >= 2 => {
            let at = at % (characters.len() - 1);
            characters.swap(at, at + 1);
        }
        Mutation::DeleteCharacter(at) if !characters.is_empty() => {
            characters.remove(at % characters.len());
        }
        Mutation::InsertCharacter(at, character) => {
            characters.insert(at % (characters.len() + 1), character);
        }
        _ => {}
    }
    characters.into_iter().collect()
}

pub(crate) fn mutated(text: String) -> impl Strategy<Value = String> {
    prop::collection::vec(mutation(), 1..=4).prop_map(move |mutations| {
        mutations
            .iter()
            .fold(text.clone(), |text, mutation| apply(&text, mutation))
    })
}

/// What any load must give: a catalog that survives the JSON round trip, or problems that all name the file and,
/// where they have a line, one inside the text.
fn assert_well_behaved(
    source: &str,
    loaded: Result<Catalog, CatalogErrors>,
) -> Result<(), TestCaseError> {
    match loaded {
        Ok(catalog) => {
            let json = serde_json::to_string(&catalog).expect("a catalog serializes");
            let back = catalog_from_json("round-trip.json", &json);
            prop_assert_eq!(back.as_ref(), Ok(&catalog));
        }
        Err(errors) => {
            prop_assert!(!errors.problems.is_empty(), "an error without a problem");
            let last_line = source.split('\n').count();
            for problem in &errors.problems {
                prop_assert_eq!(&problem.file, &errors.file);
                if let Some(line) = problem.line {
                    prop_assert!(
                        (1..=last_line).contains(&line),
                        "line {} outside 1..={}: {}",
                        line,
                        last_line,
                        problem
                    );
                }
                prop_assert!(!problem.render(Language::De).is_empty());
                prop_assert!(!problem.render(Language::En).is_empty());
            }
        }
    }
    Ok(())
}

fn valid_json() -> String {
    let catalog = catalog_from_toml("sicherheit-gesundheit.toml", VALID_TOML)
        .expect("the shipped catalog is valid");
    serde_json::to_string_pretty(&catalog).expect("a catalog serializes")
}

/// Text that looks a little like TOML or JSON, so that the parsers get past their first character more often.
pub(crate) fn toml_like_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r#"[a-z_\[\]{}="'.,:# 0-9\n-]{0,200}"#).expect("a valid regex")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::volume::cases(CASES)))]

    #[test]
    fn arbitrary_text_never_panics_the_toml_loader(text in any::<String>()) {
        assert_well_behaved(&text, catalog_from_toml("any.toml", &text))?;
    }

    #[test]
    fn toml_like_text_never_panics_the_toml_loader(text in toml_like_text()) {
        assert_well_behaved(&text, catalog_from_toml("any.toml", &text))?;
    }

    #[test]
    fn arbitrary_text_never_panics_the_json_loader(text in any::<String>()) {
        assert_well_behaved(&text, catalog_from_json("any.json", &text))?;
    }

    #[test]
    fn toml_like_text_never_panics_the_json_loader(text in toml_like_text()) {
        assert_well_behaved(&text, catalog_from_json("any.json", &text))?;
    }

    #[test]
    fn a_damaged_toml_catalog_never_panics_the_loader(text in mutated(VALID_TOML.to_owned())) {
        assert_well_behaved(&text, catalog_from_toml("damaged.toml", &text))?;
    }

    #[test]
    fn a_damaged_json_catalog_never_panics_the_loader(text in mutated(valid_json())) {
        assert_well_behaved(&text, catalog_from_json("damaged.json", &text))?;
    }
}
