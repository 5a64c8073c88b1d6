//! The portfolio's figures: what is due soon, the screening matrix of every account, the
//! roll-up by level and the ranking by potential.

use super::*;

/// How many due items show before "Show all".
const DUE_SHOWN: usize = 10;

#[component]
pub(super) fn DueSoon() -> impl IntoView {
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
pub(super) fn Matrix() -> impl IntoView {
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
pub(super) fn RollupTable() -> impl IntoView {
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
pub(super) fn Ranking() -> impl IntoView {
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
