//! The index's journal (issue 13): one save rewrites a small key, not the whole index.
//!
//! The index (`keyplan:index`) lists every plan's summary; in a workspace of 500 plans it is
//! hundreds of KB, and rewriting it on every save made a save three times slower than in a
//! one-plan workspace. A save now puts its plan's summary in the journal
//! (`keyplan:index:recent`, the same envelope as the index, holding only the summaries saved
//! since the index was last written). Whoever reads the index lays the journal over it. When
//! the journal grows past `JOURNAL_MAX` entries, or any other change to the index is made
//! (delete, damaged, re-scored), the journal is folded into the index and removed.
//!
//! A crash between writing the index and removing the journal leaves entries that the index
//! already holds: laying them over it again changes nothing, and a deleted plan's entry is
//! dropped at start because its key is gone.

use chrono::Utc;

use super::envelope::{decode_index, encode_index};
use super::storage::{read, remove, update_index, write, StoreError, INDEX_KEY};
use crate::model::summary::PlanSummary;

pub const JOURNAL_KEY: &str = "keyplan:index:recent";
/// Summaries the journal holds before it is folded into the index.
pub const JOURNAL_MAX: usize = 32;

/// The journal's summaries (none when it is missing or unreadable).
pub fn read_journal() -> Vec<PlanSummary> {
    read(JOURNAL_KEY)
        .ok()
        .flatten()
        .and_then(|raw| decode_index(&raw).ok())
        .unwrap_or_default()
}

/// Puts `items` in `list`, replacing the entries of the same plans.
pub fn upsert_into(list: &mut Vec<PlanSummary>, items: impl IntoIterator<Item = PlanSummary>) {
    for item in items {
        match list.iter_mut().find(|s| s.id == item.id) {
            Some(s) => *s = item,
            None => list.push(item),
        }
    }
}

/// Lays the journal over a list read from the index.
pub fn overlay(list: &mut Vec<PlanSummary>) {
    upsert_into(list, read_journal());
}

/// The index with the journal laid over it; None when neither is stored (or the index is
/// unreadable and there is no journal).
pub fn read_list() -> Option<Vec<PlanSummary>> {
    let base = read(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|raw| decode_index(&raw).ok());
    let journal = read_journal();
    if base.is_none() && journal.is_empty() {
        return None;
    }
    let mut list = base.unwrap_or_default();
    upsert_into(&mut list, journal);
    Some(list)
}

/// Records saved summaries: in the journal, or folded into the index when the journal is full.
pub fn record(summaries: &[PlanSummary]) -> Result<(), StoreError> {
    let mut journal = read_journal();
    upsert_into(&mut journal, summaries.iter().cloned());
    if journal.len() > JOURNAL_MAX {
        update_index(|list| upsert_into(list, journal)).map(|_| ())
    } else {
        write(JOURNAL_KEY, &encode_index(&journal, Utc::now()))
    }
}

/// After the index was written with the journal folded in.
pub fn clear() {
    let _ = remove(JOURNAL_KEY);
}
