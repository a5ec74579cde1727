//! The page for addresses that lead nowhere.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{screen, Text};
use crate::state::{tr, UiLanguage};

/// Shown for unknown addresses.
#[component]
pub fn NotFound() -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    crate::title::set_page_title(move || {
        let language = language.get();
        screen::page_title(language, &[Text::NotFoundHeading.get(language)])
    });
    view! {
        <section class="page">
            <h1>{tr(Text::NotFoundHeading)}</h1>
            <p>{tr(Text::NotFoundExplanation)}</p>
            <p><A href=crate::page_config::app_href("/")>{tr(Text::BackToHome)}</A></p>
        </section>
    }
}
