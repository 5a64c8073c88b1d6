//! Opportunity assessment (seed 001): questions in three groups, scored into go / caution / no-go.
//! Also the force field balance of step 4.

use std::collections::BTreeMap;

use super::plan::{Force, ForceKind};

pub struct Question {
    pub key: &'static str,
    pub group: usize,
    pub text: &'static str,
    pub hint: &'static str,
}

pub const GROUPS: [&str; 3] = ["The customer", "Our side", "Our competitive position"];

pub const QUESTIONS: [Question; 15] = [
    Question { key: "need", group: 0, text: "Their need is real and clear", hint: "What are the client's key issues and project objectives? Who started it?" },
    Question { key: "budget", group: 0, text: "There is a budget", hint: "What is the budget, and how does their budget approval work? What else competes for the money?" },
    Question { key: "urgency", group: 0, text: "It is urgent for them", hint: "Why must they act? What happens if it is delayed?" },
    Question { key: "revenue_now", group: 1, text: "Short-term revenue is worth it", hint: "Order size above our minimum? Within our longest sales cycle?" },
    Question { key: "revenue_later", group: 1, text: "Future revenue is worth it", hint: "Potential next year and in three years?" },
    Question { key: "profit", group: 1, text: "The profit is acceptable", hint: "Expected profit above our minimum? Do the discounts hurt it?" },
    Question { key: "risk", group: 1, text: "The risk is low", hint: "5 = low risk. Could our solution fail? Could it fail for the client's reasons?" },
    Question { key: "strategic", group: 1, text: "It has strategic value for us", hint: "Will it help us win other customers or markets, or improve our products?" },
    Question { key: "criteria", group: 2, text: "We know their selection criteria", hint: "Which criterion matters most, and who sets them?" },
    Question { key: "fit", group: 2, text: "Our solution fits their problem", hint: "Do they see us as able to meet their needs: performance, price, service, brand?" },
    Question { key: "relationship", group: 2, text: "Our relationships beat the competitors'", hint: "Which decision maker is closer to a competitor?" },
    Question { key: "insider", group: 2, text: "An insider supports us", hint: "Who wants us to win? Can they persuade their team?" },
    Question { key: "culture", group: 2, text: "Our cultures fit", hint: "How do they view suppliers? Can we adapt?" },
    Question { key: "hidden", group: 2, text: "We know the unstated criteria", hint: "What personal, intangible factors will sway the decision?" },
    Question { key: "trust", group: 2, text: "Their senior leaders trust us", hint: "How do we reach the key decision makers and build mutual trust?" },
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
    /// Questions scored 1 or 2: the reasons for caution.
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
            vec![
                "Their need is real and clear",
                "There is a budget",
                "It is urgent for them"
            ]
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
