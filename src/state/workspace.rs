//! The workspace in memory: the plan summaries the portfolio lists, settings, and storage health.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

pub use super::files::{Gathered, LeftOut};
pub use super::plan_code::{prepare_plan_code, with_plan_code, CodeState};
use crate::model::plan::Plan;
use crate::model::summary::PlanSummary;
use crate::model::Settings;
use crate::persist::codec;
pub use crate::persist::storage::StoreError;
use crate::persist::storage::{self, PlanRead};

/// Where the workspace's data lives this session.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageMode {
    /// Saved to this browser's local storage.
    Local,
    /// Storage cannot be used: everything stays in this window only.
    MemoryOnly(String),
}

#[derive(Clone, Copy)]
pub struct Workspace {
    pub(in crate::state) summaries: RwSignal<Vec<PlanSummary>>,
    /// Plans whose stored text cannot be read (or was written by a newer KeyPlan): id and reason.
    pub(in crate::state) damaged: RwSignal<Vec<(String, String)>>,
    pub(in crate::state) settings: RwSignal<Settings>,
    pub(in crate::state) mode: RwSignal<StorageMode>,
    /// Set when the index had to be rebuilt at start.
    pub(in crate::state) index_rebuilt: RwSignal<bool>,
    /// Whether the browser granted persistent storage (None: not asked or not supported).
    pub(in crate::state) persisted: RwSignal<Option<bool>>,
    pub(in crate::state) last_export: RwSignal<Option<NaiveDate>>,
    /// The day the backup reminder counts from (last export, or first use).
    pub(in crate::state) backup_clock: RwSignal<NaiveDate>,
    /// Plans whose latest version is only in memory: every plan when storage is unavailable,
    /// otherwise those whose last save failed.
    pub(in crate::state) memory: StoredValue<HashMap<String, Plan>>,
    /// Ids of plans whose latest edits could not be saved (storage full or failing).
    pub(in crate::state) unsaved: RwSignal<Vec<String>>,
    pub(in crate::state) save_error: RwSignal<Option<StoreError>>,
    /// Whether the code that reads plans is here (`persist::codec`), when storage holds plans.
    pub(in crate::state) code: RwSignal<CodeState>,
}

/// A plan's summary for the list and the index; a blank account name is listed as the
/// interface's "Untitled account" (the plan itself keeps what the rep typed).
fn summary_of(plan: &Plan, settings: &Settings, bytes: usize) -> PlanSummary {
    let mut s = PlanSummary::of(plan, &settings.scoring, today(), bytes);
    if s.name.is_empty() {
        s.name = crate::i18n::t("plan.untitled").into();
    }
    s
}

