//! Self-declarations (Selbsterklärungen): what a company declares, as a record in a fixed order, and when a signed
//! declaration must be renewed.
//!
//! Which declarations a check supports, and their rules, are catalog data ([`Declaration`]); whether a run meets
//! the rules is [`crate::readiness`]. A declaration of one check is made from that check's run. A joint declaration
//! (several catalogs share its id, each naming its part) is made from one run of each of them.
//!
//! The [`Record`] holds exactly what the printed declaration shows, in the order it shows it: the company, the date
//! and validity, and per check every Check-Punkt with its rating and every measure with all its fields. Texts are
//! trimmed and their line ends made uniform; measures are in a canonical order ([`RecordMeasure::sort_key`]: by
//! due date, then urgency, then the rest), so that the order a file happens to keep them in does not matter.
//! [`crate::fingerprint`] hashes it.

use std::collections::BTreeSet;

use crate::catalog::{Catalog, Declaration};
use crate::company::Company;
use crate::date::Date;
use crate::measure::{MeasureStatus, Urgency};
use crate::run::{DeclarationEntry, Run};

/// The company as a declaration names it: what [`RecordCompany::of`] reads of the company's record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordCompany {
    /// The company's name.
    pub name: String,
    /// Its postal address.
    pub address: String,
    /// Its size, e.g. „25 Beschäftigte".
    pub size: String,
    /// Its sector (Branche).
    pub sector: String,
}

impl RecordCompany {
    /// The company as a declaration names it, from the company's record: the one place a declaration reads it.
    pub fn of(company: &Company) -> RecordCompany {
        RecordCompany {
            name: company.name.clone(),
            address: company.address.clone(),
            size: company.size.clone(),
            sector: company.sector.clone(),
        }
    }

    /// Which of the fields a declaration needs are empty: name, address, size, sector, in that order.
    pub fn missing(&self) -> Vec<CompanyField> {
        CompanyField::ALL
            .into_iter()
            .filter(|field| field.value_in(self).trim().is_empty())
            .collect()
    }
}

/// A field of [`RecordCompany`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompanyField {
    /// Name.
    Name,
    /// Anschrift.
    Address,
    /// Größe.
    Size,
    /// Branche.
    Sector,
}

impl CompanyField {
    /// Every field, in the order a form shows them.
    pub const ALL: [CompanyField; 4] = [
        CompanyField::Name,
        CompanyField::Address,
        CompanyField::Size,
        CompanyField::Sector,
    ];

    /// The field's value in a company.
    pub fn value_in(self, company: &RecordCompany) -> &str {
        match self {
            CompanyField::Name => &company.name,
            CompanyField::Address => &company.address,
            CompanyField::Size => &company.size,
            CompanyField::Sector => &company.sector,
        }
    }
}

/// What a declaration declares, in the order it is printed and hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The declaration's id.
    pub declaration_id: String,
    /// The date of the declaration.
    pub date: Date,
    /// The last day it is valid: the date plus the declaration's validity.
    pub valid_until: Date,
    /// The company, its texts trimmed.
    pub company: RecordCompany,
    /// One part per check, ordered by catalog id.
    pub parts: Vec<RecordPart>,
}

/// What a declaration declares from one check's run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPart {
    /// The check's catalog id.
    pub catalog_id: String,
    /// The version of the catalog the record was made with.
    pub catalog_version: String,
    /// The name of the part in a joint declaration; empty for a declaration of one check.
    pub part: String,
    /// Every item of the catalog, in catalog order.
    pub items: Vec<RecordItem>,
    /// Every measure of the run, in canonical order.
    pub measures: Vec<RecordMeasure>,
}

/// One Check-Punkt and its rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordItem {
    /// The item's id.
    pub id: String,
    /// Its number as printed.
    pub number: String,
    /// The chosen key, if the item is rated with a key its scale knows.
    pub choice: Option<String>,
    /// The chosen priority, if the scale has one and it was chosen.
    pub priority: Option<u8>,
    /// The evidence (Nachweis) given for the rating, trimmed; empty when there is none.
    pub evidence: String,
}

/// One measure with every field a declaration shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordMeasure {
    /// What is to be done.
    pub title: String,
    /// The items it answers: those the catalog knows in catalog order, then any others by id; each once.
    pub item_ids: Vec<String>,
    /// Dringlichkeit.
    pub urgency: Option<Urgency>,
    /// Wer.
    pub responsible: String,
    /// Bis wann, as typed (a complete measure has a valid `YYYY-MM-DD`).
    pub due: String,
    /// Kontrolle.
    pub control: String,
    /// How far it has got.
    pub status: MeasureStatus,
}

