//! Import accounts from a CRM report or spreadsheet (CSV): choose the file, map its columns to
//! plan fields, see every plan to create and update and every problem, then confirm. Nothing
//! is written before the confirm, and the whole import can be undone.

mod preview;
mod words;

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use crate::components::drop::{dropped_file, picked_file, read_file_bytes};
use crate::i18n::describe::Label;
use crate::i18n::{t, tf};
use crate::model::crm::accounts::{
    guess_style, new_plan, preview, refreshed, Preview, Problem, ProblemKind, ReadStyle, Value,
};
use crate::model::crm::date::DateOrder;
use crate::model::crm::mapping::{guess, Target};
use crate::model::crm::read::{
    check_text, column_letter, decode, parse, Decoded, Encoding, ReadError, Table, MAX_BYTES,
    MAX_COLUMNS, MAX_ROWS,
};
use crate::model::plan::Plan;
use crate::model::text::format_number;
use crate::state::crm::{import_accounts, undo_import, Imported, UndoError};
use crate::state::workspace::{new_id, today, Workspace};
use crate::steps::step1::criterion_label;
use preview::MapAndPreview;
pub use words::read_error_text;
use words::{column_name, problem_text, target_label, value_text};

/// How many problems, new plans and updates the preview draws; the counts are always whole.
const SHOWN: usize = 50;

/// A file read and parsed once.
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    name: String,
    encoding: Encoding,
    table: Table,
    /// Every readable plan in the workspace, to match rows against.
    existing: Vec<Plan>,
}

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Choose,
    Map,
    Done {
        created: usize,
        updated: usize,
        undo: Option<Arc<Imported>>,
    },
    Undone,
}

/// Reads the file's bytes into a table, or says why not.
fn read_bytes(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let (text, enc) = match decode(bytes).map_err(|e| read_error_text(&e))? {
        Decoded::Text(text, enc) => (text, enc),
        Decoded::Legacy(enc) => {
            let text = crate::state::files::decode_legacy_text(bytes, enc.label())
                .ok_or_else(|| tf("crm.e.encoding", &[&enc.label()]))?;
            check_text(&text).map_err(|e| read_error_text(&e))?;
            (text, enc)
        }
    };
    Ok((text, enc))
}

/// The button that opens the import, for the portfolio's head and its empty state.
#[component]
pub fn CrmImportButton(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" class="secondary" data-testid="crm-import-open" on:click=move |_| open.set(true)>{t("crm.open")}</button>
    }
}

