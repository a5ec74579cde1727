//! A check's start page: orientation and the modules with their progress.

use checkwerk_core::{evaluate, Catalog, Evaluation};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::formatted::Formatted;
use crate::components::progress::Progress;
use crate::i18n::{module_heading, Text};
use crate::pages::not_found::Missing;
use crate::state::{find_catalog, tr, Runs, UiLanguage};

/// The evaluation of the latest run of a catalog, recomputed when the run changes.
pub fn use_evaluation(catalog: &'static Catalog) -> Memo<Option<Evaluation>> {
    let runs = expect_context::<Runs>();
    Memo::new(move |_| runs.with_latest(&catalog.id, |run| run.map(|run| evaluate(catalog, run))))
}

/// The overview of one check.
#[component]
pub fn CheckPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let catalog_id = params.read().get("catalog").unwrap_or_default();
        match find_catalog(&catalog_id) {
            Some(catalog) => view! { <CheckOverview catalog/> }.into_any(),
            None => view! { <Missing text=Text::CatalogMissing/> }.into_any(),
        }
    }
}

#[component]
fn CheckOverview(catalog: &'static Catalog) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let evaluation = use_evaluation(catalog);
    let has_orphans = move || {
        evaluation.with(|evaluation| evaluation.as_ref().is_some_and(|e| !e.orphans.is_empty()))
    };
    let modules = catalog
        .modules
        .iter()
        .map(|module| {
            let rated = Signal::derive(move || {
                evaluation.with(|evaluation| {
                    evaluation
                        .as_ref()
                        .and_then(|evaluation| evaluation.module(&module.id))
                        .map_or(0, |module| module.tally.rated_count)
                })
            });
            let heading = move || module_heading(language.get(), &module.number, &module.title);
            view! {
                <li class="module-entry">
                    <A href=format!("/check/{}/{}", catalog.id, module.id)>{heading}</A>
                    <Progress rated total=module.items.len()/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page check">
            <p class="breadcrumb"><A href="/">{tr(Text::BackToHome)}</A></p>
            {(!catalog.standard.is_empty()).then(|| view! { <p class="card-standard">{catalog.standard.clone()}</p> })}
            <h1>{catalog.title.clone()}</h1>
            {(!catalog.subtitle.is_empty()).then(|| view! { <p class="lead">{catalog.subtitle.clone()}</p> })}
            <div class="orientation"><Formatted text=catalog.orientation.clone()/></div>
            <p class="privacy-note">{tr(Text::DataStaysHere)}</p>
            {move || has_orphans().then(|| view! { <p class="notice">{tr(Text::OrphansNotice)}</p> })}
            <h2>{tr(Text::ModulesHeading)}</h2>
            <ol class="module-list">{modules}</ol>
        </section>
    }
}
