//! Checkwerk's front end: a leptos app rendered in the browser. It shows what the core computes and holds no
//! scoring or validation logic of its own.

mod clock;
mod components;
mod deferred;
mod fetch;
mod i18n;
mod js_error;
mod links;
mod offline;
mod page_config;
mod pages;
pub mod panic;
mod remote;
mod state;
mod storage;
mod title;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::header::Header;
use crate::components::hosting::{RemoteCatalogStatus, UpdateBanner};
use crate::components::notice::NoticeBar;
use crate::offline::UpdateReady;
use crate::page_config::PageConfig;
use crate::pages::check_layout::CheckLayout;
use crate::pages::lazy::{CheckSubpage, Lazy, LazyPage};
use crate::pages::module::ModulePage;
use crate::pages::not_found::NotFound;
use crate::state::catalogs::{self, RemoteCatalog};
use crate::state::{FrameLanguage, LanguageChoice, Notices, Runs, UiLanguage};

/// The whole app: header, routes and the shared state.
#[component]
pub fn App() -> impl IntoView {
    let config = PageConfig::from_location();
    config.apply_to_document();
    provide_context(config.clone());
    let choice = LanguageChoice::load();
    if let Some(requested) = config.language {
        // The partner page's choice applies to this page only; it is not remembered over the user's own.
        choice.0.set(requested);
    }
    provide_context(choice);
    let language = UiLanguage::following(choice);
    provide_context(language);
    provide_context(FrameLanguage(RwSignal::new(None)));
    let update_ready = UpdateReady(RwSignal::new(false));
    provide_context(update_ready);
    // Precaching for offline use (every check's catalog included) starts once the first page is on screen, its
    // check's catalog too, and the browser is idle: on a slow link it must not compete with what the first
    // Check-Punkt needs (issue 21). The idle callback takes a `Fn`.
    let base = config.base.clone();
    request_animation_frame(move || {
        leptos::task::spawn_local(async move {
            catalogs::asked_for().await;
            request_animation_frame(move || {
                request_idle_callback(move || offline::register(&base, update_ready));
            });
        });
    });
    let remote = RemoteCatalog(RwSignal::new(None));
    provide_context(remote);
    if let Some(url) = config.remote_catalog.clone() {
        remote::load(url, remote, language.0.get_untracked());
    }
    let runs = Runs::load();
    provide_context(runs);
    provide_context(Notices(RwSignal::new(None)));

    // Keep <html lang> in step with the UI language, for screen readers and hyphenation. (A check shown in another
    // language marks its own frame.)
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language.0.get().tag());
        }
    });

    // In single-check mode the list of checks is not offered: the start page is the check.
    let home = move || match page_config::page_config().single_check {
        Some(catalog_id) => view! { <Redirect path=format!("/check/{catalog_id}")/> }.into_any(),
        None => view! { <Lazy page=LazyPage::Home/> }.into_any(),
    };

    view! {
        <Router base=config.base.clone()>
            <UpdateBanner/>
            <Header/>
            <RemoteCatalogStatus/>
            <crate::components::storage_banner::StorageBanner/>
            <main id="inhalt" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=home/>
                    <Route path=path!("/betriebe") view=|| view! { <Lazy page=LazyPage::Workspace/> }/>
                    // Hosts without rewrites serve the app at its file; see page_config::requested_route.
                    <Route path=path!("/index.html") view=home/>
                    <ParentRoute path=path!("/check/:catalog") view=CheckLayout>
                        // The Baustein is the page a deep link to a check opens: in the first download. Every other
                        // page is in one chunk, fetched the first time one of them is shown (pages/lazy.rs).
                        <Route path=path!("baustein/:module") view=ModulePage/>
                        // Every other page of a check, by the rest of its address (LazyPage::below_check).
                        <Route path=path!("*page") view=CheckSubpage/>
                        <Route path=path!("") view=CheckSubpage/>
                    </ParentRoute>
                    <Route
                        path=path!("/erklaerung/:declaration")
                        view=|| view! { <Lazy page=LazyPage::JointDeclaration/> }
                    />
                    <Route
                        path=path!("/erklaerung/:declaration/erklaerung")
                        view=|| view! { <Lazy page=LazyPage::JointRecord/> }
                    />
                </Routes>
            </main>
            <NoticeBar/>
        </Router>
    }
}
