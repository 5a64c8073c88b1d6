//! Tests of `portfolio`.

use super::*;
use crate::model::summary::DueAction;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plan(name: &str, level: AccountLevel, sales: f64, potential: Option<f64>) -> PlanSummary {
    PlanSummary {
        id: name.to_lowercase(),
        name: name.into(),
        level,
        last_year_sales: Some(sales),
        expected_revenue: Some(sales * 1.1),
        expected_profit: Some(sales * 0.1),
        potential,
        ..PlanSummary::default()
    }
}

#[test]
fn rollup_sums_each_level_and_the_total_and_skips_archived() {
    let mut all = vec![
        plan("A", AccountLevel::National, 100.0, None),
        plan("B", AccountLevel::National, 50.0, None),
        plan("C", AccountLevel::Global, 1000.0, None),
        plan("Old", AccountLevel::Global, 999.0, None),
    ];
    all[3].archived = true;
    let r = rollup(&all);
    assert_eq!(r.len(), 5);
    let national = r
        .iter()
        .find(|x| x.level == Some(AccountLevel::National))
        .unwrap();
    assert_eq!((national.accounts, national.last_year_sales), (2, 150.0));
    assert!((national.target - 165.0).abs() < 1e-9);
    let total = r.last().unwrap();
    assert_eq!(
        (total.level, total.accounts, total.last_year_sales),
        (None, 3, 1150.0)
    );
    assert!((total.expected_profit - 115.0).abs() < 1e-9);
    assert_eq!(
        r.iter()
            .find(|x| x.level == Some(AccountLevel::Territory))
            .unwrap()
            .accounts,
        0
    );
}

#[test]
fn ranking_puts_highest_potential_first_and_leaves_out_unscored() {
    let all = vec![
        plan("Low", AccountLevel::Territory, 1.0, Some(10.0)),
        plan("None", AccountLevel::Territory, 1.0, None),
        plan("High", AccountLevel::Territory, 1.0, Some(90.0)),
    ];
    let names: Vec<&str> = ranking(&all).iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["High", "Low"]);
}

#[test]
fn select_searches_filters_and_sorts() {
    let mut all = vec![
        plan("Acme", AccountLevel::National, 1.0, Some(50.0)),
        plan("Beta", AccountLevel::Global, 1.0, Some(70.0)),
        plan("acorn", AccountLevel::National, 1.0, None),
    ];
    all[0].grade = Some(Grade::Gold);
    all[1].due = vec![DueAction {
        id: 1,
        what: "x".into(),
        due: Some(d("2026-01-01")),
    }];
    let today = d("2026-06-01");
    let q = |f: fn(&mut Query)| {
        let mut q = Query::default();
        f(&mut q);
        q
    };
    let names = |q: Query| {
        select(&all, &q, today)
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(q(|q| q.text = "AC".into())),
        ["Acme", "acorn"].map(String::from)
    );
    assert_eq!(names(q(|q| q.level = Some(AccountLevel::Global))), ["Beta"]);
    assert_eq!(names(q(|q| q.grade = Some(Grade::Gold))), ["Acme"]);
    assert_eq!(names(q(|q| q.overdue_only = true)), ["Beta"]);
    assert_eq!(
        names(q(|q| q.sort = SortBy::Name)),
        ["Acme", "acorn", "Beta"].map(String::from)
    );
    // Missing potential sorts last in both directions.
    assert_eq!(
        names(q(|q| q.sort = SortBy::Potential)),
        ["Acme", "Beta", "acorn"].map(String::from)
    );
    assert_eq!(
        names(q(|q| {
            q.sort = SortBy::Potential;
            q.descending = true
        })),
        ["Beta", "Acme", "acorn"].map(String::from)
    );
    all[2].archived = true;
    let archived: Vec<String> = select(
        &all,
        &Query {
            archived: true,
            ..Query::default()
        },
        today,
    )
    .iter()
    .map(|s| s.name.clone())
    .collect();
    assert_eq!(archived, ["acorn"]);
}

#[test]
fn due_soon_lists_overdue_first_then_by_date_within_the_window() {
    let today = d("2026-11-22");
    let mut a = plan("A", AccountLevel::National, 1.0, None);
    a.due = vec![
        DueAction {
            id: 1,
            what: "Late".into(),
            due: Some(d("2026-11-01")),
        },
        DueAction {
            id: 2,
            what: "Soon".into(),
            due: Some(d("2026-11-30")),
        },
        DueAction {
            id: 3,
            what: "Later".into(),
            due: Some(d("2026-12-31")),
        },
    ];
    let mut b = plan("B", AccountLevel::National, 1.0, None);
    b.next_review = Some(d("2026-11-25"));
    let list = due_soon(&[a, b], today, 14);
    let whats: Vec<&str> = list.iter().map(|e| e.what.as_str()).collect();
    assert_eq!(whats, ["Late", "", "Soon"]);
    assert_eq!(list[1].kind, DueKind::Review);
    assert!(list[0].overdue && !list[1].overdue);
}

#[test]
fn the_example_plan_is_kept_out_of_every_figure_and_summed_apart() {
    let today = d("2026-11-22");
    let mut real = plan("Real", AccountLevel::National, 100.0, Some(40.0));
    real.next_review = Some(d("2026-11-25"));
    let mut ex = plan("Example", AccountLevel::National, 5000.0, Some(90.0));
    ex.example = true;
    ex.next_review = Some(d("2026-11-24"));
    ex.due = vec![DueAction {
        id: 1,
        what: "Example task".into(),
        due: Some(d("2026-11-01")),
    }];
    let all = vec![real, ex];
    let total = rollup(&all).pop().unwrap();
    assert_eq!((total.accounts, total.last_year_sales), (1, 100.0));
    let names: Vec<&str> = ranking(&all).iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Real"]);
    assert!(due_soon(&all, today, 14)
        .iter()
        .all(|e| e.plan_name == "Real"));
    let apart = example_rollup(&all).unwrap();
    assert_eq!((apart.accounts, apart.last_year_sales), (1, 5000.0));
    assert_eq!(example_rollup(&all[..1]), None);
    // The plan list still lists it (marked), as it lists every plan.
    assert_eq!(select(&all, &Query::default(), today).len(), 2);
    assert_eq!(Basis::of(&all), Basis::Own);
    // With no plan of the rep's own, the figures are the example's, to show what they do.
    let only = &all[1..];
    assert_eq!(Basis::of(only), Basis::Example);
    assert_eq!(rollup(only).pop().unwrap().accounts, 1);
    assert_eq!(ranking(only).len(), 1);
    assert!(!due_soon(only, today, 14).is_empty());
    assert_eq!(example_rollup(only), None);
    assert_eq!(Basis::of(&[]), Basis::Own);
}
