//! The short message after an action ("Durchlauf gelöscht"), with an undo where the action can be undone.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::state::{FrameLanguage, Notices, UiLanguage};

/// Shows the current notice in a polite live region.
///
/// The bar floats over the bottom of the window. When it appears over something the user can act on (the buttons
/// of the run just copied, say), the page scrolls up by as much as it covers: the page keeps room for that at its
/// foot (`styles.css`, `main`).
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = expect_context::<Notices>();
    Effect::new(move |_| {
        if notices.0.with(Option::is_some) {
            request_animation_frame(uncover_controls);
        }
    });
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

/// Scrolls the page up by the height of the notice where the notice covers a control in the window.
fn uncover_controls() {
    let Some(notice) = document().query_selector(".notice-content").ok().flatten() else {
        return;
    };
    let covered = notice.get_bounding_client_rect();
    let Ok(controls) = document()
        .query_selector_all("main button, main a[href], main input, main select, main textarea")
    else {
        return;
    };
    let hidden = (0..controls.length())
        .filter_map(|index| controls.item(index))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .map(|element| element.get_bounding_client_rect())
        .any(|rect| {
            rect.height() > 0.0
                && rect.bottom() > covered.top()
                && rect.top() < covered.bottom()
                && rect.right() > covered.left()
                && rect.left() < covered.right()
        });
    if hidden {
        if let Some(window) = web_sys::window() {
            let height = window
                .inner_height()
                .ok()
                .and_then(|height| height.as_f64())
                .unwrap_or_default();
            window.scroll_by_with_x_and_y(0.0, height - covered.top() + 8.0);
        }
    }
}
