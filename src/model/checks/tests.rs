//! Tests of `checks`.

use super::*;
use crate::model::plan::rows;
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
    p.blueprint.objectives.push(rows::objective(1, "Grow"));
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
