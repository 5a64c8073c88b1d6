//! Quality checks against the "form-filling game": relationship warnings, overdue work, plan health.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::completeness::step_items;

use super::plan::{ActionStatus, Attitude, BuyingRole, Contact, ForceKind, Plan, RowId};

/// Days after which a contact counts as not touched.
pub const STALE_CONTACT_DAYS: i64 = 90;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RelationshipWarning {
    NoCoach,
    DecisionMakerWithoutOwner(RowId),
    InfluentialOpponent(RowId),
    NotTouched(RowId),
    RoleUnfilled(BuyingRole),
}

/// The roles every buying centre has; each must be filled by at least one contact.
pub const ESSENTIAL_ROLES: [BuyingRole; 4] = [
    BuyingRole::DecisionMaker,
    BuyingRole::EconomicBuyer,
    BuyingRole::TechnicalBuyer,
    BuyingRole::User,
];

pub fn relationship_warnings(contacts: &[Contact], today: NaiveDate) -> Vec<RelationshipWarning> {
    use RelationshipWarning::*;
    let mut out = Vec::new();
    if contacts.is_empty() {
        return out;
    }
    if !contacts.iter().any(|c| c.role == BuyingRole::Coach) {
        out.push(NoCoach);
    }
    for role in ESSENTIAL_ROLES {
        if !contacts.iter().any(|c| c.role == role) {
            out.push(RoleUnfilled(role));
        }
    }
    for c in contacts {
        if matches!(
            c.role,
            BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer
        ) && c.owner.trim().is_empty()
        {
            out.push(DecisionMakerWithoutOwner(c.id));
        }
        if c.attitude <= Attitude::Opponent && c.influence.unwrap_or(0) >= 4 {
            out.push(InfluentialOpponent(c.id));
        }
        match c.last_contact {
            Some(d) if (today - d).num_days() > STALE_CONTACT_DAYS => out.push(NotTouched(c.id)),
            None => out.push(NotTouched(c.id)),
            _ => {}
        }
    }
    out
}

/// A logged visit moves that contact's "last contact" forward to the visit's date.
pub fn sync_last_contact(plan: &mut Plan) {
    let visits: Vec<(RowId, NaiveDate)> = plan
        .action
        .visits
        .iter()
        .filter_map(|v| Some((v.contact?, v.date?)))
        .collect();
    for c in &mut plan.relationships.contacts {
        for (id, date) in &visits {
            if *id == c.id && c.last_contact.is_none_or(|d| d < *date) {
                c.last_contact = Some(*date);
            }
        }
    }
}

pub fn is_action_overdue(status: ActionStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    matches!(status, ActionStatus::Planned | ActionStatus::InProgress)
        && due.is_some_and(|d| d < today)
}

pub fn overdue_actions(plan: &Plan, today: NaiveDate) -> usize {
    plan.action
        .actions
        .iter()
        .filter(|a| is_action_overdue(a.status, a.due, today))
        .count()
}

/// The last review date, or the plan's start, plus the review interval; a review scheduled
/// in the CRM (imported) comes first until a review is held on or after it. The snapshots an
/// import takes before refreshing figures are not reviews.
pub fn next_review(plan: &Plan) -> Option<NaiveDate> {
    let last = plan
        .communication
        .reviews
        .iter()
        .filter(|r| !r.refresh)
        .filter_map(|r| r.date)
        .max();
    if let Some(scheduled) = plan.header.next_review {
        if last.is_none_or(|l| l < scheduled) {
            return Some(scheduled);
        }
    }
    let from = last
        .or(plan.header.period_start)
        .or_else(|| plan.created_at.map(|t| t.date_naive()))?;
    from.checked_add_months(Months::new(plan.header.review_frequency.months()))
}

pub fn review_overdue(plan: &Plan, today: NaiveDate) -> bool {
    next_review(plan).is_some_and(|d| d < today)
}

/// Where a health problem is fixed: a step (1–7) and the field's anchor id on that step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixAt {
    pub step: u8,
    pub anchor: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HealthIssue {
    ObjectiveWithoutMeasure(RowId),
    ObjectiveWithoutDate(RowId),
    ActionWithoutOwner(RowId),
    ActionWithoutDue(RowId),
    ActionOverdue(RowId),
    NoCoach,
    NoObjectives,
    NoActions,
    ReviewOverdue(NaiveDate),
    StrategyWithoutObjective(RowId),
    RestrainingForceWithoutAction(RowId),
    NotScreened,
}

impl HealthIssue {
    pub fn fix_at(&self) -> FixAt {
        use HealthIssue::*;
        let (step, anchor) = match self {
            ObjectiveWithoutMeasure(id) | ObjectiveWithoutDate(id) => {
                (4, format!("objectives-{id}"))
            }
            StrategyWithoutObjective(id) => (4, format!("strategies-{id}")),
            RestrainingForceWithoutAction(id) => (4, format!("forces-{id}")),
            NoObjectives => (4, "objectives".into()),
            ActionWithoutOwner(id) | ActionWithoutDue(id) | ActionOverdue(id) => {
                (5, format!("actions-{id}"))
            }
            NoActions => (5, "actions".into()),
            NoCoach => (3, "contacts".into()),
            ReviewOverdue(_) => (7, "reviews".into()),
            NotScreened => (1, "screening".into()),
        };
        FixAt { step, anchor }
    }
}

