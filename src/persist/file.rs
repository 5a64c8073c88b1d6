//! KeyPlan files (.keyplan.json): the envelope with one or many plans, for export and backup.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::envelope::APP_VERSION;
use crate::model::migration::SCHEMA_VERSION;
use crate::model::plan::Plan;
use crate::model::provenance::Provenance;
use crate::model::Settings;

/// Where each plan of a file came from, by plan id (`model::provenance`).
pub type ProvenanceMap = std::collections::BTreeMap<String, Provenance>;

pub const FILE_KIND: &str = "keyplan";

#[derive(Serialize)]
struct FileOut<'a> {
    kind: &'static str,
    schema_version: u32,
    app_version: &'static str,
    exported_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    settings: Option<&'a Settings>,
    plans: &'a [Plan],
    #[serde(skip_serializing_if = "ProvenanceMap::is_empty")]
    provenance: &'a ProvenanceMap,
}

/// The text of a KeyPlan file holding `plans` (and the workspace settings for a full backup).
pub fn encode_file(plans: &[Plan], settings: Option<&Settings>, now: DateTime<Utc>) -> String {
    encode_file_with(plans, settings, now, &ProvenanceMap::new())
}

/// `encode_file` with the provenance of each plan (issue 15): what a plan sent to someone records.
pub fn encode_file_with(
    plans: &[Plan],
    settings: Option<&Settings>,
    now: DateTime<Utc>,
    provenance: &ProvenanceMap,
) -> String {
    let file = FileOut {
        kind: FILE_KIND,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        exported_at: now,
        settings,
        plans,
        provenance,
    };
    // Compact first, then indented through a generic value: one serialiser for every plan type
    // keeps the wasm smaller than a second, pretty-printing instantiation of all of them.
    let compact = serde_json::to_string(&file).expect("plans always serialise");
    serde_json::from_str::<serde_json::Value>(&compact)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or(compact)
}

/// A file name a rep recognises: the account name (or "KeyPlan backup") and the date.
pub fn file_name(label: &str, now: DateTime<Utc>) -> String {
    let slug: String = label
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "plan".to_string()
    } else {
        slug.chars().take(60).collect()
    };
    format!("{slug}-{}.keyplan.json", now.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_carries_the_envelope_and_the_plans() {
        let now: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        let plan = Plan::new("a", "Acme <b>", now);
        let text = encode_file(std::slice::from_ref(&plan), None, now);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["kind"], "keyplan");
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        assert_eq!(v["plans"][0]["header"]["account_name"], "Acme <b>");
        assert!(v.get("settings").is_none());
    }

    #[test]
    fn file_names_are_safe_and_dated() {
        let now: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        assert_eq!(
            file_name("Acme Steel / Asia", now),
            "Acme-Steel-Asia-2026-11-22.keyplan.json"
        );
        assert_eq!(file_name("  ", now), "plan-2026-11-22.keyplan.json");
        assert_eq!(
            file_name("上海 汽车", now),
            "上海-汽车-2026-11-22.keyplan.json"
        );
    }
}
