//! Panels of computed figures that a step and the print view both show: the customer's profit
//! (step 2), the force field's balance (step 4) and the resources' cost and return (step 6).

use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::model::assessment::force_balance;
use crate::model::figures::resource_totals;
use crate::model::plan::{Force, ForceKind};
use crate::model::text::format_number;
use crate::state::editor::Editor;

#[component]
pub fn CustomerProfit() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let profit = Memo::new(move |_| {
        editor.read("customer", |p| {
            p.as_ref().map(crate::model::figures::customer_profit)
        })
    });
    view! {
        <section class="card result" data-testid="customer-profit" aria-live="polite">
            <h2>{t("step2.customer_profit")}</h2>
            {move || match profit.get().flatten() {
                Some(cp) => view! {
                    <dl class="figures">
                        <div><dt>{t("step2.sales")}</dt><dd>{format_number(cp.revenue)}</dd></div>
                        <div><dt>{t("step2.gross_profit")}</dt><dd>{format_number(cp.gross_profit)}</dd></div>
                        <div><dt>{t("step2.cost_to_serve")}</dt><dd>{format_number(cp.cost_to_serve)}</dd></div>
                        <div><dt>{t("step2.customer_profit")}</dt><dd data-testid="profit-amount">{format_number(cp.profit)}</dd></div>
                        <div><dt>{t("step2.pct_sales")}</dt><dd data-testid="profit-pct">{cp.profit_pct.map(|v| format!("{v:.1}%")).unwrap_or_else(|| "—".into())}</dd></div>
                    </dl>
                    <p class="muted small">{t("step2.profit_note")}</p>
                }.into_any(),
                None => view! { <p class="muted">{t("step2.profit_empty")}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn ForceBars() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let forces = editor.derive("blueprint.forces", |p| p.blueprint.forces.clone());
    view! {
        <section class="card result" aria-live="polite" data-testid="force-balance">
            <h2>{t("step4.balance")}</h2>
            {move || {
                let fs = forces.get();
                let b = force_balance(&fs);
                let Some(chance) = b.chance else {
                    return view! { <p class="muted">{t("step4.balance_empty")}</p> }.into_any();
                };
                let weighted: Vec<&Force> = fs.iter().filter(|f| f.weight.is_some()).collect();
                // One row per force: its name above its bar, driving on the left of the axis and
                // restraining on the right; HTML text, so names wrap and never cover a bar.
                let rows = weighted.iter().map(|f| {
                    let share = format!("{}%", f.weight.unwrap_or(0).min(5) * 20);
                    let (side, class) = match f.kind {
                        ForceKind::Driving => ("ff-row driving", "bar driving"),
                        ForceKind::Restraining => ("ff-row restraining", "bar restraining"),
                    };
                    view! {
                        <div class=side>
                            <span class="ff-label">{f.text.clone()}</span>
                            <span class="ff-track"><span class=class style:width=share></span></span>
                        </div>
                    }
                }).collect_view();
                view! {
                    <p><strong data-testid="chance">{tf("step4.chance", &[&format!("{chance:.0}")])}</strong>
                        {tf("step4.driving_vs", &[&b.driving, &b.restraining])}</p>
                    <div class="ff" role="img" aria-label=tf("step4.forces_aria", &[&b.driving, &b.restraining])>
                        {rows}
                    </div>
                    <p class="muted small">{t("step4.balance_note")}</p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn Totals() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let totals = Memo::new(move |_| editor.read("resources", |p| p.as_ref().map(resource_totals)));
    view! {
        <section class="card result" aria-live="polite" data-testid="resource-totals">
            <h2>{t("step6.cost_return")}</h2>
            {move || totals.get().map(|tot| view! {
                <dl class="figures">
                    <div><dt>{t("step6.time")}</dt><dd>{format_number(tot.days)} {t("step6.days_suffix")}</dd></div>
                    <div><dt>{t("step6.cost")}</dt><dd data-testid="total-cost">{format_number(tot.cost)}</dd></div>
                    <div><dt>{t("step6.return")}</dt><dd data-testid="return">{tot.return_on_cost.map(|r| format!("{r:.1} ×")).unwrap_or_else(|| "—".into())}</dd></div>
                    <div><dt>{t("step6.cost_pct")}</dt><dd>{tot.cost_of_revenue_pct.map(|r| format!("{r:.1}%")).unwrap_or_else(|| "—".into())}</dd></div>
                </dl>
                <p class="muted small">{t("step6.return_note")}</p>
            })}
        </section>
    }
}
