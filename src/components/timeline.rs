//! The action timeline: the plan period by month and week, each action a bar, overdue in red.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::model::checks::is_action_overdue;
use crate::model::choice::Choice;
use crate::state::editor::Editor;
use crate::state::workspace::today;

#[component]
pub fn Timeline() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let data = Memo::new(move |_| {
        editor.plan.with(|p| {
            p.as_ref().map(|p| {
                (
                    p.header.period_start,
                    p.header.period_end,
                    p.action.actions.clone(),
                )
            })
        })
    });
    view! {
        <section class="card" id="timeline">
            <h2>{t("timeline.title")}</h2>
            {move || {
                let Some((start, end, actions)) = data.get() else { return ().into_any() };
                let dated: Vec<_> = actions.iter().filter(|a| a.due.is_some()).collect();
                if dated.is_empty() {
                    return view! { <p class="muted">{t("timeline.empty")}</p> }.into_any();
                }
                let now = today();
                let first = dated.iter().filter_map(|a| a.start.or(a.due)).min().unwrap_or(now);
                let last = dated.iter().filter_map(|a| a.due).max().unwrap_or(now);
                let from = start.unwrap_or(first).min(first);
                let to = end.unwrap_or(last).max(last);
                let from = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
                let days = (to - from).num_days().max(28) as f64 + 7.0;
                let (left, width) = (180.0, 640.0);
                let x = move |d: NaiveDate| left + (d - from).num_days() as f64 / days * width;
                let row_h = 26.0;
                let h = 40.0 + row_h * dated.len() as f64;
                // Month lines and labels, week ticks.
                let mut months = Vec::new();
                let mut m = from;
                while m <= to + Duration::days(7) {
                    months.push(m);
                    m = if m.month() == 12 { NaiveDate::from_ymd_opt(m.year() + 1, 1, 1) } else { NaiveDate::from_ymd_opt(m.year(), m.month() + 1, 1) }.unwrap_or(to + Duration::days(400));
                }
                let weeks = (0..(days as i64 / 7)).map(|w| {
                    let xx = x(from + Duration::days(w * 7));
                    view! { <line x1=xx y1="22" x2=xx y2="28" class="tick" /> }
                }).collect_view();
                let month_marks = months.iter().enumerate().map(|(i, m)| {
                    let xx = x(*m);
                    view! {
                        <line x1=xx y1="14" x2=xx y2=h class="month-line" />
                        <text x=xx + 3.0 y="12" class="month">{crate::i18n::month_tick(*m, i == 0)}</text>
                    }
                }).collect_view();
                let bars = dated.iter().enumerate().map(|(i, a)| {
                    let due = a.due.unwrap_or(now);
                    let s = a.start.unwrap_or(due).min(due);
                    let y = 34.0 + i as f64 * row_h;
                    let overdue = is_action_overdue(a.status, a.due, now);
                    let class = if overdue { "tl-bar overdue".to_string() } else { format!("tl-bar st-{}", a.status.key()) };
                    let name: String = if a.what.trim().is_empty() { tf("timeline.action_n", &[&a.id]) } else { a.what.chars().take(26).collect() };
                    let label = tf("timeline.due", &[&name, &crate::i18n::date(due)]) + if overdue { t("timeline.overdue_suffix") } else { "" };
                    view! {
                        <g>
                            <title>{label}</title>
                            <text x="0" y=y + 14.0 class="tl-name">{name}</text>
                            <rect x=x(s) y=y width=(x(due) - x(s)).max(6.0) height="18" rx="3" class=class />
                        </g>
                    }
                }).collect_view();
                let today_x = x(now);
                let list = dated.iter().map(|a| {
                    let overdue = is_action_overdue(a.status, a.due, now);
                    view! { <li>{a.what.clone()} " — " {a.start.map(|s| tf("timeline.from", &[&crate::i18n::date(s)])).unwrap_or_default()} {a.due.map(crate::i18n::date)} {t("timeline.comma")} {a.status.label()} {overdue.then_some(t("timeline.overdue_suffix"))}</li> }
                }).collect_view();
                view! {
                    <div class="map-scroll">
                        <svg class="timeline" viewBox=format!("0 0 830 {h}") role="img" aria-label={t("timeline.aria")} data-testid="timeline">
                            {month_marks}
                            {weeks}
                            <line x1=today_x y1="14" x2=today_x y2=h class="today" />
                            <text x=today_x + 3.0 y=h - 2.0 class="today-label">{t("timeline.today")}</text>
                            {bars}
                        </svg>
                    </div>
                    <details class="more"><summary>{t("timeline.as_list")}</summary><ul>{list}</ul></details>
                }.into_any()
            }}
        </section>
    }
}
