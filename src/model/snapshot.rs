//! Review snapshots of a plan, and what changed between two of them, step by step.

use chrono::NaiveDate;
use serde_json::Value;

use super::assessment::{assess, Verdict};
use super::checks::is_action_overdue;
use super::plan::{ActionStatus, Plan};
use super::schema::{
    is_blank, lookup, row_id, rows, Column, Field, Item, Panel, Step, Table, CRITERIA, SCHEMA,
};
use super::scoring::{screen, Grade, Quadrant, ScoringSettings};

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
            // Reviewer comments and verdicts are about the plan, not part of it.
            crate::model::comments::COMMENTS,
            crate::model::comments::VERDICTS,
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

/// What a change is about, as the schema names it.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A field outside tables.
    Field(&'static Field),
    /// A criterion of the screening matrix: its label, and whether the change is to its note.
    Criterion { label: &'static str, note: bool },
    /// A whole row added or removed.
    Row(&'static Table),
    /// One value of a row that is in both versions.
    Cell(&'static Table, &'static Column),
    /// An answer of the opportunity assessment, by question key.
    Answer(String),
    /// A hand-drawn part whose data changed (e.g. the penetration grid).
    Panel(Panel),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub step: Step,
    pub kind: ChangeKind,
    pub subject: Subject,
    /// The row the change is in (the newer version of it, or the removed one), for its caption.
    pub row: Option<Value>,
    pub before: Value,
    pub after: Value,
}

fn kind_of(before: &Value, after: &Value) -> Option<ChangeKind> {
    if before == after {
        return None;
    }
    match (is_blank(before), is_blank(after)) {
        (true, true) => None,
        (true, false) => Some(ChangeKind::Added),
        (false, true) => Some(ChangeKind::Removed),
        _ => Some(ChangeKind::Changed),
    }
}

fn table_changes(step: Step, t: &'static Table, a: &Value, b: &Value, out: &mut Vec<Change>) {
    let (old, new) = (rows(a, t), rows(b, t));
    let by_id = |rs: &[Value], id| rs.iter().find(|r| row_id(r) == id).cloned();
    for r in old {
        match by_id(new, row_id(r)) {
            None => out.push(Change {
                step,
                kind: ChangeKind::Removed,
                subject: Subject::Row(t),
                row: Some(r.clone()),
                before: r.clone(),
                after: Value::Null,
            }),
            Some(s) => {
                for col in t.columns {
                    let (x, y) = (
                        r.get(col.key).unwrap_or(&Value::Null),
                        s.get(col.key).unwrap_or(&Value::Null),
                    );
                    if let Some(kind) = kind_of(x, y) {
                        out.push(Change {
                            step,
                            kind,
                            subject: Subject::Cell(t, col),
                            row: Some(s.clone()),
                            before: x.clone(),
                            after: y.clone(),
                        });
                    }
                }
            }
        }
    }
    for s in new.iter().filter(|s| by_id(old, row_id(s)).is_none()) {
        out.push(Change {
            step,
            kind: ChangeKind::Added,
            subject: Subject::Row(t),
            row: Some(s.clone()),
            before: Value::Null,
            after: s.clone(),
        });
    }
}

fn value_change(step: Step, subject: Subject, x: &Value, y: &Value, out: &mut Vec<Change>) {
    if let Some(kind) = kind_of(x, y) {
        out.push(Change {
            step,
            kind,
            subject,
            row: None,
            before: x.clone(),
            after: y.clone(),
        });
    }
}

/// What changed from snapshot `a` to snapshot `b`, in the order the plan's steps show it.
pub fn diff(a: &Value, b: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    for s in SCHEMA {
        for item in s.items {
            match item {
                Item::Section(_, fields) => {
                    for f in fields.iter() {
                        let (x, y) = (lookup(a, f.path), lookup(b, f.path));
                        value_change(s.step, Subject::Field(f), x, y, &mut out);
                    }
                }
                Item::Table(t) => table_changes(s.step, t, a, b, &mut out),
                Item::Panel(Panel::Screening) => {
                    for (path, label) in CRITERIA {
                        for (key, note) in [("score", false), ("note", true)] {
                            let p = format!("{path}.{key}");
                            let subject = Subject::Criterion { label, note };
                            value_change(s.step, subject, lookup(a, &p), lookup(b, &p), &mut out);
                        }
                    }
                }
                Item::Panel(Panel::Assessment) => {
                    let path = "blueprint.assessment";
                    let (x, y) = (lookup(a, path), lookup(b, path));
                    let mut keys: Vec<&String> = x
                        .as_object()
                        .into_iter()
                        .chain(y.as_object())
                        .flat_map(|m| m.keys())
                        .collect();
                    keys.sort();
                    keys.dedup();
                    for k in keys {
                        let (u, v) = (
                            x.get(k).unwrap_or(&Value::Null),
                            y.get(k).unwrap_or(&Value::Null),
                        );
                        value_change(s.step, Subject::Answer(k.clone()), u, v, &mut out);
                    }
                }
                Item::Panel(p) => {
                    if let Some(path) = p.path().filter(|_| *p != Panel::Reviews) {
                        let (x, y) = (lookup(a, path), lookup(b, path));
                        value_change(s.step, Subject::Panel(*p), x, y, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// What moved the plan between two versions: the figures a manager looks at first.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub grade: (Option<Grade>, Option<Grade>),
    pub quadrant: (Option<Quadrant>, Option<Quadrant>),
    pub verdict: (Verdict, Verdict),
    /// Overdue actions, each version counted on its own day.
    pub overdue: (usize, usize),
    pub open_actions: (usize, usize),
}

impl Headline {
    /// Whether anything in the headline moved.
    pub fn moved(&self) -> bool {
        self.grade.0 != self.grade.1
            || self.quadrant.0 != self.quadrant.1
            || self.verdict.0 != self.verdict.1
            || self.overdue.0 != self.overdue.1
            || self.open_actions.0 != self.open_actions.1
    }
}

/// The headline figures of two snapshots, each read as a plan and counted on its own day.
pub fn headline(
    a: (&Plan, NaiveDate),
    b: (&Plan, NaiveDate),
    settings: &ScoringSettings,
) -> Headline {
    let fig = |(p, day): (&Plan, NaiveDate)| {
        let s = screen(&p.portfolio, settings);
        let open = p
            .action
            .actions
            .iter()
            .filter(|a| matches!(a.status, ActionStatus::Planned | ActionStatus::InProgress))
            .count();
        let overdue = p
            .action
            .actions
            .iter()
            .filter(|a| is_action_overdue(a.status, a.due, day))
            .count();
        (
            s.grade,
            s.quadrant,
            assess(&p.blueprint.assessment).verdict,
            overdue,
            open,
        )
    };
    let (x, y) = (fig(a), fig(b));
    Headline {
        grade: (x.0, y.0),
        quadrant: (x.1, y.1),
        verdict: (x.2, y.2),
        overdue: (x.3, y.3),
        open_actions: (x.4, y.4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{rows, Action, Review};

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
    fn diff_names_each_change_by_the_schema_in_step_order() {
        let mut p = Plan::default();
        p.header.account_name = "Acme".into();
        p.blueprint.objectives.push(rows::objective(1, "Grow 10%"));
        p.action.actions.push(rows::action(1, "Visit CFO"));
        p.relationships.contacts.push(crate::model::plan::Contact {
            id: 4,
            name: "Tom Becker".into(),
            attitude: crate::model::plan::Attitude::Opponent,
            ..Default::default()
        });
        let a = snapshot(&p);
        p.header.account_name = "Acme Steel".into();
        p.blueprint.objectives[0].title = "Grow 12%".into();
        p.action.actions.clear();
        p.action.actions.push(rows::action(2, "Run a workshop"));
        p.relationships.contacts[0].attitude = crate::model::plan::Attitude::Neutral;
        p.resources.expected_revenue = Some(5.0);
        p.blueprint.assessment.insert("need".into(), 4);
        p.portfolio.profit.score = Some(3);
        let b = snapshot(&p);
        let d = diff(&a, &b);
        let label = |c: &Change| match &c.subject {
            Subject::Field(f) => f.path.to_string(),
            Subject::Cell(t, col) => format!("{}.{}", t.path, col.key),
            Subject::Row(t) => t.path.to_string(),
            Subject::Criterion { label, note } => {
                format!("{label}{}", if *note { ".note" } else { "" })
            }
            Subject::Answer(k) => format!("answer.{k}"),
            Subject::Panel(p) => format!("{p:?}"),
        };
        let find = |l: &str, kind| d.iter().find(|c| label(c) == l && c.kind == kind).cloned();
        let name = find("header.account_name", ChangeKind::Changed).unwrap();
        assert_eq!(
            (name.step, name.before.as_str(), name.after.as_str()),
            (Step::Portfolio, Some("Acme"), Some("Acme Steel"))
        );
        let title = find("blueprint.objectives.title", ChangeKind::Changed).unwrap();
        assert_eq!(title.step, Step::Blueprint);
        assert_eq!(title.row.as_ref().unwrap()["title"], "Grow 12%");
        let att = find("relationships.contacts.attitude", ChangeKind::Changed).unwrap();
        assert_eq!(
            (att.before.as_str(), att.after.as_str()),
            (Some("opponent"), Some("neutral"))
        );
        assert_eq!(att.row.as_ref().unwrap()["name"], "Tom Becker");
        assert_eq!(
            find("action.actions", ChangeKind::Removed).unwrap().before["what"],
            "Visit CFO"
        );
        assert_eq!(
            find("action.actions", ChangeKind::Added).unwrap().after["what"],
            "Run a workshop"
        );
        assert_eq!(
            find("resources.expected_revenue", ChangeKind::Added)
                .unwrap()
                .step,
            Step::Resources
        );
        assert!(find("answer.need", ChangeKind::Added).is_some());
        assert!(find("step1.c_profit", ChangeKind::Added).is_some());
        // In the steps' order, and nothing for an unchanged plan.
        assert!(d.windows(2).all(|w| w[0].step <= w[1].step));
        assert!(diff(&a, &a).is_empty());
        // A reordered table is not a change.
        let mut q = p.clone();
        q.relationships.contacts.push(crate::model::plan::Contact {
            id: 9,
            name: "Ann".into(),
            ..Default::default()
        });
        let c = snapshot(&q);
        q.relationships.contacts.reverse();
        assert!(diff(&c, &snapshot(&q)).is_empty());
    }

    #[test]
    fn headline_reports_what_moved_the_plan() {
        use chrono::NaiveDate;
        let settings = crate::model::scoring::ScoringSettings::default();
        let day = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let mut a = Plan::default();
        a.action.actions.push(Action {
            id: 1,
            what: "Trial".into(),
            due: Some(day(3)),
            ..Action::default()
        });
        let mut b = a.clone();
        for c in crate::model::scoring::Criterion::ALL {
            c.rated_mut(&mut b.portfolio).score = Some(5);
        }
        let h = headline((&a, day(2)), (&b, day(4)), &settings);
        assert!(h.moved());
        assert_eq!(
            h.quadrant,
            (None, Some(crate::model::scoring::Quadrant::Core))
        );
        assert_eq!(
            h.overdue,
            (0, 1),
            "due in March: not overdue in February, overdue in April"
        );
        assert!(!headline((&a, day(2)), (&a, day(2)), &settings).moved());
    }
}
