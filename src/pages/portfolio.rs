//! The portfolio: every account plan at a glance, and where a new one starts.

use leptos::prelude::*;

use crate::components::sharing::{ExportButtons, ImportPanel};
use crate::model::choice::Choice;
use crate::model::plan::{AccountLevel, Plan};
use crate::model::portfolio::{
    due_soon, overdue_count, ranking, review_overdue, rollup, select, DueKind, Query, SortBy,
};
use crate::model::scoring::{Grade, Quadrant};
use crate::model::text::format_number;
use crate::route::Route;
use crate::state::router::Router;
use crate::state::workspace::{today, Workspace};

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let creating = RwSignal::new(false);
    let importing = RwSignal::new(false);
    provide_context(ImportOpen(importing));
    let active = Memo::new(move |_| {
        ws.summaries.with(|l| {
            l.iter()
                .filter(|s| !s.archived && s.damaged.is_none())
                .count()
        })
    });
    let archived = Memo::new(move |_| {
        ws.summaries
            .with(|l| l.iter().filter(|s| s.archived).count())
    });
    let empty = move || active.get() == 0 && archived.get() == 0 && ws.damaged.with(Vec::is_empty);
    // A deleted plan, kept until the rep leaves the page, so the delete can be undone.
    let undo = RwSignal::new(None::<Plan>);
    view! {
        <div class="page portfolio">
            <div class="page-head">
                <h1 id="page-heading" tabindex="-1">"Your key accounts"</h1>
                <Show when=move || !empty()>
                    <div class="actions">
                        <TryExample />
                        <button type="button" class="secondary" on:click=move |_| importing.set(true)>"Import a plan"</button>
                        <button type="button" class="primary" on:click=move |_| creating.set(true)>"New account plan"</button>
                    </div>
                </Show>
            </div>
            <UndoDelete undo />
            <Show when=move || creating.get()>
                <NewPlanForm creating />
            </Show>
            <Show when=move || importing.get()>
                <ImportPanel open=importing />
            </Show>
            <Show when=move || empty() && !creating.get() && !importing.get()>
                <EmptyState creating />
            </Show>
            <Show when=move || !empty()>
                <div class="overview">
                    <DueSoon />
                    <Matrix />
                </div>
                <PlanList undo />
                <div class="overview">
                    <RollupTable />
                    <Ranking />
                </div>
            </Show>
            <DamagedList />
        </div>
    }
}

/// Whether the import panel is open, for the empty state's "Import a plan".
#[derive(Clone, Copy)]
struct ImportOpen(RwSignal<bool>);

#[component]
fn UndoDelete(undo: RwSignal<Option<Plan>>) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let error = RwSignal::new(None::<String>);
    view! {
        {move || undo.get().map(|p| {
            let name = p.display_name().to_string();
            let restore = move |_| {
                if let Some(p) = undo.get_untracked() {
                    match ws.put_plan(p) {
                        Ok(()) => undo.set(None),
                        Err(e) => error.set(Some(e.to_string())),
                    }
                }
            };
            view! {
                <div class="banner info undo" role="status" data-testid="undo-delete">
                    "Deleted “" {name} "”. "
                    <button type="button" class="secondary" on:click=restore>"Undo"</button>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </div>
            }
        })}
    }
}

#[component]
fn EmptyState(creating: RwSignal<bool>) -> impl IntoView {
    let importing = expect_context::<ImportOpen>().0;
    view! {
        <section class="card empty-state" data-testid="empty-state">
            <h2>"Plan the accounts that matter most"</h2>
            <p>
                "KeyPlan walks you through a key account plan in seven short steps: why the account matters, "
                "who the customer is, who decides, where you want to go, what you will do, what it takes, and how you "
                "will keep everyone informed and review it."
            </p>
            <ol class="mini-steps">
                <li>"Score the account on the screening matrix and see its strategy."</li>
                <li>"Map the relationships: who decides, who supports you, who is missing."</li>
                <li>"Set measurable objectives and actions with owners and dates."</li>
            </ol>
            <p class="muted">"Your plans are saved in this browser as you type. Nothing is sent anywhere."</p>
            <div class="actions">
                <button type="button" class="primary big" on:click=move |_| creating.set(true)>"New account plan"</button>
                <button type="button" class="secondary" on:click=move |_| importing.set(true)>"Import a plan"</button>
                <TryExample />
            </div>
        </section>
    }
}

