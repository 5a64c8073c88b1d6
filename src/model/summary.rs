//! The short form of a plan that the portfolio lists, kept in the storage index.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checks::{next_review, overdue_actions, Health, HealthParts};
use super::plan::{AccountLevel, ActionStatus, Plan};
use super::scoring::{screen, Grade, Quadrant, ScoringSettings};

/// How many open actions a summary keeps: enough for "due soon" and the overdue count.
pub const MAX_DUE: usize = 20;

/// The version of what a summary holds and how its figures are defined. A summary written
/// by an older KeyPlan (a smaller number) is computed again from its plan at start-up.
pub const SUMMARY_VERSION: u32 = 1;

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
    /// The day-free part of the plan's health; `health` adds the day's part.
    pub health_parts: HealthParts,
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
    /// `SUMMARY_VERSION` when this summary was computed (0: by a KeyPlan before versions).
    pub summary_version: u32,
    /// The length (in UTF-16 units, as the browser counts it) of the plan's stored text when
    /// it was last written: a stored text of another length was changed behind KeyPlan's back
    /// (cut short by a failing disk, or written by something else) and is checked at start-up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored_len: Option<u32>,
    /// Written by a newer KeyPlan: shown read-only, listed as needing attention.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub newer: bool,
}

impl PlanSummary {
    pub fn of(plan: &Plan, settings: &ScoringSettings, today: NaiveDate, bytes: usize) -> Self {
        let s = screen(&plan.portfolio, settings);
        PlanSummary {
            id: plan.id.clone(),
            name: plan.name().unwrap_or_default().to_string(),
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
            health_parts: HealthParts::of(plan),
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
            summary_version: SUMMARY_VERSION,
            stored_len: None,
            newer: false,
        }
    }

    /// The plan's health on `today`: the same figure `checks::plan_health` gives from the plan.
    pub fn health(&self, today: NaiveDate) -> Health {
        self.health_parts.on(
            super::portfolio::overdue_count(self, today),
            super::portfolio::review_overdue(self, today),
        )
    }

    /// Whether this summary was computed by this KeyPlan's definitions.
    pub fn is_current(&self) -> bool {
        self.summary_version >= SUMMARY_VERSION
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checks::plan_health;
    use crate::model::plan::{Action, Review};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The portfolio's figure and the check page's figure are one: computed from the summary
    /// saved on one day, it matches the plan's own on every later day.
    #[test]
    fn summary_health_is_the_plans_health_on_any_day() {
        let mut p = Plan::new("h", "Health Co", "2026-01-01T00:00:00Z".parse().unwrap());
        p.header.period_start = Some(d("2026-01-10"));
        p.header.industry = "Steel".into();
        for (id, due, status) in [
            (1, "2026-02-01", ActionStatus::Planned),
            (2, "2026-05-01", ActionStatus::InProgress),
            (3, "2026-03-01", ActionStatus::Done),
        ] {
            p.action.actions.push(Action {
                id,
                owner: "Li".into(),
                due: Some(d(due)),
                status,
                ..Action::default()
            });
        }
        p.communication.reviews.push(Review {
            id: 1,
            date: Some(d("2026-02-15")),
            ..Review::default()
        });
        let saved_on = d("2026-01-15");
        let s = PlanSummary::of(&p, &ScoringSettings::default(), saved_on, 0);
        for day in [
            "2026-01-15",
            "2026-02-02",
            "2026-05-02",
            "2026-05-20",
            "2027-01-01",
        ] {
            let day = d(day);
            assert_eq!(s.health(day), plan_health(&p, day), "on {day}");
        }
        assert!(s.health(d("2026-05-20")).pct() < s.health(saved_on).pct());
    }

    #[test]
    fn an_old_summary_is_not_current() {
        let old: PlanSummary =
            serde_json::from_str(r#"{"id":"a","name":"A","health":71}"#).unwrap();
        assert!(!old.is_current());
        assert!(PlanSummary::of(
            &Plan::default(),
            &ScoringSettings::default(),
            d("2026-01-01"),
            0
        )
        .is_current());
    }
}
