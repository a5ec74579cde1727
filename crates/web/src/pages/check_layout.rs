//! The frame around every page of one check: title, the active run with its always-visible export, and the
//! navigation of the Check-Box.

use checkwerk_core::{evaluate, Catalog, Evaluation};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;

use crate::components::download::download_run;
use crate::i18n::Text;
use crate::pages::not_found::Missing;
use crate::state::{find_catalog, tr, Runs};

/// The check the current page belongs to.
#[derive(Clone, Copy)]
pub struct CurrentCheck(pub &'static Catalog);

/// The check of the current page.
pub fn current_catalog() -> &'static Catalog {
    expect_context::<CurrentCheck>().0
}

/// The evaluation of the active run of a catalog, recomputed when the run changes.
pub fn use_evaluation(catalog: &'static Catalog) -> Memo<Option<Evaluation>> {
    let runs = expect_context::<Runs>();
    Memo::new(move |_| runs.with_active(&catalog.id, |run| run.map(|run| evaluate(catalog, run))))
}

/// How many items of a module the active run has rated, as a signal for progress bars.
pub fn module_rated(
    evaluation: Memo<Option<Evaluation>>,
    module_id: &'static str,
) -> Signal<usize> {
    Signal::derive(move || {
        evaluation.with(|evaluation| {
            evaluation
                .as_ref()
                .and_then(|evaluation| evaluation.module(module_id))
                .map_or(0, |module| module.tally.rated_count)
        })
    })
}

/// The check's frame; the page itself renders in the outlet.
#[component]
pub fn CheckLayout() -> impl IntoView {
    let params = use_params_map();
    let catalog_id = Memo::new(move |_| params.read().get("catalog").unwrap_or_default());
    move || match find_catalog(&catalog_id.get()) {
        Some(catalog) => {
            provide_context(CurrentCheck(catalog));
            view! { <CheckFrame catalog/> }.into_any()
        }
        None => view! { <Missing text=Text::CatalogMissing/> }.into_any(),
    }
}

#[component]
fn CheckFrame(catalog: &'static Catalog) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let run_name = move || runs.with_active(&catalog.id, |run| run.map(|run| run.name.clone()));
    let export = move |_| {
        runs.with_active(&catalog.id, |run| {
            if let Some(run) = run {
                download_run(catalog, run);
            }
        });
    };
    let base = format!("/check/{}", catalog.id);
    let link = move |suffix: &str| format!("{base}{suffix}");
    view! {
        <div class="check-frame">
            <div class="check-bar no-print">
                <p class="check-title">
                    {(!catalog.standard.is_empty()).then(|| view! { <span class="card-standard">{catalog.standard.clone()}</span> })}
                    <A href=crate::page_config::app_href(&link(""))>{catalog.title.clone()}</A>
                </p>
                <div class="run-bar">
                    {move || run_name().map(|name| view! {
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
                        <li><A href=crate::page_config::app_href(&link("/selbsterklaerung"))>{tr(Text::Readiness)}</A></li>
                        <li><A href=crate::page_config::app_href(&link("/bericht"))>{tr(Text::Report)}</A></li>
                    </ul>
                </nav>
            </div>
            <Outlet/>
        </div>
    }
}
