//! The invitation to a team assessment as a sheet to print for a workshop: the QR code a phone camera opens, the
//! link, three steps and where the data stays.

use checkwerk_core::contribution::{encode_invitation, invitation};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::team::LinkQrCode;
use crate::i18n::team::{self, TeamText};
use crate::i18n::Text;
use crate::links;
use crate::page_config::app_href;
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The printable invitation of the active team assessment.
#[component]
pub fn InvitationPrintPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let team = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| run.and_then(|run| run.team.clone()))
    });
    let link = Memo::new(move |_| {
        team.with(|team| {
            team.as_ref()
                .and_then(|team| encode_invitation(&invitation(team, catalog)).ok())
                .map(|data| links::app_link(&format!("/check/{}/mitmachen", catalog.id), &data))
                .unwrap_or_default()
        })
    });
    let back = app_href(&format!("/check/{}/team", catalog.id));
    move || match team.get() {
        None => view! {
            <section class="page">
                <h1>{tr(TeamText::InvitationSheetHeading)}</h1>
                <p class="notice">{tr(TeamText::NoTeamActive)}</p>
                <p><A href=back.clone()>{tr(Text::TeamNavEntry)}</A></p>
            </section>
        }
        .into_any(),
        Some(team) => {
            let numbers: Vec<&str> = catalog
                .modules
                .iter()
                .filter(|module| !team.modules.is_empty() && team.rates_module(&module.id))
                .map(|module| module.number.as_str())
                .collect();
            let chosen = team::chosen_modules(language.get(), &numbers);
            view! {
                <article class="page invitation-sheet">
                    <p class="no-print print-actions">
                        <button type="button" class="button" on:click=|_| print_page()>{tr(TeamText::Print)}</button>
                        <A href=back.clone()>{tr(TeamText::BackToTeam)}</A>
                    </p>
                    {(!catalog.standard.is_empty()).then(|| view! { <p class="card-standard">{catalog.standard.clone()}</p> })}
                    <h1>{tr(TeamText::InvitationSheetHeading)}</h1>
                    <p class="sheet-team">{team.name.clone()}</p>
                    <p>{catalog.title.clone()} " · " {chosen}</p>
                    <div class="sheet-qr"><LinkQrCode link label=TeamText::InvitationQr/></div>
                    <p class="sheet-link">{move || link.get()}</p>
                    <ol class="sheet-steps">
                        <li>{tr(TeamText::SheetStepScan)}</li>
                        <li>{tr(TeamText::SheetStepRate)}</li>
                        <li>{tr(TeamText::SheetStepReturn)}</li>
                    </ol>
                    <p class="privacy-note">{tr(TeamText::SheetPrivacy)}</p>
                </article>
            }
            .into_any()
        }
    }
}

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
