//! The open plan: edits, debounced autosave, flush on hide, conflicts with other tabs.

use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::workspace::Workspace;
use crate::i18n::{t, tf};
use crate::model::plan::Plan;
use crate::persist::envelope::DecodeError;
use crate::persist::storage::{self, PlanRead, StoreError};

/// How long typing must pause before a save.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

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
    /// Our version of a plan that another tab changed first, kept for download.
    pub conflict_copy: RwSignal<Option<Plan>>,
    /// A short message about something that happened to the plan (e.g. updated from another tab).
    pub notice: RwSignal<Option<String>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    ws: Workspace,
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
            timer: StoredValue::new(None),
            ws,
        }
    }

    pub fn id(&self) -> Option<String> {
        self.plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
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
        self.status.set(SaveStatus::Idle);
        match self.ws.read_plan(id) {
            Ok(PlanRead::Loaded(l)) => {
                if let Some(from) = l.migrated_from {
                    self.notice.set(Some(tf("editor.upgraded", &[&from])));
                }
                self.plan.set(Some(l.plan));
                if self
                    .ws
                    .unsaved
                    .with_untracked(|u| u.iter().any(|x| x == id))
                {
                    if let Some(e) = self.ws.save_error.get_untracked() {
                        self.status.set(SaveStatus::Failed(e));
                    }
                }
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
    pub fn close(&self) {
        self.flush();
        self.plan.set(None);
        self.problem.set(None);
        self.read_only.set(None);
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

    fn schedule(&self) {
        if !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Pending);
        }
        self.timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
        let this = *self;
        let handle = set_timeout_with_handle(move || this.save_now(), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Saves at once if anything is unsaved (on hide, page exit, navigation).
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

    pub fn save_now(&self) {
        self.timer.set_value(None);
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
        match storage::save_plan(&plan, |p, b| self.ws.summarise(p, b)) {
            Ok(saved) => {
                self.plan.update_untracked(|p| {
                    if let Some(p) = p {
                        p.revision = saved.revision;
                        p.updated_at = Some(saved.at);
                    }
                });
                self.ws.upsert_summary(saved.summary);
                self.ws.saved(&plan.id);
                self.status
                    .set(SaveStatus::Saved(saved.at.with_timezone(&Local)));
            }
            Err(StoreError::Conflict { .. }) => {
                // Another tab saved first: theirs wins in storage; ours is kept for download.
                self.conflict_copy.set(Some(plan.clone()));
                self.status.set(SaveStatus::Idle);
                self.reload_from_storage();
                self.notice.set(Some(t("editor.conflict").into()));
            }
            Err(e) => {
                self.ws.hold_unsaved(plan, e.clone());
                self.status.set(SaveStatus::Failed(e));
            }
        }
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

    /// Loads the open plan again from storage (after another tab saved it).
    pub fn reload_from_storage(&self) {
        let Some(id) = self.id() else { return };
        if let Ok(PlanRead::Loaded(l)) = storage::read_plan(&id) {
            self.plan.set(Some(l.plan));
        }
    }

    /// Another tab wrote this plan's key: take its version when we have nothing unsaved;
    /// otherwise the next save finds the conflict and keeps our copy for download.
    pub fn on_external_change(&self) {
        if matches!(self.status.get_untracked(), SaveStatus::Pending) {
            return;
        }
        let ours = self.plan.with_untracked(|p| p.as_ref().map(|p| p.revision));
        let Some(id) = self.id() else { return };
        if let Ok(PlanRead::Loaded(l)) = storage::read_plan(&id) {
            if Some(l.plan.revision) != ours {
                self.plan.set(Some(l.plan));
                self.notice.set(Some(t("editor.updated").into()));
            }
        }
    }

    pub fn saved_at_text(at: &DateTime<Utc>) -> String {
        at.with_timezone(&Local).format("%H:%M").to_string()
    }
}
