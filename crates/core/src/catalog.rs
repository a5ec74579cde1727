//! The catalog model: one check (an OM-Praxis check, a One-Pager, an Umsetzungshilfe) as data.
//!
//! A catalog is authored as a TOML file (see `catalogs/README.md`) and is strict on input: every struct here
//! rejects unknown keys. The types are generic over their children only so that the loader can read a file in
//! stages and report every problem at once (see `load`, feature `source`); everyone else uses the defaults.

use serde::{Deserialize, Serialize};

use crate::language::Language;

/// The catalog format version this build reads and writes.
pub const CATALOG_FORMAT_VERSION: u32 = 2;

/// The renewal lead time of a declaration that names none, in months.
pub const DEFAULT_RENEWAL_LEAD_MONTHS: u32 = 3;

/// One check: its description, answer scales, modules (Bausteine) with items (Check-Punkte), and Starthilfe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalog<ModuleT = Module> {
    /// Version of the file format, so that old files stay readable when the format grows.
    pub format_version: u32,
    /// Stable identifier (lower-case letters, digits and `-`); saved answers refer to it.
    pub id: String,
    /// Title as printed on the check, e.g. „Check Betrieblicher Umweltschutz".
    pub title: String,
    /// Subtitle or claim of the check.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subtitle: String,
    /// The standard this check implements, e.g. "OM-Praxis A-3.6".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub standard: String,
    /// Version of the content, chosen by the authors (e.g. "2023-05").
    pub version: String,
    /// Date of this version as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Whose structure the check follows, whose wording it uses, and under which licence: so that no one takes
    /// this wording for the official text of the structure's publisher unless it is.
    pub attribution: Attribution,
    /// Language of the texts as a BCP 47 tag, e.g. "de".
    #[serde(default = "default_language")]
    pub language: String,
    /// Estimated minutes needed for one module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_module: Option<u32>,
    /// Orientation text (Kompass): why this check, how to work with it, what happens with the data. Formatted text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub orientation: String,
    /// The answer scales the items use; the first is the default.
    pub scales: Vec<Scale>,
    /// The modules (Bausteine, themes) in the order the check presents them.
    pub modules: Vec<ModuleT>,
    /// Starthilfe: one short question per module to find where to begin.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub starthilfe: Vec<StarthilfeQuestion>,
    /// Free-text parts such as „Wir sehen Handlungsbedarf in folgenden Bereichen…".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub free_texts: Vec<FreeText>,
    /// The self-declarations a company can prepare with this check, with their rules; none for most checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<Declaration>,
}

/// Where a check comes from: whose structure, whose words, which licence.
///
/// A check may follow the structure of a published standard (an OM-Praxis check) in words of its own; then it must
/// say so, and `official = false` makes every place that shows the check say that this is not the official version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// Whose structure the check follows, e.g. „OM-Praxis A-3.6 der Offensive Mittelstand".
    pub structure: String,
    /// Where that structure is published (`https://`, `http://` or `mailto:`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub structure_url: String,
    /// Who wrote the texts of this catalog, e.g. „Checkwerk".
    pub wording: String,
    /// The licence of the texts, e.g. "MIT OR Apache-2.0".
    pub licence: String,
    /// Where the licence can be read.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence_url: String,
    /// Whether the texts are the official text of the structure's publisher. `false` for a check in words of its
    /// own: the app then says that this is not the official version.
    pub official: bool,
}

