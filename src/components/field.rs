//! One form field for every kind of value: label, hint, validation message and autosave.

use crate::i18n::t;

use leptos::prelude::*;

use crate::state::editor::Editor;

mod conflict;
mod spec;

use conflict::conflict_at_field;
pub use spec::*;

/// Draws a field bound to the open plan. Invalid text stays in the box with a message saying
/// what to type; the plan keeps its last valid value.
pub fn field(spec: FieldSpec) -> AnyView {
    let editor = expect_context::<Editor>();
    let FieldSpec {
        id,
        label,
        hint,
        kind,
        binding,
        wide,
        reads,
        ..
    } = spec;
    let get = binding.get.clone();
    let scope = binding.scope.clone();
    let value =
        Memo::new(move |_| editor.read(&scope, |p| p.as_ref().map(|p| get(p)).unwrap_or_default()));
    let error = RwSignal::new(None::<String>);
    // What the rep is typing, kept as typed ("1,2" stays "1,2" even though the plan holds 12)
    // until the box loses focus, so a reformatted value never moves the caret. The draft goes
    // with the value it gave the plan: once the plan holds another value (another tab's save,
    // a conflict settled), the box shows the plan, never a stale draft.
    let draft = StoredValue::new(None::<(String, Option<String>)>);
    let shown = move || {
        let v = value.get();
        draft
            .with_value(|d| {
                d.as_ref()
                    .filter(|(_, gave)| gave.as_ref().is_none_or(|g| *g == v))
                    .map(|(text, _)| text.clone())
            })
            .unwrap_or(v)
    };
    let read_only = move || editor.read_only.with(Option::is_some);
    let set = binding.set.clone();
    let at = binding.scope.clone();
    // A percentage outside 0–100 is refused at the field, with what to type, and not stored.
    let percent = matches!(kind, Kind::Percent);
    let commit = move |text: String| {
        if percent {
            if let Err(e) = crate::model::text::parse_percent(&text) {
                error.set(Some(e.into()));
                return;
            }
        }
        let mut result = Ok(());
        let set = set.clone();
        editor.edit_at(&at, |p| result = set(p, &text));
        error.set(result.err().map(|m| crate::i18n::describe::words(&m)));
    };
    let conflict = conflict_at_field(
        editor,
        binding.get.clone(),
        value,
        id.clone(),
        label.clone(),
        kind.clone(),
    );
    // Reviewer comments pinned to this field (issue 15), drawn under it.
    let conflict = (
        conflict,
        crate::components::comments::field_pins(&id, &label),
    );
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let described = {
        let (h, e, has_hint) = (hint_id.clone(), err_id.clone(), !hint.is_empty());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(h.clone());
            }
            if error.with(Option::is_some) {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let hint_view =
        (!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint.clone()}</p> });
    let error_view = move || {
        error
            .get()
            .map(|msg| view! { <p class="error" id=err_id.clone() role="alert">{msg}</p> })
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let class = if wide { "field wide" } else { "field" };
    let on_input = {
        let commit = commit.clone();
        let get = binding.get.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            draft.set_value(Some((text.clone(), None)));
            commit(text.clone());
            let gave = editor
                .plan
                .with_untracked(|p| p.as_ref().map(|p| get(p)).unwrap_or_default());
            draft.set_value(Some((text, Some(gave))));
        }
    };
    // Leaving a field saves it at once.
    let on_blur = move |_| {
        draft.set_value(None);
        editor.flush();
    };

    match kind {
        Kind::Rating => {
            let name = id.clone();
            let buttons = (1..=5u8)
                .map(|n| {
                    let commit = commit.clone();
                    let checked = move || value.get() == n.to_string();
                    view! {
                        <label class="rating-option">
                            <input type="radio" name=name.clone() value=n.to_string() prop:checked=checked
                                disabled=read_only on:change=move |_| commit(n.to_string()) />
                            <span>{n}</span>
                        </label>
                    }
                })
                .collect_view();
            let clear = {
                let commit = commit.clone();
                move |_| commit(String::new())
            };
            view! {
                <fieldset class="field rating" id=id.clone() aria-describedby=described>
                    <legend>{label}</legend>
                    <div class="rating-scale">
                        {buttons}
                        <button type="button" class="link clear" on:click=clear disabled=read_only
                            hidden=move || value.with(String::is_empty)>{t("field.clear")}</button>
                    </div>
                    {hint_view}
                    {error_view}
                    {conflict}
                </fieldset>
            }
            .into_any()
        }
        Kind::Check => view! {
            <div class=format!("{class} check")>
                <label>
                    <input type="checkbox" id=id.clone() prop:checked=move || value.get() == "true" disabled=read_only
                        aria-describedby=described
                        on:change=move |ev| commit(event_target_checked(&ev).to_string()) />
                    " " {label}
                </label>
                {hint_view}
                {conflict}
            </div>
        }
        .into_any(),
        Kind::Choice(options) => {
            let opts = Memo::new(move |_| editor.read(reads, |p| p.as_ref().map(|p| options(p)).unwrap_or_default()));
            view! {
                <div class=class>
                    <label for=id.clone()>{label}</label>
                    <select id=id.clone() disabled=read_only aria-describedby=described on:change=on_input>
                        {move || {
                            let current = value.get();
                            opts.get()
                                .into_iter()
                                .map(|(k, l)| {
                                    let selected = k == current;
                                    view! { <option value=k selected=selected>{l}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                    {hint_view}
                    {error_view}
                    {conflict}
                </div>
            }
            .into_any()
        }
        Kind::Multi(options) => {
            let opts = Memo::new(move |_| editor.read(reads, |p| p.as_ref().map(|p| options(p)).unwrap_or_default()));
            let boxes = move || {
                let ticked: Vec<String> = value.get().split(',').map(str::to_string).collect();
                let all = opts.get();
                if all.is_empty() {
                    return view! { <p class="muted small">{t("field.nothing_to_choose")}</p> }.into_any();
                }
                all.into_iter()
                    .map(|(k, l)| {
                        let on = ticked.contains(&k);
                        let commit = commit.clone();
                        let key = k.clone();
                        let toggle = move |ev: leptos::ev::Event| {
                            let mut keys: Vec<String> =
                                value.get_untracked().split(',').filter(|s| !s.is_empty()).map(str::to_string).collect();
                            keys.retain(|x| *x != key);
                            if event_target_checked(&ev) {
                                keys.push(key.clone());
                            }
                            commit(keys.join(","));
                        };
                        view! {
                            <label class="multi-option">
                                <input type="checkbox" prop:checked=on disabled=read_only on:change=toggle />
                                " " {l}
                            </label>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                <fieldset class=format!("{class} multi") id=id.clone() aria-describedby=described>
                    <legend>{label}</legend>
                    <div class="multi-options">{boxes}</div>
                    {hint_view}
                    {error_view}
                    {conflict}
                </fieldset>
            }
            .into_any()
        }
        Kind::LongText => view! {
            <div class=class>
                <label for=id.clone()>{label}</label>
                <textarea id=id.clone() rows="3" prop:value=shown readonly=read_only
                    aria-describedby=described aria-invalid=invalid on:input=on_input on:blur=on_blur></textarea>
                {hint_view}
                {error_view}
                {conflict}
            </div>
        }
        .into_any(),
        kind => {
            let (input_type, mode, unit) = match kind {
                Kind::Number(unit) => ("text", Some("decimal"), Some(unit)),
                Kind::Money => ("text", Some("decimal"), None),
                Kind::Percent => ("text", Some("decimal"), Some("%")),
                Kind::Date => ("date", None, None),
                _ => ("text", None, None),
            };
            let unit_view = unit.filter(|u| !u.is_empty()).map(|u| view! { <span class="unit">{u}</span> });
            view! {
                <div class=class>
                    <label for=id.clone()>{label}</label>
                    <div class="input-row">
                        <input id=id.clone() type=input_type inputmode=mode prop:value=shown
                            readonly=read_only aria-describedby=described aria-invalid=invalid
                            on:input=on_input on:blur=on_blur />
                        {unit_view}
                    </div>
                    {hint_view}
                    {error_view}
                    {conflict}
                </div>
            }
            .into_any()
        }
    }
}
