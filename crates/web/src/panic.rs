//! Should the app panic anyway, the visitor sees an error view in German and English with a way to take every
//! answer away as a file, instead of a page that silently stopped responding.
//!
//! The view is built with plain DOM calls, not leptos: the panic may have come from inside the reactive system. The
//! release build aborts after the hook, so nothing may need the wasm afterwards either: the download is an ordinary
//! link to a file made at the moment of the panic, which the browser follows on its own.

use std::sync::atomic::{AtomicBool, Ordering};

use checkwerk_core::saved::save_backup;
use wasm_bindgen::JsCast;

use crate::storage;

/// Set once the error view is shown; a second panic (a timer firing into the broken app) changes nothing.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// The address parameter of the hidden crash test.
const TEST_PANIC_PARAMETER: &str = "panic-test";

/// Installs the panic hook: the message goes to the console as before, then the error view replaces the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if !SHOWN.swap(true, Ordering::SeqCst) {
            show_error_view();
        }
    }));
}

/// Crashes the app on purpose when the address has `?panic-test` and this browser's storage has the flag
/// `checkwerk.test-panic`; a visitor who only follows a link cannot trigger it.
pub fn crash_if_test_requested() {
    let requested = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .is_some_and(|params| params.has(TEST_PANIC_PARAMETER));
    if requested && storage::test_panic_allowed() {
        panic!("Absturztest (?{TEST_PANIC_PARAMETER}) auf Wunsch ausgelöst");
    }
}

/// Replaces the page with the error view. Every step may fail; whatever can be shown is shown.
fn show_error_view() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    body.set_text_content(None);
    let element = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let view = document.create_element("main").ok()?;
    view.set_class_name("crash-view");
    view.set_attribute("role", "alert").ok()?;
    let heading = element("h1", "Es ist ein Fehler aufgetreten")?;
    view.append_child(&heading).ok()?;
    let german = element(
        "p",
        "Checkwerk ist auf einen unerwarteten Fehler gestoßen und kann so nicht weiterarbeiten. \
         Ihre gespeicherten Antworten sind weiterhin in diesem Browser. Sichern Sie zur Vorsicht alle Daten als \
         Datei und laden Sie die Seite danach neu.",
    )?;
    view.append_child(&german).ok()?;
    let english = element(
        "p",
        "Something went wrong: Checkwerk ran into an unexpected error and cannot go on. Your saved answers are \
         still in this browser. To be safe, save all data as a file, then reload the page.",
    )?;
    english.set_attribute("lang", "en").ok()?;
    view.append_child(&english).ok()?;

    let actions = document.create_element("p").ok()?;
    if let Some(download) = download_link(&document) {
        actions.append_child(&download).ok()?;
        actions.append_child(&document.create_text_node(" ")).ok()?;
    }
    let reload: web_sys::HtmlAnchorElement = element("a", "Seite neu laden / Reload the page")?
        .dyn_into()
        .ok()?;
    // The address without the crash test, so that reloading does not crash again.
    let location = web_sys::window()?.location();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    reload.set_href(&path);
    // The router's click handler, still in the page, would otherwise take the link for an in-app navigation.
    reload.set_attribute("rel", "external").ok()?;
    actions.append_child(&reload).ok()?;
    view.append_child(&actions).ok()?;
    body.append_child(&view).ok()?;
    Some(())
}

/// A link that downloads every value stored under our keys (and runs whose last save failed) as one file.
fn download_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    let backup = save_backup(&storage::raw_entries());
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&backup));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_text_content(Some(
        "Alle Daten als Datei sichern / Save all data as a file",
    ));
    link.set_href(&url);
    link.set_download("checkwerk-sicherung.json");
    link.set_class_name("button");
    Some(link.into())
}
