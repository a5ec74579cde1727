//! `catalogs/catalog.schema.json` is what `checkwerk schema` prints: a golden file that editors read.

use crate::{checkwerk, stdout, workspace_root};

const REGENERATE: &str = "cargo run -p checkwerk-cli -- schema > catalogs/catalog.schema.json";

#[test]
fn the_checked_in_schema_is_the_generated_one() {
    let output = checkwerk(&["schema"]);
    assert!(output.status.success());
    let generated = stdout(&output);
    let path = workspace_root().join("catalogs/catalog.schema.json");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "{} is missing ({error}); create it with\n  {REGENERATE}",
            path.display()
        )
    });
    // Compared line by line, so that a checkout with CRLF line endings does not fail.
    assert!(
        checked_in.lines().eq(generated.lines()),
        "catalogs/catalog.schema.json is out of date with the catalog types; regenerate it with\n  {REGENERATE}"
    );
}

#[test]
fn the_schema_is_json_with_the_catalog_fields() {
    let output = checkwerk(&["schema"]);
    let schema = stdout(&output);
    assert!(
        schema.starts_with('{') && schema.ends_with("}\n"),
        "{schema}"
    );
    for field in [
        "\"format_version\"",
        "\"modules\"",
        "\"statement\"",
        "\"need\"",
    ] {
        assert!(schema.contains(field), "the schema lacks {field}");
    }
}
