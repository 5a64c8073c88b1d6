//! The portfolio's views over plan summaries: search, filter and sort, due soon, roll-up, ranking.

use chrono::{Days, NaiveDate};

use super::choice::Choice;
use super::plan::AccountLevel;
use super::scoring::{Grade, Quadrant};
use super::summary::PlanSummary;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Updated,
    Name,
    Level,
    Grade,
    Quadrant,
    Health,
    NextReview,
    Overdue,
    Potential,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub level: Option<AccountLevel>,
    pub grade: Option<Grade>,
    pub quadrant: Option<Quadrant>,
    pub overdue_only: bool,
    pub archived: bool,
    pub sort: SortBy,
    pub descending: bool,
}

/// Open actions past due today, from the summary's due list.
pub fn overdue_count(s: &PlanSummary, today: NaiveDate) -> usize {
    s.due
        .iter()
        .filter(|d| d.due.is_some_and(|d| d < today))
        .count()
}

pub fn review_overdue(s: &PlanSummary, today: NaiveDate) -> bool {
    s.next_review.is_some_and(|d| d < today)
}

/// Whether a plan is one of the rep's own for the portfolio's figures (due list, matrix,
/// roll-up, ranking): active, readable, and not the fictional example plan.
pub fn counted(s: &PlanSummary) -> bool {
    !s.archived && s.damaged.is_none() && !s.example
}

fn active_example(s: &PlanSummary) -> bool {
    s.example && !s.archived && s.damaged.is_none()
}

/// The example plans: active and readable.
pub fn examples(all: &[PlanSummary]) -> impl Iterator<Item = &PlanSummary> {
    all.iter().filter(|s| active_example(s))
}

/// What the portfolio's figures are computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The rep's own plans; an example plan is shown apart, never added in.
    Own,
    /// No plan of the rep's own yet: the example plan alone, so a new rep sees what each
    /// figure shows; the page says the figures are the example's.
    Example,
}

impl Basis {
    pub fn of(all: &[PlanSummary]) -> Basis {
        if all.iter().any(counted) || !all.iter().any(active_example) {
            Basis::Own
        } else {
            Basis::Example
        }
    }

    pub fn includes(self, s: &PlanSummary) -> bool {
        match self {
            Basis::Own => counted(s),
            Basis::Example => active_example(s),
        }
    }
}

/// The plans that match `q`, in its order. Missing values sort last either way.
pub fn select<'a>(all: &'a [PlanSummary], q: &Query, today: NaiveDate) -> Vec<&'a PlanSummary> {
    let needle = q.text.trim().to_lowercase();
    let mut out: Vec<&PlanSummary> = all
        .iter()
        .filter(|s| s.archived == q.archived && s.damaged.is_none())
        .filter(|s| needle.is_empty() || s.name.to_lowercase().contains(&needle))
        .filter(|s| q.level.is_none_or(|l| s.level == l))
        .filter(|s| q.grade.is_none_or(|g| s.grade == Some(g)))
        .filter(|s| q.quadrant.is_none_or(|x| s.quadrant == Some(x)))
        .filter(|s| !q.overdue_only || overdue_count(s, today) > 0 || review_overdue(s, today))
        .collect();
    let key = |s: &PlanSummary| -> (bool, String, f64) {
        // (missing, text key, number key)
        match q.sort {
            SortBy::Name => (false, s.name.to_lowercase(), 0.0),
            SortBy::Updated => (
                s.updated_at.is_none(),
                String::new(),
                s.updated_at.map_or(0.0, |t| t.timestamp_millis() as f64),
            ),
            SortBy::Level => (
                false,
                String::new(),
                AccountLevel::ALL
                    .iter()
                    .position(|l| *l == s.level)
                    .unwrap_or(0) as f64,
            ),
            SortBy::Grade => (
                s.grade.is_none(),
                String::new(),
                s.grade.map_or(0.0, |g| {
                    3.0 - Grade::all().iter().position(|x| *x == g).unwrap_or(0) as f64
                }),
            ),
            // Core, core potential, general, peripheral: the same order in every language (in
            // English it is also the alphabetical one).
            SortBy::Quadrant => (
                s.quadrant.is_none(),
                String::new(),
                s.quadrant.map_or(0.0, |q| {
                    Quadrant::all().iter().position(|x| *x == q).unwrap_or(0) as f64
                }),
            ),
            SortBy::Health => (false, String::new(), f64::from(s.health(today).pct())),
            SortBy::NextReview => (
                s.next_review.is_none(),
                s.next_review.map(|d| d.to_string()).unwrap_or_default(),
                0.0,
            ),
            SortBy::Overdue => (false, String::new(), overdue_count(s, today) as f64),
            SortBy::Potential => (
                s.potential.is_none(),
                String::new(),
                s.potential.unwrap_or(0.0),
            ),
        }
    };
    out.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0).then_with(|| {
            let ord =
                ka.1.cmp(&kb.1)
                    .then(ka.2.partial_cmp(&kb.2).unwrap_or(std::cmp::Ordering::Equal));
            if q.descending {
                ord.reverse()
            } else {
                ord
            }
        })
    });
    out
}

