//! The seven steps of a key account plan (DOMAIN.md), one module each, and the plan health check.
pub mod compare;
pub mod health;
pub mod print;
pub mod step1;
pub mod step3;
pub mod step4;
pub mod step7;
pub mod words;

use leptos::prelude::*;

use crate::components::field::{field, FieldSpec};
use crate::components::kinds::{kind_of, options_scope, path_binding};
use crate::components::relmap::RelationshipMap;
use crate::components::table::table;
use crate::components::timeline::Timeline;
use crate::i18n::t;
use crate::model::layout::{layout, Part};
use crate::model::schema::{dom_id, Field, Panel, Step};

/// The step's name in the current language (steps count from 1).
pub fn step_name(step: u8) -> &'static str {
    match step {
        1 => t("step1.name"),
        2 => t("step2.name"),
        3 => t("step3.name"),
        4 => t("step4.name"),
        5 => t("step5.name"),
        6 => t("step6.name"),
        _ => t("step7.name"),
    }
}

/// Why each step matters and what a good answer looks like, shown at its top.
pub fn step_intro(step: u8) -> &'static str {
    match step {
        1 => t("step1.intro"),
        2 => t("step2.intro"),
        3 => t("step3.intro"),
        4 => t("step4.intro"),
        5 => t("step5.intro"),
        6 => t("step6.intro"),
        _ => t("step7.intro"),
    }
}

/// Draws a step from its schema: one generic view for every step; the hand-drawn panels are
/// named components that the schema places.
pub fn step_view(step: u8) -> AnyView {
    let intro = step_intro(step);
    let which = Step::from_number(step).unwrap_or(Step::Communication);
    let body = layout(which)
        .into_iter()
        .map(|part| match part {
            Part::Section {
                id,
                title,
                main,
                more,
            } => section(&id, t(title), main, more),
            Part::Table(spec) => table(spec),
            Part::Panel(panel) => panel_view(panel, step),
        })
        .collect_view();
    view! {
        <p class="step-intro">{intro}</p>
        {body}
    }
    .into_any()
}

fn panel_view(panel: Panel, step: u8) -> AnyView {
    match panel {
        Panel::Screening => view! { <step1::Screening /> }.into_any(),
        Panel::TeamSummary => view! { <step1::TeamSummary /> }.into_any(),
        Panel::ProfitCheck => view! { <step1::ProfitCheckNote step=step /> }.into_any(),
        Panel::CustomerProfit => {
            view! { <crate::components::figures::CustomerProfit /> }.into_any()
        }
        Panel::Penetration => crate::components::penetration::penetration(),
        Panel::RelationshipWarnings => view! { <step3::Warnings /> }.into_any(),
        Panel::RelationshipMap => view! { <RelationshipMap /> }.into_any(),
        Panel::SuggestedStrategy => view! { <step4::SuggestedStrategy /> }.into_any(),
        Panel::Assessment => view! { <step4::OpportunityAssessment /> }.into_any(),
        Panel::ForceBalance => view! { <crate::components::figures::ForceBars /> }.into_any(),
        Panel::Timeline => view! { <Timeline /> }.into_any(),
        Panel::Totals => view! { <crate::components::figures::Totals /> }.into_any(),
        Panel::Reviews => view! { <step7::Reviews /> }.into_any(),
    }
}

/// A schema field as the form draws it, bound to the plan by its path.
fn field_spec(f: &'static Field) -> FieldSpec {
    let mut spec = FieldSpec::new(
        dom_id(f.path),
        t(f.label),
        kind_of(f.kind, f.help.unit, None),
        path_binding(f.path),
    )
    .hint(f.help.hint.map(t).unwrap_or(""));
    spec.more = f.more;
    spec.reads = options_scope(f.kind);
    if f.half {
        spec = spec.half();
    }
    spec
}

/// A titled group of fields; those marked `more` fold under "More detail".
fn section(id: &str, title: &str, main: Vec<&'static Field>, more: Vec<&'static Field>) -> AnyView {
    let main = main
        .into_iter()
        .map(|f| field(field_spec(f)))
        .collect_view();
    let more_view = (!more.is_empty()).then(|| {
        let more = more
            .into_iter()
            .map(|f| field(field_spec(f)))
            .collect_view();
        view! {
            <details class="more">
                <summary>{t("field.more_detail")}</summary>
                <div class="form-grid">{more}</div>
            </details>
        }
    });
    view! {
        <section class="card" id=id.to_string()>
            <h2>{title.to_string()}</h2>
            <div class="form-grid">{main}</div>
            {more_view}
        </section>
    }
    .into_any()
}
