//! Review mode and the reviewer's and rep's actions on comments and verdicts (issue 15, item 3).
//!
//! The comments live in the open plan (`model::comments`) and are saved by the editor's
//! autosave like any edit; the reviewer's name is kept in the workspace settings, so it is asked
//! once per browser. "Send back" writes the file through the same export path and file naming
//! as "Download this plan".

use chrono::Utc;
use leptos::prelude::*;
use serde_json::Value;

use super::editor::Editor;
use super::workspace::{today, Workspace};
use crate::model::comments::{self, check_text, Comment, Pin, Placed, Reply, Verdict, VerdictKind};
use crate::model::schema::Step;

/// The settings key of the reviewer's (and replier's) name.
const NAME_KEY: &str = "reviewer_name";

/// Whether the open plan is being reviewed (a mode of the page, not of the plan), and the open
/// plan's comments with where each shows, worked out once per change for every place to read.
#[derive(Clone, Copy)]
pub struct ReviewMode {
    pub on: RwSignal<bool>,
    pub placed: Memo<Vec<(Comment, Step, Placed)>>,
}

impl ReviewMode {
    pub fn new(editor: Editor) -> Self {
        let list = Memo::new(move |_| {
            editor
                .plan
                .with(|p| p.as_ref().map(comments::comments).unwrap_or_default())
        });
        let placed = Memo::new(move |_| {
            let list = list.get();
            if list.is_empty() {
                return Vec::new();
            }
            // Rows are looked up in the plan's JSON: only when there are comments to place.
            let json = editor.plan.with(|p| {
                p.as_ref()
                    .and_then(|p| crate::persist::codec::plan_to_value(p).ok().flatten())
                    .unwrap_or(Value::Null)
            });
            list.into_iter()
                .map(|c| {
                    let (s, at) = comments::place(&json, &c.at);
                    (c, s, at)
                })
                .collect()
        });
        ReviewMode {
            on: RwSignal::new(false),
            placed,
        }
    }
}

/// The review mode in context (the app provides one; a lone component makes its own).
pub fn review_mode() -> ReviewMode {
    use_context::<ReviewMode>().unwrap_or_else(|| {
        let m = ReviewMode::new(expect_context::<Editor>());
        provide_context(m);
        m
    })
}

/// The name this browser's user gave for their comments, or "".
pub fn saved_name(ws: &Workspace) -> String {
    ws.settings.with(|s| {
        s.extra
            .get(NAME_KEY)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    })
}

pub fn save_name(ws: &Workspace, name: &str) {
    let name = name.trim().to_string();
    if saved_name(ws) == name {
        return;
    }
    ws.settings.update(|s| {
        s.extra.insert(NAME_KEY.into(), Value::String(name));
    });
    ws.save_settings();
}

/// Who is writing: the saved name, else (for the rep) who prepared the plan.
pub fn author(ws: &Workspace, editor: &Editor) -> String {
    let name = saved_name(ws);
    if !name.trim().is_empty() {
        return name;
    }
    editor
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.header.prepared_by.trim().to_string()))
        .unwrap_or_default()
}

/// A fresh id, unique across the browsers that exchange a plan (time and randomness).
pub fn new_id(prefix: &str) -> String {
    let now = js_sys::Date::now() as u64;
    let rnd = (js_sys::Math::random() * f64::from(1u32 << 24)) as u32;
    format!("{prefix}{now:x}{rnd:06x}")
}

fn writable(editor: &Editor) -> Result<(), &'static str> {
    if editor.read_only.with_untracked(Option::is_some) {
        return Err("comments.e_read_only");
    }
    Ok(())
}

/// Adds a comment at `pin` by this browser's user; an error is a catalogue key.
pub fn add(editor: &Editor, ws: &Workspace, pin: Pin, text: &str) -> Result<(), &'static str> {
    writable(editor)?;
    let author = author(ws, editor);
    check_text(&author, text)?;
    let comment = Comment {
        id: new_id("c"),
        at: pin,
        author,
        date: Some(today()),
        text: text.trim().to_string(),
        replies: Vec::new(),
        resolved: false,
        extra: Default::default(),
    };
    editor.edit(move |p| comments::add_comment(p, comment));
    editor.flush();
    Ok(())
}

pub fn reply(editor: &Editor, ws: &Workspace, id: &str, text: &str) -> Result<(), &'static str> {
    writable(editor)?;
    let author = author(ws, editor);
    check_text(&author, text)?;
    let reply = Reply {
        id: new_id("r"),
        author,
        date: Some(today()),
        text: text.trim().to_string(),
        extra: Default::default(),
    };
    let id = id.to_string();
    editor.edit(move |p| {
        comments::add_reply(p, &id, reply);
    });
    editor.flush();
    Ok(())
}

pub fn resolve(editor: &Editor, id: &str, resolved: bool) {
    if writable(editor).is_err() {
        return;
    }
    let id = id.to_string();
    editor.edit(move |p| {
        comments::set_resolved(p, &id, resolved);
    });
    editor.flush();
}

pub fn give_verdict(
    editor: &Editor,
    ws: &Workspace,
    kind: VerdictKind,
    note: &str,
) -> Result<(), &'static str> {
    writable(editor)?;
    let reviewer = saved_name(ws);
    if reviewer.trim().is_empty() {
        return Err("comments.e_name");
    }
    if note.chars().count() > comments::MAX_TEXT {
        return Err("comments.e_long");
    }
    let verdict = Verdict {
        id: new_id("v"),
        kind,
        reviewer,
        date: Some(today()),
        note: note.trim().to_string(),
        extra: Default::default(),
    };
    editor.edit(move |p| comments::add_verdict(p, verdict));
    editor.flush();
    Ok(())
}

/// Downloads the open plan, comments and verdicts included, as a KeyPlan file named like
/// every plan download; returns the file's name.
pub fn send_back(editor: &Editor) -> Option<String> {
    editor.flush();
    let plan = editor.plan.get_untracked()?;
    let name = crate::persist::file::file_name(crate::i18n::describe::plan_name(&plan), Utc::now());
    let (text, bases) = crate::state::files::export_text(vec![plan], false, None).ok()?;
    if !crate::state::files::save_file(&name, &text) {
        return None;
    }
    // What was sent back is the merge base for when the plan comes back again.
    crate::state::files::keep_bases(&bases);
    Some(name)
}

/// The plans of an import with each verdict not yet in their review log written to it.
pub fn log_verdicts(plans: &[crate::model::plan::Plan]) -> Vec<crate::model::plan::Plan> {
    plans
        .iter()
        .cloned()
        .map(|mut p| {
            comments::log_verdicts(&mut p);
            p
        })
        .collect()
}
