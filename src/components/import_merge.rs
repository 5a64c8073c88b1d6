//! A plan that comes back (issue 15, item 2): in the import dialog, what changed since the rep
//! sent it, step by step, and the merge with the local plan: what only one side changed is
//! taken; each conflict is shown side by side with its field's label and step, and the rep
//! keeps theirs, takes the other side's, or types their own. Nothing is written here: the
//! import dialog (sharing.rs) writes the resolved plans when the rep confirms.

use leptos::prelude::*;
use serde_json::Value;

use crate::components::conflicts::{conflict_sides, value_words};
use crate::i18n::{t, tf};
use crate::model::merge::Conflict;
use crate::model::plan::Plan;
use crate::model::privacy::without_private_notes;
use crate::model::provenance::{editable, place, three_way, Base, Kind, Outcome, Pick, Place};
use crate::model::schema::{find_row, FieldKind, Step};
use crate::model::scoring::ScoringSettings;
use crate::model::snapshot::snapshot;
use crate::steps::compare::{comparison, Version};
use crate::steps::words;

/// One plan of the file that exists here and has a merge base.
#[derive(Clone, Debug)]
pub struct Returning {
    pub ours: Plan,
    pub base: Base,
    pub outcome: Outcome,
    /// The sender's merge base is not the version last exchanged with this browser.
    pub other_base: bool,
}

impl Returning {
    /// The merge of `theirs` (from a file carrying `sender_base`, the fingerprint of the
    /// sender's base) into the local plan.
    pub fn new(ours: Plan, base: Base, theirs: &Plan, sender_base: Option<&str>) -> Self {
        let outcome = three_way(&base, &ours, theirs);
        let other_base = sender_base.is_some_and(|f| f != base.fingerprint);
        Returning {
            ours,
            base,
            outcome,
            other_base,
        }
    }

    /// Whether the import writes anything for this plan when merged.
    pub fn takes_anything(&self) -> bool {
        matches!(self.outcome.kind, Kind::OnlyTheirs | Kind::Both)
    }
}

/// The conflict's place in words: (label, "Step n · name").
fn place_words(c: &Conflict, ours: &Value, theirs: &Value) -> (String, String, Option<FieldKind>) {
    let step_words = |s: Step| tf("merge.in_step", &[&s.number(), &t(s.name_key())]);
    let row_of = |table_path: &str, id: &Value| {
        let id = id.as_u64().unwrap_or(0);
        find_row(ours, table_path, id)
            .or_else(|| find_row(theirs, table_path, id))
            .cloned()
            .unwrap_or(Value::Null)
    };
    match place(&c.path) {
        Place::Field(s, f) => (t(f.label).to_string(), step_words(s), Some(f.kind)),
        Place::Cell(s, table, id, col) => {
            let row = row_of(table.path, &id);
            let caption = words::caption(table, &row, ours);
            (
                tf("diff.in_row", &[&caption, &t(col.label)]),
                step_words(s),
                Some(col.kind),
            )
        }
        Place::Row(s, table, id) => {
            let row = row_of(table.path, &id);
            let caption = words::caption(table, &row, ours);
            (
                tf("merge.row", &[&t(table.label), &caption]),
                step_words(s),
                None,
            )
        }
        Place::Other(s, path) => (
            tf("merge.other", &[&path]),
            s.map(step_words).unwrap_or_default(),
            None,
        ),
    }
}

fn side_words(kind: Option<FieldKind>, v: Option<&Value>, plan: &Value) -> String {
    match (kind, v) {
        (Some(k), Some(v)) if !matches!(v, Value::Object(_)) => {
            let w = words::value(k, v, plan);
            if w.trim().is_empty() {
                t("conflict.empty").to_string()
            } else {
                w
            }
        }
        _ => value_words(v),
    }
}

