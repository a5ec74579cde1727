//! The frame around every page of one check: title, the active run with its always-visible export, and the
//! navigation of the Check-Box. The check's reactive state lives in [`crate::state::check`].

use checkwerk_core::Catalog;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_location, use_params_map};
use wasm_bindgen::JsCast;

use crate::components::company_form::CurrentCompanyLine;
use crate::components::download::download_run;
use crate::components::embed_note::EmbedNote;
use crate::components::loading::{failed, loading};
use crate::components::missing::Missing;
use crate::i18n::{screen, Text};
use crate::state::catalogs::CatalogState;
use crate::state::check::provide_check;
use crate::state::{catalogs, tr, FrameLanguage, LanguageChoice, Runs, UiLanguage};

/// The check's frame; the page itself renders in the outlet.
#[component]
pub fn CheckLayout() -> impl IntoView {
    let params = use_params_map();
    let catalog_id = Memo::new(move |_| params.read().get("catalog").unwrap_or_default());
    // A memo: the frame is built again when this check's catalog arrives, not when another's does.
    let catalog_state = Memo::new(move |_| catalogs::state(&catalog_id.get()));
    move || match catalog_state.get() {
        CatalogState::Ready(catalog) => {
            provide_check(catalog);
            view! { <CheckFrame catalog/> }.into_any()
        }
        CatalogState::Loading => loading(Text::CheckLoading),
        CatalogState::Failed => failed(Text::CheckLoadFailed, catalogs::retry),
        CatalogState::Unknown => view! { <Missing text=Text::CatalogMissing/> }.into_any(),
    }
}

#[component]
fn CheckFrame(catalog: &'static Catalog) -> impl IntoView {
    let runs = expect_context::<Runs>();
    // One language per screen: a check without text in the chosen language is shown in its own, and one line in
    // the chosen language says so.
    let chosen = expect_context::<LanguageChoice>().0;
    let shown = expect_context::<UiLanguage>().0;
    // The notice bar, outside this frame, speaks the frame's language while it is shown.
    let frame_language = expect_context::<FrameLanguage>().0;
    Effect::new(move |_| frame_language.set(Some(shown.get())));
    on_cleanup(move || frame_language.set(None));
    let language_note = move || {
        let (chosen, shown) = (chosen.get(), shown.get());
        (chosen != shown).then(|| {
            view! { <p class="language-note no-print" lang=chosen.tag()>{screen::only_in(chosen, shown)}</p> }
        })
    };
    // A memo: the bar is rebuilt when the name changes, not with every answer.
    let run_name =
        Memo::new(move |_| runs.with_active(&catalog.id, |run| run.map(|run| run.name.clone())));
    let export = move |_| {
        if let Some(run_id) = untrack(|| runs.active_id(&catalog.id)) {
            runs.with_run_and_company(&run_id, |found| {
                if let Some((run, company)) = found {
                    download_run(catalog, run, company);
                }
            });
        }
    };
    let base = format!("/check/{}", catalog.id);
    let link = move |suffix: &str| format!("{base}{suffix}");
    // On a phone the navigation is one row that scrolls sideways: the current page's entry is brought into it.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        request_animation_frame(show_current_entry);
    });
    view! {
        <div class="check-frame" lang=move || shown.get().tag()>
            {language_note}
            <div class="check-bar no-print">
                <p class="check-title">
                    {(!catalog.standard.is_empty()).then(|| view! { <span class="card-standard">{catalog.standard.clone()}</span> })}
                    <A href=crate::page_config::app_href(&link(""))>{catalog.title.clone()}</A>
                </p>
                <CurrentCompanyLine/>
                <div class="run-bar">
                    {move || run_name.get().map(|name| view! {
                        <span class="run-name">{tr(Text::ActiveRun)} ": " <strong>{name}</strong></span>
                        <button type="button" class="button secondary small" on:click=export>{tr(Text::ExportRun)}</button>
                    })}
                </div>
                <nav class="check-nav" aria-label=tr(Text::CheckNavigation)>
                    <ul>
                        <li><A href=crate::page_config::app_href(&link("")) exact=true>{tr(Text::Kompass)}</A></li>
                        <li><A href=crate::page_config::app_href(&link("/starthilfe"))>{tr(Text::Starthilfe)}</A></li>
                        <li><A href=crate::page_config::app_href(&link(&format!("/baustein/{}", catalog.modules.first().map(|m| m.id.as_str()).unwrap_or_default())))>{tr(Text::Vollversion)}</A></li>
                        <li><A href=crate::page_config::app_href(&link("/ergebnisse"))>{tr(Text::MyResults)}</A></li>
                        <li><A href=crate::page_config::app_href(&link("/massnahmen"))>{tr(Text::MyMeasures)}</A></li>
                        <li><A href=crate::page_config::app_href(&link("/staerken"))>{tr(Text::OurStrengths)}</A></li>
                        // Only checks that are the basis of a self-declaration (catalog data) offer its page.
                        {(!catalog.declarations.is_empty()).then(|| view! {
                            <li><A href=crate::page_config::app_href(&link("/selbsterklaerung"))>{tr(Text::Readiness)}</A></li>
                        })}
                        <li><A href=crate::page_config::app_href(&link("/bericht"))>{tr(Text::Report)}</A></li>
                        <li><A href=crate::page_config::app_href(&link("/team"))>{tr(Text::TeamNavEntry)}</A></li>
                    </ul>
                </nav>
                <EmbedNote catalog/>
            </div>
            <Outlet/>
        </div>
    }
}

/// Scrolls the Check-Box navigation's row, where it is wider than the screen, so that the current page's entry is
/// in its middle (or as near as the row allows).
fn show_current_entry() {
    let Some(row) = document()
        .query_selector(".check-nav ul")
        .ok()
        .flatten()
        .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if row.scroll_width() <= row.client_width() {
        return;
    }
    let current = row
        .query_selector("[aria-current]")
        .ok()
        .flatten()
        .and_then(|entry| entry.dyn_into::<web_sys::HtmlElement>().ok());
    // Offsets are from the row itself, which is positioned for that (styles.css).
    let left = current.map_or(0, |entry| {
        entry.offset_left() - (row.client_width() - entry.offset_width()) / 2
    });
    row.set_scroll_left(left.max(0));
}
