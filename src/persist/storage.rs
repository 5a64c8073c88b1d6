//! Local storage: one key per plan, a small index, settings. The only code that calls localStorage.
//!
//! web-sys is used directly rather than gloo-storage: gloo's `raw()` panics when storage is
//! unavailable (private mode, SecurityError), and KeyPlan must keep running in memory then.

use std::collections::{HashMap, HashSet};

use crate::i18n::{t, tf};
use chrono::{DateTime, NaiveDate, Utc};
use wasm_bindgen::{JsCast, JsValue};

use super::envelope::{
    decode_index, decode_plan, decode_plan_read_only, decode_settings, encode_index,
    encode_settings, salvage_name, stored_revision, DecodeError, LoadedPlan,
};
use crate::model::plan::Plan;
use crate::model::summary::PlanSummary;

pub const INDEX_KEY: &str = "keyplan:index";
pub const PLAN_PREFIX: &str = "keyplan:plan:";
pub const BACKUP_PREFIX: &str = "keyplan:backup:";
pub const SETTINGS_KEY: &str = "keyplan:settings";
pub const LAST_EXPORT_KEY: &str = "keyplan:last-export";
/// The day KeyPlan was first used in this browser: the backup reminder counts from it.
pub const FIRST_USE_KEY: &str = "keyplan:first-use";
/// Set once the rep has closed the "add to Home Screen" hint on an iPad.
pub const INSTALL_HINT_KEY: &str = "keyplan:install-hint-closed";
/// What browsers typically allow one origin, in UTF-16 code units.
pub const QUOTA_ESTIMATE: usize = 5 * 1024 * 1024;

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Storage cannot be used at all in this browser session.
    Unavailable(String),
    /// The browser refused the write: storage is full.
    QuotaFull,
    /// Another tab saved a newer revision of this plan.
    Conflict {
        stored: u64,
        ours: u64,
    },
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unavailable(why) => f.write_str(&tf("store.unavailable", &[why])),
            Self::QuotaFull => f.write_str(t("store.full")),
            Self::Conflict { .. } => f.write_str(t("store.conflict")),
            Self::Failed(why) => f.write_str(&tf("store.failed", &[why])),
        }
    }
}

fn describe(err: &JsValue) -> (String, String) {
    let name = js_sys::Reflect::get(err, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let message = js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    (name, message)
}

fn local() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StoreError::Unavailable(t("store.turned_off").into())),
        Err(e) => Err(StoreError::Unavailable(describe(&e).1)),
    }
}

/// Whether storage can be read at all; checked once at start.
pub fn check_available() -> Result<(), StoreError> {
    let s = local()?;
    s.length()
        .map(|_| ())
        .map_err(|e| StoreError::Unavailable(describe(&e).1))
}

pub fn read(key: &str) -> Result<Option<String>, StoreError> {
    local()?
        .get_item(key)
        .map_err(|e| StoreError::Failed(describe(&e).1))
}

pub fn write(key: &str, value: &str) -> Result<(), StoreError> {
    local()?.set_item(key, value).map_err(|e| {
        let (name, message) = describe(&e);
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StoreError::QuotaFull
        } else if name == "SecurityError" {
            StoreError::Unavailable(message)
        } else {
            StoreError::Failed(if message.is_empty() { name } else { message })
        }
    })
}

pub fn remove(key: &str) -> Result<(), StoreError> {
    local()?
        .remove_item(key)
        .map_err(|e| StoreError::Failed(describe(&e).1))
}

/// Every key with its size, in storage order.
pub fn entries() -> Result<Vec<(String, usize)>, StoreError> {
    let s = local()?;
    let n = s.length().map_err(|e| StoreError::Failed(describe(&e).1))?;
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        if let Ok(Some(key)) = s.key(i) {
            let len = s
                .get_item(&key)
                .ok()
                .flatten()
                .map_or(0, |v| v.encode_utf16().count());
            out.push((key.clone(), len + key.encode_utf16().count()));
        }
    }
    Ok(out)
}

