//! A field where this tab and another tab's save disagree: both texts and the two choices.

use std::sync::Arc;

use leptos::prelude::*;

use super::{Getter, Kind};
use crate::components::conflicts::{conflict_sides, keep_or_take};
use crate::i18n::t;
use crate::state::editor::Editor;

/// Both texts side by side when this field is a place where this tab and another tab's save
/// disagree (state/editor.rs), with the rep's two choices. Registers the field's label for
/// the banner at the top of the page.
pub(super) fn conflict_at_field(
    editor: Editor,
    get: Getter,
    value: Memo<String>,
    field_id: String,
    label: String,
    kind: Kind,
) -> impl IntoView {
    let found = Memo::new(move |_| {
        editor.conflicts.with(|cs| {
            cs.iter().find_map(|c| {
                let (mine, theirs) = (get(&c.mine_plan), get(&c.theirs_plan));
                (mine != theirs).then(|| (c.held.path.clone(), mine, theirs))
            })
        })
    });
    let title_id = format!("{field_id}-conflict");
    let label_for_banner = label.clone();
    Effect::new(move |_| {
        if let Some((path, ..)) = found.get() {
            let key = crate::model::merge::path_text(&path);
            let (label, id) = (label_for_banner.clone(), field_id.clone());
            editor.conflict_labels.update(|l| {
                l.retain(|(k, ..)| *k != key);
                l.push((key, label, id));
            });
        }
    });
    let words = Arc::new(move |text: String| -> String {
        if text.is_empty() {
            return t("conflict.empty").to_string();
        }
        match &kind {
            Kind::Choice(opts) => editor
                .plan
                .with_untracked(|p| p.as_ref().map(|p| opts(p)))
                .unwrap_or_default()
                .into_iter()
                .find(|(k, _)| *k == text)
                .map_or(text, |(_, l)| l),
            Kind::Check => if text == "true" {
                t("conflict.ticked")
            } else {
                t("conflict.not_ticked")
            }
            .to_string(),
            _ => text,
        }
    });
    move || {
        found.get().map(|(path, _, theirs)| {
            let w = words.clone();
            // This tab's text as it is now: the rep may go on typing in the box.
            let mine = move || w(value.get());
            let theirs = words(theirs);
            view! {
                <div class="field-conflict" role="group" aria-labelledby=title_id.clone() data-testid="field-conflict">
                    <p class="conflict-title" id=title_id.clone()>{t("conflict.field_title")}</p>
                    {conflict_sides(
                        (t("conflict.mine"), t("conflict.theirs")),
                        mine,
                        theirs,
                        Some(("conflict-mine", "conflict-theirs")),
                    )}
                    {keep_or_take(editor, path)}
                </div>
            }
        })
    }
}
