//! Storage and backup: how much space plans take, persistence, and a full backup download.

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};

use crate::components::capacity::{LargestSnapshots, MakeRoom};
use crate::components::sharing::ExportButtons;
use crate::model::text::format_size;
use crate::persist::storage::{self, INDEX_KEY, PLAN_PREFIX, QUOTA_ESTIMATE};
use crate::state::workspace::{today, StorageMode, Workspace};

/// Stored text takes two bytes per UTF-16 unit.
fn size(units: usize) -> String {
    format_size(units * 2)
}

#[component]
pub fn StoragePage() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let refresh = RwSignal::new(0u32);
    let usage = Memo::new(move |_| {
        refresh.track();
        ws.summaries.track();
        storage::entries().unwrap_or_default()
    });
    let used = move || usage.with(|u| u.iter().map(|(_, n)| n).sum::<usize>());
    let figures = Memo::new(move |_| {
        usage.with(|u| crate::persist::usage::usage(u, PLAN_PREFIX, INDEX_KEY, QUOTA_ESTIMATE))
    });
    // Each plan with its merge base (issue 15), largest first.
    let largest = move || figures.with(|f| f.plans.iter().take(5).cloned().collect::<Vec<_>>());
    let message = RwSignal::new(None::<String>);
    let backup_done = Callback::new(move |n: usize| {
        storage::mark_exported(today());
        ws.last_export.set(Some(today()));
        ws.backup_clock.set(today());
        message.set(Some(tp("storage.backup_done", n, &[&n])));
    });
    let name_of = move |id: &str| {
        ws.summaries
            .with(|l| l.iter().find(|s| s.id == id).map(|s| s.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    view! {
        <div class="page storage">
            <h1 id="page-heading" tabindex="-1">{t("header.storage")}</h1>
            {move || match ws.mode.get() {
                StorageMode::MemoryOnly(why) => view! {
                    <section class="card"><p>{tf("storage.unavailable", &[&why])}</p></section>
                }.into_any(),
                StorageMode::Local => view! {
                    <section class="card" data-testid="storage-use">
                        <h2>{t("storage.space_used")}</h2>
                        // The browser's limit is an estimate: what is used is never shown above it.
                        <p class="big-figure" data-testid="storage-used" data-units=move || used().to_string()>{move || tf("storage.used_of", &[&size(used()), &size(QUOTA_ESTIMATE.max(used()))])}</p>
                        <meter min="0" max=move || QUOTA_ESTIMATE.max(used()).to_string() high=(QUOTA_ESTIMATE / 10 * 8).to_string() optimum="0" value=move || used().to_string() aria-label={t("storage.used_aria")}></meter>
                        <p data-testid="storage-percent">{move || tf("room.percent", &[&format!("{:.0}", figures.with(|f| f.share() * 100.0))])}</p>
                        <p data-testid="storage-room" data-room=move || figures.with(|f| f.room.map(|r| r.to_string()).unwrap_or_default())>{move || figures.with(|f| match f.room {
                            Some(n) => tf("room.room_for", &[&n, &size(f.average)]),
                            None => t("room.room_empty").into(),
                        })}</p>
                        <h3>{t("storage.largest")}</h3>
                        <ol class="largest" data-testid="largest-plans">
                            {move || largest().into_iter().map(|(id, n)| {
                                let href = format!("#/plan/{id}/1");
                                view! { <li data-units=n.to_string()><a href=href>{name_of(&id)}</a> " — " {size(n)}</li> }
                            }).collect_view()}
                        </ol>
                        <LargestSnapshots usage refresh />
                        <h3>{t("room.how")}</h3>
                        <MakeRoom />
                    </section>
                }.into_any(),
            }}
            <section class="card">
                <h2>{t("storage.backup")}</h2>
                <p>{t("storage.backup_note")}</p>
                <p data-testid="last-export">{move || match ws.last_export.get() {
                    Some(d) => tf("storage.last_backup", &[&crate::i18n::date(d)]),
                    None => t("storage.no_backup").into(),
                }}</p>
                <ExportButtons label={t("storage.backup_all")}
                    plans=Callback::new(move |_| ws.gather(&ws.all_ids()))
                    file_label={t("storage.backup_file")} with_settings=true on_done=backup_done />
                {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
            </section>
            <section class="card">
                <h2>{t("storage.protection")}</h2>
                <p data-testid="persisted">{move || match ws.persisted.get() {
                    Some(true) => t("storage.persist_yes"),
                    Some(false) => t("storage.persist_no"),
                    None => t("storage.persist_unknown"),
                }}</p>
            </section>
        </div>
    }
}
