//! Money figures computed from a plan: customer profit, resource totals and return on the plan.

use super::plan::Plan;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CustomerProfit {
    pub revenue: f64,
    pub gross_profit: f64,
    pub cost_to_serve: f64,
    pub profit: f64,
    pub profit_pct: Option<f64>,
}

/// Customer profit = sales × gross margin − cost to serve. Sales are last year's column of
/// the sales table, or step 1's last-year sales when the table has none.
pub fn customer_profit(p: &Plan) -> Option<CustomerProfit> {
    let c = &p.customer;
    let table: Vec<f64> = c.sales.iter().filter_map(|s| s.last_year).collect();
    let revenue = if table.is_empty() {
        p.portfolio.last_year_sales?
    } else {
        table.iter().sum()
    };
    let margin = c.gross_margin_pct?;
    let gross_profit = revenue * margin / 100.0;
    let cost_to_serve = [
        c.cost_promotion,
        c.cost_sales_staff,
        c.cost_logistics,
        c.cost_other,
    ]
    .iter()
    .flatten()
    .sum::<f64>();
    let profit = gross_profit - cost_to_serve;
    Some(CustomerProfit {
        revenue,
        gross_profit,
        cost_to_serve,
        profit,
        profit_pct: (revenue != 0.0).then(|| profit / revenue * 100.0),
    })
}

/// Step 1's "last year's profit" is the figure the rep enters (from finance, say); step 2
/// computes the profit after cost to serve from last year's sales, margin and costs. When both
/// are there and differ, both steps say so, with the difference, and offer to take the
/// computed one: the two never disagree without a word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProfitCheck {
    pub entered: f64,
    pub computed: f64,
    /// computed − entered.
    pub difference: f64,
}

/// The disagreement between step 1's entered profit and step 2's computed one, if any
/// (a difference under 0.5 is rounding, not a disagreement).
pub fn profit_check(p: &Plan) -> Option<ProfitCheck> {
    let entered = p.portfolio.last_year_profit?;
    let computed = customer_profit(p)?.profit;
    let difference = computed - entered;
    (difference.abs() >= 0.5).then_some(ProfitCheck {
        entered,
        computed,
        difference,
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResourceTotals {
    pub days: f64,
    pub cost: f64,
    /// Expected profit ÷ cost: what each unit spent on the account should return.
    pub return_on_cost: Option<f64>,
    /// Cost as a share of expected revenue, in percent.
    pub cost_of_revenue_pct: Option<f64>,
}

pub fn resource_totals(p: &Plan) -> ResourceTotals {
    let r = &p.resources;
    let days = r.resources.iter().filter_map(|x| x.days).sum();
    let cost: f64 = r.resources.iter().filter_map(|x| x.cost).sum();
    ResourceTotals {
        days,
        cost,
        return_on_cost: r.expected_profit.filter(|_| cost > 0.0).map(|p| p / cost),
        cost_of_revenue_pct: r
            .expected_revenue
            .filter(|v| *v > 0.0)
            .map(|v| cost / v * 100.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{ProductSales, Resource};

    #[test]
    fn customer_profit_is_margin_less_cost_to_serve() {
        let mut p = Plan::default();
        assert_eq!(customer_profit(&p), None);
        p.portfolio.last_year_sales = Some(1000.0);
        p.customer.gross_margin_pct = Some(30.0);
        p.customer.cost_logistics = Some(50.0);
        p.customer.cost_other = Some(25.0);
        let cp = customer_profit(&p).unwrap();
        assert_eq!(
            (cp.gross_profit, cp.cost_to_serve, cp.profit),
            (300.0, 75.0, 225.0)
        );
        assert_eq!(cp.profit_pct, Some(22.5));
        // The sales table, when filled, takes precedence.
        p.customer.sales = vec![
            ProductSales {
                id: 1,
                last_year: Some(400.0),
                ..Default::default()
            },
            ProductSales {
                id: 2,
                last_year: Some(100.0),
                ..Default::default()
            },
        ];
        assert_eq!(customer_profit(&p).unwrap().revenue, 500.0);
    }

    #[test]
    fn entered_and_computed_profit_are_compared() {
        let mut p = Plan::default();
        p.portfolio.last_year_profit = Some(410_000.0);
        assert_eq!(profit_check(&p), None);
        p.portfolio.last_year_sales = Some(2_000_000.0);
        p.customer.gross_margin_pct = Some(30.0);
        p.customer.cost_other = Some(100_000.0);
        let c = profit_check(&p).unwrap();
        assert_eq!(
            (c.entered, c.computed, c.difference),
            (410_000.0, 500_000.0, 90_000.0)
        );
        p.portfolio.last_year_profit = Some(500_000.2);
        assert_eq!(profit_check(&p), None);
        p.portfolio.last_year_profit = None;
        assert_eq!(profit_check(&p), None);
    }

    #[test]
    fn resource_totals_and_return() {
        let mut p = Plan::default();
        p.resources.resources = vec![
            Resource {
                id: 1,
                days: Some(2.0),
                cost: Some(300.0),
                ..Default::default()
            },
            Resource {
                id: 2,
                days: Some(1.5),
                cost: Some(200.0),
                ..Default::default()
            },
        ];
        p.resources.expected_revenue = Some(10_000.0);
        p.resources.expected_profit = Some(2_000.0);
        let t = resource_totals(&p);
        assert_eq!((t.days, t.cost), (3.5, 500.0));
        assert_eq!(t.return_on_cost, Some(4.0));
        assert_eq!(t.cost_of_revenue_pct, Some(5.0));
        p.resources.resources.clear();
        assert_eq!(resource_totals(&p).return_on_cost, None);
    }
}
