//! Building blocks shared by the pages.

pub mod attribution;
pub mod chart;
pub mod create_measure;
pub mod declaration_record;
pub mod download;
pub mod embed_note;
pub mod evidence;
pub mod formatted;
pub mod header;
pub mod hosting;
pub mod missing;
pub mod module_list;
pub mod notice;
pub mod orphans;
pub mod progress;
pub mod qr_code;
pub mod rating;
pub mod runs;
pub mod save_status;
pub mod storage_banner;
pub mod summary;
pub mod team;
pub mod team_appendix;
