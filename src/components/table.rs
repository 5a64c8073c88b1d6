//! An editable table of plan rows: each row a card of fields, with add, remove and reorder.
//! One component for every table of the plan schema: rows are reached by the table's path.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::i18n::{t, tf};
use wasm_bindgen::JsCast;

use super::field::{field, Binding, FieldSpec, Kind};
use super::kinds::{kind_of, options_scope, row_heading};
use crate::model::access::{cell, rows_at, rows_at_mut, set_cell, TakenRow};
use crate::model::badges::{badge_reads, row_badge, RowBadge};
use crate::model::plan::{Plan, RowId};
use crate::model::schema::{Column, FieldKind, Table};
use crate::state::editor::Editor;
use crate::state::workspace::today;

/// A row's caption, badge and the values its folded line shows, each in the row's own signal.
type Head = (
    RwSignal<Option<String>>,
    RwSignal<Option<String>>,
    RwSignal<Vec<String>>,
);

/// A row's name for labels: its caption, or "New contact" while it has none.
fn heading_text(title: RwSignal<Option<String>>, noun: &'static str) -> String {
    title.get().unwrap_or_else(|| tf("table.new_row", &[&noun]))
}

fn badge_text(b: RowBadge) -> String {
    match b {
        RowBadge::SharesOver(total) => tf(b.key(), &[&crate::model::text::format_number(total)]),
        _ => t(b.key()).to_string(),
    }
}

