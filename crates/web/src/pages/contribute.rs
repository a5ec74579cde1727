//! Contributing to a team assessment: a participant opens the invitation on their own device, gives a name or
//! stays anonymous, rates the Check-Punkte of the invited Bausteine with notes, and passes the contribution back as
//! a link (the ratings after `#`), its QR code, or a small file.
//!
//! The participant's ratings are a run of their own on their own device (with the invitation attached), so they
//! are saved like every run and survive a reload; nothing leaves the device until the person passes it on.

use checkwerk_core::contribution::{
    contribution_file, contribution_of, decode_invitation, encode_contribution, item_order,
    EncodeError, LinkError,
};
use checkwerk_core::team::{Invitation, Participation};
use checkwerk_core::{Catalog, Module};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::clock::new_short_id;
use crate::components::download::{download_text, file_name_part};
use crate::components::progress::Progress;
use crate::components::rating::ItemCard;
use crate::components::team::{LinkBox, LinkQrCode};
use crate::i18n::module_heading;
use crate::i18n::team::{self, TeamText};
use crate::i18n::Text;
use crate::links;
use crate::state::check::{current_catalog, module_rated};
use crate::state::{tr, Runs, UiLanguage};

/// What the address says: no invitation, one, or why the one it holds was refused.
type FromAddress = Option<Result<Invitation, LinkError>>;

fn invitation_in_address(catalog: &Catalog) -> FromAddress {
    links::fragment().map(|data| decode_invitation(&data, catalog))
}

/// The page a participant's invitation link opens.
#[component]
pub fn ContributePage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    // Read when the page opens, and again when only the part after `#` changes (a second link pasted into the
    // address bar does not reload the page).
    let from_address = RwSignal::new(invitation_in_address(catalog));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        from_address.set(invitation_in_address(catalog));
    });
    on_cleanup(move || listener.remove());

    // The participant's own run for the invited team assessment; without an invitation, the active run if it is
    // one person's contribution.
    let draft = Memo::new(move |_| match from_address.get() {
        Some(Ok(invitation)) => runs.find_id(&catalog.id, |run| {
            run.participation
                .as_ref()
                .is_some_and(|p| p.invitation.team_id == invitation.team_id)
        }),
        Some(Err(_)) => None,
        None => runs.with_active(&catalog.id, |run| {
            run.filter(|run| run.participation.is_some())
                .map(|run| run.id.clone())
        }),
    });
    // The cards rate the active run: the draft becomes it.
    Effect::new(move |_| {
        if let Some(id) = draft.get() {
            if runs.active_id(&catalog.id).as_deref() != Some(id.as_str()) {
                runs.activate(&catalog.id, &id);
            }
        }
    });

    move || {
        match (draft.get(), from_address.get()) {
        (Some(run_id), _) => view! { <ContributionView catalog run_id/> }.into_any(),
        (None, Some(Ok(invitation))) => view! { <JoinForm catalog invitation/> }.into_any(),
        (None, Some(Err(error))) => view! {
            <section class="page contribute">
                <h1>{tr(TeamText::ContributeHeading)}</h1>
                <p class="notice" role="alert">{move || team::link_error(language.get(), &error)}</p>
            </section>
        }
        .into_any(),
        (None, None) => view! {
            <section class="page contribute">
                <h1>{tr(TeamText::ContributeHeading)}</h1>
                <p class="notice">{tr(TeamText::NoInvitation)}</p>
                <p><A href=crate::page_config::app_href(&format!("/check/{}/team", catalog.id))>{tr(Text::TeamNavEntry)}</A></p>
            </section>
        }
        .into_any(),
    }
    }
}

/// The invited Bausteine of a catalog, in catalog order: those the invitation names and this version has, else all.
fn invited_modules(catalog: &'static Catalog, invitation: &Invitation) -> Vec<&'static Module> {
    let named: Vec<&'static Module> = catalog
        .modules
        .iter()
        .filter(|module| invitation.modules.contains(&module.id))
        .collect();
    if named.is_empty() {
        catalog.modules.iter().collect()
    } else {
        named
    }
}

/// Puts the keyboard focus on the page's heading, after a view replaced the one that had it.
fn focus_heading() {
    request_animation_frame(|| {
        if let Ok(Some(heading)) = document().query_selector(".page h1") {
            if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
                let _ = heading.focus();
            }
        }
    });
}