/// Why storage cannot be used, as the storage-unavailable banner says it: the browser's own
/// reason, or that storage is turned off; any other failure in full.
fn unavailable_why(e: &StoreError) -> String {
    match e {
        StoreError::Unavailable(Some(why)) => why.clone(),
        StoreError::Unavailable(None) => crate::i18n::t("store.turned_off").into(),
        other => other.to_string(),
    }
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Workspace {
    // Read-only views of the workspace's signals: screens read them and change them only
    // through the intent methods (`put_plan`, `import`, `update_settings`, `mark_exported` …).
    pub fn summaries(&self) -> ReadSignal<Vec<PlanSummary>> {
        self.summaries.read_only()
    }
    pub fn damaged(&self) -> ReadSignal<Vec<(String, String)>> {
        self.damaged.read_only()
    }
    pub fn settings(&self) -> ReadSignal<Settings> {
        self.settings.read_only()
    }
    pub fn mode(&self) -> ReadSignal<StorageMode> {
        self.mode.read_only()
    }
    pub fn index_rebuilt(&self) -> ReadSignal<bool> {
        self.index_rebuilt.read_only()
    }
    pub fn persisted(&self) -> ReadSignal<Option<bool>> {
        self.persisted.read_only()
    }
    pub fn last_export(&self) -> ReadSignal<Option<NaiveDate>> {
        self.last_export.read_only()
    }
    pub fn backup_clock(&self) -> ReadSignal<NaiveDate> {
        self.backup_clock.read_only()
    }
    pub fn unsaved(&self) -> ReadSignal<Vec<String>> {
        self.unsaved.read_only()
    }
    pub fn save_error(&self) -> ReadSignal<Option<StoreError>> {
        self.save_error.read_only()
    }
    pub fn code(&self) -> ReadSignal<CodeState> {
        self.code.read_only()
    }

    pub fn load() -> Self {
        let ws = Workspace {
            summaries: RwSignal::new(Vec::new()),
            damaged: RwSignal::new(Vec::new()),
            settings: RwSignal::new(Settings::default()),
            mode: RwSignal::new(StorageMode::Local),
            index_rebuilt: RwSignal::new(false),
            persisted: RwSignal::new(None),
            last_export: RwSignal::new(None),
            backup_clock: RwSignal::new(today()),
            memory: StoredValue::new(HashMap::new()),
            unsaved: RwSignal::new(Vec::new()),
            save_error: RwSignal::new(None),
            code: RwSignal::new(CodeState::Ready),
        };
        if codec::ready() || !storage::holds_plans() {
            ws.reload();
        } else {
            // The settings now (the language depends on them), the plans once the code that
            // reads them is here (the release build fetches it: `persist::codec`).
            ws.settings.set(storage::load_settings());
            ws.fetch_code();
        }
        ws
    }

    /// Reads the workspace from storage again (at start, and when another tab cleared it).
    pub fn reload(&self) {
        if let Err(e @ StoreError::Unavailable(_)) = storage::check_available() {
            self.mode.set(StorageMode::MemoryOnly(unavailable_why(&e)));
            return;
        }
        crate::persist::stored::clear_stale_moves();
        self.settings.set(storage::load_settings());
        let settings = self.settings.get_untracked();
        let summarise = move |p: &Plan, bytes| summary_of(p, &settings, bytes);
        match storage::load_workspace(summarise) {
            Ok(w) => {
                self.summaries.set(w.summaries);
                self.damaged.set(w.damaged);
                self.index_rebuilt.set(w.index_rebuilt);
            }
            Err(e) => self.mode.set(StorageMode::MemoryOnly(unavailable_why(&e))),
        }
        self.last_export.set(storage::last_export());
        self.backup_clock.set(storage::backup_clock(today()));
    }

    /// Takes the index another tab wrote; a damaged one is ignored (ours stays).
    pub fn refresh_index(&self) {
        if let Some(list) = crate::persist::journal::read_list() {
            // Another tab made this workspace's first plans: fetch the code that reads them.
            if !list.is_empty() && !codec::ready() {
                leptos::task::spawn_local(async {
                    codec::ensure().await;
                });
            }
            self.summaries.set(list);
        }
    }

    pub fn is_local(&self) -> bool {
        self.mode.with_untracked(|m| *m == StorageMode::Local)
    }

    pub fn summarise(&self, plan: &Plan, bytes: usize) -> PlanSummary {
        self.settings.with_untracked(|s| summary_of(plan, s, bytes))
    }

    /// Puts a summary in the list, replacing the plan's old one.
    pub fn upsert_summary(&self, summary: PlanSummary) {
        self.summaries
            .update(|list| match list.iter_mut().find(|s| s.id == summary.id) {
                Some(s) => *s = summary,
                None => list.push(summary),
            });
    }

    pub fn mark_damaged(&self, id: &str, reason: String) {
        if self.is_local() {
            let _ = storage::mark_damaged(id, &reason);
        }
        self.summaries.update(|l| {
            if let Some(s) = l.iter_mut().find(|s| s.id == id) {
                s.damaged = Some(reason.clone());
            }
        });
        self.damaged.update(|d| {
            d.retain(|(i, _)| i != id);
            d.push((id.to_string(), reason));
        });
    }

    /// Creates a plan and saves it at once, so it exists before the first edit.
    pub fn create_plan(&self, name: &str) -> Result<String, StoreError> {
        let id = new_id();
        let plan = Plan::new(&id, name.trim(), Utc::now());
        self.put_plan(plan)?;
        Ok(id)
    }

    /// Adds the fictional example plan, marked as an example, and returns its id.
    /// Adds the worked example, written in the language the rep reads now; once created it is
    /// the rep's plan and does not change with the language. The release build fetches the
    /// example's code and texts first (src/lazy.rs): `Err(None)` when they could not be fetched.
    pub async fn add_example(self) -> Result<String, Option<StoreError>> {
        let id = new_id();
        let prose = match crate::i18n::lang() {
            crate::i18n::Lang::Zh => crate::model::example::Prose::Chinese,
            crate::i18n::Lang::En => crate::model::example::Prose::English,
        };
        let plan = example::plan(id.clone(), today(), prose)
            .await
            .map_err(|_| None)?;
        if !codec::ensure().await {
            return Err(None);
        }
        self.put_plan(plan).map_err(Some)?;
        Ok(id)
    }

    pub fn read_plan(&self, id: &str) -> Result<PlanRead, StoreError> {
        if let Some(p) = self.memory.with_value(|m| m.get(id).cloned()) {
            return Ok(PlanRead::Loaded(crate::persist::envelope::LoadedPlan {
                head: crate::persist::envelope::Head {
                    kind: crate::persist::envelope::PLAN_KIND.into(),
                    schema_version: crate::model::migration::SCHEMA_VERSION,
                    app_version: String::new(),
                    saved_at: None,
                    revision: p.revision,
                },
                plan: p,
                migrated_from: None,
            }));
        }
        if !self.is_local() {
            return Ok(PlanRead::Missing);
        }
        storage::read_plan(id)
    }

    /// The plan as stored (or held in memory), if it can be read. Writes nothing: a preview
    /// (a CSV import's matches, the portfolio CSV) must leave storage as it was.
    pub fn load_plan(&self, id: &str) -> Option<Plan> {
        if let Some(p) = self.memory.with_value(|m| m.get(id).cloned()) {
            return Some(p);
        }
        if !self.is_local() {
            return None;
        }
        match storage::peek_plan(id) {
            Ok(PlanRead::Loaded(l)) => Some(l.plan),
            _ => None,
        }
    }

    /// Saves a whole plan outside the editor: a new, duplicated or example plan, an archive
    /// or restore, the undo of a delete.
    pub fn put_plan(&self, plan: Plan) -> Result<(), StoreError> {
        if self.is_local() {
            let saved = storage::save_plan(&plan, |p, b| self.summarise(p, b))?;
            self.upsert_summary(saved.summary);
        } else {
            self.upsert_summary(self.summarise(&plan, 0));
            self.keep_in_memory(plan);
        }
        Ok(())
    }

    /// Writes checked, resolved import plans, all or nothing, and lists them.
    pub fn import(&self, plans: &[Plan]) -> Result<(), StoreError> {
        // A reviewer's verdict that comes back is written to step 7's review log, once.
        let logged = crate::state::comments::log_verdicts(plans);
        let plans = logged.as_slice();
        if self.is_local() {
            for saved in storage::import_plans(plans, |p, b| self.summarise(p, b))? {
                self.upsert_summary(saved.summary);
            }
        } else {
            for p in plans {
                self.upsert_summary(self.summarise(p, 0));
                self.keep_in_memory(p.clone());
            }
        }
        Ok(())
    }

    /// Copies a plan as the template for a similar account; returns the new id.
    pub fn duplicate(&self, id: &str) -> Result<String, StoreError> {
        let plan = self
            .load_plan(id)
            .ok_or_else(|| StoreError::Failed(crate::i18n::t("store.unreadable").into()))?;
        let new = new_id();
        self.put_plan(plan.as_template(&new, Utc::now()))?;
        Ok(new)
    }

    pub fn set_archived(&self, id: &str, archived: bool) -> Result<(), StoreError> {
        let mut plan = self
            .load_plan(id)
            .ok_or_else(|| StoreError::Failed(crate::i18n::t("store.unreadable").into()))?;
        plan.archived = archived;
        self.put_plan(plan)
    }

    pub fn delete_plan(&self, id: &str) -> Result<(), StoreError> {
        if self.is_local() {
            storage::delete_plan(id)?;
        }
        self.memory.update_value(|m| {
            m.remove(id);
        });
        self.summaries.update(|l| l.retain(|s| s.id != id));
        self.damaged.update(|l| l.retain(|(i, _)| i != id));
        Ok(())
    }

    /// Changes the settings, saves them and re-scores every plan's summary (`save_settings`).
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        self.save_settings();
    }

    /// Saves the settings and re-scores every plan's summary with them, so the portfolio's
    /// grades and quadrants follow edited weights at once.
    pub fn save_settings(&self) {
        if self.is_local() {
            let _ = storage::save_settings(&self.settings.get_untracked());
        }
        let settings = self.settings.get_untracked();
        let rescore = |s: &mut PlanSummary| {
            let Some(plan) = self.load_plan(&s.id) else {
                return;
            };
            let fresh = PlanSummary::of(&plan, &settings.scoring, today(), s.bytes);
            s.grade = fresh.grade;
            s.quadrant = fresh.quadrant;
            s.attractiveness = fresh.attractiveness;
            s.ability = fresh.ability;
            s.potential = fresh.potential;
        };
        if self.is_local() {
            if let Ok(list) = storage::update_index(|list| {
                list.iter_mut()
                    .filter(|s| s.damaged.is_none())
                    .for_each(rescore)
            }) {
                self.summaries.set(list);
            }
        } else {
            self.summaries
                .update(|list| list.iter_mut().for_each(rescore));
        }
    }
}

/// A plan id: time in base 36 and a random tail, URL-safe and unique enough for one rep's plans.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 36f64.powi(4)) as u64;
    format!("{}{}", base36(t), base36(r))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

mod example;
