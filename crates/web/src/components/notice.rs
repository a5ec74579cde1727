//! The short message after an action ("Durchlauf gelöscht"), with an undo where the action can be undone.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::state::{FrameLanguage, Notices, UiLanguage};

/// Shows the current notice in a polite live region.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = expect_context::<Notices>();
    // The language of the screen: a check's own where one is shown.
    let chosen = expect_context::<UiLanguage>().0;
    let frame = expect_context::<FrameLanguage>().0;
    let word = move |text: Text| text.get(frame.get().unwrap_or_else(|| chosen.get()));
    view! {
        <div class="notice-bar" role="status" aria-live="polite">
            {move || notices.0.get().map(|notice| view! {
                <div class="notice-content">
                    <span>{notice.message.clone()}</span>
                    {notice.undo.map(|undo| view! {
                        <button type="button" class="button small" on:click=move |_| { undo(); notices.dismiss(); }>{move || word(Text::Undo)}</button>
                    })}
                    <button type="button" class="link-button" on:click=move |_| notices.dismiss()>{move || word(Text::Dismiss)}</button>
                </div>
            })}
        </div>
    }
}
