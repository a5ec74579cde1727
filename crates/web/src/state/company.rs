//! The company as a self-declaration names it (name, address, size, sector): the one place the front end reads and
//! writes it.
//!
//! Today each run keeps its company's details; when companies get a model of their own, only this file changes.

use checkwerk_core::declaration::{CompanyField, RecordCompany};
use checkwerk_core::run::CompanyDetails;
use checkwerk_core::{Catalog, Run};

use crate::state::runs::Runs;

/// The company a run names, as a declaration shows it.
pub fn record_company(run: &Run) -> RecordCompany {
    RecordCompany::of(run)
}

/// Sets one field of the company in the active runs of these checks (all parts of one declaration keep the same
/// company), saving each at once.
pub fn set_company_field(
    runs: Runs,
    catalogs: &[&'static Catalog],
    field: CompanyField,
    value: String,
) {
    for catalog in catalogs {
        let value = value.clone();
        runs.edit_active(catalog, |run, now| {
            if field == CompanyField::Name {
                run.set_company(value, now);
                return;
            }
            let mut details: CompanyDetails = run.company_details.clone();
            match field {
                CompanyField::Address => details.address = value,
                CompanyField::Size => details.size = value,
                CompanyField::Sector => details.sector = value,
                CompanyField::Name => {}
            }
            run.set_company_details(details, now);
        });
    }
}
