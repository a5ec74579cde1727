//! Bereit für die Selbsterklärung? Checks the run against the OM rules for a self-declaration and lists exactly
//! what is missing.

use checkwerk_core::readiness::{readiness, MIN_MEASURES};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{self, Text};
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The completeness panel of the active run.
#[component]
pub fn ReadinessPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let state = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            let empty = checkwerk_core::Run::new("", catalog, checkwerk_core::Timestamp(0));
            readiness(catalog, run.unwrap_or(&empty))
        })
    });
    let check_mark = |ok: bool| if ok { "✓" } else { "✗" };
    view! {
        <section class="page readiness">
            <h1>{tr(Text::ReadinessHeading)}</h1>
            <p class="lead">{tr(Text::ReadinessIntro)}</p>
            {move || {
                let state = state.get();
                let language = language.get();
                let ready = state.is_ready();
                let all_rated = state.unrated_items.is_empty();
                let enough = state.missing_measures == 0;
                let complete = state.incomplete_measures.is_empty();
                view! {
                    <p class=if ready { "verdict ready" } else { "verdict missing" } role="status">
                        {if ready { Text::ReadyYes.get(language) } else { Text::ReadyNo.get(language) }}
                    </p>
                    <ul class="checklist">
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
                        <li class:ok=enough>
                            <span class="mark" aria-hidden="true">{check_mark(enough)}</span>
                            {i18n::enough_measures(language, MIN_MEASURES, state.complete_measures, state.missing_measures)}
                        </li>
                        <li class:ok=complete>
                            <span class="mark" aria-hidden="true">{check_mark(complete)}</span>
                            {Text::MeasuresComplete.get(language)}
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
                }
            }}
            <p class="hint">{tr(Text::ReadinessNote)}</p>
        </section>
    }
}
