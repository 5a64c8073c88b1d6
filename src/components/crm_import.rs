//! Import accounts from a CRM report or spreadsheet (CSV): choose the file, map its columns to
//! plan fields, see every plan to create and update and every problem, then confirm. Nothing
//! is written before the confirm, and the whole import can be undone.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use crate::i18n::describe::Label;
use crate::i18n::{t, tf};
use crate::model::crm::accounts::{
    guess_style, new_plan, preview, refreshed, Preview, Problem, ProblemKind, ReadStyle, Value,
};
use crate::model::crm::date::DateOrder;
use crate::model::crm::mapping::{guess, Target};
use crate::model::crm::read::{
    check_text, column_letter, decode, parse, Decoded, Encoding, ReadError, Table, MAX_BYTES,
    MAX_COLUMNS, MAX_ROWS,
};
use crate::model::plan::Plan;
use crate::model::text::format_number;
use crate::state::crm::{import_accounts, undo_import, Imported, UndoError};
use crate::state::workspace::{new_id, today, Workspace};
use crate::steps::step1::criterion_label;

/// How many problems, new plans and updates the preview draws; the counts are always whole.
const SHOWN: usize = 50;

/// A file read and parsed once.
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    name: String,
    encoding: Encoding,
    table: Table,
    /// Every readable plan in the workspace, to match rows against.
    existing: Vec<Plan>,
}

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Choose,
    Map,
    Done {
        created: usize,
        updated: usize,
        undo: Option<Arc<Imported>>,
    },
    Undone,
}

pub fn read_error_text(e: &ReadError) -> String {
    match e {
        ReadError::Empty => t("crm.e.empty").into(),
        ReadError::TooLarge { bytes } => tf(
            "crm.e.too_large",
            &[
                &format!("{:.1}", *bytes as f64 / 1_048_576.0),
                &(MAX_BYTES / 1_048_576),
            ],
        ),
        ReadError::Workbook => t("crm.e.workbook").into(),
        ReadError::Binary => t("crm.e.binary").into(),
        ReadError::UnclosedQuote { row } => tf("crm.e.quote", &[row]),
        ReadError::TooManyRows { rows } => tf("crm.e.rows", &[rows, &MAX_ROWS]),
        ReadError::TooManyColumns { columns } => tf("crm.e.columns", &[columns, &MAX_COLUMNS]),
        ReadError::NoRows => t("crm.e.no_rows").into(),
    }
}

fn target_label(target: Target) -> String {
    match target {
        Target::AccountName => t("crm.field.account_name").into(),
        Target::AccountId => t("crm.field.account_id").into(),
        Target::Level => t("crm.field.level").into(),
        Target::Industry => t("crm.field.industry").into(),
        Target::LastYearSales => t("crm.field.last_year_sales").into(),
        Target::LastYearProfit => t("crm.field.last_year_profit").into(),
        Target::ShareOfSpend => t("crm.field.share_of_spend").into(),
        Target::Score(c) => tf("crm.field.score", &[&criterion_label(c)]),
        Target::PreparedBy => t("crm.field.prepared_by").into(),
        Target::NextReview => t("crm.field.next_review").into(),
    }
}

fn column_name(table: &Table, col: usize) -> String {
    match table.headers.get(col).map(|h| h.trim()) {
        Some(h) if !h.is_empty() => h.to_string(),
        _ => tf("crm.column_letter", &[&column_letter(col)]),
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Empty => t("crm.empty_value").into(),
        Value::Text(s) => s.clone(),
        Value::Number(n) => format_number(*n),
        Value::Level(l) => l.label().into(),
        Value::Score(s) => s.to_string(),
        Value::Date(d) => crate::i18n::date(*d),
    }
}

