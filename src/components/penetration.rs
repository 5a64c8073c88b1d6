//! The product-penetration grid: which of our products each customer unit buys (whitespace).

use leptos::prelude::*;

use crate::i18n::{t, tf};

use super::field::{field, Binding, FieldSpec, Kind};
use crate::i18n::describe::Label;
use crate::model::choice::Choice;
use crate::model::plan::{Penetration, Uptake};
use crate::state::editor::Editor;

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Keeps `cells` the shape of units × products after either list changes.
fn reshape(p: &mut Penetration) {
    p.cells.resize(p.units.len(), Vec::new());
    for row in &mut p.cells {
        row.resize(p.products.len(), Uptake::Unknown);
    }
}

pub fn penetration() -> AnyView {
    let editor = expect_context::<Editor>();
    let products = FieldSpec::new(
        "penetration-products",
        t("penetration.products"),
        Kind::LongText,
        Binding::new(
            |p| p.customer.penetration.products.join("\n"),
            |p, s| {
                p.customer.penetration.products = lines(s);
                reshape(&mut p.customer.penetration);
                Ok(())
            },
        ),
    );
    let units = FieldSpec::new(
        "penetration-units",
        t("penetration.units"),
        Kind::LongText,
        Binding::new(
            |p| p.customer.penetration.units.join("\n"),
            |p, s| {
                p.customer.penetration.units = lines(s);
                reshape(&mut p.customer.penetration);
                Ok(())
            },
        ),
    )
    .hint(t("penetration.units_hint"));
    let shape = Memo::new(move |_| {
        editor.read("customer.penetration", |p| {
            p.as_ref()
                .map(|p| {
                    (
                        p.customer.penetration.products.clone(),
                        p.customer.penetration.units.clone(),
                    )
                })
                .unwrap_or_default()
        })
    });
    let read_only = move || editor.read_only.with(Option::is_some);
    let grid = move || {
        let (products, units) = shape.get();
        if products.is_empty() || units.is_empty() {
            return view! { <p class="muted">{t("penetration.empty")}</p> }.into_any();
        }
        let head = products
            .iter()
            .map(|p| view! { <th scope="col">{p.clone()}</th> })
            .collect_view();
        let body = units
            .iter()
            .enumerate()
            .map(|(u, unit)| {
                let cells = (0..products.len())
                    .map(|pr| {
                        let value = move || {
                            editor.read("customer.penetration", |p| {
                                p.as_ref()
                                    .and_then(|p| p.customer.penetration.cells.get(u).and_then(|r| r.get(pr)).copied())
                                    .unwrap_or_default()
                            })
                        };
                        let label = tf("penetration.cell_aria", &[&unit, &products[pr]]);
                        let set = move |ev: leptos::ev::Event| {
                            if let Some(v) = Uptake::from_key(&event_target_value(&ev)) {
                                editor.edit(|p| {
                                    reshape(&mut p.customer.penetration);
                                    if let Some(c) = p.customer.penetration.cells.get_mut(u).and_then(|r| r.get_mut(pr)) {
                                        *c = v;
                                    }
                                });
                            }
                        };
                        view! {
                            <td class=move || format!("uptake {}", value().key())>
                                <select aria-label=label on:change=set disabled=read_only>
                                    {Uptake::all().iter().map(|o| view! {
                                        <option value=o.key() selected=move || value() == *o>{o.label()}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{unit.clone()}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="grid"><thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" id="penetration">
            <h2>{t("penetration.title")}</h2>
            <p class="section-intro">{t("penetration.intro")}</p>
            <div class="form-grid">{field(products)}{field(units)}</div>
            {grid}
        </section>
    }
    .into_any()
}
