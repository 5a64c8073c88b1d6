//! Plans whose latest edits could not be saved (storage full or failing): kept in memory,
//! offered as a backup download, and saved again when the rep retries.

use leptos::prelude::*;

use super::workspace::{StoreError, Workspace};
use crate::model::plan::Plan;
use crate::persist::storage;

impl Workspace {
    /// A save failed: the plan's latest version stays in memory until a save succeeds.
    pub fn hold_unsaved(&self, plan: Plan, error: StoreError) {
        let id = plan.id.clone();
        self.keep_in_memory(plan);
        self.unsaved.update(|u| {
            if !u.contains(&id) {
                u.push(id);
            }
        });
        self.save_error.set(Some(error));
    }

    /// A save succeeded: the stored copy is the latest, memory need not hold it.
    pub fn saved(&self, id: &str) {
        if !self.unsaved.with_untracked(|u| u.iter().any(|x| x == id)) {
            return;
        }
        self.memory.update_value(|m| {
            m.remove(id);
        });
        self.unsaved.update(|u| u.retain(|x| x != id));
        if self.unsaved.with_untracked(Vec::is_empty) {
            self.save_error.set(None);
        }
    }

    /// The unsaved plans, as held in memory.
    pub fn unsaved_plans(&self) -> Vec<Plan> {
        let ids = self.unsaved.get_untracked();
        self.memory
            .with_value(|m| ids.iter().filter_map(|id| m.get(id).cloned()).collect())
    }

    /// Tries again to save every plan held unsaved (except `skip`, saved by its editor).
    pub fn retry_unsaved(&self, skip: Option<&str>) {
        for plan in self
            .unsaved_plans()
            .into_iter()
            .filter(|p| Some(p.id.as_str()) != skip)
        {
            match storage::save_plan(&plan, |p, b| self.summarise(p, b)) {
                Ok(saved) => {
                    self.upsert_summary(saved.summary);
                    self.saved(&plan.id);
                }
                Err(e) => self.save_error.set(Some(e)),
            }
        }
    }

    pub fn keep_in_memory(&self, plan: Plan) {
        self.memory.update_value(|m| {
            m.insert(plan.id.clone(), plan);
        });
    }
}
