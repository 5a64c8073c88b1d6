use super::*;
use crate::model::merge::merge_typed;
use crate::model::plan::Contact;
use serde_json::json;

fn d(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

fn comment(id: &str, at: Pin, text: &str) -> Comment {
    Comment {
        id: id.into(),
        at,
        author: "Mei".into(),
        date: d("2026-12-01"),
        text: text.into(),
        replies: Vec::new(),
        resolved: false,
        extra: Extra::new(),
    }
}

fn plan_with_contact() -> Plan {
    let mut p = Plan::new("p1", "Acme", chrono::Utc::now());
    p.relationships.contacts.push(Contact {
        id: 3,
        name: "Ann Lee".into(),
        ..Contact::default()
    });
    p
}

#[test]
fn comments_and_verdicts_round_trip_in_the_plan_json_as_arrays_with_ids() {
    let mut p = plan_with_contact();
    add_comment(
        &mut p,
        comment(
            "c1",
            Pin::Row {
                table: "relationships.contacts".into(),
                id: 3,
            },
            "Who is <b>her</b> boss?",
        ),
    );
    add_comment(
        &mut p,
        comment("c2", Pin::Field("customer.main_business".into()), "Vague"),
    );
    add_verdict(
        &mut p,
        Verdict {
            id: "v1".into(),
            kind: VerdictKind::ChangesRequested,
            reviewer: "Mei".into(),
            date: d("2026-12-01"),
            note: "Fix contacts".into(),
            extra: Extra::new(),
        },
    );
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["comments"][0]["id"], "c1");
    assert_eq!(
        v["comments"][0]["at"],
        json!({"row": {"table": "relationships.contacts", "id": 3}})
    );
    assert_eq!(
        v["comments"][1]["at"],
        json!({"field": "customer.main_business"})
    );
    assert_eq!(v["comments"][0]["text"], "Who is <b>her</b> boss?");
    assert_eq!(v["verdicts"][0]["kind"], "changes_requested");
    let back: Plan = serde_json::from_value(v).unwrap();
    assert_eq!(comments(&back).len(), 2);
    assert_eq!(verdicts(&back)[0].note, "Fix contacts");
}

#[test]
fn replies_and_resolve_change_only_their_comment_and_keep_unknown_items() {
    let mut p = Plan::new("p", "X", chrono::Utc::now());
    add_comment(&mut p, comment("a", Pin::Step(3), "one"));
    add_comment(&mut p, comment("b", Pin::Step(4), "two"));
    // An item from a newer KeyPlan that this one cannot read stays in the plan.
    if let Some(Value::Array(l)) = p.extra.get_mut(COMMENTS) {
        l.push(json!({"id": "z", "at": {"galaxy": 1}}));
    }
    let reply = Reply {
        id: "r1".into(),
        author: "Sam".into(),
        date: d("2026-12-02"),
        text: "Done".into(),
        extra: Extra::new(),
    };
    assert!(add_reply(&mut p, "b", reply));
    assert!(!add_reply(&mut p, "nope", Reply::default()));
    assert!(set_resolved(&mut p, "b", true));
    let cs = comments(&p);
    assert_eq!(cs.len(), 2);
    assert!(!cs[0].resolved && cs[0].replies.is_empty());
    assert!(cs[1].resolved && cs[1].replies[0].text == "Done");
    assert_eq!(p.extra[COMMENTS].as_array().unwrap().len(), 3);
}

#[test]
fn a_comment_shows_at_its_field_row_or_step_and_at_the_step_when_its_row_is_gone() {
    let p = plan_with_contact();
    let j = serde_json::to_value(&p).unwrap();
    let row = Pin::Row {
        table: "relationships.contacts".into(),
        id: 3,
    };
    assert_eq!(
        place(&j, &row),
        (
            Step::Relationships,
            Placed::Row("relationships.contacts", 3)
        )
    );
    let gone = Pin::Row {
        table: "relationships.contacts".into(),
        id: 9,
    };
    assert_eq!(
        place(&j, &gone),
        (Step::Relationships, Placed::Step { removed: true })
    );
    assert_eq!(
        place(&j, &Pin::Field("customer.main_business".into())),
        (Step::Customer, Placed::Field("customer.main_business"))
    );
    assert_eq!(
        place(&j, &Pin::Field("customer.no_such_field".into())),
        (Step::Customer, Placed::Step { removed: true })
    );
    assert_eq!(
        place(&j, &Pin::Step(7)),
        (Step::Communication, Placed::Step { removed: false })
    );
    assert_eq!(
        schema_anchor(&Placed::Row("relationships.contacts", 3)),
        "contacts-3"
    );
    assert_eq!(
        schema_anchor(&Placed::Field("customer.main_business")),
        "customer-main_business"
    );
    assert_eq!(thread_anchor("c 1/x"), "comment-c-1-x");
}

