//! `catalogs/README.md` stays true: its annotated examples load, and it names every validation rule and field.

use std::path::Path;

use checkwerk_core::load::catalog_from_toml;
use checkwerk_core::validate::rule_names;
use checkwerk_core::Language;

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs/README.md");
    std::fs::read_to_string(path).expect("catalogs/README.md exists")
}

/// The ```toml blocks of the README that are whole catalogs (the annotated examples), not snippets.
fn example_catalogs(readme: &str) -> Vec<String> {
    readme
        .split("```toml\n")
        .skip(1)
        .filter_map(|block| block.split_once("```").map(|(code, _)| code.to_owned()))
        .filter(|code| code.contains("format_version"))
        .collect()
}

#[test]
fn the_annotated_examples_are_valid_catalogs() {
    let examples = example_catalogs(&readme());
    assert_eq!(
        examples.len(),
        2,
        "one example in German and one in English"
    );
    for (index, example) in examples.iter().enumerate() {
        let name = format!("README.md example {}", index + 1);
        if let Err(errors) = catalog_from_toml(&name, example) {
            panic!("{}", errors.render(Language::En));
        }
    }
}

#[test]
fn every_validation_rule_is_documented_in_both_languages() {
    let readme = readme();
    for rule in rule_names() {
        let rows = readme.matches(&format!("| {rule} |")).count();
        assert_eq!(
            rows, 2,
            "catalogs/README.md needs a row for the rule `{rule}` in each language"
        );
    }
}

#[cfg(feature = "schema")]
#[test]
fn every_field_is_documented() {
    let readme = readme();
    let schema = checkwerk_core::schema::catalog_schema();
    let definitions = schema["definitions"].as_object().expect("definitions");
    let objects = std::iter::once(&schema).chain(definitions.values());
    for object in objects {
        for field in object["properties"]
            .as_object()
            .into_iter()
            .flat_map(|properties| properties.keys())
        {
            assert!(
                readme.contains(&format!("`{field}`")),
                "catalogs/README.md does not mention the field `{field}`"
            );
        }
    }
}
