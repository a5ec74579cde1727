//! A company (Betrieb): the firm whose runs they are, with the data a report and a self-declaration print once
//! instead of per run (name, site, address, sector, size, contact).
//!
//! Every run belongs to one company ([`Run::company_id`]). A person who works on one company never has to think
//! about it: the front end creates it quietly. Runs saved before companies existed carry only the name the user
//! typed (`Run::company`); [`place_runs`] gives them a company, the same one in every tab that does it.
//!
//! Like a run, a company may be open in two tabs or come back from an export, so two copies merge
//! ([`Company::merge`]): per field the newer change wins, by the stamps in [`CompanyChanges`]. Whole sets of
//! companies and runs merge by id ([`merge_workspace`]); importing the same file twice, or two files in either
//! order, gives the same result.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::date::Timestamp;
use crate::run::{merge_field, Run};

/// One company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Company {
    /// Identifier, chosen by the caller (unique across devices: it is how an import recognises the company).
    pub id: String,
    /// The company's name, e.g. „Müller & Söhne GmbH“; may be empty.
    #[serde(default)]
    pub name: String,
    /// The site (Standort) the runs are about, e.g. „Werk Köln“.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub site: String,
    /// The postal address, as typed (several lines allowed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// The sector (Branche), e.g. „Metallverarbeitung“.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sector: String,
    /// The size, e.g. „10–49 Beschäftigte“.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub size: String,
    /// The contact person (Ansprechperson), with phone or e-mail as the user likes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// When the company was created.
    #[serde(default)]
    pub created_at: Timestamp,
    /// When any field last changed.
    #[serde(default)]
    pub updated_at: Timestamp,
    /// When each field last changed: what [`Company::merge`] needs to tell the newer of two changes.
    #[serde(default, skip_serializing_if = "CompanyChanges::is_empty")]
    pub changes: CompanyChanges,
}

/// When each field of a company last changed; unknown (0) reads as older than any change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompanyChanges {
    /// The name.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub name: Timestamp,
    /// The site.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub site: Timestamp,
    /// The address.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub address: Timestamp,
    /// The sector.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub sector: Timestamp,
    /// The size.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub size: Timestamp,
    /// The contact.
    #[serde(default, skip_serializing_if = "Timestamp::is_unknown")]
    pub contact: Timestamp,
}

impl CompanyChanges {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self == &CompanyChanges::default()
    }
}

/// A field of a company the user fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CompanyField {
    /// Name des Betriebs.
    Name,
    /// Standort.
    Site,
    /// Anschrift.
    Address,
    /// Branche.
    Sector,
    /// Größe.
    Size,
    /// Ansprechperson.
    Contact,
}

impl CompanyField {
    /// Every field, in the order a form shows them.
    pub const ALL: [CompanyField; 6] = [
        CompanyField::Name,
        CompanyField::Site,
        CompanyField::Address,
        CompanyField::Sector,
        CompanyField::Size,
        CompanyField::Contact,
    ];

    /// The field's saved name, also fit for form ids.
    pub fn key(self) -> &'static str {
        match self {
            CompanyField::Name => "name",
            CompanyField::Site => "site",
            CompanyField::Address => "address",
            CompanyField::Sector => "sector",
            CompanyField::Size => "size",
            CompanyField::Contact => "contact",
        }
    }
}

impl Company {
    /// A new company with a name and nothing else.
    pub fn new(id: impl Into<String>, name: impl Into<String>, now: Timestamp) -> Company {
        let mut company = Company {
            id: id.into(),
            name: name.into(),
            site: String::new(),
            address: String::new(),
            sector: String::new(),
            size: String::new(),
            contact: String::new(),
            created_at: now,
            updated_at: now,
            changes: CompanyChanges::default(),
        };
        if !company.name.is_empty() {
            company.changes.name = now;
        }
        company
    }

