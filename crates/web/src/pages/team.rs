//! The facilitator's view of a team assessment: start one, pass on the invitation, gather the contributions (links
//! opened on this device, pasted, or files), see where the team agrees and where not, and set the team's ratings.
//!
//! A team assessment is a run whose answers are the agreed ratings, so results, measures, report and
//! Selbsterklärung use them unchanged. The spread, the suggestion and what is settled come from the core
//! (`checkwerk_core::agreement`); this page shows them and records what the facilitator decides.

use std::collections::BTreeSet;

use checkwerk_core::agreement::{
    by_difference, contribution_summaries, progress, same_person, settlement, spreads, Settlement,
    Spread,
};
use checkwerk_core::contribution::{encode_invitation, invitation, read_contribution};
use checkwerk_core::team::{Added, Decision, Team};
use checkwerk_core::{Catalog, Language};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::clock::{new_short_id, now};
use crate::components::team::{LinkBox, LinkQrCode, SpreadChips};
use crate::i18n::module_heading;
use crate::i18n::team::{self, TeamText};
use crate::links;
use crate::page_config::app_href;
use crate::state::check::current_catalog;
use crate::state::{tr, Notices, Runs, UiLanguage, Undo};

/// The largest contribution file read; real ones are a few kilobytes.
const MAX_FILE_BYTES: f64 = 1024.0 * 1024.0;

/// What the page says after taking in a link, a pasted code or a file.
#[derive(Debug, Clone, PartialEq)]
enum Message {
    /// It worked, or there was nothing to do.
    Done(String),
    /// It was refused; nothing changed.
    Refused(String),
}

/// Who sent a contribution, for the sentence about it.
fn sender(language: Language, participant: &str) -> String {
    if participant.trim().is_empty() {
        match language {
            Language::De => "einer Person ohne Namen".to_owned(),
            Language::En => "a person without a name".to_owned(),
        }
    } else {
        participant.trim().to_owned()
    }
}

/// Takes in a contribution from a link, a pasted code or a file's text: into the team assessment on this device it
/// belongs to, whichever run that is (which then becomes the active one). Nothing changes when it is refused, when
/// there is no such team assessment here, or when exactly this version is already there.
fn take_in(catalog: &'static Catalog, runs: Runs, text: &str, language: Language) -> Message {
    let contribution = match read_contribution(text, catalog) {
        Ok(contribution) => contribution,
        Err(error) => return Message::Refused(team::link_error(language, &error)),
    };
    let who = sender(language, &contribution.participant);
    let team_run = untrack(|| {
        runs.find_id(&catalog.id, |run| {
            run.team
                .as_ref()
                .is_some_and(|team| team.id == contribution.team_id)
        })
    });
    let Some(run_id) = team_run else {
        let own = untrack(|| {
            runs.find_id(&catalog.id, |run| {
                run.participation
                    .as_ref()
                    .is_some_and(|p| p.contribution_id == contribution.id)
            })
        });
        return match own {
            Some(_) => Message::Done(team::own_contribution(language)),
            None => Message::Refused(team::no_team_here(language, &who)),
        };
    };
    let now = now();
    // Tried on a copy first: a contribution that is already here must not even stamp the run as changed.
    let added = untrack(|| {
        runs.with_run(&run_id, |run| {
            run.and_then(|run| run.team.clone())
                .map(|mut team| team.add_contribution(contribution.clone(), now))
        })
    })
    .unwrap_or(Added::AlreadyThere);
    let rated = contribution
        .answers
        .values()
        .filter(|answer| answer.choice.is_some())
        .count();
    let notes = contribution
        .answers
        .values()
        .filter(|answer| !answer.note.trim().is_empty())
        .count();
    if matches!(added, Added::New | Added::Updated) {
        runs.edit(&run_id, catalog, |run, now| {
            run.edit_team(now, |team, now| {
                team.add_contribution(contribution, now);
            })
        });
    }
    if untrack(|| runs.active_id(&catalog.id)).as_deref() != Some(run_id.as_str()) {
        runs.activate(&catalog.id, &run_id);
    }
    Message::Done(team::taken_in(language, added, &who, rated, notes))
}

