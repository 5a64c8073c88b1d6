//! The CRM import's second stage: the column mapping, and the preview of every plan to
//! create and update and every problem, before the rep confirms.

use super::*;

#[component]
pub(super) fn MapAndPreview(
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

/// How many more rows there are than are shown, if any.
fn more(n: usize) -> Option<impl IntoView> {
    (n > SHOWN).then(|| view! { <p class="muted small">{tf("crm.and_more", &[&(n - SHOWN)])}</p> })
}

/// The first rows of a list under its heading, and how many more; nothing for an empty list.
fn listed<T, V: IntoView>(
    rows: &[T],
    test_id: &'static str,
    heading: String,
    row: impl Fn(&T) -> V,
) -> Option<impl IntoView> {
    (!rows.is_empty()).then(|| {
        let items = rows.iter().take(SHOWN).map(row).collect_view();
        view! {
            <section data-testid=test_id>
                <h4>{heading}</h4>
                <ul class="crm-list">{items}</ul>
                {more(rows.len())}
            </section>
        }
    })
}

pub(super) fn preview_view(table: &Table, p: &Preview) -> impl IntoView {
    let summary = tf(
        "crm.summary",
        &[&p.creates.len(), &p.updates.len(), &p.unchanged, &p.skipped],
    );
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
    let creates = listed(
        &p.creates,
        "crm-creates",
        tf("crm.creates", &[&p.creates.len()]),
        |c| {
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
        },
    );
    let updates = listed(
        &p.updates,
        "crm-updates",
        tf("crm.updates", &[&p.updates.len()]),
        |u| {
            let changes = u
                .changes
                .iter()
                .map(|c| {
                    tf(
                        "crm.change",
                        &[
                            &target_label(c.target),
                            &value_text(&c.before),
                            &value_text(&c.after),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ");
            view! { <li><strong>{u.name.clone()}</strong> " " <span class="small">{changes}</span></li> }
        },
    );
    view! {
        <p class="crm-summary" role="status" data-testid="crm-summary"><strong>{summary}</strong></p>
        {problems}
        {creates}
        {updates}
    }
}
