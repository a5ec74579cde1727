//! Compare two runs of the current company's check: by default the latest and the one it re-assesses (or the one
//! before it); any two can be chosen, and the choice is in the address, so a reload or a bookmark keeps it.

use checkwerk_core::compare::default_pair;
use checkwerk_core::Run;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::clock::local_date;
use crate::components::company_form::PrintedContext;
use crate::components::comparison::ComparisonView;
use crate::i18n::companies::{self, CompanyText};
use crate::i18n::pages::PageText;
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The comparison page of the current check.
#[component]
pub fn ComparePage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let query = use_query_map();
    let navigate = use_navigate();
    // Oldest first, as the choices list them.
    let list = Memo::new(move |_| {
        let mut list = runs.of_catalog(&catalog.id);
        list.reverse();
        list
    });
    let pair = Memo::new(move |_| {
        list.with(|list| {
            let chosen = |key: &str| {
                query
                    .read()
                    .get(key)
                    .and_then(|id| list.iter().find(|run| run.id == id).cloned())
            };
            let refs: Vec<&Run> = list.iter().collect();
            let (default_before, default_after) = default_pair(&refs)
                .map(|(before, after)| (Some(before.clone()), Some(after.clone())))
                .unwrap_or((None, None));
            Some((
                chosen("vorher").or(default_before)?,
                chosen("nachher").or(default_after)?,
            ))
        })
    });
    let choose = move |key: &'static str| {
        let navigate = navigate.clone();
        move |event: leptos::ev::Event| {
            let id = event_target_value(&event);
            let (before, after) = pair
                .get_untracked()
                .map(|(before, after)| (before.id, after.id))
                .unwrap_or_default();
            let (before, after) = if key == "vorher" {
                (id, after)
            } else {
                (before, id)
            };
            navigate(
                &format!(
                    "/check/{}/vergleich?vorher={before}&nachher={after}",
                    catalog.id
                ),
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    };
    let options = move |selected: Option<String>| {
        list.with(|list| {
            list.iter()
                .map(|run| {
                    let label = companies::run_label(language.get(), &run.name, &local_date(run.created_at).german());
                    view! { <option value=run.id.clone() selected=selected.as_deref() == Some(run.id.as_str())>{label}</option> }
                })
                .collect_view()
        })
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let choose_before = choose("vorher");
    let choose_after = choose("nachher");
    view! {
        <section class="page compare">
            <PrintedContext catalog/>
            <h1>{tr(CompanyText::CompareHeading)}</h1>
            <p class="lead">{tr(CompanyText::CompareLead)}</p>
            {move || match pair.get() {
                None => view! { <p class="empty">{tr(CompanyText::NeedsTwoRuns)}</p> }.into_any(),
                Some((before, after)) => {
                    let before_id = before.id.clone();
                    let after_id = after.id.clone();
                    view! {
                        <div class="compare-choice no-print">
                            <div class="field">
                                <label for="vergleich-vorher">{tr(CompanyText::Earlier)}</label>
                                <select id="vergleich-vorher" on:change=choose_before.clone()>{options(Some(before_id))}</select>
                            </div>
                            <div class="field">
                                <label for="vergleich-nachher">{tr(CompanyText::Later)}</label>
                                <select id="vergleich-nachher" on:change=choose_after.clone()>{options(Some(after_id))}</select>
                            </div>
                        </div>
                        <p class="print-only compare-runs">
                            {move || companies::run_label(language.get(), &before.name, &local_date(before.created_at).german())}
                            " → "
                            {move || companies::run_label(language.get(), &after.name, &local_date(after.created_at).german())}
                        </p>
                        <ComparisonView catalog
                            before=Signal::derive(move || pair.get().map(|(before, _)| before).unwrap_or_else(|| Run::new("", catalog, Default::default())))
                            after=Signal::derive(move || pair.get().map(|(_, after)| after).unwrap_or_else(|| Run::new("", catalog, Default::default())))
                            id="vergleich"/>
                        <p class="no-print print-actions">
                            <button type="button" class="button" on:click=print>{tr(PageText::Print)}</button>
                        </p>
                    }.into_any()
                }
            }}
        </section>
    }
}
