//! The need profile as a chart: one stacked bar per Baustein with the number of items at each level, drawn as
//! SVG that prints sharply, and the same figures as a table for screen readers and for reading exact numbers.
//!
//! Each row's label is page text beside (on a phone: above) its bar, so a long Baustein title wraps instead of
//! being cut, on any screen and on paper.

use checkwerk_core::{Colour, Tally};
use leptos::prelude::*;

use crate::i18n::pages::PageText;
use crate::i18n::{self, Text};
use crate::state::{tr, UiLanguage};

/// One row of the chart.
#[derive(Clone, PartialEq)]
pub struct ChartRow {
    /// The row's label, e.g. "2 Risikobetrachtung".
    pub label: String,
    /// The figures.
    pub tally: Tally,
}

fn colour_value(colour: Colour) -> &'static str {
    match colour {
        Colour::Red => "#b42318",
        Colour::Orange => "#b54708",
        Colour::Yellow => "#c99a06",
        Colour::Green => "#1e7a3c",
        Colour::Blue => "#1f5f8b",
        Colour::Grey => "#5b6675",
    }
}

/// A length given in tenths of a user unit, as an SVG attribute value ("12.5").
fn svg_length(tenths: u32) -> String {
    i18n::one_decimal(tenths, '.')
}

/// A stacked bar chart of level counts with its table alternative.
#[component]
pub fn ProfileChart(
    /// Unique id of the chart within the page.
    #[prop(into)]
    id: String,
    #[prop(into)] rows: Signal<Vec<ChartRow>>,
    #[prop(into)] caption: String,
    /// The label of the check's "not relevant" choice; without one the table has no column for it.
    not_relevant: Option<String>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let caption_id = format!("{id}-caption");
    let caption_for_region = caption.clone();
    let labelled_by = caption_id.clone();
    let chart = move || {
        let rows = rows.get();
        view! {
            <div class="profile-chart" role="img" aria-labelledby=labelled_by.clone()>
                {rows.iter().map(draw_row).collect_view()}
            </div>
        }
    };
    let table = move || {
        let rows = rows.get();
        let language = language.get();
        let headers = rows
            .first()
            .map(|row| row.tally.level_counts.clone())
            .unwrap_or_default();
        view! {
            <table class="profile-table">
                <caption class="visually-hidden">{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{Text::Module.get(language)}</th>
                        {headers.iter().map(|count| view! {
                            <th scope="col"><span class=format!("legend legend-{}", count.colour.as_str()) aria-hidden="true"></span>{count.label.clone()}</th>
                        }).collect_view()}
                        {not_relevant.clone().map(|label| view! { <th scope="col">{label}</th> })}
                        <th scope="col">{PageText::Open.get(language)}</th>
                        <th scope="col">{PageText::NeedIndex.get(language)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.label.clone()}</th>
                            {row.tally.level_counts.iter().map(|count| view! { <td>{count.count}</td> }).collect_view()}
                            {not_relevant.is_some().then(|| view! { <td>{row.tally.not_relevant_count}</td> })}
                            <td>{row.tally.item_count - row.tally.rated_count}</td>
                            <td>{i18n::need_index(language, row.tally.need_index)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <figure class="chart">
            <figcaption id=caption_id>{tr(PageText::ChartCaption)}</figcaption>
            {chart}
            // Seven columns do not fit a phone: the table scrolls sideways in its own box, which the keyboard
            // can reach and scroll too, rather than widening the page.
            <div class="table-scroll" role="region" tabindex="0" aria-label=caption_for_region>
                {table}
            </div>
        </figure>
    }
}

/// One row of the chart: the label as text, then the bar as SVG. Lengths are in tenths of a user unit, written by
/// `svg_length`: no floating point in the chart.
fn draw_row(row: &ChartRow) -> impl IntoView {
    let bar_width: u32 = 3600;
    let bar_height: u32 = 240;
    let total = row.tally.item_count.max(1);
    // Each segment ends where the counts so far end: the rounding does not add up along the bar.
    let end_of =
        |counted: usize| u32::try_from(bar_width as usize * counted / total).unwrap_or(bar_width);
    let mut counted = 0;
    let mut segments = Vec::new();
    for count in row
        .tally
        .level_counts
        .iter()
        .filter(|count| count.count > 0)
    {
        let x = end_of(counted);
        counted += count.count;
        let width = end_of(counted) - x;
        segments.push(view! {
            <rect x=svg_length(x) y="0" width=svg_length(width) height=svg_length(bar_height) fill=colour_value(count.colour)>
                <title>{format!("{}: {}", count.label, count.count)}</title>
            </rect>
            {(width >= 180).then(|| view! {
                <text x=svg_length(x + width / 2) y=svg_length(170) text-anchor="middle" class="chart-count">{count.count}</text>
            })}
        });
    }
    let x = end_of(counted);
    view! {
        <div class="chart-row">
            <span class="chart-label">{row.label.clone()}</span>
            <svg class="chart-bar" viewBox=format!("0 0 {} {}", svg_length(bar_width), svg_length(bar_height))
                preserveAspectRatio="xMinYMid meet" aria-hidden="true">
                {segments}
                <rect x=svg_length(x) y="0" width=svg_length(bar_width - x) height=svg_length(bar_height) fill="#e4e8ee" stroke="#c4cbd5"/>
            </svg>
        </div>
    }
}
