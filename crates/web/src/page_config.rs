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
        move_to_requested_route(&window, &base);
        let search = location.search().unwrap_or_default();
        let (search, name) = widget_settings(&search, &window.name().unwrap_or_default());
        if let Some(name) = name {
            let _ = window.set_name(&name);
        }
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

/// Where a widget's frame keeps its settings: the frame's window name, which lasts while the frame shows pages of
/// the app, across reloads.
const WIDGET_NAME_PREFIX: &str = "checkwerk-widget?";

/// The query a widget's settings are read from, and the window name to keep them in. The first navigation inside
/// the app drops the query the frame was opened with, so a frame reloaded at a route's address (the browser
/// restoring it on back and forward, "reload frame") would forget it is a widget; its window name remembers.
pub fn widget_settings(search: &str, window_name: &str) -> (String, Option<String>) {
    let query = search.trim_start_matches('?');
    if query.split('&').any(|pair| pair == "embed=1") {
        return (
            search.to_owned(),
            Some(format!("{WIDGET_NAME_PREFIX}{query}")),
        );
    }
    match window_name.strip_prefix(WIDGET_NAME_PREFIX) {
        Some(remembered) if query.is_empty() => (format!("?{remembered}"), None),
        _ => (search.to_owned(), None),
    }
}

/// The file a host without rewrites serves the app at: a widget opens `index.html?route=/check/…` there.
const ENTRY_FILE: &str = "index.html";

/// Where a page opened at the app's `index.html` should be: the route its `route` parameter asks for, when that is
/// a plain path inside the app. `path_in_site` is the address' path below the base, without its leading slash.
///
/// A WordPress plugin folder on nginx has no rewrites, so the first load of a widget must name a file that exists;
/// the app then moves to the route's own address before the router reads it. (Later reloads of that address are
/// answered by the service worker, or by the plugin where WordPress sees the request.)
pub fn requested_route(path_in_site: &str, requested: Option<&str>) -> Option<String> {
    if path_in_site != ENTRY_FILE {
        return None;
    }
    let route = requested?;
    let segments: Vec<&str> = route.strip_prefix('/')?.split('/').collect();
    let plain = |segment: &&str| {
        !segment.is_empty()
            && *segment != "."
            && *segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
    };
    (route.len() <= 200 && segments.iter().all(plain)).then(|| route.to_owned())
}

/// Moves a page opened at `index.html?route=…` to the route's address, keeping the other parameters and the
/// fragment, without a new history entry.
fn move_to_requested_route(window: &web_sys::Window, base: &str) {
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let path_in_site = path
        .strip_prefix(base)
        .unwrap_or(&path)
        .trim_start_matches('/');
    let search = location.search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let Some(route) = requested_route(path_in_site, params.get("route").as_deref()) else {
        return;
    };
    params.delete("route");
    let query = String::from(params.to_string());
    let fragment = location.hash().unwrap_or_default();
    let address = if query.is_empty() {
        format!("{base}{route}{fragment}")
    } else {
        format!("{base}{route}?{query}{fragment}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_opened_at_index_html_moves_to_the_requested_route() {
        assert_eq!(
            requested_route("index.html", Some("/check/umweltschutz")),
            Some("/check/umweltschutz".to_owned())
        );
        assert_eq!(
            requested_route("index.html", Some("/check/energie-sparen/baustein/1.2")),
            Some("/check/energie-sparen/baustein/1.2".to_owned())
        );
        // Without a route, or anywhere but at index.html, the address stays as it is.
        assert_eq!(requested_route("index.html", None), None);
        assert_eq!(requested_route("", Some("/check/umweltschutz")), None);
        assert_eq!(
            requested_route("check/umweltschutz", Some("/check/energie-sparen")),
            None
        );
    }

    #[test]
    fn a_requested_route_must_be_a_plain_path_inside_the_app() {
        for refused in [
            "/",
            "check/umweltschutz",
            "//elsewhere.example/check",
            "/check//umweltschutz",
            "/check/../../wp-admin",
            "/check/./umweltschutz",
            "/check/umweltschutz/",
            "/check/umwelt schutz",
            "/check/%2e%2e",
            "/check/a?b=c",
            "/check/a#b",
            "/https:/elsewhere.example",
        ] {
            assert_eq!(
                requested_route("index.html", Some(refused)),
                None,
                "{refused}"
            );
        }
        let long = format!("/check/{}", "a".repeat(200));
        assert_eq!(requested_route("index.html", Some(&long)), None);
    }

    #[test]
    fn a_widget_remembers_its_settings_in_its_window_name() {
        let opened = "?embed=1&widget=2&accent=%230a6e4f&lang=en";
        let (search, name) = widget_settings(opened, "");
        assert_eq!(search, opened);
        let name = name.expect("a widget keeps its settings");
        // Reloaded at a route's address, without the query: the settings come back.
        assert_eq!(widget_settings("", &name), (opened.to_owned(), None));
        // An address with its own query, and every page outside a widget, keep their own.
        assert_eq!(
            widget_settings("?katalog=https://example.org/c.toml", &name),
            ("?katalog=https://example.org/c.toml".to_owned(), None)
        );
        assert_eq!(widget_settings("", "other"), (String::new(), None));
        assert_eq!(
            widget_settings("?embed=10", ""),
            ("?embed=10".to_owned(), None)
        );
    }

    #[test]
    fn accent_colours_are_hex_colours() {
        assert!(is_hex_colour("#0a6e4f"));
        assert!(is_hex_colour("#FFF"));
        assert!(!is_hex_colour("red"));
        assert!(!is_hex_colour("#0a6e4"));
        assert!(!is_hex_colour("#0a6e4f;background:url(x)"));
    }
}
