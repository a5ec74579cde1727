//! The words of the widget on a partner's page: where the answers given there live, and how to take them across.
//!
//! Browsers keep the storage of an embedded page apart per top-level site: answers given in the widget on a
//! partner's page are not visible on the checks' own site, nor in the same widget on another partner's page.

use checkwerk_core::Language;

use super::pick;

/// The save indicator's detail inside a widget on another site.
pub fn saved_detail(language: Language, partner_host: &str) -> String {
    pick(
        language,
        || format!("Gespeichert – nur in diesem Browser, im Check auf {partner_host}"),
        || format!("Saved – only in this browser, in the check on {partner_host}"),
    )
}

/// Where the answers live, for the note in a widget on another site.
pub fn where_answers_live(language: Language, partner_host: &str, checks_host: &str) -> String {
    pick(
        language,
        || {
            format!(
                "Ihre Antworten bleiben in diesem Browser – und nur im Check hier auf {partner_host}. Browser trennen \
                 den Speicher eingebetteter Seiten je Website: Auf {checks_host} selbst, auf anderen Websites oder in \
                 einem anderen Browser sehen Sie diese Antworten nicht."
            )
        },
        || {
            format!(
                "Your answers stay in this browser – and only in the check here on {partner_host}. Browsers keep the \
                 storage of embedded pages apart per website: on {checks_host} itself, on other websites or in \
                 another browser you will not see these answers."
            )
        },
    )
}

/// The way across, for the same note.
pub fn way_across(language: Language, checks_host: &str) -> String {
    pick(
        language,
        || {
            format!(
                "Zum Mitnehmen: „Exportieren“ sichert Ihren Durchlauf als Datei. Öffnen Sie den Check dann auf \
                 {checks_host} (oder wo Sie weiterarbeiten wollen) und holen Sie ihn im Kompass mit „Durchlauf \
                 importieren“ dorthin."
            )
        },
        || {
            format!(
                "To take them along: “Export” saves your run as a file. Then open the check on {checks_host} (or \
                 wherever you want to continue) and bring it there with “Import a run” in the compass."
            )
        },
    )
}

/// The link to the check on the checks' own site.
pub fn open_on_checks_site(language: Language, checks_host: &str) -> String {
    pick(
        language,
        || format!("Check auf {checks_host} öffnen (neues Fenster)"),
        || format!("Open the check on {checks_host} (new window)"),
    )
}

/// The note's summary line, always visible: the fact, and that the way across follows.
pub fn summary(language: Language, partner_host: &str) -> String {
    pick(
        language,
        || {
            format!("Ihre Antworten liegen nur hier, im Check auf {partner_host} – so nehmen Sie sie mit")
        },
        || {
            format!("Your answers are kept only here, in the check on {partner_host} – how to take them along")
        },
    )
}
