//! The app's places, written in the URL's hash so any static host serves them without rewrites.

/// The seven steps of a plan, 1-based.
pub const STEPS: u8 = 7;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Portfolio,
    Storage,
    /// A step of a plan (1–7), optionally with a field to scroll to and focus.
    Step {
        plan: String,
        step: u8,
        focus: Option<String>,
    },
    /// The plan's health check ("check your plan").
    Health {
        plan: String,
    },
    /// The printable plan: a one-page summary, then every step.
    Print {
        plan: String,
    },
}

impl Route {
    /// Reads `#/plan/<id>/<step>[/<field>]`, `#/plan/<id>/check`, `#/storage`; anything else is the portfolio.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match parts.as_slice() {
            ["storage"] => Route::Storage,
            ["plan", id, "check"] => Route::Health { plan: decode(id) },
            ["plan", id, "print"] => Route::Print { plan: decode(id) },
            ["plan", id, rest @ ..] if valid_id(id) => {
                let step = rest
                    .first()
                    .and_then(|s| s.parse::<u8>().ok())
                    .filter(|s| (1..=STEPS).contains(s))
                    .unwrap_or(1);
                Route::Step {
                    plan: decode(id),
                    step,
                    focus: rest.get(1).map(|f| decode(f)),
                }
            }
            _ => Route::Portfolio,
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Portfolio => "#/".into(),
            Route::Storage => "#/storage".into(),
            Route::Step {
                plan,
                step,
                focus: None,
            } => format!("#/plan/{plan}/{step}"),
            Route::Step {
                plan,
                step,
                focus: Some(f),
            } => format!("#/plan/{plan}/{step}/{f}"),
            Route::Health { plan } => format!("#/plan/{plan}/check"),
            Route::Print { plan } => format!("#/plan/{plan}/print"),
        }
    }

    pub fn plan_id(&self) -> Option<&str> {
        match self {
            Route::Step { plan, .. } | Route::Health { plan } | Route::Print { plan } => Some(plan),
            _ => None,
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64
}

/// Ids are generated from [a-z0-9-], so no percent-decoding is needed beyond leaving them as they are.
fn decode(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for r in [
            Route::Portfolio,
            Route::Storage,
            Route::Step {
                plan: "abc-1".into(),
                step: 3,
                focus: None,
            },
            Route::Step {
                plan: "abc-1".into(),
                step: 5,
                focus: Some("actions-7".into()),
            },
            Route::Health {
                plan: "abc-1".into(),
            },
            Route::Print {
                plan: "abc-1".into(),
            },
        ] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
    }

    #[test]
    fn bad_hashes_fall_back_safely() {
        assert_eq!(Route::parse(""), Route::Portfolio);
        assert_eq!(Route::parse("#/nowhere"), Route::Portfolio);
        assert_eq!(
            Route::parse("#/plan/x/9"),
            Route::Step {
                plan: "x".into(),
                step: 1,
                focus: None
            }
        );
        assert_eq!(
            Route::parse("#/plan/x"),
            Route::Step {
                plan: "x".into(),
                step: 1,
                focus: None
            }
        );
        assert_eq!(
            Route::parse("#/plan/<img>/2"),
            Route::Step {
                plan: "img".into(),
                step: 2,
                focus: None
            }
        );
    }
}
