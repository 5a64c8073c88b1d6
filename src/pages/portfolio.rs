//! The portfolio: every account plan at a glance, and where a new one starts.

use leptos::prelude::*;

use crate::model::choice::Choice;
use crate::model::summary::PlanSummary;
use crate::route::Route;
use crate::state::router::Router;
use crate::state::workspace::{today, Workspace};

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let creating = RwSignal::new(false);
    let plans = Memo::new(move |_| {
        let mut list: Vec<PlanSummary> = ws
            .summaries
            .get()
            .into_iter()
            .filter(|s| !s.archived && s.damaged.is_none())
            .collect();
        list.sort_by_key(|s| std::cmp::Reverse(s.updated_at));
        list
    });
    let empty = move || plans.with(Vec::is_empty) && ws.damaged.with(Vec::is_empty);
    view! {
        <div class="page portfolio">
            <div class="page-head">
                <h1 id="page-heading" tabindex="-1">"Your key accounts"</h1>
                <Show when=move || !empty()>
                    <div class="actions">
                        <TryExample />
                        <button type="button" class="primary" on:click=move |_| creating.set(true)>"New account plan"</button>
                    </div>
                </Show>
            </div>
            <Show when=move || creating.get()>
                <NewPlanForm creating />
            </Show>
            <Show when=move || empty() && !creating.get()>
                <EmptyState creating />
            </Show>
            <Show when=move || !plans.with(Vec::is_empty)>
                <PlanTable plans />
            </Show>
            <DamagedList />
        </div>
    }
}

#[component]
fn EmptyState(creating: RwSignal<bool>) -> impl IntoView {
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

#[component]
fn PlanTable(plans: Memo<Vec<PlanSummary>>) -> impl IntoView {
    let now = today();
    view! {
        <section class="card">
            <h2 class="visually-hidden">"Account plans"</h2>
            <div class="table-wrap">
                <table class="plans" data-testid="plan-list">
                    <thead>
                        <tr>
                            <th scope="col">"Account"</th>
                            <th scope="col">"Level"</th>
                            <th scope="col">"Grade"</th>
                            <th scope="col">"Quadrant"</th>
                            <th scope="col">"Health"</th>
                            <th scope="col">"Next review"</th>
                            <th scope="col">"Overdue actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || plans.get() key=|s| (s.id.clone(), s.revision, s.name.clone()) let:s>
                            {
                                let href = Route::Step { plan: s.id.clone(), step: 1, focus: None }.to_hash();
                                let review_late = s.next_review.is_some_and(|d| d < now);
                                let review_class = if review_late { "late" } else { "" };
                                let overdue_class = if s.overdue_actions > 0 { "late" } else { "" };
                                view! {
                                    <tr>
                                        <th scope="row"><a href=href>{s.name.clone()}</a>
                                            {s.example.then(|| view! { <span class="badge">"Example"</span> })}</th>
                                        <td>{s.level.label()}</td>
                                        <td>{s.grade.map(|g| view! { <span class=format!("grade {}", g.key())>{g.label()}</span> })}</td>
                                        <td>{s.quadrant.map(|q| q.label()).unwrap_or("Not screened")}
                                            <span class="muted small">" " {fmt_score(s.attractiveness)} " / " {fmt_score(s.ability)}</span></td>
                                        <td><span class="health" style=format!("--h:{}", s.health)>{s.health} "%"</span></td>
                                        <td class=review_class>
                                            {s.next_review.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "—".into())}
                                            {review_late.then(|| view! { <span class="badge warn">"Overdue"</span> })}
                                        </td>
                                        <td class=overdue_class>{s.overdue_actions}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
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
