//! The plan and everything computed from it: pure, serde-only, tested on the host.
pub mod checks;
pub mod migration;
pub mod plan;
pub mod scoring;
pub mod summary;
