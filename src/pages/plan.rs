//! A plan: step navigation, the current step, and what to do when the plan cannot be opened.

use leptos::prelude::*;

use crate::i18n::{t, tf};
use wasm_bindgen::JsCast;

use crate::components::sharing::ExportButtons;
use crate::route::{Route, STEPS};
use crate::state::editor::{Editor, OpenProblem};
use crate::state::files::{download_actions_csv, download_calendar, download_plan, download_raw};
use crate::state::router::Router;
use crate::state::workspace::{Gathered, LeftOut, Workspace};
use crate::steps::{step_name, step_view};

/// The `step` value that stands for the print view.
const PRINT: u8 = u8::MAX;

#[component]
pub fn PlanPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    // Review mode belongs to a plan's pages (its code stays out of the start-up wasm).
    provide_context(crate::state::comments::ReviewMode::new(editor));
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    let plan_id = Memo::new(move |_| {
        router
            .route
            .with(|r| r.plan_id().unwrap_or_default().to_string())
    });
    let step = Memo::new(move |_| match router.route.get() {
        Route::Step { step, .. } => step,
        Route::Print { .. } => PRINT,
        _ => 0,
    });
    let focus = Memo::new(move |_| match router.route.get() {
        Route::Step { focus, .. } => focus,
        _ => None,
    });
    // Move focus to the step's heading (or the field asked for) when the step changes.
    Effect::new(move |prev: Option<(u8, Option<String>)>| {
        let now = (step.get(), focus.get());
        if prev.as_ref() != Some(&now) && editor.plan.with_untracked(Option::is_some) {
            let target = now.1.clone();
            request_animation_frame(move || focus_target(target.as_deref()));
        }
        now
    });
    let account = move || {
        editor
            .read("header", |p| {
                p.as_ref()
                    .map(|p| crate::i18n::describe::plan_name(p).to_string())
            })
            .unwrap_or_default()
    };

    let nav = move || {
        let id = plan_id.get();
        let current = step.get();
        (1..=STEPS)
            .map(|n| {
                let href = Route::Step {
                    plan: id.clone(),
                    step: n,
                    focus: None,
                }
                .to_hash();
                view! {
                    <li>
                        <a href=href aria-current=move || (n == current).then_some("step")>
                            <span class="step-no">{n}</span>
                            <span class="step-name">{step_name(n)}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let check_href = move || {
        Route::Health {
            plan: plan_id.get(),
        }
        .to_hash()
    };

    // Review mode (issue 15) is offered on the steps and the check, never on the print.
    let not_print = Memo::new(move |_| step.get() != PRINT && has_plan_now(editor));
    // Whether a plan is open, as a memo: the step must not be rebuilt on every edit.
    let has_plan = Memo::new(move |_| editor.plan.with(Option::is_some));
    let body = move || {
        if let Some(problem) = editor.problem.get() {
            return problem_view(problem, plan_id.get_untracked()).into_any();
        }
        if !has_plan.get() {
            return view! { <p class="loading">{t("plan.opening")}</p> }.into_any();
        }
        let n = step.get();
        if n == 0 {
            return crate::steps::health::HealthPage().into_any();
        }
        if n == PRINT {
            return crate::steps::print::PrintPage().into_any();
        }
        let prev = (n > 1).then(|| {
            Route::Step {
                plan: plan_id.get_untracked(),
                step: n - 1,
                focus: None,
            }
            .to_hash()
        });
        let next = (n < STEPS).then(|| {
            Route::Step {
                plan: plan_id.get_untracked(),
                step: n + 1,
                focus: None,
            }
            .to_hash()
        });
        view! {
            <article class="step" aria-labelledby="step-heading">
                <p class="eyebrow">{account} " · " {tf("plan.step_of", &[&n, &STEPS])}</p>
                <h1 id="step-heading" tabindex="-1">{step_name(n)}</h1>
                {crate::components::comments::step_pins(n)}
                {step_view(n)}
                <nav class="step-pager" aria-label={t("plan.step_pages")}>
                    {prev.map(|h| view! { <a class="button secondary" href=h rel="prev">{t("plan.prev")}</a> })}
                    <span class="grow"></span>
                    {match next {
                        Some(h) => view! { <a class="button primary" href=h rel="next">{t("plan.next")}</a> }.into_any(),
                        None => view! { <a class="button primary" href=check_href()>{t("plan.check_next")}</a> }.into_any(),
                    }}
                </nav>
            </article>
        }
        .into_any()
    };

    // Print, files and export: beside the steps on a wide screen; on a phone or a portrait
    // tablet after the step, so the step starts near the top of the screen.
    let narrow = crate::components::media::narrow();
    let tools = move || {
        view! {
            <div class="plan-tools">
                <PlanFiles />
                <ExportButtons label={t("plan.download")}
                    plans=Callback::new(move |_| this_plan(editor, ws))
                    file_label=Signal::derive(account) />
            </div>
        }
    };
    view! {
        <div class="plan-layout">
            <aside class="step-nav-wrap">
                <p class="plan-name" title=account>{account}</p>
                <nav class="step-nav" aria-label={t("plan.plan_steps")}>
                    <ol>{nav}</ol>
                </nav>
                <a class="check-link" href=check_href aria-current=move || (step.get() == 0).then_some("page")>{t("plan.check")}</a>
                {move || (!narrow.get()).then(tools)}
                <PlanNotices />
            </aside>
            <div class="plan-body">{move || not_print.get().then(|| view! { <crate::components::comments::ReviewBar /> })}{body}{move || narrow.get().then(tools)}</div>
        </div>
    }
}

fn has_plan_now(editor: Editor) -> bool {
    editor.plan.with(Option::is_some) && editor.problem.with(Option::is_none)
}

/// The open plan, for "Download this plan": a plan from a newer KeyPlan is left out (this
/// KeyPlan would write it in its older format), with its stored text offered instead.
fn this_plan(editor: Editor, ws: Workspace) -> Gathered {
    let Some(plan) = editor.plan.get_untracked() else {
        return Gathered::default();
    };
    match editor.read_only.get_untracked() {
        None => Gathered {
            plans: vec![plan],
            left_out: Vec::new(),
        },
        Some(why) => Gathered {
            plans: Vec::new(),
            left_out: vec![LeftOut {
                name: crate::i18n::describe::plan_name(&plan).to_string(),
                raw: ws.stored_text(&plan.id),
                id: plan.id,
                reason: why,
            }],
        },
    }
}

fn focus_target(field: Option<&str>) {
    if let Some(f) = field {
        if crate::components::focus_anchor(f) {
            return;
        }
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(h) = document().get_element_by_id("step-heading") {
        let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// The plan's other outputs: print, actions as CSV, dates as a calendar file.
#[component]
fn PlanFiles() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let router = expect_context::<Router>();
    // Private notes never go into a CSV or calendar file (`state::files`).
    let file = move |save: fn(&crate::model::plan::Plan) -> bool| {
        if let Some(p) = editor.plan.get_untracked() {
            save(&p);
        }
    };
    let print_href = move || {
        router.route.with(|r| {
            r.plan_id()
                .map(|id| {
                    Route::Print {
                        plan: id.to_string(),
                    }
                    .to_hash()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="plan-files">
            <a class="button secondary" href=print_href>{t("plan.print")}</a>
            <button type="button" class="secondary" on:click=move |_| file(download_actions_csv)>{t("plan.csv")}</button>
            <button type="button" class="secondary" on:click=move |_| file(download_calendar)>{t("plan.ics")}</button>
        </div>
    }
}

/// Notices about the open plan: read-only, upgraded, changed in another tab.
#[component]
fn PlanNotices() -> impl IntoView {
    let editor = expect_context::<Editor>();
    view! {
        {move || editor.read_only.get().map(|why| view! {
            <div class="notice warn" role="status" data-testid="read-only">
                <strong>{t("plan.read_only")}</strong>{why}{t("plan.read_only_tail")}
            </div>
        })}
        {move || editor.notice.get().map(|msg| view! {
            <div class="notice" role="status" data-testid="plan-notice">
                {msg}
                {move || editor.conflict_copy.get().map(|p| {
                    let p2 = p.clone();
                    view! {
                        <button type="button" class="secondary" on:click=move |_| { download_plan(&p2, " (my tab)"); }>
                            {t("plan.download_mine")}
                        </button>
                    }
                })}
                <button type="button" class="link" on:click=move |_| { editor.notice.set(None); editor.conflict_copy.set(None); }>{t("common.dismiss")}</button>
            </div>
        })}
    }
}

fn problem_view(problem: OpenProblem, id: String) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    match problem {
        OpenProblem::NotFound => view! {
            <section class="card problem" role="alert">
                <h1 id="step-heading" tabindex="-1">{t("plan.not_found")}</h1>
                <p>{t("plan.not_found_note")}</p>
                <a class="button primary" href="#/">{t("common.back_portfolio")}</a>
            </section>
        }
        .into_any(),
        OpenProblem::Damaged { raw, error } => {
            let raw2 = raw.clone();
            let id1 = id.clone();
            let id2 = id.clone();
            let delete = move |_| {
                let ok = window()
                    .confirm_with_message(t("plan.confirm_delete_damaged"))
                    .unwrap_or(false);
                if ok && ws.delete_plan(&id2).is_ok() {
                    router.replace(Route::Portfolio);
                }
            };
            view! {
                <section class="card problem" role="alert" data-testid="damaged-plan">
                    <h1 id="step-heading" tabindex="-1">{t("plan.damaged")}</h1>
                    <p>{error.to_string()}</p>
                    <p>{t("plan.damaged_note")}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| { download_raw(&id1, &raw2); }>{t("plan.download_text")}</button>
                        <button type="button" class="danger" on:click=delete>{t("plan.delete_it")}</button>
                        <a href="#/">{t("common.back_portfolio")}</a>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}
