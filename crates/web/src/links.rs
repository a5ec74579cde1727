//! Addresses that carry data after `#`: the invitation and contribution links of a team assessment, and handing
//! such a link to the clipboard or the phone's share sheet.
//!
//! The part of an address after `#` never reaches a server: browsers keep it to themselves when they request a
//! page. The app reads it here and removes it once taken in, so that a reload does not bring it in again.

use wasm_bindgen::{JsCast, JsValue};

use crate::page_config::page_config;

/// The absolute address of an app route with data after `#`.
pub fn app_link(route: &str, data: &str) -> String {
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}{route}#{data}", page_config().base)
}

/// The data after `#` in the current address, without the `#`; `None` when there is none.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let data = hash.strip_prefix('#').unwrap_or(&hash);
    (!data.is_empty()).then(|| data.to_owned())
}

/// Removes the data after `#` from the address without reloading or a new history entry.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let address = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

/// The browser's navigator, if there is a window.
fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|window| window.navigator())
}

/// Copies text to the clipboard; false where the browser has no clipboard here (an insecure page) or refused.
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    // `navigator.clipboard` is undefined outside secure contexts; asked for through Reflect, never assumed.
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return false;
    };
    let Ok(clipboard) = clipboard.dyn_into::<web_sys::Clipboard>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .is_ok()
}

/// Whether the browser offers its share sheet (phones mostly).
pub fn can_share() -> bool {
    navigator()
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"share".into()).ok())
        .is_some_and(|share| share.is_function())
}

/// Opens the share sheet with a title and a link; false if there is none or the person cancelled.
pub async fn share(title: String, url: String) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let Some(share) = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|share| share.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let Ok(promise) = share.call1(&navigator, &data) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[cfg(test)]
mod tests {
    use checkwerk_core::contribution::{contribution_of, encode_contribution, invitation};
    use checkwerk_core::team::{Participation, Team};
    use checkwerk_core::{Run, Timestamp};

    use crate::components::qr_code::draw;
    use crate::state::catalogs::bundled;

    /// Ten notes as people write them in a workshop: a sentence each, some with numbers and umlauts.
    const NOTES: [&str; 10] = [
        "Druckluft läuft nachts durch, Leckagen nie gesucht.",
        "Kunden fragen nach CO2-Zahlen, wir haben keine.",
        "Entsorger wechselt 2027, Verträge prüfen.",
        "Azubis fragen danach, steht aber nirgends.",
        "Neues Produkt aus Restholz wäre möglich.",
        "BAFA-Förderung für Pumpen nie beantragt.",
        "Zuständig ist faktisch nur Herr Yılmaz.",
        "Abfallmengen kennt nur die Werkstatt.",
        "Ölfässer stehen ohne Auffangwanne im Hof.",
        "Notfallplan für Leckagen fehlt.",
    ];

    /// The link of an all-rated contribution with `notes` notes, at an address of ordinary length.
    fn a_3_6_link(notes: usize) -> String {
        let catalog = bundled()
            .iter()
            .find(|catalog| catalog.standard == "OM-Praxis A-3.6")
            .expect("A-3.6 is bundled");
        let team = Team::new(
            "3f9a0c12d4e5b6a7",
            "Umweltschutz 2027, Werk Süd",
            vec![],
            vec![],
            Timestamp(1),
        );
        let participation = Participation::new(
            invitation(&team, catalog),
            "0a1b2c3d4e5f6071",
            "Anna Berger",
            Timestamp(1),
        );
        let mut run = Run::new("beitrag", catalog, Timestamp(1));
        let levels = ["hoch", "mittel", "niedrig", "nicht-relevant"];
        for (index, (_, item)) in catalog.items().enumerate() {
            let at = Timestamp(1_798_800_000_000);
            run.set_choice(&item.id, Some(levels[index % 4].to_owned()), at);
            if let Some(note) = NOTES
                .get(index * 10 / catalog.item_count())
                .filter(|_| index % 6 == 0 && index / 6 < notes)
            {
                run.set_note(&item.id, (*note).to_owned(), at);
            }
        }
        let contribution = contribution_of(&run, &participation, catalog);
        assert_eq!(
            contribution.answers.len(),
            catalog.item_count(),
            "all rated"
        );
        assert_eq!(
            contribution
                .answers
                .values()
                .filter(|a| !a.note.is_empty())
                .count(),
            notes
        );
        let data = encode_contribution(&contribution, catalog, participation.invitation.item_order)
            .expect("fits");
        format!("https://checks.example.de/check/{}/team#{data}", catalog.id)
    }

    #[test]
    fn an_all_rated_a_3_6_contribution_fits_a_small_qr_code_and_with_ten_notes_a_readable_one() {
        let without = a_3_6_link(0);
        let with_notes = a_3_6_link(10);
        let version = |link: &str| draw(link).expect("fits a QR code").version;
        // The figures of the closing note; a change to the link format shows here.
        eprintln!(
            "A-3.6 all rated: {} characters, QR version {}; with 10 notes: {} characters, QR version {}",
            without.len(),
            version(&without),
            with_notes.len(),
            version(&with_notes)
        );
        assert!(
            without.len() <= 150,
            "{} characters: {without}",
            without.len()
        );
        assert!(version(&without) <= 8);
        assert!(with_notes.len() <= 520, "{} characters", with_notes.len());
        assert!(version(&with_notes) <= 18);
    }
}
