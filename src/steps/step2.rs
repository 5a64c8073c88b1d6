//! Step 2: the customer file and the performance file.

use leptos::prelude::*;

use crate::steps::step1::ProfitCheckNote;

use crate::i18n::{t, tf};

use crate::bind;
use crate::col;
use crate::components::field::{section, FieldSpec, Kind};
use crate::components::table::{table, TableSpec};
use crate::model::plan::{ProductSales, WalletShare};
use crate::model::text::format_number;
use crate::state::editor::Editor;

pub fn view() -> AnyView {
    let facts = vec![
        FieldSpec::new(
            "customer-main_business",
            t("step2.main_business"),
            Kind::Text,
            bind!(customer.main_business),
        )
        .hint(t("step2.main_business_hint")),
        FieldSpec::new(
            "customer-size",
            t("step2.size"),
            Kind::Text,
            bind!(customer.size),
        )
        .hint(t("step2.size_hint")),
        FieldSpec::new(
            "customer-website",
            t("step2.website"),
            Kind::Text,
            bind!(customer.website),
        )
        .more(),
        FieldSpec::new(
            "customer-address",
            t("step2.address"),
            Kind::Text,
            bind!(customer.address),
        )
        .more(),
        FieldSpec::new(
            "customer-strategy",
            t("step2.strategy"),
            Kind::LongText,
            bind!(customer.strategy),
        )
        .hint(t("step2.strategy_hint")),
        FieldSpec::new(
            "customer-pain_points",
            t("step2.pain"),
            Kind::LongText,
            bind!(customer.pain_points),
        )
        .hint(t("step2.pain_hint")),
        FieldSpec::new(
            "customer-kpis",
            t("step2.kpis"),
            Kind::LongText,
            bind!(customer.kpis),
        )
        .hint(t("step2.kpis_hint")),
        FieldSpec::new(
            "customer-culture",
            t("step2.culture"),
            Kind::LongText,
            bind!(customer.culture),
        )
        .hint(t("step2.culture_hint"))
        .more(),
        FieldSpec::new(
            "customer-industry_situation",
            t("step2.industry"),
            Kind::LongText,
            bind!(customer.industry_situation),
        )
        .more(),
        FieldSpec::new(
            "customer-regulatory_pressures",
            t("step2.regulatory"),
            Kind::LongText,
            bind!(customer.regulatory_pressures),
        )
        .hint(t("step2.regulatory_hint"))
        .more(),
        FieldSpec::new(
            "customer-financial_trend",
            t("step2.trend"),
            Kind::LongText,
            bind!(customer.financial_trend),
        )
        .hint(t("step2.trend_hint"))
        .more(),
    ];
    let needs = vec![
        FieldSpec::new(
            "customer-needs_application",
            t("step2.need_app"),
            Kind::LongText,
            bind!(customer.needs_application),
        )
        .hint(t("step2.need_app_hint")),
        FieldSpec::new(
            "customer-needs_relationship",
            t("step2.need_rel"),
            Kind::LongText,
            bind!(customer.needs_relationship),
        )
        .hint(t("step2.need_rel_hint")),
        FieldSpec::new(
            "customer-needs_personal",
            t("step2.need_personal"),
            Kind::LongText,
            bind!(customer.needs_personal),
        )
        .hint(t("step2.need_personal_hint")),
        FieldSpec::new(
            "customer-technology",
            t("step2.tech"),
            Kind::LongText,
            bind!(customer.technology),
        )
        .hint(t("step2.tech_hint"))
        .more(),
    ];
    let cost = vec![
        FieldSpec::new(
            "customer-gross_margin_pct",
            t("step2.margin"),
            Kind::Percent,
            bind!(customer.gross_margin_pct),
        ),
        FieldSpec::new(
            "customer-cost_promotion",
            t("step2.cost_promo"),
            Kind::Money,
            bind!(customer.cost_promotion),
        ),
        FieldSpec::new(
            "customer-cost_sales_staff",
            t("step2.cost_staff"),
            Kind::Money,
            bind!(customer.cost_sales_staff),
        ),
        FieldSpec::new(
            "customer-cost_logistics",
            t("step2.cost_logistics"),
            Kind::Money,
            bind!(customer.cost_logistics),
        ),
        FieldSpec::new(
            "customer-cost_other",
            t("step2.cost_other"),
            Kind::Money,
            bind!(customer.cost_other),
        ),
    ];
    let service = vec![
        FieldSpec::new(
            "customer-on_time_pct",
            t("step2.on_time"),
            Kind::Percent,
            bind!(customer.on_time_pct),
        ),
        FieldSpec::new(
            "customer-stock_outs",
            t("step2.stock_outs"),
            Kind::Number(t("step2.times")),
            bind!(customer.stock_outs),
        ),
        FieldSpec::new(
            "customer-invoice_accuracy_pct",
            t("step2.invoice"),
            Kind::Percent,
            bind!(customer.invoice_accuracy_pct),
        ),
    ];
    let sales = TableSpec::<ProductSales> {
        id: "sales",
        title: t("step2.sales_title"),
        intro: t("step2.sales_intro"),
        noun: t("step2.product_noun"),
        rows: |p| &p.customer.sales,
        rows_mut: |p| &mut p.customer.sales,
        columns: vec![
            col!(ProductSales, product, t("step2.product"), Kind::Text),
            col!(ProductSales, year_before, t("step2.two_years"), Kind::Money),
            col!(ProductSales, last_year, t("step2.last_year"), Kind::Money),
            col!(ProductSales, this_year, t("step2.this_year"), Kind::Money),
        ],
        caption: |r| r.product.clone(),
        badge: None,
    };
    let wallet = TableSpec::<WalletShare> {
        id: "wallet",
        title: t("step2.wallet_title"),
        intro: t("step2.wallet_intro"),
        noun: t("step2.supplier_noun"),
        rows: |p| &p.customer.wallet,
        rows_mut: |p| &mut p.customer.wallet,
        columns: vec![
            col!(
                WalletShare,
                supplier,
                t("step2.supplier"),
                Kind::Text,
                t("step2.supplier_hint")
            ),
            col!(WalletShare, share_pct, t("step2.share"), Kind::Percent),
            col!(WalletShare, note, t("common.note"), Kind::Text),
        ],
        caption: |r| r.supplier.clone(),
        badge: Some(|p, _| {
            let total: f64 = p.customer.wallet.iter().filter_map(|w| w.share_pct).sum();
            (total > 100.5).then(|| tf("step2.shares_sum", &[&format_number(total)]))
        }),
    };
    view! {
        {section("customer-file", t("step2.customer_file"), "", facts)}
        {section("needs", t("step2.needs"), "", needs)}
        {table(sales)}
        {section("cost-to-serve", t("step2.cost_title"), "", cost)}
        <CustomerProfit />
        <ProfitCheckNote step=2 />
        {table(wallet)}
        {section("service", t("step2.service"), "", service)}
        {crate::components::penetration::penetration()}
    }
    .into_any()
}

#[component]
pub fn CustomerProfit() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let profit = Memo::new(move |_| {
        editor
            .plan
            .with(|p| p.as_ref().map(crate::model::figures::customer_profit))
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
