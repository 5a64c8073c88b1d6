//! Step 1: the plan header, the screening matrix and what the account is worth.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::field::{field, section, Binding, FieldSpec, Kind};
use crate::model::choice::Choice;
use crate::model::plan::{AccountLevel, ReviewFrequency};
use crate::model::scoring::{screen, Axis, Criterion, Quadrant, StrategyKind};
use crate::model::text::FieldValue;
use crate::model::Settings;
use crate::state::editor::Editor;
use crate::state::workspace::Workspace;
use crate::{bind, bind_choice};

pub fn criterion_label(c: Criterion) -> &'static str {
    match c {
        Criterion::Profit => "Profit from the customer",
        Criterion::Growth => "Growth",
        Criterion::ReferenceValue => "Reference value",
        Criterion::StrategicValue => "Strategic value",
        Criterion::ProductAdvantage => "Product advantage",
        Criterion::ServiceAdvantage => "Service advantage",
        Criterion::LocationAdvantage => "Location advantage",
        Criterion::CompetitorFocus => "Competitors' focus on it",
    }
}

fn criterion_hint(c: Criterion) -> &'static str {
    match c {
        Criterion::Profit => "5: among our most profitable customers. 1: loses us money.",
        Criterion::Growth => {
            "How fast is their business, and their spend in our categories, growing?"
        }
        Criterion::ReferenceValue => {
            "Would winning them help us win others? Do others follow them?"
        }
        Criterion::StrategicValue => {
            "Does the account open a market, a technology or a capability for us?"
        }
        Criterion::ProductAdvantage => {
            "How much better do our products fit their needs than the competition's?"
        }
        Criterion::ServiceAdvantage => {
            "How much better is our service, delivery and support for them?"
        }
        Criterion::LocationAdvantage => {
            "Are we close to their sites, or can we serve them locally?"
        }
        Criterion::CompetitorFocus => {
            "5: competitors pay them little attention. 1: competitors fight hard for them."
        }
    }
}

pub fn strategy_advice(s: StrategyKind) -> &'static str {
    match s {
        StrategyKind::Consolidate => "Consolidate: help the customer succeed, share market insight with them and anticipate their needs, so the position you hold is kept.",
        StrategyKind::Invest => "Invest: the account is worth more than your position in it. Give more value (price, service, product, a closer relationship) to raise your ability to win.",
        StrategyKind::Harvest => "Harvest: use your strong position in an account of modest attraction. Raise the minimum order, cut the cost to serve and focus on profit.",
        StrategyKind::Maintain => "Maintain: serve efficiently, for example through channels. Consider withdrawing if the account is unprofitable and not strategic.",
    }
}

