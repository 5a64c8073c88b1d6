//! The seven steps of a key account plan (DOMAIN.md), one module each, and the plan health check.
pub mod compare;
pub mod health;
pub mod print;
pub mod step1;
pub mod step2;
pub mod step3;
pub mod step4;
pub mod step5;
pub mod step6;
pub mod step7;
pub mod words;

use leptos::prelude::*;

use crate::i18n::t;

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

pub fn step_view(step: u8) -> AnyView {
    let intro = step_intro(step);
    let body = match step {
        1 => step1::view(),
        2 => step2::view(),
        3 => step3::view(),
        4 => step4::view(),
        5 => step5::view(),
        6 => step6::view(),
        _ => step7::view(),
    };
    view! {
        <p class="step-intro">{intro}</p>
        {body}
    }
    .into_any()
}
