//! Saving plans whole or not at all: the revision check against other tabs, the plan key
//! put back when the index write fails, imports all or nothing, the index kept in step.

use super::*;

/// What a successful save wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub revision: u64,
    pub at: DateTime<Utc>,
    pub bytes: usize,
    pub summary: PlanSummary,
    /// The fingerprint of the text written: the tab that wrote it knows it as its own.
    pub tag: Tag,
}

/// The fingerprint of one stored text (its length and FNV-1a hash). Two saves can carry the
/// same revision (a save undone after a failed index write, then another tab's save), so a
/// tab tells "the version I loaded or wrote" from another tab's by the text, not the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag {
    pub len: usize,
    pub hash: u64,
}

pub fn fingerprint(raw: &str) -> Tag {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in raw.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    Tag {
        len: raw.len(),
        hash,
    }
}

/// The fingerprint of what a plan's key holds now (None: no such key).
pub fn stored_tag(id: &str) -> Result<Option<Tag>, StoreError> {
    Ok(read(&plan_key(id))?.map(|raw| fingerprint(&raw)))
}

/// What a save expects to find in the plan's key before it writes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expect {
    /// The stored revision is the plan's own (saves outside the editor).
    Revision,
    /// Exactly the text this tab last loaded or wrote (None: no key yet).
    Text(Option<Tag>),
}

/// Saves one plan: checks that no other tab saved a newer revision, writes the plan's key,
/// then its entry in the index. Never writes other plans.
pub fn save_plan(
    plan: &Plan,
    summarise: impl Fn(&Plan, usize) -> PlanSummary,
) -> Result<Saved, StoreError> {
    save_plan_over(plan, Expect::Revision, summarise)
}

/// Saves one plan as a whole or not at all: if the key holds something other than expected,
/// nothing is written (`Conflict`); if the plan's key is written but the index write then fails
/// (storage full), the key is put back as it was before the error is returned, so a half-done
/// save never stays behind to be taken for another tab's, and a retry saves the whole plan.
pub fn save_plan_over(
    plan: &Plan,
    expect: Expect,
    summarise: impl Fn(&Plan, usize) -> PlanSummary,
) -> Result<Saved, StoreError> {
    let key = plan_key(&plan.id);
    let stored = read(&key)?;
    if let (Expect::Text(tag), stored) = (expect, &stored) {
        if stored.as_deref().map(fingerprint) != tag {
            return Err(StoreError::Conflict {
                stored: stored.as_deref().and_then(stored_revision).unwrap_or(0),
                ours: plan.revision,
            });
        }
    }
    let mut plan = std::borrow::Cow::Borrowed(plan);
    if matches!(expect, Expect::Text(_)) {
        // The text is the one we expect: its revision is the one we build on.
        if let Some(rev) = stored.as_deref().and_then(stored_revision) {
            plan.to_mut().revision = rev;
        }
    }
    let saved = write_plan_key(&plan, stored.as_deref(), &summarise)?;
    // Into the index's journal: a small write, whatever the size of the workspace.
    if let Err(e) = crate::persist::journal::record(std::slice::from_ref(&saved.summary)) {
        undo_plan_write(&key, stored.as_deref());
        return Err(e);
    }
    let _ = remove(&format!("{BACKUP_PREFIX}{}", plan.id));
    Ok(saved)
}

/// Puts a plan's key back as it was before a save. Writing the old text can need more room
/// than the new one took; removing the new one first frees it, and the old text fitted before.
fn undo_plan_write(key: &str, before: Option<&str>) {
    match before {
        Some(old) => {
            if write(key, old).is_err() {
                let _ = remove(key);
                let _ = write(key, old);
            }
        }
        None => {
            let _ = remove(key);
        }
    }
}

