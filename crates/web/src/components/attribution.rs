//! Where a check comes from, in one short line: whose structure, whose wording, which licence, and whether it is the
//! official version. Shown wherever the check is presented, so that no one takes our wording for the official text.

use checkwerk_core::Catalog;
use leptos::prelude::*;

use crate::i18n::declaration::attribution_parts;
use crate::state::UiLanguage;

/// The one-line attribution of a catalog. Compact (on the home page's cards) it leaves out the licence and the
/// link, which the check's own pages show.
#[component]
pub fn AttributionLine(
    catalog: &'static Catalog,
    /// Whether to show the short form.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let attribution = &catalog.attribution;
    move || {
        let [before, after, official] = attribution_parts(language.get(), attribution, compact);
        let structure = attribution.structure.clone();
        // Links were checked when the catalog was loaded (https, http or mailto only).
        let structure = if compact || attribution.structure_url.is_empty() {
            view! { <span>{structure}</span> }.into_any()
        } else {
            view! { <a href=attribution.structure_url.clone() target="_blank" rel="noopener noreferrer">{structure}</a> }
                .into_any()
        };
        view! {
            <p class="attribution">
                {before}{structure}{after}" · "<strong class="attribution-official">{official}</strong>
            </p>
        }
    }
}