    /// The text of a field.
    pub fn field(&self, field: CompanyField) -> &str {
        match field {
            CompanyField::Name => &self.name,
            CompanyField::Site => &self.site,
            CompanyField::Address => &self.address,
            CompanyField::Sector => &self.sector,
            CompanyField::Size => &self.size,
            CompanyField::Contact => &self.contact,
        }
    }

    fn field_and_stamp(&mut self, field: CompanyField) -> (&mut String, &mut Timestamp) {
        let changes = &mut self.changes;
        match field {
            CompanyField::Name => (&mut self.name, &mut changes.name),
            CompanyField::Site => (&mut self.site, &mut changes.site),
            CompanyField::Address => (&mut self.address, &mut changes.address),
            CompanyField::Sector => (&mut self.sector, &mut changes.sector),
            CompanyField::Size => (&mut self.size, &mut changes.size),
            CompanyField::Contact => (&mut self.contact, &mut changes.contact),
        }
    }

    /// Sets a field as typed (the front end writes on every keystroke and must not swallow a space) and stamps it.
    pub fn set(&mut self, field: CompanyField, text: String, now: Timestamp) {
        let (value, stamp) = self.field_and_stamp(field);
        *value = text;
        *stamp = now;
        self.updated_at = now;
    }

    /// Merges another copy of the same company into this one, field by field the newer change winning; returns
    /// whether this copy changed. Equal times are decided by the content, so that merging is commutative.
    /// Copies of different companies are left alone.
    pub fn merge(&mut self, other: &Company) -> bool {
        if self.id != other.id {
            return false;
        }
        let before = self.clone();
        let this_newer = self.updated_at.cmp(&other.updated_at);
        for field in CompanyField::ALL {
            let theirs = other.field(field).to_owned();
            let their_stamp = other.stamp(field);
            merge_field(
                self.field_and_stamp(field),
                (&theirs, their_stamp),
                this_newer,
            );
        }
        self.created_at = match (self.created_at.is_unknown(), other.created_at.is_unknown()) {
            (false, false) => self.created_at.min(other.created_at),
            (true, _) => other.created_at,
            (false, true) => self.created_at,
        };
        self.updated_at = self.updated_at.max(other.updated_at);
        *self != before
    }

    fn stamp(&self, field: CompanyField) -> Timestamp {
        let changes = &self.changes;
        match field {
            CompanyField::Name => changes.name,
            CompanyField::Site => changes.site,
            CompanyField::Address => changes.address,
            CompanyField::Sector => changes.sector,
            CompanyField::Size => changes.size,
            CompanyField::Contact => changes.contact,
        }
    }
}

