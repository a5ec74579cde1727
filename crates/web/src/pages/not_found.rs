//! The page for addresses that lead nowhere.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Text;
use crate::state::tr;

/// Shown for unknown addresses.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr(Text::NotFoundHeading)}</h1>
            <p>{tr(Text::NotFoundExplanation)}</p>
            <p><A href=crate::page_config::app_href("/")>{tr(Text::BackToHome)}</A></p>
        </section>
    }
}
