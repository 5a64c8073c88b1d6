//! The top bar: product name, main navigation, the save status of the open plan, and the
//! interface language.

use leptos::prelude::*;

use crate::i18n::{t, tf, Lang};
use crate::route::Route;
use crate::state::editor::{Editor, SaveStatus};
use crate::state::lang::{self, UiLang};
use crate::state::router::Router;
use crate::state::workspace::Workspace;

#[component]
pub fn Header() -> impl IntoView {
    let router = expect_context::<Router>();
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let ui = expect_context::<UiLang>();
    let on_portfolio = move || matches!(router.route.get(), Route::Portfolio);
    let on_storage = move || matches!(router.route.get(), Route::Storage);
    let status_text = move || match editor.status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Pending => t("header.saving").into(),
        SaveStatus::Saved(at) => tf("header.saved_at", &[&at.format("%H:%M")]),
        SaveStatus::InMemory => t("header.in_memory").into(),
        SaveStatus::Failed(_) => t("header.not_saved").into(),
    };
    let status_class = move || match editor.status.get() {
        SaveStatus::Failed(_) | SaveStatus::InMemory => "save-status bad",
        _ => "save-status",
    };
    let current = ui.0.get_untracked();
    let options = Lang::ALL
        .into_iter()
        .map(|l| {
            let selected = l == current;
            view! { <option value=l.key() selected=selected lang=l.html_tag()>{l.native_name()}</option> }
        })
        .collect_view();
    let on_lang = move |ev: leptos::ev::Event| {
        if let Some(l) = Lang::from_key(&event_target_value(&ev)) {
            lang::switch(ws, editor, ui, l);
        }
    };
    view! {
        <header class="topbar">
            <a class="skip" href="#main">{t("header.skip")}</a>
            <a class="brand" href="#/" aria-label={t("header.home")}>
                <span class="logo" aria-hidden="true">"◆"</span>
                " KeyPlan"
            </a>
            <nav aria-label={t("header.nav")}>
                <a href="#/" aria-current=move || on_portfolio().then_some("page")>{t("header.portfolio")}</a>
                <a href="#/storage" aria-current=move || on_storage().then_some("page")>{t("header.storage")}</a>
            </nav>
            <p class=status_class role="status" aria-live="polite" data-testid="save-status">{status_text}</p>
            <div class="lang-switch">
                <label for="lang-select" class="visually-hidden">{t("lang.label")}</label>
                <span class="lang-icon" aria-hidden="true">"文A"</span>
                <select id="lang-select" data-testid="lang-select" on:change=on_lang>{options}</select>
            </div>
        </header>
    }
}
