//! The seven steps of a key account plan (DOMAIN.md), one module each, and the plan health check.
pub mod health;
pub mod print;
pub mod step1;
pub mod step2;
pub mod step3;
pub mod step4;
pub mod step5;
pub mod step6;
pub mod step7;

use leptos::prelude::*;

pub const STEP_NAMES: [&str; 7] = [
    "Portfolio vis-à-vis profits",
    "Understanding the customer entirely",
    "Relationship X-ray",
    "Key account plan blueprint",
    "Get into action",
    "Resource planning and audit",
    "Communicate and review",
];

/// Why each step matters and what a good answer looks like, shown at its top.
pub const STEP_INTROS: [&str; 7] = [
    "Not every customer deserves the same effort. Score how attractive this account is and how well placed you are to win it: the screening matrix then suggests a strategy and a grade, so the account gets appropriate service, not better or worse service.",
    "You cannot help a customer succeed without knowing what drives them. Write down what you know of their business, their needs in three dimensions, and what they buy from you today. Short facts beat long essays.",
    "Deals are won by people. Map everyone who takes part in the buying decision: their role, their influence and how they see you. A good map names a coach, gives every decision maker an owner on your team, and shows who you have not seen lately.",
    "Decide where you want to go with this account and why you will get there: measurable objectives with a date, strategies tied to them, and an honest look at the forces for and against you.",
    "A plan that does not turn into actions is a form-filling game. Give every action an owner and a due date, and log your visits so the next step is never forgotten.",
    "Winning an account takes people, time and money. Put a figure on them and check them against what the plan should earn, and name the team that will deliver it.",
    "A plan nobody reads does nothing. Agree who hears what and how often, review the plan regularly, and keep a record of each review so you can see what changed.",
];

pub fn step_view(step: u8) -> AnyView {
    let intro = STEP_INTROS[usize::from(step.clamp(1, 7)) - 1];
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
