//! The short form of a plan that the portfolio lists, kept in the storage index.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checks::{checks_made, health_issues, health_score, next_review, overdue_actions};
use super::plan::{AccountLevel, ActionStatus, Plan};
use super::scoring::{screen, Grade, Quadrant, ScoringSettings};

/// How many open actions a summary keeps: enough for "due soon" and the overdue count.
pub const MAX_DUE: usize = 20;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DueAction {
    pub id: u32,
    pub what: String,
    pub due: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSummary {
    pub id: String,
    pub name: String,
    pub level: AccountLevel,
    pub revision: u64,
    pub updated_at: Option<DateTime<Utc>>,
    pub archived: bool,
    pub example: bool,
    pub grade: Option<Grade>,
    pub quadrant: Option<Quadrant>,
    pub attractiveness: Option<f64>,
    pub ability: Option<f64>,
    pub potential: Option<f64>,
    pub health: u8,
    pub next_review: Option<NaiveDate>,
    pub overdue_actions: usize,
    pub last_year_sales: Option<f64>,
    /// Approximate bytes the plan takes in storage.
    pub bytes: usize,
    /// Expected revenue and profit of the plan (step 6), for the roll-up by level.
    pub expected_revenue: Option<f64>,
    pub expected_profit: Option<f64>,
    /// Open actions with a due date, earliest first (at most `MAX_DUE`), for "due soon".
    pub due: Vec<DueAction>,
    /// Why the stored plan cannot be read, once found out; cleared when it reads again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub damaged: Option<String>,
}

impl PlanSummary {
    pub fn of(plan: &Plan, settings: &ScoringSettings, today: NaiveDate, bytes: usize) -> Self {
        let s = screen(&plan.portfolio, settings);
        PlanSummary {
            id: plan.id.clone(),
            name: plan.display_name().to_string(),
            level: plan.header.level,
            revision: plan.revision,
            updated_at: plan.updated_at,
            archived: plan.archived,
            example: plan.example,
            grade: s.grade,
            quadrant: s.quadrant,
            attractiveness: s.attractiveness,
            ability: s.ability,
            potential: s.potential,
            health: health_score(health_issues(plan, today).len(), checks_made(plan)),
            next_review: next_review(plan),
            overdue_actions: overdue_actions(plan, today),
            last_year_sales: plan.portfolio.last_year_sales,
            bytes,
            expected_revenue: plan.resources.expected_revenue,
            expected_profit: plan.resources.expected_profit,
            due: {
                let mut due: Vec<DueAction> = plan
                    .action
                    .actions
                    .iter()
                    .filter(|a| {
                        matches!(a.status, ActionStatus::Planned | ActionStatus::InProgress)
                            && a.due.is_some()
                    })
                    .map(|a| DueAction {
                        id: a.id,
                        what: a.what.clone(),
                        due: a.due,
                    })
                    .collect();
                due.sort_by_key(|d| d.due);
                due.truncate(MAX_DUE);
                due
            },
            damaged: None,
        }
    }
}
