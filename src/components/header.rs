//! The top bar: product name, main navigation, and the save status of the open plan.

use leptos::prelude::*;

use crate::route::Route;
use crate::state::editor::{Editor, SaveStatus};
use crate::state::router::Router;

#[component]
pub fn Header() -> impl IntoView {
    let router = expect_context::<Router>();
    let editor = expect_context::<Editor>();
    let on_portfolio = move || matches!(router.route.get(), Route::Portfolio);
    let on_storage = move || matches!(router.route.get(), Route::Storage);
    let status_text = move || match editor.status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Pending => "Saving…".into(),
        SaveStatus::Saved(at) => format!("Saved {}", at.format("%H:%M")),
        SaveStatus::InMemory => "Kept in this window only".into(),
        SaveStatus::Failed(_) => "Not saved".into(),
    };
    let status_class = move || match editor.status.get() {
        SaveStatus::Failed(_) | SaveStatus::InMemory => "save-status bad",
        _ => "save-status",
    };
    view! {
        <header class="topbar">
            <a class="skip" href="#main">"Skip to content"</a>
            <a class="brand" href="#/" aria-label="KeyPlan home">
                <span class="logo" aria-hidden="true">"◆"</span>
                " KeyPlan"
            </a>
            <nav aria-label="Main">
                <a href="#/" aria-current=move || on_portfolio().then_some("page")>"Portfolio"</a>
                <a href="#/storage" aria-current=move || on_storage().then_some("page")>"Storage & backup"</a>
            </nav>
            <p class=status_class role="status" aria-live="polite" data-testid="save-status">{status_text}</p>
        </header>
    }
}
