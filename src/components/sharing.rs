//! Sharing plans: export as a KeyPlan file (download, or the system share sheet on a tablet),
//! and import from a file, a drop or pasted text, with a choice for plans already here.

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};
use wasm_bindgen::{JsCast, JsValue};

use crate::components::drop::{dropped_file, picked_file, read_file_bytes};
use crate::components::import_merge::{Returning, ReturningView};
use crate::model::plan::Plan;
use crate::model::privacy;
use crate::model::provenance::{self, fingerprint, Base, Pick};
use crate::state::files::{
    base, compare, download_raw, export_text, file_name, parse_file, resolve, save_file,
    ImportError, Incoming, OnConflict, MAX_BYTES,
};
use crate::state::workspace::{new_id, Gathered, LeftOut, Workspace};

/// Whether this browser can hand a file to the system share sheet (Web Share API level 2).
fn can_share_files() -> bool {
    let nav = window().navigator();
    js_sys::Reflect::has(&nav, &"canShare".into()).unwrap_or(false)
}

/// Shares the file through the share sheet; falls back to a download when refused.
fn share_or_download(name: &str, text: &str) {
    let nav = window().navigator();
    let shared = (|| -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let opts = web_sys::FilePropertyBag::new();
        opts.set_type("application/json");
        let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &opts).ok()?;
        let data = js_sys::Object::new();
        js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
        js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(name)).ok()?;
        let can: js_sys::Function = js_sys::Reflect::get(&nav, &"canShare".into())
            .ok()?
            .dyn_into()
            .ok()?;
        if !can.call1(&nav, &data).ok()?.as_bool()? {
            return None;
        }
        let share: js_sys::Function = js_sys::Reflect::get(&nav, &"share".into())
            .ok()?
            .dyn_into()
            .ok()?;
        share.call1(&nav, &data).ok()?;
        Some(())
    })();
    if shared.is_none() {
        save_file(name, text);
    }
}

/// Keeps the plans just sent as their merge bases. A base that does not fit is dropped (the
/// next import of that plan then offers today's choices), never the export.
fn keep_bases(bases: &[(String, crate::model::provenance::Base)]) {
    for (id, b) in bases {
        let _ = base::save(id, b);
    }
}

