//! What the pages of a team assessment share: the spread of an item's ratings as chips, a link to pass on with its
//! copy and share buttons, a link's QR code, and the wording of those pages in the current language.

use checkwerk_core::agreement::Spread;
use leptos::prelude::*;

use crate::components::qr_code::QrCodeImage;
use crate::i18n::team::{self, TeamText};
use crate::links;
use crate::state::{tr, UiLanguage};

/// The spread of one item's ratings: "2 × hoch · 1 × mittel · 1 offen", each choice with its Ampel mark (shape
/// and colour, as on the rating itself).
#[component]
pub fn SpreadChips(#[prop(into)] spread: Signal<Spread>) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    move || {
        let language = language.get();
        spread.with(|spread| {
            let chips = spread
                .choices
                .iter()
                .filter(|choice| choice.count > 0)
                .map(|choice| {
                    let colour = choice.colour.map_or("none", |colour| colour.as_str());
                    view! {
                        <li class=format!("spread-chip choice-{colour}")>
                            <span class="choice-mark" aria-hidden="true"></span>
                            {team::choice_count(choice.count, &choice.label)}
                        </li>
                    }
                })
                .collect_view();
            let open = (spread.open > 0).then(|| {
                view! { <li class="spread-chip spread-open">{team::open_count(language, spread.open)}</li> }
            });
            view! { <ul class="spread">{chips}{open}</ul> }
        })
    }
}

/// A link to pass on: the address in a read-only field, a button that copies it and, on phones, one that opens
/// the share sheet. Nothing is sent by the app: the person passes the link on.
#[component]
pub fn LinkBox(
    /// The field's id, unique on the page.
    id: &'static str,
    /// The field's label.
    label: TeamText,
    /// The link.
    #[prop(into)]
    link: Signal<String>,
    /// The title the share sheet shows.
    #[prop(into)]
    share_title: Signal<String>,
) -> impl IntoView {
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local_scoped(async move {
            let done = links::copy_to_clipboard(text).await;
            copied.set(Some(done));
        });
    };
    let share = move |_| {
        let title = share_title.get_untracked();
        let url = link.get_untracked();
        leptos::task::spawn_local_scoped(async move {
            links::share(title, url).await;
        });
    };
    // A new link is not the one copied before.
    Effect::new(move |_| {
        link.track();
        copied.set(None);
    });
    view! {
        <div class="link-box">
            <label for=id>{tr(label)}</label>
            <textarea id=id class="link-text" readonly=true rows="3" prop:value=move || link.get()
                on:focus=|event| {
                    use wasm_bindgen::JsCast;
                    if let Some(field) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                        field.select();
                    }
                }></textarea>
            <div class="link-actions">
                <button type="button" class="button" on:click=copy>{tr(TeamText::CopyLink)}</button>
                {links::can_share().then(|| view! {
                    <button type="button" class="button secondary" on:click=share>{tr(TeamText::Share)}</button>
                })}
                <span class="link-status" role="status">
                    {move || match copied.get() {
                        Some(true) => tr(TeamText::Copied)(),
                        Some(false) => tr(TeamText::CopyFailed)(),
                        None => "",
                    }}
                </span>
            </div>
        </div>
    }
}

/// The QR code of a link, with its accessible name and what to do where the link is too long for one.
#[component]
pub fn LinkQrCode(#[prop(into)] link: Signal<String>, label: TeamText) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    view! {
        <figure class="qr">
            <QrCodeImage
                text=link
                label=Signal::derive(move || label.get(language.get()).to_owned())
                too_long=Signal::derive(move || TeamText::QrTooLong.get(language.get()).to_owned())
            />
        </figure>
    }
}
