//! Storage and backup: how much space plans take, persistence, and a full backup download.

use chrono::Utc;
use leptos::prelude::*;

use crate::i18n::{t, tf, tp};

use crate::components::capacity::{LargestSnapshots, MakeRoom};
use crate::persist::storage::{self, PlanRead, INDEX_KEY, PLAN_PREFIX, QUOTA_ESTIMATE};
use crate::persist::{download::download, file};
use crate::state::workspace::{today, StorageMode, Workspace};

use crate::components::capacity::kb;

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
    let largest = move || {
        let mut plans: Vec<(String, usize)> = usage.with(|u| {
            u.iter()
                .filter_map(|(k, n)| k.strip_prefix(PLAN_PREFIX).map(|id| (id.to_string(), *n)))
                .collect()
        });
        plans.sort_by_key(|p| std::cmp::Reverse(p.1));
        plans.truncate(5);
        plans
    };
    let message = RwSignal::new(None::<String>);
    let export_all = move |_| {
        let ids: Vec<String> = ws
            .summaries
            .with_untracked(|l| l.iter().map(|s| s.id.clone()).collect());
        let mut plans = Vec::new();
        let mut skipped = 0;
        for id in ids {
            match ws.read_plan(&id) {
                Ok(PlanRead::Loaded(l)) => plans.push(l.plan),
                Ok(PlanRead::Newer { plan: Some(p), .. }) => plans.push(p),
                _ => skipped += 1,
            }
        }
        let now = Utc::now();
        let text = file::encode_file(&plans, Some(&ws.settings.get_untracked()), now);
        if download(
            &file::file_name("KeyPlan backup", now),
            "application/json",
            &text,
        ) {
            storage::mark_exported(today());
            ws.last_export.set(Some(today()));
            ws.backup_clock.set(today());
            message.set(Some(match skipped {
                0 => tp("storage.backup_done", plans.len(), &[&plans.len()]),
                n => {
                    tp("storage.backup_done", plans.len(), &[&plans.len()])
                        + &tp("storage.backup_skipped", n, &[&n])
                }
            }));
        }
    };
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
                        <p class="big-figure" data-testid="storage-used" data-units=move || used().to_string()>{move || tf("storage.used_of", &[&kb(used()), &kb(QUOTA_ESTIMATE)])}</p>
                        <meter min="0" max=QUOTA_ESTIMATE.to_string() high=(QUOTA_ESTIMATE / 10 * 8).to_string() optimum="0" value=move || used().to_string() aria-label={t("storage.used_aria")}></meter>
                        <p data-testid="storage-percent">{move || tf("room.percent", &[&format!("{:.0}", figures.with(|f| f.share() * 100.0))])}</p>
                        <p data-testid="storage-room" data-room=move || figures.with(|f| f.room.map(|r| r.to_string()).unwrap_or_default())>{move || figures.with(|f| match f.room {
                            Some(n) => tf("room.room_for", &[&n, &kb(f.average)]),
                            None => t("room.room_empty").into(),
                        })}</p>
                        <h3>{t("storage.largest")}</h3>
                        <ol class="largest" data-testid="largest-plans">
                            {move || largest().into_iter().map(|(id, n)| {
                                let href = format!("#/plan/{id}/1");
                                view! { <li data-units=n.to_string()><a href=href>{name_of(&id)}</a> " — " {kb(n)}</li> }
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
                <button type="button" class="primary" on:click=export_all>{t("storage.backup_all")}</button>
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
