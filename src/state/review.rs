//! Recording a review as one whole (issue 13), and dropping an old snapshot to make room.
//!
//! A review carries a snapshot of the whole plan, so it is the edit most likely to meet a full
//! storage. It is saved at once rather than on the autosave's delay; if the save fails, the
//! review is taken out again and the plan is as it was: never a review that the screen shows
//! but storage does not hold.

use leptos::prelude::*;

use super::editor::{Editor, SaveStatus};
use super::workspace::Workspace;
use crate::model::plan::{next_row_id, Review};
use crate::model::snapshot::snapshot;
use crate::persist::storage::StoreError;
use crate::state::files::download_plan;

/// Adds `review` (its id and snapshot are filled in here) to the open plan and saves it at
/// once. On failure nothing is changed, in memory or in storage, and the error is returned.
pub fn record_review(editor: &Editor, ws: &Workspace, review: Review) -> Result<(), StoreError> {
    let before = editor.plan.get_untracked();
    let status_before = editor.status.get_untracked();
    editor.edit(move |p| {
        let id = next_row_id(&p.communication.reviews, |r| r.id);
        let snap = snapshot(p);
        p.communication.reviews.push(Review {
            id,
            snapshot: Some(snap),
            ..review
        });
    });
    if !ws.is_local() {
        return Ok(());
    }
    editor.flush();
    let SaveStatus::Failed(error) = editor.status.get_untracked() else {
        return Ok(());
    };
    // Take the review out again: the plan is as it was before, saved or not as it was.
    editor.plan.set(before.clone());
    if let Some(plan) = before {
        match status_before {
            SaveStatus::Pending | SaveStatus::Failed(_) => {
                ws.hold_unsaved(plan, error.clone());
                editor.status.set(SaveStatus::Failed(error.clone()));
            }
            other => {
                ws.saved(&plan.id);
                editor.status.set(other);
            }
        }
    }
    Err(error)
}

/// Downloads the plan (with the snapshot) as a file, then drops the snapshot of review
/// `review_id`; the review's date, attendees and notes stay.
pub fn drop_snapshot(
    ws: &Workspace,
    editor: &Editor,
    plan_id: &str,
    review_id: u32,
) -> Result<(), StoreError> {
    let open = editor.id().as_deref() == Some(plan_id);
    let plan = if open {
        editor.plan.get_untracked()
    } else {
        ws.load_plan(plan_id)
    }
    .ok_or_else(|| StoreError::Failed(crate::i18n::t("store.unreadable").into()))?;
    download_plan(&plan, "");
    let drop = move |p: &mut crate::model::plan::Plan| {
        if let Some(r) = p
            .communication
            .reviews
            .iter_mut()
            .find(|r| r.id == review_id)
        {
            r.snapshot = None;
        }
    };
    if open {
        editor.edit(drop);
        editor.flush();
        if let SaveStatus::Failed(e) = editor.status.get_untracked() {
            return Err(e);
        }
        Ok(())
    } else {
        let mut plan = plan;
        drop(&mut plan);
        ws.put_plan(plan)
    }
}

/// The plan a review's snapshot holds, for the comparison of two versions (none when it
/// cannot be read as a plan).
pub fn snapshot_plan(snapshot: &serde_json::Value) -> Option<crate::model::plan::Plan> {
    crate::persist::codec::plan_from_value(snapshot.clone())
        .ok()?
        .ok()
}
