//! Room to grow (issue 13): the portfolio's warning when storage is nearly full, and the
//! storage page's list of the largest review snapshots with "Download and drop".

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::state::editor::Editor;
use crate::state::review::drop_snapshot;
use crate::state::room::{SnapshotCost, Usage};
use crate::state::workspace::Workspace;

/// Units as KB of the quota (2 bytes per UTF-16 unit), as the storage page words them; MB
/// from 1,024 KB on.
pub fn kb(units: usize) -> String {
    let kb = units as f64 * 2.0 / 1024.0;
    if kb >= 1024.0 {
        return tf("room.mb", &[&format!("{:.1}", kb / 1024.0)]);
    }
    tf("storage.kb", &[&format!("{kb:.1}")])
}

/// The three ways to make room, as a list (shared by the warning and the storage page).
#[component]
pub fn MakeRoom() -> impl IntoView {
    view! {
        <ul class="make-room">
            <li>{t("room.backup")}</li>
            <li>{t("room.archive")}</li>
            <li>{t("room.snapshots")}</li>
        </ul>
    }
}

/// Above 80% of the quota: what is used and what to do. Measured a second after the page is drawn, so
/// reading every stored value does not delay start-up, and again whenever the plans change.
#[component]
pub fn StorageWarning() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let measured = RwSignal::new(None::<Usage>);
    Effect::new(move |_| {
        ws.summaries().track();
        if !ws.is_local() {
            return;
        }
        set_timeout(
            move || {
                let _ = measured.try_set(Some(ws.current_usage()));
            },
            Duration::from_millis(1000),
        );
    });
    move || {
        let u = measured.get().filter(Usage::warn)?;
        let pct = (u.share() * 100.0).floor() as u32;
        Some(view! {
            <section class="card storage-warning" role="alert" data-testid="storage-warning">
                <h2>{tf("room.warn_heading", &[&pct])}</h2>
                <p>{tf("room.warn_body", &[&kb(u.used), &kb(u.quota)])}</p>
                <MakeRoom />
                <p><a class="button-link" href="#/storage">{t("room.open_storage")}</a></p>
            </section>
        })
    }
}

/// The largest review snapshots of the largest plans, each with "Download and drop".
#[component]
pub fn LargestSnapshots(
    usage: Memo<Vec<(String, usize)>>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let editor = expect_context::<Editor>();
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let snapshots = Memo::new(move |_| {
        let plans = usage.with(|u| ws.largest_plans(u, 5));
        let mut out: Vec<(String, SnapshotCost)> = plans
            .into_iter()
            .flat_map(|(id, _)| {
                ws.snapshot_costs(&id)
                    .into_iter()
                    .map(move |c| (id.clone(), c))
            })
            .collect();
        out.sort_by_key(|(_, c)| std::cmp::Reverse(c.units));
        out.truncate(5);
        out
    });
    let name_of = move |id: &str| {
        ws.summaries()
            .with_untracked(|l| l.iter().find(|s| s.id == id).map(|s| s.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    view! {
        <h3>{t("room.largest_snapshots")}</h3>
        <p class="muted">{t("room.snapshots_note")}</p>
        {move || {
            let list = snapshots.get();
            if list.is_empty() {
                return view! { <p data-testid="no-snapshots">{t("room.no_snapshots")}</p> }.into_any();
            }
            view! {
                <ol class="largest snapshots" data-testid="largest-snapshots">
                    {list.into_iter().map(|(id, c)| {
                        let name = name_of(&id);
                        let date = c.date.clone().and_then(|d| d.parse().ok()).map(crate::i18n::date).unwrap_or_default();
                        let aria = tf("room.drop_aria", &[&name, &date]);
                        let (name2, date2) = (name.clone(), date.clone());
                        let drop = move |_| match drop_snapshot(&ws, &editor, &id, c.review_id) {
                            Ok(()) => {
                                error.set(None);
                                message.set(Some(tf("room.dropped", &[&date2, &name2])));
                                refresh.update(|n| *n += 1);
                            }
                            Err(e) => {
                                message.set(None);
                                error.set(Some(tf("common.nothing_changed", &[&e])));
                            }
                        };
                        view! {
                            <li>
                                <span>{tf("room.snapshot_of", &[&name, &date, &kb(c.units.max(52))])}</span>
                                " "
                                <button type="button" class="secondary" aria-label=aria on:click=drop>{t("room.drop")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {move || message.get().map(|m| view! { <p role="status" data-testid="drop-done">{m}</p> })}
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}