/// A name as two people would recognise it as the same: trimmed, inner spaces collapsed, lower case.
pub fn normalized_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What [`place_runs`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Placement {
    /// The ids of the companies it created, in the order it created them.
    pub added_companies: Vec<String>,
    /// The ids of the runs it placed in a company.
    pub placed_runs: Vec<String>,
    /// The ids of known companies that took an address, size or sector kept on one of their runs.
    pub changed_companies: Vec<String>,
}

/// Gives every run a company, creating the companies that are missing. Runs that name a known company are left
/// alone.
///
/// - A run that names a company nobody has (its file came without it) gets one of that id, named as the run
///   remembers.
/// - A run saved before companies existed goes to the company of the name the user typed on it (compared as
///   [`normalized_name`]), which is created if there is none; runs without a name go to `fallback` (the company the
///   user works on), else to the only company there is, else to an unnamed one.
///
/// What it creates depends on nothing but its input: ids come from the name and the smallest id of the runs that
/// gave rise to it, times from those runs. Two tabs placing the same runs therefore create the same companies,
/// which merge as one; and the same name typed on two devices still makes two companies (their runs' ids differ).
pub fn place_runs(
    companies: &mut Vec<Company>,
    runs: &mut [Run],
    fallback: Option<&str>,
) -> Placement {
    let mut placement = Placement::default();
    let known = |companies: &[Company], id: &str| companies.iter().any(|company| company.id == id);

    // Runs that name a company this set lacks.
    for run in runs.iter() {
        if !run.company_id.is_empty() && !known(companies, &run.company_id) {
            let mut company =
                Company::new(run.company_id.clone(), run.company.trim(), run.created_at);
            company.changes = CompanyChanges::default();
            companies.push(company);
            placement.added_companies.push(run.company_id.clone());
        }
    }

    // Runs saved before companies existed, by the name typed on them; the unnamed ones last.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, run) in runs.iter().enumerate() {
        if run.company_id.is_empty() {
            by_name
                .entry(normalized_name(&run.company))
                .or_default()
                .push(index);
        }
    }
    let unnamed = by_name.remove("");
    for (name, indexes) in by_name {
        let existing = companies
            .iter()
            .find(|company| normalized_name(&company.name) == name)
            .map(|company| company.id.clone());
        let company_id = existing.unwrap_or_else(|| {
            let company = company_for(runs, &indexes);
            let id = company.id.clone();
            companies.push(company);
            placement.added_companies.push(id.clone());
            id
        });
        assign(runs, &indexes, &company_id, &mut placement);
    }
    if let Some(indexes) = unnamed {
        let fallback = fallback
            .filter(|id| known(companies, id))
            .map(str::to_owned);
        let only = (companies.len() == 1).then(|| companies[0].id.clone());
        let unnamed_company = || {
            companies
                .iter()
                .find(|company| company.name.trim().is_empty())
                .map(|company| company.id.clone())
        };
        let company_id = match fallback.or(only).or_else(unnamed_company) {
            Some(id) => id,
            None => {
                let company = company_for(runs, &indexes);
                let id = company.id.clone();
                companies.push(company);
                placement.added_companies.push(id.clone());
                id
            }
        };
        assign(runs, &indexes, &company_id, &mut placement);
    }
    adopt_run_details(companies, runs, &mut placement);
    placement
}

/// Takes the address, size and sector a run kept of its company (as builds before the company model did, for the
/// self-declaration) into the run's company: a field the run has filled in replaces the company's when the run's
/// change is newer, or fills it when it is empty and as old. An empty field on a run never clears the company's.
/// Runs are read oldest change first, so the result does not depend on their order; the run keeps its copy.
fn adopt_run_details(companies: &mut [Company], runs: &[Run], placement: &mut Placement) {
    let mut with_details: Vec<&Run> = runs
        .iter()
        .filter(|run| !run.company_details.is_empty())
        .collect();
    with_details.sort_by(|a, b| {
        (a.changes.company_details, &a.id).cmp(&(b.changes.company_details, &b.id))
    });
    for run in with_details {
        let Some(company) = companies
            .iter_mut()
            .find(|company| company.id == run.company_id)
        else {
            continue;
        };
        let stamp = run.changes.company_details;
        let details = &run.company_details;
        let mut changed = false;
        for (field, theirs) in [
            (CompanyField::Address, &details.address),
            (CompanyField::Size, &details.size),
            (CompanyField::Sector, &details.sector),
        ] {
            let (mine, mine_stamp) = company.field_and_stamp(field);
            let takes = !theirs.trim().is_empty()
                && mine != theirs
                && (stamp > *mine_stamp || (stamp == *mine_stamp && mine.trim().is_empty()));
            if takes {
                theirs.clone_into(mine);
                *mine_stamp = stamp;
                changed = true;
            }
        }
        if changed {
            company.updated_at = company.updated_at.max(stamp);
            if !placement.added_companies.contains(&company.id)
                && !placement.changed_companies.contains(&company.id)
            {
                placement.changed_companies.push(company.id.clone());
            }
        }
    }
}