/// A self-declaration (Selbsterklärung) a company can prepare with a check, and what it asks of a run.
///
/// A declaration of one check stands alone (e.g. the OM-Zeichen Arbeitsschutz). A declaration whose `id` several
/// catalogs share, each naming its `part`, is one joint declaration over the runs of all of them (e.g. the
/// OM-Zeichen Nachhaltigkeit: measures from three checks); each catalog's rules then apply to its own run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// Stable identifier; saved declarations refer to it, and catalogs that share it form one joint declaration.
    pub id: String,
    /// The name of what is declared, e.g. „OM-Zeichen Arbeitsschutz".
    pub title: String,
    /// For a joint declaration: the name of this check's part, e.g. „Lieferkette". Empty for a declaration of
    /// this check alone.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub part: String,
    /// Whether every item must be rated.
    pub every_item_rated: bool,
    /// Whether the scale's "not relevant" choice counts as a rating.
    pub not_relevant_is_rated: bool,
    /// How many complete measures (description, urgency, responsible, due date, Kontrolle) are needed at least;
    /// every measure in the plan must be complete besides.
    pub min_measures: u32,
    /// How long a signed declaration is valid, in months.
    pub validity_months: u32,
    /// How many months before the end of validity renewal is due (the calendar reminder, the home page's note).
    #[serde(
        default = "default_renewal_lead_months",
        skip_serializing_if = "is_default_renewal_lead_months"
    )]
    pub renewal_lead_months: u32,
    /// Where a company learns about the declaration and hands it in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

fn default_renewal_lead_months() -> u32 {
    DEFAULT_RENEWAL_LEAD_MONTHS
}

fn is_default_renewal_lead_months(months: &u32) -> bool {
    *months == DEFAULT_RENEWAL_LEAD_MONTHS
}

impl Declaration {
    /// Whether this is a check's part of a joint declaration.
    pub fn is_part(&self) -> bool {
        !self.part.is_empty()
    }
}

fn default_language() -> String {
    "de".to_owned()
}

/// An answer scale: ordered levels of need for action, an optional "not relevant" choice, an optional priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Identifier that modules and items use to pick this scale.
    pub id: String,
    /// What the scale asks, shown above the choices, e.g. „Handlungsbedarf".
    pub label: String,
    /// The levels in display order.
    pub levels: Vec<Level>,
    /// The choice that takes an item out of the evaluation, e.g. „nicht relevant".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_relevant: Option<Choice>,
    /// A second dimension, e.g. „Priorität der Umsetzung" 1 (hoch) … 3 (gering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<PriorityScale>,
}

/// One level of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Stable key stored in answers; unique within its scale.
    pub key: String,
    /// Label the user sees, e.g. „hoch".
    pub label: String,
    /// Ampel colour shown beside the label.
    pub colour: Colour,
    /// How much need for action this level means, from 0 (none) to 100 (the most).
    pub need: u8,
}

/// A choice with a key and a label, such as „nicht relevant".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable key stored in answers; unique within its scale.
    pub key: String,
    /// Label the user sees.
    pub label: String,
}

/// The second dimension of a scale: a priority such as 1 (hoch), 2 (mittel), 3 (gering).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriorityScale {
    /// What the dimension asks, e.g. „Priorität der Umsetzung".
    pub label: String,
    /// The priorities, most urgent first.
    pub levels: Vec<PriorityLevel>,
}

/// One priority value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriorityLevel {
    /// The number stored in answers; a smaller number is more urgent.
    pub value: u8,
    /// Label the user sees, e.g. „1 (hoch)".
    pub label: String,
}

/// Ampel colours a level can carry. Colour is never the only carrier of meaning: labels always go with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    /// Rot: high need for action.
    Red,
    /// Orange: between red and yellow.
    Orange,
    /// Gelb: medium need for action.
    Yellow,
    /// Grün: low or no need for action.
    Green,
    /// Blau: neutral.
    Blue,
    /// Grau: neutral or not assessed.
    Grey,
}

impl Colour {
    /// The colour's name as used in catalogs and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Orange => "orange",
            Colour::Yellow => "yellow",
            Colour::Green => "green",
            Colour::Blue => "blue",
            Colour::Grey => "grey",
        }
    }
}