/// Adds a fully filled fictional plan, so a new rep sees what a good plan looks like.
#[component]
fn TryExample() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    let error = RwSignal::new(None::<String>);
    let add = move |_| match ws.add_example() {
        Ok(id) => router.go(Route::Step {
            plan: id,
            step: 1,
            focus: None,
        }),
        Err(e) => error.set(Some(format!("{e} The example was not added."))),
    };
    view! {
        <button type="button" class="secondary" on:click=add>"Try an example"</button>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

#[component]
fn NewPlanForm(creating: RwSignal<bool>) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some(
                "Type the account's name, for example “Acme Steel”.".into(),
            ));
            return;
        }
        match ws.create_plan(&n) {
            Ok(id) => router.go(Route::Step {
                plan: id,
                step: 1,
                focus: None,
            }),
            Err(e) => error.set(Some(format!(
                "{e} The plan was not created; free some space on the Storage page and try again."
            ))),
        }
    };
    view! {
        <form class="card new-plan" on:submit=submit novalidate>
            <h2>"New account plan"</h2>
            <div class="field">
                <label for="new-account-name">"Account name"</label>
                <input id="new-account-name" type="text" node_ref=input autocomplete="off"
                    aria-describedby="new-account-hint" aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); error.set(None); } />
                <p class="hint" id="new-account-hint">"The customer as your team names it. You can change it later."</p>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
            <div class="actions">
                <button type="submit" class="primary">"Create plan"</button>
                <button type="button" class="secondary" on:click=move |_| creating.set(false)>"Cancel"</button>
            </div>
        </form>
    }
}

fn fmt_score(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "—".into())
}

fn step_href(id: &str, step: u8, focus: Option<String>) -> String {
    Route::Step {
        plan: id.to_string(),
        step,
        focus,
    }
    .to_hash()
}

