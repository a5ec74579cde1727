//! What a widget on a partner's page says about where its answers live, and the way to take them across.
//!
//! Browsers keep the storage of an embedded page apart per top-level site (storage partitioning): answers given in
//! the widget on a partner's page live in this browser for that partner's page only, not on the checks' own site
//! and not in the same widget elsewhere. The note says so where that is the case, and offers export and import.

use checkwerk_core::Catalog;
use leptos::prelude::*;

use crate::i18n::embed;
use crate::page_config::{app_href, page_config};
use crate::state::UiLanguage;

/// The site a widget is embedded in, as far as this page can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerSite {
    /// Another host than the checks' own: the answers given here live in the partner's partition.
    Other(String),
    /// Embedded, but the partner page sends no referrer: another site, presumably.
    Unknown,
}

/// Where this page is embedded, when it runs as a widget on another site than its own; `None` for the checks' own
/// site and for a widget on a page of the same site (their storage is one).
pub fn partner_site() -> Option<PartnerSite> {
    if !page_config().embedded {
        return None;
    }
    let window = web_sys::window()?;
    let own = window.location().hostname().ok()?;
    let referrer = window.document()?.referrer();
    if referrer.is_empty() {
        return Some(PartnerSite::Unknown);
    }
    let partner = web_sys::Url::new(&referrer).ok()?.hostname();
    (!partner.is_empty() && site_of(&partner) != site_of(&own))
        .then_some(PartnerSite::Other(partner))
}

/// The site a host belongs to, as browsers partition storage by it: the registrable domain ("www.partner.de" and
/// "checks.partner.de" are one site, "partner.de" and "checks.example.de" two; ports do not count). Without the
/// public suffix list this is an approximation: the last two labels, three where the second-last is a short
/// second-level label such as "co" in "co.uk"; an address or a single label is its own site.
pub fn site_of(hostname: &str) -> String {
    let hostname = hostname.trim_end_matches('.').to_ascii_lowercase();
    let is_address =
        hostname.contains(':') || hostname.split('.').all(|label| label.parse::<u8>().is_ok());
    if is_address {
        return hostname;
    }
    let labels: Vec<&str> = hostname.split('.').collect();
    let keep = match labels.as_slice() {
        [.., second, top] if top.len() == 2 && second.len() <= 3 && labels.len() > 2 => 3,
        _ => 2,
    };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

/// The checks' own host, as a visitor would name it.
pub fn checks_host() -> String {
    web_sys::window()
        .and_then(|window| window.location().hostname().ok())
        .unwrap_or_default()
}

/// How the partner's site is named in a sentence.
fn partner_name(site: &PartnerSite, language: checkwerk_core::Language) -> String {
    match (site, language) {
        (PartnerSite::Other(host), _) => host.clone(),
        (PartnerSite::Unknown, checkwerk_core::Language::De) => "dieser Website".to_owned(),
        (PartnerSite::Unknown, checkwerk_core::Language::En) => "this website".to_owned(),
    }
}

/// The save indicator's detail inside a widget on another site, if this is one.
pub fn saved_detail(language: checkwerk_core::Language) -> Option<String> {
    partner_site().map(|site| embed::saved_detail(language, &partner_name(&site, language)))
}

/// The note in a widget on another site: where the answers live, and how to take them along (export here, import
/// on the checks' own site, which the link opens in a new window). Nothing on the checks' own site.
#[component]
pub fn EmbedNote(
    /// The check on screen, for the link to it; the list of checks without one.
    #[prop(optional)]
    catalog: Option<&'static Catalog>,
) -> impl IntoView {
    let Some(site) = partner_site() else {
        return ().into_any();
    };
    let language = expect_context::<UiLanguage>().0;
    let checks_host = checks_host();
    let route = catalog.map_or_else(
        || "/".to_owned(),
        |catalog| format!("/check/{}", catalog.id),
    );
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    let link = format!("{origin}{}", app_href(&route));
    let host_for_text = checks_host.clone();
    let site_for_summary = site.clone();
    view! {
        <details class="embed-note no-print">
            <summary>{move || embed::summary(language.get(), &partner_name(&site_for_summary, language.get()))}</summary>
            <p>{move || embed::where_answers_live(language.get(), &partner_name(&site, language.get()), &host_for_text)}</p>
            <p>{move || embed::way_across(language.get(), &checks_host)}</p>
            <p><a href=link target="_blank" rel="noopener">{move || embed::open_on_checks_site(language.get(), &self::checks_host())}</a></p>
        </details>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::site_of;

    #[test]
    fn hosts_of_one_registrable_domain_are_one_site() {
        assert_eq!(site_of("www.partner.de"), "partner.de");
        assert_eq!(site_of("checks.partner.de"), "partner.de");
        assert_eq!(site_of("partner.de"), "partner.de");
        assert_ne!(site_of("www.partner.de"), site_of("checks.example.de"));
        assert_eq!(site_of("www.netzwerk.co.uk"), "netzwerk.co.uk");
        assert_eq!(site_of("127.0.0.1"), "127.0.0.1");
        assert_ne!(site_of("localhost"), site_of("127.0.0.1"));
        assert_eq!(site_of("Checks.Example.DE."), "example.de");
    }
}
