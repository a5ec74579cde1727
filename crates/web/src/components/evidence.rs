//! A Check-Punkt's evidence (Nachweis) as the reader sees it: a link where it is one safe address, text otherwise.
//! The card, the report and the self-declaration record show it alike.

use checkwerk_core::Answer;
use leptos::prelude::*;

/// The evidence of an answer; nothing when there is none.
#[component]
pub fn EvidenceRef(
    /// The answer whose evidence to show.
    answer: Answer,
) -> impl IntoView {
    let text = answer.evidence.trim().to_owned();
    if text.is_empty() {
        return ().into_any();
    }
    match answer.evidence_link() {
        Some(link) => view! {
            <a class="evidence-link" href=link.to_owned() target="_blank" rel="noopener noreferrer">{text}</a>
        }
        .into_any(),
        None => view! { <span class="evidence-text">{text}</span> }.into_any(),
    }
}
