//! The portfolio: every account plan at a glance, and where a new one starts.

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};

use crate::components::crm_import::{CrmImport, CrmImportButton, PortfolioCsvButton};
use crate::components::sharing::{ExportButtons, ImportPanel};
use crate::i18n::describe::Label;
use crate::model::choice::Choice;
use crate::model::plan::{AccountLevel, Plan};
use crate::model::portfolio::{
    counted, due_soon, example_rollup, overdue_count, ranking, review_overdue, rollup, select,
    DueKind, Query, SortBy,
};
use crate::model::scoring::{Grade, Quadrant};
use crate::model::text::format_number;
use crate::route::Route;
use crate::state::files::download_raw;
use crate::state::router::Router;
use crate::state::workspace::{today, Workspace};

/// Plans listed before "Show all": 50 keeps start-up with 500 plans within 1.3× of one plan
/// (issue 13; 100 rows took 1.5×), and is more than most reps have key accounts.
const PAGE: usize = 50;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let creating = RwSignal::new(false);
    let importing = RwSignal::new(false);
    let crm = RwSignal::new(false);
    provide_context(ImportOpen(importing));
    let active = Memo::new(move |_| {
        ws.summaries().with(|l| {
            l.iter()
                .filter(|s| !s.archived && s.damaged.is_none())
                .count()
        })
    });
    let archived = Memo::new(move |_| {
        ws.summaries()
            .with(|l| l.iter().filter(|s| s.archived).count())
    });
    let empty =
        move || active.get() == 0 && archived.get() == 0 && ws.damaged().with(Vec::is_empty);
    // A deleted plan, kept until the rep leaves the page, so the delete can be undone.
    let undo = RwSignal::new(None::<Plan>);
    view! {
        <div class="page portfolio">
            <div class="page-head">
                <h1 id="page-heading" tabindex="-1">{t("portfolio.heading")}</h1>
                <Show when=move || !empty()>
                    <div class="actions">
                        <TryExample />
                        <CrmImportButton open=crm />
                        <button type="button" class="secondary" on:click=move |_| importing.set(true)>{t("portfolio.import")}</button>
                        <button type="button" class="primary" on:click=move |_| creating.set(true)>{t("portfolio.new_plan")}</button>
                    </div>
                </Show>
            </div>
            <crate::components::capacity::StorageWarning />
            <IndexRebuilt />
            <UndoDelete undo />
            <Show when=move || creating.get()>
                <NewPlanForm creating />
            </Show>
            <Show when=move || importing.get()>
                <ImportPanel open=importing />
            </Show>
            <Show when=move || crm.get()>
                <CrmImport open=crm />
            </Show>
            <Show when=move || empty() && !creating.get() && !importing.get() && !crm.get()>
                <EmptyState creating crm />
            </Show>
            <Show when=move || !empty()>
                <ExampleApart />
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
            let name = crate::i18n::describe::plan_name(&p).to_string();
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
                    {tf("portfolio.deleted", &[&name])} " "
                    <button type="button" class="secondary" on:click=restore>{t("common.undo")}</button>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </div>
            }
        })}
    }
}

