//! A small chart of one series of indexes over the runs (one per Baustein, and one for the whole check): the
//! index 0–100 from top (100) to bottom (0), one point per run, its value beside it. Drawn as SVG that prints
//! sharply; the page's table gives the same figures.

use checkwerk_core::NeedIndex;
use leptos::prelude::*;

use crate::i18n;

/// One small chart.
#[component]
pub fn Sparkline(
    /// The chart's accessible name, e.g. "Baustein 2: 60, 45, 30".
    #[prop(into)]
    name: String,
    /// The indexes, one per run, oldest first.
    indexes: Vec<NeedIndex>,
    /// A short label per run (its month), drawn under the axis; only the first and last when there are many.
    labels: Vec<String>,
    /// Whether this is the whole check's series (drawn stronger).
    #[prop(optional)]
    overall: bool,
) -> impl IntoView {
    // In tenths of a user unit.
    let (width, height, left, right, top, bottom) = (2400, 1150, 250, 250, 150, 300);
    let count = indexes.len().max(1) as u32;
    let step = if count > 1 {
        (width - left - right) / (count - 1)
    } else {
        0
    };
    let x = move |index: usize| left + step * index as u32;
    let y =
        move |value: u8| top + (height - top - bottom) * (100 - u32::from(value.min(100))) / 100;
    let points: Vec<(usize, u8)> = indexes
        .iter()
        .enumerate()
        .filter_map(|(index, need)| Some((index, need.value()?)))
        .collect();
    let line = points
        .iter()
        .map(|(index, value)| format!("{},{}", length(x(*index)), length(y(*value))))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = points
        .iter()
        .map(|&(index, value)| {
            let label_y = if value > 80 { y(value) + 260 } else { y(value) - 90 };
            view! {
                <circle cx=length(x(index)) cy=length(y(value)) r="3.5" class="history-dot"/>
                <text x=length(x(index)) y=length(label_y) text-anchor="middle" class="chart-value">{value}</text>
            }
        })
        .collect_view();
    let last = labels.len().saturating_sub(1);
    let axis_labels = labels
        .into_iter()
        .enumerate()
        .filter(|(index, _)| last < 5 || *index == 0 || *index == last)
        .map(|(index, label)| {
            view! { <text x=length(x(index)) y=length(height - 60) text-anchor="middle" class="chart-axis-label">{label}</text> }
        })
        .collect_view();
    let class = if overall {
        "history-chart overall"
    } else {
        "history-chart"
    };
    view! {
        <svg class=class viewBox=format!("0 0 {} {}", length(width), length(height)) role="img" aria-label=name
            preserveAspectRatio="xMinYMin meet">
            <line x1=length(left) x2=length(width - right) y1=length(y(0)) y2=length(y(0)) class="history-axis"/>
            <line x1=length(left) x2=length(width - right) y1=length(y(100)) y2=length(y(100)) class="history-grid"/>
            <polyline points=line class="history-line" fill="none"/>
            {dots}
            {axis_labels}
        </svg>
    }
}

fn length(tenths: u32) -> String {
    i18n::one_decimal(tenths, '.')
}
