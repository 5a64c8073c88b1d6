//! The open plan: edits, autosave, flush on hide, and merging with other tabs' saves.
//!
//! ## Autosave
//! A save happens 400 ms after typing pauses, and at the latest 2 s after the first unsaved
//! edit (so steady typing is saved every 2 s and a killed tab loses at most the last 2 s), when
//! a field loses focus, and when the page is hidden or left. A save writes only when the plan
//! differs from what this tab last stored.
//!
//! ## Two tabs on one plan
//! The editor keeps a *base*: the plan exactly as this tab last loaded or wrote it, with the
//! fingerprint of the stored text (storage::Tag). A save writes only over that very text
//! (`Expect::Text`); a save of our own that was undone (index write failed) or another tab's
//! save with the same revision number is told apart by the text, never by the number.
//!
//! When another tab's save is seen (storage event) or our save is refused because the key holds
//! another text, the editor merges (model::merge) base → ours and base → theirs, field by field,
//! tables by row id. Fields only one tab changed are kept from both, silently; the fields on
//! screen show the merged plan, and the merged plan is saved.
//!
//! A field both tabs changed differently is *held*: storage keeps the other tab's value (so the
//! other tab, which sees its own text stored, loses nothing), while this tab keeps its own text
//! in the working plan, on screen, and in a small key of its own (`keyplan:held:<plan>`, written
//! before the merged plan), so it survives a crash or a reload: opening the plan again puts the
//! held text back and asks again. Every save writes the working plan with the other tab's values
//! at the held places, and refreshes the held key with what the rep typed there since. The rep
//! decides at the field and in a banner at the top: "Keep mine" writes this tab's text (the other
//! tab then takes it as an ordinary one-sided change), "Take theirs" puts the stored text in the
//! field. A held place that the stored plan comes to agree with is dropped on its own. Nothing
//! either tab typed leaves storage without that choice.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::workspace::Workspace;
use crate::i18n::tf;
use crate::model::merge;
use crate::model::plan::Plan;
use crate::persist::codec;
use crate::persist::envelope::DecodeError;
use crate::persist::storage::{self, PlanRead, StoreError, Tag};

/// How long typing must pause before a save.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);
/// The longest unsaved edits wait while the rep keeps typing.
pub const AUTOSAVE_MAX_WAIT: Duration = Duration::from_millis(2000);

/// One place where this tab's edit and another tab's save disagree, held until the rep chooses:
/// `ours` is this tab's value (in the working plan and on screen), `theirs` the stored value
/// (the other tab's), which stays stored until the rep chooses.
pub type Held = merge::Conflict;

/// A held place with the two plans a field compares to find out whether it is the one.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldConflict {
    pub held: Held,
    pub mine_plan: Arc<Plan>,
    pub theirs_plan: Arc<Plan>,
}

/// The plan as this tab last loaded or wrote it, and the fingerprint of that stored text.
#[derive(Clone, Debug)]
struct Base {
    plan: Plan,
    tag: Option<Tag>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the plan was opened.
    Idle,
    /// Edits are waiting for the debounce.
    Pending,
    Saved(DateTime<Local>),
    /// Storage is unavailable: edits live in this window only.
    InMemory,
    Failed(StoreError),
}

/// Why an open plan cannot be edited or shown.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenProblem {
    NotFound,
    /// The stored text is unreadable; it is kept untouched and can be downloaded.
    Damaged {
        raw: String,
        error: DecodeError,
    },
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub plan: RwSignal<Option<Plan>>,
    /// Set when the plan must not be changed (saved by a newer KeyPlan), with the reason.
    pub read_only: RwSignal<Option<String>>,
    pub problem: RwSignal<Option<OpenProblem>>,
    pub status: RwSignal<SaveStatus>,
    /// Our version of a plan that another tab changed and that could not be merged (the stored
    /// plan cannot be read), kept for download.
    pub conflict_copy: RwSignal<Option<Plan>>,
    /// A short message about something that happened to the plan (e.g. updated from another tab).
    pub notice: RwSignal<Option<String>>,
    /// Places both this tab and another tab changed, until the rep chooses (see the module).
    pub conflicts: RwSignal<Vec<FieldConflict>>,
    /// The field that shows each held place: path text, label and element id, for the banner.
    pub conflict_labels: RwSignal<Vec<(String, String, String)>>,
    base: StoredValue<Option<Base>>,
    /// When the oldest unsaved edit was made (ms since the epoch), for the maximum wait.
    first_unsaved: StoredValue<Option<f64>>,
    /// Whether this tab wrote held places to their key (and so may remove it).
    held_stored: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// One trigger per place of the plan that something on screen reads (a field's path, a
    /// table's, a section's; "" for the whole plan): a keystroke notifies its own place, the
    /// places inside it and the places around it, and nothing else.
    scopes: StoredValue<HashMap<String, ArcTrigger>>,
    ws: Workspace,
}

