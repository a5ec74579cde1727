//! Home: the bundled checks as cards, each with where it comes from and, when a signed self-declaration expires
//! soon or has expired, a line that says so; then the self-declarations that span several checks.

use std::collections::BTreeSet;

use checkwerk_core::declaration::{joint_parts, renewal, Renewal, RenewalState};
use checkwerk_core::{Catalog, Declaration};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::clock::today;
use crate::components::attribution::AttributionLine;
use crate::components::company_form::CurrentCompanyLine;
use crate::components::embed_note::EmbedNote;
use crate::components::progress::Progress;
use crate::i18n::companies::CompanyText;
use crate::i18n::declaration::{self as words, Words};
use crate::i18n::pages::PageText;
use crate::i18n::{screen, Text};
use crate::state::{catalogs, tr, Runs, UiLanguage};

/// The list of checks.
#[component]
pub fn HomePage() -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    crate::title::set_page_title(move || screen::home_title(language.get()));
    view! {
        <section class="page home">
            <CurrentCompanyLine/>
            <h1>{tr(PageText::HomeHeading)}</h1>
            <p class="lead">{tr(PageText::HomeIntro)}</p>
            <ul class="cards">
                {move || catalogs::all().into_iter().map(|catalog| view! { <li><CatalogCard catalog/></li> }).collect_view()}
            </ul>
            <JointDeclarations/>
            <p class="privacy-note">{tr(PageText::DataStaysHere)}</p>
            <p class="workspace-link"><A href=crate::page_config::app_href("/betriebe")>{tr(CompanyText::WorkspaceLink)}</A></p>
            <EmbedNote/>
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
    let continue_text = tr(PageText::ContinueCheck);
    let open_text = tr(PageText::OpenCheck);
    view! {
        <article class="card" aria-labelledby=labelled_by>
            {(!catalog.standard.is_empty()).then(|| view! { <p class="card-standard">{catalog.standard.clone()}</p> })}
            <h2 id=heading_id>{catalog.title.clone()}</h2>
            {(!catalog.subtitle.is_empty()).then(|| view! { <p class="card-subtitle">{catalog.subtitle.clone()}</p> })}
            <AttributionLine catalog compact=true/>
            <p class="card-facts">
                {catalog.modules.len()} " " {tr(Text::ModulesHeading)} " · " {total} " " {tr(PageText::Items)}
                {catalog.minutes_per_module.map(|minutes| view! { " · " {minutes} " " {tr(PageText::MinutesPerModule)} })}
            </p>
            {move || {
                let count = runs.of_catalog(&catalog.id).len();
                (count > 1).then(|| view! { <p class="card-runs">{move || crate::i18n::run_count(language.get(), count)}</p> })
            }}
            {catalog.own_declaration().map(|declaration| view! { <RenewalNote catalog declaration/> })}
            {move || match rated.get() {
                Some(rated) => view! { <Progress rated=Signal::derive(move || rated) total/> }.into_any(),
                None => view! { <p class="card-progress-none">{tr(PageText::NotStarted)}</p> }.into_any(),
            }}
            <A href=crate::page_config::app_href(&format!("/check/{}", catalog.id)) attr:class="button">
                {move || if rated.get().is_some() { continue_text() } else { open_text() }}
                <span class="visually-hidden">": " {catalog.title.clone()}</span>
            </A>
        </article>
    }
}

/// The renewal of the declaration signed last among a check's runs: a re-assessment started as a copy (which does
/// not carry the signature) must not hide that the signed declaration runs out.
fn latest_renewal(runs: Runs, catalog_id: &str, declaration: &Declaration) -> Option<Renewal> {
    runs.of_catalog(catalog_id)
        .iter()
        .filter_map(|run| run.declaration(&declaration.id))
        .filter_map(|entry| renewal(declaration, entry, today()))
        .max_by_key(|renewal| renewal.signed_on)
}

/// A line when the declaration signed last among a check's runs expires within its renewal lead time or has expired.
#[component]
fn RenewalNote(catalog: &'static Catalog, declaration: &'static Declaration) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let state = Memo::new(move |_| latest_renewal(runs, &catalog.id, declaration));
    move || {
        let renewal = state.get()?;
        let until = renewal.valid_until.german();
        let text = match renewal.state {
            RenewalState::Valid => return None,
            RenewalState::DueSoon => {
                words::expires_soon(language.get(), &declaration.title, &until)
            }
            RenewalState::Expired => words::expired(language.get(), &declaration.title, &until),
        };
        Some(view! {
            <p class="card-renewal">
                <A href=crate::page_config::app_href(&format!("/check/{}/selbsterklaerung/erklaerung", catalog.id))>{text}</A>
            </p>
        })
    }
}

/// The self-declarations that span several checks, with their parts and a line when renewal is due.
#[component]
fn JointDeclarations() -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    move || {
        let all = catalogs::all();
        // Inserted one by one: collecting into a set would sort, and a sort costs the download.
        let mut ids = BTreeSet::new();
        for part in all.iter().flat_map(|catalog| catalog.declaration_parts()) {
            ids.insert(part.id.clone());
        }
        if ids.is_empty() {
            return None;
        }
        let entries = ids
            .into_iter()
            .filter_map(|id| {
                let parts = joint_parts(all.iter().copied(), &id);
                let (_, declaration) = *parts.first()?;
                let names: Vec<String> = parts
                    .iter()
                    .map(|(catalog, part)| words::part_heading(language.get(), &part.part, &catalog.title))
                    .collect();
                let first = parts.first().map(|(catalog, _)| *catalog)?;
                let due = latest_renewal(runs, &first.id, declaration).and_then(|renewal| {
                        let until = renewal.valid_until.german();
                        match renewal.state {
                            RenewalState::Valid => None,
                            RenewalState::DueSoon => Some(words::expires_soon(language.get(), &declaration.title, &until)),
                            RenewalState::Expired => Some(words::expired(language.get(), &declaration.title, &until)),
                        }
                    });
                Some(view! {
                    <li>
                        <A href=crate::page_config::app_href(&format!("/erklaerung/{id}"))>{declaration.title.clone()}</A>
                        ": " {names.join(" · ")}
                        {due.map(|due| view! { <p class="card-renewal">{due}</p> })}
                    </li>
                })
            })
            .collect_view();
        Some(view! {
            <section class="joint-declarations" aria-labelledby="gemeinsame-erklaerungen">
                <h2 id="gemeinsame-erklaerungen">{Words::AcrossChecksHeading.get(language.get())}</h2>
                <ul>{entries}</ul>
            </section>
        })
    }
}
