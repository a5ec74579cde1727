//! Renders a catalog's formatted text as DOM nodes. Never as HTML: the core's parser only yields text, bold,
//! lists and safe links.

use checkwerk_core::text::{parse, Block, Inline};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// Formatted text from a catalog.
#[component]
pub fn Formatted(#[prop(into)] text: String) -> impl IntoView {
    parse(&text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => view! { <p>{render_inlines(inlines)}</p> }.into_any(),
            Block::List(entries) => view! {
                <ul>{entries.into_iter().map(|entry| view! { <li>{render_inlines(entry)}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
}

fn render_inlines(inlines: Vec<Inline>) -> impl IntoView {
    inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => EitherOf4::A(text),
            Inline::Strong(text) => EitherOf4::B(view! { <strong>{text}</strong> }),
            Inline::Link { label, url } => EitherOf4::C(
                view! { <a href=url target="_blank" rel="noopener noreferrer">{label}</a> },
            ),
            Inline::Break => EitherOf4::D(view! { <br/> }),
        })
        .collect_view()
}
