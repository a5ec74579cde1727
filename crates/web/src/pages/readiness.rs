//! Bereit für die Selbsterklärung? Checks the active run against the rules of the declaration its catalog supports
//! and lists exactly what is missing; from there the record is made. A check that is a part of a declaration over
//! several checks says so and leads to its overview. Checks without a declaration say that they have none.

use checkwerk_core::readiness::readiness;
use checkwerk_core::{Catalog, Declaration};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::declaration::{self as words, Words};
use crate::i18n::pages::PageText;
use crate::i18n::{self, Text};
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The completeness panel of the active run.
#[component]
pub fn ReadinessPage() -> impl IntoView {
    let catalog = current_catalog();
    let language = expect_context::<UiLanguage>().0;
    let own = catalog.own_declaration();
    let parts: Vec<&'static Declaration> = catalog.declaration_parts().collect();
    let nothing = own.is_none() && parts.is_empty();
    view! {
        <section class="page readiness">
            <h1>{tr(PageText::ReadinessHeading)}</h1>
            {own.map(|declaration| view! { <OwnDeclaration catalog declaration/> })}
            {parts.into_iter().map(|declaration| view! { <PartOfJoint catalog declaration/> }).collect_view()}
            {nothing.then(|| view! { <p class="lead">{move || Words::NoDeclaration.get(language.get())}</p> })}
        </section>
    }
}

/// The checklist of a declaration of this check alone.
#[component]
fn OwnDeclaration(catalog: &'static Catalog, declaration: &'static Declaration) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    crate::title::check_page_title(catalog, Text::Readiness);
    let state = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            let empty = checkwerk_core::Run::new("", catalog, checkwerk_core::Timestamp(0));
            readiness(catalog, declaration, run.unwrap_or(&empty))
        })
    });
    let check_mark = |ok: bool| if ok { "✓" } else { "✗" };
    view! {
        <p class="lead">{move || words::readiness_intro(language.get(), declaration)}</p>
        {move || {
            let state = state.get();
            let language = language.get();
            let ready = state.is_ready();
            let all_rated = state.unrated_items.is_empty();
            let enough = state.missing_measures == 0;
            let complete = state.incomplete_measures.is_empty();
            view! {
                <p class=if ready { "verdict ready" } else { "verdict missing" } role="status">
                    {if ready { PageText::ReadyYes.get(language) } else { PageText::ReadyNo.get(language) }}
                </p>
                <ul class="checklist">
                    {declaration.every_item_rated.then(|| view! {
                        <li class:ok=all_rated>
                            <span class="mark" aria-hidden="true">{check_mark(all_rated)}</span>
                            {i18n::all_items_rated(language, catalog.item_count(), state.unrated_items.len())}
                            {(!all_rated).then(|| view! {
                                <ul class="missing-list">
                                    {state.unrated_items.iter().filter_map(|item_id| catalog.item(item_id)).map(|(module, item)| view! {
                                        <li><A href=crate::page_config::app_href(&format!("/check/{}/baustein/{}#punkt-{}", catalog.id, module.id, item.id))>
                                            {item.number.clone()} " " {item.statement.clone()}
                                        </A></li>
                                    }).collect_view()}
                                </ul>
                            })}
                        </li>
                    })}
                    <li class:ok=enough>
                        <span class="mark" aria-hidden="true">{check_mark(enough)}</span>
                        {i18n::enough_measures(language, state.min_measures, state.complete_measures, state.missing_measures)}
                    </li>
                    <li class:ok=complete>
                        <span class="mark" aria-hidden="true">{check_mark(complete)}</span>
                        {PageText::MeasuresComplete.get(language)}
                        {(!complete).then(|| view! {
                            <ul class="missing-list">
                                {state.incomplete_measures.iter().map(|incomplete| {
                                    let label = runs.with_active(&catalog.id, |run| {
                                        run.and_then(|run| {
                                            let position = run.measures.iter().position(|m| m.id == incomplete.measure_id)?;
                                            Some(i18n::measure_heading(language, position + 1, &run.measures[position].title))
                                        })
                                    }).unwrap_or_default();
                                    let missing = incomplete.missing.iter().map(|field| i18n::plan::missing_field(language, *field)).collect::<Vec<_>>().join(", ");
                                    view! {
                                        <li><A href=crate::page_config::app_href(&format!("/check/{}/massnahmen#massnahme-{}", catalog.id, incomplete.measure_id))>{label}</A>
                                            ": " {i18n::missing_fields(language, &missing)}</li>
                                    }
                                }).collect_view()}
                            </ul>
                        })}
                    </li>
                </ul>
                {ready.then(|| view! {
                    <p><A href=crate::page_config::app_href(&format!("/check/{}/selbsterklaerung/erklaerung", catalog.id)) attr:class="button">
                        {Words::ViewRecord.get(language)}
                    </A></p>
                })}
            }
        }}
        <p class="hint">{move || Words::ReadinessRecordNote.get(language.get())}</p>
    }
}

/// This check's share of a declaration over several checks.
#[component]
fn PartOfJoint(catalog: &'static Catalog, declaration: &'static Declaration) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let complete = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.map_or(0, |run| {
                readiness(catalog, declaration, run).complete_measures
            })
        })
    });
    view! {
        <section class="joint-part" aria-labelledby=format!("gemeinsam-{}", declaration.id)>
            <h2 id=format!("gemeinsam-{}", declaration.id)>{declaration.title.clone()}</h2>
            <p>{move || words::part_of(language.get(), &declaration.title, &declaration.part, declaration.min_measures)}</p>
            <p>{move || words::part_count(language.get(), complete.get(), declaration.min_measures)}</p>
            <p><A href=crate::page_config::app_href(&format!("/erklaerung/{}", declaration.id)) attr:class="button secondary">
                {move || Words::Overview.get(language.get())} ": " {declaration.title.clone()}
            </A></p>
        </section>
    }
}
