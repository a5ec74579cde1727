//! The adviser's workspace as data: per company its checks with progress and latest index, its open and overdue
//! measures, its self-declarations (whether the latest run is ready for one, and when the one signed last must be
//! renewed) and when it last changed; searching and sorting the list of companies.
//!
//! Measures carry over from run to run, so a company's measures are counted in the latest run of each check only.
//! A declaration is signed from one run and stays valid whatever runs follow, so the one signed last is looked for in
//! all of the company's runs of the check.

use std::cmp::{Ordering, Reverse};

use crate::catalog::{Catalog, Declaration};
use crate::company::{normalized_name, Company, CompanyField};
use crate::date::{Date, Timestamp};
use crate::declaration::{renewal, Renewal};
use crate::evaluation::{evaluate, NeedIndex};
use crate::measure::MeasureStatus;
use crate::readiness::readiness;
use crate::run::Run;

/// One check of a company.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOverview {
    /// The check's id.
    pub catalog_id: String,
    /// How many runs the company has of it.
    pub run_count: usize,
    /// The latest run (by creation).
    pub latest_run_id: String,
    /// When the latest run was created.
    pub latest_created_at: Timestamp,
    /// How many Check-Punkte the latest run rated.
    pub rated: usize,
    /// How many the check has.
    pub item_count: usize,
    /// The latest run's need index over the whole check.
    pub index: NeedIndex,
    /// Measures of the latest run that are not done.
    pub open_measures: usize,
    /// Of those, the ones past their date.
    pub overdue_measures: usize,
    /// The self-declarations the check supports (its own and its parts of joint ones), in the catalog's order.
    pub declarations: Vec<DeclarationStatus>,
}

impl CheckOverview {
    /// Whether the latest run meets the rules of one of the check's declarations.
    pub fn ready_for_declaration(&self) -> bool {
        self.declarations
            .iter()
            .any(|declaration| declaration.ready)
    }
}

/// Where a company stands with one self-declaration of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationStatus {
    /// The declaration's id.
    pub declaration_id: String,
    /// Whether the latest run meets its rules.
    pub ready: bool,
    /// The renewal of the declaration signed last from any of the company's runs of the check, seen on the day
    /// asked about; `None` while none is signed.
    pub renewal: Option<Renewal>,
}

/// One company in the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyOverview {
    /// The company's id.
    pub company_id: String,
    /// Its checks, in the order of the catalogs given.
    pub checks: Vec<CheckOverview>,
    /// How many runs it has in all (runs of checks this site does not offer included).
    pub run_count: usize,
    /// Open measures over the latest run of each check.
    pub open_measures: usize,
    /// Overdue measures over the latest run of each check.
    pub overdue_measures: usize,
    /// When the company or any of its runs last changed.
    pub last_change: Timestamp,
}

impl CompanyOverview {
    /// The last valid day of the signed declaration that ends first, for sorting by expiry.
    pub fn first_expiry(&self) -> Option<Date> {
        self.checks
            .iter()
            .flat_map(|check| &check.declarations)
            .filter_map(|declaration| declaration.renewal)
            .map(|renewal| renewal.valid_until)
            .min()
    }
}

impl CompanyOverview {
    /// The highest latest index of its checks, for sorting by need.
    pub fn highest_index(&self) -> Option<u8> {
        self.checks
            .iter()
            .filter_map(|check| check.index.value())
            .max()
    }
}

