//! The report's appendix for a team assessment: per Check-Punkt the team's rating with its reason, and the ratings
//! and notes of everyone who contributed, with their names or numbered.

use checkwerk_core::agreement::spreads;
use checkwerk_core::{Catalog, Run};
use leptos::prelude::*;

use crate::components::team::SpreadChips;
use crate::i18n::module_heading;
use crate::i18n::team::{self, TeamText};
use crate::state::{tr, UiLanguage};

/// The appendix, where the run is a team assessment with contributions; nothing otherwise.
#[component]
pub fn TeamAppendix(catalog: &'static Catalog, #[prop(into)] run: Signal<Run>) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    // Names are left out unless the facilitator chooses to show them: the report travels further than the team.
    let with_names = RwSignal::new(false);
    move || {
        let run = run.get();
        let team = run.team.clone()?;
        if team.contributions.is_empty() {
            return None;
        }
        let all = spreads(catalog, &team);
        let modules = catalog
            .modules
            .iter()
            .filter(|module| team.rates_module(&module.id))
            .map(|module| {
                let rows = all
                    .iter()
                    .filter(|spread| spread.module_id == module.id)
                    .filter_map(|spread| {
                        let (_, item) = catalog.item(&spread.item_id)?;
                        let scale = catalog.scale_for(module, item)?;
                        let agreed = run
                            .answer(&item.id)
                            .and_then(|answer| answer.choice.as_deref())
                            .and_then(|key| scale.choice_label(key))
                            .unwrap_or("–")
                            .to_owned();
                        let reason = team
                            .decisions
                            .get(&item.id)
                            .map(|decision| decision.reason.clone())
                            .unwrap_or_default();
                        let notes: Vec<(String, usize, String, String)> = spread
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
                            .collect();
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
                        let spread = spread.clone();
                        Some(view! {
                            <tr>
                                <td>{item.number.clone()}</td>
                                <td>{item.statement.clone()}</td>
                                <td><strong>{agreed}</strong>{(!reason.is_empty()).then(|| view! { <br/><span class="hint">{reason}</span> })}</td>
                                <td><SpreadChips spread/></td>
                                <td><ul class="team-notes">{notes_view}</ul></td>
                            </tr>
                        })
                    })
                    .collect_view();
                view! {
                    <h3>{move || module_heading(language.get(), &module.number, &module.title)}</h3>
                    <div class="table-scroll" role="region" tabindex="0" aria-label=move || module_heading(language.get(), &module.number, &module.title)>
                        <table class="report-table team-table">
                            <thead><tr>
                                <th scope="col">{tr(TeamText::Number)}</th>
                                <th scope="col">{tr(TeamText::CheckPoint)}</th>
                                <th scope="col">{tr(TeamText::TeamRating)}</th>
                                <th scope="col">{tr(TeamText::Ratings)}</th>
                                <th scope="col">{tr(TeamText::Notes)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <section class="report-section team-appendix">
                <h2>{tr(TeamText::AppendixHeading)}</h2>
                <p>{tr(TeamText::AppendixIntro)}</p>
                <p class="no-print"><label class="check-option"><input type="checkbox" bind:checked=with_names/>{tr(TeamText::ShowNames)}</label></p>
                {modules}
            </section>
        })
    }
}