/// Whether a change at `changed` can touch what a reader of `read` reads: one holds the other.
fn related(read: &str, changed: &str) -> bool {
    let holds = |outer: &str, inner: &str| {
        outer.is_empty()
            || inner == outer
            || (inner.starts_with(outer) && inner.as_bytes().get(outer.len()) == Some(&b'.'))
    };
    holds(read, changed) || holds(changed, read)
}

mod held;
mod saving;

impl Editor {
    pub fn new(ws: Workspace) -> Self {
        Editor {
            plan: RwSignal::new(None),
            read_only: RwSignal::new(None),
            problem: RwSignal::new(None),
            status: RwSignal::new(SaveStatus::Idle),
            conflict_copy: RwSignal::new(None),
            notice: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
            conflict_labels: RwSignal::new(Vec::new()),
            base: StoredValue::new(None),
            first_unsaved: StoredValue::new(None),
            held_stored: StoredValue::new(false),
            timer: StoredValue::new(None),
            scopes: StoredValue::new(HashMap::new()),
            ws,
        }
    }

    pub fn id(&self) -> Option<String> {
        self.plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
    }

    // The entry points from outside a plan's pages go through `persist::codec`: the editor's code
    // is in the module that reads plans (issue 16). A plan is open only once that module is here,
    // so until then there is nothing to save, close or merge.

    /// Opens a plan (saving the one open before), once the code that reads plans is here.
    pub fn open(&self, id: &str) {
        let (this, id) = (*self, id.to_string());
        codec::then(move |here| {
            if !here || codec::editor_open(this, id).is_err() {
                this.plan.set(None);
                this.problem.set(Some(OpenProblem::NotFound));
            }
        });
    }

    /// Saves what is pending, then forgets the open plan.
    pub fn close(&self) {
        let _ = codec::editor_close(*self);
    }

    /// Saves at once if anything is unsaved (on blur, hide, page exit, navigation).
    pub fn flush(&self) {
        let _ = codec::editor_flush(*self);
    }

    /// "Try again": saves the open plan and every other plan held unsaved.
    pub fn retry(&self) {
        let _ = codec::editor_retry(*self);
    }

    /// The rep's choice at a held place: keep this tab's text, or take the stored one.
    pub fn resolve(&self, path: &merge::Path, keep_mine: bool) {
        let _ = codec::editor_resolve(*self, path.clone(), keep_mine);
    }

    /// Another tab wrote this plan's key: merge its save into ours.
    pub fn on_external_change(&self) {
        let _ = codec::editor_external_change(*self);
    }

    /// Opens a plan (saving the one open before). Opening the open plan again does nothing.
    pub(crate) fn open_now(&self, id: &str) {
        if self.id().as_deref() == Some(id) && self.problem.get_untracked().is_none() {
            return;
        }
        self.flush();
        self.forget_open();
        self.conflict_copy.set(None);
        self.notice.set(None);
        self.status.set(SaveStatus::Idle);
        match self.ws.read_plan(id) {
            Ok(PlanRead::Loaded(l)) => {
                if let Some(from) = l.migrated_from {
                    self.notice.set(Some(tf("editor.upgraded", &[&from])));
                }
                self.plan.set(Some(l.plan));
                self.load_base(id);
                if self
                    .ws
                    .unsaved
                    .with_untracked(|u| u.iter().any(|x| x == id))
                {
                    if let Some(e) = self.ws.save_error.get_untracked() {
                        self.status.set(SaveStatus::Failed(e));
                    }
                }
                self.restore_held(id);
            }
            Ok(PlanRead::Newer {
                plan: Some(p),
                error,
            }) => {
                self.read_only.set(Some(error.to_string()));
                self.plan.set(Some(p));
            }
            Ok(PlanRead::Newer { plan: None, error }) => {
                self.plan.set(None);
                self.problem.set(Some(OpenProblem::Damaged {
                    raw: storage::read(&storage::plan_key(id))
                        .ok()
                        .flatten()
                        .unwrap_or_default(),
                    error,
                }));
            }
            Ok(PlanRead::Damaged { raw, error }) => {
                self.ws.mark_damaged(id, error.to_string());
                self.plan.set(None);
                self.problem.set(Some(OpenProblem::Damaged { raw, error }));
            }
            Ok(PlanRead::Missing) => {
                self.plan.set(None);
                self.problem.set(Some(OpenProblem::NotFound));
            }
            Err(e) => {
                self.plan.set(None);
                self.status.set(SaveStatus::Failed(e));
                self.problem.set(Some(OpenProblem::NotFound));
            }
        }
    }

