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
mod tests;
