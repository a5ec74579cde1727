//! A check's catalog as a site serves it to the browser: the catalog with its formatted texts already parsed (so the
//! app needs no Markdown parser), as a file of its own named by its content (so a new deployment never meets an old
//! file in a cache). The build writes one per check into the site's `catalogs/` folder; the app fetches the one a
//! visit opens.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::text::ParsedTexts;

/// A catalog with its parsed formatted texts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteCatalog {
    /// The catalog, validated when the site was built.
    pub catalog: Catalog,
    /// Its formatted texts that are more than a plain paragraph, parsed.
    pub texts: ParsedTexts,
}

/// A site catalog's file: its name below `catalogs/` and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteCatalogFile {
    /// `<catalog id>-<16 hex digits of the content's hash>.json`.
    pub name: String,
    /// Compact JSON of a [`SiteCatalog`].
    pub json: String,
}

impl SiteCatalog {
    /// Parses a validated catalog's formatted texts ahead of time.
    #[cfg(feature = "source")]
    pub fn of(catalog: Catalog) -> Self {
        let texts = crate::text::parse_ahead(catalog.formatted_texts());
        SiteCatalog { catalog, texts }
    }

    /// The file a site serves for this catalog.
    pub fn file(&self) -> SiteCatalogFile {
        // Maps with string keys and plain structs: serializing them cannot fail.
        let json = serde_json::to_string(self).unwrap_or_default();
        let hash = crate::codec::fnv1a(json.as_bytes());
        SiteCatalogFile {
            name: format!("{}-{hash:016x}.json", self.catalog.id),
            json,
        }
    }
}

/// The catalog id a site catalog's file name starts with, if it is such a name.
pub fn id_of_file(name: &str) -> Option<&str> {
    let (id, hash) = name.strip_suffix(".json")?.rsplit_once('-')?;
    (hash.len() == 16 && hash.bytes().all(|byte| byte.is_ascii_hexdigit()) && !id.is_empty())
        .then_some(id)
}

#[cfg(all(test, feature = "source"))]
mod tests {
    use super::*;
    use crate::testing;

    #[test]
    fn a_file_is_named_by_its_check_and_content_and_reads_back() {
        let mut catalog = testing::catalog();
        catalog.modules[0].items[0].explanation =
            "Mit **Nachdruck** und einer Liste:\n\n- eins\n- zwei".into();
        let site = SiteCatalog::of(catalog);
        assert_eq!(site.texts.len(), 1, "the formatted text is parsed ahead");
        let file = site.file();
        assert_eq!(id_of_file(&file.name), Some(site.catalog.id.as_str()));
        assert_eq!(file, site.file(), "the same catalog, the same file");
        let read: SiteCatalog = serde_json::from_str(&file.json).expect("reads back");
        assert_eq!(read.catalog, site.catalog);
        assert_eq!(read.texts, site.texts);
        let mut changed = site.clone();
        changed.catalog.title.push('!');
        assert_ne!(
            changed.file().name,
            file.name,
            "another content, another name"
        );
    }

    #[test]
    fn only_site_catalog_names_give_an_id() {
        assert_eq!(
            id_of_file("ki-einfuehren-00ff00ff00ff00ff.json"),
            Some("ki-einfuehren")
        );
        for name in [
            "umweltschutz.json",
            "umweltschutz-00ff.json",
            "-00ff00ff00ff00ff.json",
            "x-00ff00ff00ff00fg.json",
            "x-00ff00ff00ff00ff.txt",
        ] {
            assert_eq!(id_of_file(name), None, "{name}");
        }
    }
}