/// The invitation before the person has joined: what it is for, where the data stays, and a name to give.
#[component]
fn JoinForm(catalog: &'static Catalog, invitation: Invitation) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let name = RwSignal::new(String::new());
    let modules: Vec<&str> = invited_modules(catalog, &invitation)
        .iter()
        .map(|module| module.number.as_str())
        .collect();
    let all = modules.len() == catalog.modules.len();
    let modules = StoredValue::new(if all { Vec::new() } else { modules });
    let team_name = invitation.team_name.clone();
    let invitation = StoredValue::new(invitation);
    let join = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let invitation = invitation.get_value();
        let language = language.get_untracked();
        let run_id = runs.create(
            catalog,
            Some(team::contribution_run_name(language, &invitation.team_name)),
        );
        let participant = name.get_untracked().trim().to_owned();
        runs.edit(&run_id, catalog, |run, now| {
            run.participation = Some(Participation::new(
                invitation,
                new_short_id(),
                participant,
                now,
            ));
        });
        focus_heading();
    };
    view! {
        <section class="page contribute">
            <h1 tabindex="-1">{tr(TeamText::ContributeHeading)}</h1>
            <p class="lead">{move || team::invited(language.get(), &team_name)}</p>
            <p>{catalog.title.clone()} " · " {move || modules.with_value(|numbers| team::chosen_modules(language.get(), numbers))}</p>
            <p class="privacy-note">{tr(TeamText::ContributePrivacy)}</p>
            <form class="join" on:submit=join>
                <div class="field">
                    <label for="teilnehmer-name">{tr(TeamText::YourName)}</label>
                    <input id="teilnehmer-name" type="text" autocomplete="name" maxlength="200" bind:value=name/>
                    <p class="hint">{tr(TeamText::YourNameHint)}</p>
                </div>
                <button type="submit" class="button">{tr(TeamText::Join)}</button>
            </form>
        </section>
    }
}

