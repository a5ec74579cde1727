//! Companies and the adviser's workspace: two copies of a company merge without losing the newer change of any
//! field, and importing exported files (merged by id) is idempotent and does not depend on the order of imports.
//!
//! Each case starts every device from one workspace, applies a random sequence of the edits the front end makes
//! (each device's clock on its own residue, so times never tie), exports what the device holds in the workspace
//! file format, and imports those files elsewhere.

use checkwerk_core::company::{merge_workspace, sorted_by_id, Company, CompanyField};
use checkwerk_core::saved::{load_import, save_workspace};
use checkwerk_core::{Measure, Run, Timestamp};
use proptest::prelude::*;

use crate::properties::CASES;

const COMPANIES: &[&str] = &["x", "y", "z"];
const RUNS: &[&str] = &["r1", "r2", "r3", "r4"];

/// An edit a device makes.
#[derive(Debug, Clone)]
enum Edit {
    Field(&'static str, CompanyField, &'static str),
    NewCompany(&'static str),
    Choice(&'static str, &'static str, Option<&'static str>),
    Measure(&'static str, &'static str),
    NewRun(&'static str, &'static str),
    MoveRun(&'static str, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let company = prop::sample::select(COMPANIES.to_vec());
    let run = prop::sample::select(RUNS.to_vec());
    let word = prop::sample::select(vec!["", "Köln", "Bonn", "Müller GmbH"]);
    let field = prop::sample::select(CompanyField::ALL.to_vec());
    prop_oneof![
        (company.clone(), field, word.clone()).prop_map(|(c, f, w)| Edit::Field(c, f, w)),
        company.clone().prop_map(Edit::NewCompany),
        (
            run.clone(),
            prop::sample::select(vec!["1.1", "1.2"]),
            prop::option::of(prop::sample::select(vec!["hoch", "niedrig"]))
        )
            .prop_map(|(r, i, c)| Edit::Choice(r, i, c)),
        (run.clone(), word).prop_map(|(r, t)| Edit::Measure(r, t)),
        (run.clone(), company.clone()).prop_map(|(r, c)| Edit::NewRun(r, c)),
        (run, company).prop_map(|(r, c)| Edit::MoveRun(r, c)),
    ]
}

/// What a device holds.
#[derive(Debug, Clone)]
struct Device {
    companies: Vec<Company>,
    runs: Vec<Run>,
}

impl Device {
    fn start() -> Device {
        let mut first = Company::new("x", "Müller", Timestamp(1));
        first.set(CompanyField::Site, "Köln".into(), Timestamp(2));
        let mut run: Run =
            serde_json::from_str(r#"{"id":"r1","catalog_id":"c","created_at":1,"updated_at":1}"#)
                .expect("a run");
        run.company_id = "x".into();
        run.set_choice("1.1", Some("hoch".into()), Timestamp(3));
        Device {
            companies: vec![first],
            runs: vec![run],
        }
    }

    fn apply(&mut self, edit: &Edit, at: i64) {
        let now = Timestamp(at);
        match *edit {
            Edit::Field(id, field, text) => {
                if let Some(company) = self.companies.iter_mut().find(|c| c.id == id) {
                    company.set(field, text.to_owned(), now);
                }
            }
            Edit::NewCompany(id) => {
                if !self.companies.iter().any(|c| c.id == id) {
                    self.companies
                        .push(Company::new(id, format!("Betrieb {id}"), now));
                }
            }
            Edit::Choice(id, item, choice) => {
                if let Some(run) = self.runs.iter_mut().find(|r| r.id == id) {
                    run.set_choice(item, choice.map(str::to_owned), now);
                }
            }
            Edit::Measure(id, title) => {
                if let Some(run) = self.runs.iter_mut().find(|r| r.id == id) {
                    let measure = Measure::new(format!("m-{id}"), title, vec![], now);
                    run.upsert_measure(measure, now);
                }
            }
            Edit::NewRun(id, company) => {
                let known = self.companies.iter().any(|c| c.id == company);
                if known && !self.runs.iter().any(|r| r.id == id) {
                    let mut run: Run = serde_json::from_value(serde_json::json!({
                        "id": id, "catalog_id": "c", "created_at": at, "updated_at": at
                    }))
                    .expect("a run");
                    run.company_id = company.to_owned();
                    self.runs.push(run);
                }
            }
            Edit::MoveRun(id, company) => {
                let known = self.companies.iter().any(|c| c.id == company);
                if let Some(run) = self.runs.iter_mut().find(|r| r.id == id).filter(|_| known) {
                    run.set_company_id(company.to_owned(), now);
                }
            }
        }
    }

    /// What the device exports: everything, in the workspace file format.
    fn export(&self) -> String {
        let companies: Vec<&Company> = self.companies.iter().collect();
        let runs: Vec<&Run> = self.runs.iter().collect();
        save_workspace(&companies, &runs)
    }

    /// Imports a file the way the app does: read, then merge by id.
    fn import(&mut self, file: &str) {
        let imported = load_import(file).expect("an exported file imports");
        let report = merge_workspace(
            &mut self.companies,
            &mut self.runs,
            &imported.companies,
            &imported.runs,
        );
        assert!(report.conflicting_runs.is_empty());
    }

    /// The content, in an order that does not depend on how it was built.
    fn content(&self) -> (Vec<Company>, Vec<Run>) {
        let (companies, mut runs) = sorted_by_id(&self.companies, &self.runs);
        for run in &mut runs {
            run.measures.sort_by(|a, b| a.id.cmp(&b.id));
        }
        (companies, runs)
    }
}

/// A device after its edits, made at times `base + 3k` (three devices never tie).
fn device(edits: &[Edit], base: i64) -> Device {
    let mut device = Device::start();
    for (step, edit) in edits.iter().enumerate() {
        device.apply(edit, 100 + base + 3 * step as i64);
    }
    device
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 0..10)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::volume::cases(CASES)))]

