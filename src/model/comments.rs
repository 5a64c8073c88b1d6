//! Reviewer comments and verdicts (issue 15, item 3): a manager or mentor who receives a plan
//! pins comments to a field, a table row or a step and gives a verdict; the rep answers and
//! resolves them, and a verdict that comes back is written once to step 7's review log.
//!
//! They live in the plan as two arrays of objects with a string `id` (`comments`, `verdicts`,
//! kept in the plan's `extra` so every other part of KeyPlan carries them untouched), so the
//! three-way merge (`model::merge`) matches them by id like table rows: a comment added on either
//! side, a reply on either side, a resolve on one side, all survive a merge.
//!
//! Pure: no browser, no language. Places are schema paths and steps; the interface words them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::plan::{next_row_id, Extra, Plan, Review, RowId};
use super::schema::{self, Step};

/// The plan's key for its comments.
pub const COMMENTS: &str = "comments";
/// The plan's key for its verdicts.
pub const VERDICTS: &str = "verdicts";
/// A review log entry written from a verdict carries the verdict's id under this key
/// (so the same verdict is never logged twice) and its kind under `verdict`.
pub const VERDICT_ID: &str = "verdict_id";
pub const VERDICT_KIND: &str = "verdict";

/// Where a comment is pinned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pin {
    /// A field outside tables, by its schema path (`customer.main_business`).
    Field(String),
    /// A row of a table, by the table's schema path and the row's id.
    Row { table: String, id: RowId },
    /// A step as a whole, 1–7.
    Step(u8),
}

/// An answer to a comment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reply {
    pub id: String,
    pub author: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: String,
    pub at: Pin,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub replies: Vec<Reply>,
    #[serde(default)]
    pub resolved: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    Approved,
    #[default]
    ChangesRequested,
}

impl VerdictKind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::ChangesRequested => "changes_requested",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "approved" => Some(Self::Approved),
            "changes_requested" => Some(Self::ChangesRequested),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Verdict {
    pub id: String,
    pub kind: VerdictKind,
    pub reviewer: String,
    pub date: Option<NaiveDate>,
    pub note: String,
    #[serde(flatten)]
    pub extra: Extra,
}

