//! Reading a KeyPlan file for import: everything is validated before anything is changed,
//! and each bad input gets a message that says what is wrong and what to do.

use std::collections::HashSet;

use serde_json::Value;

use super::envelope::plan_from_value;
use super::file::FILE_KIND;
use crate::model::migration::{migrate, SCHEMA_VERSION};
use crate::model::msg::Msg;
use crate::model::plan::Plan;
use crate::model::summary::PlanSummary;
use crate::model::Settings;

/// Largest file KeyPlan reads: far above a real workspace, well below what a tablet chokes on.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Deepest nesting of arrays and objects the format needs (a snapshot in a review is ~8 deep).
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotText,
    TooDeep,
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    NotKeyplan,
    Newer {
        version: u32,
    },
    Invalid {
        path: String,
        detail: Msg,
    },
    NoPlans,
}

// The words for an `ImportError` are the interface's: `crate::i18n::describe`.

/// A file that passed every check: its plans, ready to write.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFile {
    pub plans: Vec<Plan>,
    pub settings: Option<Settings>,
    /// Where each plan came from, by the plan's id as the file gives it (none in older files).
    pub provenance: super::file::ProvenanceMap,
}

/// Nesting depth of JSON text, counted without parsing (so a hostile file cannot exhaust the stack).
fn depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn invalid(path: impl Into<String>, detail: Msg) -> ImportError {
    ImportError::Invalid {
        path: path.into(),
        detail,
    }
}

/// Checks and reads a whole file. A stored plan's envelope (`keyplan.plan`) is accepted too.
pub fn parse_file(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // A stored value in the compact form (e.g. a damaged plan's text, downloaded and repaired).
    if super::compact::is_compact(text) {
        let bad = |e: super::compact::CompactError| invalid("", e.msg());
        let (_, inner) = super::compact::decode_text(text).map_err(bad)?;
        if depth(&inner) > MAX_DEPTH {
            return Err(ImportError::TooDeep);
        }
        let value = super::compact::decode_value(text).map_err(bad)?;
        return parse_value(value);
    }
    if depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let value = super::envelope::parse_json(text).map_err(|e| match e {
        super::envelope::DecodeError::NotJson {
            line,
            column,
            detail,
        } => ImportError::NotJson {
            line,
            column,
            detail,
        },
        _ => ImportError::NotKeyplan,
    })?;
    parse_value(value)
}

/// Checks and reads a whole file, parsed.
fn parse_value(value: Value) -> Result<ImportFile, ImportError> {
    let Value::Object(mut top) = value else {
        return Err(ImportError::NotKeyplan);
    };
    let kind = top
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if kind != FILE_KIND && kind != super::envelope::PLAN_KIND {
        return Err(ImportError::NotKeyplan);
    }
    let version = match top.get("schema_version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .filter(|v| *v >= 1 && *v <= u64::from(u32::MAX))
            .map(|v| v as u32),
        Some(_) => None,
        None => return Err(invalid("schema_version", Msg::new("import.d_missing"))),
    }
    .ok_or_else(|| invalid("schema_version", Msg::new("import.d_whole_number")))?;
    if version > SCHEMA_VERSION {
        return Err(ImportError::Newer { version });
    }
    let raw_plans: Vec<Value> = if kind == FILE_KIND {
        match top.remove("plans") {
            Some(Value::Array(list)) => list,
            Some(_) => return Err(invalid("plans", Msg::new("import.d_list"))),
            None => return Err(invalid("plans", Msg::new("import.d_missing"))),
        }
    } else {
        vec![top
            .remove("plan")
            .ok_or_else(|| invalid("plan", Msg::new("import.d_missing")))?]
    };
    if raw_plans.is_empty() {
        return Err(ImportError::NoPlans);
    }
    let provenance: super::file::ProvenanceMap = match top.remove("provenance") {
        None | Some(Value::Null) => Default::default(),
        Some(v) => serde_path_to_error::deserialize(v).map_err(|e| {
            invalid(
                format!("provenance.{}", e.path()),
                Msg::plain(e.into_inner().to_string()),
            )
        })?,
    };
    if let Some((id, _)) = provenance
        .iter()
        .find(|(_, p)| !crate::model::provenance::is_fingerprint(&p.fingerprint))
    {
        return Err(invalid(
            format!("provenance.{id}.fingerprint"),
            Msg::new("import.d_fingerprint"),
        ));
    }
    let mut plans = Vec::with_capacity(raw_plans.len());
    for (i, raw) in raw_plans.into_iter().enumerate() {
        let at = if kind == FILE_KIND {
            format!("plans[{i}]")
        } else {
            "plan".into()
        };
        if !raw.is_object() {
            return Err(invalid(at, Msg::new("import.d_object")));
        }
        let raw = migrate(raw, version).map_err(|e| invalid(&at, e))?;
        let plan = plan_from_value(raw).map_err(|(inner, detail)| {
            let path = if inner == "." {
                at.clone()
            } else {
                format!("{at}.{inner}")
            };
            invalid(path, Msg::plain(detail))
        })?;
        plans.push(plan);
    }
    // Plans with no id, or an id used twice in the file, get a fresh one rather than failing
    // (a renamed plan has no provenance: the file's named another plan).
    let mut provenance = provenance;
    let mut seen = HashSet::new();
    for (i, p) in plans.iter_mut().enumerate() {
        let ok = !p.id.trim().is_empty()
            && p.id.len() <= 64
            && p.id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok || !seen.insert(p.id.clone()) {
            p.id = format!(
                "{}i{i}",
                p.id.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .take(40)
                    .collect::<String>()
            );
            while !seen.insert(p.id.clone()) {
                p.id.push('x');
            }
        }
    }
    let settings = match top.remove("settings") {
        None | Some(Value::Null) => None,
        Some(v) => Some(serde_path_to_error::deserialize(v).map_err(|e| {
            invalid(
                format!("settings.{}", e.path()),
                Msg::plain(e.into_inner().to_string()),
            )
        })?),
    };
    provenance.retain(|id, _| plans.iter().any(|p| p.id == *id));
    Ok(ImportFile {
        plans,
        settings,
        provenance,
    })
}