#[test]
fn open_comments_leave_resolved_ones_out_and_follow_the_steps() {
    let mut p = plan_with_contact();
    add_comment(&mut p, comment("late", Pin::Step(7), "a"));
    add_comment(&mut p, comment("early", Pin::Step(2), "b"));
    add_comment(&mut p, comment("done", Pin::Step(1), "c"));
    set_resolved(&mut p, "done", true);
    let ids: Vec<String> = open_comments(&p).into_iter().map(|(c, ..)| c.id).collect();
    assert_eq!(ids, ["early", "late"]);
}

#[test]
fn every_schema_field_is_found_from_the_dom_id_its_step_gives_it() {
    assert_eq!(
        field_path_of_dom_id("rel-decision_process"),
        Some("relationships.decision_process")
    );
    assert_eq!(
        field_path_of_dom_id("customer-main_business"),
        Some("customer.main_business")
    );
    assert_eq!(
        field_path_of_dom_id("comm-lose"),
        Some("communication.lose_order_not_customer")
    );
    assert_eq!(
        field_path_of_dom_id("bp-strengths"),
        Some("blueprint.strengths")
    );
    assert_eq!(field_path_of_dom_id("nothing-here"), None);
    for (_, f) in schema::fields() {
        assert_eq!(field_path_of_dom_id(&schema::dom_id(f.path)), Some(f.path));
    }
}

#[test]
fn a_verdict_is_logged_once_however_often_the_file_is_imported() {
    let mut p = plan_with_contact();
    add_verdict(
        &mut p,
        Verdict {
            id: "v1".into(),
            kind: VerdictKind::Approved,
            reviewer: "Mei".into(),
            date: d("2026-12-01"),
            note: "Good".into(),
            extra: Extra::new(),
        },
    );
    let file = p.clone();
    assert_eq!(log_verdicts(&mut p), 1);
    assert_eq!(
        log_verdicts(&mut p),
        0,
        "the same plan again writes nothing"
    );
    let r = &p.communication.reviews[0];
    assert_eq!(
        (r.attendees.as_str(), r.changes.as_str(), r.date),
        ("Mei", "Good", d("2026-12-01"))
    );
    assert_eq!(review_verdict(r), Some(VerdictKind::Approved));
    assert!(is_verdict_review(r) && r.snapshot.is_some());
    // The file merged into the rep's plan (which logged it) still logs it once.
    let base = file.clone();
    let merged = merge_typed(&base, &p, &file).unwrap().0;
    let mut merged = merged;
    assert_eq!(log_verdicts(&mut merged), 0);
    assert_eq!(merged.communication.reviews.len(), 1);
}

#[test]
fn comments_added_on_both_sides_and_a_reply_survive_a_three_way_merge() {
    let mut base = plan_with_contact();
    add_comment(&mut base, comment("c1", Pin::Step(3), "first"));
    let mut ours = base.clone();
    let mut theirs = base.clone();
    add_reply(
        &mut ours,
        "c1",
        Reply {
            id: "r-ours".into(),
            author: "Sam".into(),
            text: "answered".into(),
            ..Reply::default()
        },
    );
    set_resolved(&mut ours, "c1", true);
    add_comment(
        &mut theirs,
        comment("c2", Pin::Field("customer.size".into()), "second"),
    );
    add_verdict(
        &mut theirs,
        Verdict {
            id: "v9".into(),
            reviewer: "Mei".into(),
            ..Verdict::default()
        },
    );
    let (merged, conflicts) = merge_typed(&base, &ours, &theirs).unwrap();
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let cs = comments(&merged);
    assert_eq!(cs.len(), 2);
    assert!(cs[0].resolved && cs[0].replies[0].id == "r-ours");
    assert_eq!(cs[1].text, "second");
    assert_eq!(verdicts(&merged).len(), 1);
}

