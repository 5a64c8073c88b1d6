//! Messages that stay until their cause is gone: storage unavailable, save failed, no recent backup.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, tf};

use crate::state::editor::Editor;
use crate::state::files::{download_plan, download_plans};
use crate::state::workspace::StoreError;
use crate::state::workspace::{today, StorageMode, Workspace};

/// Days after which the rep is reminded to export a backup.
pub const BACKUP_REMINDER_DAYS: i64 = 30;

#[component]
pub fn Banners() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let editor = expect_context::<Editor>();
    let memory_only = move || match ws.mode().get() {
        StorageMode::MemoryOnly(why) => Some(view! {
            <div class="banner danger" role="alert" data-testid="storage-unavailable">
                <strong>{t("banner.nothing_saved")}</strong>
                {tf("banner.memory_only", &[&why])}
            </div>
        }),
        StorageMode::Local => None,
    };
    let failed = move || {
        let err = ws.save_error().get()?;
        let count = ws.unsaved().with(Vec::len);
        if count == 0 {
            return None;
        }
        let full = matches!(err, StoreError::QuotaFull);
        let backup = move |_| {
            let plans = ws.unsaved_plans();
            match plans.as_slice() {
                [one] => {
                    download_plan(one, " (unsaved backup)");
                }
                _ => {
                    download_plans("KeyPlan unsaved backup", &plans);
                }
            }
        };
        let what = if count == 1 {
            t("banner.last_change_unsaved").to_string()
        } else {
            tf("banner.changes_unsaved", &[&count])
        };
        Some(view! {
            <div class="banner danger" role="alert" data-testid="save-failed">
                <strong>{what}</strong>
                {err.to_string()} " "
                {if full {
                    t("banner.kept_full")
                } else {
                    t("banner.kept_retry")
                }}
                <div class="banner-actions">
                    <button type="button" class="primary" on:click=backup>{t("banner.download_backup")}</button>
                    <button type="button" on:click=move |_| editor.retry()>{t("banner.try_again")}</button>
                    <a href="#/storage">{t("banner.see_storage")}</a>
                </div>
            </div>
        })
    };
    let reminder = move || {
        let has_plans = ws.summaries().with(|s| !s.is_empty());
        let stale = (today() - ws.backup_clock().get()).num_days() > BACKUP_REMINDER_DAYS;
        (ws.mode().with(|m| *m == StorageMode::Local) && has_plans && stale).then(|| {
            view! {
                <div class="banner info" data-testid="backup-reminder">
                    {tf("banner.backup_reminder", &[&BACKUP_REMINDER_DAYS])} " "
                    <a href="#/storage">{t("banner.export_backup")}</a>
                </div>
            }
        })
    };
    view! { {memory_only} {failed} {reminder} <UpdateReady /> <InstallHint /> }
}

fn window_flag(name: &str) -> bool {
    js_sys::Reflect::get(&window(), &name.into()).is_ok_and(|v| v.is_truthy())
}

/// "A new version is ready": the service worker (src/pwa/register.js) installed a new build
/// beside the running one. Reload flushes the open plan, then lets the new build take over.
#[component]
fn UpdateReady() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ready = RwSignal::new(window_flag("keyplanUpdateReady"));
    let listener = window_event_listener_untyped("keyplan:update-ready", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| {
        editor.flush();
        let apply = js_sys::Reflect::get(&window(), &"keyplanApplyUpdate".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let applied = apply
            .and_then(|f| f.call0(&wasm_bindgen::JsValue::NULL).ok())
            .is_some_and(|v| v.is_truthy());
        if !applied {
            let _ = window().location().reload();
        }
    };
    move || {
        ready.get().then(|| {
            info_banner(
                ("status", "update-ready"),
                t("banner.update_ready"),
                t("banner.update_saved"),
                view! { <button type="button" class="primary" on:click=reload>{t("banner.reload")}</button> },
            )
        })
    }
}

/// A banner that informs: its title, a sentence, and its button; `role` and test id first.
fn info_banner(
    (role, test_id): (&'static str, &'static str),
    title: &'static str,
    body: &'static str,
    action: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="banner info" role=role data-testid=test_id>
            <strong>{title}</strong>
            " " {body}
            <div class="banner-actions">{action}</div>
        </div>
    }
}

/// On an iPad or iPhone, Safari installs a web app only by hand. An installed app keeps its own
/// storage, which Safari may otherwise clear after weeks without a visit.
#[component]
fn InstallHint() -> impl IntoView {
    let navigator = window().navigator();
    let ua = navigator.user_agent().unwrap_or_default();
    let touch_mac = ua.contains("Macintosh") && navigator.max_touch_points() > 1;
    let apple_mobile = ua.contains("iPad") || ua.contains("iPhone") || touch_mac;
    let installed = js_sys::Reflect::get(&navigator, &"standalone".into())
        .is_ok_and(|v| v.is_truthy())
        || window()
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    let ws = expect_context::<Workspace>();
    let closed = ws.install_hint_closed();
    let show = RwSignal::new(apple_mobile && !installed && !closed);
    let close = move |_| {
        ws.close_install_hint();
        show.set(false);
    };
    move || {
        show.get().then(|| {
            info_banner(
                ("note", "install-hint"),
                t("banner.install_title"),
                t("banner.install_body"),
                view! { <button type="button" on:click=close>{t("banner.got_it")}</button> },
            )
        })
    }
}
