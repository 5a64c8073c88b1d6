//! The envelope every stored value and every file starts with, and the pure decoding of it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::migration::{migrate, SCHEMA_VERSION};
use crate::model::msg::Msg;
use crate::model::plan::Plan;
use crate::model::summary::PlanSummary;

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
pub const PLAN_KIND: &str = "keyplan.plan";
pub const INDEX_KIND: &str = "keyplan.index";
pub const SETTINGS_KIND: &str = "keyplan.settings";

/// The envelope's head, read on its own to check a stored plan's kind, version and revision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub kind: String,
    pub schema_version: u32,
    #[serde(default)]
    pub app_version: String,
    #[serde(default)]
    pub saved_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub revision: u64,
}

#[derive(Serialize)]
struct Stored<'a, T: Serialize> {
    #[serde(flatten)]
    head: Head,
    #[serde(flatten)]
    body: &'a T,
}

#[derive(Serialize)]
struct PlanBody<'a> {
    plan: &'a Plan,
}

#[derive(Serialize, Deserialize)]
struct IndexBody {
    plans: Vec<PlanSummary>,
}

fn head(kind: &str, revision: u64, now: DateTime<Utc>) -> Head {
    Head {
        kind: kind.into(),
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.into(),
        saved_at: Some(now),
        revision,
    }
}

pub fn encode_plan(plan: &Plan, now: DateTime<Utc>) -> String {
    let stored = Stored {
        head: head(PLAN_KIND, plan.revision, now),
        body: &PlanBody { plan },
    };
    serde_json::to_string(&stored).expect("a plan always serialises")
}

pub fn encode_index(plans: &[PlanSummary], now: DateTime<Utc>) -> String {
    let body = IndexBody {
        plans: plans.to_vec(),
    };
    serde_json::to_string(&Stored {
        head: head(INDEX_KIND, 0, now),
        body: &body,
    })
    .expect("an index always serialises")
}

pub fn encode_settings<T: Serialize>(settings: &T, now: DateTime<Utc>) -> String {
    #[derive(Serialize)]
    struct Body<'a, T: Serialize> {
        settings: &'a T,
    }
    serde_json::to_string(&Stored {
        head: head(SETTINGS_KIND, 0, now),
        body: &Body { settings },
    })
    .expect("settings always serialise")
}

/// Why a stored or imported value could not be read. Each says what is wrong in words a rep understands.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    NotKeyplan {
        found: Option<String>,
    },
    WrongKind {
        expected: &'static str,
        found: String,
    },
    Newer {
        version: u32,
    },
    Invalid {
        detail: Msg,
    },
}

pub fn parse_json(raw: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(raw).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or_default()
            .to_string(),
    })
}

/// Reads and checks the envelope's head from a parsed value.
pub fn read_head(value: &Value, expected: &'static str) -> Result<Head, DecodeError> {
    let kind = match value.get("kind") {
        Some(Value::String(k)) => k.clone(),
        _ => return Err(DecodeError::NotKeyplan { found: None }),
    };
    if !kind.starts_with("keyplan") {
        return Err(DecodeError::NotKeyplan { found: Some(kind) });
    }
    if kind != expected {
        return Err(DecodeError::WrongKind {
            expected,
            found: kind,
        });
    }
    let head = Head::deserialize(value).map_err(|e| DecodeError::Invalid {
        detail: Msg::with("decode.bad_header", &[&e]),
    })?;
    if head.schema_version > SCHEMA_VERSION {
        return Err(DecodeError::Newer {
            version: head.schema_version,
        });
    }
    Ok(head)
}

/// A stored plan, read. `migrated_from` is set when it was written by an older schema.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedPlan {
    pub plan: Plan,
    pub head: Head,
    pub migrated_from: Option<u32>,
}

/// Decodes a stored plan, migrating an older one. A newer one is an error (`Newer`),
/// but `decode_plan_read_only` can still show it.
pub fn decode_plan(raw: &str) -> Result<LoadedPlan, DecodeError> {
    let mut value = super::compact::parse_stored(raw)?;
    let head = read_head(&value, PLAN_KIND)?;
    let plan = value
        .get_mut("plan")
        .map(Value::take)
        .ok_or(DecodeError::Invalid {
            detail: Msg::new("decode.no_plan"),
        })?;
    let migrated_from = (head.schema_version < SCHEMA_VERSION).then_some(head.schema_version);
    let plan = match migrated_from {
        Some(from) => migrate(plan, from).map_err(|detail| DecodeError::Invalid { detail })?,
        None => plan,
    };
    let plan = plan_from_value(plan).map_err(|(path, detail)| DecodeError::Invalid {
        detail: Msg::plain(format!("{path}: {detail}")),
    })?;
    Ok(LoadedPlan {
        plan,
        head,
        migrated_from,
    })
}