/// The participant's contribution: name, the invited Bausteine to rate, and passing it on.
#[component]
fn ContributionView(catalog: &'static Catalog, run_id: String) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let run_id = StoredValue::new(run_id);
    let participation = Memo::new(move |_| {
        runs.with_run(&run_id.get_value(), |run| {
            run.and_then(|run| run.participation.clone())
        })
    });
    let invitation = participation
        .get_untracked()
        .map(|participation| participation.invitation)
        .unwrap_or_default();
    let modules = invited_modules(catalog, &invitation);
    let total: usize = modules.iter().map(|module| module.items.len()).sum();
    let rated_per_module: Vec<Signal<usize>> = modules
        .iter()
        .map(|module| module_rated(catalog, &module.id))
        .collect();
    let rated = Signal::derive(move || rated_per_module.iter().map(|rated| rated.get()).sum());
    let name = move || {
        participation
            .with(|participation| participation.as_ref().map(|p| p.participant.clone()))
            .unwrap_or_default()
    };
    let set_name = move |event: leptos::ev::Event| {
        let participant = event_target_value(&event).trim().to_owned();
        runs.edit(&run_id.get_value(), catalog, |run, now| {
            run.edit_participation(now, |participation, now| {
                participation.set_participant(participant, now)
            })
        });
    };
    let passing_on = RwSignal::new(false);
    let go_to_pass_on = move |_| {
        if let Some(section) = document().get_element_by_id("weitergeben") {
            section.scroll_into_view();
        }
        if let Ok(Some(button)) = document().query_selector("#weitergeben button") {
            if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
                let _ = button.focus();
            }
        }
    };
    let team_name = invitation.team_name.clone();
    let sections = modules
        .into_iter()
        .map(|module| {
            view! {
                <section class="contribute-module" aria-labelledby=format!("baustein-{}", module.id)>
                    <h2 id=format!("baustein-{}", module.id)>{move || module_heading(language.get(), &module.number, &module.title)}</h2>
                    <div class="items">
                        {module.items.iter().map(|item| view! { <ItemCard catalog module item without_measures=true/> }).collect_view()}
                    </div>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="page contribute">
            <h1 tabindex="-1">{tr(TeamText::ContributeHeading)}</h1>
            <p class="lead">{move || team::invited(language.get(), &team_name)}</p>
            <p class="privacy-note">{tr(TeamText::ContributePrivacy)}</p>
            <div class="field participant-name">
                <label for="teilnehmer-name">{tr(TeamText::YourName)}</label>
                <input id="teilnehmer-name" type="text" autocomplete="name" maxlength="200" prop:value=name on:change=set_name/>
                <p class="hint">{tr(TeamText::YourNameHint)}</p>
            </div>
            <div class="module-progress">
                <Progress rated total/>
                <button type="button" class="link-button" on:click=go_to_pass_on>{tr(TeamText::GoToPassOn)} " ↓"</button>
            </div>
            {sections}
            <section id="weitergeben" class="pass-on" aria-labelledby="weitergeben-heading">
                <h2 id="weitergeben-heading">{tr(TeamText::PassOnHeading)}</h2>
                {move || if passing_on.get() {
                    view! { <PassOn catalog run_id=run_id.get_value()/> }.into_any()
                } else {
                    view! {
                        <p>{tr(TeamText::PassOnIntro)}</p>
                        <button type="button" class="button" on:click=move |_| passing_on.set(true)>{tr(TeamText::PassOnButton)}</button>
                    }.into_any()
                }}
            </section>
        </section>
    }
}

/// The contribution as a link, a QR code and a file.
#[component]
fn PassOn(catalog: &'static Catalog, run_id: String) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let run_id = StoredValue::new(run_id);
    // The link follows every change while this part is open; a change is one more rating, seldom.
    let contribution = Memo::new(move |_| {
        runs.with_run(&run_id.get_value(), |run| {
            let run = run?;
            let participation = run.participation.as_ref()?;
            Some((
                contribution_of(run, participation, catalog),
                participation.invitation.clone(),
            ))
        })
    });
    let link: Memo<Result<String, EncodeError>> = Memo::new(move |_| {
        contribution.with(|contribution| {
            let (contribution, invitation) = contribution.as_ref().ok_or(EncodeError::BadId)?;
            encode_contribution(contribution, catalog, invitation.item_order)
                .map(|data| links::app_link(&format!("/check/{}/team", catalog.id), &data))
        })
    });
    let link_text = Signal::derive(move || link.with(|link| link.clone().unwrap_or_default()));
    let share_title = Signal::derive(move || {
        contribution.with(|contribution| {
            let language = language.get();
            contribution
                .as_ref()
                .map(|(_, invitation)| {
                    format!(
                        "{}: {}",
                        TeamText::ContributionOf.get(language),
                        invitation.team_name
                    )
                })
                .unwrap_or_default()
        })
    });
    let error = move || {
        link.with(|link| {
            link.as_ref().err().map(|error| {
                let number = match error {
                    EncodeError::TooLong(Some(item_id)) => {
                        catalog.item(item_id).map(|(_, item)| item.number.as_str())
                    }
                    _ => None,
                };
                team::encode_error(language.get(), error, number)
            })
        })
    };
    let other_version = move || {
        contribution.with(|contribution| {
            let (_, invitation) = contribution.as_ref()?;
            (invitation.item_order != item_order(catalog)).then(|| {
                team::other_version(
                    language.get(),
                    &catalog.version,
                    &invitation.catalog_version,
                )
            })
        })
    };
    let save_file = move |_| {
        contribution.with_untracked(|contribution| {
            if let Some((contribution, invitation)) = contribution {
                let who = if contribution.participant.is_empty() {
                    "anonym".to_owned()
                } else {
                    file_name_part(&contribution.participant)
                };
                let name = format!(
                    "checkwerk-beitrag-{}-{}.json",
                    file_name_part(&invitation.team_name),
                    who
                );
                download_text(&name, "application/json", &contribution_file(contribution));
            }
        });
    };
    // Focus moves from the button that opened this part to the link.
    request_animation_frame(|| {
        if let Some(field) = document().get_element_by_id("beitrag-link") {
            if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                let _ = field.focus();
            }
        }
    });
    view! {
        <p>{tr(TeamText::PassOnIntro)}</p>
        {move || other_version().map(|text| view! { <p class="hint">{text}</p> })}
        {move || error().map(|text| view! { <p class="notice" role="alert">{text}</p> })}
        <div class="pass-on-ways">
            <LinkBox id="beitrag-link" label=TeamText::ContributionLink link=link_text share_title/>
            {move || link.with(Result::is_ok).then(|| view! { <LinkQrCode link=link_text label=TeamText::ContributionQr/> })}
        </div>
        <p><button type="button" class="button secondary" on:click=save_file>{tr(TeamText::SaveAsFile)}</button></p>
        <p class="hint">{tr(TeamText::ChangeLater)}</p>
        <p class="privacy-note">{tr(TeamText::LinkPrivacy)} " " {tr(TeamText::ChecksumNote)}</p>
    }
}
