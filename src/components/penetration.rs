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

/// One of the grid's two lists, a line each; the grid keeps its shape as the list changes.
fn list_field(
    id: &'static str,
    label: &'static str,
    get: fn(&Penetration) -> &Vec<String>,
    set: fn(&mut Penetration) -> &mut Vec<String>,
) -> FieldSpec {
    FieldSpec::new(
        id,
        label,
        Kind::LongText,
        Binding::new(
            move |p| get(&p.customer.penetration).join("\n"),
            move |p, s| {
                *set(&mut p.customer.penetration) = lines(s);
                reshape(&mut p.customer.penetration);
                Ok(())
            },
        ),
    )
}

pub fn penetration() -> AnyView {
    let editor = expect_context::<Editor>();
    let products = list_field(
        "penetration-products",
        t("penetration.products"),
        |p| &p.products,
        |p| &mut p.products,
    );
    let units = list_field(
        "penetration-units",
        t("penetration.units"),
        |p| &p.units,
        |p| &mut p.units,
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
