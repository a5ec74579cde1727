//! A check's start page (Kompass): what the check is for, how it works and how long it takes, where the data
//! stays, the runs, and the way in: Starthilfe or any Baustein.

use leptos::prelude::*;
use leptos_router::components::A;

use checkwerk_core::CompanyField;

use crate::components::attribution::AttributionLine;
use crate::components::company_form::{CompanyFields, Editing};
use crate::components::formatted::Formatted;
use crate::components::module_list::ModuleList;
use crate::components::runs::RunsPanel;
use crate::i18n::companies::CompanyText;
use crate::i18n::pages::PageText;
use crate::i18n::{self, Text};
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The company's fields besides its name, folded away on the Kompass.
const COMPANY_DETAILS: [CompanyField; 5] = [
    CompanyField::Site,
    CompanyField::Address,
    CompanyField::Sector,
    CompanyField::Size,
    CompanyField::Contact,
];

/// The Kompass page of the current check.
#[component]
pub fn KompassPage() -> impl IntoView {
    let catalog = current_catalog();
    let language = expect_context::<UiLanguage>().0;
    let runs = expect_context::<Runs>();
    crate::title::named_check_page_title(catalog, move || catalog.title.clone());
    // "Exportieren" is offered once there is a run to export; before that the page does not point to it.
    let has_run = Memo::new(move |_| runs.with_active(&catalog.id, |run| run.is_some()));
    let duration = move || {
        i18n::duration(
            language.get(),
            catalog.minutes_per_module,
            catalog.modules.len(),
        )
    };
    view! {
        <section class="page kompass">
            <h1>{catalog.title.clone()}</h1>
            {(!catalog.subtitle.is_empty()).then(|| view! { <p class="lead">{catalog.subtitle.clone()}</p> })}
            <AttributionLine catalog/>
            <div class="orientation"><Formatted text=catalog.orientation.clone()/></div>
            <ul class="facts">
                <li>{move || i18n::modules_and_items(language.get(), catalog.modules.len(), catalog.item_count())}</li>
                {move || duration().map(|text| view! { <li>{text}</li> })}
                <li>{tr(PageText::HowItWorks)}</li>
            </ul>
            <p class="privacy-note">
                {tr(PageText::DataStaysHere)}
                {move || has_run.get().then(|| view! { " " {tr(PageText::WhereToExport)} })}
            </p>
            <crate::components::orphans::OrphanedAnswers catalog/>
            <div class="start-choices">
                <A href=crate::page_config::app_href(&format!("/check/{}/starthilfe", catalog.id)) attr:class="button">{tr(PageText::StartWithStarthilfe)}</A>
                {catalog.modules.first().map(|module| view! {
                    <A href=crate::page_config::app_href(&format!("/check/{}/baustein/{}", catalog.id, module.id)) attr:class="button secondary">{tr(PageText::StartWithFirstModule)}</A>
                })}
            </div>
            <p class="no-print"><A href=crate::page_config::app_href(&format!("/check/{}/druckvorlage", catalog.id))>{tr(PageText::BlankPrint)}</A></p>
            // The company's data, saved as it is typed: it fills the report and the self-declaration of every run.
            <div class="company">
                <CompanyFields editing=Editing::Current fields=&[CompanyField::Name] id_prefix="firma".to_owned()/>
                <p class="hint">{tr(PageText::CompanyHint)}</p>
                <details class="company-details">
                    <summary>{tr(CompanyText::CompanyDetails)}</summary>
                    <CompanyFields editing=Editing::Current fields=&COMPANY_DETAILS id_prefix="firma".to_owned()/>
                </details>
            </div>
            <h2>{tr(Text::ModulesHeading)}</h2>
            <ModuleList catalog/>
            <RunsPanel catalog/>
        </section>
    }
}
