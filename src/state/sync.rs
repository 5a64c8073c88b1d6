//! Keeps the app in step with the world outside: URL, document title, other tabs, page hide.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::workspace::{CodeState, Workspace};
use super::{editor::Editor, router::Router};
use crate::i18n::{t, tf};
use crate::persist::storage::{plan_key, INDEX_KEY};
use crate::route::{Route, STEPS};
use crate::steps::step_name;

pub fn install(ws: Workspace, editor: Editor, router: Router) {
    // A plan is opened once the code that reads plans is here (`Workspace::load`).
    let ready = move || ws.code().get() == CodeState::Ready;
    if let Some(id) = router.route.get_untracked().plan_id() {
        if ws.code().get_untracked() == CodeState::Ready {
            editor.open(id);
        }
    }
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = window().location().hash().unwrap_or_default();
        let route = Route::parse(&hash);
        if router.route.get_untracked() != route {
            router.route.set(route);
        }
    });
    Effect::new(move |_| match router.route.get().plan_id() {
        Some(id) if ready() => editor.open(id),
        Some(_) => {}
        None => editor.close(),
    });
    let ui = expect_context::<super::lang::UiLang>();
    Effect::new(move |_| {
        ui.0.track();
        let account = || {
            editor.read("header", |p| {
                p.as_ref()
                    .map(|p| crate::i18n::describe::plan_name(p).to_string())
            })
        };
        let title = match router.route.get() {
            Route::Portfolio => t("title.portfolio").to_string(),
            Route::Storage => t("title.storage").to_string(),
            Route::Step { step, .. } => {
                let account = account().unwrap_or_else(|| t("title.plan").into());
                tf("title.step", &[&step, &STEPS, &step_name(step), &account])
            }
            Route::Print { .. } => {
                let account = account().unwrap_or_default();
                tf("title.print", &[&account])
            }
            Route::Health { .. } => {
                let account = account().unwrap_or_default();
                tf("title.health", &[&account])
            }
        };
        document().set_title(&title);
    });
    // A tablet that sleeps or a tab that closes keeps the last edit.
    let hide = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            editor.flush();
        }
    });
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| editor.flush());
    let storage = window_event_listener(
        leptos::ev::storage,
        move |e: web_sys::StorageEvent| match e.key() {
            None => ws.reload(),
            Some(k) if k == INDEX_KEY || k == crate::persist::journal::JOURNAL_KEY => {
                ws.refresh_index()
            }
            Some(k) if Some(k.as_str()) == editor.id().map(|id| plan_key(&id)).as_deref() => {
                editor.on_external_change()
            }
            _ => {}
        },
    );
    on_cleanup(move || {
        hash.remove();
        hide.remove();
        pagehide.remove();
        storage.remove();
    });
    ask_persistence(ws);
}

/// Asks the browser not to evict KeyPlan's storage under pressure, and remembers the answer.
fn ask_persistence(ws: Workspace) {
    let Some(manager) = js_sys::Reflect::get(&window().navigator(), &"storage".into())
        .ok()
        .filter(|v| !v.is_undefined())
        .map(|v| v.unchecked_into::<web_sys::StorageManager>())
    else {
        return;
    };
    let Ok(promise) = manager.persist() else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(promise).await {
            ws.persisted.set(v.as_bool());
        }
    });
}

/// Shown when KeyPlan hits a bug: says what was kept and what to do, with no user text as HTML.
pub fn show_crash(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(div) = doc.create_element("div") else {
        return;
    };
    div.set_class_name("crash");
    let _ = div.set_attribute("role", "alert");
    div.set_text_content(Some(&tf("crash.message", &[&detail])));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&div);
    }
}
