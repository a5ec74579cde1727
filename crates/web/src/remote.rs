//! Catalogs a site serves itself: `?katalog=<address>` points the app at a TOML or JSON catalog file (same origin,
//! or another origin that allows it by CORS). The file is validated exactly as `checkwerk validate` does, and a
//! broken one is shown with the same located problems.
//!
//! Reading and validating happen in the catalog worker (`crates/catalog-worker`), a second, separate download
//! that only pages with `?katalog=` fetch: the parser for catalog sources is larger than anything else the app
//! needs, and most visitors never need it.

use std::cell::RefCell;
use std::rc::Rc;

use checkwerk_core::text::ParsedTexts;
use checkwerk_core::{Catalog, Language};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Text;
use crate::js_error::describe;
use crate::state::catalogs::{RemoteCatalog, RemoteState};

/// The catalog worker's loader, beside the app's own files (Trunk builds it from `crates/catalog-worker`).
const CHECKER_SCRIPT: &str = "checkwerk-catalog-worker_loader.js";
/// How long the worker may take to start and answer before the page gives up on it.
const CHECKER_TIMEOUT_MS: i32 = 60_000;

/// The largest catalog file accepted; the biggest shipped catalog is under 100 KB.
const MAX_CATALOG_BYTES: usize = 2 * 1024 * 1024;

/// The file name of an address, for messages.
fn file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(path)
        .to_owned()
}

/// Parses and validates a catalog file in the catalog worker: the catalog with its formatted texts parsed, or
/// every problem located and worded in `language`. The outer error says the worker itself could not be started or
/// did not answer.
async fn check_in_worker(
    url: &str,
    text: String,
    language: Language,
) -> Result<Result<(Catalog, ParsedTexts), Vec<String>>, String> {
    if text.len() > MAX_CATALOG_BYTES {
        return Ok(Err(vec![crate::i18n::catalog_too_large(
            language,
            MAX_CATALOG_BYTES,
        )]));
    }
    let failed = |error: JsValue| format!("{CHECKER_SCRIPT}: {}", describe(&error));
    let worker = web_sys::Worker::new(CHECKER_SCRIPT).map_err(failed)?;
    let request = js_sys::Array::of3(
        &JsValue::from_str(&file_name(url)),
        &JsValue::from_str(&text),
        &JsValue::from_str(language.tag()),
    );
    type Settle = Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>;
    let settle: Settle = Rc::default();
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        *settle.borrow_mut() = Some((resolve, reject));
    });
    let finish = {
        let settle = settle.clone();
        move |outcome: Result<JsValue, JsValue>| {
            if let Some((resolve, reject)) = settle.borrow_mut().take() {
                let _ = match outcome {
                    Ok(value) => resolve.call1(&JsValue::NULL, &value),
                    Err(error) => reject.call1(&JsValue::NULL, &error),
                };
            }
        }
    };
    let on_message = {
        let finish = finish.clone();
        let worker = worker.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some("ready") {
                if let Err(error) = worker.post_message(&request) {
                    finish(Err(error));
                }
            } else {
                finish(Ok(data));
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let message = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|event| event.message())
                .filter(|message| !message.is_empty())
                .unwrap_or_else(|| Text::CheckerNotLoaded.get(language).to_owned());
            finish(Err(JsValue::from_str(&message)));
        })
    };
    let on_timeout = Closure::<dyn FnMut()>::new(move || {
        finish(Err(JsValue::from_str(Text::CheckerNoAnswer.get(language))))
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let timer = web_sys::window().and_then(|window| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                CHECKER_TIMEOUT_MS,
            )
            .ok()
    });
    let outcome = wasm_bindgen_futures::JsFuture::from(answer).await;
    worker.terminate();
    if let (Some(window), Some(timer)) = (web_sys::window(), timer) {
        window.clear_timeout_with_handle(timer);
    }
    drop((on_message, on_error, on_timeout));
    let reply = outcome.map_err(failed)?.as_string().unwrap_or_default();
    serde_json::from_str(&reply).map_err(|error| format!("{CHECKER_SCRIPT}: {error}"))
}

/// Fetches and validates the catalog at `url`, then hands it to the catalogs' owner.
pub fn load(url: String, remote: RemoteCatalog, language: Language) {
    remote.0.set(Some(RemoteState::Loading));
    leptos::task::spawn_local(async move {
        match crate::fetch::fetch_text(&url).await {
            Err(error) => remote.0.set(Some(RemoteState::Unreachable(error))),
            Ok(text) => match check_in_worker(&url, text, language).await {
                Err(error) => remote.0.set(Some(RemoteState::Unreachable(error))),
                Ok(Ok((catalog, parsed))) => remote.loaded(catalog, parsed),
                Ok(Err(problems)) => remote.0.set(Some(RemoteState::Invalid(problems))),
            },
        }
    });
}
