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
mod tests;
