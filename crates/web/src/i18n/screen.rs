//! The words about the screen itself: the line that says a check exists only in another language, and the page
//! titles (`document.title`), in the language the screen speaks.

use checkwerk_core::Language;

use super::Text;

/// The one line, in the chosen language, that says why a check is shown in another: "This check exists only in
/// German, so it is shown in German."
pub fn only_in(chosen: Language, shown: Language) -> String {
    match (chosen, shown) {
        (Language::En, Language::De) => {
            "This check exists only in German, so it is shown in German.".to_owned()
        }
        (Language::De, Language::En) => {
            "Diesen Check gibt es nur auf Englisch; er wird deshalb auf Englisch angezeigt."
                .to_owned()
        }
        // Not shown when the two agree.
        _ => String::new(),
    }
}

/// A page title: the page's own name, then what it belongs to, then the app, e.g. "Meine Maßnahmen – Energie
/// sparen – Checkwerk". Empty parts are left out.
pub fn page_title(language: Language, parts: &[&str]) -> String {
    let app = Text::AppTitle.get(language);
    let mut title: Vec<&str> = parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect();
    title.push(app);
    title.join(" – ")
}

/// The title of the home page: "Checkwerk – Selbst-Checks für den Mittelstand".
pub fn home_title(language: Language) -> String {
    format!(
        "{} – {}",
        Text::AppTitle.get(language),
        Text::AppTagline.get(language)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_first_and_the_app_last() {
        assert_eq!(
            page_title(Language::De, &["Meine Maßnahmen", "Energie sparen"]),
            "Meine Maßnahmen – Energie sparen – Checkwerk"
        );
        assert_eq!(
            page_title(Language::En, &["", "Choose a check"]),
            "Choose a check – Checkwerk"
        );
        assert_eq!(
            home_title(Language::En),
            "Checkwerk – Self-assessment checks for SMEs"
        );
        assert_eq!(
            only_in(Language::En, Language::De),
            "This check exists only in German, so it is shown in German."
        );
        assert_eq!(only_in(Language::De, Language::De), "");
    }
}
