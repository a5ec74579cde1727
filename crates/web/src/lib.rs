//! Checkwerk's front end: a leptos app rendered in the browser. It shows what the core computes and holds no
//! scoring or validation logic of its own.

mod components;
mod i18n;
mod pages;
mod state;
mod storage;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::header::Header;
use crate::i18n::Text;
use crate::pages::{check::CheckPage, home::HomePage, module::ModulePage, not_found::NotFound};
use crate::state::{tr, Runs, UiLanguage};

/// The whole app: header, routes and the shared state.
#[component]
pub fn App() -> impl IntoView {
    let language = UiLanguage::load();
    provide_context(language);
    let runs = Runs::load();
    provide_context(runs);

    // Keep <html lang> in step with the UI language, for screen readers and hyphenation.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language.0.get().tag());
        }
    });

    view! {
        <Router>
            <Header/>
            {move || runs.unreadable.with(|entries| !entries.is_empty()).then(|| view! {
                <p class="banner warning" role="alert">{tr(Text::UnreadableData)}</p>
            })}
            <main id="inhalt" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/check/:catalog") view=CheckPage/>
                    <Route path=path!("/check/:catalog/:module") view=ModulePage/>
                </Routes>
            </main>
        </Router>
    }
}
