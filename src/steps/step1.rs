//! Step 1: the plan header, the screening matrix and what the account is worth.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::components::field::{field, FieldSpec, Kind};
use crate::components::kinds::path_binding;
use crate::i18n::describe::Label;
use crate::model::schema::CRITERIA;
use crate::model::scoring::{screen, Axis, Criterion, Quadrant};
use crate::model::Settings;
use crate::state::editor::Editor;
use crate::state::workspace::Workspace;

pub fn criterion_label(c: Criterion) -> &'static str {
    match c {
        Criterion::Profit => t("step1.c_profit"),
        Criterion::Growth => t("step1.c_growth"),
        Criterion::ReferenceValue => t("step1.c_reference"),
        Criterion::StrategicValue => t("step1.c_strategic"),
        Criterion::ProductAdvantage => t("step1.c_product"),
        Criterion::ServiceAdvantage => t("step1.c_service"),
        Criterion::LocationAdvantage => t("step1.c_location"),
        Criterion::CompetitorFocus => t("step1.c_competitor"),
    }
}

fn criterion_hint(c: Criterion) -> &'static str {
    match c {
        Criterion::Profit => t("step1.h_profit"),
        Criterion::Growth => t("step1.h_growth"),
        Criterion::ReferenceValue => t("step1.h_reference"),
        Criterion::StrategicValue => t("step1.h_strategic"),
        Criterion::ProductAdvantage => t("step1.h_product"),
        Criterion::ServiceAdvantage => t("step1.h_service"),
        Criterion::LocationAdvantage => t("step1.h_location"),
        Criterion::CompetitorFocus => t("step1.h_competitor"),
    }
}

fn criterion_fields(axis: Axis) -> Vec<FieldSpec> {
    Criterion::ALL
        .into_iter()
        .filter(|c| c.axis() == axis)
        .flat_map(|c| {
            let key = c.key();
            let path = CRITERIA[c.index()].0;
            [
                FieldSpec::new(
                    format!("score-{key}"),
                    criterion_label(c),
                    Kind::Rating,
                    path_binding(format!("{path}.score")),
                )
                .hint(criterion_hint(c)),
                FieldSpec::new(
                    format!("note-{key}"),
                    tf("step1.note_on", &[&criterion_label(c).to_lowercase()]),
                    Kind::Text,
                    path_binding(format!("{path}.note")),
                )
                .more(),
            ]
        })
        .collect()
}

/// One axis: its ratings, with the notes on them folded away.
fn axis_fields(axis: Axis) -> impl IntoView {
    let (notes, scores): (Vec<_>, Vec<_>) =
        criterion_fields(axis).into_iter().partition(|f| f.more);
    view! {
        <div class="form-grid single">{scores.into_iter().map(field).collect_view()}</div>
        <details class="more">
            <summary>{t("step1.notes_scores")}</summary>
            <div class="form-grid single">{notes.into_iter().map(field).collect_view()}</div>
        </details>
    }
}

/// The screening matrix: the criteria scored on two axes, the result and the weights.
#[component]
pub fn Screening() -> impl IntoView {
    view! {
        <section class="card" id="screening">
            <h2>{t("portfolio.matrix")}</h2>
            <p class="section-intro">{t("step1.matrix_intro")}</p>
            <div class="two-col">
                <div>
                    <h3>{t("step1.attr")}</h3>
                    {axis_fields(Axis::Attractiveness)}
                </div>
                <div>
                    <h3>{t("step1.ability")}</h3>
                    {axis_fields(Axis::Ability)}
                </div>
            </div>
            <ScreeningResult />
            <WeightsEditor />
        </section>
    }
}

