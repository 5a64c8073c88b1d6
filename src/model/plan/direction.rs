//! Steps 4 and 5: the blueprint (objectives, strategies, competition) and the action plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
