//! What leaves the browser as a file, and files the rep brings: the door screens use for
//! KeyPlan files, backups, CSV and calendar exports, and for reading a CRM export or a
//! KeyPlan file. The writers in `persist/` know no language; the words are put in here.

use chrono::Utc;
use leptos::prelude::*;

use super::workspace::Workspace;
use crate::i18n::describe::{plan_name, words};
use crate::model::plan::Plan;
use crate::model::privacy::{self, without_private_notes};
use crate::model::Settings;
use crate::persist::storage::{self, PlanRead};
use crate::persist::{calendar, codec, csv, download, file, legacy_text};

pub use crate::persist::csv::PortfolioRow;
pub use crate::persist::file::ProvenanceMap;
pub use crate::persist::import::{ImportCounts, ImportError, Incoming, OnConflict, MAX_BYTES};

const JSON: &str = "application/json";

/// A file name for `label` with today's date: "Acme 2026-11-22.keyplan.json", or with the
/// given extension in place of `.keyplan.json`.
pub fn file_name(label: &str, ext: Option<&str>) -> String {
    let name = file::file_name(label, Utc::now());
    match ext {
        Some(ext) => name.replace(".keyplan.json", ext),
        None => name,
    }
}

/// Hands a KeyPlan file's text to the browser as a download. False when the browser refused.
pub fn save_file(name: &str, text: &str) -> bool {
    download::download(name, JSON, text)
}

/// The file for some plans, with private notes left out when asked (the plans and every
/// review snapshot in them: `model::privacy`), and where each plan came from (issue 15): its
/// revision, fingerprint and the fingerprint of the merge base kept here. Also returns the
/// merge bases to keep once the file is sent (the plans as in the file, private notes out).
///
/// Through `persist::codec` (`NotLoaded` when the code that writes plans could not be fetched).
pub fn export_text(
    plans: Vec<Plan>,
    leave_out_private: bool,
    settings: Option<&Settings>,
) -> Result<(String, Vec<(String, crate::model::provenance::Base)>), codec::NotLoaded> {
    codec::export_text(plans, leave_out_private, settings)
}

/// Keeps the plans just sent as their merge bases (`persist::codec::keep_bases`).
pub fn keep_bases(bases: &[(String, crate::model::provenance::Base)]) {
    let _ = codec::keep_bases(bases);
}

/// `export_text`'s work, in the module that reads and writes plans.
pub(crate) fn export_text_now(
    plans: Vec<Plan>,
    leave_out_private: bool,
    settings: Option<&Settings>,
) -> (String, Vec<(String, crate::model::provenance::Base)>) {
    let mut prov = file::ProvenanceMap::new();
    let mut bases = Vec::with_capacity(plans.len());
    for p in &plans {
        let fp = crate::model::provenance::fingerprint(p);
        prov.insert(
            p.id.clone(),
            crate::model::provenance::Provenance {
                revision: p.revision,
                fingerprint: fp.clone(),
                base_fingerprint: crate::persist::base::load(&p.id).map(|b| b.fingerprint),
            },
        );
        bases.push((p.id.clone(), crate::model::provenance::Base::of(p, fp)));
    }
    let text = file::encode_file_with(
        &privacy::for_export(plans, leave_out_private),
        settings,
        Utc::now(),
        &prov,
    );
    (text, bases)
}

/// Downloads one plan as a KeyPlan file (its in-memory state, unsaved edits included).
pub fn download_plan(plan: &Plan, label_suffix: &str) -> bool {
    let now = Utc::now();
    let name = file::file_name(&format!("{}{label_suffix}", plan_name(plan)), now);
    codec::encode_file(std::slice::from_ref(plan), None, now, &ProvenanceMap::new())
        .is_ok_and(|text| save_file(&name, &text))
}

/// Downloads several plans as one KeyPlan file named after `label`.
pub fn download_plans(label: &str, plans: &[Plan]) -> bool {
    let now = Utc::now();
    codec::encode_file(plans, None, now, &ProvenanceMap::new())
        .is_ok_and(|text| save_file(&file::file_name(label, now), &text))
}

/// Downloads a plan's stored text as it is, untouched: what KeyPlan could not read or include.
pub fn download_raw(id: &str, raw: &str) -> bool {
    download::download(&format!("damaged-plan-{id}.json"), JSON, raw)
}

/// The plan's actions as a CSV file, in the interface language; private notes left out.
pub fn download_actions_csv(plan: &Plan) -> bool {
    let text = calendar::actions_csv(&without_private_notes(plan), &words);
    download::download(
        &file_name(plan_name(plan), Some("-actions.csv")),
        "text/csv",
        &text,
    )
}

/// The plan's open actions' due dates and next review as a calendar file; private notes left out.
pub fn download_calendar(plan: &Plan) -> bool {
    let text = calendar::calendar_ics(&without_private_notes(plan), Utc::now(), &words);
    download::download(
        &file_name(plan_name(plan), Some(".ics")),
        "text/calendar",
        &text,
    )
}

