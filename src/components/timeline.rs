//! The action timeline: the plan period by month, each action a named bar, overdue in red.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::i18n::describe::Label;
use crate::model::checks::is_action_overdue;
use crate::model::choice::Choice;
use crate::state::editor::Editor;
use crate::state::workspace::today;

#[component]
pub fn Timeline() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let data = Memo::new(move |_| {
        editor.track("header");
        editor.read("action.actions", |p| {
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
                // Positions are shares of the track's width, so the chart fits any screen and its
                // names stay text at full size (HTML, set through the CSSOM: no inline styles).
                let pct = move |d: NaiveDate| ((d - from).num_days() as f64 / days * 100.0).clamp(0.0, 100.0);
                let mut months = Vec::new();
                let mut m = from;
                while m <= to + Duration::days(7) {
                    months.push(m);
                    m = if m.month() == 12 { NaiveDate::from_ymd_opt(m.year() + 1, 1, 1) } else { NaiveDate::from_ymd_opt(m.year(), m.month() + 1, 1) }.unwrap_or(to + Duration::days(400));
                }
                let month_at: Vec<String> = months.iter().map(|m| format!("{:.2}%", pct(*m))).collect();
                // A month that starts at the right edge has no room for its name.
                let month_marks = months.iter().enumerate().filter(|(_, m)| pct(**m) < 92.0).map(|(i, m)| {
                    view! { <span class="tl-month" style:left=format!("{:.2}%", pct(*m))>{crate::i18n::month_tick(*m, i == 0)}</span> }
                }).collect_view();
                let today_at = format!("{:.2}%", pct(now));
                let bars = dated.iter().map(|a| {
                    let due = a.due.unwrap_or(now);
                    let s = a.start.unwrap_or(due).min(due);
                    let overdue = is_action_overdue(a.status, a.due, now);
                    let class = if overdue { "tl-bar overdue".to_string() } else { format!("tl-bar st-{}", a.status.key()) };
                    let name: String = if a.what.trim().is_empty() { tf("timeline.action_n", &[&a.id]) } else { a.what.clone() };
                    let label = tf("timeline.due", &[&name, &crate::i18n::date(due)]) + if overdue { t("timeline.overdue_suffix") } else { "" };
                    let (left, width) = (pct(s), (pct(due) - pct(s)).max(0.8));
                    view! {
                        <div class="tl-row" title=label>
                            <span class="tl-name">{name}</span>
                            <span class="tl-track">
                                {month_at.iter().map(|at| view! { <span class="tl-mline" style:left=at.clone()></span> }).collect_view()}
                                <span class="tl-today" style:left=today_at.clone()></span>
                                <span class=class style:left=format!("{left:.2}%") style:width=format!("{width:.2}%")></span>
                            </span>
                        </div>
                    }
                }).collect_view();
                let list = dated.iter().map(|a| {
                    let overdue = is_action_overdue(a.status, a.due, now);
                    view! { <li>{a.what.clone()} " — " {a.start.map(|s| tf("timeline.from", &[&crate::i18n::date(s)])).unwrap_or_default()} {a.due.map(crate::i18n::date)} {t("timeline.comma")} {a.status.label()} {overdue.then_some(t("timeline.overdue_suffix"))}</li> }
                }).collect_view();
                view! {
                    <div class="tl" role="img" aria-label={t("timeline.aria")} data-testid="timeline">
                        <div class="tl-row tl-head" aria-hidden="true">
                            <span class="tl-name"></span>
                            <span class="tl-track">{month_marks}<span class="tl-today-label" style:left=today_at.clone()>{t("timeline.today")}</span></span>
                        </div>
                        {bars}
                    </div>
                    <details class="more"><summary>{t("timeline.as_list")}</summary><ul>{list}</ul></details>
                }.into_any()
            }}
        </section>
    }
}