/// The company made for legacy runs: named as typed on the earliest of them, its id from that name and the
/// smallest run id, its times those of the runs.
fn company_for(runs: &[Run], indexes: &[usize]) -> Company {
    let group: Vec<&Run> = indexes.iter().map(|&index| &runs[index]).collect();
    let earliest = group
        .iter()
        .min_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let name = earliest.map(|run| run.company.trim()).unwrap_or_default();
    let smallest_id = group
        .iter()
        .map(|run| run.id.as_str())
        .min()
        .unwrap_or_default();
    let id = format!(
        "b-{:016x}",
        crate::codec::fnv1a(format!("{}\u{0}{smallest_id}", normalized_name(name)).as_bytes())
    );
    let created = group
        .iter()
        .map(|run| run.created_at)
        .filter(|time| !time.is_unknown())
        .min()
        .unwrap_or_default();
    let mut company = Company::new(id, name, created);
    // The name is what the user typed, but not a change made now: any edit of it wins over this.
    company.changes = CompanyChanges::default();
    company
}

fn assign(runs: &mut [Run], indexes: &[usize], company_id: &str, placement: &mut Placement) {
    for &index in indexes {
        company_id.clone_into(&mut runs[index].company_id);
        placement.placed_runs.push(runs[index].id.clone());
    }
}

/// What merging a set of companies and runs into another did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeReport {
    /// Companies that were new.
    pub added_companies: Vec<String>,
    /// Known companies that took a change.
    pub changed_companies: Vec<String>,
    /// Runs that were new.
    pub added_runs: Vec<String>,
    /// Known runs that took a change.
    pub changed_runs: Vec<String>,
    /// Known runs the incoming copy added nothing to (the same file imported again).
    pub unchanged_runs: Vec<String>,
    /// Incoming runs whose id is taken by a run of another check: not merged, left to the caller to add under a
    /// new id.
    pub conflicting_runs: Vec<Run>,
}

/// Merges incoming companies and runs (an import) into a set, by id: new ones are added, known ones merged with
/// [`Company::merge`] and [`Run::merge`]. Merging is idempotent and does not depend on the order of imports.
pub fn merge_workspace(
    companies: &mut Vec<Company>,
    runs: &mut Vec<Run>,
    incoming_companies: &[Company],
    incoming_runs: &[Run],
) -> MergeReport {
    let mut report = MergeReport::default();
    for incoming in incoming_companies {
        match companies
            .iter_mut()
            .find(|company| company.id == incoming.id)
        {
            Some(company) => {
                if company.merge(incoming) {
                    report.changed_companies.push(incoming.id.clone());
                }
            }
            None => {
                companies.push(incoming.clone());
                report.added_companies.push(incoming.id.clone());
            }
        }
    }
    for incoming in incoming_runs {
        match runs.iter_mut().find(|run| run.id == incoming.id) {
            Some(run) if run.catalog_id != incoming.catalog_id => {
                report.conflicting_runs.push(incoming.clone());
            }
            Some(run) => {
                if run.merge(incoming) {
                    report.changed_runs.push(incoming.id.clone());
                } else {
                    report.unchanged_runs.push(incoming.id.clone());
                }
            }
            None => {
                runs.push(incoming.clone());
                report.added_runs.push(incoming.id.clone());
            }
        }
    }
    report
}

/// Companies and runs in a fixed order (by id), for comparing two sets whatever order they were built in.
pub fn sorted_by_id(companies: &[Company], runs: &[Run]) -> (Vec<Company>, Vec<Run>) {
    let mut companies = companies.to_vec();
    companies.sort_by(|a, b| a.id.cmp(&b.id));
    let mut runs = runs.to_vec();
    runs.sort_by(|a, b| a.id.cmp(&b.id));
    (companies, runs)
}

/// The runs of a company, oldest first (by creation, then id).
pub fn runs_of<'a>(runs: &'a [Run], company_id: &str) -> Vec<&'a Run> {
    let mut mine: Vec<&Run> = runs
        .iter()
        .filter(|run| run.company_id == company_id)
        .collect();
    mine.sort_by(|a, b| match a.created_at.cmp(&b.created_at) {
        Ordering::Equal => a.id.cmp(&b.id),
        other => other,
    });
    mine
}

