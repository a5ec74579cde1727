//! The catalog checker, run as a web worker. The app sends `[file name, source text, language tag]`; the worker
//! answers once with `"ready"` when it can take requests, then to each request with the JSON of
//! `Result<(Catalog, ParsedTexts), Vec<String>>`: the validated catalog with its formatted texts parsed, or every
//! problem located and worded in that language, exactly as `checkwerk validate` reports them.
//!
//! Reading catalog sources (the TOML and Markdown parsers, located field paths) is most of what this binary
//! holds; keeping it out of the app means the first visit does not download it.

use checkwerk_core::load::catalog_from_source;
use checkwerk_core::text::{parse_ahead, ParsedTexts};
use checkwerk_core::{Catalog, Language};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks one catalog file and parses its formatted texts, or words its problems in `language`.
fn check(
    file: &str,
    source: &str,
    language: Language,
) -> Result<(Catalog, ParsedTexts), Vec<String>> {
    match catalog_from_source(file, source) {
        Ok(catalog) => {
            let parsed = parse_ahead(catalog.formatted_texts());
            Ok((catalog, parsed))
        }
        Err(errors) => Err(errors
            .problems
            .iter()
            .map(|problem| problem.render(language))
            .collect()),
    }
}

/// The answer to one request, as the app reads it.
fn answer(request: &JsValue) -> String {
    let part = |index: u32| {
        js_sys::Reflect::get_u32(request, index)
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    let language = Language::from_tag(&part(2)).unwrap_or_default();
    let result = check(&part(0), &part(1), language);
    serde_json::to_string(&result).unwrap_or_else(|error| {
        // A validated catalog always serializes; say so in the answer's own shape if it ever does not.
        format!(
            "{{\"Err\":[{}]}}",
            serde_json::Value::String(error.to_string())
        )
    })
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let _ = reply_to.post_message(&JsValue::from_str(&answer(&event.data())));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before the handler was set would be lost, so the app waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: &str = include_str!("../../../catalogs/umweltschutz.toml");

    #[test]
    fn a_valid_catalog_comes_back_with_its_formatted_texts_parsed() {
        let (catalog, parsed) = check("umweltschutz.toml", CATALOG, Language::De).expect("valid");
        assert_eq!(catalog.id, "umweltschutz");
        assert!(!parsed.is_empty());
        for text in catalog.formatted_texts() {
            assert_eq!(
                checkwerk_core::text::blocks_from(&parsed, text),
                checkwerk_core::text::parse(text)
            );
        }
    }

    #[test]
    fn problems_are_located_and_worded_in_the_asked_language() {
        let broken = CATALOG.replacen("need = 100", "need = 150", 1);
        let german = check("kaputt.toml", &broken, Language::De).expect_err("broken");
        let english = check("kaputt.toml", &broken, Language::En).expect_err("broken");
        assert_eq!(german.len(), 1, "{german:?}");
        assert!(german[0].starts_with("kaputt.toml:"), "{german:?}");
        assert!(german[0].contains("need"), "{german:?}");
        assert_ne!(german, english);
    }
}