#[test]
fn bad_comment_text_is_refused_with_a_reason() {
    assert_eq!(check_text("", "x"), Err("comments.e_name"));
    assert_eq!(check_text("Mei", "  "), Err("comments.e_text"));
    assert_eq!(
        check_text("Mei", &"x".repeat(MAX_TEXT + 1)),
        Err("comments.e_long")
    );
    assert_eq!(check_text("Mei", "Fine"), Ok(()));
}

#[test]
fn a_file_of_the_next_format_is_refused_as_made_by_a_newer_keyplan() {
    use crate::model::migration::SCHEMA_VERSION;
    use crate::persist::import::{parse_file, ImportError};
    // What this build writes opens here; what the next build writes is refused with the
    // message a version-3 build gives a version-4 file.
    let now = chrono::Utc::now();
    let mut p = plan_with_contact();
    add_comment(&mut p, comment("c1", Pin::Step(2), "Hello"));
    let ours = crate::persist::file::encode_file(&[p], None, now);
    let back = parse_file(ours.as_bytes()).unwrap();
    assert_eq!(comments(&back.plans[0])[0].text, "Hello");
    let next = ours.replace(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        &format!("\"schema_version\": {}", SCHEMA_VERSION + 1),
    );
    assert_ne!(next, ours);
    match parse_file(next.as_bytes()) {
        Err(e @ ImportError::Newer { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("made by a newer KeyPlan"), "{msg}");
            assert!(
                msg.contains(&format!("format {}", SCHEMA_VERSION + 1)),
                "{msg}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A version-3 file (before comments) still imports, with empty lists.
    let v3 = br#"{"kind":"keyplan","schema_version":3,"plans":[{"id":"a","header":{"account_name":"Old"}}]}"#;
    let f = parse_file(v3).unwrap();
    assert!(comments(&f.plans[0]).is_empty());
    assert_eq!(f.plans[0].extra.get(VERDICTS), Some(&json!([])));
}

#[test]
fn the_docs_describe_comments_and_verdicts_as_the_model_reads_them() {
    let schema: Value =
        serde_json::from_str(include_str!("../../../docs/keyplan.schema.json")).unwrap();
    let kinds = &schema["$defs"]["verdict"]["properties"]["kind"]["enum"];
    assert_eq!(
        kinds,
        &json!([
            VerdictKind::Approved.key(),
            VerdictKind::ChangesRequested.key()
        ])
    );
    let plan = &schema["$defs"]["plan"]["properties"];
    assert!(plan[COMMENTS].is_object() && plan[VERDICTS].is_object());
    // The example file in FORMAT.md is of this version and imports with its comment.
    let doc = include_str!("../../../docs/FORMAT.md");
    let start = doc.find("```json\n").unwrap() + 8;
    let end = start + doc[start..].find("```").unwrap();
    let f = crate::persist::import::parse_file(&doc.as_bytes()[start..end]).unwrap();
    assert!(doc[start..end].contains(&format!(
        "\"schema_version\": {}",
        crate::model::migration::SCHEMA_VERSION
    )));
    let cs = comments(&f.plans[0]);
    assert_eq!(cs[0].at, Pin::Field("customer.main_business".into()));
    assert!(cs[0].resolved && cs[0].replies.len() == 1);
    assert_eq!(verdicts(&f.plans[0])[0].kind, VerdictKind::ChangesRequested);
}

#[test]
fn comments_on_the_private_notes_leave_with_them() {
    let mut p = plan_with_contact();
    p.communication.private_notes = "Buyer is leaving in May".into();
    add_comment(
        &mut p,
        comment(
            "secret",
            Pin::Field("communication.private_notes".into()),
            "About May?",
        ),
    );
    add_comment(&mut p, comment("open", Pin::Step(1), "Fine"));
    let out = crate::model::privacy::without_private_notes(&p);
    let ids: Vec<String> = comments(&out).into_iter().map(|c| c.id).collect();
    assert_eq!(ids, ["open"]);
    assert_eq!(comments(&p).len(), 2, "the rep's own copy keeps them");
}