/// A module (Baustein, theme) with its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Module<ItemT = Item> {
    /// Stable identifier, unique in the catalog.
    pub id: String,
    /// Number as printed, e.g. "2".
    pub number: String,
    /// Title, e.g. „Risikobetrachtung".
    pub title: String,
    /// The goal (Ziel) of this module. Formatted text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// The expected result (Ergebnis) when the goal is reached. Formatted text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// Scale for the items of this module, unless an item names its own; defaults to the catalog's first scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// The items (Check-Punkte) in order.
    pub items: Vec<ItemT>,
}

/// An item (Check-Punkt): a statement the company rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable identifier, unique in the catalog; answers are keyed by it.
    pub id: String,
    /// Number as printed, e.g. "2.3".
    pub number: String,
    /// The statement to rate, e.g. „Wir kennen unseren Energieverbrauch je Bereich."
    pub statement: String,
    /// What the statement means and why it matters. Formatted text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    /// Practice examples and hints (Praxishilfen, Anpassungen an die Praxis). Formatted text each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// Links to further help.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Scale for this item; defaults to the module's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
}

/// A link to help outside the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Text of the link.
    pub label: String,
    /// Address: `https://`, `http://` or `mailto:` only.
    pub url: String,
}

/// Whether a link target is one the front end may render: https, http or mailto, with something after the scheme.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

/// A Starthilfe question standing for one module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StarthilfeQuestion {
    /// The id of the module this question stands for.
    pub module: String,
    /// The question, e.g. „Wissen Sie, welche Umweltrisiken Ihr Betrieb hat?"
    pub question: String,
    /// Scale to answer with; defaults to the catalog's first scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
}

/// A free-text part of a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FreeText {
    /// Stable identifier; answers are keyed by it.
    pub id: String,
    /// The prompt, e.g. „Wir sehen Handlungsbedarf in folgenden Bereichen und Prozessen:".
    pub label: String,
    /// A hint shown under the prompt. Formatted text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
}

impl Catalog {
    /// Every text of the catalog written as formatted text (orientation, goals, results, explanations, examples,
    /// free-text hints), for parsing them ahead of time.
    pub fn formatted_texts(&self) -> impl Iterator<Item = &str> {
        let modules = self.modules.iter().flat_map(|module| {
            let items = module.items.iter().flat_map(|item| {
                std::iter::once(item.explanation.as_str())
                    .chain(item.examples.iter().map(String::as_str))
            });
            [module.goal.as_str(), module.result.as_str()]
                .into_iter()
                .chain(items)
        });
        std::iter::once(self.orientation.as_str())
            .chain(modules)
            .chain(
                self.free_texts
                    .iter()
                    .map(|free_text| free_text.hint.as_str()),
            )
            .filter(|text| !text.trim().is_empty())
    }

    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|scale| scale.id == id)
    }

    /// The scale that applies to an item of a module: the item's, else the module's, else the catalog's first.
    pub fn scale_for(&self, module: &Module, item: &Item) -> Option<&Scale> {
        match item.scale.as_deref().or(module.scale.as_deref()) {
            Some(id) => self.scale(id),
            None => self.scales.first(),
        }
    }

    /// The scale of a Starthilfe question.
    pub fn starthilfe_scale(&self, question: &StarthilfeQuestion) -> Option<&Scale> {
        match question.scale.as_deref() {
            Some(id) => self.scale(id),
            None => self.scales.first(),
        }
    }

    /// The module with this id.
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|module| module.id == id)
    }

    /// Every item with its module, in catalog order.
    pub fn items(&self) -> impl Iterator<Item = (&Module, &Item)> {
        self.modules
            .iter()
            .flat_map(|module| module.items.iter().map(move |item| (module, item)))
    }

    /// The item with this id and its module.
    pub fn item(&self, id: &str) -> Option<(&Module, &Item)> {
        self.items().find(|(_, item)| item.id == id)
    }

    /// How many items the catalog has.
    pub fn item_count(&self) -> usize {
        self.modules.iter().map(|module| module.items.len()).sum()
    }

    /// The declaration of this check alone, if it has one (the first, should a catalog list several).
    pub fn own_declaration(&self) -> Option<&Declaration> {
        self.declarations
            .iter()
            .find(|declaration| !declaration.is_part())
    }

    /// The joint declarations this check is a part of.
    pub fn declaration_parts(&self) -> impl Iterator<Item = &Declaration> {
        self.declarations
            .iter()
            .filter(|declaration| declaration.is_part())
    }

    /// The declaration with this id.
    pub fn declaration(&self, id: &str) -> Option<&Declaration> {
        self.declarations
            .iter()
            .find(|declaration| declaration.id == id)
    }

    /// The language a screen of this check speaks when the user asked for `wanted`: one language per screen.
    ///
    /// A catalog has its texts in one language; where that is not the wanted one, the whole check (its texts and
    /// the words around them) stays in the catalog's language. A catalog in a language the app does not speak
    /// gets the app's words in the wanted one.
    pub fn screen_language(&self, wanted: Language) -> Language {
        Language::from_tag(&self.language).unwrap_or(wanted)
    }

    /// The label of the "not relevant" choice, as the first scale that has one names it; `None` when no scale
    /// offers one (then there is nothing to count under it).
    pub fn not_relevant_label(&self) -> Option<&str> {
        self.scales
            .iter()
            .find_map(|scale| scale.not_relevant.as_ref())
            .map(|choice| choice.label.as_str())
    }

    /// Whether any scale of the catalog asks for a priority.
    pub fn asks_priority(&self) -> bool {
        self.scales.iter().any(|scale| scale.priority.is_some())
    }
}