    /// Saves what is pending, then forgets the open plan.
    pub(crate) fn close_now(&self) {
        self.flush();
        self.plan.set(None);
        self.forget_open();
    }

    /// Clears what belongs to the plan that was open: its problem, read-only reason, held
    /// places and base.
    fn forget_open(&self) {
        self.read_only.set(None);
        self.problem.set(None);
        self.conflicts.set(Vec::new());
        self.held_stored.set_value(false);
        self.base.set_value(None);
    }

    /// Subscribes the running computation to changes at `scope` (a schema path, "" for all).
    pub fn track(&self, scope: &str) {
        let trigger = self.scopes.try_update_value(|m| {
            m.entry(scope.to_string())
                .or_insert_with(ArcTrigger::new)
                .clone()
        });
        if let Some(t) = trigger {
            t.track();
        }
    }

    /// Reads the open plan and subscribes to changes at `scope` and to whole-plan changes
    /// (opened, merged with another tab, a conflict settled).
    pub fn read<R>(&self, scope: &str, f: impl FnOnce(&Option<Plan>) -> R) -> R {
        self.track(scope);
        self.plan.with(f)
    }

    /// A figure computed from the open plan, recomputed only when `scope` changes (or the
    /// whole plan); the default while no plan is open.
    pub fn derive<R>(
        &self,
        scope: &'static str,
        f: impl Fn(&Plan) -> R + Send + Sync + 'static,
    ) -> Memo<R>
    where
        R: PartialEq + Default + Send + Sync + 'static,
    {
        let this = *self;
        Memo::new(move |_| this.read(scope, |p| p.as_ref().map(&f).unwrap_or_default()))
    }

    /// Applies a change confined to `scope` (a field's path, a row's cell, a table) and
    /// notifies only what reads there; schedules a save without copying the plan.
    pub fn edit_at(&self, scope: &str, change: impl FnOnce(&mut Plan)) {
        if self.read_only.get_untracked().is_some() || self.plan.with_untracked(Option::is_none) {
            return;
        }
        let visits = related("action.visits", scope);
        self.plan.update_untracked(|p| {
            if let Some(p) = p {
                change(p);
                if visits {
                    crate::model::checks::sync_last_contact(p);
                }
            }
        });
        self.notify(scope);
        if visits {
            // A visit's date is its contact's last contact.
            self.notify("relationships.contacts");
        }
        self.schedule();
    }

    fn notify(&self, scope: &str) {
        let hit: Vec<ArcTrigger> = self.scopes.with_value(|m| {
            m.iter()
                .filter(|(k, _)| related(k, scope))
                .map(|(_, t)| t.clone())
                .collect()
        });
        for t in hit {
            t.notify();
        }
    }

    /// Applies a change to the open plan and schedules a save. Refused when read-only.
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        if self.read_only.get_untracked().is_some() || self.plan.with_untracked(Option::is_none) {
            return;
        }
        self.plan.update(|p| {
            if let Some(p) = p {
                change(p);
                crate::model::checks::sync_last_contact(p);
            }
        });
        self.schedule();
    }

    pub fn saved_at_text(at: &DateTime<Utc>) -> String {
        at.with_timezone(&Local).format("%H:%M").to_string()
    }
}
