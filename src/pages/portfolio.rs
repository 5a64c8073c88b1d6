//! The portfolio: every account plan at a glance, and where a new one starts.

mod figures;
mod list;

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};

use crate::components::crm_import::{CrmImport, CrmImportButton};
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
use figures::{DueSoon, Matrix, Ranking, RollupTable};
use list::PlanList;

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
            <Show when=move || importing.get()>{import_panel(importing)}</Show>
            <Show when=move || crm.get()>{crm_import(crm)}</Show>
            <Show when=move || empty() && !creating.get() && !importing.get() && !crm.get()>
                <EmptyState creating crm />
            </Show>
            <Show when=move || !empty()>{with_plans(undo)}</Show>
        </div>
    }
}

lazy_view! {
    /// The plans: not needed by a first visit, fetched with the code that reads plans.
    fn with_plans(undo: RwSignal<Option<Plan>>) in plans {
        view! {
            <ExampleApart />
            {overview()}
            <PlanList undo />
            {rollup_and_ranking()}
            <DamagedList />
        }
    }
}

/// Fetches the list's code (release build), so a workspace with plans shows them at once; false
/// when it could not be fetched.
pub async fn preload_list() -> bool {
    #[cfg(keyplan_split)]
    return with_plans::load().await.is_ok();
    #[cfg(not(keyplan_split))]
    true
}

lazy_view! {
    fn import_panel(open: RwSignal<bool>) in import { view! { <ImportPanel open /> } }
}
lazy_view! {
    fn crm_import(open: RwSignal<bool>) in crm { view! { <CrmImport open /> } }
}
lazy_view! {
    /// What is due and the screening matrix: not shown until there are plans.
    fn overview() in figures {
        view! {
            <div class="overview">
                <DueSoon />
                <Matrix />
            </div>
        }
    }
}
lazy_view! {
    fn rollup_and_ranking() in figures {
        view! {
            <div class="overview">
                <RollupTable />
                <Ranking />
            </div>
        }
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
/// A plan just made opens at its first step.
fn first_step(plan: String) -> Route {
    Route::Step {
        plan,
        step: 1,
        focus: None,
    }
}

#[component]
fn TryExample() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    let error = RwSignal::new(None::<String>);
    let add = move |_| {
        leptos::task::spawn_local(async move {
            match ws.add_example().await {
                Ok(id) => router.go(first_step(id)),
                Err(Some(e)) => error.set(Some(tf("portfolio.example_failed", &[&e]))),
                Err(None) => error.set(Some(t("app.load_part_failed").to_string())),
            }
        })
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
    // Saving the plan needs the code that writes plans: fetched while the rep types the name.
    crate::state::workspace::prepare_plan_code();
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
        crate::state::workspace::with_plan_code(move |here| {
            match here.then(|| ws.create_plan(&n)) {
                Some(Ok(id)) => router.go(first_step(id)),
                Some(Err(e)) => error.set(Some(tf("portfolio.create_failed", &[&e]))),
                None => error.set(Some(t("store.code_not_loaded").to_string())),
            }
        });
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
