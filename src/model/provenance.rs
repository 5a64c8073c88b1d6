//! Where an exported plan came from (issue 15, item 1), and what an import of a plan that
//! comes back does with it (item 2): a three-way merge of the merge base (the last version sent
//! or received, private notes left out), the local plan and the plan in the file.
//!
//! Pure: no browser, no language. The UI words the `Outcome` and each `Conflict`'s place.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::merge::{merge, set, Conflict, Seg};
use super::plan::Plan;
use super::privacy::without_private_notes;
use super::schema::{fields, step_of_path, table, Column, Field, Step, Table};

/// What a file records about each plan in it: the revision it was exported from, the content
/// fingerprint of that version, and the fingerprint of the sender's merge base, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub revision: u64,
    pub fingerprint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_fingerprint: Option<String>,
}

/// Fields that say nothing about the plan's content: left out of the fingerprint and the merge.
const VOLATILE: [&str; 3] = ["revision", "updated_at", "created_at"];

/// The plan as the merge sees it: private notes left out, no revision or dates.
fn content(plan: &Plan) -> Value {
    let mut v = serde_json::to_value(without_private_notes(plan)).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        for k in VOLATILE {
            m.remove(k);
        }
    }
    v
}

/// The local plan for the merge: its private notes stay (the other side never has them).
fn content_with_private(plan: &Plan) -> Value {
    let mut v = serde_json::to_value(plan).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        for k in VOLATILE {
            m.remove(k);
        }
    }
    v
}

/// The content fingerprint of a plan: FNV-1a (64 bit) of its content's JSON text (keys in
/// order, private notes, revision and dates left out), as `fnv1a64:` and 16 hex digits.
pub fn fingerprint(plan: &Plan) -> String {
    let text = serde_json::to_string(&content(plan)).unwrap_or_default();
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("fnv1a64:{hash:016x}")
}

/// A well-formed fingerprint, as `fingerprint` writes it.
pub fn is_fingerprint(s: &str) -> bool {
    s.strip_prefix("fnv1a64:")
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The merge base kept for a plan: the plan as it was in the file sent or received (private
/// notes left out), and the fingerprint that file carried.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Base {
    pub fingerprint: String,
    pub revision: u64,
    pub plan: Plan,
}

impl Base {
    /// The base for a plan as it leaves or arrives: stripped of private notes.
    pub fn of(plan: &Plan, fingerprint: String) -> Self {
        Base {
            fingerprint,
            revision: plan.revision,
            plan: without_private_notes(plan),
        }
    }
}

/// Which side changed since the base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Neither: the file holds what this browser already has.
    Same,
    /// Only theirs: take theirs.
    OnlyTheirs,
    /// Only ours: nothing to take.
    OnlyOurs,
    /// Both: a merge, perhaps with conflicts.
    Both,
}

/// The import of one plan that comes back, against its base and the local plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub kind: Kind,
    /// Every change of both sides, `theirs` at each conflict until the rep chooses.
    pub merged: Value,
    pub conflicts: Vec<Conflict>,
}

/// Merges the plan in a file (`theirs`) into the local plan (`ours`) from their base. Theirs
/// loses any private notes it carries; ours keeps its own.
pub fn three_way(base: &Base, ours: &Plan, theirs: &Plan) -> Outcome {
    let b = content(&base.plan);
    let t = content(theirs);
    let ours_changed = content(ours) != b;
    let theirs_changed = t != b;
    let kind = match (ours_changed, theirs_changed) {
        (false, false) => Kind::Same,
        (false, true) => Kind::OnlyTheirs,
        (true, false) => Kind::OnlyOurs,
        (true, true) => Kind::Both,
    };
    let m = merge(&b, &content_with_private(ours), &t);
    Outcome {
        kind,
        merged: m.value,
        conflicts: m.conflicts,
    }
}

/// What the rep picked for one conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    Ours,
    Theirs,
    /// Their own text (offered where both sides hold text).
    Edited(String),
}

/// The plan to write: the merge with each conflict resolved as picked (a missing pick keeps
/// ours, so nothing local is lost unless the rep says so), on the local plan's revision.
pub fn resolve(outcome: &Outcome, picks: &[Pick], ours: &Plan) -> Result<Plan, String> {
    let mut v = outcome.merged.clone();
    for (i, c) in outcome.conflicts.iter().enumerate() {
        let value = match picks.get(i).unwrap_or(&Pick::Ours) {
            Pick::Ours => c.ours.clone(),
            Pick::Theirs => c.theirs.clone(),
            Pick::Edited(s) => Some(Value::String(s.clone())),
        };
        set(&mut v, &c.path, value);
    }
    let mut plan: Plan = serde_json::from_value(v).map_err(|e| e.to_string())?;
    plan.revision = ours.revision;
    plan.created_at = ours.created_at;
    plan.updated_at = ours.updated_at;
    Ok(plan)
}

