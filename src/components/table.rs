//! An editable table of plan rows: each row a card of fields, with add, remove and reorder.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{t, tf};
use wasm_bindgen::JsCast;

use super::field::{field, Binding, FieldSpec, Kind};
use crate::model::plan::{next_row_id, Plan, RowId};
use crate::state::editor::Editor;

/// A row of a plan table: it has an id unique within its table.
pub trait Row: Clone + Default + Send + Sync + 'static {
    fn id(&self) -> RowId;
    fn set_id(&mut self, id: RowId);
}

#[macro_export]
macro_rules! rows {
    ($($t:ty),* $(,)?) => {
        $(impl $crate::components::table::Row for $t {
            fn id(&self) -> $crate::model::plan::RowId { self.id }
            fn set_id(&mut self, id: $crate::model::plan::RowId) { self.id = id; }
        })*
    };
}

use crate::model::plan::{
    Action, CommItem, Competitor, Contact, Force, Metric, Objective, ProductSales, ReportItem,
    Resource, Strategy, TeamMember, Visit, WalletShare,
};
rows!(
    ProductSales,
    WalletShare,
    Contact,
    Objective,
    Strategy,
    Competitor,
    Force,
    Action,
    Visit,
    Resource,
    TeamMember,
    Metric,
    CommItem,
    ReportItem
);

/// One column: how to read and write a cell of row type `T` as text.
pub struct Column<T> {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub kind: Kind,
    pub get: fn(&T) -> String,
    pub set: fn(&mut T, &str) -> Result<(), String>,
    /// Folded under "More detail" in each row.
    pub more: bool,
}

/// Builds a column from a field path of the row: `col!(Objective, title, "Objective", Kind::Text)`.
#[macro_export]
macro_rules! col {
    ($t:ty, $f:ident, $label:expr, $kind:expr) => {
        $crate::col!($t, $f, $label, $kind, "")
    };
    ($t:ty, $f:ident, $label:expr, $kind:expr, $hint:expr) => {
        $crate::components::table::Column::<$t> {
            key: stringify!($f),
            label: $label,
            hint: $hint,
            kind: $kind,
            get: |r: &$t| $crate::model::text::FieldValue::to_text(&r.$f),
            set: |r: &mut $t, s: &str| {
                r.$f = $crate::model::text::FieldValue::from_text(s)?;
                Ok(())
            },
            more: false,
        }
    };
}

/// A column holding a `Choice` value.
#[macro_export]
macro_rules! col_choice {
    ($t:ty, $f:ident, $label:expr, $choice:ty) => {
        $crate::components::table::Column::<$t> {
            key: stringify!($f),
            label: $label,
            hint: "",
            kind: $crate::components::field::Kind::choice::<$choice>(),
            get: |r: &$t| $crate::model::text::choice_text(&r.$f),
            set: |r: &mut $t, s: &str| {
                r.$f = $crate::model::text::choice_from_text(s)?;
                Ok(())
            },
            more: false,
        }
    };
}

impl<T> Column<T> {
    pub fn more(mut self) -> Self {
        self.more = true;
        self
    }
    pub fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }
}

pub struct TableSpec<T> {
    /// Anchor and id prefix, e.g. "objectives": rows are "objectives-3", cells "objectives-3-title".
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    /// Names one row for buttons and the empty state, e.g. "objective".
    pub noun: &'static str,
    pub rows: fn(&Plan) -> &Vec<T>,
    pub rows_mut: fn(&mut Plan) -> &mut Vec<T>,
    pub columns: Vec<Column<T>>,
    /// A short title for the row's header line, e.g. the contact's name.
    pub caption: fn(&T) -> String,
    /// Extra computed content shown under a row (e.g. "overdue").
    pub badge: Option<fn(&Plan, &T) -> Option<String>>,
}

fn with_row<T: Row, R>(
    rows: fn(&Plan) -> &Vec<T>,
    p: &Plan,
    id: RowId,
    f: impl FnOnce(&T) -> R,
) -> Option<R> {
    rows(p).iter().find(|r| r.id() == id).map(f)
}

/// Reads one cell of a row as text.
type Getter<T> = fn(&T) -> String;

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

