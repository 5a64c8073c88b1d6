//! Local storage: one key per plan, a small index, settings. The only code that calls localStorage.
//!
//! web-sys is used directly rather than gloo-storage: gloo's `raw()` panics when storage is
//! unavailable (private mode, SecurityError), and KeyPlan must keep running in memory then.

mod load;
mod save;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use wasm_bindgen::{JsCast, JsValue};

use super::codec;
use super::envelope::{
    decode_index, decode_settings, encode_index, encode_settings, salvage_name, stored_revision,
    DecodeError, LoadedPlan,
};
use crate::model::plan::Plan;
use crate::model::summary::PlanSummary;

pub use load::*;
pub use save::*;

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
    /// Storage cannot be used at all in this browser session: the browser's reason, or none
    /// when storage is turned off.
    Unavailable(Option<String>),
    /// The browser refused the write: storage is full.
    QuotaFull,
    /// Another tab saved a newer revision of this plan.
    Conflict {
        stored: u64,
        ours: u64,
    },
    Failed(String),
    /// The code that reads and writes plans has not been fetched (`persist::codec`).
    CodeNotLoaded,
}

// The words for a `StoreError` are the interface's: `crate::i18n::describe`.

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
    let window =
        web_sys::window().ok_or_else(|| StoreError::Unavailable(Some("no window".into())))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StoreError::Unavailable(None)),
        Err(e) => Err(StoreError::Unavailable(Some(describe(&e).1))),
    }
}

/// Whether storage can be read at all; checked once at start.
pub fn check_available() -> Result<(), StoreError> {
    let s = local()?;
    s.length()
        .map(|_| ())
        .map_err(|e| StoreError::Unavailable(Some(describe(&e).1)))
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
            StoreError::Unavailable(Some(message))
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

/// Whether storage holds any plan (a key of one; the index is not read).
pub fn holds_plans() -> bool {
    plan_ids().is_ok_and(|ids| !ids.is_empty())
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

thread_local! {
    /// The index text this tab last read or wrote, decoded: a save reads the index again (other
    /// tabs may have changed it) but decodes it only when its text is not what we hold.
    static INDEX_CACHE: std::cell::RefCell<Option<(String, Vec<PlanSummary>)>> =
        const { std::cell::RefCell::new(None) };
}
