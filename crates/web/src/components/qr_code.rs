//! A QR code of a text (usually a link), drawn as one SVG path: sharp on screen and on paper at any size.
//!
//! The encoder is Project Nayuki's `qrcodegen`. Error correction "medium" keeps a code readable with a small smudge
//! while staying as small as a phone camera reads comfortably.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of white border around the code, as the standard asks.
const QUIET_ZONE: i32 = 4;

/// A text encoded as a QR code: its SVG path, its side in modules (border included) and its version (1–40).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrDrawing {
    /// The dark modules as an SVG path in module units.
    pub path: String,
    /// The side of the drawing in modules, border included.
    pub side: i32,
    /// The QR version, 1 (21 × 21 modules) to 40 (177 × 177).
    pub version: u8,
}

/// Encodes a text, or `None` when it is too long for any QR code.
pub fn draw(text: &str) -> Option<QrDrawing> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                // One rectangle per horizontal run of dark modules keeps the path short.
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(QrDrawing {
        path,
        side: size + 2 * QUIET_ZONE,
        version: code.version().value(),
    })
}

/// A QR code image with an accessible name; `too_long` is shown instead when the text does not fit a QR code.
#[component]
pub fn QrCodeImage(
    /// What the code holds.
    #[prop(into)]
    text: Signal<String>,
    /// The image's accessible name, e.g. "QR-Code der Einladung".
    #[prop(into)]
    label: Signal<String>,
    /// What to say when the text is too long for a QR code.
    #[prop(into)]
    too_long: Signal<String>,
) -> impl IntoView {
    let drawing = Memo::new(move |_| text.with(|text| draw(text)));
    move || match drawing.get() {
        Some(drawing) => view! {
            <svg
                class="qr-code"
                role="img"
                aria-label=move || label.get()
                viewBox=format!("0 0 {0} {0}", drawing.side)
                data-qr-version=drawing.version
                shape-rendering="crispEdges"
            >
                <rect width=drawing.side height=drawing.side fill="#fff"/>
                <path d=drawing.path fill="#000"/>
            </svg>
        }
        .into_any(),
        None => view! { <p class="qr-too-long">{move || too_long.get()}</p> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::draw;

    #[test]
    fn a_link_becomes_a_square_drawing_with_its_quiet_zone() {
        let drawing = draw("https://checks.example.de/check/umweltschutz#t=abc").expect("fits");
        assert_eq!(drawing.side, 17 + 4 * i32::from(drawing.version) + 8);
        assert!(
            drawing.path.starts_with("M4 4h7v1h-7z"),
            "the finder pattern's top row: {}",
            &drawing.path[..20]
        );
        assert!(
            draw(&"x".repeat(5000)).is_none(),
            "too long for any QR code"
        );
    }
}