impl Scale {
    /// The level with this key.
    pub fn level(&self, key: &str) -> Option<&Level> {
        self.levels.iter().find(|level| level.key == key)
    }

    /// Whether this key is the scale's "not relevant" choice.
    pub fn is_not_relevant(&self, key: &str) -> bool {
        self.not_relevant
            .as_ref()
            .is_some_and(|choice| choice.key == key)
    }

    /// Whether a key is a valid answer on this scale: one of its levels or its "not relevant" choice.
    ///
    /// This is what "rated" means everywhere: the evaluation counts exactly these, and the Selbsterklärung
    /// needs one for every item.
    pub fn accepts(&self, key: &str) -> bool {
        self.level(key).is_some() || self.is_not_relevant(key)
    }

    /// The smallest need any level of the scale means: the "no need" end, where strengths sit.
    pub fn least_need(&self) -> u8 {
        self.levels
            .iter()
            .map(|level| level.need)
            .min()
            .unwrap_or(0)
    }

    /// Whether choosing this key reports a need for action: a level above the scale's no-need end.
    pub fn reports_need(&self, key: &str) -> bool {
        self.level(key)
            .is_some_and(|level| level.need > self.least_need())
    }

    /// The label of a choice key: a level's or the "not relevant" choice's.
    pub fn choice_label(&self, key: &str) -> Option<&str> {
        self.level(key)
            .map(|level| level.label.as_str())
            .or_else(|| {
                self.not_relevant
                    .as_ref()
                    .filter(|choice| choice.key == key)
                    .map(|choice| choice.label.as_str())
            })
    }

    /// Whether a priority can go with this choice: the scale asks for one, and the choice is not "not relevant"
    /// (what does not apply is not to be tackled). Before anything is chosen, it can.
    pub fn priority_applies(&self, choice: Option<&str>) -> bool {
        self.priority.is_some() && !choice.is_some_and(|key| self.is_not_relevant(key))
    }

    /// Where a priority value stands among the scale's priorities: (its place from 0, how many there are).
    pub fn priority_rank(&self, value: u8) -> Option<(usize, usize)> {
        let levels = &self.priority.as_ref()?.levels;
        let place = levels.iter().position(|level| level.value == value)?;
        Some((place, levels.len()))
    }

