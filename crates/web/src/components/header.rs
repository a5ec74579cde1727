//! The page header: name, language switch, save indicator.

use checkwerk_core::Language;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::save_status::SaveIndicator;
use crate::i18n::Text;
use crate::state::{tr, LanguageChoice};
use crate::storage;

/// The header shown on every page.
#[component]
pub fn Header() -> impl IntoView {
    let language = expect_context::<LanguageChoice>().0;
    let switch_language = move |_| {
        let next = match language.get_untracked() {
            Language::De => Language::En,
            Language::En => Language::De,
        };
        language.set(next);
        // Remembering the language is a convenience; failing to is not worth a message.
        let _ = storage::save_language(next);
    };
    view! {
        <a class="skip-link" href="#inhalt">{tr(Text::SkipToContent)}</a>
        <header class="app-header">
            {move || if crate::page_config::page_config().single_check.is_some() {
                // Single-check mode offers no way out to the list of checks.
                view! {
                    <span class="brand">
                        <span class="brand-name">{tr(Text::AppTitle)}</span>
                        <span class="brand-tagline">{tr(Text::AppTagline)}</span>
                    </span>
                }.into_any()
            } else {
                view! {
                    <A href=crate::page_config::app_href("/") attr:class="brand">
                        <span class="brand-name">{tr(Text::AppTitle)}</span>
                        <span class="brand-tagline">{tr(Text::AppTagline)}</span>
                    </A>
                }.into_any()
            }}
            <div class="header-tools">
                <SaveIndicator/>
                <button type="button" class="language-switch" on:click=switch_language
                    lang=move || match language.get() { Language::De => "en", Language::En => "de" }>
                    {tr(Text::LanguageSwitch)}
                </button>
            </div>
        </header>
    }
}