/// The account team, kept once (in step 6) and shown here, with the way to change it.
#[component]
pub fn TeamSummary() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let team = editor.derive("resources.team", |p| {
        p.resources
            .team
            .iter()
            .filter(|m| !m.name.trim().is_empty())
            .map(|m| {
                let what: Vec<&str> = [m.function.trim(), m.role.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                if what.is_empty() {
                    m.name.clone()
                } else {
                    tf(
                        "step1.team_member",
                        &[&m.name, &what.join(t("step1.team_sep"))],
                    )
                }
            })
            .collect::<Vec<_>>()
    });
    let href = move || {
        editor
            .id()
            .map(|id| {
                crate::route::Route::Step {
                    plan: id,
                    step: 6,
                    focus: Some("team".into()),
                }
                .to_hash()
            })
            .unwrap_or_default()
    };
    view! {
        <section class="card team-summary" id="team-summary" data-testid="team-summary">
            <h2>{t("step1.team")}</h2>
            {move || {
                let list = team.get();
                if list.is_empty() {
                    view! { <p class="muted">{t("step1.team_none")}</p> }.into_any()
                } else {
                    view! { <ul class="team-list">{list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
            <p class="small"><a href=href>{t("step1.team_edit")}</a></p>
        </section>
    }
}

/// Says when step 1's entered profit and step 2's computed profit differ, by how much, and
/// offers to take the computed one: shown in both steps.
#[component]
pub fn ProfitCheckNote(step: u8) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let check = Memo::new(move |_| {
        editor.track("portfolio");
        editor.read("customer", |p| {
            p.as_ref().and_then(crate::model::figures::profit_check)
        })
    });
    let fmt = crate::model::text::format_number;
    move || {
        check.get().map(|c| {
            let text = if step == 1 {
                tf("figures.profit_differs_1", &[&fmt(c.computed), &fmt(c.entered), &fmt(c.difference.abs())])
            } else {
                tf("figures.profit_differs_2", &[&fmt(c.entered), &fmt(c.difference.abs())])
            };
            let take = move |_| editor.edit(|p| p.portfolio.last_year_profit = Some(c.computed));
            view! {
                <div class="notice warn profit-check" role="status" data-testid="profit-check">
                    <p>{text}</p>
                    <button type="button" class="secondary" on:click=take>{tf("figures.use_computed", &[&fmt(c.computed)])}</button>
                </div>
            }
        })
    }
}

#[component]
fn ScreeningResult() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let result = Memo::new(move |_| {
        let settings = ws.settings().with(|s| s.scoring.clone());
        editor.read("portfolio", |p| {
            p.as_ref().map(|p| screen(&p.portfolio, &settings))
        })
    });
    let fmt = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "—".into());
    view! {
        <div class="result" aria-live="polite" data-testid="screening-result">
            {move || {
                let Some(r) = result.get() else { return ().into_any() };
                let quadrant = r.quadrant;
                view! {
                    <dl class="figures">
                        <div><dt>{t("step1.attractiveness")}</dt><dd data-testid="attractiveness">{fmt(r.attractiveness)}</dd></div>
                        <div><dt>{t("step1.ability_short")}</dt><dd data-testid="ability">{fmt(r.ability)}</dd></div>
                        <div><dt>{t("portfolio.quadrant")}</dt><dd data-testid="quadrant">{quadrant.map(|q| q.label()).unwrap_or("—")}</dd></div>
                        <div><dt>{t("portfolio.grade")}</dt><dd data-testid="grade">{r.grade.map(|g| g.label()).unwrap_or("—")}</dd></div>
                        <div><dt>{t("step1.potential")}</dt><dd data-testid="potential">{r.potential.map(|p| format!("{p:.0} / 100")).unwrap_or_else(|| "—".into())}</dd></div>
                    </dl>
                    {match quadrant {
                        Some(q) => view! {
                            <MiniMatrix a=r.attractiveness.unwrap_or(1.0) b=r.ability.unwrap_or(1.0) quadrant=q />
                            <p class="advice" data-testid="strategy"><strong>{tf("step1.quadrant_account", &[&q.label()])}</strong>{crate::i18n::describe::strategy_advice(q.strategy())}</p>
                        }.into_any(),
                        None => view! { <p class="muted">{t("step1.place_hint")}</p> }.into_any(),
                    }}
                    <p class="muted small">
                        {t("step1.how_scored")}
                    </p>
                }.into_any()
            }}
        </div>
    }
}

/// The account's place on the screening matrix, as a small chart with a text alternative.
#[component]
fn MiniMatrix(a: f64, b: f64, quadrant: Quadrant) -> impl IntoView {
    // x: ability to win (1–5), y: attractiveness (1–5, up).
    let x = 20.0 + (b - 1.0) / 4.0 * 160.0;
    let y = 180.0 - (a - 1.0) / 4.0 * 160.0;
    let label = tf(
        "step1.mini_aria",
        &[&format!("{a:.1}"), &format!("{b:.1}"), &quadrant.label()],
    );
    view! {
        <svg class="mini-matrix" viewBox="0 0 200 200" role="img" aria-label=label>
            <rect x="20" y="20" width="80" height="80" class="q core-potential" />
            <rect x="100" y="20" width="80" height="80" class="q core" />
            <rect x="20" y="100" width="80" height="80" class="q peripheral" />
            <rect x="100" y="100" width="80" height="80" class="q general" />
            <text x="60" y="64" class="ql">{t("choice.quadrant.core_potential")}</text>
            <text x="140" y="64" class="ql">{t("choice.quadrant.core")}</text>
            <text x="60" y="144" class="ql">{t("choice.quadrant.peripheral")}</text>
            <text x="140" y="144" class="ql">{t("choice.quadrant.general")}</text>
            <text x="100" y="197" class="axis">{t("step1.ability_axis")}</text>
            <text x="8" y="100" class="axis" transform="rotate(-90 8 100)">{t("step1.attr_axis")}</text>
            <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="7" class="dot" />
        </svg>
    }
}

type SettingGet = Arc<dyn Fn(&Settings) -> f64 + Send + Sync>;
type SettingSet = Arc<dyn Fn(&mut Settings, f64) + Send + Sync>;

/// Criterion weights and grade thresholds, shared by every plan in this browser.
#[component]
fn WeightsEditor() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let number = move |label: String, get: SettingGet, set: SettingSet, id: String| {
        let error = RwSignal::new(None::<String>);
        let g = get.clone();
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="text" inputmode="decimal" prop:value=move || ws.settings().with(|s| crate::model::text::format_number(g(s)))
                    on:change=move |ev| match crate::model::text::parse_number(&event_target_value(&ev)) {
                        Ok(Some(v)) if v >= 0.0 => { ws.update_settings(|s| set(s, v)); error.set(None); }
                        _ => error.set(Some(t("step1.number_required").into())),
                    } />
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
        }
    };
    let weights = Criterion::ALL
        .into_iter()
        .map(|c| {
            let i = c.index();
            number(
                criterion_label(c).to_string(),
                Arc::new(move |s| s.scoring.weights[i]),
                Arc::new(move |s, v| s.scoring.weights[i] = v),
                format!("weight-{i}"),
            )
        })
        .collect_view();
    view! {
        <details class="more">
            <summary>{t("step1.weights")}</summary>
            <p class="muted small">{t("step1.weights_note")}</p>
            <div class="form-grid">{weights}</div>
            <div class="form-grid">
                {number(t("step1.gold_from").into(), Arc::new(|s| s.scoring.gold_min), Arc::new(|s, v| s.scoring.gold_min = v), "gold-min".into())}
                {number(t("step1.silver_from").into(), Arc::new(|s| s.scoring.silver_min), Arc::new(|s, v| s.scoring.silver_min = v), "silver-min".into())}
            </div>
        </details>
    }
}
