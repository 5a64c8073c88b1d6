//! Step 2: the customer file and the performance file.

use leptos::prelude::*;

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
            "Main business",
            Kind::Text,
            bind!(customer.main_business),
        )
        .hint("What are the customer's products and services? Who are their main customers?"),
        FieldSpec::new("customer-size", "Size", Kind::Text, bind!(customer.size))
            .hint("Revenue, staff, sites."),
        FieldSpec::new(
            "customer-website",
            "Website",
            Kind::Text,
            bind!(customer.website),
        )
        .more(),
        FieldSpec::new(
            "customer-address",
            "Address",
            Kind::Text,
            bind!(customer.address),
        )
        .more(),
        FieldSpec::new(
            "customer-strategy",
            "Their strategy and development plans",
            Kind::LongText,
            bind!(customer.strategy),
        )
        .hint("Where is the customer going? What are the motivations that drive their business?"),
        FieldSpec::new(
            "customer-pain_points",
            "Management pain points",
            Kind::LongText,
            bind!(customer.pain_points),
        )
        .hint("What are the client's key issues? What keeps their managers awake?"),
        FieldSpec::new(
            "customer-kpis",
            "Their key performance indicators",
            Kind::LongText,
            bind!(customer.kpis),
        )
        .hint("How are they measured? How does the customer define value?"),
        FieldSpec::new(
            "customer-culture",
            "Corporate culture",
            Kind::LongText,
            bind!(customer.culture),
        )
        .hint("What are their values? How do they generally view suppliers?")
        .more(),
        FieldSpec::new(
            "customer-industry_situation",
            "Industry situation",
            Kind::LongText,
            bind!(customer.industry_situation),
        )
        .more(),
        FieldSpec::new(
            "customer-regulatory_pressures",
            "Regulatory pressures",
            Kind::LongText,
            bind!(customer.regulatory_pressures),
        )
        .hint("Which government rules and requirements must they meet?")
        .more(),
        FieldSpec::new(
            "customer-financial_trend",
            "Revenue and profit trend",
            Kind::LongText,
            bind!(customer.financial_trend),
        )
        .hint(
            "What are their revenue and profit trends? How do they compare with similar companies?",
        )
        .more(),
    ];
    let needs = vec![
        FieldSpec::new(
            "customer-needs_application",
            "Application and service needs",
            Kind::LongText,
            bind!(customer.needs_application),
        )
        .hint("What must our products and services do for them?"),
        FieldSpec::new(
            "customer-needs_relationship",
            "Relationship and cooperation needs",
            Kind::LongText,
            bind!(customer.needs_relationship),
        )
        .hint("Special treatment, partnership, how they like to work with suppliers."),
        FieldSpec::new(
            "customer-needs_personal",
            "Personal and psychological needs",
            Kind::LongText,
            bind!(customer.needs_personal),
        )
        .hint("What do the people involved want for themselves: recognition, safety, less work?"),
        FieldSpec::new(
            "customer-technology",
            "Technology environment",
            Kind::LongText,
            bind!(customer.technology),
        )
        .hint("Platforms, systems and interfaces, quality and safety certifications.")
        .more(),
    ];
    let cost = vec![
        FieldSpec::new(
            "customer-gross_margin_pct",
            "Gross margin on their purchases",
            Kind::Percent,
            bind!(customer.gross_margin_pct),
        ),
        FieldSpec::new(
            "customer-cost_promotion",
            "Cost to serve: promotion",
            Kind::Money,
            bind!(customer.cost_promotion),
        ),
        FieldSpec::new(
            "customer-cost_sales_staff",
            "Cost to serve: sales staff",
            Kind::Money,
            bind!(customer.cost_sales_staff),
        ),
        FieldSpec::new(
            "customer-cost_logistics",
            "Cost to serve: warehouse and delivery",
            Kind::Money,
            bind!(customer.cost_logistics),
        ),
        FieldSpec::new(
            "customer-cost_other",
            "Cost to serve: other",
            Kind::Money,
            bind!(customer.cost_other),
        ),
    ];
    let service = vec![
        FieldSpec::new(
            "customer-on_time_pct",
            "Orders delivered on time",
            Kind::Percent,
            bind!(customer.on_time_pct),
        ),
        FieldSpec::new(
            "customer-stock_outs",
            "Stock-outs last year",
            Kind::Number("times"),
            bind!(customer.stock_outs),
        ),
        FieldSpec::new(
            "customer-invoice_accuracy_pct",
            "Invoice accuracy",
            Kind::Percent,
            bind!(customer.invoice_accuracy_pct),
        ),
    ];
    let sales = TableSpec::<ProductSales> {
        id: "sales",
        title: "Sales by product",
        intro: "What they bought from us, product by product, over the last years.",
        noun: "product",
        rows: |p| &p.customer.sales,
        rows_mut: |p| &mut p.customer.sales,
        columns: vec![
            col!(ProductSales, product, "Product", Kind::Text),
            col!(ProductSales, year_before, "Two years ago", Kind::Money),
            col!(ProductSales, last_year, "Last year", Kind::Money),
            col!(ProductSales, this_year, "This year", Kind::Money),
        ],
        caption: |r| r.product.clone(),
        badge: None,
    };
    let wallet = TableSpec::<WalletShare> {
        id: "wallet",
        title: "Share of wallet",
        intro: "Of what they spend in our categories, how much goes to us and to each competitor?",
        noun: "supplier",
        rows: |p| &p.customer.wallet,
        rows_mut: |p| &mut p.customer.wallet,
        columns: vec![
            col!(
                WalletShare,
                supplier,
                "Supplier",
                Kind::Text,
                "Us, or a competitor by name"
            ),
            col!(WalletShare, share_pct, "Share", Kind::Percent),
            col!(WalletShare, note, "Note", Kind::Text),
        ],
        caption: |r| r.supplier.clone(),
        badge: Some(|p, _| {
            let total: f64 = p.customer.wallet.iter().filter_map(|w| w.share_pct).sum();
            (total > 100.5).then(|| format!("Shares add up to {}%", format_number(total)))
        }),
    };
    view! {
        {section("customer-file", "The customer file", "", facts)}
        {section("needs", "Their needs in three dimensions", "", needs)}
        {table(sales)}
        {section("cost-to-serve", "Margin and cost to serve", "", cost)}
        <CustomerProfit />
        {table(wallet)}
        {section("service", "Our service performance", "", service)}
        {crate::components::penetration::penetration()}
    }
    .into_any()
}

