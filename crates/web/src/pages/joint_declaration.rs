//! A self-declaration over several checks, such as the OM-Zeichen Nachhaltigkeit: how many complete measures each
//! check contributes against what its part asks, and the way to the record once all parts are there.

use checkwerk_core::declaration::joint_parts;
use checkwerk_core::readiness::readiness;
use checkwerk_core::{Catalog, Declaration};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::i18n::declaration::{self as words, Words};
use crate::i18n::{self, Text};
use crate::state::{catalogs, Runs, UiLanguage};

/// The overview of a joint declaration, by its id.
#[component]
pub fn JointDeclarationPage() -> impl IntoView {
    let params = use_params_map();
    let language = expect_context::<UiLanguage>().0;
    move || {
        let id = params.read().get("declaration").unwrap_or_default();
        let parts = joint_parts(catalogs::all(), &id);
        match parts.first().map(|(_, declaration)| *declaration) {
            Some(declaration) => view! { <JointOverview declaration parts/> }.into_any(),
            None => view! {
                <section class="page">
                    <h1>{move || Words::RecordHeading.get(language.get())}</h1>
                    <p class="lead">{move || Words::JointDeclarationMissing.get(language.get())}</p>
                </section>
            }
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
    // Per part: whether a run exists, its complete measures, and whether the part is ready.
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
                                state.incomplete_measures.len(),
                                state.is_ready(),
                            )
                        })
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let all_ready = move || {
        states.with(|states| {
            states
                .iter()
                .all(|state| state.is_some_and(|(_, _, ready)| ready))
        })
    };
    let total_minimum: u32 =
        parts.with_value(|parts| parts.iter().map(|(_, part)| part.min_measures).sum());
    let counted = move || {
        states.with(|states| {
            parts.with_value(|parts| {
                parts
                    .iter()
                    .zip(states)
                    .map(|((_, part), state)| {
                        state.map_or(0, |(complete, _, _)| {
                            complete.min(part.min_measures as usize)
                        })
                    })
                    .sum::<usize>()
            })
        })
    };
    let check_mark = |ok: bool| if ok { "✓" } else { "✗" };
    view! {
        <section class="page joint-declaration">
            <h1>{declaration.title.clone()}</h1>
            <p class="lead">{move || Words::JointHeadingHint.get(language.get())}</p>
            <ul class="checklist">
                {move || {
                    let language = language.get();
                    states.with(|states| parts.with_value(|parts| parts.iter().copied().zip(states).map(|((catalog, part), state)| {
                        let ready = state.is_some_and(|(_, _, ready)| ready);
                        let line = match state {
                            Some((complete, incomplete, _)) => {
                                let mut line = words::part_count(language, *complete, part.min_measures);
                                if *incomplete > 0 {
                                    line = format!("{line} · {}", Text::MeasuresComplete.get(language));
                                }
                                line
                            }
                            None => Words::NotStarted.get(language).to_owned(),
                        };
                        let incomplete = state.is_some_and(|(_, incomplete, _)| incomplete > 0);
                        view! {
                            <li class:ok=ready>
                                <span class="mark" aria-hidden="true">{check_mark(ready)}</span>
                                <strong>{words::part_heading(language, &part.part, &catalog.title)}</strong>
                                <span class="part-line">{line}</span>
                                {incomplete.then(|| view! { <span class="hint">" " {Text::ReadyNo.get(language)}</span> })}
                                " "
                                <A href=crate::page_config::app_href(&format!("/check/{}/massnahmen", catalog.id))>
                                    {Words::ToMeasures.get(language)}<span class="visually-hidden">": " {catalog.title.clone()}</span>
                                </A>
                            </li>
                        }
                    }).collect_view()))
                }}
            </ul>
            <p role="status" class=move || if all_ready() { "verdict ready" } else { "verdict missing" }>
                {move || words::joint_total(language.get(), counted(), total_minimum)} " "
                {move || if all_ready() { Text::ReadyYes.get(language.get()) } else { "" }}
            </p>
            {move || all_ready().then(|| view! {
                <p><A href=crate::page_config::app_href(&format!("/erklaerung/{}/erklaerung", declaration.id)) attr:class="button">
                    {Words::ViewRecord.get(language.get())}
                </A></p>
            })}
            <p class="hint">{move || Words::ReadinessRecordNote.get(language.get())}</p>
            <p class="hint">{move || i18n::declaration::not_an_official_form(language.get(), &declaration.url)}</p>
        </section>
    }
}
