//! Formatted text in catalogs: a small, safe subset of Markdown.
//!
//! Paragraphs, **bold**, lists and links to http(s)/mailto. Everything else (raw HTML, images, headings, code)
//! is kept as plain text, so a catalog can never inject markup. The front end renders the result as DOM nodes.
//!
//! The front end does not parse: catalogs are parsed ahead of time (`parse_ahead`, at build time and in the
//! catalog worker, with the `source` feature), and the front end looks the blocks up ([`blocks_from`]). Most texts are one plain paragraph
//! and are left out of that table, so it stays small.

use std::collections::BTreeMap;

#[cfg(feature = "source")]
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

#[cfg(feature = "source")]
use crate::catalog::is_safe_link;

/// A block of formatted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list; each entry is one line of inline content.
    List(Vec<Vec<Inline>>),
}

/// A run of inline content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text.
    Strong(String),
    /// A link with a safe target.
    Link {
        /// The link's text.
        label: String,
        /// The target, always https, http or mailto.
        url: String,
    },
    /// A line break inside a paragraph.
    Break,
}

/// Parses formatted text into blocks.
#[cfg(feature = "source")]
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut inlines: Vec<Inline> = Vec::new();
    let mut list: Option<Vec<Vec<Inline>>> = None;
    let mut strong_depth = 0usize;
    let mut link: Option<(String, String)> = None;

    let push_text = |inlines: &mut Vec<Inline>,
                     link: &mut Option<(String, String)>,
                     strong: bool,
                     text: &str| {
        if let Some((_, label)) = link.as_mut() {
            label.push_str(text);
            return;
        }
        match (inlines.last_mut(), strong) {
            (Some(Inline::Text(existing)), false) | (Some(Inline::Strong(existing)), true) => {
                existing.push_str(text)
            }
            (_, false) => inlines.push(Inline::Text(text.to_owned())),
            (_, true) => inlines.push(Inline::Strong(text.to_owned())),
        }
    };

    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Strong) => strong_depth += 1,
            Event::End(TagEnd::Strong) => strong_depth = strong_depth.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), String::new()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, label)) = link.take() {
                    if is_safe_link(&url) {
                        inlines.push(Inline::Link { label, url });
                    } else {
                        push_text(&mut inlines, &mut None, strong_depth > 0, &label);
                    }
                }
            }
            Event::Start(Tag::List(_)) => {
                flush_paragraph(&mut blocks, &mut inlines);
                list.get_or_insert_with(Vec::new);
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(entries) = list.take() {
                    blocks.push(Block::List(entries));
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(entries) = list.as_mut() {
                    entries.push(std::mem::take(&mut inlines));
                }
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) if list.is_none() => {
                flush_paragraph(&mut blocks, &mut inlines);
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_text(&mut inlines, &mut link, strong_depth > 0, &text);
            }
            Event::SoftBreak => push_text(&mut inlines, &mut link, strong_depth > 0, " "),
            Event::HardBreak => inlines.push(Inline::Break),
            _ => {}
        }
    }
    flush_paragraph(&mut blocks, &mut inlines);
    blocks
}

#[cfg(feature = "source")]
fn flush_paragraph(blocks: &mut Vec<Block>, inlines: &mut Vec<Inline>) {
    if !inlines.is_empty() {
        blocks.push(Block::Paragraph(std::mem::take(inlines)));
    }
}

/// Formatted texts parsed ahead of time, by their source; texts that are one plain paragraph are not listed.
pub type ParsedTexts = BTreeMap<String, Vec<Block>>;

/// A text shown as it is: one paragraph of the trimmed text, or nothing for a blank one.
pub fn plain_paragraph(text: &str) -> Vec<Block> {
    let text = text.trim();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Block::Paragraph(vec![Inline::Text(text.to_owned())])]
    }
}

/// Parses texts ahead of time, keeping only those whose blocks are more than [`plain_paragraph`].
#[cfg(feature = "source")]
pub fn parse_ahead<'a>(texts: impl IntoIterator<Item = &'a str>) -> ParsedTexts {
    let mut parsed = ParsedTexts::new();
    for text in texts {
        if parsed.contains_key(text) {
            continue;
        }
        let blocks = parse(text);
        if blocks != plain_paragraph(text) {
            parsed.insert(text.to_owned(), blocks);
        }
    }
    parsed
}

/// The blocks of a text that was parsed ahead of time with [`parse_ahead`]: equal to [`parse`] of it.
pub fn blocks_from(parsed: &ParsedTexts, text: &str) -> Vec<Block> {
    parsed
        .get(text)
        .cloned()
        .unwrap_or_else(|| plain_paragraph(text))
}

/// The text without formatting, e.g. for CSV export and accessible names.
#[cfg(feature = "source")]
pub fn plain(text: &str) -> String {
    plain_of(&parse(text))
}

/// Blocks without formatting, as [`plain`] gives them.
pub fn plain_of(blocks: &[Block]) -> String {
    let inline_text = |inlines: &[Inline]| {
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text(text) | Inline::Strong(text) => text.clone(),
                Inline::Link { label, .. } => label.clone(),
                Inline::Break => " ".to_owned(),
            })
            .collect::<String>()
    };
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => inline_text(inlines),
            Block::List(entries) => entries
                .iter()
                .map(|entry| inline_text(entry))
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(all(test, feature = "source"))]
mod tests {
    use super::*;

    #[test]
    fn only_texts_with_formatting_are_parsed_ahead() {
        let texts = [
            "Nur Text.",
            "  Mit Rand.\n",
            "Mit **fett**.",
            "- eins\n- zwei",
            "",
            "Nur Text.",
        ];
        let parsed = parse_ahead(texts);
        assert!(!parsed.contains_key("Nur Text."));
        assert!(!parsed.contains_key("  Mit Rand.\n"));
        assert!(parsed.contains_key("Mit **fett**."));
        assert!(parsed.contains_key("- eins\n- zwei"));
        for text in texts {
            assert_eq!(blocks_from(&parsed, text), parse(text), "{text:?}");
        }
    }

    #[test]
    fn paragraphs_bold_lists_and_links() {
        let blocks =
            parse("Erster **fett** Absatz.\n\n- eins\n- [zwei](https://example.org)\n\nEnde");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    Inline::Text("Erster ".into()),
                    Inline::Strong("fett".into()),
                    Inline::Text(" Absatz.".into())
                ]),
                Block::List(vec![
                    vec![Inline::Text("eins".into())],
                    vec![Inline::Link {
                        label: "zwei".into(),
                        url: "https://example.org".into()
                    }]
                ]),
                Block::Paragraph(vec![Inline::Text("Ende".into())]),
            ]
        );
    }

    #[test]
    fn html_and_unsafe_links_stay_text() {
        let blocks = parse(
            "<script>alert(1)</script> [klick](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        let text = format!("{blocks:?}");
        assert!(!text.contains("Link"), "{text}");
        assert_eq!(plain("<b>x</b>"), "<b>x</b>");
    }
}
