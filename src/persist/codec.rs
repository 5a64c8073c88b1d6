//! Reading and writing whole plans as JSON: the code a first visit, with no plans yet, does not
//! need (issue 16).
//!
//! serde's code for every plan type, for both `serde_json` paths (text and `Value`), with the
//! deflate of the compact stored form, is the largest part of the wasm. In the release build
//! (`--cfg keyplan_split`, src/lazy.rs) each function here is a split point of one module,
//! `plans`, so none of that code is in the start-up module. The functions stay synchronous:
//! once the module is here (`ready`), a call runs at once; before, it returns `NotLoaded`,
//! which callers report as a storage failure (never as a damaged plan).
//!
//! The module is here whenever the tab holds a plan: `Workspace::load` waits for it when storage
//! holds plans, and creating or importing the first plan fetches it first (`ensure`). Everywhere
//! else (`cargo test`, the browser tests' debug build) these are ordinary calls.

#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::file::ProvenanceMap;
use crate::model::merge::Path;
use crate::model::plan::Plan;
use crate::model::provenance::Base;
use crate::model::Settings;
use crate::persist::envelope::{DecodeError, LoadedPlan};
use crate::state::editor::Editor;

/// The plan code's module has not been fetched (yet, or it could not be).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NotLoaded;

/// Declares each function twice: the split point (release) and the plain call (elsewhere),
/// both behind one synchronous function returning `Result<_, NotLoaded>`.
///
/// Each split point has its own loader state (`wasm_split`), which is "here" only once awaited:
/// each lives in a module of its own with its `load`, and `ensure` awaits every one of them, so
/// that the synchronous call that follows finds its code at its first poll.
macro_rules! plan_code {
    ($($(#[$m:meta])* pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block)*) => {
        #[cfg(keyplan_split)]
        mod split {
            $(
                #[allow(non_snake_case)]
                pub mod $name {
                    #[allow(unused_imports)]
                    use super::super::*;
                    use leptos::wasm_split::SplitLoaderError;

                    #[leptos::wasm_split::wasm_split(plans, wasm_split_path = ::leptos::wasm_split, preload(load), fallible)]
                    pub fn $name($($arg: $ty),*) -> Result<$ret, SplitLoaderError> {
                        Ok($body)
                    }
                }
            )*

            /// Fetches the module and readies every function's loader; false if it failed.
            pub async fn load_all() -> bool {
                $(
                    if $name::load().await.is_err() {
                        return false;
                    }
                )*
                true
            }
        }
        $(
            $(#[$m])*
            #[cfg(keyplan_split)]
            pub fn $name($($arg: $ty),*) -> Result<$ret, NotLoaded> {
                // Never polled before the module is here: a poll would start fetching it.
                if !ready() {
                    return Err(NotLoaded);
                }
                match crate::lazy::now(split::$name::$name($($arg),*)) {
                    Some(Ok(v)) => Ok(v),
                    _ => Err(NotLoaded),
                }
            }
            $(#[$m])*
            #[cfg(not(keyplan_split))]
            pub fn $name($($arg: $ty),*) -> Result<$ret, NotLoaded> {
                Ok($body)
            }
        )*
    };
}

plan_code! {
    /// A stored plan's text decoded, an older one migrated (`envelope::decode_plan`).
    pub fn decode_plan(raw: &str) -> Result<LoadedPlan, DecodeError> {
        crate::persist::envelope::decode_plan(raw)
    }
    /// A newer KeyPlan's plan, read as far as this one can (`envelope::decode_plan_read_only`).
    pub fn decode_plan_read_only(raw: &str) -> Option<Plan> {
        crate::persist::envelope::decode_plan_read_only(raw)
    }
    /// A plan from its JSON value, or the path and reason it is wrong.
    pub fn plan_from_value(value: Value) -> Result<Plan, (String, String)> {
        crate::persist::envelope::plan_from_value(value)
    }
    /// A plan as a JSON value (for the field-by-field merge).
    pub fn plan_to_value(plan: &Plan) -> Option<Value> {
        serde_json::to_value(plan).ok()
    }
    /// A plan's stored text: its plain envelope and the compact form written to storage.
    pub fn stored_text(plan: &Plan, now: DateTime<Utc>) -> (String, String) {
        let plain = crate::persist::envelope::encode_plan(plan, now);
        let compact = crate::persist::compact::encode_plan_text(
            &plain,
            crate::model::migration::SCHEMA_VERSION,
            plan.revision,
        );
        (plain, compact)
    }
    /// A stored value in the compact form, decoded to JSON.
    pub fn decode_compact(raw: &str) -> Option<Value> {
        crate::persist::compact::decode_value(raw).ok()
    }
    /// A KeyPlan file's text (`file::encode_file_with`).
    pub fn encode_file(
        plans: &[Plan],
        settings: Option<&Settings>,
        now: DateTime<Utc>,
        provenance: &ProvenanceMap,
    ) -> String {
        crate::persist::file::encode_file_with(plans, settings, now, provenance)
    }
    /// The file for plans sent to someone, and the merge bases to keep once it is sent
    /// (`state::files::export_text`).
    pub fn export_text(
        plans: Vec<Plan>,
        leave_out_private: bool,
        settings: Option<&Settings>,
    ) -> (String, Vec<(String, Base)>) {
        crate::state::files::export_text_now(plans, leave_out_private, settings)
    }
    /// The open plan's editor (`state::editor`): each entry point from outside a plan's pages.
    pub fn editor_open(editor: Editor, id: String) -> () {
        editor.open_now(&id)
    }
    pub fn editor_close(editor: Editor) -> () {
        editor.close_now()
    }
    pub fn editor_flush(editor: Editor) -> () {
        editor.flush_now()
    }
    pub fn editor_retry(editor: Editor) -> () {
        editor.retry_now()
    }
    pub fn editor_resolve(editor: Editor, path: Path, keep_mine: bool) -> () {
        editor.resolve_now(&path, keep_mine)
    }
    pub fn editor_external_change(editor: Editor) -> () {
        editor.on_external_change_now()
    }
    /// Keeps the plans just sent as their merge bases; how many were kept. A base that does not
    /// fit is dropped (the next import of that plan then offers today's choices), never the export.
    pub fn keep_bases(bases: &[(String, Base)]) -> usize {
        bases
            .iter()
            .filter(|(id, b)| crate::persist::base::save(id, b).is_ok())
            .count()
    }
}

#[cfg(keyplan_split)]
thread_local! {
    static HERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the plan code is here, so calls succeed. Never starts fetching it.
pub fn ready() -> bool {
    #[cfg(keyplan_split)]
    return HERE.get();
    #[cfg(not(keyplan_split))]
    true
}

/// Fetches the plan code if it is not here yet; false when it could not be fetched (a later
/// call tries again).
pub async fn ensure() -> bool {
    #[cfg(keyplan_split)]
    if !HERE.get() && split::load_all().await {
        HERE.set(true);
    }
    ready()
}

/// Starts fetching the plan code if it is not here (for a screen about to write plans).
pub fn preload() {
    if !ready() {
        leptos::task::spawn_local(async {
            ensure().await;
        });
    }
}

/// Runs `then` with the plan code here: at once when it is, else once it has been fetched;
/// `then(false)` when it could not be.
pub fn then(then: impl FnOnce(bool) + 'static) {
    if ready() {
        then(true);
    } else {
        leptos::task::spawn_local(async move { then(ensure().await) });
    }
}
