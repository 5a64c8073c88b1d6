//! Step 2: the customer file and the performance file.

use leptos::prelude::*;

use crate::i18n::t;

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
