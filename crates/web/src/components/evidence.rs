//! A Check-Punkt's evidence (Nachweis) as the reader sees it: a link where it is one safe address, text otherwise.
//! The card, the report and the self-declaration record show it alike.

use checkwerk_core::run::evidence_link;
use leptos::prelude::*;

/// A piece of evidence as given for an answer; nothing when it is empty.
#[component]
pub fn EvidenceRef(
    /// The evidence as the user typed it.
    #[prop(into)]
    evidence: String,
) -> impl IntoView {
    let text = evidence.trim().to_owned();
    if text.is_empty() {
        return ().into_any();
    }
    match evidence_link(&text).map(str::to_owned) {
        Some(link) => view! {
            <a class="evidence-link" href=link target="_blank" rel="noopener noreferrer">{text}</a>
        }
        .into_any(),
        None => view! { <span class="evidence-text">{text}</span> }.into_any(),
    }
}