/// The plans an export left out, each with why and its stored text to download. Shown by every
/// export (a plan, the plans shown, a backup).
#[component]
pub fn LeftOutList(left_out: Vec<LeftOut>) -> impl IntoView {
    let n = left_out.len();
    view! {
        <div class="notice warn left-out" role="alert" data-testid="left-out">
            <p><strong>{crate::i18n::tp("export.left_out", n, &[&n])}</strong></p>
            <ul>
                {left_out.into_iter().map(|l| {
                    let LeftOut { id, name, reason, raw } = l;
                    let label = tf("export.download_text_of", &[&name]);
                    view! {
                        <li>
                            <strong>{name.clone()}</strong> " — " {reason}
                            {raw.map(|raw| view! {
                                " " <button type="button" class="small-btn" aria-label=label
                                    on:click=move |_| { download_raw(&id, &raw); }>{t("plan.download_text")}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="small">{t("export.left_out_note")}</p>
        </div>
    }
}

/// Download (and, where the device can, Share) buttons for a set of plans, with the choice to
/// leave private notes out, and a report of any plan that could not be included.
#[component]
pub fn ExportButtons(
    #[prop(into)] label: String,
    plans: Callback<(), Gathered>,
    #[prop(into)] file_label: Signal<String>,
    /// The workspace settings go in the file too (a backup).
    #[prop(optional)]
    with_settings: bool,
    /// Called after a download with the number of plans in the file.
    #[prop(optional)]
    on_done: Option<Callback<usize>>,
) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let private = RwSignal::new(false);
    let left_out = RwSignal::new(Vec::<LeftOut>::new());
    let id = format!("private-{}", label.to_lowercase().replace(' ', "-"));
    let text = move || {
        let g = plans.run(());
        left_out.set(g.left_out);
        let n = g.plans.len();
        let settings = with_settings.then(|| ws.settings().get_untracked());
        let (text, bases) = export_text(g.plans, private.get_untracked(), settings.as_ref());
        // A backup is not sent to anyone: it keeps no merge bases.
        (text, n, if with_settings { Vec::new() } else { bases })
    };
    let name = move || file_name(&file_label.get_untracked(), None);
    let done = move |n: usize| {
        if let Some(cb) = on_done {
            cb.run(n);
        }
    };
    view! {
        <div class="export">
            <button type="button" class="secondary" on:click=move |_| {
                let (text, n, bases) = text();
                if save_file(&name(), &text) { keep_bases(&bases); done(n); }
            }>{label.clone()}</button>
            {can_share_files().then(|| view! {
                <button type="button" class="secondary" on:click=move |_| { let (text, n, bases) = text(); share_or_download(&name(), &text); keep_bases(&bases); done(n); }>{t("export.share")}</button>
            })}
            <label class="small check-inline" for=id.clone()>
                <input id=id.clone() type="checkbox" prop:checked=move || private.get() on:change=move |ev| private.set(event_target_checked(&ev)) />
                {t("export.leave_out_private")}
            </label>
        </div>
        {move || {
            let l = left_out.get();
            (!l.is_empty()).then(|| view! { <LeftOutList left_out=l /> })
        }}
    }
}

/// New plans named in the import review; the others are counted.
const NEW_LISTED: usize = 30;

/// A file read and set against the workspace, before the rep confirms.
#[derive(Clone)]
struct Review {
    incoming: Vec<Incoming>,
    /// For each plan of the file: its merge with the local plan, when it comes back.
    returning: Vec<Option<Returning>>,
    provenance: crate::state::files::ProvenanceMap,
    /// A backup (it carries the settings): no merge bases are kept from it.
    backup: bool,
}

/// What an import changed, to put it back: each plan written, as it was before.
#[derive(Clone)]
struct UndoEntry {
    id: String,
    before: Option<Plan>,
    base_before: Option<Base>,
}

#[derive(Clone)]
enum Stage {
    Choose,
    Review(Review),
    Done(String, Vec<UndoEntry>),
}

/// Import from a file picker, a dropped file or pasted text. Nothing changes until the rep
/// confirms, and then all plans are written or none.
#[component]
pub fn ImportPanel(open: RwSignal<bool>) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let stage = RwSignal::new(Stage::Choose);
    let error = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let choices = RwSignal::new(Vec::<OnConflict>::new());
    let picks = RwSignal::new(Vec::<Vec<Option<Pick>>>::new());
    // What still stops the import (a conflict without a choice), shown beside its button.
    let pending = RwSignal::new(None::<String>);
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let read_bytes = move |bytes: Vec<u8>| match parse_file(&bytes) {
        Ok(file) => {
            let backup = file.settings.is_some();
            let provenance = file.provenance;
            let incoming = ws.summaries().with_untracked(|s| compare(file.plans, s));
            // A plan that comes back (it is here, with a merge base): merged, not replaced.
            let returning: Vec<Option<Returning>> = incoming
                .iter()
                .map(|inc| {
                    inc.existing.as_ref()?;
                    let b = base::load(&inc.plan.id)?;
                    let ours = ws.load_plan(&inc.plan.id)?;
                    let sender = provenance
                        .get(&inc.plan.id)
                        .and_then(|p| p.base_fingerprint.as_deref());
                    Some(Returning::new(ours, b, &inc.plan, sender))
                })
                .collect();
            choices.set(
                incoming
                    .iter()
                    .zip(&returning)
                    .map(|(i, r)| match r {
                        Some(r) if r.takes_anything() => OnConflict::Merge,
                        Some(_) => OnConflict::Skip,
                        None if i.existing_newer => OnConflict::Skip,
                        None => OnConflict::Replace,
                    })
                    .collect(),
            );
            picks.set(
                returning
                    .iter()
                    .map(|r| {
                        r.as_ref()
                            .map_or_else(Vec::new, |r| vec![None; r.outcome.conflicts.len()])
                    })
                    .collect(),
            );
            error.set(None);
            pending.set(None);
            stage.set(Stage::Review(Review {
                incoming,
                returning,
                provenance,
                backup,
            }));
        }
        Err(e) => {
            error.set(Some(e.to_string()));
            stage.set(Stage::Choose);
        }
    };
    let read_file = move |file: web_sys::File| {
        let failed = move || error.set(Some(t("import.read_failed").into()));
        if let Err(bytes) = read_file_bytes(file, MAX_BYTES, move |_, b| read_bytes(b), failed) {
            error.set(Some(ImportError::TooLarge { bytes }.to_string()));
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(f) = picked_file(&ev) {
            read_file(f);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        dragging.set(false);
        if let Some(f) = dropped_file(&ev) {
            read_file(f);
        }
    };
    let import = move |_| {
        let Stage::Review(rev) = stage.get_untracked() else {
            return;
        };
        let mut picked = choices.get_untracked();
        let all_picks = picks.get_untracked();
        // Every conflict of a plan being merged needs the rep's choice first.
        let open: usize = rev
            .returning
            .iter()
            .enumerate()
            .filter(|(i, _)| picked.get(*i) == Some(&OnConflict::Merge))
            .filter_map(|(i, r)| {
                r.as_ref()?;
                Some(
                    all_picks
                        .get(i)
                        .map_or(0, |v| v.iter().filter(|p| p.is_none()).count()),
                )
            })
            .sum();
        if open > 0 {
            pending.set(Some(tp("merge.unpicked", open, &[&open])));
            return;
        }
        pending.set(None);
        let mut incoming = rev.incoming.clone();
        for (i, r) in rev.returning.iter().enumerate() {
            let Some(r) = r else { continue };
            if picked.get(i) == Some(&OnConflict::Replace) {
                // Their copy replaces ours, but never brings private notes: the rep keeps theirs.
                let mut p = privacy::without_private_notes(&incoming[i].plan);
                p.communication.private_notes = r.ours.communication.private_notes.clone();
                incoming[i].plan = p;
            }
            if picked.get(i) != Some(&OnConflict::Merge) {
                continue;
            }
            if !r.takes_anything() {
                picked[i] = OnConflict::Skip;
                continue;
            }
            let ps: Vec<Pick> = all_picks[i]
                .iter()
                .map(|p| p.clone().unwrap_or(Pick::Ours))
                .collect();
            match provenance::resolve(&r.outcome, &ps, &r.ours) {
                Ok(p) => incoming[i].plan = p,
                Err(e) => {
                    error.set(Some(tf(
                        "merge.failed",
                        &[&crate::i18n::describe::plan_name(&r.ours), &e],
                    )));
                    return;
                }
            }
        }
        let (plans, counts) = resolve(
            &incoming,
            |i| picked.get(i).copied().unwrap_or(OnConflict::Skip),
            new_id,
        );
        // The local plans as they are now, so the whole import can be undone.
        let undo: Vec<UndoEntry> = plans
            .iter()
            .map(|p| {
                let here = ws
                    .summaries()
                    .with_untracked(|s| s.iter().any(|x| x.id == p.id));
                UndoEntry {
                    id: p.id.clone(),
                    before: if here { ws.load_plan(&p.id) } else { None },
                    base_before: base::load(&p.id),
                }
            })
            .collect();
        match ws.import(&plans) {
            Ok(()) => {
                // What was received becomes the merge base: the plan as in the file.
                if !rev.backup {
                    for (i, inc) in rev.incoming.iter().enumerate() {
                        let take = inc.existing.is_none()
                            || matches!(
                                picked.get(i),
                                Some(OnConflict::Merge | OnConflict::Replace)
                            );
                        if take {
                            let fp = rev
                                .provenance
                                .get(&inc.plan.id)
                                .map(|p| p.fingerprint.clone())
                                .unwrap_or_else(|| fingerprint(&inc.plan));
                            let _ = base::save(&inc.plan.id, &Base::of(&inc.plan, fp));
                        }
                    }
                }
                let msg = if counts.merged > 0 {
                    tf(
                        "merge.finished",
                        &[
                            &counts.created,
                            &counts.merged,
                            &counts.replaced,
                            &counts.kept_both,
                            &counts.skipped,
                        ],
                    )
                } else {
                    tf(
                        "import.finished",
                        &[
                            &counts.created,
                            &counts.replaced,
                            &counts.kept_both,
                            &counts.skipped,
                        ],
                    )
                };
                error.set(None);
                stage.set(Stage::Done(msg, undo));
            }
            Err(e) => error.set(Some(tf("import.failed", &[&e]))),
        }
    };
    // Puts every plan the import wrote back as it was, and their merge bases.
    let undo_import = move |entries: Vec<UndoEntry>| {
        let mut restore = Vec::new();
        for e in &entries {
            match &e.before {
                Some(old) => {
                    let mut p = old.clone();
                    p.revision = ws
                        .summaries()
                        .with_untracked(|s| s.iter().find(|x| x.id == e.id).map(|x| x.revision))
                        .unwrap_or(p.revision);
                    restore.push(p);
                }
                None => {
                    if let Err(err) = ws.delete_plan(&e.id) {
                        error.set(Some(tf("merge.undo_failed", &[&err])));
                        return;
                    }
                }
            }
        }
        if let Err(err) = ws.import(&restore) {
            error.set(Some(tf("merge.undo_failed", &[&err])));
            return;
        }
        for e in &entries {
            let _ = base::restore(&e.id, e.base_before.as_ref());
        }
        error.set(None);
        stage.set(Stage::Done(t("merge.undone").to_string(), Vec::new()));
    };
    // "Replace all" merges the plans that come back: what only this browser changed stays.
    // A plan with nothing to take stays skipped.
    let set_all = move |c: OnConflict| {
        let takes: Vec<Option<bool>> = stage.with_untracked(|s| match s {
            Stage::Review(r) => r
                .returning
                .iter()
                .map(|x| x.as_ref().map(Returning::takes_anything))
                .collect(),
            _ => Vec::new(),
        });
        choices.update(|v| {
            for (i, x) in v.iter_mut().enumerate() {
                *x = match (takes.get(i).copied().flatten(), c) {
                    (Some(false), _) => OnConflict::Skip,
                    (Some(true), OnConflict::Replace) => OnConflict::Merge,
                    _ => c,
                };
            }
        })
    };
    let parse_choice = |v: &str| match v {
        "merge" => OnConflict::Merge,
        "replace" => OnConflict::Replace,
        "both" => OnConflict::KeepBoth,
        _ => OnConflict::Skip,
    };

    view! {
        <section class="card import" class:dragging=move || dragging.get() data-testid="import-panel"
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <h2 tabindex="-1" node_ref=heading>{t("import.title")}</h2>
            {move || error.get().map(|e| view! { <p class="banner danger" role="alert" data-testid="import-error">{e}</p> })}
            // Borrowed, not cloned: the stage holds every plan of the file (500 in a backup).
            {move || stage.with(|st| match st {
                Stage::Choose => view! {
                    <p>{t("import.intro")}</p>
                    <div class="field">
                        <label for="import-file">{t("import.choose_file")}</label>
                        <input id="import-file" type="file" accept=".json,.keyplan.json,application/json" on:change=on_pick />
                    </div>
                    <div class="field wide">
                        <label for="import-paste">{t("import.paste")}</label>
                        <textarea id="import-paste" rows="4" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| read_bytes(pasted.get_untracked().into_bytes())>{t("import.read_pasted")}</button>
                        <button type="button" class="link" on:click=move |_| open.set(false)>{t("common.cancel")}</button>
                    </div>
                }.into_any(),
                Stage::Review(rev) => {
                    let incoming = &rev.incoming;
                    let settings = ws.settings().with_untracked(|s| s.scoring.clone());
                    let conflicts = incoming.iter().filter(|i| i.existing.is_some()).count();
                    // Every plan that needs a choice is listed; of the new ones, the first few and
                    // their count (a list of 500 new plans helps nobody and took seconds to draw).
                    let total = incoming.len();
                    let new_total = total - conflicts;
                    let mut new_listed = 0;
                    let listed: Vec<(usize, Incoming, Option<Returning>)> = incoming
                        .iter()
                        .enumerate()
                        .filter(|(_, inc)| {
                            if inc.existing.is_some() {
                                return true;
                            }
                            new_listed += 1;
                            new_listed <= NEW_LISTED
                        })
                        .map(|(i, inc)| (i, inc.clone(), rev.returning.get(i).cloned().flatten()))
                        .collect();
                    let more_new = new_total.saturating_sub(NEW_LISTED);
                    let rows = listed.into_iter().map(|(i, inc, returning)| {
                        let name = crate::i18n::describe::plan_name(&inc.plan).to_string();
                        let note = inc.existing.as_ref().map(|e| {
                            if inc.existing_newer {
                                tf("import.already_newer", &[&e.name])
                            } else {
                                tf("import.already", &[&e.name])
                            }
                        });
                        let has_existing = inc.existing.is_some() && returning.is_none();
                        let select_id = format!("import-choice-{i}");
                        let merge_select = returning.as_ref().filter(|r| r.takes_anything()).map(|_| {
                            let sid = format!("import-choice-{i}");
                            view! {
                                <label class="visually-hidden" for=sid.clone()>{tf("import.what_to_do", &[&name])}</label>
                                <select id=sid data-testid="merge-choice" on:change=move |ev| { let c = parse_choice(&event_target_value(&ev)); choices.update(|v| v[i] = c); }>
                                    <option value="merge" selected=move || choices.with(|v| v.get(i) == Some(&OnConflict::Merge))>{t("merge.merge")}</option>
                                    <option value="both" selected=move || choices.with(|v| v.get(i) == Some(&OnConflict::KeepBoth))>{t("import.keep_both")}</option>
                                    <option value="replace" selected=move || choices.with(|v| v.get(i) == Some(&OnConflict::Replace))>{t("import.replace")}</option>
                                    <option value="skip" selected=move || choices.with(|v| v.get(i) == Some(&OnConflict::Skip))>{t("import.skip")}</option>
                                </select>
                            }
                        });
                        let merging = Signal::derive(move || choices.with(|v| v.get(i) == Some(&OnConflict::Merge)));
                        let theirs = inc.plan.clone();
                        let merge_view = returning.map(|r| view! {
                            <ReturningView index=i returning=r theirs=theirs picks=picks merging=merging settings=settings.clone() />
                        });
                        view! {
                            <li>
                                <strong>{name.clone()}</strong>
                                {match note {
                                    Some(n) => view! { <span class="muted small">" " {n}</span> }.into_any(),
                                    None => view! { <span class="badge">{t("import.new")}</span> }.into_any(),
                                }}
                                {has_existing.then(|| view! {
                                    <label class="visually-hidden" for=select_id.clone()>{tf("import.what_to_do", &[&name])}</label>
                                    <select id=select_id on:change=move |ev| { let c = parse_choice(&event_target_value(&ev)); choices.update(|v| v[i] = c); }>
                                        <option value="replace" selected=move || choices.with(|v| v.get(i) == Some(&OnConflict::Replace))>{t("import.replace")}</option>
                                        <option value="both" selected=move || choices.with(|v| v.get(i) == Some(&OnConflict::KeepBoth))>{t("import.keep_both")}</option>
                                        <option value="skip" selected=move || choices.with(|v| v.get(i) == Some(&OnConflict::Skip))>{t("import.skip")}</option>
                                    </select>
                                })}
                                {merge_select}
                                {merge_view}
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <p data-testid="import-review" data-count=total.to_string()>{tp("import.review_count", total, &[&total])}</p>
                        <ul class="import-list">{rows}</ul>
                        {(more_new > 0).then(|| view! { <p class="muted" data-testid="import-more">{tp("import.more_new", more_new, &[&more_new])}</p> })}
                        {(conflicts > 1).then(|| view! {
                            <div class="actions">
                                <span>{t("import.for_all")}</span>
                                <button type="button" class="small-btn" on:click=move |_| set_all(OnConflict::Replace)>{t("import.replace_all")}</button>
                                <button type="button" class="small-btn" on:click=move |_| set_all(OnConflict::KeepBoth)>{t("import.keep_both_all")}</button>
                                <button type="button" class="small-btn" on:click=move |_| set_all(OnConflict::Skip)>{t("import.skip_all")}</button>
                            </div>
                        })}
                        {move || pending.get().map(|e| view! { <p class="banner danger" role="alert" data-testid="import-error">{e}</p> })}
                        <div class="actions">
                            <button type="button" class="primary" on:click=import>{t("import.import")}</button>
                            <button type="button" class="link" on:click=move |_| stage.set(Stage::Choose)>{t("import.another")}</button>
                        </div>
                    }.into_any()
                }
                Stage::Done(msg, undo) => {
                    let undo = undo.clone();
                    let can_undo = !undo.is_empty();
                    view! {
                        <p role="status" data-testid="import-result">{msg.clone()}</p>
                        <div class="actions">
                            {can_undo.then(|| view! {
                                <button type="button" class="secondary" data-testid="undo-import"
                                    on:click=move |_| undo_import(undo.clone())>{t("merge.undo")}</button>
                            })}
                            <button type="button" class="secondary" on:click=move |_| { stage.set(Stage::Choose); open.set(false); }>{t("common.close")}</button>
                        </div>
                    }.into_any()
                }
            })}
        </section>
    }
}