/// The overview of one company: `runs` may hold anyone's runs, only the company's are read.
pub fn overview(
    catalogs: &[&Catalog],
    company: &Company,
    runs: &[Run],
    today: Date,
) -> CompanyOverview {
    let mine: Vec<&Run> = runs
        .iter()
        .filter(|run| run.company_id == company.id)
        .collect();
    let checks: Vec<CheckOverview> = catalogs
        .iter()
        .filter_map(|catalog| {
            let of_check: Vec<&&Run> = mine
                .iter()
                .filter(|run| run.catalog_id == catalog.id)
                .collect();
            let latest = **of_check
                .iter()
                .max_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)))?;
            let evaluation = evaluate(catalog, latest);
            let open = latest
                .measures
                .iter()
                .filter(|measure| measure.status != MeasureStatus::Done);
            Some(CheckOverview {
                catalog_id: catalog.id.clone(),
                run_count: of_check.len(),
                latest_run_id: latest.id.clone(),
                latest_created_at: latest.created_at,
                rated: evaluation.overall.rated_count,
                item_count: catalog.item_count(),
                index: evaluation.overall.need_index,
                open_measures: open.clone().count(),
                overdue_measures: open.filter(|measure| measure.is_overdue(today)).count(),
                declarations: catalog
                    .declarations
                    .iter()
                    .map(|declaration| {
                        declaration_status(catalog, declaration, latest, &of_check, today)
                    })
                    .collect(),
            })
        })
        .collect();
    CompanyOverview {
        company_id: company.id.clone(),
        run_count: mine.len(),
        open_measures: checks.iter().map(|check| check.open_measures).sum(),
        overdue_measures: checks.iter().map(|check| check.overdue_measures).sum(),
        last_change: mine
            .iter()
            .map(|run| run.updated_at)
            .chain([company.updated_at])
            .max()
            .unwrap_or_default(),
        checks,
    }
}

/// A declaration's status for a company: readiness of its latest run, renewal of the one signed last.
fn declaration_status(
    catalog: &Catalog,
    declaration: &Declaration,
    latest: &Run,
    runs: &[&&Run],
    today: Date,
) -> DeclarationStatus {
    let signed_last = runs
        .iter()
        .filter_map(|run| run.declaration(&declaration.id))
        .filter_map(|entry| renewal(declaration, entry, today))
        .max_by_key(|renewal| renewal.signed_on);
    DeclarationStatus {
        declaration_id: declaration.id.clone(),
        ready: readiness(catalog, declaration, latest).is_ready(),
        renewal: signed_last,
    }
}

/// Whether a company matches a search: every word of the query occurs in one of its fields (case and spacing
/// ignored). An empty query matches every company.
pub fn matches(company: &Company, query: &str) -> bool {
    let fields: Vec<String> = CompanyField::ALL
        .iter()
        .map(|field| normalized_name(company.field(*field)))
        .collect();
    normalized_name(query)
        .split(' ')
        .filter(|word| !word.is_empty())
        .all(|word| fields.iter().any(|field| field.contains(word)))
}

/// What the list of companies is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Name, alphabetically (case ignored).
    #[default]
    Name,
    /// Last change, latest first.
    LastChange,
    /// Overdue measures, most first, then open ones.
    Overdue,
    /// Highest latest index of a check, highest first; none last.
    Need,
    /// The signed declaration that ends first, soonest first; companies without one last.
    Expiry,
}

impl SortKey {
    /// Every sort key, in the order a menu offers them.
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::LastChange,
        SortKey::Overdue,
        SortKey::Need,
        SortKey::Expiry,
    ];

    /// A stable name for form values.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::LastChange => "last-change",
            SortKey::Overdue => "overdue",
            SortKey::Need => "need",
            SortKey::Expiry => "expiry",
        }
    }

    /// The sort key with this name.
    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|sort| sort.key() == key)
    }
}

/// Sorts companies with their overviews; ties fall back to the name, then the id, so the order is total and the
/// same on every screen.
pub fn sort(list: &mut [(&Company, CompanyOverview)], key: SortKey) {
    let by_name = |a: &(&Company, CompanyOverview), b: &(&Company, CompanyOverview)| {
        (sort_name(&a.0.name), &a.0.id).cmp(&(sort_name(&b.0.name), &b.0.id))
    };
    list.sort_by(|a, b| {
        let first = match key {
            SortKey::Name => Ordering::Equal,
            SortKey::LastChange => Reverse(a.1.last_change).cmp(&Reverse(b.1.last_change)),
            SortKey::Overdue => Reverse((a.1.overdue_measures, a.1.open_measures))
                .cmp(&Reverse((b.1.overdue_measures, b.1.open_measures))),
            SortKey::Need => {
                let need = |entry: &(&Company, CompanyOverview)| {
                    entry
                        .1
                        .highest_index()
                        .map_or(0, |index| u16::from(index) + 1)
                };
                Reverse(need(a)).cmp(&Reverse(need(b)))
            }
            SortKey::Expiry => {
                let expiry = |entry: &(&Company, CompanyOverview)| {
                    entry
                        .1
                        .first_expiry()
                        .map_or((1, None), |date| (0, Some(date)))
                };
                expiry(a).cmp(&expiry(b))
            }
        };
        first.then_with(|| by_name(a, b))
    });
}

