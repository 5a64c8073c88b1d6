use super::*;

#[test]
fn another_name_numbers_and_never_words() {
    assert_eq!(another_name("Acme"), "Acme (2)");
    assert_eq!(another_name(" Acme (2) "), "Acme (3)");
    assert_eq!(another_name("Acme (9)"), "Acme (10)");
    // A bracket that is part of the name is kept as typed.
    assert_eq!(another_name("Acme (Asia)"), "Acme (Asia) (2)");
    assert_eq!(another_name("Acme (1)"), "Acme (1) (2)");
    assert_eq!(another_name("  "), "");
    let mut p = Plan::new("a", " ", Utc::now());
    assert_eq!(p.name(), None);
    p.header.account_name = " Acme ".into();
    assert_eq!(p.name(), Some("Acme"));
}

#[test]
fn a_template_keeps_content_and_clears_dates_progress_and_reviews() {
    let now = Utc::now();
    let mut p = Plan::new("a", "Acme", now);
    p.example = true;
    p.revision = 9;
    p.header.period_start = "2026-01-01".parse().ok();
    p.action.actions.push(Action {
        id: 1,
        what: "Visit".into(),
        due: "2026-02-01".parse().ok(),
        status: ActionStatus::Done,
        result: "ok".into(),
        ..Action::default()
    });
    p.communication.reviews.push(Review::default());
    p.action.visits.push(Visit::default());
    let t = p.as_template("b", now);
    assert_eq!((t.id.as_str(), t.revision, t.example), ("b", 0, false));
    assert_eq!(t.header.account_name, "Acme (2)");
    assert_eq!(t.header.period_start, None);
    assert_eq!(t.action.actions[0].what, "Visit");
    assert_eq!(
        (t.action.actions[0].due, t.action.actions[0].status),
        (None, ActionStatus::Planned)
    );
    assert!(t.communication.reviews.is_empty() && t.action.visits.is_empty());
}
