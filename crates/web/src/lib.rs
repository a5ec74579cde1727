//! Checkwerk's front end: a leptos app rendered in the browser. It shows what the core computes and holds no
//! scoring or validation logic of its own.

mod clock;
mod components;
mod deferred;
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
use crate::pages::compare::ComparePage;
use crate::pages::contribute::ContributePage;
use crate::pages::history::HistoryPage;
use crate::pages::home::HomePage;
use crate::pages::joint_declaration::JointDeclarationPage;
use crate::pages::kompass::KompassPage;
use crate::pages::measures::MeasuresPage;
use crate::pages::module::ModulePage;
use crate::pages::not_found::NotFound;
use crate::pages::readiness::ReadinessPage;
use crate::pages::record::{JointRecordPage, RecordPage};
use crate::pages::report::{BlankPrintPage, ReportPage};
use crate::pages::results::ResultsPage;
use crate::pages::starthilfe::StarthilfePage;
use crate::pages::strengths::StrengthsPage;
use crate::pages::team::TeamPage;
use crate::pages::team_invitation::InvitationPrintPage;
use crate::pages::team_workshop::WorkshopPrintPage;
use crate::pages::workspace::WorkspacePage;
use crate::state::catalogs::RemoteCatalog;
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
    offline::register(&config.base, update_ready);
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
        None => view! { <HomePage/> }.into_any(),
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
                    <Route path=path!("/betriebe") view=WorkspacePage/>
                    // Hosts without rewrites serve the app at its file; see page_config::requested_route.
                    <Route path=path!("/index.html") view=home/>
                    <ParentRoute path=path!("/check/:catalog") view=CheckLayout>
                        <Route path=path!("") view=KompassPage/>
                        <Route path=path!("starthilfe") view=StarthilfePage/>
                        <Route path=path!("baustein/:module") view=ModulePage/>
                        <Route path=path!("ergebnisse") view=ResultsPage/>
                        <Route path=path!("massnahmen") view=MeasuresPage/>
                        <Route path=path!("staerken") view=StrengthsPage/>
                        <Route path=path!("selbsterklaerung") view=ReadinessPage/>
                        <Route path=path!("selbsterklaerung/erklaerung") view=RecordPage/>
                        <Route path=path!("bericht") view=ReportPage/>
                        <Route path=path!("druckvorlage") view=BlankPrintPage/>
                        <Route path=path!("vergleich") view=ComparePage/>
                        <Route path=path!("verlauf") view=HistoryPage/>
                        <Route path=path!("team") view=TeamPage/>
                        <Route path=path!("team/einladung") view=InvitationPrintPage/>
                        <Route path=path!("team/unterschiede") view=WorkshopPrintPage/>
                        <Route path=path!("mitmachen") view=ContributePage/>
                    </ParentRoute>
                    <Route path=path!("/erklaerung/:declaration") view=JointDeclarationPage/>
                    <Route path=path!("/erklaerung/:declaration/erklaerung") view=JointRecordPage/>
                </Routes>
            </main>
            <NoticeBar/>
        </Router>
    }
}
