//! Files the user takes away: a run to import elsewhere, the action plan as CSV and as a calendar.
//! The content comes from the core; this module only hands it to the browser as a download.

use checkwerk_core::saved::{save_run_file, save_workspace};
use checkwerk_core::{Catalog, Company, Run};
use wasm_bindgen::JsCast;

/// Offers text as a file download. Returns false when the browser refused.
pub fn download_text(file_name: &str, mime: &str, content: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = (|| {
        let document = web_sys::window()?.document()?;
        let anchor: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_attribute("hidden", "").ok()?;
        document.body()?.append_child(&anchor).ok()?;
        anchor.click();
        anchor.remove();
        Some(())
    })()
    .is_some();
    // Revoking at once can cancel the download in some browsers; a second later it is safe.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    clicked
}

/// A file name made of safe characters only.
pub fn file_name_part(text: &str) -> String {
    let mut name = String::new();
    for character in text.trim().chars() {
        let mapped = match character {
            'ä' | 'Ä' => "ae".to_owned(),
            'ö' | 'Ö' => "oe".to_owned(),
            'ü' | 'Ü' => "ue".to_owned(),
            'ß' => "ss".to_owned(),
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            _ => "-".to_owned(),
        };
        if !(mapped == "-" && name.ends_with('-')) {
            name.push_str(&mapped);
        }
    }
    name.trim_matches('-').chars().take(60).collect()
}

/// Offers a run with its company as a file in the saved format, to import on another device or browser.
pub fn download_run(catalog: &Catalog, run: &Run, company: Option<&Company>) -> bool {
    let name = format!(
        "checkwerk-{}-{}.json",
        catalog.id,
        file_name_part(&run.name)
    );
    download_text(&name, "application/json", &save_run_file(run, company))
}

/// Offers companies with all their runs as one file: one company's (`checkwerk-betrieb-<name>-<date>.json`) or
/// every one's (`checkwerk-alle-betriebe-<date>.json`).
pub fn download_companies(companies: &[&Company], runs: &[&Run], date: &str) -> bool {
    let name = match companies {
        [company] => format!(
            "checkwerk-betrieb-{}-{date}.json",
            match file_name_part(&company.name) {
                part if part.is_empty() => "ohne-namen".to_owned(),
                part => part,
            }
        ),
        _ => format!("checkwerk-alle-betriebe-{date}.json"),
    };
    download_text(&name, "application/json", &save_workspace(companies, runs))
}

/// Offers several runs with their company as one file (the format a company's export has, which import reads),
/// e.g. the runs of a joint declaration: imported elsewhere, they name the same company.
pub fn download_runs(file_name: &str, runs: &[Run], company: Option<&Company>) -> bool {
    let runs: Vec<&Run> = runs.iter().collect();
    let companies: Vec<&Company> = company.into_iter().collect();
    download_text(
        file_name,
        "application/json",
        &save_workspace(&companies, &runs),
    )
}
