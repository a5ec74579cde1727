//! „Wo sehen wir es unterschiedlich?“: the Check-Punkte the team rated differently, the largest differences first,
//! with everyone's notes and room to write the team's rating, on one printed page for the workshop.

use checkwerk_core::agreement::{by_difference, progress, spreads, Agreement};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::clock::today;
use crate::components::team::SpreadChips;
use crate::i18n::team::{self, TeamText};
use crate::i18n::Text;
use crate::page_config::app_href;
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The workshop sheet of the active team assessment.
#[component]
pub fn WorkshopPrintPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let with_names = RwSignal::new(true);
    let run = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.filter(|run| run.team.is_some()).cloned()
        })
    });
    let back = app_href(&format!("/check/{}/team", catalog.id));
    move || {
        let Some(run) = run.get() else {
            return view! {
                <section class="page">
                    <h1>{tr(TeamText::WorkshopHeading)}</h1>
                    <p class="notice">{tr(TeamText::NoTeamActive)}</p>
                    <p><A href=back.clone()>{tr(Text::TeamNavEntry)}</A></p>
                </section>
            }
            .into_any();
        };
        let Some(team) = run.team.clone() else {
            return ().into_any();
        };
        let all = spreads(catalog, &team);
        let state = progress(&all, &run, &team);
        let mut differing: Vec<_> = all
            .into_iter()
            .filter(|spread| spread.agreement == Agreement::Differs)
            .collect();
        by_difference(&mut differing);
        let language_now = language.get();
        let meta = team::workshop_meta(
            language_now,
            &team.name,
            &today().german(),
            team.contributions.len(),
        );
        let rows = differing
            .into_iter()
            .filter_map(|spread| {
                let (module, item) = catalog.item(&spread.item_id)?;
                let scale = catalog.scale_for(module, item)?;
                let boxes = scale
                    .levels
                    .iter()
                    .map(|level| level.label.clone())
                    .chain(scale.not_relevant.iter().map(|choice| choice.label.clone()))
                    .map(|label| view! { <span class="paper-box">"☐ " {label}</span> })
                    .collect_view();
                let notes = spread
                    .answers
                    .iter()
                    .filter(|answer| !answer.note.trim().is_empty())
                    .map(|answer| {
                        let rating = answer
                            .choice
                            .as_deref()
                            .and_then(|key| scale.choice_label(key))
                            .map(|label| format!(" ({label})"))
                            .unwrap_or_default();
                        (answer.participant.clone(), answer.number, rating, answer.note.clone())
                    })
                    .collect::<Vec<_>>();
                let notes_view = move || {
                    let language = language.get();
                    let names = with_names.get();
                    notes
                        .iter()
                        .map(|(participant, number, rating, note)| {
                            let who = team::person(language, participant, *number, names);
                            view! { <li><strong>{who}{rating.clone()}</strong> ": " {note.clone()}</li> }
                        })
                        .collect_view()
                };
                Some(view! {
                    <tr>
                        <td>{item.number.clone()}</td>
                        <td>{item.statement.clone()}</td>
                        <td><SpreadChips spread/></td>
                        <td><ul class="team-notes">{notes_view}</ul></td>
                        <td class="paper-boxes">{boxes}<span class="paper-lines" aria-hidden="true"></span></td>
                    </tr>
                })
            })
            .collect::<Vec<_>>();
        let none = rows.is_empty();
        view! {
            <article class="page report workshop-sheet">
                <p class="no-print print-actions">
                    <button type="button" class="button" on:click=|_| print_page()>{tr(TeamText::Print)}</button>
                    <label class="check-option"><input type="checkbox" bind:checked=with_names/>{tr(TeamText::ShowNames)}</label>
                    <A href=back.clone()>{tr(TeamText::BackToTeam)}</A>
                </p>
                {(!catalog.standard.is_empty()).then(|| view! { <p class="card-standard">{catalog.standard.clone()}</p> })}
                <h1>{tr(TeamText::WorkshopHeading)}</h1>
                <p class="lead">{meta}</p>
                <p>{tr(TeamText::WorkshopIntro)}</p>
                {if none {
                    view! { <p class="notice">{tr(TeamText::NoDifferences)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" role="region" tabindex="0" aria-label=tr(TeamText::WorkshopHeading)>
                            <table class="report-table workshop-table">
                                <thead><tr>
                                    <th scope="col">{tr(TeamText::Number)}</th>
                                    <th scope="col">{tr(TeamText::CheckPoint)}</th>
                                    <th scope="col">{tr(TeamText::Ratings)}</th>
                                    <th scope="col">{tr(TeamText::Notes)}</th>
                                    <th scope="col">{tr(TeamText::TeamRatingByHand)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
                <p class="hint">{team::progress(language_now, &state)}</p>
            </article>
        }
        .into_any()
    }
}

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
