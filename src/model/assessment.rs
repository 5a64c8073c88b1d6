//! Opportunity assessment (seed 001): questions in three groups, scored into go / caution / no-go.
//! Also the force field balance of step 4.

use std::collections::BTreeMap;

use super::plan::{Force, ForceKind};

pub struct Question {
    pub key: &'static str,
    pub group: usize,
    /// Catalogue keys of the statement and its hint.
    pub text: &'static str,
    pub hint: &'static str,
}

/// The groups' names, as catalogue keys (`GROUPS[question.group]`).
pub const GROUPS: [&str; 3] = [
    "assess.group.customer",
    "assess.group.us",
    "assess.group.competition",
];

pub const QUESTIONS: [Question; 15] = [
    Question {
        key: "need",
        group: 0,
        text: "assess.need",
        hint: "assess.need.hint",
    },
    Question {
        key: "budget",
        group: 0,
        text: "assess.budget",
        hint: "assess.budget.hint",
    },
    Question {
        key: "urgency",
        group: 0,
        text: "assess.urgency",
        hint: "assess.urgency.hint",
    },
    Question {
        key: "revenue_now",
        group: 1,
        text: "assess.revenue_now",
        hint: "assess.revenue_now.hint",
    },
    Question {
        key: "revenue_later",
        group: 1,
        text: "assess.revenue_later",
        hint: "assess.revenue_later.hint",
    },
    Question {
        key: "profit",
        group: 1,
        text: "assess.profit",
        hint: "assess.profit.hint",
    },
    Question {
        key: "risk",
        group: 1,
        text: "assess.risk",
        hint: "assess.risk.hint",
    },
    Question {
        key: "strategic",
        group: 1,
        text: "assess.strategic",
        hint: "assess.strategic.hint",
    },
    Question {
        key: "criteria",
        group: 2,
        text: "assess.criteria",
        hint: "assess.criteria.hint",
    },
    Question {
        key: "fit",
        group: 2,
        text: "assess.fit",
        hint: "assess.fit.hint",
    },
    Question {
        key: "relationship",
        group: 2,
        text: "assess.relationship",
        hint: "assess.relationship.hint",
    },
    Question {
        key: "insider",
        group: 2,
        text: "assess.insider",
        hint: "assess.insider.hint",
    },
    Question {
        key: "culture",
        group: 2,
        text: "assess.culture",
        hint: "assess.culture.hint",
    },
    Question {
        key: "hidden",
        group: 2,
        text: "assess.hidden",
        hint: "assess.hidden.hint",
    },
    Question {
        key: "trust",
        group: 2,
        text: "assess.trust",
        hint: "assess.trust.hint",
    },
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Go,
    Caution,
    NoGo,
    /// Fewer than half of the questions answered.
    Unanswered,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub verdict: Verdict,
    pub mean: Option<f64>,
    pub group_means: [Option<f64>; 3],
    /// Questions scored 1 or 2, the reasons for caution: their statements' catalogue keys.
    pub weak: Vec<&'static str>,
    pub answered: usize,
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Go when the mean is 3.5 or more and no group falls below 2.5; no-go below a mean of 2.5
/// or when any group is below 2; caution otherwise.
pub fn assess(answers: &BTreeMap<String, u8>) -> Assessment {
    let score = |q: &Question| {
        answers
            .get(q.key)
            .copied()
            .filter(|s| (1..=5).contains(s))
            .map(f64::from)
    };
    let all: Vec<f64> = QUESTIONS.iter().filter_map(score).collect();
    let group_means = [0, 1, 2].map(|g| {
        mean(
            &QUESTIONS
                .iter()
                .filter(|q| q.group == g)
                .filter_map(score)
                .collect::<Vec<_>>(),
        )
    });
    let weak = QUESTIONS
        .iter()
        .filter(|q| score(q).is_some_and(|s| s <= 2.0))
        .map(|q| q.text)
        .collect();
    let m = mean(&all);
    let lowest = group_means
        .iter()
        .flatten()
        .copied()
        .fold(f64::INFINITY, f64::min);
    let verdict = match m {
        _ if all.len() * 2 < QUESTIONS.len() => Verdict::Unanswered,
        Some(m) if m < 2.5 || lowest < 2.0 => Verdict::NoGo,
        Some(m) if m >= 3.5 && lowest >= 2.5 => Verdict::Go,
        _ => Verdict::Caution,
    };
    Assessment {
        verdict,
        mean: m,
        group_means,
        weak,
        answered: all.len(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Balance {
    pub driving: f64,
    pub restraining: f64,
    /// Driving ÷ (driving + restraining), in percent.
    pub chance: Option<f64>,
}

pub fn force_balance(forces: &[Force]) -> Balance {
    let sum = |k| {
        forces
            .iter()
            .filter(|f| f.kind == k)
            .filter_map(|f| f.weight)
            .map(|w| f64::from(w.clamp(1, 5)))
            .sum::<f64>()
    };
    let (driving, restraining) = (sum(ForceKind::Driving), sum(ForceKind::Restraining));
    let total = driving + restraining;
    Balance {
        driving,
        restraining,
        chance: (total > 0.0).then(|| (driving / total * 100.0).round()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(score: u8) -> BTreeMap<String, u8> {
        QUESTIONS
            .iter()
            .map(|q| (q.key.to_string(), score))
            .collect()
    }

    #[test]
    fn every_question_and_group_is_in_both_catalogues() {
        use crate::i18n::{has_key, Lang};
        for lang in Lang::ALL {
            for q in &QUESTIONS {
                assert!(has_key(lang, q.text) && has_key(lang, q.hint), "{}", q.key);
            }
            for g in GROUPS {
                assert!(has_key(lang, g), "{g}");
            }
        }
    }

    #[test]
    fn verdicts_follow_the_thresholds() {
        assert_eq!(assess(&BTreeMap::new()).verdict, Verdict::Unanswered);
        assert_eq!(assess(&answers(4)).verdict, Verdict::Go);
        assert_eq!(assess(&answers(3)).verdict, Verdict::Caution);
        assert_eq!(assess(&answers(2)).verdict, Verdict::NoGo);
        // A strong overall score with one weak group is not a go.
        let mut a = answers(5);
        for k in ["need", "budget", "urgency"] {
            a.insert(k.into(), 2);
        }
        let r = assess(&a);
        assert!(r.mean.unwrap() >= 3.5);
        assert_eq!(r.verdict, Verdict::Caution);
        assert_eq!(
            r.weak,
            ["need", "budget", "urgency"].map(|k| QUESTIONS
                .iter()
                .find(|q| q.key == k)
                .unwrap()
                .text)
        );
        // Out-of-range answers are ignored.
        a.insert("need".into(), 9);
        assert_eq!(assess(&a).answered, 14);
    }

    #[test]
    fn balance_gives_the_chance_of_success() {
        let f = |kind, w| Force {
            kind,
            weight: Some(w),
            ..Force::default()
        };
        let b = force_balance(&[
            f(ForceKind::Driving, 5),
            f(ForceKind::Driving, 3),
            f(ForceKind::Restraining, 2),
        ]);
        assert_eq!((b.driving, b.restraining, b.chance), (8.0, 2.0, Some(80.0)));
        assert_eq!(force_balance(&[]).chance, None);
    }
}