impl RecordMeasure {
    /// The canonical order of measures: by due date (`YYYY-MM-DD` sorts by date), urgency key ("hoch" before
    /// "mittel" before "niedrig"), title, items, responsible, Kontrolle and status key, each text compared by its
    /// UTF-8 bytes. No field is left out, so only measures that read the same tie, and their order does not matter.
    pub fn sort_key(&self) -> MeasureKey {
        [
            self.due.clone(),
            self.urgency
                .map(Urgency::key)
                .unwrap_or_default()
                .to_owned(),
            self.title.clone(),
            self.item_ids.join(","),
            self.responsible.clone(),
            self.control.clone(),
            self.status.key().to_owned(),
        ]
    }
}

/// The fields of a measure in the order they sort by.
pub type MeasureKey = [String; 7];

/// Puts a value into a list kept sorted by its key, after any equal key (so the result is a stable sort). The lists
/// here are short (the checks of a declaration, the measures of a plan); this costs the browser's download far less
/// code than a general sort per element type.
fn insert_sorted<K: Ord, T>(list: &mut Vec<(K, T)>, key: K, value: T) {
    let at = list.partition_point(|(existing, _)| *existing <= key);
    list.insert(at, (key, value));
}

/// A text as a record holds it: without surrounding white space, every line end a plain line feed.
pub fn record_text(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

impl RecordPart {
    /// The part of a record that one check's run makes.
    pub fn of(catalog: &Catalog, declaration: &Declaration, run: &Run) -> RecordPart {
        let items = catalog
            .items()
            .map(|(module, item)| {
                let scale = catalog.scale_for(module, item);
                let answer = run.answer(&item.id);
                RecordItem {
                    id: item.id.clone(),
                    number: item.number.clone(),
                    choice: answer
                        .and_then(|answer| answer.choice.clone())
                        .filter(|key| scale.is_some_and(|scale| scale.accepts(key))),
                    priority: answer.and_then(|answer| answer.priority).filter(|value| {
                        scale
                            .and_then(|scale| scale.priority_label(*value))
                            .is_some()
                    }),
                    evidence: record_text(answer.map_or("", |answer| answer.evidence.as_str())),
                }
            })
            .collect();
        let mut measures: Vec<(MeasureKey, RecordMeasure)> = Vec::new();
        for measure in &run.measures {
            // Inserted one by one: collecting into a set would sort, and a sort costs the browser's download.
            let mut named = BTreeSet::new();
            for id in &measure.item_ids {
                named.insert(id.as_str());
            }
            let known = catalog
                .items()
                .map(|(_, item)| item.id.as_str())
                .filter(|id| named.contains(id));
            let unknown = named
                .iter()
                .copied()
                .filter(|id| catalog.item(id).is_none());
            let record = RecordMeasure {
                title: record_text(&measure.title),
                item_ids: known.chain(unknown).map(str::to_owned).collect(),
                urgency: measure.urgency,
                responsible: record_text(&measure.responsible),
                due: record_text(measure.due.as_deref().unwrap_or_default()),
                control: record_text(&measure.control),
                status: measure.status,
            };
            insert_sorted(&mut measures, record.sort_key(), record);
        }
        RecordPart {
            catalog_id: catalog.id.clone(),
            catalog_version: catalog.version.clone(),
            part: declaration.part.clone(),
            items,
            measures: measures.into_iter().map(|(_, measure)| measure).collect(),
        }
    }
}

impl Record {
    /// The record of a declaration made on `date` from one run per check (one pair for a declaration of one
    /// check; one per part for a joint one, in any order).
    pub fn new(
        declaration: &Declaration,
        parts: &[(&Catalog, &Run)],
        company: &RecordCompany,
        date: Date,
    ) -> Record {
        let mut sorted: Vec<(String, RecordPart)> = Vec::new();
        for (catalog, run) in parts {
            let own = catalog.declaration(&declaration.id).unwrap_or(declaration);
            insert_sorted(
                &mut sorted,
                catalog.id.clone(),
                RecordPart::of(catalog, own, run),
            );
        }
        let parts = sorted.into_iter().map(|(_, part)| part).collect();
        Record {
            declaration_id: declaration.id.clone(),
            date,
            valid_until: valid_until(declaration, date),
            company: RecordCompany {
                name: record_text(&company.name),
                address: record_text(&company.address),
                size: record_text(&company.size),
                sector: record_text(&company.sector),
            },
            parts,
        }
    }
}

/// The last day a declaration made on `date` is valid.
pub fn valid_until(declaration: &Declaration, date: Date) -> Date {
    date.add_months(i32::try_from(declaration.validity_months).unwrap_or(i32::MAX))
}

/// Where a signed declaration stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewalState {
    /// Valid, and renewal is not due yet.
    Valid,
    /// Still valid, but within the renewal lead time.
    DueSoon,
    /// Past its last valid day.
    Expired,
}

