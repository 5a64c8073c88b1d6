//! Step 4: the blueprint: SWOT, objectives, strategies, value, assessment and force field.

use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::components::field::{field, Binding, FieldSpec, Kind};
use crate::i18n::describe::Label;
use crate::model::assessment::{assess, Verdict, GROUPS, QUESTIONS};
use crate::model::scoring::screen;
use crate::model::text::FieldValue;
use crate::state::editor::Editor;
use crate::state::workspace::Workspace;

#[component]
pub fn SuggestedStrategy() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let q = Memo::new(move |_| {
        let s = ws.settings().with(|s| s.scoring.clone());
        editor.read("portfolio", |p| {
            p.as_ref().and_then(|p| screen(&p.portfolio, &s).quadrant)
        })
    });
    view! {
        <aside class="card suggestion" data-testid="suggested-strategy">
            {move || match q.get() {
                Some(q) => view! {
                    <p><strong>{t("step4.suggested")}</strong>{tf("step1.quadrant_account", &[&q.label()])}
                    {crate::i18n::describe::strategy_advice(q.strategy())}</p>
                }.into_any(),
                None => view! { <p class="muted">{t("step4.score_first")}</p> }.into_any(),
            }}
        </aside>
    }
}

#[component]
pub fn OpportunityAssessment() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let result = editor.derive("blueprint.assessment", |p| {
        Some(assess(&p.blueprint.assessment))
    });
    // Open while fewer than half are answered; decided once, so it never folds while the rep answers.
    let start_open =
        result.with_untracked(|r| r.as_ref().is_none_or(|r| r.answered * 2 < QUESTIONS.len()));
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(g, _)| {
            let fields = QUESTIONS
                .iter()
                .filter(|q| q.group == g)
                .map(|q| {
                    let key = q.key;
                    let binding = Binding::new(
                        move |p| {
                            p.blueprint
                                .assessment
                                .get(key)
                                .map(|v| v.to_string())
                                .unwrap_or_default()
                        },
                        move |p, s| {
                            match <Option<u8>>::from_text(s)? {
                                Some(v) => p.blueprint.assessment.insert(key.to_string(), v),
                                None => p.blueprint.assessment.remove(key),
                            };
                            Ok(())
                        },
                    );
                    field(
                        FieldSpec::new(format!("assess-{key}"), t(q.text), Kind::Rating, binding)
                            .hint(t(q.hint)),
                    )
                })
                .collect_view();
            view! { <div><h3>{t(crate::model::assessment::GROUPS[g])}</h3><div class="form-grid single">{fields}</div></div> }
        })
        .collect_view();
    view! {
        <section class="card" id="assessment">
            <h2>{t("step4.assessment")}</h2>
            <p class="section-intro">{t("step4.assessment_intro")}</p>
            <details class="more" open=start_open>
                <summary>{t("step4.fifteen")}</summary>
                <div class="three-col">{groups}</div>
            </details>
            <div class="result" aria-live="polite" data-testid="assessment-result">
                {move || result.get().map(|r| {
                    let (class, text) = match r.verdict {
                        Verdict::Go => ("verdict go", t("step4.go")),
                        Verdict::Caution => ("verdict caution", t("step4.caution")),
                        Verdict::NoGo => ("verdict nogo", t("step4.nogo")),
                        Verdict::Unanswered => ("verdict", t("step4.not_enough")),
                    };
                    view! {
                        <p><span class=class data-testid="verdict">{text}</span>
                            {r.mean.map(|m| tf("step4.mean_from", &[&format!("{m:.1}"), &r.answered]))}</p>
                        {(!r.weak.is_empty()).then(|| view! {
                            <p>{tf("step4.weak_points", &[&r.weak.iter().map(|&k| t(k)).collect::<Vec<_>>().join(t("step4.list_sep"))])}</p>
                        })}
                        <p class="muted small">{t("step4.verdict_rule")}</p>
                    }
                })}
            </div>
        </section>
    }
}
