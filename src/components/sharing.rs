//! Sharing plans: export as a KeyPlan file (download, or the system share sheet on a tablet),
//! and import from a file, a drop or pasted text, with a choice for plans already here.

use leptos::prelude::*;

use crate::i18n::{t, tf};
use wasm_bindgen::{JsCast, JsValue};

use crate::state::files::{download_raw, export_text, file_name, keep_bases, save_file};
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
    let failed = RwSignal::new(false);
    // None when the code that writes plans could not be fetched (`persist::codec`).
    let text = move || {
        let g = plans.run(());
        left_out.set(g.left_out);
        let n = g.plans.len();
        let settings = with_settings.then(|| ws.settings().get_untracked());
        let out = export_text(g.plans, private.get_untracked(), settings.as_ref());
        failed.set(out.is_err());
        let (text, bases) = out.ok()?;
        // A backup is not sent to anyone: it keeps no merge bases.
        Some((text, n, if with_settings { Vec::new() } else { bases }))
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
                let Some((text, n, bases)) = text() else { return };
                if save_file(&name(), &text) { keep_bases(&bases); done(n); }
            }>{label.clone()}</button>
            {can_share_files().then(|| view! {
                <button type="button" class="secondary" on:click=move |_| {
                    let Some((text, n, bases)) = text() else { return };
                    share_or_download(&name(), &text); keep_bases(&bases); done(n);
                }>{t("export.share")}</button>
            })}
            <label class="small check-inline" for=id.clone()>
                <input id=id.clone() type="checkbox" prop:checked=move || private.get() on:change=move |ev| private.set(event_target_checked(&ev)) />
                {t("export.leave_out_private")}
            </label>
        </div>
        {move || failed.get().then(|| view! { <p class="error" role="alert">{t("store.code_not_loaded")}</p> })}
        {move || {
            let l = left_out.get();
            (!l.is_empty()).then(|| view! { <LeftOutList left_out=l /> })
        }}
    }
}

mod import;
mod import_steps;

pub use import::ImportPanel;
