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
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::workspace::Workspace;
use crate::i18n::{t, tf};
use crate::model::merge::{self, Path};
use crate::model::plan::Plan;
use crate::persist::envelope::DecodeError;
use crate::persist::storage::{self, Expect, PlanRead, StoreError, Tag};

/// How long typing must pause before a save.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);
/// The longest unsaved edits wait while the rep keeps typing.
pub const AUTOSAVE_MAX_WAIT: Duration = Duration::from_millis(2000);

/// One place where this tab's edit and another tab's save disagree, held until the rep chooses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Held {
    pub path: Path,
    pub base: Option<Value>,
    /// This tab's value: in the working plan and on screen.
    pub mine: Option<Value>,
    /// The stored value (the other tab's), which stays stored until the rep chooses.
    pub theirs: Option<Value>,
}

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

fn to_value(plan: &Plan) -> Option<Value> {
    serde_json::to_value(plan).ok()
}

fn from_value(value: Value) -> Option<Plan> {
    serde_json::from_value(value).ok()
}

/// The plan with each held place set to one side's value.
fn with_side(plan: &Plan, held: &[Held], mine: bool) -> Plan {
    if held.is_empty() {
        return plan.clone();
    }
    let Some(mut v) = to_value(plan) else {
        return plan.clone();
    };
    for h in held {
        merge::set(
            &mut v,
            &h.path,
            if mine {
                h.mine.clone()
            } else {
                h.theirs.clone()
            },
        );
    }
    from_value(v).unwrap_or_else(|| plan.clone())
}

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

    fn held(&self) -> Vec<Held> {
        self.conflicts
            .with_untracked(|cs| cs.iter().map(|c| c.held.clone()).collect())
    }

    /// Shows the held places of the working plan, for the fields and the banner.
    fn show_held(&self, working: &Plan, held: Vec<Held>) {
        let mine_plan = Arc::new(working.clone());
        let views = held
            .into_iter()
            .map(|h| FieldConflict {
                theirs_plan: Arc::new(with_side(working, std::slice::from_ref(&h), false)),
                mine_plan: mine_plan.clone(),
                held: h,
            })
            .collect::<Vec<_>>();
        if self.conflicts.with_untracked(|c| *c != views) {
            self.conflicts.set(views);
        }
    }

    /// Reads the stored plan as the base this tab builds on.
    fn load_base(&self, id: &str) {
        let base = if self.ws.is_local() {
            let tag = storage::stored_tag(id).ok().flatten();
            match storage::read_plan(id) {
                Ok(PlanRead::Loaded(l)) => Some(Base { plan: l.plan, tag }),
                _ => None,
            }
        } else {
            None
        };
        let base = base.or_else(|| {
            self.plan.get_untracked().map(|plan| Base {
                plan,
                tag: storage::stored_tag(id).ok().flatten(),
            })
        });
        self.base.set_value(base);
    }

    /// Opens a plan (saving the one open before). Opening the open plan again does nothing.
    pub fn open(&self, id: &str) {
        if self.id().as_deref() == Some(id) && self.problem.get_untracked().is_none() {
            return;
        }
        self.flush();
        self.read_only.set(None);
        self.problem.set(None);
        self.conflict_copy.set(None);
        self.notice.set(None);
        self.conflicts.set(Vec::new());
        self.held_stored.set_value(false);
        self.base.set_value(None);
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

    /// Puts back the text a tab held at conflicting places (after a crash or a reload), as long
    /// as the stored plan still differs there.
    fn restore_held(&self, id: &str) {
        if !self.ws.is_local() {
            return;
        }
        let Some(held) = storage::load_held::<Vec<Held>>(id) else {
            return;
        };
        self.held_stored.set_value(true);
        let Some(working) = self.plan.get_untracked() else {
            return;
        };
        let Some(stored) = self
            .base
            .with_value(|b| b.as_ref().and_then(|b| to_value(&b.plan)))
        else {
            return;
        };
        let held: Vec<Held> = held
            .into_iter()
            .map(|mut h| {
                h.theirs = merge::get(&stored, &h.path).cloned();
                h
            })
            .filter(|h| h.mine != h.theirs)
            .collect();
        let working = with_side(&working, &held, true);
        self.plan.set(Some(working.clone()));
        self.show_held(&working, held);
        let _ = self.write_held();
    }

    /// Saves what is pending, then forgets the open plan.
    pub fn close(&self) {
        self.flush();
        self.plan.set(None);
        self.problem.set(None);
        self.read_only.set(None);
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

    /// Debounce with a maximum wait: 400 ms after the last edit, but never later than 2 s
    /// after the first unsaved one.
    fn schedule(&self) {
        if !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Pending);
        }
        self.timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
        let now = js_sys::Date::now();
        let first = self.first_unsaved.get_value().unwrap_or(now);
        self.first_unsaved.set_value(Some(first));
        let left = (first + AUTOSAVE_MAX_WAIT.as_millis() as f64 - now).max(0.0);
        let delay = Duration::from_millis(left.min(AUTOSAVE_DELAY.as_millis() as f64) as u64);
        let this = *self;
        let handle = set_timeout_with_handle(move || this.save_now(), delay).ok();
        self.timer.set_value(handle);
    }

    /// Saves at once if anything is unsaved (on blur, hide, page exit, navigation).
    pub fn flush(&self) {
        let pending = self.timer.try_update_value(|t| t.take()).flatten();
        if let Some(h) = pending {
            h.clear();
        }
        if matches!(
            self.status.get_untracked(),
            SaveStatus::Pending | SaveStatus::Failed(_)
        ) {
            self.save_now();
        }
    }

    /// Writes the held places (with what the rep typed there since) to their key.
    fn write_held(&self) -> Result<(), StoreError> {
        let Some(id) = self.id() else { return Ok(()) };
        let Some(working) = self.plan.get_untracked() else {
            return Ok(());
        };
        let mut held = self.held();
        if !held.is_empty() {
            if let Some(v) = to_value(&working) {
                for h in &mut held {
                    h.mine = merge::get(&v, &h.path).cloned();
                }
            }
            held.retain(|h| h.mine != h.theirs);
        }
        if held != self.held() {
            self.show_held(&working, held.clone());
        }
        if !self.ws.is_local() {
            return Ok(());
        }
        if !held.is_empty() {
            storage::save_held(&id, Some(&held))?;
            self.held_stored.set_value(true);
        } else if self.held_stored.get_value() {
            storage::save_held::<Vec<Held>>(&id, None)?;
            self.held_stored.set_value(false);
        }
        Ok(())
    }

    pub fn save_now(&self) {
        self.timer.set_value(None);
        self.first_unsaved.set_value(None);
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        if self.read_only.get_untracked().is_some() {
            return;
        }
        if !self.ws.is_local() {
            self.ws.upsert_summary(self.ws.summarise(&plan, 0));
            self.ws.keep_in_memory(plan);
            self.status.set(SaveStatus::InMemory);
            return;
        }
        let was_failed = matches!(self.status.get_untracked(), SaveStatus::Failed(_));
        // A refused save merges and tries again; a tab that keeps losing the race waits.
        for _ in 0..3 {
            // Held text first, so it is safe before the plan is written without it.
            if let Err(e) = self.write_held() {
                return self.failed(e);
            }
            let Some(working) = self.plan.get_untracked() else {
                return;
            };
            let to_store = with_side(&working, &self.held(), false);
            let Some((unchanged, tag)) = self
                .base
                .with_value(|b| b.as_ref().map(|b| (b.plan == to_store, b.tag)))
            else {
                self.load_base(&working.id);
                if self.base.with_value(Option::is_none) {
                    return;
                }
                continue;
            };
            if unchanged && tag.is_some() && !was_failed {
                // Nothing new to store (e.g. only held text changed).
                self.done(None);
                return;
            }
            match storage::save_plan_over(&to_store, Expect::Text(tag), |p, b| {
                self.ws.summarise(p, b)
            }) {
                Ok(saved) => {
                    let mut stored = to_store;
                    stored.revision = saved.revision;
                    stored.updated_at = Some(saved.at);
                    self.base.set_value(Some(Base {
                        plan: stored,
                        tag: Some(saved.tag),
                    }));
                    self.plan.update_untracked(|p| {
                        if let Some(p) = p {
                            p.revision = saved.revision;
                            p.updated_at = Some(saved.at);
                        }
                    });
                    self.ws.upsert_summary(saved.summary.clone());
                    self.done(Some(saved.at));
                    return;
                }
                Err(StoreError::Conflict { .. }) => {
                    if !self.merge_stored() {
                        // The stored plan cannot be read: keep ours for download, as before.
                        self.conflict_copy.set(Some(working));
                        self.status.set(SaveStatus::Idle);
                        self.notice.set(Some(t("editor.conflict").into()));
                        return;
                    }
                }
                Err(e) => return self.failed(e),
            }
        }
        self.schedule();
    }

    fn done(&self, at: Option<DateTime<Utc>>) {
        if let Some(id) = self.id() {
            self.ws.saved(&id);
        }
        let at = at.unwrap_or_else(Utc::now);
        self.status.set(SaveStatus::Saved(at.with_timezone(&Local)));
    }

    fn failed(&self, e: StoreError) {
        if let Some(plan) = self.plan.get_untracked() {
            self.ws.hold_unsaved(plan, e.clone());
        }
        self.status.set(SaveStatus::Failed(e));
    }

    /// Merges the stored plan (another tab's save) into this tab's: see the module comment.
    /// Returns false when the stored plan cannot be read.
    fn merge_stored(&self) -> bool {
        let Some(id) = self.id() else { return false };
        let tag = storage::stored_tag(&id).ok().flatten();
        let Ok(PlanRead::Loaded(l)) = storage::read_plan(&id) else {
            return false;
        };
        let theirs = l.plan;
        let Some(base) = self.base.get_value() else {
            return false;
        };
        if base.tag == tag {
            return true;
        }
        let Some(working) = self.plan.get_untracked() else {
            return false;
        };
        let mut held = self.held();
        let ours = with_side(&working, &held, false);
        let (Some(b), Some(o), Some(t)) =
            (to_value(&base.plan), to_value(&ours), to_value(&theirs))
        else {
            return false;
        };
        let merged = merge::merge(&b, &o, &t);
        // Places held before now compare with the newest stored value.
        for h in &mut held {
            h.theirs = merge::get(&t, &h.path).cloned();
        }
        held.extend(merged.conflicts.into_iter().map(|c| Held {
            path: c.path,
            base: c.base,
            mine: c.ours,
            theirs: c.theirs,
        }));
        held.retain(|h| h.mine != h.theirs);
        let mut value = merged.value;
        for h in &held {
            merge::set(&mut value, &h.path, h.mine.clone());
        }
        let Some(mut next) = from_value(value) else {
            return false;
        };
        next.revision = theirs.revision;
        next.updated_at = theirs.updated_at;
        self.base.set_value(Some(Base { plan: theirs, tag }));
        if self.plan.with_untracked(|p| p.as_ref() != Some(&next)) {
            self.plan.set(Some(next.clone()));
        }
        self.show_held(&next, held);
        let _ = self.write_held();
        true
    }

    /// The rep's choice at a held place: keep this tab's text, or take the stored one.
    pub fn resolve(&self, path: &Path, keep_mine: bool) {
        let Some(h) = self
            .conflicts
            .with_untracked(|cs| cs.iter().find(|c| c.held.path == *path).cloned())
        else {
            return;
        };
        let held: Vec<Held> = self
            .held()
            .into_iter()
            .filter(|x| x.path != *path)
            .collect();
        let Some(mut working) = self.plan.get_untracked() else {
            return;
        };
        if !keep_mine {
            working = with_side(&working, std::slice::from_ref(&h.held), false);
            self.plan.set(Some(working.clone()));
        }
        self.show_held(&working, held);
        self.status.set(SaveStatus::Pending);
        self.save_now();
    }

    /// "Try again": saves the open plan and every other plan held unsaved.
    pub fn retry(&self) {
        let open = self.id();
        if open
            .as_ref()
            .is_some_and(|id| self.ws.unsaved.with_untracked(|u| u.contains(id)))
        {
            self.save_now();
        }
        self.ws.retry_unsaved(open.as_deref());
    }

    /// Another tab wrote this plan's key: merge its save into ours, and save the result if it
    /// holds edits of ours the stored plan lacks.
    pub fn on_external_change(&self) {
        if self.read_only.get_untracked().is_some() || !self.ws.is_local() {
            return;
        }
        let before = self.plan.get_untracked();
        if !self.merge_stored() {
            return;
        }
        let after = self.plan.get_untracked();
        if before != after {
            self.notice.set(Some(t("editor.updated").into()));
        }
        let needs_write = self.base.with_value(|b| {
            b.as_ref().is_some_and(|b| {
                after
                    .as_ref()
                    .is_some_and(|w| with_side(w, &self.held(), false) != b.plan)
            })
        });
        if needs_write && !matches!(self.status.get_untracked(), SaveStatus::Pending) {
            self.schedule();
        }
    }

    pub fn saved_at_text(at: &DateTime<Utc>) -> String {
        at.with_timezone(&Local).format("%H:%M").to_string()
    }
}
