//! Home: the bundled checks as cards.

use checkwerk_core::Catalog;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::progress::Progress;
use crate::i18n::Text;
use crate::state::{catalogs, tr, Runs};

/// The list of checks.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="page home">
            <h1>{tr(Text::HomeHeading)}</h1>
            <p class="lead">{tr(Text::HomeIntro)}</p>
            <ul class="cards">
                {move || catalogs::all().into_iter().map(|catalog| view! { <li><CatalogCard catalog/></li> }).collect_view()}
            </ul>
            <p class="privacy-note">{tr(Text::DataStaysHere)}</p>
        </section>
    }
}

#[component]
fn CatalogCard(catalog: &'static Catalog) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<crate::state::UiLanguage>().0;
    let total = catalog.item_count();
    let rated = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.map(|run| checkwerk_core::evaluate(catalog, run).overall.rated_count)
        })
    });
    let heading_id = format!("check-{}", catalog.id);
    let labelled_by = heading_id.clone();
    let continue_text = tr(Text::ContinueCheck);
    let open_text = tr(Text::OpenCheck);
    view! {
        <article class="card" aria-labelledby=labelled_by>
            {(!catalog.standard.is_empty()).then(|| view! { <p class="card-standard">{catalog.standard.clone()}</p> })}
            <h2 id=heading_id>{catalog.title.clone()}</h2>
            {(!catalog.subtitle.is_empty()).then(|| view! { <p class="card-subtitle">{catalog.subtitle.clone()}</p> })}
            <p class="card-facts">
                {catalog.modules.len()} " " {tr(Text::ModulesHeading)} " · " {total} " " {tr(Text::Items)}
                {catalog.minutes_per_module.map(|minutes| view! { " · " {minutes} " " {tr(Text::MinutesPerModule)} })}
            </p>
            {move || {
                let count = runs.of_catalog(&catalog.id).len();
                (count > 1).then(|| view! { <p class="card-runs">{move || crate::i18n::run_count(language.get(), count)}</p> })
            }}
            {move || match rated.get() {
                Some(rated) => view! { <Progress rated=Signal::derive(move || rated) total/> }.into_any(),
                None => view! { <p class="card-progress-none">{tr(Text::NotStarted)}</p> }.into_any(),
            }}
            <A href=crate::page_config::app_href(&format!("/check/{}", catalog.id)) attr:class="button">
                {move || if rated.get().is_some() { continue_text() } else { open_text() }}
                <span class="visually-hidden">": " {catalog.title.clone()}</span>
            </A>
        </article>
    }
}
