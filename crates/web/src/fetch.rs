//! Files fetched over the network.

use wasm_bindgen::JsCast;

use crate::js_error::describe;

/// The text of a file of this site or another address, or why it could not be fetched.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|error| describe(&error))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text =
        wasm_bindgen_futures::JsFuture::from(response.text().map_err(|error| describe(&error))?)
            .await
            .map_err(|error| describe(&error))?;
    text.as_string().ok_or_else(|| "no text".to_owned())
}
