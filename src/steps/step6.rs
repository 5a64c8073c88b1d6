//! Step 6: resources against what the plan should earn, the account team, the scorecard.

use leptos::prelude::*;

use crate::i18n::t;

use crate::model::figures::resource_totals;
use crate::model::text::format_number;
use crate::state::editor::Editor;

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
