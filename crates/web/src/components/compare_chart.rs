//! The comparison of two runs as a chart: per Baustein the need index of the earlier run (light) above that of the
//! later one (dark), on one scale 0–100. The bars are SVG that prints sharply; the label and the values are page
//! text, so a long Baustein title wraps instead of being cut, on any screen and on paper. The page's table gives
//! the same figures with the change, for screen readers and for reading exact numbers.

use checkwerk_core::NeedIndex;
use leptos::prelude::*;

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
            <div class="compare-chart" role="img" aria-labelledby=labelled_by.get_value()>
                {rows.iter().map(draw_row).collect_view()}
            </div>
        }
    }
}

/// A Baustein's label over its two bars, each with its value beside it.
fn draw_row(row: &CompareRow) -> impl IntoView {
    view! {
        <div class="compare-row" aria-hidden="true">
            <span class="compare-label">{row.label.clone()}</span>
            {bar(row.before, "compare-before")}
            {bar(row.after, "compare-after")}
        </div>
    }
}

/// One bar on the scale 0–100 (a stretched SVG of 100 units: the bar's length is the index), and its value.
fn bar(index: NeedIndex, class: &'static str) -> impl IntoView {
    let value = index.value();
    view! {
        <svg class="compare-bar" viewBox="0 0 100 10" preserveAspectRatio="none">
            <rect x="0" y="0" width="100" height="10" class="compare-track"/>
            <rect x="0" y="0" width=u32::from(value.unwrap_or(0)).to_string() height="10" class=class/>
        </svg>
        <span class="compare-value">{value.map_or_else(|| "–".to_owned(), |value| value.to_string())}</span>
    }
}