/// A name as a German list sorts it: case ignored, umlauts with their base letter („Ölmühle“ among the O).
fn sort_name(name: &str) -> String {
    normalized_name(name)
        .chars()
        .flat_map(|character| match character {
            'ä' => vec!['a', 'e'],
            'ö' => vec!['o', 'e'],
            'ü' => vec!['u', 'e'],
            'ß' => vec!['s', 's'],
            other => vec![other],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Measure;
    use crate::testing::{catalog, run};

    #[test]
    fn the_latest_run_of_each_check_gives_progress_index_and_measures() {
        let catalog = catalog();
        let company = Company::new("x", "Müller", Timestamp(1));
        let mut older = run();
        older.id = "alt".into();
        older.company_id = "x".into();
        older.created_at = Timestamp(10);
        older.set_choice("nutzen", Some("hoch".into()), Timestamp(11));
        older.upsert_measure(
            Measure::new("m0", "alt", vec![], Timestamp(11)),
            Timestamp(11),
        );
        let mut latest = older.follow_up("neu", "Neubewertung", Timestamp(20));
        latest.set_choice("nutzen", Some("mittel".into()), Timestamp(21));
        latest.set_choice("ziele", Some("niedrig".into()), Timestamp(22));
        let mut overdue = Measure::new("m1", "Frist", vec![], Timestamp(21));
        overdue.due = Some("2026-01-31".into());
        latest.upsert_measure(overdue, Timestamp(23));
        let mut done = Measure::new("m2", "fertig", vec![], Timestamp(21));
        done.status = MeasureStatus::Done;
        done.due = Some("2026-01-31".into());
        latest.upsert_measure(done, Timestamp(24));
        let mut someone_else = run();
        someone_else.id = "fremd".into();
        someone_else.company_id = "y".into();
        let today = Date::new(2026, 3, 1).expect("a date");
        let overview = overview(&[&catalog], &company, &[older, latest, someone_else], today);
        assert_eq!(overview.run_count, 2);
        assert_eq!(overview.checks.len(), 1);
        let check = &overview.checks[0];
        assert_eq!(check.latest_run_id, "neu");
        assert_eq!((check.rated, check.item_count), (2, 5));
        assert_eq!(check.index, NeedIndex::Value(25));
        // m0 carried over and still open, m1 open and overdue, m2 done.
        assert_eq!((check.open_measures, check.overdue_measures), (2, 1));
        assert_eq!((overview.open_measures, overview.overdue_measures), (2, 1));
        assert_eq!(overview.last_change, Timestamp(24));
        assert!(!check.ready_for_declaration());
        assert_eq!(
            check.declarations,
            [DeclarationStatus {
                declaration_id: "om-zeichen-test".into(),
                ready: false,
                renewal: None,
            }]
        );
        assert_eq!(overview.first_expiry(), None);
    }

    #[test]
    fn the_declaration_signed_last_in_any_run_of_the_check_gives_the_expiry() {
        let catalog = catalog();
        let company = Company::new("x", "Müller", Timestamp(1));
        let mut first = run();
        first.id = "2024".into();
        first.company_id = "x".into();
        first.created_at = Timestamp(10);
        first.set_declaration_date("om-zeichen-test", "2024-03-01".into(), Timestamp(11));
        first.sign_declaration("om-zeichen-test", "a".repeat(64), Timestamp(12));
        let mut second = first.follow_up("2025", "Neubewertung", Timestamp(20));
        second.set_declaration_date("om-zeichen-test", "2025-09-15".into(), Timestamp(21));
        second.sign_declaration("om-zeichen-test", "b".repeat(64), Timestamp(22));
        // The latest run is a draft: nothing signed in it yet.
        let third = second.follow_up("2026", "Neubewertung", Timestamp(30));
        let date = |y, m, d| Date::new(y, m, d).expect("a date");
        // 24 months' validity, renewal due 3 months before the end.
        let seen_on = |today| {
            overview(
                &[&catalog],
                &company,
                &[first.clone(), second.clone(), third.clone()],
                today,
            )
        };
        let status = |today| seen_on(today).checks[0].declarations[0].clone();
        let renewal = status(date(2027, 1, 10)).renewal.expect("signed");
        assert_eq!(renewal.signed_on, date(2025, 9, 15));
        assert_eq!(renewal.valid_until, date(2027, 9, 15));
        assert_eq!(renewal.state, crate::declaration::RenewalState::Valid);
        assert_eq!(
            status(date(2027, 7, 1))
                .renewal
                .map(|renewal| renewal.state),
            Some(crate::declaration::RenewalState::DueSoon)
        );
        assert_eq!(
            status(date(2027, 9, 16))
                .renewal
                .map(|renewal| renewal.state),
            Some(crate::declaration::RenewalState::Expired)
        );
        assert_eq!(
            seen_on(date(2027, 1, 10)).first_expiry(),
            Some(date(2027, 9, 15))
        );
    }

    #[test]
    fn search_finds_every_word_in_any_field() {
        let mut company = Company::new("x", "Müller & Söhne GmbH", Timestamp(1));
        company.set(CompanyField::Site, "Werk Köln".into(), Timestamp(2));
        company.set(CompanyField::Sector, "Metallbau".into(), Timestamp(2));
        assert!(matches(&company, ""));
        assert!(matches(&company, "müller köln"));
        assert!(matches(&company, "  METALL "));
        assert!(!matches(&company, "müller bonn"));
    }

    #[test]
    fn sorting_is_total_and_puts_the_most_urgent_first() {
        let companies = [
            Company::new("a", "Bäckerei Schmidt", Timestamp(1)),
            Company::new("b", "autohaus Kraus", Timestamp(1)),
            Company::new("c", "Öko Christ KG", Timestamp(1)),
        ];
        let overview =
            |index: usize, overdue: usize, open: usize, changed: i64, need: Option<u8>| {
                CompanyOverview {
                    company_id: companies[index].id.clone(),
                    checks: need
                        .map(|value| CheckOverview {
                            catalog_id: "c".into(),
                            run_count: 1,
                            latest_run_id: "r".into(),
                            latest_created_at: Timestamp(1),
                            rated: 1,
                            item_count: 1,
                            index: NeedIndex::Value(value),
                            open_measures: open,
                            overdue_measures: overdue,
                            declarations: Vec::new(),
                        })
                        .into_iter()
                        .collect(),
                    run_count: 1,
                    open_measures: open,
                    overdue_measures: overdue,
                    last_change: Timestamp(changed),
                }
            };
        let mut list = vec![
            (&companies[0], overview(0, 0, 3, 5, Some(10))),
            (&companies[1], overview(1, 2, 2, 9, None)),
            (&companies[2], overview(2, 2, 4, 1, Some(0))),
        ];
        let order = |list: &[(&Company, CompanyOverview)]| {
            list.iter().map(|(c, _)| c.id.clone()).collect::<Vec<_>>()
        };
        sort(&mut list, SortKey::Name);
        assert_eq!(order(&list), ["b", "a", "c"], "Ö among the O, not after Z");
        sort(&mut list, SortKey::LastChange);
        assert_eq!(order(&list), ["b", "a", "c"]);
        sort(&mut list, SortKey::Overdue);
        assert_eq!(order(&list), ["c", "b", "a"]);
        sort(&mut list, SortKey::Need);
        assert_eq!(order(&list), ["a", "c", "b"]);

        let signed = |valid_until: Date| DeclarationStatus {
            declaration_id: "d".into(),
            ready: true,
            renewal: Some(Renewal {
                signed_on: valid_until.add_months(-24),
                valid_until,
                renew_from: valid_until.add_months(-3),
                state: crate::declaration::RenewalState::Valid,
            }),
        };
        for (company, year) in [("a", 2027), ("c", 2026)] {
            let entry = list
                .iter_mut()
                .find(|(c, _)| c.id == company)
                .expect("listed");
            entry.1.checks[0].declarations = vec![signed(Date::new(year, 6, 30).expect("a date"))];
        }
        sort(&mut list, SortKey::Expiry);
        assert_eq!(
            order(&list),
            ["c", "a", "b"],
            "the soonest end first, none last"
        );
    }
}
