//! The import panel: a file picker, a drop or pasted text, then the review of what the file
//! holds with a choice for plans already here, then the result with "Undo".

use leptos::prelude::*;

use super::import_steps::{
    finished_message, keep_received_bases, merged_incoming, read_review, undo, undo_entries,
    Review, UndoEntry,
};
use crate::components::drop::{dropped_file, picked_file, read_file_bytes};
use crate::components::import_merge::{Returning, ReturningView};
use crate::i18n::{t, tf, tp};
use crate::model::provenance::Pick;
use crate::state::files::{resolve, ImportError, Incoming, OnConflict, MAX_BYTES};
use crate::state::workspace::{new_id, Workspace};

/// New plans named in the import review; the others are counted.
const NEW_LISTED: usize = 30;

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
    // Writing plans needs the code that saves them: fetched while the rep picks a file.
    crate::state::workspace::prepare_plan_code();
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

    let read_bytes = move |bytes: Vec<u8>| match read_review(ws, &bytes) {
        Ok((review, first_choices, no_picks)) => {
            choices.set(first_choices);
            picks.set(no_picks);
            error.set(None);
            pending.set(None);
            stage.set(Stage::Review(review));
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
        let incoming = match merged_incoming(&rev, &mut picked, &all_picks) {
            Ok(incoming) => incoming,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let (plans, counts) = resolve(
            &incoming,
            |i| picked.get(i).copied().unwrap_or(OnConflict::Skip),
            new_id,
        );
        let undo = undo_entries(ws, &plans);
        match ws.import(&plans) {
            Ok(()) => {
                keep_received_bases(&rev, &picked);
                let msg = finished_message(&counts);
                error.set(None);
                stage.set(Stage::Done(msg, undo));
            }
            Err(e) => error.set(Some(tf("import.failed", &[&e]))),
        }
    };
    // Puts every plan the import wrote back as it was, and their merge bases.
    let undo_import = move |entries: Vec<UndoEntry>| match undo(ws, &entries) {
        Ok(()) => {
            error.set(None);
            stage.set(Stage::Done(t("merge.undone").to_string(), Vec::new()));
        }
        Err(e) => error.set(Some(e)),
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
