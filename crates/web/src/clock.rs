//! Time and ids from the browser: the one place the front end reads the clock or draws random numbers.
//!
//! The core has no clock; it gets "now" (a [`Timestamp`]) and "today" (a [`Date`]) from here. Where a person sees
//! a day (run names, "überfällig", the report's date), it is the day of the browser's own time zone, not UTC: at
//! half past midnight in Berlin it is already the new day.

use checkwerk_core::{Date, Timestamp};
use wasm_bindgen::JsValue;

/// The current time from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// Today in the browser's time zone.
pub fn today() -> Date {
    local_date(now())
}

/// The calendar day of a moment in the browser's time zone.
pub fn local_date(timestamp: Timestamp) -> Date {
    let date = js_sys::Date::new(&JsValue::from_f64(timestamp.0 as f64));
    let day = || {
        Date::new(
            i32::try_from(date.get_full_year()).ok()?,
            u8::try_from(date.get_month() + 1).ok()?,
            u8::try_from(date.get_date()).ok()?,
        )
    };
    // An invalid time (NaN) has no local day; the UTC one is the best there is.
    day().unwrap_or_else(|| Date::from_timestamp(timestamp))
}

/// A new id for a run or a measure: time plus randomness, unique enough for one person's data.
pub fn new_id(now: Timestamp) -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{random:08x}", now.0)
}

/// A new id for a team assessment or a contribution: 64 random bits as 16 hexadecimal digits (the form links
/// carry), drawn from the browser's cryptographic source where it has one.
pub fn new_short_id() -> String {
    let mut bytes = [0u8; 8];
    let drawn = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !drawn {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    checkwerk_core::team::short_id(u64::from_be_bytes(bytes))
}
