//! One page per file.

pub mod check_layout;
pub mod compare;
pub mod contribute;
pub mod history;
pub mod home;
pub mod joint_declaration;
pub mod kompass;
pub mod lazy;
pub mod measures;
pub mod module;
pub mod not_found;
pub mod readiness;
pub mod record;
pub mod report;
pub mod results;
pub mod starthilfe;
pub mod strengths;
pub mod team;
pub mod team_invitation;
pub mod team_workshop;
pub mod workspace;