/// The ids of the catalogs a set of runs answers, sorted.
pub fn catalog_ids(runs: &[&Run]) -> BTreeSet<String> {
    runs.iter().map(|run| run.catalog_id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(id: &str, company: &str, created: i64) -> Run {
        let mut run = crate::testing::run();
        run.id = id.into();
        run.company = company.into();
        run.created_at = Timestamp(created);
        run
    }

    #[test]
    fn setting_a_field_stamps_it_and_merge_takes_the_newer_per_field() {
        let mut mine = Company::new("b1", "Müller", Timestamp(1));
        let mut theirs = mine.clone();
        mine.set(CompanyField::Site, "Köln".into(), Timestamp(5));
        theirs.set(
            CompanyField::Name,
            "Müller & Söhne GmbH".into(),
            Timestamp(3),
        );
        theirs.set(CompanyField::Site, "Bonn".into(), Timestamp(4));
        assert!(mine.merge(&theirs));
        assert_eq!(mine.name, "Müller & Söhne GmbH");
        assert_eq!(mine.site, "Köln");
        assert_eq!(mine.updated_at, Timestamp(5));
        assert!(!mine.merge(&theirs), "merging again changes nothing");
        let other = Company::new("b2", "Andere", Timestamp(9));
        assert!(!mine.merge(&other), "another company is left alone");
    }

    #[test]
    fn legacy_runs_go_to_the_company_of_their_typed_name() {
        let mut companies = Vec::new();
        let mut runs = vec![
            run("r2", "Müller GmbH", 20),
            run("r1", " müller  gmbh ", 10),
            run("r3", "Schmidt AG", 30),
        ];
        let placement = place_runs(&mut companies, &mut runs, None);
        assert_eq!(companies.len(), 2);
        assert_eq!(placement.added_companies.len(), 2);
        assert_eq!(placement.placed_runs.len(), 3);
        assert_eq!(runs[0].company_id, runs[1].company_id);
        assert_ne!(runs[0].company_id, runs[2].company_id);
        let mueller = companies
            .iter()
            .find(|company| company.id == runs[0].company_id)
            .expect("created");
        // Named as typed on the earliest run, created when it was.
        assert_eq!(mueller.name, "müller  gmbh");
        assert_eq!(mueller.created_at, Timestamp(10));
        assert!(mueller.changes.is_empty(), "placing is not an edit");
    }

    #[test]
    fn placing_is_the_same_in_every_tab_and_twice_is_once() {
        let runs = vec![
            run("a", "Müller", 1),
            run("b", "", 2),
            run("c", "Müller", 3),
        ];
        let mut first = (Vec::new(), runs.clone());
        let mut second = (Vec::new(), runs.into_iter().rev().collect::<Vec<_>>());
        place_runs(&mut first.0, &mut first.1, None);
        place_runs(&mut second.0, &mut second.1, None);
        assert_eq!(
            sorted_by_id(&first.0, &first.1),
            sorted_by_id(&second.0, &second.1)
        );
        // The unnamed run joins the only company there is.
        assert_eq!(first.0.len(), 1);
        assert!(first.1.iter().all(|run| run.company_id == first.0[0].id));
        let again = place_runs(&mut first.0, &mut first.1, None);
        assert_eq!(again, Placement::default());
    }

    #[test]
    fn unnamed_runs_go_to_the_fallback_else_the_only_company_else_an_unnamed_one() {
        let existing = vec![
            Company::new("x", "Müller", Timestamp(1)),
            Company::new("y", "Schmidt", Timestamp(1)),
        ];
        let mut companies = existing.clone();
        let mut runs = vec![run("a", "", 5)];
        place_runs(&mut companies, &mut runs, Some("y"));
        assert_eq!(runs[0].company_id, "y");

        let mut companies = existing.clone();
        let mut runs = vec![run("a", "", 5)];
        place_runs(&mut companies, &mut runs, Some("gone"));
        assert_eq!(
            companies.len(),
            3,
            "two named companies: the unnamed run gets its own"
        );
        assert_eq!(companies[2].name, "");
        assert_eq!(runs[0].company_id, companies[2].id);

        let mut companies = vec![Company::new("x", "Müller", Timestamp(1))];
        let mut runs = vec![run("a", "", 5)];
        place_runs(&mut companies, &mut runs, None);
        assert_eq!(runs[0].company_id, "x");
    }

    #[test]
    fn address_size_and_sector_kept_on_runs_move_into_their_company_by_their_stamps() {
        let details = |address: &str, size: &str| crate::run::CompanyDetails {
            address: address.into(),
            size: size.into(),
            sector: String::new(),
        };
        let mut older = run("a", "Müller GmbH", 5);
        older.set_company_details(details("Alte Straße 1", "10–49 Beschäftigte"), Timestamp(6));
        let mut newer = run("b", "Müller GmbH", 7);
        newer.set_company_details(details("Hafenstraße 12", ""), Timestamp(8));
        let place = |runs: Vec<Run>| {
            let mut companies = Vec::new();
            let mut runs = runs;
            let placement = place_runs(&mut companies, &mut runs, None);
            (companies, placement)
        };
        let (companies, placement) = place(vec![newer.clone(), older.clone()]);
        assert_eq!(companies.len(), 1);
        let company = &companies[0];
        // The newer address; the size only the older run has (an empty field never clears one).
        assert_eq!(company.address, "Hafenstraße 12");
        assert_eq!(company.size, "10–49 Beschäftigte");
        assert_eq!(company.sector, "");
        assert_eq!(
            (company.changes.address, company.changes.size),
            (Timestamp(8), Timestamp(6))
        );
        assert!(
            placement.changed_companies.is_empty(),
            "a company placing created is new, not changed"
        );
        assert_eq!(
            place(vec![older.clone(), newer.clone()]).0,
            companies,
            "whatever the order"
        );

        // A company edited since keeps its edit; placing again changes nothing.
        let mut companies = companies;
        companies[0].set(CompanyField::Address, "Neue Straße 3".into(), Timestamp(20));
        let mut runs = vec![older, newer];
        for run in &mut runs {
            run.company_id.clone_from(&companies[0].id);
        }
        let again = place_runs(&mut companies, &mut runs, None);
        assert_eq!(again, Placement::default());
        assert_eq!(companies[0].address, "Neue Straße 3");
    }

    #[test]
    fn a_run_naming_an_unknown_company_brings_it_back_with_the_name_it_remembers() {
        let mut companies = Vec::new();
        let mut runs = vec![run("a", "Müller GmbH", 5)];
        runs[0].company_id = "b-77".into();
        let placement = place_runs(&mut companies, &mut runs, None);
        assert_eq!(placement.added_companies, ["b-77"]);
        assert_eq!(companies[0].name, "Müller GmbH");
        assert!(placement.placed_runs.is_empty());
    }

    #[test]
    fn merging_a_workspace_adds_merges_and_recognises_what_is_there() {
        let mut companies = vec![Company::new("x", "Müller", Timestamp(1))];
        let mut mine = run("a", "", 1);
        mine.company_id = "x".into();
        let mut runs = vec![mine.clone()];
        let mut changed = mine.clone();
        changed.set_choice("1.1", Some("hoch".into()), Timestamp(9));
        let mut foreign = run("a", "", 1);
        foreign.catalog_id = "anderer-check".into();
        let incoming_companies = vec![Company::new("y", "Schmidt", Timestamp(2))];
        let report = merge_workspace(
            &mut companies,
            &mut runs,
            &incoming_companies,
            &[changed.clone(), run("b", "", 3), foreign.clone()],
        );
        assert_eq!(report.added_companies, ["y"]);
        assert_eq!(report.changed_runs, ["a"]);
        assert_eq!(report.added_runs, ["b"]);
        assert_eq!(report.conflicting_runs, [foreign]);
        assert_eq!(runs[0].answer("1.1"), changed.answer("1.1"));
        let again = merge_workspace(&mut companies, &mut runs, &incoming_companies, &[changed]);
        assert_eq!(again.unchanged_runs, ["a"]);
        assert!(again.added_runs.is_empty() && again.changed_companies.is_empty());
    }
}