#[component]
pub fn CrmImport(open: RwSignal<bool>) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let stage = RwSignal::new(Stage::Choose);
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let loaded = RwSignal::new(None::<Arc<Loaded>>);
    let mapping = RwSignal::new(Vec::<Option<Target>>::new());
    let date_order = RwSignal::new(None::<DateOrder>);
    let heading = NodeRef::<leptos::html::H2>::new();
    // Writing plans needs the code that saves them: fetched while the rep picks a file.
    crate::state::workspace::prepare_plan_code();
    // The heading takes the focus at each stage, so the dialog's top (and the result after a
    // confirm or an undo) is in view, not hidden above a long preview.
    Effect::new(move |_| {
        stage.track();
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    // How values are read: guessed from the file, the day/month order as the rep chose it.
    let style = Memo::new(move |_| {
        let l = loaded.get()?;
        let m = mapping.get();
        let mut s: ReadStyle = guess_style(&l.table, &m);
        if let Some(o) = date_order.get() {
            s.date_order = o;
        }
        Some(s)
    });
    let plan_preview = Memo::new(move |_| {
        let l = loaded.get()?;
        let s = style.get()?;
        Some(Arc::new(
            mapping.with(|m| preview(&l.table, m, &s, &l.existing)),
        ))
    });

    let take_file = move |name: String, bytes: Vec<u8>| {
        reading.set(false);
        let result = read_bytes(&bytes).and_then(|(text, enc)| {
            parse(&text)
                .map(|table| (table, enc))
                .map_err(|e| read_error_text(&e))
        });
        match result {
            Ok((table, encoding)) => {
                let existing: Vec<Plan> = ws
                    .summaries()
                    .get_untracked()
                    .iter()
                    .filter(|s| s.damaged.is_none())
                    .filter_map(|s| ws.load_plan(&s.id))
                    .collect();
                mapping.set(guess(&table.headers));
                date_order.set(None);
                loaded.set(Some(Arc::new(Loaded {
                    name,
                    encoding,
                    table,
                    existing,
                })));
                error.set(None);
                stage.set(Stage::Map);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let read_file = move |file: web_sys::File| {
        error.set(None);
        reading.set(true);
        let failed = move || {
            reading.set(false);
            error.set(Some(t("import.read_failed").into()));
        };
        if let Err(bytes) = read_file_bytes(file, MAX_BYTES, take_file, failed) {
            reading.set(false);
            error.set(Some(read_error_text(&ReadError::TooLarge { bytes })));
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(f) = picked_file(&ev) {
            read_file(f);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        if let Some(f) = dropped_file(&ev) {
            read_file(f);
        }
    };

    let confirm = move |_| {
        let (Some(l), Some(p)) = (loaded.get_untracked(), plan_preview.get_untracked()) else {
            return;
        };
        let now = Utc::now();
        let label = l.name.clone();
        let created: Vec<Plan> = p
            .creates
            .iter()
            .map(|c| new_plan(&new_id_unique(), &c.values, now))
            .collect();
        let mut before = Vec::new();
        let mut updated = Vec::new();
        for u in &p.updates {
            if let Some(old) = l.existing.iter().find(|e| e.id == u.plan_id) {
                if let Some(next) = refreshed(old, &u.values, today(), &label) {
                    before.push(old.clone());
                    updated.push(next);
                }
            }
        }
        let (n_created, n_updated) = (created.len(), updated.len());
        match import_accounts(&ws, created, updated, before) {
            Ok(done) => {
                error.set(None);
                stage.set(Stage::Done {
                    created: n_created,
                    updated: n_updated,
                    undo: Some(Arc::new(done)),
                });
            }
            Err(e) => error.set(Some(tf("crm.e.write", &[&e]))),
        }
    };
    let undo = move |_| {
        let Stage::Done {
            undo: Some(done), ..
        } = stage.get_untracked()
        else {
            return;
        };
        match undo_import(&ws, &done) {
            Ok(()) => {
                error.set(None);
                stage.set(Stage::Undone);
            }
            Err(UndoError::ChangedSince(name)) => {
                error.set(Some(tf("crm.e.undo_changed", &[&name])))
            }
            Err(UndoError::Store(e)) => error.set(Some(tf("crm.e.undo_failed", &[&e]))),
        }
    };
    let close = move || {
        stage.set(Stage::Choose);
        loaded.set(None);
        open.set(false);
    };

    view! {
        <section class="card import crm-import" data-testid="crm-import" aria-labelledby="crm-import-h"
            on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=on_drop>
            <h2 id="crm-import-h" tabindex="-1" node_ref=heading>{t("crm.title")}</h2>
            {move || error.get().map(|e| view! {
                <div class="banner danger" role="alert" data-testid="crm-error"><p>{e}</p><p>{t("crm.nothing_changed")}</p></div>
            })}
            {move || match stage.get() {
                Stage::Choose => view! {
                    <p>{t("crm.intro")}</p>
                    <ol class="mini-steps">
                        <li>{t("crm.step_1")}</li>
                        <li>{t("crm.step_2")}</li>
                        <li>{t("crm.step_3")}</li>
                    </ol>
                    <div class="field">
                        <label for="crm-file">{t("crm.choose_file")}</label>
                        <input id="crm-file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values" on:change=on_pick />
                        <p class="hint">{t("crm.file_hint")}</p>
                    </div>
                    {move || reading.get().then(|| view! { <p role="status">{t("crm.reading")}</p> })}
                    <div class="actions">
                        <button type="button" class="link" on:click=move |_| close()>{t("common.cancel")}</button>
                    </div>
                }.into_any(),
                Stage::Map => view! {
                    <MapAndPreview loaded mapping date_order style plan_preview />
                    <div class="actions sticky-actions">
                        <button type="button" class="primary" data-testid="crm-confirm" on:click=confirm
                            disabled=move || plan_preview.with(|p| p.as_ref().is_none_or(|p| p.creates.is_empty() && p.updates.is_empty()))>
                            {move || plan_preview.with(|p| p.as_ref().map(|p| tf("crm.confirm", &[&p.creates.len(), &p.updates.len()])).unwrap_or_default())}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| { stage.set(Stage::Choose); loaded.set(None); }>{t("crm.another")}</button>
                        <button type="button" class="link" on:click=move |_| close()>{t("common.cancel")}</button>
                    </div>
                }.into_any(),
                Stage::Done { created, updated, .. } => view! {
                    <p role="status" data-testid="crm-result">{tf("crm.done", &[&created, &updated])}</p>
                    <p class="muted">{t("crm.done_note")}</p>
                    <div class="actions">
                        <button type="button" class="secondary" data-testid="crm-undo" on:click=undo>{t("crm.undo")}</button>
                        <button type="button" class="primary" on:click=move |_| close()>{t("common.close")}</button>
                    </div>
                }.into_any(),
                Stage::Undone => view! {
                    <p role="status" data-testid="crm-result">{t("crm.undone")}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| close()>{t("common.close")}</button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// Plan ids made in a burst: `new_id` is time plus a random tail, so a loop of hundreds could
/// repeat one; a counter makes each unique.
fn new_id_unique() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!("{}{}", new_id(), N.fetch_add(1, Ordering::Relaxed))
}
