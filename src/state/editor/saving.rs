//! Autosave: the debounce with a maximum wait, the save itself (merging when another tab
//! saved first) and what a failed save leaves behind.

use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;

use super::held::with_side;
use super::{Base, Editor, SaveStatus, AUTOSAVE_DELAY, AUTOSAVE_MAX_WAIT};
use crate::i18n::t;
use crate::persist::storage::{self, Expect, StoreError};

impl Editor {
    /// Debounce with a maximum wait: 400 ms after the last edit, but never later than 2 s
    /// after the first unsaved one.
    pub(super) fn schedule(&self) {
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
    pub(crate) fn flush_now(&self) {
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

    /// "Try again": saves the open plan and every other plan held unsaved.
    pub(crate) fn retry_now(&self) {
        let open = self.id();
        if open
            .as_ref()
            .is_some_and(|id| self.ws.unsaved.with_untracked(|u| u.contains(id)))
        {
            self.save_now();
        }
        self.ws.retry_unsaved(open.as_deref());
    }
}