#[derive(Clone, Debug, PartialEq)]
pub enum DueKind {
    Action(u32),
    Review,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DueEntry {
    pub plan_id: String,
    pub plan_name: String,
    pub kind: DueKind,
    /// The action as the rep typed it; empty for a review (the interface names it).
    pub what: String,
    pub date: NaiveDate,
    pub overdue: bool,
}

/// Actions and reviews due within `days` of today across all active plans, overdue first,
/// then by date.
pub fn due_soon(all: &[PlanSummary], today: NaiveDate, days: u64) -> Vec<DueEntry> {
    let horizon = today.checked_add_days(Days::new(days)).unwrap_or(today);
    let mut out = Vec::new();
    let basis = Basis::of(all);
    for s in all.iter().filter(|s| basis.includes(s)) {
        for d in &s.due {
            if let Some(date) = d.due.filter(|d| *d <= horizon) {
                out.push(DueEntry {
                    plan_id: s.id.clone(),
                    plan_name: s.name.clone(),
                    kind: DueKind::Action(d.id),
                    what: d.what.clone(),
                    date,
                    overdue: date < today,
                });
            }
        }
        if let Some(date) = s.next_review.filter(|d| *d <= horizon) {
            out.push(DueEntry {
                plan_id: s.id.clone(),
                plan_name: s.name.clone(),
                kind: DueKind::Review,
                what: String::new(),
                date,
                overdue: date < today,
            });
        }
    }
    out.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.date.cmp(&b.date)));
    out
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rollup {
    pub level: Option<AccountLevel>,
    pub accounts: usize,
    pub last_year_sales: f64,
    pub target: f64,
    pub expected_profit: f64,
}

/// Sums by account level (territory to global), then the total (`level: None`), over the
/// plans that count (the example plan is summed apart by `example_rollup`).
pub fn rollup(all: &[PlanSummary]) -> Vec<Rollup> {
    let basis = Basis::of(all);
    let active: Vec<&PlanSummary> = all.iter().filter(|s| basis.includes(s)).collect();
    let sum = |level: Option<AccountLevel>| {
        let rows = active.iter().filter(|s| level.is_none_or(|l| s.level == l));
        let mut r = Rollup {
            level,
            ..Rollup::default()
        };
        for s in rows {
            r.accounts += 1;
            r.last_year_sales += s.last_year_sales.unwrap_or(0.0);
            r.target += s.expected_revenue.unwrap_or(0.0);
            r.expected_profit += s.expected_profit.unwrap_or(0.0);
        }
        r
    };
    AccountLevel::ALL
        .iter()
        .map(|l| sum(Some(*l)))
        .chain(std::iter::once(sum(None)))
        .collect()
}

/// The example plans' own sums, shown apart from the rep's total (when the rep has plans).
pub fn example_rollup(all: &[PlanSummary]) -> Option<Rollup> {
    if Basis::of(all) == Basis::Example {
        return None;
    }
    let mut r = Rollup::default();
    for s in examples(all) {
        r.accounts += 1;
        r.last_year_sales += s.last_year_sales.unwrap_or(0.0);
        r.target += s.expected_revenue.unwrap_or(0.0);
        r.expected_profit += s.expected_profit.unwrap_or(0.0);
    }
    (r.accounts > 0).then_some(r)
}

/// Counted plans with an improvement-potential index, highest first.
pub fn ranking(all: &[PlanSummary]) -> Vec<&PlanSummary> {
    let basis = Basis::of(all);
    let mut r: Vec<&PlanSummary> = all
        .iter()
        .filter(|s| basis.includes(s) && s.potential.is_some())
        .collect();
    r.sort_by(|a, b| {
        b.potential
            .partial_cmp(&a.potential)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.name.cmp(&b.name))
    });
    r
}

#[cfg(test)]
mod tests {
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
}
