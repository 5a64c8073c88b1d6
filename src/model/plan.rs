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

crate::record! {
/// One screening criterion: a 1–5 score and an optional note.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rated {
    pub score: Option<u8>,
    pub note: String,
}
}

crate::record! {
/// Step 1: why this account, and what it is worth.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Portfolio {
    // Customer attractiveness.
    pub profit: Rated,
    pub growth: Rated,
    pub reference_value: Rated,
    pub strategic_value: Rated,
    // Our ability to win.
    pub product_advantage: Rated,
    pub service_advantage: Rated,
    pub location_advantage: Rated,
    pub competitor_focus: Rated,
    pub last_year_sales: Option<f64>,
    pub last_year_profit: Option<f64>,
    /// Our share of the customer's spend in our categories, in percent.
    pub share_of_spend: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Step 2: the customer file and the performance file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    pub size: String,
    pub main_business: String,
    pub address: String,
    pub website: String,
    pub strategy: String,
    pub culture: String,
    pub industry_situation: String,
    pub pain_points: String,
    pub regulatory_pressures: String,
    pub financial_trend: String,
    pub kpis: String,
    pub needs_application: String,
    pub needs_relationship: String,
    pub needs_personal: String,
    pub technology: String,
    pub sales: Vec<ProductSales>,
    pub gross_margin_pct: Option<f64>,
    pub cost_promotion: Option<f64>,
    pub cost_sales_staff: Option<f64>,
    pub cost_logistics: Option<f64>,
    pub cost_other: Option<f64>,
    pub wallet: Vec<WalletShare>,
    pub on_time_pct: Option<f64>,
    pub stock_outs: Option<f64>,
    pub invoice_accuracy_pct: Option<f64>,
    pub penetration: Penetration,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Sales of one product: last year, this year, next year (target).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductSales {
    pub id: RowId,
    pub product: String,
    pub year_before: Option<f64>,
    pub last_year: Option<f64>,
    pub this_year: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Share of the customer's spend held by one supplier (us or a named competitor).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WalletShare {
    pub id: RowId,
    pub supplier: String,
    pub share_pct: Option<f64>,
    pub note: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Uptake {
    #[default]
    Unknown,
    Buys,
    CouldBuy,
    NotRelevant,
}

/// Which of our products each customer unit buys (whitespace analysis).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Penetration {
    pub products: Vec<String>,
    pub units: Vec<String>,
    /// `cells[unit][product]`.
    pub cells: Vec<Vec<Uptake>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyingRole {
    DecisionMaker,
    EconomicBuyer,
    TechnicalBuyer,
    User,
    Influencer,
    Gatekeeper,
    Coach,
    #[default]
    Unknown,
}

impl BuyingRole {
    pub const ALL: [BuyingRole; 8] = [
        Self::DecisionMaker,
        Self::EconomicBuyer,
        Self::TechnicalBuyer,
        Self::User,
        Self::Influencer,
        Self::Gatekeeper,
        Self::Coach,
        Self::Unknown,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attitude {
    Enemy,
    Opponent,
    #[default]
    Neutral,
    Supporter,
    Mentor,
}

impl Attitude {
    pub const ALL: [Attitude; 5] = [
        Self::Enemy,
        Self::Opponent,
        Self::Neutral,
        Self::Supporter,
        Self::Mentor,
    ];
}

crate::record! {
/// A person at the customer, and our relationship with them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub id: RowId,
    pub name: String,
    pub title: String,
    pub department: String,
    pub reports_to: Option<RowId>,
    pub role: BuyingRole,
    pub influence: Option<u8>,
    pub attitude: Attitude,
    pub strength_now: Option<u8>,
    pub strength_target: Option<u8>,
    pub owner: String,
    pub contact_details: String,
    pub background: String,
    pub interests: String,
    pub last_contact: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}
}

crate::record! {
/// Step 3: the relationship X-ray.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Relationships {
    pub contacts: Vec<Contact>,
    pub decision_process: String,
    pub stated_criteria: String,
    pub unstated_criteria: String,
    pub who_wants_us_to_win: String,
    pub senior_meetings: String,
    #[serde(flatten)]
    pub extra: Extra,
}
}

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
mod tests;