/// Where a conflict sits, as the schema names it.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Field(Step, &'static Field),
    /// A whole row (edited on one side, deleted on the other), by id.
    Row(Step, &'static Table, Value),
    /// One value of a row.
    Cell(Step, &'static Table, Value, &'static Column),
    /// Somewhere the schema does not list (a panel's data): the step and the dotted path.
    Other(Option<Step>, String),
}

/// The place of a conflict's path in the schema: its label and step.
pub fn place(path: &[Seg]) -> Place {
    let mut keys = Vec::new();
    let mut iter = path.iter();
    for seg in iter.by_ref() {
        match seg {
            Seg::Key(k) => keys.push(k.as_str()),
            Seg::Row { id } => {
                let table_path = keys.join(".");
                if let Some(t) = table(&table_path) {
                    let step = step_of_path(&table_path).unwrap_or(Step::Portfolio);
                    return match iter.next() {
                        None => Place::Row(step, t, id.clone()),
                        Some(Seg::Key(col)) => match t.columns.iter().find(|c| c.key == col) {
                            Some(c) => Place::Cell(step, t, id.clone(), c),
                            None => Place::Row(step, t, id.clone()),
                        },
                        Some(Seg::Row { .. }) => Place::Row(step, t, id.clone()),
                    };
                }
                keys.push("*");
            }
        }
    }
    let dotted = keys.join(".");
    match fields().find(|(_, f)| f.path == dotted) {
        Some((s, f)) => Place::Field(s, f),
        None => Place::Other(step_of_path(&dotted), dotted),
    }
}

