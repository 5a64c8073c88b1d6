//! Writing a row's values into a plan: a new plan, or the refresh of an existing one. A
//! refresh never overwrites words (account name, industry and owner are filled only where the
//! plan has none); figures are updated, and the plan as it stood is kept in a review snapshot.

use chrono::{DateTime, NaiveDate, Utc};

use super::accounts::{Change, Value, Values};
use super::mapping::Target;
use crate::model::plan::{next_row_id, Plan, Review};
use crate::model::scoring::Criterion;
use crate::model::snapshot::snapshot;

fn set_text(
    field: &mut String,
    value: Option<&str>,
    target: Target,
    creating: bool,
    out: &mut Vec<Change>,
) {
    let Some(v) = value else { return };
    if (creating || field.trim().is_empty()) && field != v {
        out.push(Change {
            target,
            before: if field.is_empty() {
                Value::Empty
            } else {
                Value::Text(field.clone())
            },
            after: Value::Text(v.to_string()),
        });
        *field = v.to_string();
    }
}

fn set_number(
    field: &mut Option<f64>,
    value: Option<&Value>,
    target: Target,
    out: &mut Vec<Change>,
) {
    if let Some(Value::Number(n)) = value {
        if *field != Some(*n) {
            out.push(Change {
                target,
                before: field.map_or(Value::Empty, Value::Number),
                after: Value::Number(*n),
            });
            *field = Some(*n);
        }
    }
}

/// Puts the values into a plan: words only where the plan has none (or a new plan), figures
/// always. Returns what changed.
pub fn apply(plan: &mut Plan, v: &Values, creating: bool) -> Vec<Change> {
    let mut out = Vec::new();
    if creating {
        set_text(
            &mut plan.header.account_name,
            v.text(Target::AccountName),
            Target::AccountName,
            true,
            &mut out,
        );
    }
    set_text(
        &mut plan.header.account_id,
        v.text(Target::AccountId).map(str::trim),
        Target::AccountId,
        creating,
        &mut out,
    );
    set_text(
        &mut plan.header.industry,
        v.text(Target::Industry),
        Target::Industry,
        creating,
        &mut out,
    );
    set_text(
        &mut plan.header.prepared_by,
        v.text(Target::PreparedBy),
        Target::PreparedBy,
        creating,
        &mut out,
    );
    if let Some(Value::Level(l)) = v.get(Target::Level) {
        if plan.header.level != *l || creating {
            out.push(Change {
                target: Target::Level,
                before: Value::Level(plan.header.level),
                after: Value::Level(*l),
            });
            plan.header.level = *l;
        }
    }
    let f = &mut plan.portfolio;
    set_number(
        &mut f.last_year_sales,
        v.get(Target::LastYearSales),
        Target::LastYearSales,
        &mut out,
    );
    set_number(
        &mut f.last_year_profit,
        v.get(Target::LastYearProfit),
        Target::LastYearProfit,
        &mut out,
    );
    set_number(
        &mut f.share_of_spend,
        v.get(Target::ShareOfSpend),
        Target::ShareOfSpend,
        &mut out,
    );
    for c in Criterion::ALL {
        if let Some(Value::Score(s)) = v.get(Target::Score(c)) {
            let rated = c.rated_mut(f);
            if rated.score != Some(*s) {
                out.push(Change {
                    target: Target::Score(c),
                    before: rated.score.map_or(Value::Empty, Value::Score),
                    after: Value::Score(*s),
                });
                rated.score = Some(*s);
            }
        }
    }
    if let Some(Value::Date(d)) = v.get(Target::NextReview) {
        if plan.header.next_review != Some(*d) {
            out.push(Change {
                target: Target::NextReview,
                before: plan.header.next_review.map_or(Value::Empty, Value::Date),
                after: Value::Date(*d),
            });
            plan.header.next_review = Some(*d);
        }
    }
    out
}

/// A new plan from a row.
pub fn new_plan(id: &str, v: &Values, now: DateTime<Utc>) -> Plan {
    let mut p = Plan::new(id, "", now);
    apply(&mut p, v, true);
    p
}

/// The plan refreshed from a row, with the plan as it stood kept first in a review snapshot
/// marked as a refresh, its `changes` the name of the file the figures came from (the
/// interface words it: "Figures refreshed from …"). `None` when the row changes nothing.
pub fn refreshed(plan: &Plan, v: &Values, today: NaiveDate, source: &str) -> Option<Plan> {
    let mut next = plan.clone();
    if apply(&mut next, v, false).is_empty() {
        return None;
    }
    let id = next_row_id(&next.communication.reviews, |r| r.id);
    next.communication.reviews.push(Review {
        id,
        date: Some(today),
        changes: source.to_string(),
        snapshot: Some(snapshot(plan)),
        refresh: true,
        ..Review::default()
    });
    Some(next)
}