/// Draws the table. Rows are keyed by id, so editing one row does not redraw the others.
pub fn table(spec: &'static Table) -> AnyView {
    let editor = expect_context::<Editor>();
    let (id, path, title, noun) = (spec.anchor, spec.path, t(spec.label), t(spec.noun));
    let intro = if spec.intro.is_empty() {
        ""
    } else {
        t(spec.intro)
    };
    let columns: &'static [Column] = spec.columns;
    // What a folded row shows beside its caption: the plan schema says, per table.
    let folded: Vec<&'static Column> = spec
        .folded
        .iter()
        .filter_map(|k| columns.iter().find(|c| c.key == *k))
        .collect();
    let folded = StoredValue::new(folded);
    let ids = Memo::new(move |_| {
        editor.read(path, |p| {
            p.as_ref()
                .and_then(|p| rows_at(p, path))
                .map(|r| r.ids())
                .unwrap_or_default()
        })
    });
    let compute = move |p: &Plan, rid: RowId| {
        let c = row_heading(p, spec, rid);
        let c = (!c.trim().is_empty()).then_some(c);
        let summary: Vec<String> =
            folded.with_value(|f| f.iter().map(|c| cell(p, path, rid, c.key)).collect());
        (c, row_badge(p, path, rid, today()).map(badge_text), summary)
    };
    // Captions, badges and folded values read the row and the tables its columns refer to (and
    // the whole table when a badge sums it up).
    let shown = |c: &&Column| {
        [spec.heading, spec.caption, spec.folded]
            .iter()
            .any(|keys| keys.contains(&c.key))
    };
    let mut reads: Vec<&'static str> = columns
        .iter()
        .filter(shown)
        .filter_map(|c| match c.kind {
            FieldKind::RowRef(t) | FieldKind::RowRefs(t) => Some(t),
            _ => None,
        })
        .collect();
    reads.extend(badge_reads(path));
    let reads = StoredValue::new(reads);
    // Each row's caption, badge and folded values live in the row's own signals, kept up to date
    // by the row's own effect: a keystroke in one row recomputes that row's line only.
    let head_of = move |rid: RowId| -> Head {
        let (c, b, s) = editor
            .plan
            .with_untracked(|p| p.as_ref().map(|p| compute(p, rid)))
            .unwrap_or_default();
        let (cap, bad, sum) = (RwSignal::new(c), RwSignal::new(b), RwSignal::new(s));
        let row_scope = format!("{path}.{rid}");
        Effect::new(move |_| {
            reads.with_value(|r| r.iter().for_each(|t| editor.track(t)));
            editor.read(&row_scope, |p| {
                let Some(p) = p.as_ref() else { return };
                let (c, b, s) = compute(p, rid);
                if cap.try_with_untracked(|x| *x != c) == Some(true) {
                    cap.try_set(c);
                }
                if bad.try_with_untracked(|x| *x != b) == Some(true) {
                    bad.try_set(b);
                }
                if sum.try_with_untracked(|x| *x != s) == Some(true) {
                    sum.try_set(s);
                }
            })
        });
        (cap, bad, sum)
    };
    let read_only = move || editor.read_only.with(Option::is_some);
    let added = StoredValue::new(None::<RowId>);
    // Each row's open state, so that a new row can fold the others.
    let opens = StoredValue::new(HashMap::<RowId, RwSignal<bool>>::new());
    let removed = RwSignal::new(None::<(usize, TakenRow, String)>);
    let undo = move |_| {
        if let Some((i, row, _)) = removed.get_untracked() {
            editor.edit_at(path, |p| {
                if let Some(list) = rows_at_mut(p, path) {
                    list.put_back(i, row);
                }
            });
            removed.set(None);
        }
    };
    let add = move |_| {
        let mut new_id = None;
        editor.edit_at(path, |p| {
            new_id = rows_at_mut(p, path).map(|list| list.add())
        });
        // Put the cursor in the new row's first field.
        added.set_value(new_id);
        opens.with_value(|o| {
            for open in o.values() {
                open.try_set(false);
            }
        });
        if let Some(rid) = new_id {
            request_animation_frame(move || {
                if let Some(el) = document()
                    .query_selector(&format!(
                        "#{id}-{rid} input, #{id}-{rid} textarea, #{id}-{rid} select"
                    ))
                    .ok()
                    .flatten()
                {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    };
    let row_view = move |rid: RowId| {
        // Short tables show every row open; long ones show a line per row until one is opened,
        // so a step with twelve contacts still reads as a list. A row just added opens.
        let open =
            RwSignal::new(ids.with_untracked(|l| l.len() <= 3) || added.get_value() == Some(rid));
        opens.update_value(|o| {
            o.insert(rid, open);
        });
        on_cleanup(move || {
            opens.try_update_value(|o| o.remove(&rid));
        });
        let body_id = format!("{id}-{rid}-body");
        // A row's fields exist only while it is open: a plan with hundreds of contacts would
        // otherwise keep thousands of hidden inputs in step with every keystroke.
        let body = move || {
            open.get().then(|| {
                let specs: Vec<FieldSpec> = columns
                    .iter()
                    .map(|c| {
                        let key = c.key;
                        let binding = Binding::new(
                            move |p: &Plan| cell(p, path, rid, key),
                            move |p: &mut Plan, s: &str| set_cell(p, path, rid, key, s),
                        )
                        .at(format!("{path}.{rid}.{key}"));
                        let mut f = FieldSpec::new(
                            format!("{id}-{rid}-{key}"),
                            t(c.label),
                            kind_of(c.kind, c.help.unit, Some((path, rid))),
                            binding,
                        )
                        .hint(c.help.hint.map(t).unwrap_or(""));
                        f.more = c.more;
                        f.reads = options_scope(c.kind);
                        f
                    })
                    .collect();
                let (more, main): (Vec<_>, Vec<_>) = specs.into_iter().partition(|f| f.more);
                let main = main.into_iter().map(field).collect_view();
                let more = (!more.is_empty()).then(|| {
                    let more = more.into_iter().map(field).collect_view();
                    view! { <details class="more"><summary>{t("field.more_detail")}</summary><div class="form-grid">{more}</div></details> }
                });
                view! { <div class="form-grid">{main}</div> {more} }
            })
        };
        let (title, badge_text, summary) = head_of(rid);
        // Folded, a row shows what matters (an action's owner, due date and status); a closed
        // list can be changed right there, in one tap, without unfolding the row.
        let folded_view = {
            move || {
                if open.get() {
                    return None;
                }
                let values = summary.get();
                let parts = folded.get_value()
                    .into_iter()
                    .zip(values)
                    .filter_map(|(c, value)| {
                        let key = c.key;
                        match &kind_of(c.kind, c.help.unit, Some((path, rid))) {
                            Kind::Choice(options) => {
                                let label = t(c.label);
                                let opts = editor.plan.with_untracked(|p| p.as_ref().map(|p| options(p))).unwrap_or_default();
                                let current = value.clone();
                                let opts = opts
                                    .into_iter()
                                    .map(|(k, l)| {
                                        let selected = k == current;
                                        view! { <option value=k selected=selected>{l}</option> }
                                    })
                                    .collect_view();
                                Some(view! {
                                    <select class="row-quick" disabled=read_only
                                        aria-label=move || tf("table.quick", &[&label, &heading_text(title, noun)])
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            editor.edit_at(&format!("{path}.{rid}.{key}"), |p| {
                                                let _ = set_cell(p, path, rid, key, &v);
                                            });
                                        }>
                                        {opts}
                                    </select>
                                }
                                .into_any())
                            }
                            _ if value.trim().is_empty() => None,
                            Kind::Date => Some(view! { <span class="row-fact">{value.parse::<chrono::NaiveDate>().map(crate::i18n::date).unwrap_or(value)}</span> }.into_any()),
                            Kind::Check => None,
                            _ => Some(view! { <span class="row-fact">{value}</span> }.into_any()),
                        }
                    })
                    .collect_view();
                Some(view! { <div class="row-summary">{parts}</div> })
            }
        };
        let position = move || ids.with(|l| l.iter().position(|x| *x == rid).unwrap_or(0));
        // One subscriber per row to the plan for its caption, however many labels show it.
        let heading = Memo::new(move |_| match title.get() {
            Some(t) => t,
            None => tf("table.new_row", &[&noun]),
        });
        let shift = move |delta: isize| {
            editor.edit_at(path, |p| {
                if let Some(list) = rows_at_mut(p, path) {
                    list.shift(rid, delta);
                }
            })
        };
        // Removing keeps the row (and where it was) so one click can bring it back.
        let remove = move |_| {
            let mut taken = None;
            let mut name = String::new();
            editor.edit_at(path, |p| {
                name = row_heading(p, spec, rid);
                taken = rows_at_mut(p, path).and_then(|list| list.take(rid));
            });
            if let Some((i, row)) = taken {
                removed.set(Some((
                    i,
                    row,
                    if name.trim().is_empty() {
                        tf("table.the_row", &[&noun])
                    } else {
                        tf("table.quoted", &[&name])
                    },
                )));
            }
        };
        view! {
            <li class="row-card" id=format!("{id}-{rid}") class:collapsed=move || !open.get()>
                <div class="row-head">
                    <h3>
                        <button type="button" class="row-toggle" aria-expanded=move || open.get().to_string()
                            aria-controls=body_id.clone() on:click=move |_| open.update(|o| *o = !*o)>
                            <span class="chevron" aria-hidden="true">"▸"</span>
                            <span class="caption">{move || heading.get()}</span>
                        </button>
                    </h3>
                    {folded_view}
                    {move || badge_text.get().map(|t| view! { <span class="badge warn">{t}</span> })}
                    <div class="row-tools">
                        <button type="button" class="icon" on:click=move |_| shift(-1) disabled=move || read_only() || position() == 0
                            aria-label=move || tf("table.move_up", &[&heading.get()])>"↑"</button>
                        <button type="button" class="icon" on:click=move |_| shift(1)
                            disabled=move || read_only() || (position() + 1 >= ids.with(Vec::len))
                            aria-label=move || tf("table.move_down", &[&heading.get()])>"↓"</button>
                        <button type="button" class="icon danger" on:click=remove disabled=read_only
                            aria-label=move || tf("table.remove", &[&heading.get()])>"✕"</button>
                    </div>
                </div>
                {crate::components::comments::row_pins(id, rid, heading.into())}
                <div class="row-body" id=body_id hidden=move || !open.get()>
                    {body}
                </div>
            </li>
        }
    };
    let intro = (!intro.is_empty()).then(|| view! { <p class="section-intro">{intro}</p> });
    view! {
        <section class="card table" id=id>
            <h2>{title}</h2>
            {intro}
            {move || removed.with(|r| r.as_ref().map(|(_, _, name)| name.clone())).map(|name| view! {
                <p class="undo-row" role="status">{tf("table.removed", &[&name])} " "
                    <button type="button" class="link" on:click=undo>{t("common.undo")}</button></p>
            })}
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{tf("table.none_yet", &[&noun])}</p>
            </Show>
            <ol class="rows">
                <For each=move || ids.get() key=|rid| *rid children=row_view />
            </ol>
            <button type="button" class="secondary add" on:click=add disabled=read_only>{tf("table.add", &[&noun])}</button>
        </section>
    }
    .into_any()
}
