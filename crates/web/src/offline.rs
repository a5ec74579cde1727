//! Offline use: registers the service worker that precaches the app, and tells the user when a new version is
//! ready, so they choose when to reload. Answers live in localStorage, which an update never touches.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// Whether a new version waits to be used.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

fn service_worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and some embedded browsers.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return None;
    }
    Some(navigator.service_worker())
}

/// Registers the service worker at `<base>/sw.js` and watches for updates.
pub fn register(base: &str, ready: UpdateReady) {
    let Some(container) = service_worker_container() else {
        return;
    };
    let url = format!("{base}/sw.js");
    let promise = container.register(&url);
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            // No worker (e.g. a development server without sw.js): the app works online as before.
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let has_controller = move || {
            service_worker_container()
                .and_then(|c| c.controller())
                .is_some()
        };
        if registration.waiting().is_some() && has_controller() {
            ready.0.set(true);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state_change = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    ready.0.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
            on_state_change.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        REGISTRATION.with(|slot| *slot.borrow_mut() = Some(registration));
    });
}

/// Switches to the waiting version and reloads once it has taken over.
pub fn apply_update() {
    let Some(container) = service_worker_container() else {
        return;
    };
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();
    let waiting = REGISTRATION.with(|slot| {
        slot.borrow()
            .as_ref()
            .and_then(|registration| registration.waiting())
    });
    match waiting {
        Some(worker) => {
            let message = js_sys::Object::new();
            let _ =
                js_sys::Reflect::set(&message, &"type".into(), &"checkwerk:skip-waiting".into());
            let _ = worker.post_message(&message);
        }
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }
}
