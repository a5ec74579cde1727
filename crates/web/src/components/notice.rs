//! The short message after an action ("Durchlauf gelöscht"), with an undo where the action can be undone.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::state::{tr, Notices};

/// Shows the current notice in a polite live region.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="notice-bar" role="status" aria-live="polite">
            {move || notices.0.get().map(|notice| view! {
                <div class="notice-content">
                    <span>{notice.message.clone()}</span>
                    {notice.undo.map(|undo| view! {
                        <button type="button" class="button small" on:click=move |_| { undo(); notices.dismiss(); }>{tr(Text::Undo)}</button>
                    })}
                    <button type="button" class="link-button" on:click=move |_| notices.dismiss()>{tr(Text::Dismiss)}</button>
                </div>
            })}
        </div>
    }
}
