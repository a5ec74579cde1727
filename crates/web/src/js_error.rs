//! Words for what the browser threw.

use wasm_bindgen::{JsCast, JsValue};

/// The message of a thrown JavaScript value: an `Error`'s message, a thrown string, or else its debug form.
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
