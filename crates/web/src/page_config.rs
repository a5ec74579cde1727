//! How this page was opened: under which path the site lives, and whether it runs as a widget inside a partner's
//! page. Read once at start from the address; client-side navigation does not change it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Settings taken from the address the app was opened with.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageConfig {
    /// The path the site lives under, without a trailing slash ("" at a domain root, "/checks/umwelt" below it).
    pub base: String,
    /// Running inside the embed widget's iframe.
    pub embedded: bool,
    /// The widget's number on the partner page, echoed in messages so the page can tell its widgets apart.
    pub widget: Option<u32>,
    /// Single-check mode: the one check this page may show; no way out to the list of checks.
    pub single_check: Option<String>,
    /// Accent colour requested by the partner page, already checked to be a hex colour.
    pub accent: Option<String>,
    /// Interface language requested by the partner page.
    pub language: Option<checkwerk_core::Language>,
    /// Address of a catalog the site points the app at (`?katalog=…`).
    pub remote_catalog: Option<String>,
}

/// Whether a text is a CSS hex colour such as `#0a6e4f` or `#fff`.
pub fn is_hex_colour(text: &str) -> bool {
    text.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

impl PageConfig {
    /// Reads the configuration from the current address and the document's `<base>`.
    pub fn from_location() -> Self {
        let Some(window) = web_sys::window() else {
            return PageConfig::default();
        };
        let document = window.document();
        let base = document
            .as_ref()
            .and_then(|document| document.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname().trim_end_matches('/').to_owned())
            .unwrap_or_default();
        let location = window.location();
        let search = location.search().unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let param = |name: &str| {
            params
                .as_ref()
                .and_then(|params| params.get(name))
                .filter(|v| !v.is_empty())
        };
        let path = location.pathname().unwrap_or_default();
        let route = path
            .strip_prefix(&base)
            .unwrap_or(&path)
            .trim_start_matches('/');
        let catalog_in_path = route
            .strip_prefix("check/")
            .map(|rest| rest.split('/').next().unwrap_or_default().to_owned());
        let embedded = param("embed").as_deref() == Some("1");
        PageConfig {
            base,
            embedded,
            widget: param("widget").and_then(|widget| widget.parse().ok()),
            single_check: (param("single").as_deref() == Some("1"))
                .then_some(catalog_in_path)
                .flatten()
                .filter(|id| !id.is_empty()),
            accent: param("accent").filter(|accent| is_hex_colour(accent)),
            language: param("lang").and_then(|tag| checkwerk_core::Language::from_tag(&tag)),
            remote_catalog: param("katalog"),
        }
    }

    /// Applies what can be applied to the document at once: accent colour and the widget's look.
    pub fn apply_to_document(&self) {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let Some(root) = document
            .document_element()
            .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if let Some(accent) = &self.accent {
            let _ = root.style().set_property("--accent", accent);
        }
        if self.embedded {
            let _ = root.class_list().add_1("embedded");
            self.report_height_to_partner_page();
        }
    }

    /// Tells the partner page how tall the content is, whenever it changes, so the iframe can follow.
    fn report_height_to_partner_page(&self) {
        let widget = self.widget.unwrap_or(0);
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(body) = window.document().and_then(|document| document.body()) else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let report = move |height: f64| {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"checkwerk:height".into());
            let _ = js_sys::Reflect::set(&message, &"widget".into(), &widget.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The height is not secret, and the partner page's origin is not known here; the page checks ours.
            let _ = parent.post_message(&message, "*");
        };
        let observed = body.clone();
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            report(f64::from(observed.scroll_height()));
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&body);
            // The observer lives as long as the page.
            std::mem::forget(observer);
        }
        callback.forget();
    }
}

/// The page configuration from context.
pub fn page_config() -> PageConfig {
    use_context::<PageConfig>().unwrap_or_default()
}

/// An address inside the app for a link: the site's base path plus the route. (The router adds the base when it
/// navigates, but not to the `href` of a link written with an absolute path.)
pub fn app_href(route: &str) -> String {
    format!("{}{route}", page_config().base)
}
