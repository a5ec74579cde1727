//! A progress bar with its figures in words.

use leptos::prelude::*;

use crate::i18n::rated_of;
use crate::state::UiLanguage;

/// "3 von 5 bewertet" with a bar.
#[component]
pub fn Progress(#[prop(into)] rated: Signal<usize>, total: usize) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let text = move || rated_of(language.get(), rated.get(), total);
    view! {
        <span class="progress">
            <progress max=total value=move || rated.get() aria-label=text></progress>
            <span class="progress-text" aria-hidden="true">{text}</span>
        </span>
    }
}