fn problem_text(table: &Table, p: &Problem) -> String {
    let col = p.col.map(|c| column_name(table, c)).unwrap_or_default();
    let v = &p.value;
    let cell = |key: &'static str| tf(key, &[&p.row, &col, v]);
    let tail = if p.skips_row {
        t("crm.p.row_skipped")
    } else {
        t("crm.p.value_left_out")
    };
    let what = match &p.kind {
        ProblemKind::NotANumber => cell("crm.p.not_number"),
        ProblemKind::NotADate => cell("crm.p.not_date"),
        ProblemKind::NotALevel => cell("crm.p.not_level"),
        ProblemKind::NotAScore => cell("crm.p.not_score"),
        ProblemKind::NotAShare => cell("crm.p.not_share"),
        ProblemKind::Formula => cell("crm.p.formula"),
        ProblemKind::NoName => tf("crm.p.no_name", &[&p.row]),
        ProblemKind::SameAccountAs { row } => tf("crm.p.same_as", &[&p.row, v, row]),
        ProblemKind::SeveralPlans { count } => tf("crm.p.several", &[&p.row, v, count]),
        ProblemKind::TooManyValues { got, columns } => {
            tf("crm.p.too_many", &[&p.row, got, columns])
        }
    };
    format!("{what} {tail}")
}

/// Reads the file's bytes into a table, or says why not.
fn read_bytes(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let (text, enc) = match decode(bytes).map_err(|e| read_error_text(&e))? {
        Decoded::Text(text, enc) => (text, enc),
        Decoded::Legacy(enc) => {
            let text = crate::state::files::decode_legacy_text(bytes, enc.label())
                .ok_or_else(|| tf("crm.e.encoding", &[&enc.label()]))?;
            check_text(&text).map_err(|e| read_error_text(&e))?;
            (text, enc)
        }
    };
    Ok((text, enc))
}

/// The button that opens the import, for the portfolio's head and its empty state.
#[component]
pub fn CrmImportButton(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" class="secondary" data-testid="crm-import-open" on:click=move |_| open.set(true)>{t("crm.open")}</button>
    }
}