/// The dates of a signed declaration's renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renewal {
    /// The date of the signed declaration.
    pub signed_on: Date,
    /// Its last valid day.
    pub valid_until: Date,
    /// From when renewal is due: the last valid day minus the lead time.
    pub renew_from: Date,
    /// Where it stands on the day asked about.
    pub state: RenewalState,
}

/// When a signed declaration must be renewed, seen on `today` (the user's local date); `None` while nothing with a
/// valid date is signed.
pub fn renewal(
    declaration: &Declaration,
    entry: &DeclarationEntry,
    today: Date,
) -> Option<Renewal> {
    let signed_on = Date::parse_iso(&entry.signed.as_ref()?.date)?;
    let valid_until = valid_until(declaration, signed_on);
    let lead = i32::try_from(declaration.renewal_lead_months).unwrap_or(0);
    let renew_from = valid_until.add_months(-lead);
    let state = if today > valid_until {
        RenewalState::Expired
    } else if today >= renew_from {
        RenewalState::DueSoon
    } else {
        RenewalState::Valid
    };
    Some(Renewal {
        signed_on,
        valid_until,
        renew_from,
        state,
    })
}

/// The parts of a joint declaration among some catalogs: each catalog that names a part of the declaration with
/// this id, with its part, ordered by catalog id.
pub fn joint_parts<'a>(
    catalogs: impl IntoIterator<Item = &'a Catalog>,
    declaration_id: &str,
) -> Vec<(&'a Catalog, &'a Declaration)> {
    let mut parts: Vec<(&'a str, (&'a Catalog, &'a Declaration))> = Vec::new();
    for catalog in catalogs {
        if let Some(declaration) = catalog
            .declaration_parts()
            .find(|declaration| declaration.id == declaration_id)
        {
            insert_sorted(&mut parts, catalog.id.as_str(), (catalog, declaration));
        }
    }
    parts.into_iter().map(|(_, part)| part).collect()
}

/// Where the catalogs that share a joint declaration disagree about what applies to all of it (its title, validity,
/// renewal lead time or address): `(declaration id, catalog id, field)` for every catalog that differs from the
/// first (by catalog id). A joint declaration is one document, so these must be the same in each of its catalogs.
pub fn joint_mismatches<'a>(
    catalogs: impl IntoIterator<Item = &'a Catalog> + Clone,
) -> Vec<(String, String, &'static str)> {
    let ids: BTreeSet<&str> = catalogs
        .clone()
        .into_iter()
        .flat_map(|catalog| catalog.declaration_parts().map(|part| part.id.as_str()))
        .collect();
    let mut mismatches = Vec::new();
    for id in ids {
        let parts = joint_parts(catalogs.clone(), id);
        let Some((_, first)) = parts.first() else {
            continue;
        };
        for (catalog, part) in &parts[1..] {
            for (field, differs) in [
                ("title", part.title != first.title),
                (
                    "validity_months",
                    part.validity_months != first.validity_months,
                ),
                (
                    "renewal_lead_months",
                    part.renewal_lead_months != first.renewal_lead_months,
                ),
                ("url", part.url != first.url),
            ] {
                if differs {
                    mismatches.push((id.to_owned(), catalog.id.clone(), field));
                }
            }
        }
    }
    mismatches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;
    use crate::measure::Measure;
    use crate::run::Signed;
    use crate::testing;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    #[test]
    fn a_record_lists_every_item_and_the_measures_by_due_date_then_urgency() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        run.set_choice("nutzen", Some("hoch".into()), Timestamp(1));
        run.set_priority("nutzen", Some(2), Timestamp(1));
        run.set_choice("ziele", Some("unbekannt".into()), Timestamp(1));
        run.set_priority("ziele", Some(9), Timestamp(1));
        let mut late = Measure::new("a", "  Später \r\n zweite Zeile ", vec![], Timestamp(1));
        late.due = Some("2027-06-30".into());
        let mut early_low = Measure::new(
            "b",
            "Früh, niedrig",
            vec![
                "weg".into(),
                "verantwortung".into(),
                "nutzen".into(),
                "nutzen".into(),
            ],
            Timestamp(1),
        );
        early_low.due = Some("2027-01-31".into());
        early_low.urgency = Some(Urgency::Low);
        let mut early_high = Measure::new("c", "Früh, hoch", vec![], Timestamp(1));
        early_high.due = Some("2027-01-31".into());
        early_high.urgency = Some(Urgency::High);
        for measure in [late, early_low, early_high] {
            run.upsert_measure(measure, Timestamp(2));
        }
        let record = Record::new(
            &testing::declaration(),
            &[(&catalog, &run)],
            &RecordCompany {
                name: " Muster GmbH ".into(),
                ..RecordCompany::default()
            },
            date("2026-12-01"),
        );
        assert_eq!(record.valid_until, date("2028-12-01"));
        assert_eq!(record.company.name, "Muster GmbH");
        let part = &record.parts[0];
        assert_eq!(part.items.len(), catalog.item_count());
        assert_eq!(part.items[0].choice.as_deref(), Some("hoch"));
        assert_eq!(part.items[0].priority, Some(2));
        assert_eq!(
            (part.items[1].choice.as_deref(), part.items[1].priority),
            (None, None),
            "keys and priorities the scale does not know are no rating"
        );
        let titles: Vec<&str> = part.measures.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Früh, hoch", "Früh, niedrig", "Später \n zweite Zeile"]
        );
        assert_eq!(
            part.measures[1].item_ids,
            ["nutzen", "verantwortung", "weg"],
            "known items in catalog order, each once, then unknown ones"
        );
    }

    #[test]
    fn renewal_is_due_within_the_lead_time_and_expires_after_the_last_day() {
        let declaration = testing::declaration();
        let entry = DeclarationEntry {
            date: "2026-12-01".into(),
            signed: Some(Signed {
                date: "2026-12-01".into(),
                fingerprint: "00".repeat(32),
            }),
        };
        let at = |today: &str| renewal(&declaration, &entry, date(today));
        let valid = at("2028-08-31").map(|renewal| renewal.state);
        assert_eq!(valid, Some(RenewalState::Valid));
        let due = at("2028-09-01");
        assert_eq!(
            due.map(|renewal| renewal.renew_from),
            Some(date("2028-09-01"))
        );
        assert_eq!(
            due.map(|renewal| renewal.state),
            Some(RenewalState::DueSoon)
        );
        assert_eq!(
            at("2028-12-01").map(|renewal| renewal.state),
            Some(RenewalState::DueSoon),
            "the last valid day"
        );
        assert_eq!(
            at("2028-12-02").map(|renewal| renewal.state),
            Some(RenewalState::Expired)
        );
        let unsigned = DeclarationEntry {
            date: "2026-12-01".into(),
            signed: None,
        };
        assert_eq!(renewal(&declaration, &unsigned, date("2030-01-01")), None);
    }

    #[test]
    fn joint_parts_are_found_by_id_and_disagreements_named() {
        let mut first = testing::catalog();
        first.id = "b-check".into();
        first.declarations = vec![Declaration {
            id: "joint".into(),
            part: "Umwelt".into(),
            ..testing::declaration()
        }];
        let mut second = first.clone();
        second.id = "a-check".into();
        second.declarations[0].part = "Lieferkette".into();
        let loner = testing::catalog();
        let catalogs = [first.clone(), second.clone(), loner];
        let parts = joint_parts(&catalogs, "joint");
        let ids: Vec<&str> = parts
            .iter()
            .map(|(catalog, _)| catalog.id.as_str())
            .collect();
        assert_eq!(ids, ["a-check", "b-check"]);
        assert!(joint_mismatches(&catalogs).is_empty());
        let mut differing = first;
        differing.declarations[0].validity_months = 12;
        assert_eq!(
            joint_mismatches(&[second, differing]),
            [("joint".to_owned(), "b-check".to_owned(), "validity_months")]
        );
    }
}