/// What the rep chooses for a plan whose id is already in the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// The plan comes back: it is already the merge of the local plan and the file's
    /// (`model::provenance`), written over the local plan.
    Merge,
    Replace,
    KeepBoth,
    Skip,
}

/// One plan of a file, set against the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub plan: Plan,
    /// The plan in the workspace with the same id, if any.
    pub existing: Option<PlanSummary>,
    /// The existing plan was changed after the imported one.
    pub existing_newer: bool,
}

pub fn compare(plans: Vec<Plan>, workspace: &[PlanSummary]) -> Vec<Incoming> {
    plans
        .into_iter()
        .map(|plan| {
            let existing = workspace.iter().find(|s| s.id == plan.id).cloned();
            let existing_newer = existing
                .as_ref()
                .is_some_and(|e| e.updated_at > plan.updated_at);
            Incoming {
                plan,
                existing,
                existing_newer,
            }
        })
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub created: usize,
    pub replaced: usize,
    pub merged: usize,
    pub kept_both: usize,
    pub skipped: usize,
}

/// The plans to write for the choices made, and what that amounts to. `new_id` gives ids
/// for the copies kept beside existing plans.
pub fn resolve(
    incoming: &[Incoming],
    choice: impl Fn(usize) -> OnConflict,
    mut new_id: impl FnMut() -> String,
) -> (Vec<Plan>, ImportCounts) {
    let mut out = Vec::new();
    let mut counts = ImportCounts::default();
    for (i, inc) in incoming.iter().enumerate() {
        let mut plan = inc.plan.clone();
        match (&inc.existing, choice(i)) {
            (None, _) => counts.created += 1,
            (Some(e), OnConflict::Merge) => {
                plan.revision = e.revision;
                counts.merged += 1;
            }
            (Some(e), OnConflict::Replace) => {
                // Written over the existing plan: continue its revision so other tabs see a newer one.
                plan.revision = e.revision;
                counts.replaced += 1;
            }
            (Some(_), OnConflict::KeepBoth) => {
                plan.id = new_id();
                plan.revision = 0;
                plan.header.account_name =
                    crate::model::plan::another_name(&plan.header.account_name);
                counts.kept_both += 1;
            }
            (Some(_), OnConflict::Skip) => {
                counts.skipped += 1;
                continue;
            }
        }
        if inc.existing.is_none() {
            plan.revision = 0;
        }
        out.push(plan);
    }
    (out, counts)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod schema_tests;