/// A select over a closed list, with "All" first; writes `None` for "All".
fn choice_filter<T: Choice>(
    id: &'static str,
    label: &'static str,
    value: RwSignal<Option<T>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(T::from_key(&event_target_value(&ev)))>
                <option value="">"All"</option>
                {T::all().iter().map(|v| view! { <option value=v.key()>{v.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn PlanList(undo: RwSignal<Option<Plan>>) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    let now = today();
    let text = RwSignal::new(String::new());
    let level = RwSignal::new(None::<AccountLevel>);
    let grade = RwSignal::new(None::<Grade>);
    let quadrant = RwSignal::new(None::<Quadrant>);
    let overdue_only = RwSignal::new(false);
    let show_archived = RwSignal::new(false);
    let sort = RwSignal::new((SortBy::Updated, true));
    let error = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| {
        let q = Query {
            text: text.get(),
            level: level.get(),
            grade: grade.get(),
            quadrant: quadrant.get(),
            overdue_only: overdue_only.get(),
            archived: show_archived.get(),
            sort: sort.get().0,
            descending: sort.get().1,
        };
        ws.summaries.with(|all| {
            select(all, &q, now)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let archived_count = move || {
        ws.summaries
            .with(|l| l.iter().filter(|s| s.archived).count())
    };
    let header = move |label: &'static str, by: SortBy| {
        let state = move || {
            let (s, d) = sort.get();
            (s == by).then_some(if d { "descending" } else { "ascending" })
        };
        view! {
            <th scope="col" aria-sort=move || state().unwrap_or("none")>
                <button type="button" class="sort" on:click=move |_| sort.update(|(s, d)| if *s == by { *d = !*d } else { *s = by; *d = false })>
                    {label} <span aria-hidden="true">{move || match state() { Some("ascending") => " ▲", Some(_) => " ▼", None => "" }}</span>
                </button>
            </th>
        }
    };
    let act = move |result: Result<(), crate::persist::storage::StoreError>| match result {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(format!("{e} Nothing was changed."))),
    };
    view! {
        <section class="card" aria-labelledby="plans-h">
            <h2 id="plans-h">"Account plans"</h2>
            <div class="filters">
                <div class="field search">
                    <label for="search">"Search accounts"</label>
                    <input id="search" type="search" placeholder="Account name" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </div>
                {choice_filter("filter-level", "Level", level)}
                {choice_filter("filter-grade", "Grade", grade)}
                {choice_filter("filter-quadrant", "Quadrant", quadrant)}
                <div class="field check">
                    <label><input type="checkbox" prop:checked=move || overdue_only.get()
                        on:change=move |ev| overdue_only.set(event_target_checked(&ev)) />" Overdue only"</label>
                </div>
                <div class="field check">
                    <label><input type="checkbox" prop:checked=move || show_archived.get()
                        on:change=move |ev| show_archived.set(event_target_checked(&ev)) />
                        {move || format!(" Archived ({})", archived_count())}</label>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ExportButtons label="Export the plans shown"
                plans=Callback::new(move |_| rows.get_untracked().iter().filter_map(|s| ws.load_plan(&s.id)).collect())
                file_label="KeyPlan plans" />
            <div class="table-wrap">
                <table class="plans" data-testid="plan-list">
                    <thead>
                        <tr>
                            {header("Account", SortBy::Name)}
                            {header("Level", SortBy::Level)}
                            {header("Grade", SortBy::Grade)}
                            {header("Quadrant", SortBy::Quadrant)}
                            {header("Health", SortBy::Health)}
                            {header("Next review", SortBy::NextReview)}
                            {header("Overdue", SortBy::Overdue)}
                            {header("Last edit", SortBy::Updated)}
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|s| (s.id.clone(), s.revision, s.name.clone(), s.archived) let:s>
                            {
                                let id = s.id.clone();
                                let name = s.name.clone();
                                let review_late = review_overdue(&s, now);
                                let overdue = overdue_count(&s, now);
                                let review_class = if review_late { "late" } else { "" };
                                let overdue_class = if overdue > 0 { "late" } else { "" };
                                let (id1, id2, id3, name3) = (id.clone(), id.clone(), id.clone(), name.clone());
                                let archived = s.archived;
                                let duplicate = move |_| match ws.duplicate(&id1) {
                                    Ok(new) => router.go(Route::Step { plan: new, step: 1, focus: None }),
                                    Err(e) => error.set(Some(format!("{e} The plan was not copied."))),
                                };
                                let archive = move |_| act(ws.set_archived(&id2, !archived));
                                let delete = move |_| {
                                    let ok = window()
                                        .confirm_with_message(&format!("Delete “{name3}” from this browser? You can undo this until you leave the portfolio."))
                                        .unwrap_or(false);
                                    if ok {
                                        let plan = ws.load_plan(&id3);
                                        match ws.delete_plan(&id3) {
                                            Ok(()) => { undo.set(plan); error.set(None) }
                                            Err(e) => error.set(Some(format!("{e} The plan was not deleted."))),
                                        }
                                    }
                                };
                                view! {
                                    <tr>
                                        <th scope="row"><a href=step_href(&id, 1, None)>{name.clone()}</a>
                                            {s.example.then(|| view! { <span class="badge">"Example"</span> })}</th>
                                        <td>{s.level.label()}</td>
                                        <td>{s.grade.map(|g| view! { <span class=format!("grade {}", g.key())>{g.label()}</span> })}</td>
                                        <td>{s.quadrant.map(|q| q.label()).unwrap_or("Not screened")}
                                            <span class="muted small">" " {fmt_score(s.attractiveness)} " / " {fmt_score(s.ability)}</span></td>
                                        <td><a href=Route::Health { plan: id.clone() }.to_hash() class="health" aria-label=format!("Health {}%: check the plan", s.health)>{s.health} "%"</a></td>
                                        <td class=review_class>
                                            {s.next_review.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "—".into())}
                                            {review_late.then(|| view! { <span class="badge warn">"Overdue"</span> })}
                                        </td>
                                        <td class=overdue_class>{overdue}</td>
                                        <td class="small">{s.updated_at.map(|t| t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M").to_string())}</td>
                                        <td class="row-actions">
                                            <details class="menu">
                                                <summary aria-label=format!("Actions for {name}")>"⋯"</summary>
                                                <div class="menu-pop">
                                                    <button type="button" on:click=duplicate aria-label=format!("Duplicate {name}")>"Duplicate as template"</button>
                                                    <button type="button" on:click=archive aria-label=format!("{} {name}", if archived { "Restore" } else { "Archive" })>
                                                        {if archived { "Restore" } else { "Archive" }}</button>
                                                    <button type="button" class="danger" on:click=delete aria-label=format!("Delete {name}")>"Delete…"</button>
                                                </div>
                                            </details>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">"No plan matches these filters."</p>
            </Show>
        </section>
    }
}

/// How many due items show before "Show all".
const DUE_SHOWN: usize = 10;

#[component]
fn DueSoon() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let items = Memo::new(move |_| ws.summaries.with(|all| due_soon(all, today(), 14)));
    let show_all = RwSignal::new(false);
    view! {
        <section class="card due-soon" data-testid="due-soon" aria-labelledby="due-h">
            <h2 id="due-h">"Due in the next 14 days"</h2>
            {move || {
                let mut list = items.get();
                if list.is_empty() {
                    return view! { <p class="muted">"Nothing is due in the next two weeks."</p> }.into_any();
                }
                let total = list.len();
                if !show_all.get() {
                    list.truncate(DUE_SHOWN);
                }
                let more = (total > DUE_SHOWN && !show_all.get()).then(|| view! {
                    <button type="button" class="link" on:click=move |_| show_all.set(true)>{format!("Show all {total}")}</button>
                });
                view! {
                    <ul class="due-list">
                        {list.into_iter().map(|e| {
                            let href = match e.kind {
                                DueKind::Action(a) => step_href(&e.plan_id, 5, Some(format!("actions-{a}"))),
                                DueKind::Review => step_href(&e.plan_id, 7, Some("reviews".into())),
                            };
                            let what = if e.what.trim().is_empty() { "Untitled action".to_string() } else { e.what.clone() };
                            view! {
                                <li class:overdue=e.overdue>
                                    <span class="due-date">{e.date.format("%d %b").to_string()}</span>
                                    {e.overdue.then(|| view! { <span class="badge warn">"Overdue"</span> })}
                                    <a href=href>{what}</a>
                                    <span class="muted small">" · " {e.plan_name.clone()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {more}
                }.into_any()
            }}
        </section>
    }
}

/// Every account on the screening matrix, coloured by grade; a point opens its plan.
#[component]
fn Matrix() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    let points = Memo::new(move |_| {
        ws.summaries.with(|all| {
            all.iter()
                .filter(|s| !s.archived && s.damaged.is_none())
                .filter_map(|s| {
                    Some((
                        s.id.clone(),
                        s.name.clone(),
                        s.attractiveness?,
                        s.ability?,
                        s.grade,
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    let (x0, y0, w) = (40.0, 10.0, 300.0);
    let x = move |b: f64| x0 + (b - 1.0) / 4.0 * w;
    let y = move |a: f64| y0 + w - (a - 1.0) / 4.0 * w;
    let half = w / 2.0;
    let quad =
        move |qx: f64, qy: f64, class: &'static str, name: &'static str, strategy: &'static str| {
            view! {
                <rect x=qx y=qy width=half height=half class=format!("q {class}") />
                <text x=qx + half / 2.0 y=qy + 20.0 class="ql">{name}</text>
                <text x=qx + half / 2.0 y=qy + 34.0 class="qs">{strategy}</text>
            }
        };
    view! {
        <section class="card matrix" aria-labelledby="matrix-h">
            <h2 id="matrix-h">"Screening matrix"</h2>
            <svg viewBox="0 0 350 350" class="portfolio-matrix" role="group" aria-label="Accounts on the screening matrix" data-testid="matrix">
                {quad(x0, y0, "core-potential", "Core potential", "Invest")}
                {quad(x0 + half, y0, "core", "Core", "Consolidate")}
                {quad(x0, y0 + half, "peripheral", "Peripheral", "Maintain")}
                {quad(x0 + half, y0 + half, "general", "General", "Harvest")}
                <text x=x0 + half y="345" class="axis">"Our ability to win →"</text>
                <text x="14" y=y0 + half class="axis" transform=format!("rotate(-90 14 {})", y0 + half)>"Customer attractiveness →"</text>
                {move || spread(points.get().into_iter().map(|(id, name, a, b, g)| ((x(b), y(a)), (id, name, a, b, g))).collect()).into_iter().map(|((px, py), (id, name, a, b, g))| {
                    let class = format!("pt {}", g.map(|g| g.key()).unwrap_or("none"));
                    let label = format!("{name}: attractiveness {a:.1}, ability {b:.1}{}", g.map(|g| format!(", {}", g.label())).unwrap_or_default());
                    let go = move || router.go(Route::Step { plan: id.clone(), step: 1, focus: None });
                    let go2 = go.clone();
                    view! {
                        <g class="pt-link" role="link" tabindex="0" aria-label=label.clone()
                            on:click=move |_| go()
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { go2() }>
                            <title>{label.clone()}</title>
                            <circle cx=px cy=py r="22" class="hit" />
                            <circle cx=px cy=py r="7" class=class />
                        </g>
                    }
                }).collect_view()}
            </svg>
            <p class="muted small">"Gold, silver and bronze points; tap one to open its plan. Accounts not yet scored are not shown."</p>
        </section>
    }
}

/// Moves points that fall on the same spot onto a small ring around it, so none hides another.
fn spread<T>(points: Vec<((f64, f64), T)>) -> Vec<((f64, f64), T)> {
    let key = |(x, y): (f64, f64)| ((x / 4.0).round() as i64, (y / 4.0).round() as i64);
    let mut counts: std::collections::HashMap<(i64, i64), usize> = std::collections::HashMap::new();
    for (p, _) in &points {
        *counts.entry(key(*p)).or_default() += 1;
    }
    let mut seen: std::collections::HashMap<(i64, i64), usize> = std::collections::HashMap::new();
    points
        .into_iter()
        .map(|(p, t)| {
            let k = key(p);
            let n = counts[&k];
            if n < 2 {
                return (p, t);
            }
            let i = seen.entry(k).or_default();
            let angle = *i as f64 / n as f64 * std::f64::consts::TAU;
            *i += 1;
            let r = 6.0 + n as f64 * 1.5;
            ((p.0 + r * angle.cos(), p.1 + r * angle.sin()), t)
        })
        .collect()
}

#[component]
fn RollupTable() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let rows = Memo::new(move |_| ws.summaries.with(|all| rollup(all)));
    view! {
        <section class="card" data-testid="rollup" aria-labelledby="rollup-h">
            <h2 id="rollup-h">"Roll-up by level"</h2>
            <div class="table-wrap">
                <table class="rollup">
                    <thead><tr>
                        <th scope="col">"Level"</th><th scope="col" class="num">"Accounts"</th><th scope="col" class="num">"Last year's sales"</th>
                        <th scope="col" class="num">"This year's target"</th><th scope="col" class="num">"Expected profit"</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let total = r.level.is_none();
                            view! {
                                <tr class:total=total>
                                    <th scope="row">{r.level.map(|l| l.label()).unwrap_or("Total")}</th>
                                    <td class="num">{r.accounts}</td>
                                    <td class="num">{format_number(r.last_year_sales)}</td>
                                    <td class="num">{format_number(r.target)}</td>
                                    <td class="num">{format_number(r.expected_profit)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="muted small">"Target and expected profit come from step 6 of each plan."</p>
        </section>
    }
}

#[component]
fn Ranking() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let top = Memo::new(move |_| {
        ws.summaries.with(|all| {
            ranking(all)
                .into_iter()
                .take(10)
                .map(|s| (s.id.clone(), s.name.clone(), s.potential.unwrap_or(0.0)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" data-testid="ranking" aria-labelledby="rank-h">
            <h2 id="rank-h">"Where to put your time"</h2>
            <p class="muted small">"Ranked by improvement potential: how attractive each account is × the share of its spend you do not yet have."</p>
            {move || {
                let list = top.get();
                if list.is_empty() {
                    return view! { <p class="muted">"Score accounts and enter your share of their spend (step 1) to rank them."</p> }.into_any();
                }
                view! {
                    <ol class="ranking">
                        {list.into_iter().map(|(id, name, p)| view! {
                            <li><a href=step_href(&id, 1, None)>{name}</a>
                                <span class="bar"><span style:width=format!("{p}%")></span></span><span class="num">{format!("{p:.0}")}</span></li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn DamagedList() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    view! {
        <Show when=move || !ws.damaged.with(Vec::is_empty)>
            <section class="card damaged" data-testid="damaged-list">
                <h2>"Plans that need attention"</h2>
                <p>"These plans could not be read as they are. Their stored text is kept untouched: open one to download it."</p>
                <ul>
                    {move || ws.damaged.get().into_iter().map(|(id, why)| {
                        let href = Route::Step { plan: id.clone(), step: 1, focus: None }.to_hash();
                        let name = ws.summaries.with(|l| l.iter().find(|s| s.id == id).map(|s| s.name.clone())).unwrap_or_else(|| format!("Plan {id}"));
                        view! { <li><a href=href>{name}</a> " — " {why}</li> }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
