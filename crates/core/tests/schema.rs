//! The JSON Schema describes the catalog format as the loader reads it.
//!
//! That `catalogs/catalog.schema.json` is up to date is checked by the CLI's tests, which produce it.

use checkwerk_core::schema::catalog_schema;
use serde_json::Value;

fn definition<'a>(schema: &'a Value, name: &str) -> &'a Value {
    schema
        .pointer(&format!("/definitions/{name}"))
        .unwrap_or_else(|| panic!("the schema defines {name}"))
}

#[test]
fn the_schema_is_draft_7_and_describes_the_catalog() {
    let schema = catalog_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["title"], "Catalog");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        required,
        [
            "format_version",
            "id",
            "title",
            "version",
            "attribution",
            "scales",
            "modules"
        ]
    );
    assert_eq!(
        schema.pointer("/properties/modules/items/$ref"),
        Some(&Value::from("#/definitions/Module"))
    );
    assert_eq!(
        definition(&schema, "Module").pointer("/properties/items/items/$ref"),
        Some(&Value::from("#/definitions/Item"))
    );
}

#[test]
fn the_schema_is_as_strict_as_the_loader_about_unknown_keys() {
    let schema = catalog_schema();
    assert_eq!(schema["additionalProperties"], false);
    let definitions = schema["definitions"].as_object().expect("definitions");
    for (name, definition) in definitions {
        if definition["type"] == "object" {
            assert_eq!(
                definition["additionalProperties"], false,
                "{name} must reject unknown keys"
            );
        }
    }
}
