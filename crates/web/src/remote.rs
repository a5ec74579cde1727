//! Catalogs a site serves itself: `?katalog=<address>` points the app at a TOML or JSON catalog file (same origin,
//! or another origin that allows it by CORS). The file is validated exactly as `checkwerk validate` does, and a
//! broken one is shown with the same located problems.

use std::cell::RefCell;

use checkwerk_core::load::{catalog_from_json, catalog_from_toml};
use checkwerk_core::{Catalog, Language};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The largest catalog file accepted; the biggest shipped catalog is under 100 KB.
const MAX_CATALOG_BYTES: usize = 2 * 1024 * 1024;

thread_local! {
    static LOADED: RefCell<Vec<&'static Catalog>> = const { RefCell::new(Vec::new()) };
}

/// The state of the remote catalog, if the page was pointed at one.
#[derive(Debug, Clone, PartialEq)]
pub enum RemoteState {
    /// Being fetched.
    Loading,
    /// Loaded and valid.
    Loaded(&'static Catalog),
    /// Could not be fetched.
    Unreachable(String),
    /// Fetched, but not a valid catalog: every problem, located, in the user's language.
    Invalid(Vec<String>),
}

/// The remote catalog's state, shared through context.
#[derive(Clone, Copy)]
pub struct RemoteCatalog(pub RwSignal<Option<RemoteState>>);

/// The remote catalog with this id, once loaded.
pub fn find_loaded(catalog_id: &str) -> Option<&'static Catalog> {
    if let Some(remote) = use_context::<RemoteCatalog>() {
        remote.0.track();
    }
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .iter()
            .copied()
            .find(|catalog| catalog.id == catalog_id)
    })
}

/// Every remote catalog loaded so far.
pub fn loaded() -> Vec<&'static Catalog> {
    if let Some(remote) = use_context::<RemoteCatalog>() {
        remote.0.track();
    }
    LOADED.with(|loaded| loaded.borrow().clone())
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|error| format!("{error:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(
        response.text().map_err(|error| format!("{error:?}"))?,
    )
    .await
    .map_err(|error| format!("{error:?}"))?;
    text.as_string().ok_or_else(|| "no text".to_owned())
}

/// The file name of an address, for messages.
fn file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(path)
        .to_owned()
}

/// Parses and validates a catalog file by its form: JSON when it looks like JSON, otherwise TOML.
pub fn parse(url: &str, text: &str, language: Language) -> Result<Catalog, Vec<String>> {
    if text.len() > MAX_CATALOG_BYTES {
        return Err(vec![crate::i18n::catalog_too_large(
            language,
            MAX_CATALOG_BYTES,
        )]);
    }
    let name = file_name(url);
    let looks_like_json = name.ends_with(".json") || text.trim_start().starts_with('{');
    let result = if looks_like_json {
        catalog_from_json(&name, text)
    } else {
        catalog_from_toml(&name, text)
    };
    result.map_err(|errors| {
        errors
            .problems
            .iter()
            .map(|problem| problem.render(language))
            .collect()
    })
}

/// Fetches and validates the catalog at `url`, then publishes it.
pub fn load(url: String, remote: RemoteCatalog, language: Language) {
    remote.0.set(Some(RemoteState::Loading));
    leptos::task::spawn_local(async move {
        let state = match fetch_text(&url).await {
            Err(error) => RemoteState::Unreachable(error),
            Ok(text) => match parse(&url, &text, language) {
                Ok(catalog) => {
                    // One catalog per page load, kept for the page's lifetime like the bundled ones.
                    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
                    LOADED.with(|loaded| loaded.borrow_mut().push(catalog));
                    RemoteState::Loaded(catalog)
                }
                Err(problems) => RemoteState::Invalid(problems),
            },
        };
        remote.0.set(Some(state));
    });
}
