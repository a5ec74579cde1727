//! A self-declaration over several checks, such as the OM-Zeichen Nachhaltigkeit: how many complete measures each
//! check contributes against what its part asks, and the way to the record once all parts are there.

use checkwerk_core::declaration::joint_parts;
use checkwerk_core::readiness::readiness;
use checkwerk_core::{Catalog, Declaration, Language};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::declaration_record::MissingDeclaration;
use crate::i18n;
use crate::i18n::declaration::{self as words, Words};
use crate::i18n::pages::PageText;
use crate::state::{catalogs, Runs, UiLanguage};

/// The overview of a joint declaration, by its id.
#[component]
pub fn JointDeclarationPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("declaration").unwrap_or_default();
        let parts = joint_parts(catalogs::all(), &id);
        match parts.first().map(|(_, declaration)| *declaration) {
            Some(declaration) => view! { <JointOverview declaration parts/> }.into_any(),
            None => view! { <MissingDeclaration explanation=Words::JointDeclarationMissing/> }
                .into_any(),
        }
    }
}

#[component]
fn JointOverview(
    declaration: &'static Declaration,
    parts: Vec<(&'static Catalog, &'static Declaration)>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let parts = StoredValue::new(parts);
    let total_minimum: u32 =
        parts.with_value(|parts| parts.iter().map(|(_, part)| part.min_measures).sum());
    // Per part: its complete measures, whether some are incomplete, and whether the part is ready; `None` while the
    // check has no run.
    let states = Memo::new(move |_| {
        parts.with_value(|parts| {
            parts
                .iter()
                .map(|(catalog, part)| {
                    runs.with_active(&catalog.id, |run| {
                        run.map(|run| {
                            let state = readiness(catalog, part, run);
                            (
                                state.complete_measures,
                                !state.incomplete_measures.is_empty(),
                                state.is_ready(),
                            )
                        })
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let overview = move || {
        let language = language.get();
        states.with(|states| {
            parts.with_value(|parts| {
                overview_view(language, declaration, parts, states, total_minimum)
            })
        })
    };
    view! {
        <section class="page joint-declaration">
            <h1>{declaration.title.clone()}</h1>
            <p class="lead">{move || Words::JointHeadingHint.get(language.get())}</p>
            {overview}
            <p class="hint">{move || Words::ReadinessRecordNote.get(language.get())}</p>
            <p class="hint">{move || i18n::declaration::not_an_official_form(language.get(), &declaration.url)}</p>
        </section>
    }
}

/// The parts with their counts, the total, and the way to the record once every part is ready.
fn overview_view(
    language: Language,
    declaration: &'static Declaration,
    parts: &[(&'static Catalog, &'static Declaration)],
    states: &[Option<(usize, bool, bool)>],
    total_minimum: u32,
) -> impl IntoView {
    let check_mark = |ok: bool| if ok { "✓" } else { "✗" };
    let all_ready = states
        .iter()
        .all(|state| state.is_some_and(|(_, _, ready)| ready));
    let counted: usize = parts
        .iter()
        .zip(states)
        .map(|((_, part), state)| {
            state.map_or(0, |(complete, _, _)| {
                complete.min(part.min_measures as usize)
            })
        })
        .sum();
    let rows = parts
        .iter()
        .copied()
        .zip(states)
        .map(|((catalog, part), state)| {
            let ready = state.is_some_and(|(_, _, ready)| ready);
            let line = match state {
                Some((complete, incomplete, _)) => {
                    let count = words::part_count(language, *complete, part.min_measures);
                    if *incomplete {
                        format!("{count} · {}", Words::SomeIncomplete.get(language))
                    } else {
                        count
                    }
                }
                None => Words::NotStarted.get(language).to_owned(),
            };
            view! {
                <li class:ok=ready>
                    <span class="mark" aria-hidden="true">{check_mark(ready)}</span>
                    <strong>{words::part_heading(language, &part.part, &catalog.title)}</strong>
                    <span class="part-line">{line} " "
                        <A href=crate::page_config::app_href(&format!("/check/{}/massnahmen", catalog.id))>
                            {Words::ToMeasures.get(language)}<span class="visually-hidden">": " {catalog.title.clone()}</span>
                        </A>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="checklist">{rows}</ul>
        <p role="status" class=if all_ready { "verdict ready" } else { "verdict missing" }>
            {words::joint_total(language, counted, total_minimum)} " "
            {if all_ready { PageText::ReadyYes.get(language) } else { "" }}
        </p>
        {all_ready.then(|| view! {
            <p><A href=crate::page_config::app_href(&format!("/erklaerung/{}/erklaerung", declaration.id)) attr:class="button">
                {Words::ViewRecord.get(language)}
            </A></p>
        })}
    }
}
