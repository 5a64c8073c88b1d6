//! Writing a plan's stored value in the compact form (issue 13), and the safe move of a plan
//! stored as plain JSON by an older KeyPlan to that form.
//!
//! The move, when a plan's key still holds plain JSON:
//! 1. the compact value is decoded in memory and compared with the plan's plain envelope;
//! 2. it is written under a staging key (`keyplan:move:<id>`), read back and decoded again;
//! 3. only then is the plan's key overwritten with it (one atomic `setItem`);
//! 4. the staging key is removed (and any left by a crash are removed at the next start).
//!
//! A crash at any point leaves the plan's key readable: the old JSON until step 3, the verified
//! compact value after it. If the staging write does not fit (storage full: exactly when the
//! move matters most), step 3 is made directly, with the value verified in step 1; the key
//! still changes in one atomic write. If verification fails, the plan is saved as plain JSON,
//! as before, and stays readable.

use serde_json::Value;

use super::storage::{plan_key, read, remove, write, StoreError};
use super::{codec, compact};
use crate::model::plan::Plan;

pub const MOVE_PREFIX: &str = "keyplan:move:";

/// Writes `plan` (already given its new revision) under its key, compactly. `old` is what the
/// key holds now. Returns the text written.
pub fn write_plan_value(
    plan: &Plan,
    now: chrono::DateTime<chrono::Utc>,
    old: Option<&str>,
) -> Result<String, StoreError> {
    let (plain, raw) = codec::stored_text(plan, now).map_err(|_| StoreError::CodeNotLoaded)?;
    let key = plan_key(&plan.id);
    if old.is_none_or(compact::is_compact) {
        write(&key, &raw)?;
        return Ok(raw);
    }
    // The move from plain JSON.
    let expected: Option<Value> = serde_json::from_str(&plain).ok();
    let decodes = |text: &str| codec::decode_compact(text).ok().flatten() == expected;
    if expected.is_none() || !decodes(&raw) {
        write(&key, &plain)?;
        return Ok(plain);
    }
    let staging = format!("{MOVE_PREFIX}{}", plan.id);
    match write(&staging, &raw) {
        Ok(()) => {
            let back = read(&staging);
            if !matches!(&back, Ok(Some(b)) if *b == raw && decodes(b.as_str())) {
                let _ = remove(&staging);
                write(&key, &plain)?;
                return Ok(plain);
            }
            let written = write(&key, &raw);
            let _ = remove(&staging);
            written?;
        }
        Err(StoreError::QuotaFull) => write(&key, &raw)?,
        Err(e) => return Err(e),
    }
    Ok(raw)
}

/// Removes staging keys left by a move that a crash interrupted (the plan's own key is
/// readable either way). Called at start.
pub fn clear_stale_moves() {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let n = s.length().unwrap_or(0);
    let stale: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(MOVE_PREFIX))
        .collect();
    for key in stale {
        let _ = remove(&key);
    }
}
