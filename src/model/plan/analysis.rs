//! Steps 1 to 3: portfolio screening, the customer and the relationships.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Extra, RowId};

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
