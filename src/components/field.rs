//! One form field for every kind of value: label, hint, validation message and autosave.

use crate::i18n::t;

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::describe::Label;
use crate::model::choice::Choice;
use crate::model::plan::Plan;
use crate::state::editor::Editor;

pub type Getter = Arc<dyn Fn(&Plan) -> String + Send + Sync>;
pub type Setter = Arc<dyn Fn(&mut Plan, &str) -> Result<(), crate::model::msg::Msg> + Send + Sync>;
pub type Options = Arc<dyn Fn(&Plan) -> Vec<(String, String)> + Send + Sync>;

/// How a value is read from and written to the plan, as text, and where it lives (the place a
/// keystroke notifies; "" for anywhere).
#[derive(Clone)]
pub struct Binding {
    pub get: Getter,
    pub set: Setter,
    pub scope: Arc<str>,
}

impl Binding {
    pub fn new(
        get: impl Fn(&Plan) -> String + Send + Sync + 'static,
        set: impl Fn(&mut Plan, &str) -> Result<(), crate::model::msg::Msg> + Send + Sync + 'static,
    ) -> Self {
        Binding {
            get: Arc::new(get),
            set: Arc::new(set),
            scope: "".into(),
        }
    }

    /// The value lives at `scope` (a schema path): a keystroke notifies only what reads there.
    pub fn at(mut self, scope: impl Into<Arc<str>>) -> Self {
        self.scope = scope.into();
        self
    }
}

#[derive(Clone)]
pub enum Kind {
    Text,
    LongText,
    Number(&'static str),
    Money,
    Percent,
    Date,
    Rating,
    Check,
    Choice(Options),
    /// Several of a list may be ticked; the value is the ticked keys joined by commas.
    Multi(Options),
}

impl Kind {
    pub fn choice<T: Choice>() -> Kind {
        Kind::Choice(Arc::new(|_| {
            T::all()
                .iter()
                .map(|v| (v.key().to_string(), v.label().to_string()))
                .collect()
        }))
    }
}

/// Everything a field needs to draw itself.
#[derive(Clone)]
pub struct FieldSpec {
    pub id: String,
    pub label: String,
    pub hint: String,
    pub kind: Kind,
    pub binding: Binding,
    /// Folded away under "More detail" until wanted.
    pub more: bool,
    /// Drawn across the whole row of a form grid.
    pub wide: bool,
    /// Where a choice's options come from in the plan ("" for anywhere).
    pub reads: &'static str,
}

impl FieldSpec {
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        kind: Kind,
        binding: Binding,
    ) -> Self {
        let wide = matches!(kind, Kind::LongText);
        FieldSpec {
            id: id.into(),
            label: label.into(),
            hint: String::new(),
            kind,
            binding,
            more: false,
            wide,
            reads: "",
        }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }
    pub fn more(mut self) -> Self {
        self.more = true;
        self
    }
    pub fn wide(mut self) -> Self {
        self.wide = true;
        self
    }
    /// Half a row even for long text (e.g. the four boxes of a SWOT).
    pub fn half(mut self) -> Self {
        self.wide = false;
        self
    }
}

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

/// Both texts side by side when this field is a place where this tab and another tab's save
/// disagree (state/editor.rs), with the rep's two choices. Registers the field's label for
/// the banner at the top of the page.
fn conflict_at_field(
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
            let p2 = path.clone();
            let w = words.clone();
            // This tab's text as it is now: the rep may go on typing in the box.
            let mine = move || w(value.get());
            let theirs = words(theirs);
            view! {
                <div class="field-conflict" role="group" aria-labelledby=title_id.clone() data-testid="field-conflict">
                    <p class="conflict-title" id=title_id.clone()>{t("conflict.field_title")}</p>
                    <div class="conflict-sides">
                        <div class="conflict-side mine">
                            <p class="conflict-who">{t("conflict.mine")}</p>
                            <p class="conflict-text" data-testid="conflict-mine">{mine}</p>
                        </div>
                        <div class="conflict-side theirs">
                            <p class="conflict-who">{t("conflict.theirs")}</p>
                            <p class="conflict-text" data-testid="conflict-theirs">{theirs}</p>
                        </div>
                    </div>
                    <div class="conflict-actions">
                        <button type="button" class="primary" on:click=move |_| editor.resolve(&path, true)>{t("conflict.keep_mine")}</button>
                        <button type="button" class="secondary" on:click=move |_| editor.resolve(&p2, false)>{t("conflict.take_theirs")}</button>
                    </div>
                </div>
            }
        })
    }
}