#[component]
fn CustomerProfit() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let profit = Memo::new(move |_| {
        editor
            .plan
            .with(|p| p.as_ref().map(crate::model::figures::customer_profit))
    });
    view! {
        <section class="card result" data-testid="customer-profit" aria-live="polite">
            <h2>"Customer profit"</h2>
            {move || match profit.get().flatten() {
                Some(cp) => view! {
                    <dl class="figures">
                        <div><dt>"Sales"</dt><dd>{format_number(cp.revenue)}</dd></div>
                        <div><dt>"Gross profit"</dt><dd>{format_number(cp.gross_profit)}</dd></div>
                        <div><dt>"Cost to serve"</dt><dd>{format_number(cp.cost_to_serve)}</dd></div>
                        <div><dt>"Customer profit"</dt><dd data-testid="profit-amount">{format_number(cp.profit)}</dd></div>
                        <div><dt>"As % of sales"</dt><dd data-testid="profit-pct">{cp.profit_pct.map(|v| format!("{v:.1}%")).unwrap_or_else(|| "—".into())}</dd></div>
                    </dl>
                    <p class="muted small">"Sales are last year's column of the sales table (or last year's sales from step 1); gross profit is sales × gross margin; customer profit is gross profit − cost to serve."</p>
                }.into_any(),
                None => view! { <p class="muted">"Enter last year's sales and the gross margin to see what this customer really earns you."</p> }.into_any(),
            }}
        </section>
    }
}