/// The listed plans as a CSV for the manager's spreadsheet, headings in the interface language.
pub fn download_portfolio_csv(label: &str, rows: &[PortfolioRow]) -> bool {
    let text = csv::portfolio_csv(rows, super::workspace::today(), &words);
    download::download(
        &file_name(label, Some(".csv")),
        "text/csv;charset=utf-8",
        &text,
    )
}

/// How complete a plan is, as the portfolio CSV reports it.
pub fn completeness(plan: &Plan) -> u8 {
    csv::plan_completeness(plan)
}

/// The text of a file in a legacy encoding (GBK, Big5, Shift-JIS, Windows-1252 …) by its
/// label, read with the browser's decoder; none when the browser cannot.
pub fn decode_legacy_text(bytes: &[u8], label: &str) -> Option<String> {
    legacy_text::decode(bytes, label)
}

impl super::workspace::Workspace {
    /// Checks and reads a KeyPlan file, and sets each plan in it beside the plan of the same
    /// id already here (if any). Nothing is written.
    pub fn read_import(&self, bytes: &[u8]) -> Result<Vec<Incoming>, ImportError> {
        let file = crate::persist::import::parse_file(bytes)?;
        Ok(self
            .summaries()
            .with_untracked(|s| crate::persist::import::compare(file.plans, s)))
    }

    /// Writes the plans of a read file as the rep chose for each (`choice(i)` for the i-th),
    /// all or nothing, and says what that amounted to.
    pub fn import_as_chosen(
        &self,
        incoming: &[Incoming],
        choice: impl Fn(usize) -> OnConflict,
    ) -> Result<ImportCounts, crate::persist::storage::StoreError> {
        let (plans, counts) =
            crate::persist::import::resolve(incoming, choice, super::workspace::new_id);
        self.import(&plans)?;
        Ok(counts)
    }
}

/// A plan an export could not include, why, and its stored text (offered as a download).
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    pub id: String,
    pub name: String,
    pub reason: String,
    pub raw: Option<String>,
}

/// The plans an export can include, and those it must leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gathered {
    pub plans: Vec<Plan>,
    pub left_out: Vec<LeftOut>,
}

impl Workspace {
    /// Reads plans for an export. A plan that cannot be read (damaged), or was written by a
    /// newer KeyPlan (this one would write it in an older format), is left out with the reason
    /// and its stored text, never silently.
    pub fn gather(&self, ids: &[String]) -> Gathered {
        let mut out = Gathered::default();
        for id in ids {
            let name = self
                .summaries
                .with_untracked(|l| l.iter().find(|s| s.id == *id).map(|s| s.name.clone()))
                .unwrap_or_else(|| id.clone());
            let stored = || self.stored_text(id);
            let (reason, raw) = match self.read_plan(id) {
                Ok(PlanRead::Loaded(l)) => {
                    out.plans.push(l.plan);
                    continue;
                }
                Ok(PlanRead::Newer { error, .. }) => (error.to_string(), stored()),
                Ok(PlanRead::Damaged { raw, error }) => {
                    self.mark_damaged(id, error.to_string());
                    (error.to_string(), Some(raw))
                }
                Ok(PlanRead::Missing) => (crate::i18n::t("export.gone").to_string(), None),
                Err(e) => (e.to_string(), stored()),
            };
            out.left_out.push(LeftOut {
                id: id.clone(),
                name,
                reason,
                raw,
            });
        }
        out
    }

    /// A plan's stored text exactly as it is (to download what cannot be read or included).
    pub fn stored_text(&self, id: &str) -> Option<String> {
        if !self.is_local() {
            return None;
        }
        storage::read(&storage::plan_key(id)).ok().flatten()
    }

    /// Every plan of the workspace, archived ones too (for a backup).
    pub fn all_ids(&self) -> Vec<String> {
        self.summaries
            .with_untracked(|l| l.iter().map(|s| s.id.clone()).collect())
    }
}

/// Reads a KeyPlan file (nothing is written): its plans, settings and where each came from.
pub fn parse_file(bytes: &[u8]) -> Result<crate::persist::import::ImportFile, ImportError> {
    crate::persist::import::parse_file(bytes)
}

/// Each plan of a file beside the plan of the same id already here (if any).
pub fn compare(
    plans: Vec<Plan>,
    workspace: &[crate::model::summary::PlanSummary],
) -> Vec<Incoming> {
    crate::persist::import::compare(plans, workspace)
}

/// The plans to write for the rep's choices, and what that amounts to.
pub fn resolve(
    incoming: &[Incoming],
    choice: impl Fn(usize) -> OnConflict,
    new_id: impl FnMut() -> String,
) -> (Vec<Plan>, ImportCounts) {
    crate::persist::import::resolve(incoming, choice, new_id)
}

/// The merge base of each plan (issue 15): the last version sent or received.
pub mod base {
    use crate::model::provenance::Base;
    use crate::persist::base;
    use crate::persist::storage::StoreError;

    pub fn load(id: &str) -> Option<Base> {
        base::load(id)
    }
    pub fn save(id: &str, b: &Base) -> Result<(), StoreError> {
        base::save(id, b)
    }
    pub fn restore(id: &str, old: Option<&Base>) -> Result<(), StoreError> {
        base::restore(id, old)
    }
}
