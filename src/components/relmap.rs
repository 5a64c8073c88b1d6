//! The relationship map: an SVG org chart coloured by attitude and sized by influence,
//! with the same facts as a list for screen readers.

use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::i18n::describe::Label;
use crate::model::choice::Choice;
use crate::model::plan::{Attitude, BuyingRole, Contact};
use crate::model::relmap::layout;

fn role_badge(r: BuyingRole) -> &'static str {
    match r {
        BuyingRole::DecisionMaker => t("relmap.badge_dm"),
        BuyingRole::EconomicBuyer => t("relmap.badge_eb"),
        BuyingRole::TechnicalBuyer => t("relmap.badge_tb"),
        BuyingRole::User => t("relmap.badge_u"),
        BuyingRole::Influencer => t("relmap.badge_i"),
        BuyingRole::Gatekeeper => t("relmap.badge_g"),
        BuyingRole::Coach => t("relmap.badge_c"),
        BuyingRole::Unknown => "?",
    }
}

fn open_contact(id: u32) {
    super::focus_anchor(&format!("contacts-{id}"));
}

/// The smallest a map is drawn, as a share of its natural size, and each node's tap area (map
/// units): at that scale the area is still well over 44x44 CSS pixels.
const MIN_SCALE: f64 = 0.6;
const HIT_W: f64 = 136.0;
const HIT_H: f64 = 96.0;

/// Maps with more people than this are redrawn after a pause in typing.
const BIG_MAP: usize = 40;
const REDRAW_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

#[component]
pub fn RelationshipMap() -> impl IntoView {
    let editor = expect_context::<crate::state::editor::Editor>();
    let contacts = Memo::new(move |_| {
        editor.read("relationships.contacts", |p| {
            p.as_ref()
                .map(|p| p.relationships.contacts.clone())
                .unwrap_or_default()
        })
    });
    // A big map is redrawn once typing pauses, not on every keystroke: laying out and drawing
    // hundreds of people takes longer than a frame.
    let drawn = RwSignal::new(contacts.get_untracked());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let cs = contacts.get();
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
        if cs.len() <= BIG_MAP {
            drawn.set(cs);
        } else {
            let h = set_timeout_with_handle(move || drawn.set(cs), REDRAW_DELAY).ok();
            timer.set_value(h);
        }
    });
    view! {
        <section class="card" id="relationship-map">
            <h2>{t("relmap.title")}</h2>
            {move || {
                let cs = drawn.get();
                if cs.is_empty() {
                    return view! { <p class="muted">{t("relmap.empty")}</p> }.into_any();
                }
                map_svg(&cs).into_any()
            }}
            <ul class="legend" aria-hidden="true" hidden=move || contacts.with(Vec::is_empty)>
                {Attitude::all().iter().map(|a| view! { <li><span class=format!("swatch att-{}", a.key())></span>{a.label()}</li> }).collect_view()}
                <li>{t("relmap.legend")}</li>
            </ul>
        </section>
    }
}

fn map_svg(cs: &[Contact]) -> impl IntoView {
    let l = layout(cs);
    let pos = |id: u32| l.nodes.iter().find(|n| n.id == id).map(|n| (n.x, n.y));
    let edges = l
        .edges
        .iter()
        .filter_map(|(from, to)| {
            let (x1, y1) = pos(*from)?;
            let (x2, y2) = pos(*to)?;
            Some(view! { <line x1=x1 y1=y1 x2=x2 y2=y2 class="edge" /> })
        })
        .collect_view();
    let nodes = l
        .nodes
        .iter()
        .filter_map(|n| {
            let c = cs.iter().find(|c| c.id == n.id)?.clone();
            let r = 14.0 + 4.0 * f64::from(c.influence.unwrap_or(1).clamp(1, 5));
            let name: String = if c.name.trim().is_empty() { tf("relmap.contact_n", &[&c.id]) } else { c.name.chars().take(18).collect() };
            // Named by what the node shows (badge, name, title), as a speech user would say it;
            // its role and attitude are the description.
            let about = format!("{}, {}", c.role.label(), c.attitude.label());
            let key = format!("rm-{}", c.id);
            let id = c.id;
            view! {
                <g class=format!("node att-{}", c.attitude.key()) transform=format!("translate({:.1} {:.1})", n.x, n.y)
                    role="button" tabindex="0" aria-labelledby=format!("{key}-b {key}-n {key}-t")
                    on:click=move |_| open_contact(id)
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); open_contact(id) }>
                    <title>{about}</title>
                    // An invisible tap area filling the node's place, so even a small circle on a
                    // phone-sized map is a 44x44 target.
                    <rect class="hit" x=-HIT_W / 2.0 y=-r - 6.0 width=HIT_W height=(2.0 * r + 44.0).max(HIT_H) />
                    <circle r=r />
                    <text class="badge-text" y="5" id=format!("{key}-b")>{role_badge(c.role)}</text>
                    // Spaces between the texts (SVG draws none), so the read text has word breaks.
                    " "
                    <text class="name" y=r + 16.0 id=format!("{key}-n")>{name}</text>
                    " "
                    <text class="title" y=r + 30.0 id=format!("{key}-t")>{c.title.chars().take(22).collect::<String>()}</text>
                </g>
            }
            .into()
        })
        .collect_view();
    let facts = cs
        .iter()
        .map(|c| {
            let boss = c
                .reports_to
                .and_then(|b| cs.iter().find(|x| x.id == b))
                .map(|b| tf("relmap.reports_to", &[&b.name]))
                .unwrap_or_default();
            tf(
                "relmap.fact",
                &[
                    &c.name,
                    &c.title,
                    &c.role.label(),
                    &c.attitude.label().to_lowercase(),
                    &c.influence
                        .map(|i| i.to_string())
                        .unwrap_or_else(|| t("relmap.not_rated").into()),
                    &boss,
                ],
            )
        })
        .map(|t| view! { <li>{t}</li> })
        .collect_view();
    view! {
        <div class="map-scroll">
            // Shrinks to fit a narrow screen, but never below MIN_SCALE: past that its names are
            // unreadable and its nodes too small to tap; the map then scrolls sideways.
            <svg class="relmap" viewBox=format!("0 0 {} {}", l.width, l.height + 20.0) width=l.width height=l.height + 20.0
                style:min-width=format!("{:.0}px", l.width * MIN_SCALE)
                role="group" aria-label={t("relmap.title")} data-testid="relationship-map">
                {edges}
                {nodes}
            </svg>
        </div>
        <details class="more">
            <summary>{t("relmap.as_list")}</summary>
            <ul class="map-facts">{facts}</ul>
        </details>
    }
}
