//! What leaves the rep's hands: private notes are taken out of a plan, and out of every review
//! snapshot inside it, by this one function. Every export path (files, backups, the print view,
//! CSV, calendar) goes through it when the rep asks to leave private notes out.

use serde_json::Value;

use super::plan::{Extra, Plan};

/// The stored name of the private notes field, wherever it sits (the plan, a snapshot).
pub const PRIVATE_FIELD: &str = "private_notes";

/// Removes every `private_notes` key at any depth of a JSON value.
fn strip_value(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove(PRIVATE_FIELD);
            m.values_mut().for_each(strip_value);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_value),
        _ => {}
    }
}

fn strip_extra(extra: &mut Extra) {
    extra.remove(PRIVATE_FIELD);
    extra.values_mut().for_each(strip_value);
}

/// The plan without its private notes: the field itself, every review snapshot's copy of it,
/// and any `private_notes` a newer KeyPlan may have put elsewhere (kept in `extra`).
pub fn without_private_notes(plan: &Plan) -> Plan {
    let mut p = plan.clone();
    p.communication.private_notes.clear();
    strip_extra(&mut p.extra);
    strip_extra(&mut p.communication.extra);
    // Reviewer comments pinned to the private notes go with them (issue 15).
    super::comments::strip_private(&mut p);
    for r in &mut p.communication.reviews {
        if let Some(s) = r.snapshot.as_mut() {
            strip_value(s);
        }
        strip_extra(&mut r.extra);
    }
    p
}

/// `without_private_notes` over several plans, when `leave_out` is set; the plans as they are
/// otherwise.
pub fn for_export(plans: Vec<Plan>, leave_out: bool) -> Vec<Plan> {
    if leave_out {
        plans.iter().map(without_private_notes).collect()
    } else {
        plans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::Review;
    use crate::model::snapshot::snapshot;

    const MARKER: &str = "ZEBRA-PRIVATE-4711";

    fn plan_with_private_everywhere() -> Plan {
        let mut p = Plan::new("p", "Acme", chrono::Utc::now());
        p.communication.private_notes = format!("first {MARKER}");
        p.customer.main_business = "Steel".into();
        // A review recorded while the notes held the marker: its snapshot carries them.
        let snap = snapshot(&p);
        p.communication.reviews.push(Review {
            id: 1,
            attendees: "Ann".into(),
            snapshot: Some(snap),
            ..Review::default()
        });
        p.communication.private_notes = format!("second {MARKER}");
        let snap2 = snapshot(&p);
        p.communication.reviews.push(Review {
            id: 2,
            snapshot: Some(snap2),
            ..Review::default()
        });
        p.extra.insert(
            "future".into(),
            serde_json::json!({"private_notes": MARKER, "kept": 1}),
        );
        p
    }

    #[test]
    fn no_byte_of_private_notes_survives_in_the_plan_or_its_snapshots() {
        let p = plan_with_private_everywhere();
        assert!(serde_json::to_string(&p).unwrap().contains(MARKER));
        let out = without_private_notes(&p);
        let text = serde_json::to_string(&out).unwrap();
        assert!(!text.contains(MARKER), "{text}");
        // Everything else is kept.
        assert_eq!(out.customer.main_business, "Steel");
        assert_eq!(out.communication.reviews.len(), 2);
        assert_eq!(out.communication.reviews[0].attendees, "Ann");
        let snap = out.communication.reviews[0].snapshot.as_ref().unwrap();
        assert_eq!(snap["customer"]["main_business"], "Steel");
        assert!(snap["communication"].get(PRIVATE_FIELD).is_none());
        assert_eq!(out.extra["future"]["kept"], 1);
        // The plan given is not changed.
        assert!(p.communication.private_notes.contains(MARKER));
    }

    #[test]
    fn export_strips_only_when_asked() {
        let p = plan_with_private_everywhere();
        let kept = for_export(vec![p.clone()], false);
        assert_eq!(kept, vec![p.clone()]);
        let left_out = for_export(vec![p.clone(), p], true);
        assert!(left_out
            .iter()
            .all(|p| !serde_json::to_string(p).unwrap().contains(MARKER)));
    }
}
