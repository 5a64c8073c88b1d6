//! Writing a CSV import of accounts, and undoing it: every plan written or none, and one Undo
//! puts the workspace back as it was.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::plan::Plan;
use crate::persist::storage::StoreError;

use super::workspace::Workspace;

/// What an import wrote, to undo it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub created: Vec<String>,
    /// The updated plans as they were before the import.
    pub before: Vec<Plan>,
    /// The revision the import left each plan at: an undo refuses to lose later edits.
    revisions: HashMap<String, u64>,
}

/// Writes the new and the refreshed plans all or nothing. `before` are the refreshed plans
/// as they were read for the preview; a plan another tab saved since is a conflict, and then
/// nothing is written.
pub fn import_accounts(
    ws: &Workspace,
    created: Vec<Plan>,
    refreshed: Vec<Plan>,
    before: Vec<Plan>,
) -> Result<Imported, StoreError> {
    let ids: Vec<String> = created.iter().map(|p| p.id.clone()).collect();
    let mut all = created;
    all.extend(refreshed);
    ws.import(&all)?;
    let revisions = all
        .iter()
        .filter_map(|p| ws.load_plan(&p.id).map(|s| (p.id.clone(), s.revision)))
        .collect();
    Ok(Imported {
        created: ids,
        before,
        revisions,
    })
}

/// Why an import cannot be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoError {
    /// This plan was changed after the import (here or in another tab).
    ChangedSince(String),
    Store(StoreError),
}

/// Puts every refreshed plan back as it was and removes the created ones.
pub fn undo_import(ws: &Workspace, done: &Imported) -> Result<(), UndoError> {
    let current = |id: &str| ws.load_plan(id);
    for id in done.created.iter().chain(done.before.iter().map(|p| &p.id)) {
        let now = current(id).map(|p| p.revision);
        if now.is_some() && now != done.revisions.get(id).copied() {
            let name = current(id)
                .map(|p| crate::i18n::describe::plan_name(&p).to_string())
                .unwrap_or_default();
            return Err(UndoError::ChangedSince(name));
        }
    }
    let restored: Vec<Plan> = done
        .before
        .iter()
        .map(|old| {
            let mut p = old.clone();
            p.revision = done.revisions.get(&old.id).copied().unwrap_or(old.revision);
            p
        })
        .collect();
    ws.import(&restored).map_err(UndoError::Store)?;
    remove_created(ws, &done.created).map_err(UndoError::Store)
}

/// Removes the plans an import created: their keys, then the index once (deleting them one by
/// one would write the whole index once per plan, seconds for a large import).
fn remove_created(ws: &Workspace, ids: &[String]) -> Result<(), StoreError> {
    use crate::persist::storage;
    if !ws.is_local() {
        for id in ids {
            ws.delete_plan(id)?;
        }
        return Ok(());
    }
    for id in ids {
        storage::remove(&storage::plan_key(id))?;
        storage::remove(&format!("{}{id}", storage::BACKUP_PREFIX))?;
    }
    let gone: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    storage::update_index(|list| list.retain(|s| !gone.contains(s.id.as_str())))?;
    ws.summaries
        .update(|l| l.retain(|s| !gone.contains(s.id.as_str())));
    ws.damaged
        .update(|l| l.retain(|(i, _)| !gone.contains(i.as_str())));
    Ok(())
}