fn plan_ids() -> Result<Vec<String>, StoreError> {
    let s = local()?;
    let n = s.length().map_err(|e| StoreError::Failed(describe(&e).1))?;
    Ok((0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(PLAN_PREFIX).map(String::from))
        .collect())
}

/// A stored plan as read, in each of the ways it can turn out.
#[derive(Clone, Debug)]
pub enum PlanRead {
    Loaded(LoadedPlan),
    /// Written by a newer KeyPlan: shown read-only, never written back.
    Newer {
        plan: Option<Plan>,
        error: DecodeError,
    },
    /// Unreadable: the raw text is kept untouched and offered as a download.
    Damaged {
        raw: String,
        error: DecodeError,
    },
    Missing,
}

pub fn read_plan(id: &str) -> Result<PlanRead, StoreError> {
    let Some(raw) = read(&plan_key(id))? else {
        return Ok(PlanRead::Missing);
    };
    Ok(read_plan_text(id, raw))
}

/// A plan as stored, read without writing anything (no backup of an older plan's text): for
/// previews and figures, which never save what they read.
pub fn peek_plan(id: &str) -> Result<PlanRead, StoreError> {
    let Some(raw) = read(&plan_key(id))? else {
        return Ok(PlanRead::Missing);
    };
    Ok(classify(raw))
}

/// A plan's stored text, read to be opened: an older plan's text is kept under a backup key
/// until the migrated plan has been saved once.
fn read_plan_text(id: &str, raw: String) -> PlanRead {
    let read = classify(raw);
    if let PlanRead::Loaded(l) = &read {
        if l.migrated_from.is_some() {
            let key = format!("{BACKUP_PREFIX}{id}");
            if matches!(self::read(&key), Ok(None)) {
                if let Ok(Some(raw)) = self::read(&plan_key(id)) {
                    let _ = write(&key, &raw);
                }
            }
        }
    }
    read
}

/// What a plan's stored text turns out to be, with no writes.
fn classify(raw: String) -> PlanRead {
    match decode_plan(&raw) {
        Ok(loaded) => PlanRead::Loaded(loaded),
        Err(error @ DecodeError::Newer { .. }) => PlanRead::Newer {
            plan: decode_plan_read_only(&raw),
            error,
        },
        Err(error) => PlanRead::Damaged { raw, error },
    }
}

/// The workspace as found at start: the plan summaries, and what had to be repaired.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub summaries: Vec<PlanSummary>,
    /// Set when the index was missing or damaged and was rebuilt from the plan keys.
    pub index_rebuilt: bool,
    /// Plans whose stored text cannot be read: (id, reason).
    pub damaged: Vec<(String, String)>,
}

/// The length of a stored value in UTF-16 units (what `String.length` says), read in the
/// browser: the text itself is never copied into wasm, so checking every plan stays cheap.
struct Lengths {
    storage: web_sys::Storage,
    get_item: Option<js_sys::Function>,
}