pub fn health_issues(plan: &Plan, today: NaiveDate) -> Vec<HealthIssue> {
    use HealthIssue::*;
    let mut out = Vec::new();
    let bp = &plan.blueprint;
    if plan.portfolio.profit.score.is_none() && plan.portfolio.product_advantage.score.is_none() {
        out.push(NotScreened);
    }
    if !plan
        .relationships
        .contacts
        .iter()
        .any(|c| c.role == BuyingRole::Coach)
    {
        out.push(NoCoach);
    }
    if bp.objectives.is_empty() {
        out.push(NoObjectives);
    }
    for o in &bp.objectives {
        if o.measure.trim().is_empty() || o.target.is_none() {
            out.push(ObjectiveWithoutMeasure(o.id));
        }
        if o.due.is_none() {
            out.push(ObjectiveWithoutDate(o.id));
        }
    }
    for s in &bp.strategies {
        if !s
            .objectives
            .iter()
            .any(|id| bp.objectives.iter().any(|o| o.id == *id))
        {
            out.push(StrategyWithoutObjective(s.id));
        }
    }
    for f in bp
        .forces
        .iter()
        .filter(|f| f.kind == ForceKind::Restraining)
    {
        if !f
            .action
            .is_some_and(|id| plan.action.actions.iter().any(|a| a.id == id))
        {
            out.push(RestrainingForceWithoutAction(f.id));
        }
    }
    if plan.action.actions.is_empty() {
        out.push(NoActions);
    }
    for a in &plan.action.actions {
        if a.owner.trim().is_empty() {
            out.push(ActionWithoutOwner(a.id));
        }
        if a.due.is_none() {
            out.push(ActionWithoutDue(a.id));
        } else if is_action_overdue(a.status, a.due, today) {
            out.push(ActionOverdue(a.id));
        }
    }
    if let Some(d) = next_review(plan).filter(|d| *d < today) {
        out.push(ReviewOverdue(d));
    }
    out
}

/// Health as a 0–100 figure: the share of checks passed, counting each issue once.
/// A plan with nothing in it is not healthy: the empty-list issues count against it.
pub fn health_score(issues: usize, checked: usize) -> u8 {
    if checked == 0 {
        return 0;
    }
    let passed = checked.saturating_sub(issues);
    ((passed * 100) / checked) as u8
}

/// How many checks `health_issues` made, for `health_score`.
pub fn checks_made(plan: &Plan) -> usize {
    let bp = &plan.blueprint;
    5 + bp.objectives.len() * 2
        + bp.strategies.len()
        + bp.forces
            .iter()
            .filter(|f| f.kind == ForceKind::Restraining)
            .count()
        + plan.action.actions.len() * 2
}

/// A plan's health, the one figure shown for it everywhere (the portfolio, the check page):
/// the share of its checks it passes. The checks are every key item of the seven steps
/// (filled or not, as the check page lists them) and every quality check of `health_issues`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Health {
    pub passed: u32,
    pub checks: u32,
}

impl Health {
    pub fn pct(self) -> u8 {
        health_score(
            (self.checks.saturating_sub(self.passed)) as usize,
            self.checks as usize,
        )
    }
}

/// The part of a plan's health that does not depend on the day, kept in the portfolio's
/// summary; the day's part (overdue actions, an overdue review) is added where it is shown,
/// so the figure is current on any day without saving the plan again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthParts {
    pub checks: u32,
    /// Checks passed when nothing is overdue.
    pub passed: u32,
}

impl HealthParts {
    pub fn of(plan: &Plan) -> Self {
        let items = step_items(plan);
        let filled: usize = items.iter().map(|f| f.filled).sum();
        let total: usize = items.iter().map(|f| f.items).sum();
        // On the first day there is, nothing is overdue: only the day-free issues are left.
        let issues = health_issues(plan, NaiveDate::MIN).len();
        let made = checks_made(plan);
        HealthParts {
            checks: (total + made) as u32,
            passed: (filled + made.saturating_sub(issues)) as u32,
        }
    }

    /// The health on a day with `overdue_actions` open actions past due and the review overdue or not.
    pub fn on(self, overdue_actions: usize, review_overdue: bool) -> Health {
        let late = overdue_actions as u32 + u32::from(review_overdue);
        Health {
            passed: self.passed.saturating_sub(late),
            checks: self.checks,
        }
    }
}

/// The plan's health today, from the plan itself.
pub fn plan_health(plan: &Plan, today: NaiveDate) -> Health {
    HealthParts::of(plan).on(overdue_actions(plan, today), review_overdue(plan, today))
}

#[cfg(test)]
mod tests;