#[component]
pub fn CrmImport(open: RwSignal<bool>) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let stage = RwSignal::new(Stage::Choose);
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let loaded = RwSignal::new(None::<Arc<Loaded>>);
    let mapping = RwSignal::new(Vec::<Option<Target>>::new());
    let date_order = RwSignal::new(None::<DateOrder>);
    let heading = NodeRef::<leptos::html::H2>::new();
    // The heading takes the focus at each stage, so the dialog's top (and the result after a
    // confirm or an undo) is in view, not hidden above a long preview.
    Effect::new(move |_| {
        stage.track();
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    // How values are read: guessed from the file, the day/month order as the rep chose it.
    let style = Memo::new(move |_| {
        let l = loaded.get()?;
        let m = mapping.get();
        let mut s: ReadStyle = guess_style(&l.table, &m);
        if let Some(o) = date_order.get() {
            s.date_order = o;
        }
        Some(s)
    });
    let plan_preview = Memo::new(move |_| {
        let l = loaded.get()?;
        let s = style.get()?;
        Some(Arc::new(
            mapping.with(|m| preview(&l.table, m, &s, &l.existing)),
        ))
    });

    let take_file = move |name: String, bytes: Vec<u8>| {
        reading.set(false);
        let result = read_bytes(&bytes).and_then(|(text, enc)| {
            parse(&text)
                .map(|table| (table, enc))
                .map_err(|e| read_error_text(&e))
        });
        match result {
            Ok((table, encoding)) => {
                let existing: Vec<Plan> = ws
                    .summaries()
                    .get_untracked()
                    .iter()
                    .filter(|s| s.damaged.is_none())
                    .filter_map(|s| ws.load_plan(&s.id))
                    .collect();
                mapping.set(guess(&table.headers));
                date_order.set(None);
                loaded.set(Some(Arc::new(Loaded {
                    name,
                    encoding,
                    table,
                    existing,
                })));
                error.set(None);
                stage.set(Stage::Map);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let read_file = move |file: web_sys::File| {
        error.set(None);
        if file.size() > MAX_BYTES as f64 {
            error.set(Some(read_error_text(&ReadError::TooLarge {
                bytes: file.size() as usize,
            })));
            return;
        }
        let name = file.name();
        let promise = file.array_buffer();
        reading.set(true);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(buf) => take_file(name, js_sys::Uint8Array::new(&buf).to_vec()),
                Err(_) => {
                    reading.set(false);
                    error.set(Some(t("import.read_failed").into()));
                }
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            read_file(f);
        }
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            read_file(f);
        }
    };

    let confirm = move |_| {
        let (Some(l), Some(p)) = (loaded.get_untracked(), plan_preview.get_untracked()) else {
            return;
        };
        let now = Utc::now();
        let label = tf("crm.refresh_label", &[&l.name]);
        let created: Vec<Plan> = p
            .creates
            .iter()
            .map(|c| new_plan(&new_id_unique(), &c.values, now))
            .collect();
        let mut before = Vec::new();
        let mut updated = Vec::new();
        for u in &p.updates {
            if let Some(old) = l.existing.iter().find(|e| e.id == u.plan_id) {
                if let Some(next) = refreshed(old, &u.values, today(), &label) {
                    before.push(old.clone());
                    updated.push(next);
                }
            }
        }
        let (n_created, n_updated) = (created.len(), updated.len());
        match import_accounts(&ws, created, updated, before) {
            Ok(done) => {
                error.set(None);
                stage.set(Stage::Done {
                    created: n_created,
                    updated: n_updated,
                    undo: Some(Arc::new(done)),
                });
            }
            Err(e) => error.set(Some(tf("crm.e.write", &[&e]))),
        }
    };
    let undo = move |_| {
        let Stage::Done {
            undo: Some(done), ..
        } = stage.get_untracked()
        else {
            return;
        };
        match undo_import(&ws, &done) {
            Ok(()) => {
                error.set(None);
                stage.set(Stage::Undone);
            }
            Err(UndoError::ChangedSince(name)) => {
                error.set(Some(tf("crm.e.undo_changed", &[&name])))
            }
            Err(UndoError::Store(e)) => error.set(Some(tf("crm.e.undo_failed", &[&e]))),
        }
    };
    let close = move || {
        stage.set(Stage::Choose);
        loaded.set(None);
        open.set(false);
    };

    view! {
        <section class="card import crm-import" data-testid="crm-import" aria-labelledby="crm-import-h"
            on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=on_drop>
            <h2 id="crm-import-h" tabindex="-1" node_ref=heading>{t("crm.title")}</h2>
            {move || error.get().map(|e| view! {
                <div class="banner danger" role="alert" data-testid="crm-error"><p>{e}</p><p>{t("crm.nothing_changed")}</p></div>
            })}
            {move || match stage.get() {
                Stage::Choose => view! {
                    <p>{t("crm.intro")}</p>
                    <ol class="mini-steps">
                        <li>{t("crm.step_1")}</li>
                        <li>{t("crm.step_2")}</li>
                        <li>{t("crm.step_3")}</li>
                    </ol>
                    <div class="field">
                        <label for="crm-file">{t("crm.choose_file")}</label>
                        <input id="crm-file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values" on:change=on_pick />
                        <p class="hint">{t("crm.file_hint")}</p>
                    </div>
                    {move || reading.get().then(|| view! { <p role="status">{t("crm.reading")}</p> })}
                    <div class="actions">
                        <button type="button" class="link" on:click=move |_| close()>{t("common.cancel")}</button>
                    </div>
                }.into_any(),
                Stage::Map => view! {
                    <MapAndPreview loaded mapping date_order style plan_preview />
                    <div class="actions sticky-actions">
                        <button type="button" class="primary" data-testid="crm-confirm" on:click=confirm
                            disabled=move || plan_preview.with(|p| p.as_ref().is_none_or(|p| p.creates.is_empty() && p.updates.is_empty()))>
                            {move || plan_preview.with(|p| p.as_ref().map(|p| tf("crm.confirm", &[&p.creates.len(), &p.updates.len()])).unwrap_or_default())}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| { stage.set(Stage::Choose); loaded.set(None); }>{t("crm.another")}</button>
                        <button type="button" class="link" on:click=move |_| close()>{t("common.cancel")}</button>
                    </div>
                }.into_any(),
                Stage::Done { created, updated, .. } => view! {
                    <p role="status" data-testid="crm-result">{tf("crm.done", &[&created, &updated])}</p>
                    <p class="muted">{t("crm.done_note")}</p>
                    <div class="actions">
                        <button type="button" class="secondary" data-testid="crm-undo" on:click=undo>{t("crm.undo")}</button>
                        <button type="button" class="primary" on:click=move |_| close()>{t("common.close")}</button>
                    </div>
                }.into_any(),
                Stage::Undone => view! {
                    <p role="status" data-testid="crm-result">{t("crm.undone")}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| close()>{t("common.close")}</button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// Plan ids made in a burst: `new_id` is time plus a random tail, so a loop of hundreds could
/// repeat one; a counter makes each unique.
fn new_id_unique() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!("{}{}", new_id(), N.fetch_add(1, Ordering::Relaxed))
}

#[component]
fn MapAndPreview(
    loaded: RwSignal<Option<Arc<Loaded>>>,
    mapping: RwSignal<Vec<Option<Target>>>,
    date_order: RwSignal<Option<DateOrder>>,
    style: Memo<Option<ReadStyle>>,
    plan_preview: Memo<Option<Arc<Preview>>>,
) -> impl IntoView {
    let Some(l) = loaded.get_untracked() else {
        return ().into_any();
    };
    let sep = match l.table.separator {
        ';' => t("crm.sep.semicolon"),
        '\t' => t("crm.sep.tab"),
        _ => t("crm.sep.comma"),
    };
    let file_line = tf(
        "crm.file_line",
        &[
            &l.name,
            &l.table.rows.len(),
            &l.table.headers.len(),
            &sep,
            &l.encoding.label().to_uppercase(),
        ],
    );
    let footer = (l.table.footer_rows > 0).then(|| tf("crm.footer", &[&l.table.footer_rows]));
    let targets = Target::all();
    let rows = (0..l.table.headers.len())
        .map(|col| {
            let samples: Vec<String> = l
                .table
                .rows
                .iter()
                .map(|r| r.cell(col).trim())
                .filter(|s| !s.is_empty())
                .take(3)
                .map(|s| {
                    let short: String = s.chars().take(32).collect();
                    if short.len() < s.len() {
                        format!("{short}…")
                    } else {
                        short
                    }
                })
                .collect();
            let name = column_name(&l.table, col);
            let id = format!("crm-map-{col}");
            let targets = targets.clone();
            let pick = move |ev: leptos::ev::Event| {
                let t = Target::from_key(&event_target_value(&ev));
                mapping.update(|m| {
                    // One column per field: the field leaves any column that had it.
                    if t.is_some() {
                        for x in m.iter_mut() {
                            if *x == t {
                                *x = None;
                            }
                        }
                    }
                    if let Some(x) = m.get_mut(col) {
                        *x = t;
                    }
                });
            };
            view! {
                <tr>
                    <th scope="row"><label for=id.clone()>{name}</label></th>
                    <td class="samples" data-label=t("crm.examples")>{samples.join(" · ")}</td>
                    <td data-label=t("crm.import_as")>
                        <select id=id on:change=pick prop:value=move || mapping.with(|m| m.get(col).copied().flatten().map(|t| t.key()).unwrap_or(""))>
                            <option value="" selected=move || mapping.with(|m| m.get(col).copied().flatten().is_none())>{t("crm.not_imported")}</option>
                            {targets.into_iter().map(|target| view! {
                                <option value=target.key() selected=move || mapping.with(|m| m.get(col).copied().flatten() == Some(target))>{target_label(target)}</option>
                            }).collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let table = l.table.clone();
    let table2 = l.table.clone();
    let date_col = move || mapping.with(|m| m.iter().position(|t| *t == Some(Target::NextReview)));
    view! {
        <p data-testid="crm-file-line">{file_line}</p>
        {footer.map(|f| view! { <p class="muted small">{f}</p> })}
        <h3>{t("crm.map_title")}</h3>
        <p class="section-intro">{t("crm.map_intro")}</p>
        <div class="table-wrap">
            <table class="crm-map" data-testid="crm-mapping">
                <thead><tr>
                    <th scope="col">{t("crm.column")}</th>
                    <th scope="col">{t("crm.examples")}</th>
                    <th scope="col">{t("crm.import_as")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {move || (!mapping.with(|m| m.contains(&Some(Target::AccountName)))).then(|| view! {
            <p class="notice warn" role="status" data-testid="crm-need-name">{t("crm.need_name")}</p>
        })}
        {move || {
            let s = style.get()?;
            let col = date_col()?;
            (s.date_order_unsure || date_order.get().is_some()).then(|| {
                let name = column_name(&table, col);
                view! {
                    <div class="field">
                        <label for="crm-date-order">{tf("crm.date_order", &[&name])}</label>
                        <select id="crm-date-order" on:change=move |ev| date_order.set(Some(if event_target_value(&ev) == "dm" { DateOrder::DayMonth } else { DateOrder::MonthDay }))>
                            <option value="dm" selected=s.date_order == DateOrder::DayMonth>{t("crm.dmy")}</option>
                            <option value="md" selected=s.date_order == DateOrder::MonthDay>{t("crm.mdy")}</option>
                        </select>
                    </div>
                }
            })
        }}
        <h3>{t("crm.preview_title")}</h3>
        <p class="section-intro">{t("crm.refresh_rule")}</p>
        {move || plan_preview.get().map(|p| preview_view(&table2, &p))}
    }
    .into_any()
}

fn preview_view(table: &Table, p: &Preview) -> impl IntoView {
    let summary = tf(
        "crm.summary",
        &[&p.creates.len(), &p.updates.len(), &p.unchanged, &p.skipped],
    );
    let more = |n: usize| {
        (n > SHOWN)
            .then(|| view! { <p class="muted small">{tf("crm.and_more", &[&(n - SHOWN)])}</p> })
    };
    let problems = (!p.problems.is_empty()).then(|| {
        let items = p
            .problems
            .iter()
            .take(SHOWN)
            .map(|x| view! { <li>{problem_text(table, x)}</li> })
            .collect_view();
        view! {
            <section class="crm-problems" data-testid="crm-problems">
                <h4>{tf("crm.problems", &[&p.problems.len()])}</h4>
                <p class="muted small">{t("crm.problems_note")}</p>
                <ul>{items}</ul>
                {more(p.problems.len())}
            </section>
        }
    });
    let creates = (!p.creates.is_empty()).then(|| {
        let items = p
            .creates
            .iter()
            .take(SHOWN)
            .map(|c| {
                let name = match c.values.get(Target::AccountName) {
                    Some(v) => value_text(v),
                    None => String::new(),
                };
                let facts = c
                    .values
                    .fields
                    .iter()
                    .filter(|(k, _)| *k != Target::AccountName)
                    .map(|(k, v)| format!("{}: {}", target_label(*k), value_text(v)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! { <li><strong>{name}</strong> " " <span class="muted small">{facts}</span></li> }
            })
            .collect_view();
        view! {
            <section data-testid="crm-creates">
                <h4>{tf("crm.creates", &[&p.creates.len()])}</h4>
                <ul class="crm-list">{items}</ul>
                {more(p.creates.len())}
            </section>
        }
    });
    let updates = (!p.updates.is_empty()).then(|| {
        let items = p
            .updates
            .iter()
            .take(SHOWN)
            .map(|u| {
                let changes = u
                    .changes
                    .iter()
                    .map(|c| {
                        tf(
                            "crm.change",
                            &[&target_label(c.target), &value_text(&c.before), &value_text(&c.after)],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! { <li><strong>{u.name.clone()}</strong> " " <span class="small">{changes}</span></li> }
            })
            .collect_view();
        view! {
            <section data-testid="crm-updates">
                <h4>{tf("crm.updates", &[&p.updates.len()])}</h4>
                <ul class="crm-list">{items}</ul>
                {more(p.updates.len())}
            </section>
        }
    });
    view! {
        <p class="crm-summary" role="status" data-testid="crm-summary"><strong>{summary}</strong></p>
        {problems}
        {creates}
        {updates}
    }
}

/// The listed plans as a CSV for the manager's spreadsheet, one row per plan.
#[component]
pub fn PortfolioCsvButton(rows: Memo<Vec<crate::model::summary::PlanSummary>>) -> impl IntoView {
    use crate::state::files::{completeness, download_portfolio_csv, PortfolioRow};
    let ws = expect_context::<Workspace>();
    let save = move |_| {
        let list = rows.get_untracked();
        let completeness: Vec<u8> = list
            .iter()
            .map(|s| ws.load_plan(&s.id).map_or(0, |p| completeness(&p)))
            .collect();
        let items: Vec<PortfolioRow> = list
            .iter()
            .zip(&completeness)
            .map(|(summary, c)| PortfolioRow {
                summary,
                completeness: *c,
            })
            .collect();
        download_portfolio_csv(t("crm.portfolio_file"), &items);
    };
    view! {
        <div class="export">
            <button type="button" class="secondary" data-testid="portfolio-csv" on:click=save>{t("crm.portfolio_csv")}</button>
            <span class="muted small">{t("crm.portfolio_csv_hint")}</span>
        </div>
    }
}
