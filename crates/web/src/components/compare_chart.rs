//! The comparison of two runs as a chart: per Baustein the need index of the earlier run (light) over that of the
//! later one (dark), on one scale 0–100, drawn as SVG that prints sharply. The page's table gives the same figures
//! in words for screen readers and for reading exact numbers.

use checkwerk_core::NeedIndex;
use leptos::prelude::*;

use crate::i18n;

/// One row: a Baustein's label and its index before and after.
#[derive(Clone, PartialEq)]
pub struct CompareRow {
    /// E.g. "2 Risikobetrachtung".
    pub label: String,
    /// The earlier run's index.
    pub before: NeedIndex,
    /// The later run's index.
    pub after: NeedIndex,
}

/// Which drawing: the label goes above its bars in both, whole on a wide screen and on paper, shortened on a phone
/// (where the drawing is scaled to the screen and its text is drawn larger).
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// A wide screen and paper.
    Wide,
    /// A phone.
    Narrow,
}

/// The chart; `labelled_by` names the element whose text is its accessible name.
#[component]
pub fn CompareChart(
    #[prop(into)] rows: Signal<Vec<CompareRow>>,
    #[prop(into)] labelled_by: String,
    /// The legend's two words: earlier, later.
    #[prop(into)]
    legend: Signal<(&'static str, &'static str)>,
) -> impl IntoView {
    let labelled_by = StoredValue::new(labelled_by);
    move || {
        let rows = rows.get();
        let (earlier, later) = legend.get();
        view! {
            <p class="chart-legend" aria-hidden="true">
                <span class="legend legend-before"></span> {earlier} " "
                <span class="legend legend-after"></span> {later}
            </p>
            {draw(&rows, Layout::Wide, &labelled_by.get_value())}
            {draw(&rows, Layout::Narrow, &labelled_by.get_value())}
        }
    }
}

/// Lengths are in tenths of a user unit, written by `svg_length`, as in the need profile's chart.
fn draw(rows: &[CompareRow], layout: Layout, labelled_by: &str) -> impl IntoView {
    let bar_width: u32 = 3200;
    let bar_height: u32 = 150;
    let (bar_width, longest, class) = match layout {
        Layout::Wide => (bar_width + 1900, 80, "profile-chart compare-chart wide"),
        Layout::Narrow => (bar_width, 42, "profile-chart compare-chart narrow"),
    };
    let (label_width, label_height) = (0, 180);
    let value_width = 400;
    let row_height = label_height + 2 * bar_height + 160;
    let height = row_height * u32::try_from(rows.len()).unwrap_or(0) + 100;
    let width = label_width + bar_width + value_width;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let top = 50 + row_height * u32::try_from(index).unwrap_or(0);
            let y = top + label_height;
            let label_y = top + 130;
            let bar = |index: NeedIndex, y: u32, class: &'static str| {
                let value = u32::from(index.value().unwrap_or(0));
                let length = bar_width * value / 100;
                let text = index.value().map_or_else(|| "–".to_owned(), |value| value.to_string());
                view! {
                    <rect x=svg_length(label_width) y=svg_length(y) width=svg_length(bar_width) height=svg_length(bar_height) class="compare-track"/>
                    <rect x=svg_length(label_width) y=svg_length(y) width=svg_length(length) height=svg_length(bar_height) class=class/>
                    <text x=svg_length(label_width + length + 60) y=svg_length(y + 120) class="chart-value">{text}</text>
                }
            };
            view! {
                <g>
                    <text x="0" y=svg_length(label_y) class="chart-label">{shorten(&row.label, longest)}</text>
                    {bar(row.before, y, "compare-before")}
                    {bar(row.after, y + bar_height + 20, "compare-after")}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class=class viewBox=format!("0 0 {} {}", svg_length(width), svg_length(height)) role="img"
            aria-labelledby=labelled_by.to_owned() preserveAspectRatio="xMinYMin meet">
            {bars}
        </svg>
    }
}

fn svg_length(tenths: u32) -> String {
    i18n::one_decimal(tenths, '.')
}

fn shorten(label: &str, longest: usize) -> String {
    if label.chars().count() <= longest {
        label.to_owned()
    } else {
        format!("{}…", label.chars().take(longest - 1).collect::<String>())
    }
}
