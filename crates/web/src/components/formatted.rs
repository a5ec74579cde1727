//! Renders a catalog's formatted text as DOM nodes. Never as HTML: the blocks only hold text, bold, lists and
//! safe links.
//!
//! The texts were parsed ahead of time (bundled catalogs by the build script, a site's own catalog by the catalog
//! worker); this module keeps those tables and looks texts up in them.

use std::cell::RefCell;

use checkwerk_core::text::{blocks_from, plain_of, Block, Inline, ParsedTexts};
use leptos::either::EitherOf4;
use leptos::prelude::*;

thread_local! {
    /// The parsed texts of every catalog this page knows: the bundled ones, then each loaded site catalog's.
    static PARSED: RefCell<ParsedTexts> = RefCell::new(
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/texts.json"))).unwrap_or_else(|error| {
            leptos::logging::error!("embedded texts unreadable: {error}");
            ParsedTexts::new()
        }),
    );
}

/// Adds the parsed texts of a catalog loaded at run time.
pub fn register(parsed: ParsedTexts) {
    PARSED.with(|known| known.borrow_mut().extend(parsed));
}

fn blocks(text: &str) -> Vec<Block> {
    PARSED.with(|known| blocks_from(&known.borrow(), text))
}

/// A formatted text without its formatting, e.g. for a hint in a form.
pub fn plain(text: &str) -> String {
    plain_of(&blocks(text))
}

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
