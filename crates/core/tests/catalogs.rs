//! Every catalog in `catalogs/` loads, validates and evaluates.

use std::path::{Path, PathBuf};

use checkwerk_core::load::catalog_from_toml;
use checkwerk_core::text::{blocks_from, parse, parse_ahead};
use checkwerk_core::{evaluate, is_rated, Catalog, NeedIndex, Run, Timestamp};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Loads every shipped catalog, failing with all located problems of any broken one.
pub(crate) fn shipped_catalogs() -> Vec<(String, Catalog)> {
    let files = crate::files_with_extension(&workspace_root().join("catalogs"), "toml");
    assert!(!files.is_empty(), "catalogs/ holds no catalog");
    files
        .into_iter()
        .map(|(name, source)| match catalog_from_toml(&name, &source) {
            Ok(catalog) => (name, catalog),
            Err(errors) => panic!("{}", errors.render(checkwerk_core::Language::De)),
        })
        .collect()
}

#[test]
fn every_shipped_catalog_is_valid() {
    for (name, catalog) in shipped_catalogs() {
        assert!(catalog.item_count() > 0, "{name} has no items");
        let stem = name.trim_end_matches(".toml");
        assert_eq!(
            catalog.id, stem,
            "{name}: the file name must be the catalog id"
        );
    }
}

#[test]
fn catalog_ids_are_unique_across_files() {
    let mut ids: Vec<String> = shipped_catalogs().into_iter().map(|(_, c)| c.id).collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

#[test]
fn every_shipped_catalog_evaluates_when_fully_answered() {
    for (name, catalog) in shipped_catalogs() {
        let mut run = Run::new("test", &catalog, Timestamp(0));
        for (module, item) in catalog.items() {
            let scale = catalog.scale_for(module, item).expect("validated scale");
            let highest = scale
                .levels
                .iter()
                .max_by_key(|level| level.need)
                .expect("levels");
            run.set_choice(&item.id, Some(highest.key.clone()), Timestamp(1));
        }
        let evaluation = evaluate(&catalog, &run);
        assert_eq!(
            evaluation.overall.rated_count,
            catalog.item_count(),
            "{name}"
        );
        assert!(
            matches!(evaluation.overall.need_index, NeedIndex::Value(_)),
            "{name}"
        );
        assert!(evaluation.orphans.is_empty(), "{name}");
    }
}

#[test]
fn progress_counts_match_the_evaluation_for_every_catalog() {
    for (name, catalog) in shipped_catalogs() {
        // Every third item at a level, every third "not relevant" where the scale has it, every third with a
        // key the scale does not know; the rest unanswered.
        let mut run = Run::new("test", &catalog, Timestamp(0));
        for (index, (module, item)) in catalog.items().enumerate() {
            let scale = catalog.scale_for(module, item).expect("validated scale");
            let choice = match index % 4 {
                0 => scale.levels.first().map(|level| level.key.clone()),
                1 => scale.not_relevant.as_ref().map(|choice| choice.key.clone()),
                2 => Some("unbekannt".to_owned()),
                _ => None,
            };
            run.set_choice(&item.id, choice, Timestamp(1));
        }
        let evaluation = evaluate(&catalog, &run);
        let expected: Vec<usize> = evaluation
            .modules
            .iter()
            .map(|module| module.tally.rated_count)
            .collect();
        let counted: Vec<usize> = catalog
            .modules
            .iter()
            .map(|module| {
                module
                    .items
                    .iter()
                    .filter(|item| is_rated(catalog.scale_for(module, item), run.answer(&item.id)))
                    .count()
            })
            .collect();
        assert_eq!(counted, expected, "{name}");
        assert!(expected.iter().sum::<usize>() > 0, "{name}: nothing rated");
    }
}

#[test]
fn texts_parsed_ahead_read_as_parsed_for_every_catalog() {
    for (name, catalog) in shipped_catalogs() {
        let parsed = parse_ahead(catalog.formatted_texts());
        let mut count = 0;
        for text in catalog.formatted_texts() {
            assert_eq!(blocks_from(&parsed, text), parse(text), "{name}: {text:?}");
            count += 1;
        }
        assert!(count > 0, "{name} has no formatted text");
    }
}

#[test]
fn shipped_catalogs_survive_the_json_round_trip_the_web_build_uses() {
    for (name, catalog) in shipped_catalogs() {
        let json = serde_json::to_string(&catalog).expect("serializable");
        let back = checkwerk_core::load::catalog_from_json(&name, &json).expect("valid json");
        assert_eq!(back, catalog, "{name}");
    }
}
