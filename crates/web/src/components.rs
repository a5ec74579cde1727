//! Building blocks shared by the pages.

pub mod chart;
pub mod company_form;
pub mod compare_chart;
pub mod comparison;
pub mod download;
pub mod formatted;
pub mod header;
pub mod history_chart;
pub mod hosting;
pub mod import;
pub mod missing;
pub mod module_list;
pub mod notice;
pub mod orphans;
pub mod progress;
pub mod rating;
pub mod runs;
pub mod save_status;
pub mod storage_banner;
pub mod summary;
