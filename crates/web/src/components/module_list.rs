//! The Bausteine of a check with their progress, each one click away.

use checkwerk_core::Catalog;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::progress::Progress;
use crate::i18n::module_heading;
use crate::state::check::module_rated;
use crate::state::UiLanguage;

/// The modules of a check with their progress; each is one click away.
#[component]
pub fn ModuleList(
    catalog: &'static Catalog,
    #[prop(optional)] current: Option<&'static str>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let modules = catalog
        .modules
        .iter()
        .map(|module| {
            let rated = module_rated(catalog, &module.id);
            let heading = move || module_heading(language.get(), &module.number, &module.title);
            let is_current = current == Some(module.id.as_str());
            view! {
                <li class="module-entry" class:current=is_current>
                    <A href=crate::page_config::app_href(&format!("/check/{}/baustein/{}", catalog.id, module.id))>{heading}</A>
                    <Progress rated total=module.items.len()/>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="module-list">{modules}</ol> }
}
