//! The banner at the top of the page while this tab holds text that another tab's save
//! contradicts (state/editor.rs): both texts side by side, "Keep mine" and "Take theirs".

use leptos::prelude::*;
use serde_json::Value;

use crate::i18n::{t, tf};
use crate::model::merge::{path_text, Path, Seg};
use crate::route::Route;
use crate::state::editor::Editor;
use crate::steps::step_name;

/// The wizard step that holds a plan field, from the first key of its path.
fn step_of(path: &[Seg]) -> u8 {
    match path.first() {
        Some(Seg::Key(k)) => match k.as_str() {
            "customer" => 2,
            "relationships" => 3,
            "blueprint" => 4,
            "action" => 5,
            "resources" => 6,
            "communication" => 7,
            _ => 1,
        },
        _ => 1,
    }
}

/// A stored value in words: text as is, a row as its filled-in cells.
pub fn value_words(v: Option<&Value>) -> String {
    fn leaves(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) if !s.is_empty() => out.push(s.clone()),
            Value::Number(n) => out.push(n.to_string()),
            Value::Bool(b) => out.push(
                if *b {
                    t("conflict.ticked")
                } else {
                    t("conflict.not_ticked")
                }
                .into(),
            ),
            Value::Array(a) => a.iter().for_each(|x| leaves(x, out)),
            Value::Object(o) => o
                .iter()
                .filter(|(k, _)| k.as_str() != "id")
                .for_each(|(_, x)| leaves(x, out)),
            _ => {}
        }
    }
    match v {
        None => t("conflict.removed").into(),
        Some(v) => {
            let mut out = Vec::new();
            leaves(v, &mut out);
            if out.is_empty() {
                t("conflict.empty").into()
            } else {
                out.join(" · ")
            }
        }
    }
}

/// Two texts side by side under who holds each (this tab's or this browser's first), with
/// optional test ids for the two texts.
pub fn conflict_sides(
    who: (&'static str, &'static str),
    mine: impl IntoView + 'static,
    theirs: impl IntoView + 'static,
    test_ids: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let (mine_id, theirs_id) = test_ids.unzip();
    view! {
        <div class="conflict-sides">
            <div class="conflict-side mine">
                <p class="conflict-who">{who.0}</p>
                <p class="conflict-text" data-testid=mine_id>{mine}</p>
            </div>
            <div class="conflict-side theirs">
                <p class="conflict-who">{who.1}</p>
                <p class="conflict-text" data-testid=theirs_id>{theirs}</p>
            </div>
        </div>
    }
}

/// The rep's two choices at a held place: "Keep mine" and "Take theirs".
pub fn keep_or_take(editor: Editor, path: Path) -> impl IntoView {
    let p2 = path.clone();
    view! {
        <div class="conflict-actions">
            <button type="button" class="primary" on:click=move |_| editor.resolve(&path, true)>{t("conflict.keep_mine")}</button>
            <button type="button" class="secondary" on:click=move |_| editor.resolve(&p2, false)>{t("conflict.take_theirs")}</button>
        </div>
    }
}

#[component]
pub fn ConflictBanner() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let items = move || {
        let plan_id = editor.id().unwrap_or_default();
        editor
            .conflicts
            .get()
            .into_iter()
            .map(|c| {
                let path = c.held.path.clone();
                let key = path_text(&path);
                let step = step_of(&path);
                // The field, once it has been drawn; else the step it is on.
                let field = editor.conflict_labels.with(|l| {
                    l.iter()
                        .find(|(k, ..)| *k == key)
                        .map(|(_, label, id)| (label.clone(), id.clone()))
                });
                let label = field.as_ref().map_or_else(
                    || tf("conflict.in_step", &[&step, &step_name(step)]),
                    |f| f.0.clone(),
                );
                let link = match &field {
                    Some(_) => t("conflict.show_field").to_string(),
                    None => tf("conflict.go_to_step", &[&step]),
                };
                let href = Route::Step {
                    plan: plan_id.clone(),
                    step,
                    focus: field.map(|f| f.1),
                }
                .to_hash();
                view! {
                    <li class="conflict-item">
                        <p class="conflict-field">
                            <strong>{label}</strong> " "
                            <a href=href>{link}</a>
                        </p>
                        {conflict_sides(
                            (t("conflict.mine"), t("conflict.theirs")),
                            value_words(c.held.ours.as_ref()),
                            value_words(c.held.theirs.as_ref()),
                            None,
                        )}
                        {keep_or_take(editor, path)}
                    </li>
                }
            })
            .collect_view()
    };
    move || {
        let n = editor.conflicts.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <section class="banner warn conflict-banner" role="alert" data-testid="conflict-banner"
                    aria-label={t("conflict.banner_label")}>
                    <p><strong>{if n == 1 { t("conflict.one").to_string() } else { tf("conflict.many", &[&n]) }}</strong>
                    " " {t("conflict.explain")}</p>
                    <ul class="conflict-list">{items}</ul>
                </section>
            }
        })
    }
}
