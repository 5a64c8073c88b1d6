//! Places this tab and another tab changed differently: merging another tab's save, holding
//! the places both changed until the rep chooses, and keeping held text safe in its own key.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use super::{Base, Editor, FieldConflict, Held, SaveStatus};
use crate::i18n::t;
use crate::model::merge::{self, Path};
use crate::model::plan::Plan;
use crate::persist::codec;
use crate::persist::storage::{self, PlanRead, StoreError};

// Through `persist::codec`: here whenever a plan is open (it was read with it).
fn to_value(plan: &Plan) -> Option<Value> {
    codec::plan_to_value(plan).ok().flatten()
}

fn from_value(value: Value) -> Option<Plan> {
    codec::plan_from_value(value).ok()?.ok()
}

/// The plan with each held place set to one side's value.
pub(super) fn with_side(plan: &Plan, held: &[Held], mine: bool) -> Plan {
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
                h.ours.clone()
            } else {
                h.theirs.clone()
            },
        );
    }
    from_value(v).unwrap_or_else(|| plan.clone())
}

impl Editor {
    pub(super) fn held(&self) -> Vec<Held> {
        self.conflicts
            .with_untracked(|cs| cs.iter().map(|c| c.held.clone()).collect())
    }

    /// Shows the held places of the working plan, for the fields and the banner.
    pub(super) fn show_held(&self, working: &Plan, held: Vec<Held>) {
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
    pub(super) fn load_base(&self, id: &str) {
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

    /// Puts back the text a tab held at conflicting places (after a crash or a reload), as long
    /// as the stored plan still differs there.
    pub(super) fn restore_held(&self, id: &str) {
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
            .filter(|h| h.ours != h.theirs)
            .collect();
        let working = with_side(&working, &held, true);
        self.plan.set(Some(working.clone()));
        self.show_held(&working, held);
        let _ = self.write_held();
    }

    /// Writes the held places (with what the rep typed there since) to their key.
    pub(super) fn write_held(&self) -> Result<(), StoreError> {
        let Some(id) = self.id() else { return Ok(()) };
        let Some(working) = self.plan.get_untracked() else {
            return Ok(());
        };
        let mut held = self.held();
        if !held.is_empty() {
            if let Some(v) = to_value(&working) {
                for h in &mut held {
                    h.ours = merge::get(&v, &h.path).cloned();
                }
            }
            held.retain(|h| h.ours != h.theirs);
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

    /// Merges the stored plan (another tab's save) into this tab's: see the module comment.
    /// Returns false when the stored plan cannot be read.
    pub(super) fn merge_stored(&self) -> bool {
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
        held.extend(merged.conflicts);
        held.retain(|h| h.ours != h.theirs);
        let mut value = merged.value;
        for h in &held {
            merge::set(&mut value, &h.path, h.ours.clone());
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
    pub(crate) fn resolve_now(&self, path: &Path, keep_mine: bool) {
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

    /// Another tab wrote this plan's key: merge its save into ours, and save the result if it
    /// holds edits of ours the stored plan lacks.
    pub(crate) fn on_external_change_now(&self) {
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
}