#[component]
fn EmptyState(creating: RwSignal<bool>, crm: RwSignal<bool>) -> impl IntoView {
    let importing = expect_context::<ImportOpen>().0;
    view! {
        <section class="card empty-state" data-testid="empty-state">
            <h2>{t("portfolio.empty_title")}</h2>
            <p>
                {t("portfolio.empty_intro")}
            </p>
            <ol class="mini-steps">
                <li>{t("portfolio.empty_1")}</li>
                <li>{t("portfolio.empty_2")}</li>
                <li>{t("portfolio.empty_3")}</li>
            </ol>
            <p class="muted">{t("portfolio.saved_local")}</p>
            <div class="actions">
                <button type="button" class="primary big" on:click=move |_| creating.set(true)>{t("portfolio.new_plan")}</button>
                <button type="button" class="secondary" on:click=move |_| importing.set(true)>{t("portfolio.import")}</button>
                <CrmImportButton open=crm />
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
        Err(e) => error.set(Some(tf("portfolio.example_failed", &[&e]))),
    };
    view! {
        <button type="button" class="secondary" on:click=add>{t("portfolio.try_example")}</button>
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
            error.set(Some(t("portfolio.name_required").into()));
            return;
        }
        match ws.create_plan(&n) {
            Ok(id) => router.go(Route::Step {
                plan: id,
                step: 1,
                focus: None,
            }),
            Err(e) => error.set(Some(tf("portfolio.create_failed", &[&e]))),
        }
    };
    view! {
        <form class="card new-plan" on:submit=submit novalidate>
            <h2>{t("portfolio.new_plan")}</h2>
            <div class="field">
                <label for="new-account-name">{t("portfolio.account_name")}</label>
                <input id="new-account-name" type="text" node_ref=input autocomplete="off"
                    aria-describedby="new-account-hint" aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); error.set(None); } />
                <p class="hint" id="new-account-hint">{t("portfolio.account_name_hint")}</p>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
            <div class="actions">
                <button type="submit" class="primary">{t("portfolio.create")}</button>
                <button type="button" class="secondary" on:click=move |_| creating.set(false)>{t("common.cancel")}</button>
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
                <option value="">{t("common.all")}</option>
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
    // The first page of the list is drawn at once; a workspace of hundreds of plans draws the
    // rest on request, so start-up does not grow with the workspace.
    let shown = RwSignal::new(PAGE);
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
        ws.summaries().with(|all| {
            select(all, &q, now)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let archived_count = move || {
        ws.summaries()
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
    let act = move |result: Result<(), crate::state::workspace::StoreError>| match result {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(tf("common.nothing_changed", &[&e]))),
    };
    view! {
        <section class="card" aria-labelledby="plans-h">
            <h2 id="plans-h">{t("portfolio.plans")}</h2>
            <div class="filters">
                <div class="field search">
                    <label for="search">{t("portfolio.search")}</label>
                    <input id="search" type="search" placeholder={t("portfolio.account_name")} prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </div>
                {choice_filter("filter-level", t("portfolio.level"), level)}
                {choice_filter("filter-grade", t("portfolio.grade"), grade)}
                {choice_filter("filter-quadrant", t("portfolio.quadrant"), quadrant)}
                <div class="field check">
                    <label><input type="checkbox" prop:checked=move || overdue_only.get()
                        on:change=move |ev| overdue_only.set(event_target_checked(&ev)) />{t("portfolio.overdue_only")}</label>
                </div>
                <div class="field check">
                    <label><input type="checkbox" prop:checked=move || show_archived.get()
                        on:change=move |ev| show_archived.set(event_target_checked(&ev)) />
                        {move || tf("portfolio.archived_n", &[&archived_count()])}</label>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ExportButtons label={t("portfolio.export_shown")}
                plans=Callback::new(move |_| ws.gather(&rows.get_untracked().iter().map(|s| s.id.clone()).collect::<Vec<_>>()))
                file_label={t("portfolio.file_label")} />
            <PortfolioCsvButton rows />
            <div class="table-wrap">
                <table class="plans" data-testid="plan-list">
                    <thead>
                        <tr>
                            {header(t("portfolio.account"), SortBy::Name)}
                            {header(t("portfolio.level"), SortBy::Level)}
                            {header(t("portfolio.grade"), SortBy::Grade)}
                            {header(t("portfolio.quadrant"), SortBy::Quadrant)}
                            {header(t("portfolio.health"), SortBy::Health)}
                            {header(t("portfolio.next_review"), SortBy::NextReview)}
                            {header(t("common.overdue"), SortBy::Overdue)}
                            {header(t("portfolio.last_edit"), SortBy::Updated)}
                            <th scope="col"><span class="visually-hidden">{t("common.actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|s| (s.id.clone(), s.revision, s.name.clone(), s.archived) let:s>
                            {
                                let id = s.id.clone();
                                let name = s.name.clone();
                                let review_late = review_overdue(&s, now);
                                let overdue = overdue_count(&s, now);
                                let health = s.health(now).pct();
                                let review_class = if review_late { "late" } else { "" };
                                let overdue_class = if overdue > 0 { "late" } else { "" };
                                let (id1, id2, id3, name3) = (id.clone(), id.clone(), id.clone(), name.clone());
                                let archived = s.archived;
                                let menu_open = RwSignal::new(false);
                                let name4 = name.clone();
                                let duplicate = move |_| match ws.duplicate(&id1) {
                                    Ok(new) => router.go(Route::Step { plan: new, step: 1, focus: None }),
                                    Err(e) => error.set(Some(tf("portfolio.copy_failed", &[&e]))),
                                };
                                let archive = move |_| act(ws.set_archived(&id2, !archived));
                                let delete = move |_| {
                                    let ok = window()
                                        .confirm_with_message(&tf("portfolio.confirm_delete", &[&name3]))
                                        .unwrap_or(false);
                                    if ok {
                                        let plan = ws.load_plan(&id3);
                                        match ws.delete_plan(&id3) {
                                            Ok(()) => { undo.set(plan); error.set(None) }
                                            Err(e) => error.set(Some(tf("portfolio.delete_failed", &[&e]))),
                                        }
                                    }
                                };
                                view! {
                                    <tr>
                                        <th scope="row"><a href=step_href(&id, 1, None)>{name.clone()}</a>
                                            {s.example.then(|| view! { <span class="badge">{t("common.example")}</span> })}</th>
                                        <td data-label=t("portfolio.level")>{s.level.label()}</td>
                                        <td data-label=t("portfolio.grade")>{s.grade.map(|g| view! { <span class=format!("grade {}", g.key())>{g.label()}</span> })}</td>
                                        <td data-label=t("portfolio.quadrant")>{s.quadrant.map(|q| q.label()).unwrap_or(t("portfolio.not_screened"))}
                                            <span class="muted small">" " {fmt_score(s.attractiveness)} " / " {fmt_score(s.ability)}</span></td>
                                        <td data-label=t("portfolio.health")><a href=Route::Health { plan: id.clone() }.to_hash() class="health" aria-label=tf("portfolio.health_aria", &[&health])>{health} "%"</a></td>
                                        <td class=review_class data-label=t("portfolio.next_review")>
                                            {s.next_review.map(crate::i18n::date).unwrap_or_else(|| "—".into())}
                                            {review_late.then(|| view! { <span class="badge warn">{t("common.overdue")}</span> })}
                                        </td>
                                        <td class=overdue_class data-label=t("common.overdue")>{overdue}</td>
                                        <td class="small">{s.updated_at.map(|t| crate::i18n::date_time(t.with_timezone(&chrono::Local).naive_local()))}</td>
                                        <td class="row-actions">
                                            // The menu's buttons are drawn when it opens: 100 rows of three
                                            // buttons each were a good part of start-up.
                                            <details class="menu" on:toggle=move |ev| menu_open.set(
                                                js_sys::Reflect::get(&event_target::<wasm_bindgen::JsValue>(&ev), &"open".into()).is_ok_and(|v| v.is_truthy()))>
                                                <summary aria-label=tf("portfolio.actions_for", &[&name])>"⋯"</summary>
                                                {move || menu_open.get().then(|| {
                                                    let name = name4.clone();
                                                    view! {
                                                        <div class="menu-pop">
                                                            <button type="button" on:click=duplicate.clone() aria-label=tf("portfolio.duplicate_aria", &[&name])>{t("portfolio.duplicate")}</button>
                                                            <button type="button" on:click=archive.clone() aria-label=format!("{} {name}", if archived { t("portfolio.restore") } else { t("portfolio.archive") })>
                                                                {if archived { t("portfolio.restore") } else { t("portfolio.archive") }}</button>
                                                            <button type="button" class="danger" on:click=delete.clone() aria-label=tf("portfolio.delete_aria", &[&name])>{t("portfolio.delete")}</button>
                                                        </div>
                                                    }
                                                })}
                                            </details>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            {move || {
                let total = rows.with(Vec::len);
                (total > shown.get()).then(|| view! {
                    <p class="show-more">
                        {tf("portfolio.shown_of", &[&shown.get(), &total])} " "
                        <button type="button" class="secondary" on:click=move |_| shown.set(usize::MAX)>
                            {tf("portfolio.show_all", &[&total])}
                        </button>
                    </p>
                })
            }}
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">{t("portfolio.no_match")}</p>
            </Show>
        </section>
    }
}

/// How many due items show before "Show all".
const DUE_SHOWN: usize = 10;

#[component]
fn DueSoon() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let items = Memo::new(move |_| ws.summaries().with(|all| due_soon(all, today(), 14)));
    let show_all = RwSignal::new(false);
    view! {
        <section class="card due-soon" data-testid="due-soon" aria-labelledby="due-h">
            <h2 id="due-h">{t("portfolio.due_title")}</h2>
            {move || {
                let mut list = items.get();
                if list.is_empty() {
                    return view! { <p class="muted">{t("portfolio.due_none")}</p> }.into_any();
                }
                let total = list.len();
                if !show_all.get() {
                    list.truncate(DUE_SHOWN);
                }
                let more = (total > DUE_SHOWN && !show_all.get()).then(|| view! {
                    <button type="button" class="link" on:click=move |_| show_all.set(true)>{tf("common.show_all", &[&total])}</button>
                });
                view! {
                    <ul class="due-list">
                        {list.into_iter().map(|e| {
                            let href = match e.kind {
                                DueKind::Action(a) => step_href(&e.plan_id, 5, Some(format!("actions-{a}"))),
                                DueKind::Review => step_href(&e.plan_id, 7, Some("reviews".into())),
                            };
                            let what = match e.kind {
                                DueKind::Review => t("portfolio.plan_review").to_string(),
                                DueKind::Action(_) if e.what.trim().is_empty() => t("common.untitled_action").to_string(),
                                DueKind::Action(_) => e.what.clone(),
                            };
                            view! {
                                <li class:overdue=e.overdue>
                                    <span class="due-date">{crate::i18n::day_month(e.date)}</span>
                                    {e.overdue.then(|| view! { <span class="badge warn">{t("common.overdue")}</span> })}
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
        ws.summaries().with(|all| {
            all.iter()
                .filter(|s| counted(s) || (s.example && !s.archived && s.damaged.is_none()))
                .filter_map(|s| {
                    Some((
                        s.id.clone(),
                        s.name.clone(),
                        s.attractiveness?,
                        s.ability?,
                        (s.grade, s.example),
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    // The square sits between two bands that name the quadrants, so no point ever covers a
    // quadrant's name; each point carries a number, and the key beside the chart names it (a
    // touch screen shows no hover tooltip).
    let (x0, y0, w) = (40.0, 40.0, 300.0);
    let x = move |b: f64| x0 + (b - 1.0) / 4.0 * w;
    let y = move |a: f64| y0 + w - (a - 1.0) / 4.0 * w;
    let half = w / 2.0;
    let quad = move |qx: f64, qy: f64, class: &'static str| {
        view! { <rect x=qx y=qy width=half height=half class=format!("q {class}") /> }
    };
    let quad_name = move |qx: f64, ty: f64, name: &'static str, strategy: &'static str| {
        view! {
            <text x=qx + half / 2.0 y=ty class="ql">{name}</text>
            <text x=qx + half / 2.0 y=ty + 14.0 class="qs">{strategy}</text>
        }
    };
    view! {
        <section class="card matrix" aria-labelledby="matrix-h">
            <h2 id="matrix-h">{t("portfolio.matrix")}</h2>
            <div class="matrix-wrap">
            <svg viewBox="0 0 350 404" class="portfolio-matrix" role="group" aria-label={t("portfolio.matrix_aria")} data-testid="matrix">
                {quad(x0, y0, "core-potential")}
                {quad(x0 + half, y0, "core")}
                {quad(x0, y0 + half, "peripheral")}
                {quad(x0 + half, y0 + half, "general")}
                {quad_name(x0, 14.0, t("choice.quadrant.core_potential"), t("choice.strategy.invest"))}
                {quad_name(x0 + half, 14.0, t("choice.quadrant.core"), t("choice.strategy.consolidate"))}
                {quad_name(x0, y0 + w + 16.0, t("choice.quadrant.peripheral"), t("choice.strategy.maintain"))}
                {quad_name(x0 + half, y0 + w + 16.0, t("choice.quadrant.general"), t("choice.strategy.harvest"))}
                <text x=x0 + half y="398" class="axis">{t("portfolio.axis_ability")}</text>
                <text x="14" y=y0 + half class="axis" transform=format!("rotate(-90 14 {})", y0 + half)>{t("portfolio.axis_attr")}</text>
                {move || spread(points.get().into_iter().enumerate().map(|(i, (id, name, a, b, g))| ((x(b), y(a)), (i + 1, id, name, a, b, g))).collect()).into_iter().map(|((px, py), (n, id, name, a, b, (g, example)))| {
                    // The example plan is drawn apart (hollow, dashed): it shows how the matrix
                    // reads, but it is not one of the rep's accounts.
                    let class = format!("pt {}{}", g.map(|g| g.key()).unwrap_or("none"), if example { " example" } else { "" });
                    // The name starts with the number the point shows, as the key beside the chart does.
                    let label = tf("portfolio.point_no", &[&n]) + &tf("portfolio.point_aria", &[&name, &format!("{a:.1}"), &format!("{b:.1}")])
                        + &g.map(|g| tf("portfolio.point_grade", &[&g.label()])).unwrap_or_default()
                        + if example { t("portfolio.point_example") } else { "" };
                    let go = move || router.go(Route::Step { plan: id.clone(), step: 1, focus: None });
                    let go2 = go.clone();
                    view! {
                        <g class="pt-link" role="link" tabindex="0" aria-label=label
                            on:click=move |_| go()
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { go2() }>
                            // A 52-unit tap area: at least 44x44 pixels even on a phone.
                            <circle cx=px cy=py r="26" class="hit" />
                            <circle cx=px cy=py r="10" class=class />
                            <text x=px y=py + 3.5 class="pt-no" aria-hidden="true">{n}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            // The points' names, by number, for eyes; the points themselves are named links.
            <ol class="matrix-key" aria-hidden="true" hidden=move || points.with(Vec::is_empty)>
                {move || points.get().into_iter().enumerate().map(|(i, (_, name, _, _, (g, example)))| view! {
                    <li class:example=example><span class=format!("key-no {}", g.map(|g| g.key()).unwrap_or("none"))>{i + 1}</span><span class="key-name">{name}</span></li>
                }).collect_view()}
            </ol>
            </div>
            <p class="muted small">{t("portfolio.matrix_note")}</p>
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
    let rows = Memo::new(move |_| ws.summaries().with(|all| rollup(all)));
    let example = Memo::new(move |_| ws.summaries().with(|all| example_rollup(all)));
    view! {
        <section class="card" data-testid="rollup" aria-labelledby="rollup-h">
            <h2 id="rollup-h">{t("portfolio.rollup")}</h2>
            <div class="table-wrap">
                <table class="rollup">
                    <thead><tr>
                        <th scope="col">{t("portfolio.level")}</th><th scope="col" class="num">{t("portfolio.accounts")}</th><th scope="col" class="num">{t("portfolio.last_sales")}</th>
                        <th scope="col" class="num">{t("portfolio.target")}</th><th scope="col" class="num">{t("portfolio.exp_profit")}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let total = r.level.is_none();
                            view! {
                                <tr class:total=total>
                                    <th scope="row">{r.level.map(|l| l.label()).unwrap_or(t("common.total"))}</th>
                                    <td class="num">{r.accounts}</td>
                                    <td class="num">{format_number(r.last_year_sales)}</td>
                                    <td class="num">{format_number(r.target)}</td>
                                    <td class="num">{format_number(r.expected_profit)}</td>
                                </tr>
                            }
                        }).collect_view()}
                        {move || example.get().map(|r| view! {
                            <tr class="example-row" data-testid="rollup-example">
                                <th scope="row">{t("portfolio.example_row")}</th>
                                <td class="num">{r.accounts}</td>
                                <td class="num">{format_number(r.last_year_sales)}</td>
                                <td class="num">{format_number(r.target)}</td>
                                <td class="num">{format_number(r.expected_profit)}</td>
                            </tr>
                        })}
                    </tbody>
                </table>
            </div>
            <p class="muted small">{t("portfolio.rollup_note")}</p>
        </section>
    }
}

#[component]
fn Ranking() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let top = Memo::new(move |_| {
        ws.summaries().with(|all| {
            ranking(all)
                .into_iter()
                .take(10)
                .map(|s| (s.id.clone(), s.name.clone(), s.potential.unwrap_or(0.0)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" data-testid="ranking" aria-labelledby="rank-h">
            <h2 id="rank-h">{t("portfolio.ranking")}</h2>
            <p class="muted small">{t("portfolio.ranking_note")}</p>
            {move || {
                let list = top.get();
                if list.is_empty() {
                    return view! { <p class="muted">{t("portfolio.ranking_empty")}</p> }.into_any();
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
        <Show when=move || !ws.damaged().with(Vec::is_empty)>
            <section class="card damaged" data-testid="damaged-list">
                <h2>{t("portfolio.damaged")}</h2>
                <p>{t("portfolio.damaged_note")}</p>
                <ul>
                    {move || ws.damaged().get().into_iter().map(|(id, why)| {
                        let href = Route::Step { plan: id.clone(), step: 1, focus: None }.to_hash();
                        let name = ws.summaries().with(|l| l.iter().find(|s| s.id == id).map(|s| s.name.clone())).unwrap_or_else(|| tf("portfolio.plan_id", &[&id]));
                        let label = tf("export.download_text_of", &[&name]);
                        // The stored text as it is, untouched (read when asked, not at start-up).
                        let get = move |_| {
                            if let Some(raw) = ws.stored_text(&id) {
                                download_raw(&id, &raw);
                            }
                        };
                        view! { <li><a href=href>{name}</a> " — " {why} " "
                            <button type="button" class="small-btn" aria-label=label on:click=get>{t("plan.download_text")}</button></li> }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Said where the portfolio's figures are shown while an example plan is here: they count the
/// rep's own plans only, or, while the rep has none, they are the example's.
#[component]
fn ExampleApart() -> impl IntoView {
    use crate::model::portfolio::{examples, Basis};
    let ws = expect_context::<Workspace>();
    let note = Memo::new(move |_| {
        ws.summaries().with(|l| {
            examples(l).next().map(|_| match Basis::of(l) {
                Basis::Own => t("portfolio.example_apart"),
                Basis::Example => t("portfolio.example_only"),
            })
        })
    });
    move || {
        note.get()
            .map(|n| view! { <p class="notice example-note" data-testid="example-apart">{n}</p> })
    }
}

/// Told once, at the top of the portfolio, when KeyPlan had to rebuild its list of plans at
/// start-up (the list was missing or damaged, or did not know some plans).
#[component]
fn IndexRebuilt() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    view! {
        <Show when=move || ws.index_rebuilt().get()>
            <div class="banner info" role="status" data-testid="index-rebuilt">
                <strong>{t("portfolio.index_rebuilt_title")}</strong> " "
                {move || tp("portfolio.index_rebuilt", ws.summaries().with(Vec::len), &[&ws.summaries().with(Vec::len)])}
                " "
                <button type="button" class="link" on:click=move |_| ws.dismiss_index_rebuilt()>{t("common.dismiss")}</button>
            </div>
        </Show>
    }
}