/// Writes one plan's key, given what that key holds now, if no other tab saved a newer
/// revision. The index is left to the caller.
fn write_plan_key(
    plan: &Plan,
    stored: Option<&str>,
    summarise: &impl Fn(&Plan, usize) -> PlanSummary,
) -> Result<Saved, StoreError> {
    if let Some(raw) = stored {
        let stored = stored_revision(raw).unwrap_or(0);
        if stored != plan.revision {
            return Err(StoreError::Conflict {
                stored,
                ours: plan.revision,
            });
        }
    }
    let at = Utc::now();
    let mut next = plan.clone();
    next.revision = plan.revision + 1;
    next.updated_at = Some(at);
    let raw = crate::persist::stored::write_plan_value(&next, at, stored)?;
    let bytes = raw.encode_utf16().count() * 2;
    let mut summary = summarise(&next, bytes);
    // What the start-up check compares the stored text's length with.
    summary.stored_len = Some(utf16_len(&raw));
    Ok(Saved {
        revision: next.revision,
        at,
        bytes,
        summary,
        tag: fingerprint(&raw),
    })
}

/// Puts summaries in the index, replacing the entries of the same plans.
fn upsert_in_index(summaries: &[PlanSummary]) -> Result<Vec<PlanSummary>, StoreError> {
    update_index(|list| {
        let mut at: HashMap<String, usize> = list
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        for summary in summaries {
            match at.get(&summary.id) {
                Some(&i) => list[i] = summary.clone(),
                None => {
                    at.insert(summary.id.clone(), list.len());
                    list.push(summary.clone());
                }
            }
        }
    })
}

/// Read-modify-write of the index, so entries written by other tabs are kept.
pub fn update_index(
    change: impl FnOnce(&mut Vec<PlanSummary>),
) -> Result<Vec<PlanSummary>, StoreError> {
    let raw = read(INDEX_KEY)?;
    let cached = INDEX_CACHE.with_borrow_mut(|c| match (c.take(), &raw) {
        (Some((text, list)), Some(raw)) if text == *raw => Some(list),
        _ => None,
    });
    let mut list = match cached {
        Some(list) => list,
        None => raw
            .and_then(|raw| decode_index(&raw).ok())
            .unwrap_or_default(),
    };
    crate::persist::journal::overlay(&mut list);
    change(&mut list);
    let text = encode_index(&list, Utc::now());
    write(INDEX_KEY, &text)?;
    crate::persist::journal::clear();
    INDEX_CACHE.with_borrow_mut(|c| *c = Some((text, list.clone())));
    Ok(list)
}

/// Records in the index that a plan cannot be read, so the portfolio lists it as damaged.
pub fn mark_damaged(id: &str, reason: &str) -> Result<(), StoreError> {
    update_index(|list| {
        if let Some(s) = list.iter_mut().find(|s| s.id == id) {
            s.damaged = Some(reason.to_string());
        }
    })
    .map(|_| ())
}

pub fn delete_plan(id: &str) -> Result<(), StoreError> {
    remove(&plan_key(id))?;
    remove(&format!("{BACKUP_PREFIX}{id}"))?;
    remove(&held_key(id))?;
    remove(&crate::persist::base::base_key(id))?;
    update_index(|list| list.retain(|s| s.id != id)).map(|_| ())
}

/// Writes imported plans all or nothing: if any write fails (storage full), every plan key
/// and the index are put back as they were, and the error is returned. The index is written
/// once, after all the plans.
pub fn import_plans(
    plans: &[Plan],
    summarise: impl Fn(&Plan, usize) -> PlanSummary,
) -> Result<Vec<Saved>, StoreError> {
    let index_before = read(INDEX_KEY)?;
    let mut before: Vec<(String, Option<String>)> = Vec::new();
    let mut saved = Vec::new();
    let undo = |before: &[(String, Option<String>)]| {
        for (key, old) in before.iter().rev() {
            let _ = match old {
                Some(raw) => write(key, raw),
                None => remove(key),
            };
        }
        let _ = match &index_before {
            Some(raw) => write(INDEX_KEY, raw),
            None => remove(INDEX_KEY),
        };
    };
    for plan in plans {
        let key = plan_key(&plan.id);
        let old = read(&key)?;
        let written = write_plan_key(plan, old.as_deref(), &summarise);
        before.push((key, old));
        match written {
            Ok(s) => saved.push(s),
            Err(e) => {
                undo(&before);
                return Err(e);
            }
        }
    }
    let summaries: Vec<PlanSummary> = saved.iter().map(|s| s.summary.clone()).collect();
    if let Err(e) = upsert_in_index(&summaries) {
        undo(&before);
        return Err(e);
    }
    for plan in plans {
        let _ = remove(&format!("{BACKUP_PREFIX}{}", plan.id));
    }
    Ok(saved)
}