    /// The label of a priority value.
    pub fn priority_label(&self, value: u8) -> Option<&str> {
        self.priority
            .as_ref()?
            .levels
            .iter()
            .find(|level| level.value == value)
            .map(|level| level.label.as_str())
    }
}

impl<ModuleT> Catalog<ModuleT> {
    /// The same catalog with other modules; the loader uses it to assemble a catalog read in stages.
    pub fn with_modules<NewModuleT>(self, modules: Vec<NewModuleT>) -> Catalog<NewModuleT> {
        Catalog {
            format_version: self.format_version,
            id: self.id,
            title: self.title,
            subtitle: self.subtitle,
            standard: self.standard,
            version: self.version,
            date: self.date,
            attribution: self.attribution,
            language: self.language,
            minutes_per_module: self.minutes_per_module,
            orientation: self.orientation,
            scales: self.scales,
            modules,
            starthilfe: self.starthilfe,
            free_texts: self.free_texts,
            declarations: self.declarations,
        }
    }
}

impl<ItemT> Module<ItemT> {
    /// The same module with other items; the loader uses it to assemble a catalog read in stages.
    pub fn with_items<NewItemT>(self, items: Vec<NewItemT>) -> Module<NewItemT> {
        Module {
            id: self.id,
            number: self.number,
            title: self.title,
            goal: self.goal,
            result: self.result,
            scale: self.scale,
            items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(priorities: &[u8]) -> Scale {
        Scale {
            id: "s".into(),
            label: "Trifft das zu?".into(),
            levels: vec![],
            not_relevant: Some(Choice {
                key: "keine-relevanz".into(),
                label: "Keine Relevanz".into(),
            }),
            priority: (!priorities.is_empty()).then(|| PriorityScale {
                label: "Priorität".into(),
                levels: priorities
                    .iter()
                    .map(|value| PriorityLevel {
                        value: *value,
                        label: value.to_string(),
                    })
                    .collect(),
            }),
        }
    }

    #[test]
    fn a_priority_applies_where_the_scale_asks_for_one_and_the_choice_is_relevant() {
        let asks = scale(&[1, 2, 3]);
        assert!(asks.priority_applies(Some("nein")));
        assert!(asks.priority_applies(None));
        assert!(!asks.priority_applies(Some("keine-relevanz")));
        assert!(!scale(&[]).priority_applies(Some("nein")));
        assert_eq!(asks.priority_rank(1), Some((0, 3)));
        assert_eq!(asks.priority_rank(3), Some((2, 3)));
        assert_eq!(asks.priority_rank(4), None);
        assert_eq!(scale(&[]).priority_rank(1), None);
    }

    #[test]
    fn a_screen_speaks_the_catalogs_language_where_it_has_no_other() {
        let catalog = Catalog::<Module> {
            format_version: CATALOG_FORMAT_VERSION,
            id: "c".into(),
            title: "T".into(),
            subtitle: String::new(),
            standard: String::new(),
            version: "1".into(),
            date: String::new(),
            attribution: Attribution {
                structure: "Test".into(),
                structure_url: String::new(),
                wording: "Checkwerk".into(),
                licence: "MIT OR Apache-2.0".into(),
                licence_url: String::new(),
                official: false,
            },
            language: "de-DE".into(),
            minutes_per_module: None,
            orientation: String::new(),
            scales: vec![scale(&[])],
            modules: vec![],
            starthilfe: vec![],
            free_texts: vec![],
            declarations: vec![],
        };
        assert_eq!(catalog.screen_language(Language::En), Language::De);
        assert_eq!(catalog.screen_language(Language::De), Language::De);
        let french = Catalog {
            language: "fr".into(),
            ..catalog.clone()
        };
        assert_eq!(french.screen_language(Language::En), Language::En);
        assert_eq!(catalog.not_relevant_label(), Some("Keine Relevanz"));
        assert!(!catalog.asks_priority());
    }
}