/// The team assessment page of the current check.
#[component]
pub fn TeamPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let message: RwSignal<Option<Message>> = RwSignal::new(None);
    // A contribution link opened on this device: taken in once, then removed from the address, so that a reload
    // does not bring it in again. Also when only the part after `#` changes (a link pasted into the address bar).
    let from_address = move || {
        if let Some(data) = links::fragment() {
            links::clear_fragment();
            message.set(Some(take_in(
                catalog,
                runs,
                &data,
                language.get_untracked(),
            )));
        }
    };
    Effect::new(move |_| untrack(from_address));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| from_address());
    on_cleanup(move || listener.remove());

    let starting = RwSignal::new(false);
    let team_run = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.filter(|run| run.team.is_some())
                .map(|run| run.id.clone())
        })
    });
    move || match (team_run.get(), starting.get()) {
        (Some(run_id), false) => view! { <TeamView catalog run_id message starting/> }.into_any(),
        _ => view! { <StartTeam catalog message starting/> }.into_any(),
    }
}

/// The message after taking something in.
fn message_view(message: RwSignal<Option<Message>>) -> impl IntoView {
    move || {
        message.get().map(|message| match message {
            Message::Done(text) => {
                view! { <p class="notice notice-done" role="status">{text}</p> }.into_any()
            }
            Message::Refused(text) => {
                view! { <p class="notice" role="alert">{text}</p> }.into_any()
            }
        })
    }
}

fn focus_heading() {
    request_animation_frame(|| {
        if let Ok(Some(heading)) = document().query_selector(".page h1") {
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        }
    });
}