    #[test]
    fn company_merge_keeps_the_later_change_of_each_field(left in edits(), right in edits()) {
        let (a, b) = (device(&left, 0), device(&right, 1));
        let mut last_change = std::collections::BTreeMap::new();
        for (edits, base) in [(&left, 0), (&right, 1)] {
            for (step, edit) in edits.iter().enumerate() {
                if let Edit::Field(id, field, text) = edit {
                    let at = 100 + base + 3 * step as i64;
                    let entry = last_change.entry((*id, *field)).or_insert((at, *text));
                    if at > entry.0 {
                        *entry = (at, *text);
                    }
                }
            }
        }
        for company in &a.companies {
            let Some(theirs) = b.companies.iter().find(|c| c.id == company.id) else { continue };
            let mut merged = company.clone();
            merged.merge(theirs);
            for field in CompanyField::ALL {
                // A company created on one device only has that device's edits; "x" exists on both.
                if let Some((_, text)) = last_change.get(&(company.id.as_str(), field)).filter(|_| company.id == "x") {
                    prop_assert_eq!(merged.field(field), *text, "{} {:?}", company.id, field);
                }
            }
        }
    }

    #[test]
    fn company_merge_is_commutative_idempotent_and_associative(
        left in edits(), right in edits(), third in edits(),
    ) {
        let (a, b, c) = (device(&left, 0), device(&right, 1), device(&third, 2));
        let pick = |device: &Device| device.companies.iter().find(|c| c.id == "x").cloned().expect("x everywhere");
        let (a, b, c) = (pick(&a), pick(&b), pick(&c));
        let merge = |x: &Company, y: &Company| { let mut x = x.clone(); x.merge(y); x };
        let ab = merge(&a, &b);
        prop_assert_eq!(&ab, &merge(&b, &a), "commutative");
        prop_assert_eq!(&merge(&ab, &b), &ab, "idempotent");
        prop_assert_eq!(&merge(&ab, &a), &ab, "idempotent");
        prop_assert_eq!(merge(&ab, &c), merge(&a, &merge(&b, &c)), "associative");
    }

    #[test]
    fn importing_is_idempotent_and_order_independent(
        home in edits(), first in edits(), second in edits(),
    ) {
        let home = device(&home, 0);
        let files = [device(&first, 1).export(), device(&second, 2).export()];

        let mut once = home.clone();
        once.import(&files[0]);
        let mut twice = once.clone();
        twice.import(&files[0]);
        prop_assert_eq!(twice.content(), once.content(), "the same file twice is once");

        once.import(&files[1]);
        let mut reversed = home.clone();
        reversed.import(&files[1]);
        reversed.import(&files[0]);
        prop_assert_eq!(once.content(), reversed.content(), "either order");

        // Importing one's own export changes nothing, and a fresh device restores every run from it.
        let mut again = once.clone();
        again.import(&once.export());
        prop_assert_eq!(again.content(), once.content());
        let mut fresh = Device { companies: Vec::new(), runs: Vec::new() };
        fresh.import(&once.export());
        prop_assert_eq!(fresh.content(), once.content());
    }
}
