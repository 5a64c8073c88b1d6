//! Review snapshots of a plan, and what changed between two of them, step by step.

use serde_json::Value;

use super::plan::Plan;

/// The plan as it stands, without its reviews (a snapshot inside a snapshot would grow forever).
pub fn snapshot(plan: &Plan) -> Value {
    let mut p = plan.clone();
    p.communication.reviews.clear();
    // Through text rather than `to_value`: the string serialiser is already in the app.
    let mut v = serde_json::to_string(&p)
        .and_then(|t| serde_json::from_str(&t))
        .unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        for k in [
            "revision",
            "updated_at",
            "created_at",
            "id",
            "archived",
            "example",
        ] {
            m.remove(k);
        }
    }
    v
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The step (1–7) the change belongs to.
    pub step: u8,
    pub path: String,
    pub kind: ChangeKind,
    pub before: String,
    pub after: String,
}

fn step_of(top: &str) -> u8 {
    match top {
        "header" | "portfolio" => 1,
        "customer" => 2,
        "relationships" => 3,
        "blueprint" => 4,
        "action" => 5,
        "resources" => 6,
        _ => 7,
    }
}

fn short(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Object(m) => m
            .get("name")
            .or_else(|| m.get("title"))
            .or_else(|| m.get("what"))
            .or_else(|| m.get("text"))
            .or_else(|| m.get("product"))
            .or_else(|| m.get("supplier"))
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or_else(|| v.to_string()),
        other => other.to_string(),
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

fn walk(step: u8, path: &str, a: &Value, b: &Value, out: &mut Vec<Change>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let st = if path.is_empty() { step_of(k) } else { step };
                walk(
                    st,
                    &p,
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        // Tables of rows: match rows by id so a reorder is not a change of every row.
        (Value::Array(x), Value::Array(y)) if x.iter().chain(y).all(|r| r.get("id").is_some()) => {
            let id = |r: &Value| r.get("id").cloned().unwrap_or(Value::Null);
            for r in x {
                match y.iter().find(|s| id(s) == id(r)) {
                    Some(s) => walk(step, &format!("{path}[{}]", short(r)), r, s, out),
                    None => out.push(Change {
                        step,
                        path: path.into(),
                        kind: ChangeKind::Removed,
                        before: short(r),
                        after: String::new(),
                    }),
                }
            }
            for s in y.iter().filter(|s| !x.iter().any(|r| id(r) == id(s))) {
                out.push(Change {
                    step,
                    path: path.into(),
                    kind: ChangeKind::Added,
                    before: String::new(),
                    after: short(s),
                });
            }
        }
        (x, y) if x != y => {
            let kind = match (is_empty(x), is_empty(y)) {
                (true, false) => ChangeKind::Added,
                (false, true) => ChangeKind::Removed,
                (true, true) => return,
                _ => ChangeKind::Changed,
            };
            out.push(Change {
                step,
                path: path.into(),
                kind,
                before: short(x),
                after: short(y),
            });
        }
        _ => {}
    }
}

/// What changed from snapshot `a` to snapshot `b`, in step order.
pub fn diff(a: &Value, b: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    walk(1, "", a, b, &mut out);
    out.sort_by_key(|c| c.step);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Action, Objective, Review};

    #[test]
    fn snapshot_leaves_out_reviews_and_bookkeeping() {
        let mut p = Plan::new("x", "Acme", chrono::Utc::now());
        p.communication.reviews.push(Review {
            id: 1,
            ..Review::default()
        });
        let s = snapshot(&p);
        assert_eq!(s["communication"]["reviews"], serde_json::json!([]));
        assert!(s.get("revision").is_none());
    }

    #[test]
    fn diff_reports_added_removed_and_changed_by_step() {
        let mut p = Plan::default();
        p.header.account_name = "Acme".into();
        p.blueprint.objectives.push(Objective {
            id: 1,
            title: "Grow 10%".into(),
            ..Objective::default()
        });
        p.action.actions.push(Action {
            id: 1,
            what: "Visit CFO".into(),
            ..Action::default()
        });
        let a = snapshot(&p);
        p.header.account_name = "Acme Steel".into();
        p.blueprint.objectives[0].title = "Grow 12%".into();
        p.action.actions.clear();
        p.action.actions.push(Action {
            id: 2,
            what: "Run a workshop".into(),
            ..Action::default()
        });
        p.resources.expected_revenue = Some(5.0);
        let b = snapshot(&p);
        let d = diff(&a, &b);
        let find = |path: &str, kind| d.iter().find(|c| c.path == path && c.kind == kind).cloned();
        let name = find("header.account_name", ChangeKind::Changed).unwrap();
        assert_eq!(
            (name.step, name.before.as_str(), name.after.as_str()),
            (1, "Acme", "Acme Steel")
        );
        assert_eq!(
            find("blueprint.objectives[Grow 10%].title", ChangeKind::Changed)
                .unwrap()
                .step,
            4
        );
        assert_eq!(
            find("action.actions", ChangeKind::Removed).unwrap().before,
            "Visit CFO"
        );
        assert_eq!(
            find("action.actions", ChangeKind::Added).unwrap().after,
            "Run a workshop"
        );
        assert_eq!(
            find("resources.expected_revenue", ChangeKind::Added)
                .unwrap()
                .step,
            6
        );
        assert!(d.windows(2).all(|w| w[0].step <= w[1].step));
        assert!(diff(&a, &a).is_empty());
    }
}