impl Lengths {
    fn new() -> Result<Self, StoreError> {
        let storage = local()?;
        let get_item = js_sys::Reflect::get(&storage, &"getItem".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        Ok(Lengths { storage, get_item })
    }

    fn of(&self, key: &str) -> Option<u32> {
        let value = self
            .get_item
            .as_ref()?
            .call1(&self.storage, &JsValue::from_str(key))
            .ok()?;
        value.dyn_ref::<js_sys::JsString>().map(|s| s.length())
    }
}

/// The length the start-up check compares: UTF-16 units, as the browser counts them.
pub fn utf16_len(raw: &str) -> u32 {
    raw.encode_utf16().count() as u32
}

/// A plan's summary computed from its stored text, with what the start-up check needs.
fn summary_from(
    id: &str,
    raw: String,
    summarise: &impl Fn(&Plan, usize) -> PlanSummary,
) -> (PlanSummary, Option<(String, String)>) {
    let len = utf16_len(&raw);
    let bytes = raw.len();
    match classify(raw) {
        PlanRead::Loaded(l) => {
            let mut s = summarise(&l.plan, bytes);
            s.stored_len = Some(len);
            (s, None)
        }
        PlanRead::Newer { plan, error } => {
            let mut s = plan.map(|p| summarise(&p, bytes)).unwrap_or_default();
            s.id = id.to_string();
            if s.name.is_empty() {
                s.name = id.to_string();
            }
            // Read again at every start, so it stays listed as needing attention.
            s.newer = true;
            s.stored_len = Some(len);
            (s, Some((id.to_string(), error.to_string())))
        }
        PlanRead::Damaged { error, raw } => {
            let why = error.to_string();
            let s = PlanSummary {
                id: id.to_string(),
                name: salvage_name(&raw).unwrap_or_else(|| id.to_string()),
                damaged: Some(why.clone()),
                // The length of the damaged text: it is read again only when it changes.
                stored_len: Some(len),
                ..PlanSummary::default()
            };
            (s, Some((id.to_string(), why)))
        }
        PlanRead::Missing => (PlanSummary::default(), None),
    }
}

/// Reads the index; when it is damaged or out of step with the plan keys, rebuilds it
/// from the plans themselves. Plans listed in a good index are not read, except those whose
/// stored text is no longer the length the index recorded (cut short, or written behind
/// KeyPlan's back), those marked as from a newer KeyPlan, and those summarised by an older
/// KeyPlan: start-up costs the size of the index and one length per plan, not the workspace.
pub fn load_workspace(
    summarise: impl Fn(&Plan, usize) -> PlanSummary,
) -> Result<Workspace, StoreError> {
    let ids = plan_ids()?;
    let index = read(INDEX_KEY)?.map(|raw| {
        let list = decode_index(&raw);
        if let Ok(list) = &list {
            INDEX_CACHE.with_borrow_mut(|c| *c = Some((raw, list.clone())));
        }
        list
    });
    let journal = super::journal::read_journal();
    let (mut summaries, mut rebuilt) = match index {
        Some(Ok(list)) => (list, false),
        // Only the journal: a new workspace whose index is not written yet.
        None if !journal.is_empty() => (Vec::new(), false),
        Some(Err(_)) | None => (Vec::new(), !ids.is_empty()),
    };
    super::journal::upsert_into(&mut summaries, journal);
    // Drop entries whose plan key is gone; add plans the index does not know.
    let stored: HashSet<&str> = ids.iter().map(String::as_str).collect();
    summaries.retain(|s| stored.contains(s.id.as_str()));
    let listed: HashSet<String> = summaries.iter().map(|s| s.id.clone()).collect();
    let mut damaged = Vec::new();
    let mut changed = false;
    // The plans the index lists: check each stored text's length against the index.
    let lengths = Lengths::new()?;
    for s in summaries.iter_mut() {
        let len = lengths.of(&plan_key(&s.id));
        let suspect = match s.stored_len {
            Some(n) => len != Some(n),
            // Written by a KeyPlan before lengths were kept: checked once, then recorded.
            None => true,
        };
        // Plans already known to need attention are read again too (there are few), so one
        // put right is listed normally again.
        if !(suspect || s.newer || s.damaged.is_some() || !s.is_current()) {
            continue;
        }
        let Some(raw) = read(&plan_key(&s.id))? else {
            continue;
        };
        let (fresh, problem) = summary_from(&s.id.clone(), raw, &summarise);
        if fresh.id.is_empty() {
            continue;
        }
        if fresh != *s {
            changed = true;
            // A damaged plan keeps the name it was listed under.
            let name = s.name.clone();
            *s = fresh;
            if s.damaged.is_some() && !name.is_empty() {
                s.name = name;
            }
        }
        if let Some(p) = problem {
            damaged.push(p);
        }
    }
    let unknown: Vec<&String> = ids.iter().filter(|id| !listed.contains(*id)).collect();
    for id in unknown {
        rebuilt = true;
        let Some(raw) = read(&plan_key(id))? else {
            continue;
        };
        let (s, problem) = summary_from(id, raw, &summarise);
        if !s.id.is_empty() {
            summaries.push(s);
        }
        if let Some(p) = problem {
            damaged.push(p);
        }
    }
    let found: HashSet<String> = damaged.iter().map(|(id, _)| id.clone()).collect();
    damaged.extend(
        summaries
            .iter()
            .filter(|s| !found.contains(&s.id))
            .filter_map(|s| s.damaged.clone().map(|why| (s.id.clone(), why))),
    );
    if rebuilt || changed {
        // Best effort: if this write fails the index is rebuilt again next time.
        let text = encode_index(&summaries, Utc::now());
        if write(INDEX_KEY, &text).is_ok() {
            INDEX_CACHE.with_borrow_mut(|c| *c = Some((text, summaries.clone())));
        }
    }
    Ok(Workspace {
        summaries,
        index_rebuilt: rebuilt,
        damaged,
    })
}

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
    if let Err(e) = super::journal::record(std::slice::from_ref(&saved.summary)) {
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
    let raw = super::stored::write_plan_value(&next, at, stored)?;
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

/// Where a tab keeps the edits it holds back from a plan until the rep settles a conflict
/// with another tab's save (state/editor.rs): one small key per plan, so they survive a crash.
pub const HELD_PREFIX: &str = "keyplan:held:";

pub fn held_key(id: &str) -> String {
    format!("{HELD_PREFIX}{id}")
}

/// The edits held back for a plan, if any (unreadable text counts as none; it is left as is).
pub fn load_held<T: serde::de::DeserializeOwned>(id: &str) -> Option<T> {
    read(&held_key(id))
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
}

/// Writes the held edits when they changed (`None` or an empty list removes the key).
pub fn save_held<T: serde::Serialize>(id: &str, held: Option<&T>) -> Result<(), StoreError> {
    let key = held_key(id);
    match held {
        Some(h) => {
            let raw = serde_json::to_string(h).map_err(|e| StoreError::Failed(e.to_string()))?;
            if read(&key)?.as_deref() != Some(raw.as_str()) {
                write(&key, &raw)?;
            }
            Ok(())
        }
        None => remove(&key),
    }
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

thread_local! {
    /// The index text this tab last read or wrote, decoded: a save reads the index again (other
    /// tabs may have changed it) but decodes it only when its text is not what we hold.
    static INDEX_CACHE: std::cell::RefCell<Option<(String, Vec<PlanSummary>)>> =
        const { std::cell::RefCell::new(None) };
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
    super::journal::overlay(&mut list);
    change(&mut list);
    let text = encode_index(&list, Utc::now());
    write(INDEX_KEY, &text)?;
    super::journal::clear();
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
    remove(&super::base::base_key(id))?;
    update_index(|list| list.retain(|s| s.id != id)).map(|_| ())
}

/// The workspace settings. Damaged settings fall back to the defaults, but their text is first
/// kept under a backup key (never overwritten), so a rep's weights are never silently lost.
pub fn load_settings<T: serde::de::DeserializeOwned + Default>() -> T {
    let Some(raw) = read(SETTINGS_KEY).ok().flatten() else {
        return T::default();
    };
    match decode_settings(&raw) {
        Ok(s) => s,
        Err(_) => {
            let key = format!("{BACKUP_PREFIX}settings");
            if read(&key).ok().flatten().is_none() {
                let _ = write(&key, &raw);
            }
            T::default()
        }
    }
}

pub fn save_settings<T: serde::Serialize>(settings: &T) -> Result<(), StoreError> {
    write(SETTINGS_KEY, &encode_settings(settings, Utc::now()))
}

pub fn last_export() -> Option<NaiveDate> {
    read(LAST_EXPORT_KEY)
        .ok()
        .flatten()
        .and_then(|s| s.parse().ok())
}

/// The day the backup reminder counts from: the last export, or else the first use here.
pub fn backup_clock(today: NaiveDate) -> NaiveDate {
    if let Some(d) = last_export() {
        return d;
    }
    match read(FIRST_USE_KEY)
        .ok()
        .flatten()
        .and_then(|s| s.parse().ok())
    {
        Some(d) => d,
        None => {
            let _ = write(FIRST_USE_KEY, &today.to_string());
            today
        }
    }
}

pub fn mark_exported(day: NaiveDate) {
    let _ = write(LAST_EXPORT_KEY, &day.to_string());
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
