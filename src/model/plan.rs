//! The account plan: plain serde types for the header and the seven steps (DOMAIN.md).
//!
//! Every struct keeps fields it does not know in `extra`, so a plan written by a newer
//! minor version of KeyPlan loses nothing when this version loads and saves it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Fields this version does not know, kept verbatim.
pub type Extra = Map<String, Value>;

/// A row identifier, unique within its table.
pub type RowId = u32;

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub id: String,
    /// Incremented by every save; a tab that saves with a stale revision has a conflict.
    pub revision: u64,
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    /// A fictional plan added by "Try an example".
    pub example: bool,
    pub archived: bool,
    pub header: Header,
    pub portfolio: Portfolio,
    pub customer: Customer,
    pub relationships: Relationships,
    pub blueprint: Blueprint,
    pub action: ActionPlan,
    pub resources: Resources,
    pub communication: Communication,
    #[serde(flatten)]
    pub extra: Extra,
}
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AccountLevel {
    #[default]
    Territory,
    Regional,
    National,
    Global,
}

impl AccountLevel {
    pub const ALL: [AccountLevel; 4] = [
        Self::Territory,
        Self::Regional,
        Self::National,
        Self::Global,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewFrequency {
    Monthly,
    #[default]
    Quarterly,
    HalfYearly,
    Yearly,
}

impl ReviewFrequency {
    pub const ALL: [ReviewFrequency; 4] = [
        Self::Monthly,
        Self::Quarterly,
        Self::HalfYearly,
        Self::Yearly,
    ];
    pub fn months(self) -> u32 {
        match self {
            Self::Monthly => 1,
            Self::Quarterly => 3,
            Self::HalfYearly => 6,
            Self::Yearly => 12,
        }
    }
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Header {
    pub account_name: String,
    pub level: AccountLevel,
    pub industry: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub prepared_by: String,
    // The account team is kept once, in `resources.team` (step 6), and shown in step 1 too.
    pub review_frequency: ReviewFrequency,
    /// The account's id in the rep's CRM, kept from an import so the next import finds the plan.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub account_id: String,
    /// The next review as scheduled in the CRM: it stands until a review on or after it is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_review: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

mod analysis;
mod direction;

pub use analysis::*;
pub use direction::*;

impl Plan {
    pub fn new(id: impl Into<String>, account_name: impl Into<String>, now: DateTime<Utc>) -> Self {
        Plan {
            id: id.into(),
            created_at: Some(now),
            updated_at: Some(now),
            header: Header {
                account_name: account_name.into(),
                ..Header::default()
            },
            ..Plan::default()
        }
    }

    /// The account name as typed, trimmed; none when it is blank (the interface then shows a
    /// placeholder: `crate::i18n::describe::plan_name`).
    pub fn name(&self) -> Option<&str> {
        Some(self.header.account_name.trim()).filter(|n| !n.is_empty())
    }
}

/// The name for a second plan of the same account (a template copy, an import kept beside
/// the plan it matches): "Acme (2)", then "Acme (3)". Numbers, not words, so the stored plan
/// holds nothing written in the interface's language; a blank name stays blank.
pub fn another_name(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return String::new();
    }
    let numbered = name
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once(" ("))
        .and_then(|(base, n)| Some((base, n.parse::<u32>().ok().filter(|n| *n >= 2)?)));
    match numbered {
        Some((base, n)) => format!("{base} ({})", n + 1),
        None => format!("{name} (2)"),
    }
}

/// The next free id in a table: one more than the largest.
pub fn next_row_id<T>(rows: &[T], id: impl Fn(&T) -> RowId) -> RowId {
    rows.iter().map(id).max().map_or(1, |m| m + 1)
}

impl Plan {
    /// A copy to use as the template for a similar account: same content, new id and name,
    /// with dates, progress and reviews cleared so nothing looks done or due that is not.
    pub fn as_template(&self, id: impl Into<String>, now: DateTime<Utc>) -> Plan {
        let mut p = self.clone();
        p.id = id.into();
        p.revision = 0;
        p.created_at = Some(now);
        p.updated_at = Some(now);
        p.example = false;
        p.archived = false;
        p.header.account_name = another_name(&self.header.account_name);
        p.header.period_start = None;
        p.header.period_end = None;
        for o in &mut p.blueprint.objectives {
            o.due = None;
        }
        for a in &mut p.action.actions {
            a.start = None;
            a.due = None;
            a.status = ActionStatus::Planned;
            a.result.clear();
        }
        for c in &mut p.relationships.contacts {
            c.last_contact = None;
        }
        p.action.visits.clear();
        p.communication.reviews.clear();
        p
    }
}

#[cfg(test)]
pub mod rows;
#[cfg(test)]
mod tests;