/// The part of the import dialog for one plan that comes back.
#[component]
pub fn ReturningView(
    /// The plan's place in the file.
    index: usize,
    returning: Returning,
    theirs: Plan,
    /// The rep's pick for each conflict of each plan of the file.
    picks: RwSignal<Vec<Vec<Option<Pick>>>>,
    /// Whether the rep chose to merge this plan.
    #[prop(into)]
    merging: Signal<bool>,
    settings: ScoringSettings,
) -> impl IntoView {
    let Returning {
        ours,
        base,
        outcome,
        other_base,
    } = returning;
    let kind = outcome.kind;
    let (note, class) = match kind {
        Kind::Same => (t("merge.same"), "muted"),
        Kind::OnlyOurs => (t("merge.only_ours"), "muted"),
        Kind::OnlyTheirs => (t("merge.only_theirs"), "ok"),
        Kind::Both if outcome.conflicts.is_empty() => (t("merge.both_clean"), "ok"),
        Kind::Both => (t("merge.both_conflicts"), "warn"),
    };
    let today = crate::state::workspace::today();
    let changes = matches!(kind, Kind::OnlyTheirs | Kind::Both).then(|| {
        let a = Version {
            snapshot: snapshot(&base.plan),
            day: today,
        };
        let b = Version {
            // A plan that comes back never carries private notes, not even in what it shows.
            snapshot: snapshot(&without_private_notes(&theirs)),
            day: today,
        };
        view! {
            <details class="merge-changes" open data-testid="merge-changes">
                <summary>{t("merge.changed_since")}</summary>
                {comparison(&a, &b, &settings)}
            </details>
        }
    });
    let ours_v = serde_json::to_value(&ours).unwrap_or(Value::Null);
    let theirs_v = serde_json::to_value(&theirs).unwrap_or(Value::Null);
    let n = outcome.conflicts.len();
    let items = outcome
        .conflicts
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let (label, step, fkind) = place_words(c, &ours_v, &theirs_v);
            let mine = side_words(fkind, c.ours.as_ref(), &ours_v);
            let other = side_words(fkind, c.theirs.as_ref(), &theirs_v);
            let can_edit = editable(c);
            let start = c
                .theirs
                .as_ref()
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let picked = move || picks.with(|p| p.get(index).and_then(|v| v.get(ci)).cloned().flatten());
            let set = move |pick: Pick| {
                picks.update(|p| {
                    if let Some(slot) = p.get_mut(index).and_then(|v| v.get_mut(ci)) {
                        *slot = Some(pick);
                    }
                })
            };
            let picked_untracked = move || {
                picks.with_untracked(|p| p.get(index).and_then(|v| v.get(ci)).cloned().flatten())
            };
            let editing = Memo::new(move |_| matches!(picked(), Some(Pick::Edited(_))));
            let group = format!("merge-{index}-{ci}");
            let edit_id = format!("merge-edit-{index}-{ci}");
            let label2 = label.clone();
            let radio_group = group.clone();
            // "Keep mine" or "Take theirs".
            let radio = move |pick: Pick, text: &'static str| {
                let chosen = pick.clone();
                view! {
                    <label class="check-inline">
                        <input type="radio" name=radio_group.clone()
                            prop:checked=move || picked() == Some(chosen.clone())
                            on:change=move |_| set(pick.clone()) />
                        {text}
                    </label>
                }
            };
            view! {
                <li class="conflict-item merge-conflict" data-testid="merge-conflict">
                    <p class="conflict-field"><strong>{label.clone()}</strong>
                        " " <span class="muted small">{step}</span></p>
                    {conflict_sides(
                        (t("merge.mine"), t("merge.theirs")),
                        mine,
                        other,
                        Some(("merge-mine", "merge-theirs")),
                    )}
                    <fieldset class="merge-picks">
                        <legend class="visually-hidden">{tf("merge.pick_for", &[&label2])}</legend>
                        {radio(Pick::Ours, t("merge.keep_mine"))}
                        {radio(Pick::Theirs, t("merge.take_theirs"))}
                        {can_edit.then(|| view! {
                            <label class="check-inline">
                                <input type="radio" name=group.clone()
                                    prop:checked=move || matches!(picked(), Some(Pick::Edited(_)))
                                    on:change=move |_| set(Pick::Edited(start.clone())) />
                                {t("merge.edit")}
                            </label>
                        })}
                    </fieldset>
                    // Redrawn only when "Write my own" is picked or left, never while typing.
                    {move || editing.get().then(|| {
                        let text = match picked_untracked() {
                            Some(Pick::Edited(text)) => text,
                            _ => String::new(),
                        };
                        view! {
                            <div class="field wide">
                                <label for=edit_id.clone()>{t("merge.your_text")}</label>
                                <textarea id=edit_id.clone() rows="3" prop:value=text data-testid="merge-own"
                                    on:input=move |ev| set(Pick::Edited(event_target_value(&ev)))></textarea>
                            </div>
                        }
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="merge" data-testid="merge" data-kind=format!("{kind:?}")>
            <p class=format!("small merge-note {class}") data-testid="merge-note">{note}</p>
            {other_base.then(|| view! { <p class="small notice warn">{t("merge.other_base")}</p> })}
            {changes}
            {(n > 0).then(|| view! {
                <div style:display=move || if merging.get() { "block" } else { "none" }>
                    <p><strong>{tf("merge.conflicts", &[&n])}</strong> " " {t("merge.conflicts_explain")}</p>
                    <ul class="conflict-list">{items}</ul>
                </div>
            })}
        </div>
    }
}
