//! Every user-facing text of the front end, in German first and English second. The one place for translations.

use checkwerk_core::Language;

/// A fixed text of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    AppTitle,
    AppTagline,
    SkipToContent,
    LanguageSwitch,
    HomeHeading,
    HomeIntro,
    OpenCheck,
    ContinueCheck,
    Items,
    MinutesPerModule,
    NotStarted,
    BackToHome,
    BackToOverview,
    ModulesHeading,
    Module,
    PreviousModule,
    NextModule,
    Explanation,
    Examples,
    Links,
    Note,
    NotePlaceholder,
    Unanswered,
    Saved,
    SavedDetail,
    UnreadableData,
    StorageUnavailable,
    StorageWriteFailed,
    DataStaysHere,
    NotFoundHeading,
    NotFoundExplanation,
    CatalogMissing,
    ModuleMissing,
    Goal,
    ExpectedResult,
    NextUnanswered,
    AllAnswered,
    OrphansNotice,
}

impl Text {
    /// The text in a language.
    pub fn get(self, language: Language) -> &'static str {
        use Text::*;
        let (de, en) = match self {
            AppTitle => ("Checkwerk", "Checkwerk"),
            AppTagline => ("Selbst-Checks für den Mittelstand", "Self-assessment checks for SMEs"),
            SkipToContent => ("Zum Inhalt springen", "Skip to content"),
            LanguageSwitch => ("English", "Deutsch"),
            HomeHeading => ("Wählen Sie einen Check", "Choose a check"),
            HomeIntro => (
                "Bewerten Sie Ihren Betrieb selbst – allein, im Team oder mit Ihrer Beraterin. Ihre Antworten bleiben in diesem Browser.",
                "Assess your business yourself – alone, with your team or with your adviser. Your answers stay in this browser.",
            ),
            OpenCheck => ("Check beginnen", "Start check"),
            ContinueCheck => ("Check fortsetzen", "Continue check"),
            Items => ("Check-Punkte", "check points"),
            MinutesPerModule => ("Minuten je Baustein", "minutes per module"),
            NotStarted => ("noch nicht begonnen", "not started"),
            BackToHome => ("Alle Checks", "All checks"),
            BackToOverview => ("Zur Übersicht", "Back to overview"),
            ModulesHeading => ("Bausteine", "Modules"),
            Module => ("Baustein", "Module"),
            PreviousModule => ("Vorheriger Baustein", "Previous module"),
            NextModule => ("Nächster Baustein", "Next module"),
            Explanation => ("Erläuterung", "Explanation"),
            Examples => ("Praxisbeispiele", "Practice examples"),
            Links => ("Weitere Hilfe", "Further help"),
            Note => ("Notiz", "Note"),
            NotePlaceholder => ("Ihre Notiz (optional)", "Your note (optional)"),
            Unanswered => ("noch offen", "open"),
            Saved => ("Gespeichert", "Saved"),
            SavedDetail => (
                "Gespeichert – nur in diesem Browser auf diesem Gerät",
                "Saved – only in this browser on this device",
            ),
            UnreadableData => (
                "Einige gespeicherte Daten in diesem Browser konnten nicht gelesen werden. Sie bleiben unverändert liegen; nichts wurde gelöscht.",
                "Some data saved in this browser could not be read. It is left untouched; nothing was deleted.",
            ),
            StorageUnavailable => (
                "Nicht gespeichert – der Speicher dieses Browsers ist gesperrt. Ihre Antworten gehen beim Schließen verloren.",
                "Not saved – this browser's storage is blocked. Your answers are lost when you close the page.",
            ),
            StorageWriteFailed => (
                "Nicht gespeichert – der Speicher dieses Browsers ist voll. Der zuletzt gespeicherte Stand bleibt erhalten.",
                "Not saved – this browser's storage is full. The last saved state is kept.",
            ),
            DataStaysHere => (
                "Ihre Antworten werden nur in diesem Browser gespeichert und nicht übertragen. Sie bleiben erhalten, bis Sie sie löschen.",
                "Your answers are stored only in this browser and are not transmitted. They are kept until you delete them.",
            ),
            NotFoundHeading => ("Seite nicht gefunden", "Page not found"),
            NotFoundExplanation => ("Diese Adresse gibt es nicht.", "This address does not exist."),
            CatalogMissing => (
                "Diesen Check gibt es hier nicht (mehr).",
                "This check does not exist here (any more).",
            ),
            ModuleMissing => ("Diesen Baustein gibt es in diesem Check nicht.", "This check has no such module."),
            Goal => ("Ziel", "Goal"),
            ExpectedResult => ("Ergebnis", "Result"),
            NextUnanswered => ("Zum nächsten offenen Check-Punkt", "Go to the next open check point"),
            AllAnswered => ("Alle Check-Punkte dieses Bausteins sind bewertet.", "Every check point of this module is rated."),
            OrphansNotice => (
                "Einige gespeicherte Antworten gehören zu Check-Punkten, die diese Version des Checks nicht mehr enthält. Sie bleiben gespeichert.",
                "Some saved answers belong to check points this version of the check no longer has. They are kept.",
            ),
        };
        match language {
            Language::De => de,
            Language::En => en,
        }
    }
}

/// "3 von 5 bewertet".
pub fn rated_of(language: Language, rated: usize, total: usize) -> String {
    match language {
        Language::De => format!("{rated} von {total} bewertet"),
        Language::En => format!("{rated} of {total} rated"),
    }
}

/// The accessible name of a priority group for an item.
pub fn priority_group_name(priority_label: &str, statement: &str) -> String {
    format!("{priority_label}: {statement}")
}

/// The accessible name of an item's note field.
pub fn note_label(language: Language, number: &str) -> String {
    format!("{} {number}", Text::Note.get(language))
}

/// A module's heading, e.g. "Baustein 2: Risikobetrachtung".
pub fn module_heading(language: Language, number: &str, title: &str) -> String {
    format!("{} {number}: {title}", Text::Module.get(language))
}
