//! The merge base of each plan (issue 15): the last version of it that was sent or received,
//! as it was in the file (private notes left out), with the fingerprint that file carried.
//! Kept compactly (deflated, `persist/compact.rs`) under `keyplan:base:<id>`, written on
//! export and on import, removed with the plan, and counted by the storage page.
//!
//! The text form is pure and host-tested; reading and writing localStorage is wasm only.

use serde_json::Value;

use super::compact;
use crate::model::migration::{migrate, SCHEMA_VERSION};
use crate::model::plan::Plan;
use crate::model::provenance::Base;

pub const BASE_PREFIX: &str = "keyplan:base:";
/// The kind in the compact header of a stored base.
pub const BASE_KIND: &str = "keyplan.base";

pub fn base_key(id: &str) -> String {
    format!("{BASE_PREFIX}{id}")
}

/// The stored text of a base.
pub fn encode(base: &Base) -> String {
    let json = serde_json::to_string(base).expect("a base always serialises");
    compact::encode(BASE_KIND, SCHEMA_VERSION, base.revision, false, &json)
}

/// A base from its stored text; its plan is brought up to this version's schema (the
/// fingerprint stays the one the file carried, so both sides still match).
pub fn decode(raw: &str) -> Option<Base> {
    let (header, text) = compact::decode_text(raw).ok()?;
    if header.kind != BASE_KIND || header.schema_version > SCHEMA_VERSION {
        return None;
    }
    let mut v: Value = serde_json::from_str(&text).ok()?;
    let plan = v.get_mut("plan")?.take();
    let plan: Plan = serde_json::from_value(migrate(plan, header.schema_version).ok()?).ok()?;
    Some(Base {
        fingerprint: v.get("fingerprint")?.as_str()?.to_string(),
        revision: v.get("revision").and_then(Value::as_u64).unwrap_or(0),
        plan,
    })
}

#[cfg(target_arch = "wasm32")]
mod store {
    use super::*;
    use crate::persist::storage::{read, remove as remove_key, write, StoreError};

    /// The base kept for a plan, if there is a readable one.
    pub fn load(id: &str) -> Option<Base> {
        read(&base_key(id))
            .ok()
            .flatten()
            .and_then(|raw| decode(&raw))
    }

    /// Keeps `base` as the plan's merge base. When it does not fit, the old base is removed
    /// (a stale base would merge from the wrong version) and the error returned.
    pub fn save(id: &str, base: &Base) -> Result<(), StoreError> {
        let written = write(&base_key(id), &encode(base));
        if written.is_err() {
            let _ = remove_key(&base_key(id));
        }
        written
    }

    pub fn remove(id: &str) -> Result<(), StoreError> {
        remove_key(&base_key(id))
    }

    /// Puts back what a key held before (the undo of an import).
    pub fn restore(id: &str, old: Option<&Base>) -> Result<(), StoreError> {
        match old {
            Some(b) => save(id, b),
            None => remove(id),
        }
    }
}
#[cfg(target_arch = "wasm32")]
pub use store::{load, remove, restore, save};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::provenance::fingerprint;

    #[test]
    fn a_base_round_trips_compactly_without_private_notes() {
        let mut p = Plan::new("p", "Acme", chrono::Utc::now());
        p.revision = 4;
        p.customer.main_business = "Valves and pumps for the steel industry. ".repeat(40);
        p.communication.private_notes = "PRIVATE-MARKER".into();
        let b = Base::of(&p, "fnv1a64:00000000000000ff".into());
        let raw = encode(&b);
        assert!(compact::is_compact(&raw));
        assert!(!raw.contains("PRIVATE-MARKER"));
        let plain = serde_json::to_string(&b).unwrap();
        assert!(raw.encode_utf16().count() * 4 < plain.encode_utf16().count());
        let back = decode(&raw).unwrap();
        assert_eq!(back, b);
        assert_eq!(
            back.fingerprint, "fnv1a64:00000000000000ff",
            "kept, not recomputed"
        );
        assert_ne!(back.fingerprint, fingerprint(&back.plan));
    }

    #[test]
    fn other_or_damaged_values_are_no_base() {
        assert_eq!(decode("not compact"), None);
        let plan_text = compact::encode("keyplan.plan", SCHEMA_VERSION, 1, false, "{}");
        assert_eq!(decode(&plan_text), None);
        let newer = compact::encode(BASE_KIND, SCHEMA_VERSION + 1, 1, false, "{}");
        assert_eq!(decode(&newer), None);
        assert_eq!(base_key("a1"), "keyplan:base:a1");
    }
}
