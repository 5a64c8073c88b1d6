//! Steps 4 to 7: where we want to go and how (objectives, strategies, competition), the action
//! plan, the resources and team it takes, and communication and reviews.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Extra, RowId};

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    pub id: RowId,
    pub title: String,
    pub measure: String,
    pub last_year: Option<f64>,
    pub target: Option<f64>,
    pub due: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Strategy {
    pub id: RowId,
    pub title: String,
    pub reason: String,
    pub objectives: Vec<RowId>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Competitor {
    pub id: RowId,
    pub name: String,
    pub position: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForceKind {
    #[default]
    Driving,
    Restraining,
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Force {
    pub id: RowId,
    pub kind: ForceKind,
    pub text: String,
    pub weight: Option<u8>,
    /// The action that answers a restraining force.
    pub action: Option<RowId>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Step 4: where we want to go and how.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Blueprint {
    pub opportunities: String,
    pub threats: String,
    pub strengths: String,
    pub weaknesses: String,
    pub objectives: Vec<Objective>,
    pub strategies: Vec<Strategy>,
    pub unique_value: String,
    pub value_measure: String,
    pub competitors: Vec<Competitor>,
    /// Opportunity assessment answers, 1–5 per question key (see `model::assessment`).
    pub assessment: std::collections::BTreeMap<String, u8>,
    pub forces: Vec<Force>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub id: RowId,
    pub what: String,
    pub objective: Option<RowId>,
    pub owner: String,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub goal: String,
    pub result: String,
    pub next_step: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    pub id: RowId,
    pub date: Option<NaiveDate>,
    pub contact: Option<RowId>,
    pub discussed: String,
    pub result: String,
    pub next_action: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Step 5: the action plan and the visit log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    pub actions: Vec<Action>,
    pub visits: Vec<Visit>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resource {
    pub id: RowId,
    pub who: String,
    pub days: Option<f64>,
    pub activity: String,
    pub cost: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamMember {
    pub id: RowId,
    pub name: String,
    pub function: String,
    pub role: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metric {
    pub id: RowId,
    pub perspective: String,
    pub name: String,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Step 6: resources, the account team and the scorecard.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resources {
    pub resources: Vec<Resource>,
    pub expected_revenue: Option<f64>,
    pub expected_profit: Option<f64>,
    pub team: Vec<TeamMember>,
    pub scorecard: Vec<Metric>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommItem {
    pub id: RowId,
    pub stakeholder: String,
    pub internal: bool,
    pub what: String,
    pub channel: String,
    pub frequency: String,
    pub owner: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

/// A review of the plan, with the plan as it stood then.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    pub id: RowId,
    pub date: Option<NaiveDate>,
    pub attendees: String,
    pub changes: String,
    /// The plan's steps at the time of the review (without reviews, to stay small).
    pub snapshot: Option<Value>,
    /// Not a review meeting: the plan as it stood before an import refreshed its figures.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub refresh: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

crate::record! {
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportItem {
    pub id: RowId,
    pub area: String,
    pub score: Option<u8>,
    pub problem: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Step 7: communication, review and the long view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Communication {
    pub plan: Vec<CommItem>,
    pub reviews: Vec<Review>,
    pub report_card: Vec<ReportItem>,
    pub issue_competition: String,
    pub issue_service: String,
    pub issue_growth: String,
    pub issue_internal: String,
    pub lose_order_not_customer: String,
    /// Private notes, left out of a file shared with a colleague when the rep asks.
    pub private_notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}
