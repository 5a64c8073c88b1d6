//! The plan and everything computed from it: pure, serde-only, tested on the host.
pub mod access;
pub mod assessment;
pub mod badges;
pub mod checks;
pub mod choice;
pub mod comments;
pub mod completeness;
pub mod crm;
pub mod example;
pub mod figures;
pub mod layout;
pub mod merge;
pub mod migration;
pub mod msg;
pub mod plan;
pub mod portfolio;
pub mod privacy;
pub mod provenance;
pub mod relmap;
pub mod schema;
pub mod scoring;
pub mod snapshot;
pub mod summary;
pub mod text;

use serde::{Deserialize, Serialize};

/// Workspace settings, shared by all plans in this browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub scoring: scoring::ScoringSettings,
    /// The interface language chosen by the rep ("en" or "zh"); none until they choose, when
    /// the browser's language is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(flatten)]
    pub extra: plan::Extra,
}