/// Whether the rep can type their own value for a conflict: both sides hold text.
pub fn editable(c: &Conflict) -> bool {
    matches!(
        (&c.ours, &c.theirs),
        (Some(Value::String(_)), Some(Value::String(_)))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Action, Objective};

    fn at() -> chrono::DateTime<chrono::Utc> {
        "2026-11-22T10:00:00Z".parse().unwrap()
    }

    fn sent() -> Plan {
        let mut p = Plan::new("p1", "Acme", at());
        p.revision = 7;
        p.customer.main_business = "Steel".into();
        p.blueprint.objectives.push(Objective {
            id: 1,
            title: "Grow valves 10%".into(),
            ..Objective::default()
        });
        p.communication.private_notes = "Buyer is leaving in March".into();
        p
    }

    fn action(id: u32, what: &str) -> Action {
        Action {
            id,
            what: what.into(),
            ..Action::default()
        }
    }

    #[test]
    fn the_fingerprint_is_the_content_without_private_notes_revision_or_dates() {
        let p = sent();
        let f = fingerprint(&p);
        assert!(is_fingerprint(&f), "{f}");
        let mut q = p.clone();
        q.revision = 99;
        q.updated_at = Some(at() + chrono::Duration::days(3));
        q.communication.private_notes = "other".into();
        assert_eq!(fingerprint(&q), f);
        q.customer.main_business = "Steel and glass".into();
        assert_ne!(fingerprint(&q), f);
        assert!(!is_fingerprint("fnv1a64:xyz"));
    }

    #[test]
    fn the_base_never_holds_private_notes() {
        let b = Base::of(&sent(), "fnv1a64:0000000000000001".into());
        assert!(b.plan.communication.private_notes.is_empty());
        assert_eq!(b.revision, 7);
    }

    #[test]
    fn the_four_cases_are_told_apart() {
        let base = Base::of(&sent(), fingerprint(&sent()));
        let ours = sent();
        // The file holds what we sent.
        assert_eq!(three_way(&base, &ours, &base.plan).kind, Kind::Same);
        // Only theirs changed.
        let mut theirs = base.plan.clone();
        theirs.blueprint.objectives[0].title = "Grow valves 15%".into();
        theirs.revision = 9;
        let o = three_way(&base, &ours, &theirs);
        assert_eq!(o.kind, Kind::OnlyTheirs);
        let plan = resolve(&o, &[], &ours).unwrap();
        assert_eq!(plan.blueprint.objectives[0].title, "Grow valves 15%");
        assert_eq!(plan.revision, 7, "written on the local plan's revision");
        assert_eq!(
            plan.communication.private_notes, "Buyer is leaving in March",
            "the rep's private notes are kept"
        );
        // Only ours changed.
        let mut ours2 = ours.clone();
        ours2.action.actions.push(action(1, "Call Tom"));
        let o = three_way(&base, &ours2, &base.plan);
        assert_eq!(o.kind, Kind::OnlyOurs);
        assert_eq!(resolve(&o, &[], &ours2).unwrap(), ours2);
    }

    #[test]
    fn both_sides_merge_and_private_notes_stay_ours() {
        let base = Base::of(&sent(), fingerprint(&sent()));
        let mut ours = sent();
        ours.action.actions.push(action(1, "Call Tom"));
        ours.action.actions.push(action(2, "Plant visit"));
        ours.communication.private_notes = "Buyer left; new one is Lee".into();
        ours.revision = 12;
        let mut theirs = base.plan.clone();
        theirs.blueprint.objectives[0].title = "Grow valves 15%".into();
        // A manager who exported without leaving private notes out: they never come back.
        theirs.communication.private_notes = "Manager's own note".into();
        let o = three_way(&base, &ours, &theirs);
        assert_eq!(o.kind, Kind::Both);
        assert!(o.conflicts.is_empty(), "{:?}", o.conflicts);
        let plan = resolve(&o, &[], &ours).unwrap();
        assert_eq!(plan.action.actions.len(), 2);
        assert_eq!(plan.blueprint.objectives[0].title, "Grow valves 15%");
        assert_eq!(
            plan.communication.private_notes,
            "Buyer left; new one is Lee"
        );
        assert_eq!(plan.revision, 12);
    }

    #[test]
    fn a_field_both_changed_is_a_conflict_with_its_label_and_step_resolved_either_way() {
        let base = Base::of(&sent(), fingerprint(&sent()));
        let mut ours = sent();
        ours.customer.main_business = "Steel, mine".into();
        ours.blueprint.objectives[0].title = "Ours".into();
        let mut theirs = base.plan.clone();
        theirs.customer.main_business = "Steel, theirs".into();
        theirs.blueprint.objectives[0].title = "Theirs".into();
        let o = three_way(&base, &ours, &theirs);
        assert_eq!(o.conflicts.len(), 2);
        let places: Vec<Place> = o.conflicts.iter().map(|c| place(&c.path)).collect();
        assert!(places.iter().any(|p| matches!(p,
            Place::Field(Step::Customer, f) if f.path == "customer.main_business")));
        assert!(places.iter().any(|p| matches!(p,
            Place::Cell(Step::Blueprint, t, id, c)
                if t.path == "blueprint.objectives" && *id == 1 && c.key == "title")));
        assert!(o.conflicts.iter().all(editable));
        let mine = resolve(&o, &[Pick::Ours, Pick::Ours], &ours).unwrap();
        assert_eq!(mine.customer.main_business, "Steel, mine");
        assert_eq!(mine.blueprint.objectives[0].title, "Ours");
        let theirs_won = resolve(&o, &[Pick::Theirs, Pick::Theirs], &ours).unwrap();
        assert_eq!(theirs_won.customer.main_business, "Steel, theirs");
        assert_eq!(theirs_won.blueprint.objectives[0].title, "Theirs");
        let i = o
            .conflicts
            .iter()
            .position(|c| matches!(place(&c.path), Place::Field(..)))
            .unwrap();
        let mut picks = vec![Pick::Theirs, Pick::Theirs];
        picks[i] = Pick::Edited("Steel, agreed".into());
        let edited = resolve(&o, &picks, &ours).unwrap();
        assert_eq!(edited.customer.main_business, "Steel, agreed");
        // No pick at all keeps ours: nothing local is lost by default.
        assert_eq!(resolve(&o, &[], &ours).unwrap(), mine);
    }

    #[test]
    fn a_row_edited_here_and_deleted_there_is_a_conflict_on_the_row() {
        let mut s = sent();
        s.action.actions.push(action(1, "Call Tom"));
        let base = Base::of(&s, fingerprint(&s));
        let mut ours = s.clone();
        ours.action.actions[0].what = "Call Tom and Lee".into();
        let mut theirs = base.plan.clone();
        theirs.action.actions.clear();
        let o = three_way(&base, &ours, &theirs);
        assert_eq!(o.conflicts.len(), 1);
        assert!(matches!(place(&o.conflicts[0].path),
            Place::Row(Step::Action, t, _) if t.path == "action.actions"));
        assert!(!editable(&o.conflicts[0]));
        assert!(resolve(&o, &[Pick::Theirs], &ours)
            .unwrap()
            .action
            .actions
            .is_empty());
        assert_eq!(
            resolve(&o, &[Pick::Ours], &ours).unwrap().action.actions[0].what,
            "Call Tom and Lee"
        );
    }

    #[test]
    fn provenance_reads_without_a_base_fingerprint() {
        let p: Provenance =
            serde_json::from_str(r#"{"revision":3,"fingerprint":"fnv1a64:00000000000000aa"}"#)
                .unwrap();
        assert_eq!(p.base_fingerprint, None);
        assert!(!serde_json::to_string(&p)
            .unwrap()
            .contains("base_fingerprint"));
    }
}
