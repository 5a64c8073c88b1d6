//! Sharing plans: export as a KeyPlan file (download, or the system share sheet on a tablet),
//! and import from a file, a drop or pasted text, with a choice for plans already here.

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};
use wasm_bindgen::{JsCast, JsValue};

use crate::components::drop::{dropped_file, picked_file, read_file_bytes};
use crate::state::files::{
    download_raw, export_text, file_name, save_file, ImportError, Incoming, OnConflict, MAX_BYTES,
};
use crate::state::workspace::{Gathered, LeftOut, Workspace};

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
        (
            export_text(g.plans, private.get_untracked(), settings.as_ref()),
            n,
        )
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
                let (text, n) = text();
                if save_file(&name(), &text) { done(n); }
            }>{label.clone()}</button>
            {can_share_files().then(|| view! {
                <button type="button" class="secondary" on:click=move |_| { let (text, n) = text(); share_or_download(&name(), &text); done(n); }>{t("export.share")}</button>
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

#[derive(Clone)]
enum Stage {
    Choose,
    Review(Vec<Incoming>),
    Done(String),
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
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let read_bytes = move |bytes: Vec<u8>| match ws.read_import(&bytes) {
        Ok(incoming) => {
            choices.set(
                incoming
                    .iter()
                    .map(|i| {
                        if i.existing_newer {
                            OnConflict::Skip
                        } else {
                            OnConflict::Replace
                        }
                    })
                    .collect(),
            );
            error.set(None);
            stage.set(Stage::Review(incoming));
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
        let Stage::Review(incoming) = stage.get_untracked() else {
            return;
        };
        let picked = choices.get_untracked();
        match ws.import_as_chosen(&incoming, |i| {
            picked.get(i).copied().unwrap_or(OnConflict::Skip)
        }) {
            Ok(counts) => stage.set(Stage::Done(tf(
                "import.finished",
                &[
                    &counts.created,
                    &counts.replaced,
                    &counts.kept_both,
                    &counts.skipped,
                ],
            ))),
            Err(e) => error.set(Some(tf("import.failed", &[&e]))),
        }
    };
    let set_all = move |c: OnConflict| choices.update(|v| v.iter_mut().for_each(|x| *x = c));
    let parse_choice = |v: &str| match v {
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
                Stage::Review(incoming) => {
                    let conflicts = incoming.iter().filter(|i| i.existing.is_some()).count();
                    // Every plan that needs a choice is listed; of the new ones, the first few and
                    // their count (a list of 500 new plans helps nobody and took seconds to draw).
                    let total = incoming.len();
                    let new_total = total - conflicts;
                    let mut new_listed = 0;
                    let listed: Vec<(usize, Incoming)> = incoming
                        .iter()
                        .enumerate()
                        .filter(|(_, inc)| {
                            if inc.existing.is_some() {
                                return true;
                            }
                            new_listed += 1;
                            new_listed <= NEW_LISTED
                        })
                        .map(|(i, inc)| (i, inc.clone()))
                        .collect();
                    let more_new = new_total.saturating_sub(NEW_LISTED);
                    let rows = listed.into_iter().map(|(i, inc)| {
                        let name = crate::i18n::describe::plan_name(&inc.plan).to_string();
                        let note = inc.existing.as_ref().map(|e| {
                            if inc.existing_newer {
                                tf("import.already_newer", &[&e.name])
                            } else {
                                tf("import.already", &[&e.name])
                            }
                        });
                        let has_existing = inc.existing.is_some();
                        let select_id = format!("import-choice-{i}");
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
                        <div class="actions">
                            <button type="button" class="primary" on:click=import>{t("import.import")}</button>
                            <button type="button" class="link" on:click=move |_| stage.set(Stage::Choose)>{t("import.another")}</button>
                        </div>
                    }.into_any()
                }
                Stage::Done(msg) => view! {
                    <p role="status" data-testid="import-result">{msg.clone()}</p>
                    <button type="button" class="secondary" on:click=move |_| { stage.set(Stage::Choose); open.set(false); }>{t("common.close")}</button>
                }.into_any(),
            })}
        </section>
    }
}