/// Draws the table. Rows are keyed by id, so editing one row does not redraw the others.
pub fn table<T: Row>(spec: TableSpec<T>) -> AnyView {
    let editor = expect_context::<Editor>();
    let TableSpec {
        id,
        title,
        intro,
        noun,
        rows,
        rows_mut,
        columns,
        caption,
        badge,
    } = spec;
    let columns = Arc::new(columns);
    // What a folded row shows beside its caption: the plan schema says, per table.
    let folded: Arc<Vec<usize>> = Arc::new(
        crate::model::schema::table_by_anchor(id)
            .map(|(_, t)| {
                t.folded
                    .iter()
                    .filter_map(|k| columns.iter().position(|c| c.key == *k))
                    .collect()
            })
            .unwrap_or_default(),
    );
    let ids = Memo::new(move |_| {
        editor.plan.with(|p| {
            p.as_ref()
                .map(|p| rows(p).iter().map(Row::id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // Each row's caption and badge live in the row's own signals, kept up to date by one effect:
    // a keystroke then costs one pass over the rows, not one subscription per row to the plan.
    type Heads = HashMap<RowId, Head>;
    let heads = StoredValue::new(Heads::new());
    let getters: StoredValue<Vec<Getter<T>>> =
        StoredValue::new(folded.iter().map(|i| columns[*i].get).collect());
    let compute = move |p: &Plan, r: &T| {
        let c = caption(r);
        let c = (!c.trim().is_empty()).then_some(c);
        let summary: Vec<String> = getters.with_value(|g| g.iter().map(|get| get(r)).collect());
        (c, badge.and_then(|b| b(p, r)), summary)
    };
    Effect::new(move |_| {
        editor.plan.with(|p| {
            let Some(p) = p.as_ref() else { return };
            heads.with_value(|h| {
                for r in rows(p) {
                    if let Some((cap, bad, sum)) = h.get(&r.id()) {
                        let (c, b, s) = compute(p, r);
                        if cap.try_with_untracked(|x| *x != c) == Some(true) {
                            cap.try_set(c);
                        }
                        if bad.try_with_untracked(|x| *x != b) == Some(true) {
                            bad.try_set(b);
                        }
                        if sum.try_with_untracked(|x| *x != s) == Some(true) {
                            sum.try_set(s);
                        }
                    }
                }
            });
        })
    });
    let head_of = move |rid: RowId| {
        if let Some(found) = heads.with_value(|h| h.get(&rid).copied()) {
            if found.0.try_get_untracked().is_some() {
                return found;
            }
        }
        let (c, b, s) = editor
            .plan
            .with_untracked(|p| {
                p.as_ref().and_then(|p| {
                    rows(p)
                        .iter()
                        .find(|r| r.id() == rid)
                        .map(|r| compute(p, r))
                })
            })
            .unwrap_or_default();
        // The signals belong to the row: a removed row's go with it (an undone removal makes
        // new ones).
        let made = (RwSignal::new(c), RwSignal::new(b), RwSignal::new(s));
        heads.update_value(|h| {
            h.insert(rid, made);
        });
        on_cleanup(move || {
            heads.try_update_value(|h| h.remove(&rid));
        });
        made
    };
    let read_only = move || editor.read_only.with(Option::is_some);
    let added = StoredValue::new(None::<RowId>);
    // Each row's open state, so that a new row can fold the others.
    let opens = StoredValue::new(HashMap::<RowId, RwSignal<bool>>::new());
    let removed = RwSignal::new(None::<(usize, T, String)>);
    let undo = move |_| {
        if let Some((i, row, _)) = removed.get_untracked() {
            editor.edit(|p| {
                let list = rows_mut(p);
                let mut row = row;
                if list.iter().any(|r| r.id() == row.id()) {
                    row.set_id(next_row_id(list, Row::id));
                }
                list.insert(i.min(list.len()), row);
            });
            removed.set(None);
        }
    };
    let add = move |_| {
        editor.edit(|p| {
            let list = rows_mut(p);
            let mut row = T::default();
            row.set_id(next_row_id(list, Row::id));
            list.push(row);
        });
        // Put the cursor in the new row's first field.
        let new_id = editor
            .plan
            .with_untracked(|p| p.as_ref().and_then(|p| rows(p).last().map(Row::id)));
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
        let cols = columns.clone();
        // A row's fields exist only while it is open: a plan with hundreds of contacts would
        // otherwise keep thousands of hidden inputs in step with every keystroke.
        let body = move || {
            open.get().then(|| {
                let specs: Vec<FieldSpec> = cols
                    .iter()
                    .map(|c| {
                        let (get, set) = (c.get, c.set);
                        let binding = Binding::new(
                            move |p: &Plan| with_row(rows, p, rid, get).unwrap_or_default(),
                            move |p: &mut Plan, s: &str| match rows_mut(p)
                                .iter_mut()
                                .find(|r| r.id() == rid)
                            {
                                Some(r) => set(r, s),
                                None => Ok(()),
                            },
                        );
                        let mut f = FieldSpec::new(
                            format!("{id}-{rid}-{}", c.key),
                            c.label,
                            c.kind.clone(),
                            binding,
                        )
                        .hint(c.hint);
                        f.more = c.more;
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
            let cols = columns.clone();
            let folded = folded.clone();
            move || {
                if open.get() {
                    return None;
                }
                let values = summary.get();
                let parts = folded
                    .iter()
                    .zip(values)
                    .filter_map(|(i, value)| {
                        let c = &cols[*i];
                        match &c.kind {
                            Kind::Choice(options) => {
                                let set = c.set;
                                let label = c.label;
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
                                            editor.edit(|p| {
                                                if let Some(r) = rows_mut(p).iter_mut().find(|r| r.id() == rid) {
                                                    let _ = set(r, &v);
                                                }
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
            editor.edit(|p| {
                let list = rows_mut(p);
                if let Some(i) = list.iter().position(|r| r.id() == rid) {
                    let j = i as isize + delta;
                    if j >= 0 && (j as usize) < list.len() {
                        list.swap(i, j as usize);
                    }
                }
            })
        };
        // Removing keeps the row (and where it was) so one click can bring it back.
        let remove = move |_| {
            let mut taken = None;
            editor.edit(|p| {
                let list = rows_mut(p);
                if let Some(i) = list.iter().position(|r| r.id() == rid) {
                    taken = Some((i, list.remove(i)));
                }
            });
            if let Some((i, row)) = taken {
                let name = caption(&row);
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
