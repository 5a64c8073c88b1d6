//! The storage room and backups, as screens ask for them: what the stored values take, the
//! largest review snapshots, the backup clock, and small remembered choices.

use leptos::prelude::*;

use super::workspace::{today, Workspace};
use crate::persist::storage::{self, INDEX_KEY, INSTALL_HINT_KEY, PLAN_PREFIX};
use crate::persist::usage;

pub use crate::persist::storage::QUOTA_ESTIMATE;
pub use crate::persist::usage::{SnapshotCost, Usage};

impl Workspace {
    /// Every stored key of this origin with its length in UTF-16 units (reads every value once).
    pub fn stored_sizes(&self) -> Vec<(String, usize)> {
        storage::entries().unwrap_or_default()
    }

    /// What the stored values take of the quota, from `stored_sizes`.
    pub fn usage_of(&self, sizes: &[(String, usize)]) -> Usage {
        usage::usage(sizes, PLAN_PREFIX, INDEX_KEY, QUOTA_ESTIMATE)
    }

    /// What every key of this origin takes now.
    pub fn current_usage(&self) -> Usage {
        self.usage_of(&self.stored_sizes())
    }

    /// The stored plans among `sizes`, as (plan id, units), each with its merge base
    /// (issue 15), largest first, at most `n`.
    pub fn largest_plans(&self, sizes: &[(String, usize)], n: usize) -> Vec<(String, usize)> {
        let mut plans = self.usage_of(sizes).plans;
        plans.truncate(n);
        plans
    }

    /// What each review snapshot of a stored plan takes (none when it cannot be read).
    pub fn snapshot_costs(&self, id: &str) -> Vec<SnapshotCost> {
        storage::read(&storage::plan_key(id))
            .ok()
            .flatten()
            .map(|raw| usage::snapshot_costs(&raw))
            .unwrap_or_default()
    }

    /// A backup was downloaded: the reminder starts counting again today.
    pub fn mark_exported(&self) {
        storage::mark_exported(today());
        self.last_export.set(Some(today()));
        self.backup_clock.set(today());
    }

    /// The rep has read the notice that the plan list was rebuilt.
    pub fn dismiss_index_rebuilt(&self) {
        self.index_rebuilt.set(false);
    }

    /// Whether the rep closed the "add to Home Screen" hint in this browser.
    pub fn install_hint_closed(&self) -> bool {
        storage::read(INSTALL_HINT_KEY).is_ok_and(|v| v.is_some())
    }

    /// Remembers that the rep closed the "add to Home Screen" hint.
    pub fn close_install_hint(&self) {
        let _ = storage::write(INSTALL_HINT_KEY, "1");
    }
}