fn read_list<T: for<'de> Deserialize<'de>>(plan: &Plan, key: &str) -> Vec<T> {
    match plan.extra.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            // One unreadable item (from a newer KeyPlan) is skipped here, never dropped from
            // the stored plan: writing goes through `update_list`, which keeps it.
            .filter_map(|v| serde_json::from_value(v.clone()).ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// Rewrites the list at `key`, keeping any item this version cannot read where it was.
fn update_list<T: Serialize + for<'de> Deserialize<'de>>(
    plan: &mut Plan,
    key: &str,
    change: impl FnOnce(&mut Vec<T>),
) {
    let raw: Vec<Value> = match plan.extra.remove(key) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let (mut known, unknown): (Vec<T>, Vec<Value>) =
        raw.into_iter()
            .fold((Vec::new(), Vec::new()), |(mut k, mut u), v| {
                match serde_json::from_value::<T>(v.clone()) {
                    Ok(item) => k.push(item),
                    Err(_) => u.push(v),
                }
                (k, u)
            });
    change(&mut known);
    let mut out: Vec<Value> = known
        .iter()
        .filter_map(|c| serde_json::to_value(c).ok())
        .collect();
    out.extend(unknown);
    plan.extra.insert(key.into(), Value::Array(out));
}

pub fn comments(plan: &Plan) -> Vec<Comment> {
    read_list(plan, COMMENTS)
}

pub fn verdicts(plan: &Plan) -> Vec<Verdict> {
    read_list(plan, VERDICTS)
}

pub fn add_comment(plan: &mut Plan, comment: Comment) {
    update_list(plan, COMMENTS, |l: &mut Vec<Comment>| l.push(comment));
}

/// Adds a reply to comment `id`; false when there is no such comment.
pub fn add_reply(plan: &mut Plan, id: &str, reply: Reply) -> bool {
    let mut found = false;
    update_list(plan, COMMENTS, |l: &mut Vec<Comment>| {
        if let Some(c) = l.iter_mut().find(|c| c.id == id) {
            c.replies.push(reply);
            found = true;
        }
    });
    found
}

pub fn set_resolved(plan: &mut Plan, id: &str, resolved: bool) -> bool {
    let mut found = false;
    update_list(plan, COMMENTS, |l: &mut Vec<Comment>| {
        if let Some(c) = l.iter_mut().find(|c| c.id == id) {
            c.resolved = resolved;
            found = true;
        }
    });
    found
}

pub fn add_verdict(plan: &mut Plan, verdict: Verdict) {
    update_list(plan, VERDICTS, |l: &mut Vec<Verdict>| l.push(verdict));
}

/// Why a comment or verdict cannot be saved, as a catalogue key the interface words.
pub fn check_text(author: &str, text: &str) -> Result<(), &'static str> {
    if author.trim().is_empty() {
        return Err("comments.e_name");
    }
    if text.trim().is_empty() {
        return Err("comments.e_text");
    }
    if text.chars().count() > MAX_TEXT {
        return Err("comments.e_long");
    }
    Ok(())
}

/// The longest comment, reply or note, in characters.
pub const MAX_TEXT: usize = 4000;

/// Where a comment shows in the plan as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placed {
    /// At its field (schema path).
    Field(&'static str),
    /// At its row (table schema path, row id).
    Row(&'static str, RowId),
    /// At the step's heading; `removed` when its field or row no longer exists.
    Step { removed: bool },
}

/// The step a comment belongs to and where in it it shows. `plan_json` is the plan as JSON
/// (`serde_json::to_value(plan)`), to look rows up.
pub fn place(plan_json: &Value, pin: &Pin) -> (Step, Placed) {
    match pin {
        Pin::Field(path) => match schema::fields().find(|(_, f)| f.path == path) {
            Some((step, f)) => (step, Placed::Field(f.path)),
            None => (step_of_gone(path), Placed::Step { removed: true }),
        },
        Pin::Row { table, id } => match schema::tables().find(|(_, t)| t.path == table) {
            Some((step, t)) => {
                if schema::find_row(plan_json, t.path, u64::from(*id)).is_some() {
                    (step, Placed::Row(t.path, *id))
                } else {
                    (step, Placed::Step { removed: true })
                }
            }
            None => (step_of_gone(table), Placed::Step { removed: true }),
        },
        Pin::Step(n) => (
            Step::from_number(*n).unwrap_or(Step::Portfolio),
            Placed::Step { removed: false },
        ),
    }
}

/// The step of a path the schema no longer has: its own, else its top-level key's, else step 1.
fn step_of_gone(path: &str) -> Step {
    schema::step_of_path(path)
        .or_else(|| schema::step_of_path(path.split('.').next().unwrap_or_default()))
        .unwrap_or(Step::Portfolio)
}

/// The DOM id the comment's thread has, wherever it shows: what "Check your plan" links to.
pub fn thread_anchor(id: &str) -> String {
    format!(
        "comment-{}",
        id.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
    )
}

/// The schema anchor of a comment's place: the field's or row's DOM id, or the step heading.
pub fn schema_anchor(placed: &Placed) -> String {
    match placed {
        Placed::Field(path) => schema::dom_id(path),
        Placed::Row(table, id) => match schema::table(table) {
            Some(t) => format!("{}-{id}", t.anchor),
            None => "step-heading".into(),
        },
        Placed::Step { .. } => "step-heading".into(),
    }
}

/// The comments still open, in step order, each with its step and place.
pub fn open_comments(plan: &Plan) -> Vec<(Comment, Step, Placed)> {
    let json = serde_json::to_value(plan).unwrap_or(Value::Null);
    let mut out: Vec<(Comment, Step, Placed)> = comments(plan)
        .into_iter()
        .filter(|c| !c.resolved)
        .map(|c| {
            let (s, p) = place(&json, &c.at);
            (c, s, p)
        })
        .collect();
    out.sort_by_key(|(_, s, _)| *s);
    out
}

/// Step views give some fields their own DOM id rather than `schema::dom_id(path)`
/// (`rel-decision_process`); the schema path a field's DOM id stands for, either way.
pub fn field_path_of_dom_id(id: &str) -> Option<&'static str> {
    schema::fields()
        .map(|(_, f)| f.path)
        .find(|path| schema::dom_id(path) == id || short_dom_id(path).as_deref() == Some(id))
}

fn short_dom_id(path: &str) -> Option<String> {
    match path {
        "communication.lose_order_not_customer" => return Some("comm-lose".into()),
        "communication.private_notes" => return Some("comm-private".into()),
        _ => {}
    }
    let (top, rest) = path.split_once('.')?;
    let short = match top {
        "relationships" => "rel",
        "blueprint" => "bp",
        "communication" => "comm",
        "resources" => "res",
        _ => return None,
    };
    Some(format!("{short}-{}", rest.replace('.', "-")))
}

/// Takes out the comments pinned to the private notes (with their answers): when the rep leaves
/// private notes out of a file, what was said about them stays out too (`model::privacy`).
pub fn strip_private(plan: &mut Plan) {
    if !plan.extra.contains_key(COMMENTS) {
        return;
    }
    let private = format!("communication.{}", super::privacy::PRIVATE_FIELD);
    update_list(plan, COMMENTS, |l: &mut Vec<Comment>| {
        l.retain(|c| c.at != Pin::Field(private.clone()))
    });
}

/// Whether a review log entry was written from a verdict (left out of the print).
pub fn is_verdict_review(r: &Review) -> bool {
    r.extra.contains_key(VERDICT_ID)
}

/// The verdict kind a review log entry was written from, if any.
pub fn review_verdict(r: &Review) -> Option<VerdictKind> {
    r.extra
        .get(VERDICT_KIND)
        .and_then(Value::as_str)
        .and_then(VerdictKind::from_key)
}

/// Writes each verdict not yet in step 7's review log to it, with the plan as it came back as
/// the review's snapshot; a verdict already logged (its id is on a review) is left alone, so
/// importing the same file twice logs it once. Returns how many were written.
pub fn log_verdicts(plan: &mut Plan) -> usize {
    let mut written = 0;
    for v in verdicts(plan) {
        let logged = plan
            .communication
            .reviews
            .iter()
            .any(|r| r.extra.get(VERDICT_ID).and_then(Value::as_str) == Some(v.id.as_str()));
        if logged || v.id.is_empty() {
            continue;
        }
        let mut extra = Extra::new();
        extra.insert(VERDICT_ID.into(), Value::String(v.id.clone()));
        extra.insert(VERDICT_KIND.into(), Value::String(v.kind.key().into()));
        let review = Review {
            id: next_row_id(&plan.communication.reviews, |r| r.id),
            date: v.date,
            attendees: v.reviewer.clone(),
            changes: v.note.clone(),
            snapshot: Some(super::snapshot::snapshot(plan)),
            refresh: false,
            extra,
        };
        plan.communication.reviews.push(review);
        written += 1;
    }
    written
}

#[cfg(test)]
mod tests {
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
            serde_json::from_str(include_str!("../../docs/keyplan.schema.json")).unwrap();
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
        let doc = include_str!("../../docs/FORMAT.md");
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
}