/// Starting a team assessment, and the ones (and own contributions) already on this device.
#[component]
fn StartTeam(
    catalog: &'static Catalog,
    message: RwSignal<Option<Message>>,
    starting: RwSignal<bool>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let name = RwSignal::new(String::new());
    let participants = RwSignal::new(String::new());
    let chosen: RwSignal<BTreeSet<&'static str>> = RwSignal::new(
        catalog
            .modules
            .iter()
            .map(|module| module.id.as_str())
            .collect(),
    );
    let none_chosen = RwSignal::new(false);
    let start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let picked = chosen.get_untracked();
        if picked.is_empty() {
            none_chosen.set(true);
            return;
        }
        let modules: Vec<String> = if picked.len() == catalog.modules.len() {
            Vec::new()
        } else {
            catalog
                .modules
                .iter()
                .filter(|module| picked.contains(module.id.as_str()))
                .map(|module| module.id.clone())
                .collect()
        };
        let team_name = name.get_untracked().trim().to_owned();
        let people: Vec<String> = participants
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        let run_id = runs.create(catalog, Some(team_name.clone()));
        runs.edit(&run_id, catalog, |run, now| {
            run.team = Some(Team::new(new_short_id(), team_name, modules, people, now));
        });
        message.set(None);
        starting.set(false);
        focus_heading();
    };
    let module_choices = catalog
        .modules
        .iter()
        .map(|module| {
            let id = module.id.as_str();
            let toggle = move |event: leptos::ev::Event| {
                let checked = event_target_checked(&event);
                chosen.update(|chosen| {
                    if checked {
                        chosen.insert(id);
                    } else {
                        chosen.remove(id);
                    }
                });
                none_chosen.set(false);
            };
            view! {
                <label class="check-option">
                    <input type="checkbox" prop:checked=move || chosen.with(|chosen| chosen.contains(id)) on:change=toggle/>
                    {move || module_heading(language.get(), &module.number, &module.title)}
                </label>
            }
        })
        .collect_view();
    let teams = move || {
        runs.of_catalog(&catalog.id)
            .into_iter()
            .filter_map(|run| {
                let count = run.team.as_ref()?.contributions.len();
                Some((run.id, run.name, count))
            })
            .collect::<Vec<_>>()
    };
    let contributions = move || {
        runs.of_catalog(&catalog.id)
            .into_iter()
            .filter_map(|run| Some((run.id, run.participation?.invitation.team_name)))
            .collect::<Vec<_>>()
    };
    let open_team = move |run_id: String| {
        runs.activate(&catalog.id, &run_id);
        starting.set(false);
        focus_heading();
    };
    view! {
        <section class="page team">
            <h1 tabindex="-1">{tr(TeamText::StartHeading)}</h1>
            {message_view(message)}
            <p class="lead">{tr(TeamText::StartIntro)}</p>
            <ol class="team-steps">
                <li>{tr(TeamText::StepInvite)}</li>
                <li>{tr(TeamText::StepContribute)}</li>
                <li>{tr(TeamText::StepAgree)}</li>
            </ol>
            <p class="privacy-note">{tr(TeamText::PrivacyTeam)}</p>
            <form class="team-start" on:submit=start>
                <div class="field">
                    <label for="team-name">{tr(TeamText::TeamName)}</label>
                    <input id="team-name" type="text" required=true maxlength="200"
                        placeholder=tr(TeamText::TeamNamePlaceholder) bind:value=name/>
                </div>
                <fieldset class="field module-choice">
                    <legend>{tr(TeamText::ChooseModules)}</legend>
                    {module_choices}
                    {move || none_chosen.get().then(|| view! { <p class="notice" role="alert">{tr(TeamText::NoModuleChosen)}</p> })}
                </fieldset>
                <div class="field">
                    <label for="team-participants">{tr(TeamText::Participants)}</label>
                    <textarea id="team-participants" rows="4" bind:value=participants></textarea>
                    <p class="hint">{tr(TeamText::ParticipantsHint)}</p>
                </div>
                <div class="toolbar">
                    <button type="submit" class="button">{tr(TeamText::StartTeam)}</button>
                    {move || starting.get().then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| starting.set(false)>{tr(TeamText::Cancel)}</button>
                    })}
                </div>
            </form>
            {move || {
                let teams = teams();
                (!teams.is_empty()).then(|| view! {
                    <h2>{tr(TeamText::YourTeams)}</h2>
                    <ul class="run-list">
                        {teams.into_iter().map(|(run_id, name, count)| {
                            let open = move |_| open_team(run_id.clone());
                            view! {
                                <li class="run">
                                    <span class="run-info"><strong class="run-title">{name}</strong>
                                        <span class="run-meta">{move || team::team_marker(language.get(), count)}</span></span>
                                    <span class="run-buttons"><button type="button" class="button small" on:click=open>{tr(TeamText::OpenTeam)}</button></span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            {move || {
                let own = contributions();
                (!own.is_empty()).then(|| view! {
                    <h2>{tr(TeamText::YourContributions)}</h2>
                    <ul class="run-list">
                        {own.into_iter().map(|(run_id, team_name)| {
                            let run_id = StoredValue::new(run_id);
                            view! {
                                <li class="run">
                                    <span class="run-info"><strong class="run-title">{move || team::contribution_marker(language.get(), &team_name)}</strong></span>
                                    <span class="run-buttons">
                                        <A href=app_href(&format!("/check/{}/mitmachen", catalog.id)) attr:class="button small secondary"
                                            on:click=move |_| runs.activate(&catalog.id, &run_id.get_value())>{tr(TeamText::ContinueContribution)}</A>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

/// How the differences are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    ByDifference,
    ByModule,
}

/// One entry of the list of differences: a Baustein's heading (ordered by Baustein) or an item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Row {
    Heading(&'static str),
    Item(String),
}

/// A team assessment: invitation, gathering, participants, differences and the team's ratings.
#[component]
fn TeamView(
    catalog: &'static Catalog,
    run_id: String,
    message: RwSignal<Option<Message>>,
    starting: RwSignal<bool>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let run_id = StoredValue::new(run_id);
    let team = Memo::new(move |_| {
        runs.with_run(&run_id.get_value(), |run| {
            run.and_then(|run| run.team.clone())
        })
        .unwrap_or_default()
    });
    let all_spreads = Memo::new(move |_| team.with(|team| spreads(catalog, team)));
    let state = Memo::new(move |_| {
        runs.with_run(&run_id.get_value(), |run| {
            let run = run?;
            let team = run.team.as_ref()?;
            all_spreads.with(|spreads| Some(progress(spreads, run, team)))
        })
        .unwrap_or_default()
    });
    let invitation_link = Memo::new(move |_| {
        team.with(|team| {
            encode_invitation(&invitation(team, catalog))
                .map(|data| links::app_link(&format!("/check/{}/mitmachen", catalog.id), &data))
                .unwrap_or_default()
        })
    });
    let name = move || team.with(|team| team.name.clone());
    let chosen = move || {
        team.with(|team| {
            let numbers: Vec<&str> = catalog
                .modules
                .iter()
                .filter(|module| !team.modules.is_empty() && team.rates_module(&module.id))
                .map(|module| module.number.as_str())
                .collect();
            team::chosen_modules(language.get(), &numbers)
        })
    };
    let mail = move || {
        let language = language.get();
        let link = invitation_link.get();
        let body = team::invitation_mail_body(language, &name(), &link);
        format!(
            "mailto:?subject={}&body={}",
            js_sys::encode_uri_component(TeamText::MailSubject.get(language)),
            js_sys::encode_uri_component(&body)
        )
    };
    let base = format!("/check/{}", catalog.id);
    let base = StoredValue::new(base);

    // Gathering by pasting and by files.
    let pasted = RwSignal::new(String::new());
    let take_pasted = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = pasted.get_untracked();
        let result = take_in(catalog, runs, &text, language.get_untracked());
        if matches!(result, Message::Done(_)) {
            pasted.set(String::new());
        }
        message.set(Some(result));
    };
    let load_files = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|files| {
                (0..files.length())
                    .filter_map(|index| files.get(index))
                    .collect()
            })
            .unwrap_or_default();
        input.set_value("");
        leptos::task::spawn_local_scoped(async move {
            let language = language.get_untracked();
            let mut said = Vec::new();
            let mut refused = false;
            for file in files {
                if file.size() > MAX_FILE_BYTES {
                    refused = true;
                    said.push(team::link_error(
                        language,
                        &checkwerk_core::contribution::LinkError::TooLarge,
                    ));
                    continue;
                }
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|value| value.as_string())
                    .unwrap_or_default();
                match take_in(catalog, runs, &text, language) {
                    Message::Done(text) => said.push(text),
                    Message::Refused(text) => {
                        refused = true;
                        said.push(text);
                    }
                }
            }
            let text = said.join(" ");
            message.set(Some(if refused {
                Message::Refused(text)
            } else {
                Message::Done(text)
            }));
        });
    };

    // The differences.
    let order = RwSignal::new(Order::ByDifference);
    let rows = Memo::new(move |_| {
        all_spreads.with(|spreads| match order.get() {
            Order::ByDifference => {
                let mut ordered = spreads.clone();
                by_difference(&mut ordered);
                ordered
                    .into_iter()
                    .map(|spread| Row::Item(spread.item_id))
                    .collect::<Vec<_>>()
            }
            Order::ByModule => {
                let mut rows = Vec::new();
                for spread in spreads {
                    let heading = catalog
                        .module(&spread.module_id)
                        .map(|module| module.id.as_str());
                    if let Some(heading) = heading {
                        if !rows.contains(&Row::Heading(heading)) {
                            rows.push(Row::Heading(heading));
                        }
                    }
                    rows.push(Row::Item(spread.item_id.clone()));
                }
                rows
            }
        })
    });
    let take_over = move |_| {
        let mut taken = 0;
        runs.edit(&run_id.get_value(), catalog, |run, now| {
            let Some(team) = run.team.clone() else {
                return;
            };
            all_spreads.with_untracked(|spreads| {
                for spread in spreads {
                    if settlement(spread, run, &team) != Settlement::ToTakeOver {
                        continue;
                    }
                    if let Some(suggestion) = &spread.suggestion {
                        run.set_choice(&spread.item_id, Some(suggestion.choice.clone()), now);
                        if suggestion.priority.is_some() {
                            run.set_priority(&spread.item_id, suggestion.priority, now);
                        }
                        taken += 1;
                    }
                }
            });
        });
        notices.show(
            team::agreements_taken_over(language.get_untracked(), taken),
            None,
        );
    };

    view! {
        <section class="page team">
            <h1 tabindex="-1">{move || team::team_heading(language.get(), &name())}</h1>
            {message_view(message)}
            <p class="lead">{chosen}</p>
            <p class="privacy-note">{tr(TeamText::PrivacyTeam)}</p>
            <p class="toolbar no-print">
                <button type="button" class="button secondary small" on:click=move |_| { message.set(None); starting.set(true); focus_heading(); }>{tr(TeamText::NewTeam)}</button>
            </p>

            <section class="team-section" aria-labelledby="einladung-heading">
                <h2 id="einladung-heading">{tr(TeamText::InvitationHeading)}</h2>
                <p>{tr(TeamText::InvitationIntro)}</p>
                <div class="pass-on-ways">
                    <LinkBox id="einladung-link" label=TeamText::InvitationLink link=invitation_link share_title=Signal::derive(move || team::team_heading(language.get(), &name()))/>
                    <LinkQrCode link=invitation_link label=TeamText::InvitationQr/>
                </div>
                <p class="toolbar">
                    <A href=move || app_href(&format!("{}/team/einladung", base.get_value())) attr:class="button secondary">{tr(TeamText::PrintInvitation)}</A>
                    <a class="button secondary" href=mail>{tr(TeamText::SendByMail)}</a>
                </p>
            </section>

            <section class="team-section" aria-labelledby="einsammeln-heading">
                <h2 id="einsammeln-heading">{tr(TeamText::GatherHeading)}</h2>
                <p>{tr(TeamText::GatherIntro)}</p>
                <form class="paste-form" on:submit=take_pasted>
                    <label for="beitrag-einfuegen">{tr(TeamText::PasteLabel)}</label>
                    <textarea id="beitrag-einfuegen" rows="2" bind:value=pasted></textarea>
                    <div class="toolbar">
                        <button type="submit" class="button">{tr(TeamText::TakeIn)}</button>
                        <label class="button secondary file-button">
                            {tr(TeamText::LoadFile)}
                            <input type="file" accept=".json,application/json" multiple=true class="visually-hidden" on:change=load_files/>
                        </label>
                    </div>
                </form>
                <Participants catalog run_id=run_id.get_value() team items=Signal::derive(move || all_spreads.with(Vec::len))/>
            </section>

            <section class="team-section" aria-labelledby="unterschiede-heading">
                <h2 id="unterschiede-heading">{tr(TeamText::DifferencesHeading)}</h2>
                <p>{tr(TeamText::DifferencesIntro)}</p>
                {move || team.with(|team| team.contributions.is_empty()).then(|| view! {
                    <p class="notice">{tr(TeamText::NoContributionsForDifferences)}</p>
                })}
                <p class="team-progress">{move || team::progress(language.get(), &state.get())}</p>
                <div class="toolbar">
                    {move || (state.get().to_take_over > 0).then(|| view! {
                        <button type="button" class="button" on:click=take_over>{move || team::take_over_agreed(language.get(), state.get().to_take_over)}</button>
                    })}
                    <A href=move || app_href(&format!("{}/team/unterschiede", base.get_value())) attr:class="button secondary">{tr(TeamText::WorkshopPrint)}</A>
                </div>
                <fieldset class="order-switch">
                    <legend>{tr(TeamText::OrderBy)}</legend>
                    <label class="check-option"><input type="radio" name="team-order" prop:checked=move || order.get() == Order::ByDifference on:change=move |_| order.set(Order::ByDifference)/>{tr(TeamText::ByDifference)}</label>
                    <label class="check-option"><input type="radio" name="team-order" prop:checked=move || order.get() == Order::ByModule on:change=move |_| order.set(Order::ByModule)/>{tr(TeamText::ByModule)}</label>
                </fieldset>
                <div class="team-items">
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        {match row {
                            Row::Heading(module_id) => {
                                let module = catalog.module(module_id);
                                view! { <h3 class="team-module">{move || module.map(|module| module_heading(language.get(), &module.number, &module.title))}</h3> }.into_any()
                            }
                            Row::Item(item_id) => view! { <TeamItem catalog run_id=run_id.get_value() item_id spreads=all_spreads/> }.into_any(),
                        }}
                    </For>
                </div>
                <p><A href=move || app_href(&format!("{}/ergebnisse", base.get_value()))>{tr(TeamText::ToResults)} " →"</A></p>
            </section>
        </section>
    }
}

/// The people asked and the contributions that came back, with what each holds.
#[component]
fn Participants(
    catalog: &'static Catalog,
    run_id: String,
    team: Memo<Team>,
    #[prop(into)] items: Signal<usize>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let run_id = StoredValue::new(run_id);
    let summaries = Memo::new(move |_| team.with(|team| contribution_summaries(catalog, team)));
    // One row per listed person (with their contributions, matched by name) and per contribution of anyone else.
    let rows = move || {
        team.with(|team| {
            summaries.with(|summaries| {
                let mut rows: Vec<(
                    String,
                    Option<checkwerk_core::agreement::ContributionSummary>,
                )> = Vec::new();
                let mut shown = BTreeSet::new();
                for listed in &team.participants {
                    let mine: Vec<_> = summaries
                        .iter()
                        .filter(|summary| same_person(listed, &summary.participant))
                        .collect();
                    if mine.is_empty() {
                        rows.push((listed.clone(), None));
                    }
                    for summary in mine {
                        if shown.insert(summary.id.clone()) {
                            rows.push((listed.clone(), Some(summary.clone())));
                        }
                    }
                }
                for summary in summaries {
                    if shown.insert(summary.id.clone()) {
                        rows.push((summary.participant.clone(), Some(summary.clone())));
                    }
                }
                rows
            })
        })
    };
    let remove = move |contribution_id: String, who: String| {
        let mut removed = None;
        runs.edit(&run_id.get_value(), catalog, |run, now| {
            run.edit_team(now, |team, now| {
                removed = team.remove_contribution(&contribution_id, now);
            })
        });
        if let Some(removed) = removed {
            let target = run_id.get_value();
            let undo: Undo = std::sync::Arc::new(move || {
                let removed = removed.clone();
                runs.edit(&target, catalog, |run, now| {
                    run.edit_team(now, |team, now| team.restore_contribution(removed, now))
                });
            });
            notices.show(
                team::contribution_removed(language.get_untracked(), &who),
                Some(undo),
            );
        }
    };
    let participant_text = RwSignal::new(String::new());
    let editing = RwSignal::new(false);
    let save_participants = move |_| {
        let people: Vec<String> = participant_text
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        runs.edit(&run_id.get_value(), catalog, |run, now| {
            run.edit_team(now, |team, now| team.set_participants(people, now))
        });
        editing.set(false);
    };
    let toggle = move |event: leptos::ev::Event| {
        let open = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|details| details.open());
        if open && !editing.get_untracked() {
            participant_text.set(team.with_untracked(|team| team.participants.join("\n")));
        }
        editing.set(open);
    };
    view! {
        <h3>{tr(TeamText::ParticipantsHeading)}</h3>
        {move || {
            let rows = rows();
            if rows.is_empty() {
                view! { <p class="empty">{tr(TeamText::NoContributions)}</p> }.into_any()
            } else {
                let language = language.get();
                let total = items.get();
                view! {
                    <ul class="participant-list">
                        {rows.into_iter().map(|(name, summary)| match summary {
                            None => view! {
                                <li class="participant waiting">
                                    <span class="participant-info"><strong>{name}</strong><span class="run-meta">{TeamText::NoContributionYet.get(language)}</span></span>
                                </li>
                            }.into_any(),
                            Some(summary) => {
                                let who = team::person(language, &summary.participant, summary.number, true);
                                let label = team::remove_contribution_of(language, &who);
                                let id = summary.id.clone();
                                let who_for_notice = who.clone();
                                view! {
                                    <li class="participant">
                                        <span class="participant-info">
                                            <strong>{who}</strong>
                                            <span class="run-meta">{team::contribution_line(language, summary.rated, total, summary.notes)}</span>
                                            {(!summary.orphans.is_empty()).then(|| view! {
                                                <span class="hint">{team::contribution_orphans(language, &summary.catalog_version, summary.orphans.len())}</span>
                                            })}
                                        </span>
                                        <button type="button" class="button danger small" aria-label=label
                                            on:click=move |_| remove(id.clone(), who_for_notice.clone())>{TeamText::RemoveContribution.get(language)}</button>
                                    </li>
                                }.into_any()
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <details class="edit-participants" on:toggle=toggle>
            <summary>{tr(TeamText::EditParticipants)}</summary>
            <div class="field">
                <label for="team-participants-edit">{tr(TeamText::Participants)}</label>
                <textarea id="team-participants-edit" rows="4" bind:value=participant_text></textarea>
                <p class="hint">{tr(TeamText::ParticipantsHint)}</p>
            </div>
            <button type="button" class="button secondary small" on:click=save_participants>{tr(TeamText::SaveParticipants)}</button>
        </details>
    }
}

/// One item of the differences: how people rated it, their notes, and the team's rating with its reason.
#[component]
fn TeamItem(
    catalog: &'static Catalog,
    run_id: String,
    item_id: String,
    spreads: Memo<Vec<Spread>>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let Some((module, item)) = catalog.item(&item_id) else {
        return ().into_any();
    };
    let Some(scale) = catalog.scale_for(module, item) else {
        return ().into_any();
    };
    let run_id = StoredValue::new(run_id);
    let item_id = StoredValue::new(item_id);
    let spread = Memo::new(move |_| {
        let id = item_id.get_value();
        spreads.with(|all| all.iter().find(|spread| spread.item_id == id).cloned())
    });
    // The team's current rating and decision of this item, and whether it is settled.
    let current = Memo::new(move |_| {
        runs.with_run(&run_id.get_value(), |run| {
            let run = run?;
            let answer = run.answer(&item.id);
            let decision = run.team.as_ref()?.decisions.get(&item.id).cloned();
            let settled = spread.with(|spread| {
                spread
                    .as_ref()
                    .zip(run.team.as_ref())
                    .map(|(spread, team)| settlement(spread, run, team))
            })?;
            Some((
                answer.and_then(|answer| answer.choice.clone()),
                answer.and_then(|answer| answer.priority),
                decision,
                settled,
            ))
        })
    });
    // What the form shows: the person's pick where they made one, else the decision, the team's rating or the
    // suggestion, in that order.
    let picked_choice: RwSignal<Option<String>> = RwSignal::new(None);
    let picked_priority: RwSignal<Option<u8>> = RwSignal::new(None);
    let typed_reason: RwSignal<Option<String>> = RwSignal::new(None);
    let shown_choice = Signal::derive(move || {
        picked_choice.get().or_else(|| {
            current.with(|current| {
                let (choice, _, decision, _) = current.as_ref()?;
                decision
                    .as_ref()
                    .and_then(|decision| decision.choice.clone())
                    .filter(|decided| Some(decided) == choice.as_ref())
                    .or_else(|| choice.clone())
                    .or_else(|| {
                        spread.with(|spread| {
                            spread
                                .as_ref()?
                                .suggestion
                                .as_ref()
                                .map(|suggestion| suggestion.choice.clone())
                        })
                    })
            })
        })
    });
    let shown_priority = Signal::derive(move || {
        picked_priority.get().or_else(|| {
            current
                .with(|current| current.as_ref().and_then(|(_, priority, _, _)| *priority))
                .or_else(|| spread.with(|spread| spread.as_ref()?.suggestion.as_ref()?.priority))
        })
    });
    let shown_reason = Signal::derive(move || {
        typed_reason.get().unwrap_or_else(|| {
            current.with(|current| {
                current
                    .as_ref()
                    .and_then(|(_, _, decision, _)| decision.as_ref())
                    .map(|decision| decision.reason.clone())
                    .unwrap_or_default()
            })
        })
    });
    let set = move |_| {
        let Some(choice) = shown_choice.get_untracked() else {
            return;
        };
        let priority = scale
            .priority
            .as_ref()
            .and_then(|_| shown_priority.get_untracked());
        let reason = shown_reason.get_untracked().trim().to_owned();
        let choice_for_notice = choice.clone();
        runs.edit(&run_id.get_value(), catalog, |run, now| {
            run.set_choice(&item.id, Some(choice.clone()), now);
            if scale.priority.is_some() {
                run.set_priority(&item.id, priority, now);
            }
            run.edit_team(now, |team, now| {
                team.decide(
                    &item.id,
                    Decision {
                        choice: Some(choice),
                        priority,
                        reason,
                        updated_at: now,
                    },
                    now,
                )
            });
        });
        picked_choice.set(None);
        picked_priority.set(None);
        typed_reason.set(None);
        let label = scale
            .choice_label(&choice_for_notice)
            .unwrap_or(&choice_for_notice);
        notices.show(
            team::rating_set(language.get_untracked(), &item.number, label),
            None,
        );
    };
    let label_of = move |key: &str| scale.choice_label(key).unwrap_or(key).to_owned();
    let state = move || {
        let language = language.get();
        current.with(|current| {
            let Some((choice, _, _, settled)) = current else {
                return (String::new(), "");
            };
            let text = match settled {
                Settlement::ToDecide => TeamText::ToDecide.get(language).to_owned(),
                Settlement::ToTakeOver => TeamText::ToTakeOver.get(language).to_owned(),
                Settlement::Open => TeamText::OpenItem.get(language).to_owned(),
                Settlement::Settled => choice
                    .as_deref()
                    .map(|key| team::team_value(language, &label_of(key)))
                    .unwrap_or_default(),
            };
            let class = match settled {
                Settlement::ToDecide => "team-state to-decide",
                Settlement::ToTakeOver => "team-state to-take-over",
                Settlement::Open => "team-state open",
                Settlement::Settled => "team-state settled",
            };
            (text, class)
        })
    };
    let statement_id = format!("team-aussage-{}", item.id);
    let labelled_by = statement_id.clone();
    let group_name = format!("teamwert-{}", item.id);
    let reason_id = format!("begruendung-{}", item.id);
    let radios = scale
        .levels
        .iter()
        .map(|level| {
            (
                level.key.as_str(),
                level.label.as_str(),
                level.colour.as_str(),
            )
        })
        .chain(
            scale
                .not_relevant
                .iter()
                .map(|choice| (choice.key.as_str(), choice.label.as_str(), "none")),
        )
        .map(|(key, label, colour)| {
            view! {
                <label class=format!("choice choice-{colour}")>
                    <input type="radio" name=group_name.clone() value=key
                        prop:checked=move || shown_choice.get().as_deref() == Some(key)
                        on:change=move |_| picked_choice.set(Some(key.to_owned()))/>
                    <span class="choice-mark" aria-hidden="true"></span>
                    <span class="choice-label">{label}</span>
                    <span class="choice-tick" aria-hidden="true"></span>
                </label>
            }
        })
        .collect_view();
    let priorities = scale.priority.as_ref().map(|priority_scale| {
        let name = format!("teamprio-{}", item.id);
        let options = priority_scale
            .levels
            .iter()
            .map(|level| {
                let value = level.value;
                view! {
                    <label class="choice choice-priority">
                        <input type="radio" name=name.clone() value=value.to_string()
                            prop:checked=move || shown_priority.get() == Some(value)
                            on:change=move |_| picked_priority.set(Some(value))/>
                        <span class="choice-label">{level.label.clone()}</span>
                        <span class="choice-tick" aria-hidden="true"></span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="priority">
                <legend class="priority-label">{format!("{} – {}", priority_scale.label, item.number)}</legend>
                {options}
            </fieldset>
        }
    });
    let notes = move || {
        let language = language.get();
        spread.with(|spread| {
            let Some(spread) = spread else {
                return Vec::new();
            };
            spread
                .answers
                .iter()
                .filter(|answer| !answer.note.trim().is_empty())
                .map(|answer| {
                    let who = team::person(language, &answer.participant, answer.number, true);
                    let rating = answer
                        .choice
                        .as_deref()
                        .map(|key| format!(" ({})", label_of(key)))
                        .unwrap_or_default();
                    (format!("{who}{rating}"), answer.note.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    let suggestion =
        move || {
            spread.with(|spread| {
                spread.as_ref()?.suggestion.as_ref().map(|suggestion| {
                    team::suggestion(language.get(), &label_of(&suggestion.choice))
                })
            })
        };
    view! {
        <article class="team-item" id=format!("team-{}", item.id) aria-labelledby=labelled_by>
            <div class="item-head">
                <span class="item-number">{item.number.clone()}</span>
                <p class="statement" id=statement_id>{item.statement.clone()}</p>
                <span class=move || state().1>{move || state().0}</span>
            </div>
            {move || spread.get().map(|spread| view! { <SpreadChips spread/> })}
            {move || {
                let notes = notes();
                (!notes.is_empty()).then(|| view! {
                    <ul class="team-notes">
                        {notes.into_iter().map(|(who, note)| view! { <li><strong>{who}</strong> ": " <span class="pre-wrap">{note}</span></li> }).collect_view()}
                    </ul>
                })
            }}
            <div class="team-decision">
                <fieldset class="scale">
                    <legend class="scale-label">{move || team::team_rating_for(language.get(), &item.number)}</legend>
                    {radios}
                </fieldset>
                {move || suggestion().map(|text| view! { <p class="hint">{text}</p> })}
                {priorities}
                <div class="note">
                    <label for=reason_id.clone()>{move || team::reason_for(language.get(), &item.number)}</label>
                    <textarea id=reason_id rows="2" maxlength="2000" prop:value=move || shown_reason.get()
                        on:input=move |event| typed_reason.set(Some(event_target_value(&event)))></textarea>
                </div>
                <button type="button" class="button small" on:click=set disabled=move || shown_choice.get().is_none()>
                    {tr(TeamText::SetTeamRating)}<span class="visually-hidden">" " {item.number.clone()}</span>
                </button>
            </div>
        </article>
    }
    .into_any()
}
