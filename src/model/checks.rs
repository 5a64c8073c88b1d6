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
mod tests {
    use super::*;
    use crate::model::plan::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn contact(id: RowId, role: BuyingRole) -> Contact {
        Contact {
            id,
            role,
            owner: "Ann".into(),
            last_contact: Some(d("2026-11-01")),
            ..Contact::default()
        }
    }

    #[test]
    fn warnings_flag_each_relationship_risk() {
        let today = d("2026-11-22");
        let mut cs = vec![
            contact(1, BuyingRole::DecisionMaker),
            contact(2, BuyingRole::User),
        ];
        cs[0].owner.clear();
        cs[1].attitude = Attitude::Opponent;
        cs[1].influence = Some(4);
        cs[1].last_contact = Some(d("2026-08-23")); // 91 days
        let w = relationship_warnings(&cs, today);
        assert!(w.contains(&RelationshipWarning::NoCoach));
        assert!(w.contains(&RelationshipWarning::DecisionMakerWithoutOwner(1)));
        assert!(w.contains(&RelationshipWarning::InfluentialOpponent(2)));
        assert!(w.contains(&RelationshipWarning::NotTouched(2)));
        assert!(!w.contains(&RelationshipWarning::NotTouched(1)));
        assert!(w.contains(&RelationshipWarning::RoleUnfilled(
            BuyingRole::TechnicalBuyer
        )));
        assert!(!w.contains(&RelationshipWarning::RoleUnfilled(BuyingRole::User)));
    }

    #[test]
    fn ninety_days_exactly_is_not_stale_and_a_neutral_is_not_an_opponent() {
        let mut c = contact(1, BuyingRole::Coach);
        c.last_contact = Some(d("2026-08-24"));
        c.influence = Some(5);
        let w = relationship_warnings(&[c], d("2026-11-22"));
        assert!(!w.contains(&RelationshipWarning::NotTouched(1)));
        assert!(!w.contains(&RelationshipWarning::InfluentialOpponent(1)));
        assert!(!w.contains(&RelationshipWarning::NoCoach));
    }

    #[test]
    fn next_review_follows_last_review_and_frequency() {
        let mut p = Plan::default();
        p.header.period_start = Some(d("2026-01-15"));
        assert_eq!(next_review(&p), Some(d("2026-04-15")));
        p.communication.reviews.push(Review {
            id: 1,
            date: Some(d("2026-06-30")),
            ..Review::default()
        });
        p.header.review_frequency = ReviewFrequency::Monthly;
        assert_eq!(next_review(&p), Some(d("2026-07-30")));
        assert!(review_overdue(&p, d("2026-07-31")));
        assert!(!review_overdue(&p, d("2026-07-30")));
    }

    #[test]
    fn overdue_counts_only_open_actions_past_due() {
        let mut p = Plan::default();
        let a = |id, status, due: &str| Action {
            id,
            status,
            due: Some(d(due)),
            ..Action::default()
        };
        p.action.actions = vec![
            a(1, ActionStatus::Planned, "2026-11-21"),
            a(2, ActionStatus::Done, "2026-11-01"),
            a(3, ActionStatus::InProgress, "2026-11-22"),
        ];
        assert_eq!(overdue_actions(&p, d("2026-11-22")), 1);
    }

    #[test]
    fn health_finds_each_quality_gap_and_where_to_fix_it() {
        let today = d("2026-11-22");
        let mut p = Plan::default();
        p.blueprint.objectives.push(Objective {
            id: 1,
            title: "Grow".into(),
            ..Objective::default()
        });
        p.blueprint.strategies.push(Strategy {
            id: 1,
            objectives: vec![9],
            ..Strategy::default()
        });
        p.blueprint.forces.push(Force {
            id: 1,
            kind: ForceKind::Restraining,
            ..Force::default()
        });
        p.action.actions.push(Action {
            id: 7,
            ..Action::default()
        });
        let h = health_issues(&p, today);
        for issue in [
            HealthIssue::ObjectiveWithoutMeasure(1),
            HealthIssue::ObjectiveWithoutDate(1),
            HealthIssue::StrategyWithoutObjective(1),
            HealthIssue::RestrainingForceWithoutAction(1),
            HealthIssue::ActionWithoutOwner(7),
            HealthIssue::ActionWithoutDue(7),
            HealthIssue::NoCoach,
            HealthIssue::NotScreened,
        ] {
            assert!(h.contains(&issue), "missing {issue:?}");
        }
        assert_eq!(
            HealthIssue::ActionWithoutOwner(7).fix_at(),
            FixAt {
                step: 5,
                anchor: "actions-7".into()
            }
        );
        // Fixing them clears them.
        p.blueprint.objectives[0].measure = "Revenue".into();
        p.blueprint.objectives[0].target = Some(1.0);
        p.blueprint.objectives[0].due = Some(d("2026-12-31"));
        p.blueprint.strategies[0].objectives = vec![1];
        p.blueprint.forces[0].action = Some(7);
        p.action.actions[0].owner = "Li".into();
        p.action.actions[0].due = Some(d("2026-12-01"));
        let h = health_issues(&p, today);
        assert!(!h.iter().any(|i| matches!(
            i,
            HealthIssue::ObjectiveWithoutMeasure(_)
                | HealthIssue::StrategyWithoutObjective(_)
                | HealthIssue::RestrainingForceWithoutAction(_)
                | HealthIssue::ActionWithoutOwner(_)
        )));
    }

    #[test]
    fn a_visit_moves_last_contact_forward_never_back() {
        let mut p = Plan::default();
        p.relationships.contacts = vec![contact(1, BuyingRole::User), contact(2, BuyingRole::User)];
        p.action.visits = vec![
            Visit {
                id: 1,
                contact: Some(1),
                date: Some(d("2026-11-20")),
                ..Visit::default()
            },
            Visit {
                id: 2,
                contact: Some(2),
                date: Some(d("2026-01-01")),
                ..Visit::default()
            },
        ];
        sync_last_contact(&mut p);
        assert_eq!(
            p.relationships.contacts[0].last_contact,
            Some(d("2026-11-20"))
        );
        assert_eq!(
            p.relationships.contacts[1].last_contact,
            Some(d("2026-11-01"))
        );
    }

    #[test]
    fn health_score_is_share_of_checks_passed() {
        assert_eq!(health_score(0, 10), 100);
        assert_eq!(health_score(5, 10), 50);
        assert_eq!(health_score(12, 10), 0);
        assert_eq!(health_score(0, 0), 0);
    }

    #[test]
    fn an_empty_plan_is_not_healthy_and_health_follows_the_day() {
        let today = d("2026-11-22");
        let p = Plan::default();
        let h = plan_health(&p, today);
        // 36 key items, none filled; 5 quality checks, only "review not overdue" passed.
        assert_eq!((h.passed, h.checks), (1, 41));
        assert_eq!(h.pct(), 2);
        let mut p = Plan::new("x", "Acme", chrono::Utc::now());
        p.header.period_start = Some(d("2026-01-01"));
        p.action.actions.push(Action {
            id: 1,
            owner: "Li".into(),
            due: Some(d("2026-06-01")),
            ..Action::default()
        });
        let before = plan_health(&p, d("2026-03-01"));
        let after = plan_health(&p, d("2026-07-01"));
        // Past the action's due date and the review date: two checks fewer passed.
        assert_eq!(before.passed - after.passed, 2);
        assert_eq!(before.checks, after.checks);
        let parts = HealthParts::of(&p);
        assert_eq!(parts.on(1, true), after);
        assert_eq!(parts.on(0, false), before);
    }
}