fn criterion_fields(axis: Axis) -> Vec<FieldSpec> {
    Criterion::ALL
        .into_iter()
        .filter(|c| c.axis() == axis)
        .flat_map(|c| {
            let score = Binding::new(
                move |p| c.rated(&p.portfolio).score.to_text(),
                move |p, s| {
                    c.rated_mut(&mut p.portfolio).score = FieldValue::from_text(s)?;
                    Ok(())
                },
            );
            let note = Binding::new(
                move |p| c.rated(&p.portfolio).note.clone(),
                move |p, s| {
                    c.rated_mut(&mut p.portfolio).note = s.to_string();
                    Ok(())
                },
            );
            let key = format!("{c:?}").to_lowercase();
            [
                FieldSpec::new(
                    format!("score-{key}"),
                    criterion_label(c),
                    Kind::Rating,
                    score,
                )
                .hint(criterion_hint(c)),
                FieldSpec::new(
                    format!("note-{key}"),
                    format!("Note on {}", criterion_label(c).to_lowercase()),
                    Kind::Text,
                    note,
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
            <summary>"Notes on these scores"</summary>
            <div class="form-grid single">{notes.into_iter().map(field).collect_view()}</div>
        </details>
    }
}

pub fn view() -> AnyView {
    let header = vec![
        FieldSpec::new(
            "header-account_name",
            "Account name",
            Kind::Text,
            bind!(header.account_name),
        ),
        FieldSpec::new(
            "header-level",
            "Account level",
            Kind::choice::<AccountLevel>(),
            bind_choice!(header.level),
        )
        .hint("Territory, regional, national or global: plans roll up by level."),
        FieldSpec::new(
            "header-industry",
            "Industry",
            Kind::Text,
            bind!(header.industry),
        ),
        FieldSpec::new(
            "header-prepared_by",
            "Prepared by",
            Kind::Text,
            bind!(header.prepared_by),
        ),
        FieldSpec::new(
            "header-period_start",
            "Plan period from",
            Kind::Date,
            bind!(header.period_start),
        ),
        FieldSpec::new(
            "header-period_end",
            "Plan period to",
            Kind::Date,
            bind!(header.period_end),
        ),
        FieldSpec::new(
            "header-review_frequency",
            "Review the plan",
            Kind::choice::<ReviewFrequency>(),
            bind_choice!(header.review_frequency),
        ),
        FieldSpec::new(
            "header-team",
            "Key account team",
            Kind::Text,
            bind!(header.team),
        )
        .hint(
            "Who works on this account with you: sales, technical support, supply chain, finance…",
        ),
    ];
    let worth = vec![
        FieldSpec::new(
            "portfolio-last_year_sales",
            "Last year's sales to them",
            Kind::Money,
            bind!(portfolio.last_year_sales),
        ),
        FieldSpec::new(
            "portfolio-last_year_profit",
            "Last year's profit from them",
            Kind::Money,
            bind!(portfolio.last_year_profit),
        ),
        FieldSpec::new(
            "portfolio-share_of_spend",
            "Our share of their spend",
            Kind::Percent,
            bind!(portfolio.share_of_spend),
        )
        .hint("Of everything they buy in our categories, how much comes from us?"),
    ];
    view! {
        {section("header", "The account", "", header)}
        <section class="card" id="screening">
            <h2>"Screening matrix"</h2>
            <p class="section-intro">"Score each criterion from 1 (poor) to 5 (excellent). An account that misses on one criterion can still qualify by scoring higher on others."</p>
            <div class="two-col">
                <div>
                    <h3>"Customer attractiveness"</h3>
                    {axis_fields(Axis::Attractiveness)}
                </div>
                <div>
                    <h3>"Our ability to win"</h3>
                    {axis_fields(Axis::Ability)}
                </div>
            </div>
            <ScreeningResult />
            <WeightsEditor />
        </section>
        {section("worth", "What the account is worth", "", worth)}
    }
    .into_any()
}

#[component]
fn ScreeningResult() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let result = Memo::new(move |_| {
        let settings = ws.settings.with(|s| s.scoring.clone());
        editor
            .plan
            .with(|p| p.as_ref().map(|p| screen(&p.portfolio, &settings)))
    });
    let fmt = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "—".into());
    view! {
        <div class="result" aria-live="polite" data-testid="screening-result">
            {move || {
                let Some(r) = result.get() else { return ().into_any() };
                let quadrant = r.quadrant;
                view! {
                    <dl class="figures">
                        <div><dt>"Attractiveness"</dt><dd data-testid="attractiveness">{fmt(r.attractiveness)}</dd></div>
                        <div><dt>"Ability to win"</dt><dd data-testid="ability">{fmt(r.ability)}</dd></div>
                        <div><dt>"Quadrant"</dt><dd data-testid="quadrant">{quadrant.map(|q| q.label()).unwrap_or("—")}</dd></div>
                        <div><dt>"Grade"</dt><dd data-testid="grade">{r.grade.map(|g| g.label()).unwrap_or("—")}</dd></div>
                        <div><dt>"Improvement potential"</dt><dd data-testid="potential">{r.potential.map(|p| format!("{p:.0} / 100")).unwrap_or_else(|| "—".into())}</dd></div>
                    </dl>
                    {match quadrant {
                        Some(q) => view! {
                            <MiniMatrix a=r.attractiveness.unwrap_or(1.0) b=r.ability.unwrap_or(1.0) quadrant=q />
                            <p class="advice" data-testid="strategy"><strong>{q.label()} " account. "</strong>{strategy_advice(q.strategy())}</p>
                        }.into_any(),
                        None => view! { <p class="muted">"Score at least one criterion on each axis to place the account on the matrix."</p> }.into_any(),
                    }}
                    <p class="muted small">
                        "Each axis is the weighted mean of its scored criteria (unscored ones are left out). The grade comes from the mean of both axes. "
                        "Improvement potential is attractiveness (1–5, as 0–1) × the share of their spend you do not yet have, × 100: rank accounts on it and move time to the highest."
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
    let label = format!(
        "On the screening matrix: attractiveness {a:.1}, ability to win {b:.1}, {} quadrant.",
        quadrant.label()
    );
    view! {
        <svg class="mini-matrix" viewBox="0 0 200 200" role="img" aria-label=label>
            <rect x="20" y="20" width="80" height="80" class="q core-potential" />
            <rect x="100" y="20" width="80" height="80" class="q core" />
            <rect x="20" y="100" width="80" height="80" class="q peripheral" />
            <rect x="100" y="100" width="80" height="80" class="q general" />
            <text x="60" y="64" class="ql">"Core potential"</text>
            <text x="140" y="64" class="ql">"Core"</text>
            <text x="60" y="144" class="ql">"Peripheral"</text>
            <text x="140" y="144" class="ql">"General"</text>
            <text x="100" y="197" class="axis">"Ability to win →"</text>
            <text x="8" y="100" class="axis" transform="rotate(-90 8 100)">"Attractiveness →"</text>
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
                <input id=id type="text" inputmode="decimal" prop:value=move || ws.settings.with(|s| crate::model::text::format_number(g(s)))
                    on:change=move |ev| match crate::model::text::parse_number(&event_target_value(&ev)) {
                        Ok(Some(v)) if v >= 0.0 => { ws.settings.update(|s| set(s, v)); ws.save_settings(); error.set(None); }
                        _ => error.set(Some("Type a number of 0 or more.".into())),
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
            <summary>"Weights and grade thresholds (for all your plans)"</summary>
            <p class="muted small">"Weights are relative within each axis. Changing them re-scores every plan in this browser."</p>
            <div class="form-grid">{weights}</div>
            <div class="form-grid">
                {number("Gold from (mean score)".into(), Arc::new(|s| s.scoring.gold_min), Arc::new(|s, v| s.scoring.gold_min = v), "gold-min".into())}
                {number("Silver from (mean score)".into(), Arc::new(|s| s.scoring.silver_min), Arc::new(|s, v| s.scoring.silver_min = v), "silver-min".into())}
            </div>
        </details>
    }
}
