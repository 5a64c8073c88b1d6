//! The steps of an import behind the panel: reading a file against the workspace, merging the
//! plans that come back with the rep's picks, keeping what was received as merge bases, and
//! putting everything back on "Undo".

use leptos::prelude::*;

use crate::components::import_merge::Returning;
use crate::i18n::tf;
use crate::model::plan::Plan;
use crate::model::privacy;
use crate::model::provenance::{self, fingerprint, Base, Pick};
use crate::state::files::{
    base, compare, parse_file, ImportCounts, ImportError, Incoming, OnConflict,
};
use crate::state::workspace::Workspace;

/// A file read and set against the workspace, before the rep confirms.
#[derive(Clone)]
pub(super) struct Review {
    pub(super) incoming: Vec<Incoming>,
    /// For each plan of the file: its merge with the local plan, when it comes back.
    pub(super) returning: Vec<Option<Returning>>,
    pub(super) provenance: crate::state::files::ProvenanceMap,
    /// A backup (it carries the settings): no merge bases are kept from it.
    pub(super) backup: bool,
}

/// What an import changed, to put it back: each plan written, as it was before.
#[derive(Clone)]
pub(super) struct UndoEntry {
    id: String,
    before: Option<Plan>,
    base_before: Option<Base>,
}

/// Reads a file and sets it against the workspace: the review, the first choice for each plan
/// and an empty pick for each conflict of a plan that comes back.
#[allow(clippy::type_complexity)]
pub(super) fn read_review(
    ws: Workspace,
    bytes: &[u8],
) -> Result<(Review, Vec<OnConflict>, Vec<Vec<Option<Pick>>>), ImportError> {
    let file = parse_file(bytes)?;
    let backup = file.settings.is_some();
    let provenance = file.provenance;
    let incoming = ws.summaries().with_untracked(|s| compare(file.plans, s));
    // A plan that comes back (it is here, with a merge base): merged, not replaced.
    let returning: Vec<Option<Returning>> = incoming
        .iter()
        .map(|inc| {
            inc.existing.as_ref()?;
            let b = base::load(&inc.plan.id)?;
            let ours = ws.load_plan(&inc.plan.id)?;
            let sender = provenance
                .get(&inc.plan.id)
                .and_then(|p| p.base_fingerprint.as_deref());
            Some(Returning::new(ours, b, &inc.plan, sender))
        })
        .collect();
    let choices = incoming
        .iter()
        .zip(&returning)
        .map(|(i, r)| match r {
            Some(r) if r.takes_anything() => OnConflict::Merge,
            Some(_) => OnConflict::Skip,
            None if i.existing_newer => OnConflict::Skip,
            None => OnConflict::Replace,
        })
        .collect();
    let picks = returning
        .iter()
        .map(|r| {
            r.as_ref()
                .map_or_else(Vec::new, |r| vec![None; r.outcome.conflicts.len()])
        })
        .collect();
    let review = Review {
        incoming,
        returning,
        provenance,
        backup,
    };
    Ok((review, choices, picks))
}

/// The plans of the file as they will be written: merged with the rep's picks where merged,
/// without the sender's private notes where replaced. A merge with nothing to take becomes a
/// skip in `picked`.
pub(super) fn merged_incoming(
    rev: &Review,
    picked: &mut [OnConflict],
    all_picks: &[Vec<Option<Pick>>],
) -> Result<Vec<Incoming>, String> {
    let mut incoming = rev.incoming.clone();
    for (i, r) in rev.returning.iter().enumerate() {
        let Some(r) = r else { continue };
        if picked.get(i) == Some(&OnConflict::Replace) {
            // Their copy replaces ours, but never brings private notes: the rep keeps theirs.
            let mut p = privacy::without_private_notes(&incoming[i].plan);
            p.communication.private_notes = r.ours.communication.private_notes.clone();
            incoming[i].plan = p;
        }
        if picked.get(i) != Some(&OnConflict::Merge) {
            continue;
        }
        if !r.takes_anything() {
            picked[i] = OnConflict::Skip;
            continue;
        }
        let ps: Vec<Pick> = all_picks[i]
            .iter()
            .map(|p| p.clone().unwrap_or(Pick::Ours))
            .collect();
        match provenance::resolve(&r.outcome, &ps, &r.ours) {
            Ok(p) => incoming[i].plan = p,
            Err(e) => {
                return Err(tf(
                    "merge.failed",
                    &[&crate::i18n::describe::plan_name(&r.ours), &e],
                ));
            }
        }
    }
    Ok(incoming)
}

/// The local plans as they are now, so the whole import can be undone.
pub(super) fn undo_entries(ws: Workspace, plans: &[Plan]) -> Vec<UndoEntry> {
    plans
        .iter()
        .map(|p| {
            let here = ws
                .summaries()
                .with_untracked(|s| s.iter().any(|x| x.id == p.id));
            UndoEntry {
                id: p.id.clone(),
                before: if here { ws.load_plan(&p.id) } else { None },
                base_before: base::load(&p.id),
            }
        })
        .collect()
}

/// What was received becomes the merge base: the plan as in the file.
pub(super) fn keep_received_bases(rev: &Review, picked: &[OnConflict]) {
    if rev.backup {
        return;
    }
    for (i, inc) in rev.incoming.iter().enumerate() {
        let take = inc.existing.is_none()
            || matches!(picked.get(i), Some(OnConflict::Merge | OnConflict::Replace));
        if take {
            let fp = rev
                .provenance
                .get(&inc.plan.id)
                .map(|p| p.fingerprint.clone())
                .unwrap_or_else(|| fingerprint(&inc.plan));
            let _ = base::save(&inc.plan.id, &Base::of(&inc.plan, fp));
        }
    }
}

/// What the import did, in words.
pub(super) fn finished_message(counts: &ImportCounts) -> String {
    if counts.merged > 0 {
        tf(
            "merge.finished",
            &[
                &counts.created,
                &counts.merged,
                &counts.replaced,
                &counts.kept_both,
                &counts.skipped,
            ],
        )
    } else {
        tf(
            "import.finished",
            &[
                &counts.created,
                &counts.replaced,
                &counts.kept_both,
                &counts.skipped,
            ],
        )
    }
}

/// Puts every plan the import wrote back as it was, and their merge bases.
pub(super) fn undo(ws: Workspace, entries: &[UndoEntry]) -> Result<(), String> {
    let mut restore = Vec::new();
    for e in entries {
        match &e.before {
            Some(old) => {
                let mut p = old.clone();
                p.revision = ws
                    .summaries()
                    .with_untracked(|s| s.iter().find(|x| x.id == e.id).map(|x| x.revision))
                    .unwrap_or(p.revision);
                restore.push(p);
            }
            None => {
                if let Err(err) = ws.delete_plan(&e.id) {
                    return Err(tf("merge.undo_failed", &[&err]));
                }
            }
        }
    }
    if let Err(err) = ws.import(&restore) {
        return Err(tf("merge.undo_failed", &[&err]));
    }
    for e in entries {
        let _ = base::restore(&e.id, e.base_before.as_ref());
    }
    Ok(())
}
