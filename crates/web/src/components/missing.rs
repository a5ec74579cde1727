//! What a page shows when its address names a check or Baustein this site does not have.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Text;
use crate::state::tr;

/// Shown when a link names a check or module this site does not have.
#[component]
pub fn Missing(text: Text) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr(Text::NotFoundHeading)}</h1>
            <p>{tr(text)}</p>
            <p><A href=crate::page_config::app_href("/")>{tr(Text::BackToHome)}</A></p>
        </section>
    }
}
