//! Renders a catalog's formatted text as DOM nodes. Never as HTML: the blocks only hold text, bold, lists and
//! safe links.
//!
//! The texts were parsed ahead of time (bundled catalogs by the build script, a site's own catalog by the catalog
//! worker); [`crate::state::catalogs`] keeps them.

use checkwerk_core::text::{Block, Inline};
use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::state::catalogs::blocks;

/// Formatted text from a catalog.
#[component]
pub fn Formatted(#[prop(into)] text: String) -> impl IntoView {
    blocks(&text)
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