/// Best-effort reading of a plan from a newer KeyPlan, to show it read-only.
pub fn decode_plan_read_only(raw: &str) -> Option<Plan> {
    let value: Value = super::compact::parse_stored(raw).ok()?;
    plan_from_value(value.get("plan")?.clone()).ok()
}

/// Builds a plan from its JSON value; on failure, the path of the wrong field
/// ("relationships.contacts[2].attitude", "." for the plan itself) and what is wrong.
///
/// Plans are deserialised with `serde_json::from_value` only (here, the editor, the merge): each
/// distinct serde deserialiser instantiates every plan type's code again, and a path-tracking
/// deserialiser (serde_path_to_error) cost 120 KB of wasm. The path is found only when a plan
/// fails, by [`error_path`].
pub fn plan_from_value(value: Value) -> Result<Plan, (String, String)> {
    // The value is kept only to find the path of an error; most plans are read once.
    let copy = value.clone();
    serde_json::from_value(value).map_err(|e| {
        let detail = e.to_string();
        (error_path(copy, &detail), detail)
    })
}

/// The error a plan's value gives, if any.
fn plan_error(value: Value) -> Option<String> {
    serde_json::from_value::<Plan>(value)
        .err()
        .map(|e| e.to_string())
}

enum Step {
    Key(String),
    Index(usize),
}

/// Where in `value` the plan error `detail` comes from: goes down from the top, into the first
/// member or element whose removal changes the error (every plan type takes defaults for missing
/// members, and a list may be shorter), and stops where no removal does.
fn error_path(value: Value, detail: &str) -> String {
    let mut path: Vec<Step> = Vec::new();
    loop {
        let node = path
            .iter()
            .try_fold(&value, |node, step| match (node, step) {
                (Value::Object(m), Step::Key(k)) => m.get(k),
                (Value::Array(a), Step::Index(i)) => a.get(*i),
                _ => None,
            });
        let children: Vec<Step> = match node {
            Some(Value::Object(m)) => m.keys().cloned().map(Step::Key).collect(),
            Some(Value::Array(a)) => (0..a.len()).map(Step::Index).collect(),
            _ => break,
        };
        let culprit = children.into_iter().find(|child| {
            let mut probe = value.clone();
            let node = path
                .iter()
                .try_fold(&mut probe, |node, step| match (node, step) {
                    (Value::Object(m), Step::Key(k)) => m.get_mut(k),
                    (Value::Array(a), Step::Index(i)) => a.get_mut(*i),
                    _ => None,
                });
            match (node, child) {
                (Some(Value::Object(m)), Step::Key(k)) => {
                    m.remove(k);
                }
                (Some(Value::Array(a)), Step::Index(i)) => {
                    a.remove(*i);
                }
                _ => return false,
            }
            plan_error(probe).as_deref() != Some(detail)
        });
        match culprit {
            Some(step) => path.push(step),
            None => break,
        }
    }
    if path.is_empty() {
        return ".".into();
    }
    let mut out = String::new();
    for step in &path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

pub fn decode_index(raw: &str) -> Result<Vec<PlanSummary>, DecodeError> {
    let value = parse_json(raw)?;
    read_head(&value, INDEX_KIND)?;
    let body: IndexBody = serde_json::from_value(value).map_err(|e| DecodeError::Invalid {
        detail: Msg::plain(e.to_string()),
    })?;
    Ok(body.plans)
}

pub fn decode_settings<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    let mut value = parse_json(raw)?;
    read_head(&value, SETTINGS_KIND)?;
    let settings = value
        .get_mut("settings")
        .map(Value::take)
        .unwrap_or(Value::Null);
    serde_json::from_value(settings).map_err(|e| DecodeError::Invalid {
        detail: Msg::plain(e.to_string()),
    })
}

/// The account name in a plan's text that cannot be read as a whole (cut short, say), when the
/// name itself is still there: so a damaged plan is listed by the name the rep knows.
pub fn salvage_name(raw: &str) -> Option<String> {
    let at = raw.find("\"account_name\"")? + "\"account_name\"".len();
    let rest = raw[at..].trim_start().strip_prefix(':')?.trim_start();
    if !rest.starts_with('"') {
        return None;
    }
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => {
                let name: String = serde_json::from_str(&rest[..=i]).ok()?;
                let name = name.trim();
                return (!name.is_empty()).then(|| name.to_string());
            }
            _ => {}
        }
    }
    None
}

/// The revision of a stored plan, read without building the plan.
pub fn stored_revision(raw: &str) -> Option<u64> {
    if super::compact::is_compact(raw) {
        return super::compact::stored_revision(raw);
    }
    #[derive(Deserialize)]
    struct Rev {
        #[serde(default)]
        revision: u64,
    }
    serde_json::from_str::<Rev>(raw).ok().map(|r| r.revision)
}

#[cfg(test)]
mod tests;
