//! What hosting brings to the screen: the prompt when a new version is ready, and the state of a catalog the site
//! pointed the app at.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Text;
use crate::offline::{apply_update, UpdateReady};
use crate::state::catalogs::{RemoteCatalog, RemoteState};
use crate::state::tr;

/// "A new version is ready" with the choice to reload now.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = expect_context::<UpdateReady>();
    move || {
        ready.0.get().then(|| {
            view! {
                <div class="banner update" role="status">
                    <span>{tr(Text::UpdateReady)}</span>
                    <button type="button" class="button small" on:click=|_| apply_update()>{tr(Text::ReloadNow)}</button>
                    <button type="button" class="link-button" on:click=move |_| ready.0.set(false)>{tr(Text::Later)}</button>
                </div>
            }
        })
    }
}

/// Loading, failure (with every located problem) or success of a remote catalog.
#[component]
pub fn RemoteCatalogStatus() -> impl IntoView {
    let remote = expect_context::<RemoteCatalog>();
    move || {
        remote.0.get().map(|state| match state {
            RemoteState::Loading => view! { <p class="banner" role="status">{tr(Text::RemoteLoading)}</p> }.into_any(),
            RemoteState::Loaded(catalog) => view! {
                <p class="banner" role="status">
                    {tr(Text::RemoteLoaded)} " "
                    <A href=crate::page_config::app_href(&format!("/check/{}", catalog.id))>{catalog.title.clone()}</A>
                </p>
            }
            .into_any(),
            RemoteState::Unreachable(detail) => view! {
                <div class="banner warning" role="alert">
                    <p>{tr(Text::RemoteUnreachable)}</p>
                    <p class="hint">{detail}</p>
                </div>
            }
            .into_any(),
            RemoteState::Invalid(problems) => view! {
                <div class="banner warning" role="alert">
                    <p>{tr(Text::RemoteInvalid)}</p>
                    <ul class="problems">{problems.into_iter().map(|problem| view! { <li><code>{problem}</code></li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        })
    }
}
