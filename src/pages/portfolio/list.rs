//! The portfolio's list of plans: search, filters, sorting, and each plan's actions.

use super::*;

/// A select over a closed list, with "All" first; writes `None` for "All".
fn choice_filter<T: Choice>(
    id: &'static str,
    label: &'static str,
    value: RwSignal<Option<T>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(T::from_key(&event_target_value(&ev)))>
                <option value="">{t("common.all")}</option>
                {T::all().iter().map(|v| view! { <option value=v.key()>{v.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub(super) fn PlanList(undo: RwSignal<Option<Plan>>) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let router = expect_context::<Router>();
    let now = today();
    let text = RwSignal::new(String::new());
    let level = RwSignal::new(None::<AccountLevel>);
    let grade = RwSignal::new(None::<Grade>);
    let quadrant = RwSignal::new(None::<Quadrant>);
    let overdue_only = RwSignal::new(false);
    let show_archived = RwSignal::new(false);
    let sort = RwSignal::new((SortBy::Updated, true));
    let error = RwSignal::new(None::<String>);
    // The first page of the list is drawn at once; a workspace of hundreds of plans draws the
    // rest on request, so start-up does not grow with the workspace.
    let shown = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        let q = Query {
            text: text.get(),
            level: level.get(),
            grade: grade.get(),
            quadrant: quadrant.get(),
            overdue_only: overdue_only.get(),
            archived: show_archived.get(),
            sort: sort.get().0,
            descending: sort.get().1,
        };
        ws.summaries().with(|all| {
            select(all, &q, now)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let archived_count = move || {
        ws.summaries()
            .with(|l| l.iter().filter(|s| s.archived).count())
    };
    let header = move |label: &'static str, by: SortBy| {
        let state = move || {
            let (s, d) = sort.get();
            (s == by).then_some(if d { "descending" } else { "ascending" })
        };
        view! {
            <th scope="col" aria-sort=move || state().unwrap_or("none")>
                <button type="button" class="sort" on:click=move |_| sort.update(|(s, d)| if *s == by { *d = !*d } else { *s = by; *d = false })>
                    {label} <span aria-hidden="true">{move || match state() { Some("ascending") => " ▲", Some(_) => " ▼", None => "" }}</span>
                </button>
            </th>
        }
    };
    let act = move |result: Result<(), crate::state::workspace::StoreError>| match result {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(tf("common.nothing_changed", &[&e]))),
    };
    view! {
        <section class="card" aria-labelledby="plans-h">
            <h2 id="plans-h">{t("portfolio.plans")}</h2>
            <div class="filters">
                <div class="field search">
                    <label for="search">{t("portfolio.search")}</label>
                    <input id="search" type="search" placeholder={t("portfolio.account_name")} prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </div>
                {choice_filter("filter-level", t("portfolio.level"), level)}
                {choice_filter("filter-grade", t("portfolio.grade"), grade)}
                {choice_filter("filter-quadrant", t("portfolio.quadrant"), quadrant)}
                <div class="field check">
                    <label><input type="checkbox" prop:checked=move || overdue_only.get()
                        on:change=move |ev| overdue_only.set(event_target_checked(&ev)) />{t("portfolio.overdue_only")}</label>
                </div>
                <div class="field check">
                    <label><input type="checkbox" prop:checked=move || show_archived.get()
                        on:change=move |ev| show_archived.set(event_target_checked(&ev)) />
                        {move || tf("portfolio.archived_n", &[&archived_count()])}</label>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ExportButtons label={t("portfolio.export_shown")}
                plans=Callback::new(move |_| ws.gather(&rows.get_untracked().iter().map(|s| s.id.clone()).collect::<Vec<_>>()))
                file_label={t("portfolio.file_label")} />
            <PortfolioCsvButton rows />
            <div class="table-wrap">
                <table class="plans" data-testid="plan-list">
                    <thead>
                        <tr>
                            {header(t("portfolio.account"), SortBy::Name)}
                            {header(t("portfolio.level"), SortBy::Level)}
                            {header(t("portfolio.grade"), SortBy::Grade)}
                            {header(t("portfolio.quadrant"), SortBy::Quadrant)}
                            {header(t("portfolio.health"), SortBy::Health)}
                            {header(t("portfolio.next_review"), SortBy::NextReview)}
                            {header(t("common.overdue"), SortBy::Overdue)}
                            {header(t("portfolio.last_edit"), SortBy::Updated)}
                            <th scope="col"><span class="visually-hidden">{t("common.actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|s| (s.id.clone(), s.revision, s.name.clone(), s.archived) let:s>
                            {
                                let id = s.id.clone();
                                let name = s.name.clone();
                                let review_late = review_overdue(&s, now);
                                let overdue = overdue_count(&s, now);
                                let health = s.health(now).pct();
                                let review_class = if review_late { "late" } else { "" };
                                let overdue_class = if overdue > 0 { "late" } else { "" };
                                let (id1, id2, id3, name3) = (id.clone(), id.clone(), id.clone(), name.clone());
                                let archived = s.archived;
                                let menu_open = RwSignal::new(false);
                                let name4 = name.clone();
                                let duplicate = move |_| match ws.duplicate(&id1) {
                                    Ok(new) => router.go(Route::Step { plan: new, step: 1, focus: None }),
                                    Err(e) => error.set(Some(tf("portfolio.copy_failed", &[&e]))),
                                };
                                let archive = move |_| act(ws.set_archived(&id2, !archived));
                                let delete = move |_| {
                                    let ok = window()
                                        .confirm_with_message(&tf("portfolio.confirm_delete", &[&name3]))
                                        .unwrap_or(false);
                                    if ok {
                                        let plan = ws.load_plan(&id3);
                                        match ws.delete_plan(&id3) {
                                            Ok(()) => { undo.set(plan); error.set(None) }
                                            Err(e) => error.set(Some(tf("portfolio.delete_failed", &[&e]))),
                                        }
                                    }
                                };
                                view! {
                                    <tr>
                                        <th scope="row"><a href=step_href(&id, 1, None)>{name.clone()}</a>
                                            {s.example.then(|| view! { <span class="badge">{t("common.example")}</span> })}</th>
                                        <td data-label=t("portfolio.level")>{s.level.label()}</td>
                                        <td data-label=t("portfolio.grade")>{s.grade.map(|g| view! { <span class=format!("grade {}", g.key())>{g.label()}</span> })}</td>
                                        <td data-label=t("portfolio.quadrant")>{s.quadrant.map(|q| q.label()).unwrap_or(t("portfolio.not_screened"))}
                                            <span class="muted small">" " {fmt_score(s.attractiveness)} " / " {fmt_score(s.ability)}</span></td>
                                        <td data-label=t("portfolio.health")><a href=Route::Health { plan: id.clone() }.to_hash() class="health" aria-label=tf("portfolio.health_aria", &[&health])>{health} "%"</a></td>
                                        <td class=review_class data-label=t("portfolio.next_review")>
                                            {s.next_review.map(crate::i18n::date).unwrap_or_else(|| "—".into())}
                                            {review_late.then(|| view! { <span class="badge warn">{t("common.overdue")}</span> })}
                                        </td>
                                        <td class=overdue_class data-label=t("common.overdue")>{overdue}</td>
                                        <td class="small">{s.updated_at.map(|t| crate::i18n::date_time(t.with_timezone(&chrono::Local).naive_local()))}</td>
                                        <td class="row-actions">
                                            // The menu's buttons are drawn when it opens: 100 rows of three
                                            // buttons each were a good part of start-up.
                                            <details class="menu" on:toggle=move |ev| menu_open.set(
                                                js_sys::Reflect::get(&event_target::<wasm_bindgen::JsValue>(&ev), &"open".into()).is_ok_and(|v| v.is_truthy()))>
                                                <summary aria-label=tf("portfolio.actions_for", &[&name])>"⋯"</summary>
                                                {move || menu_open.get().then(|| {
                                                    let name = name4.clone();
                                                    view! {
                                                        <div class="menu-pop">
                                                            <button type="button" on:click=duplicate.clone() aria-label=tf("portfolio.duplicate_aria", &[&name])>{t("portfolio.duplicate")}</button>
                                                            <button type="button" on:click=archive.clone() aria-label=format!("{} {name}", if archived { t("portfolio.restore") } else { t("portfolio.archive") })>
                                                                {if archived { t("portfolio.restore") } else { t("portfolio.archive") }}</button>
                                                            <button type="button" class="danger" on:click=delete.clone() aria-label=tf("portfolio.delete_aria", &[&name])>{t("portfolio.delete")}</button>
                                                        </div>
                                                    }
                                                })}
                                            </details>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            {move || {
                let total = rows.with(Vec::len);
                (total > shown.get()).then(|| view! {
                    <p class="show-more">
                        {tf("portfolio.shown_of", &[&shown.get(), &total])} " "
                        <button type="button" class="secondary" on:click=move |_| shown.set(usize::MAX)>
                            {tf("portfolio.show_all", &[&total])}
                        </button>
                    </p>
                })
            }}
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">{t("portfolio.no_match")}</p>
            </Show>
        </section>
    }
}

/// The listed plans as a CSV for the manager's spreadsheet, one row per plan.
#[component]
pub(super) fn PortfolioCsvButton(
    rows: Memo<Vec<crate::model::summary::PlanSummary>>,
) -> impl IntoView {
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
