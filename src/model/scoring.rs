//! The screening matrix: weighted axis scores, quadrant, strategy, grade and improvement potential.

use serde::{Deserialize, Serialize};

use super::plan::{Portfolio, Rated};

/// Which axis of the screening matrix a criterion belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Attractiveness,
    Ability,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Criterion {
    Profit,
    Growth,
    ReferenceValue,
    StrategicValue,
    ProductAdvantage,
    ServiceAdvantage,
    LocationAdvantage,
    CompetitorFocus,
}

impl Criterion {
    pub const ALL: [Criterion; 8] = [
        Self::Profit,
        Self::Growth,
        Self::ReferenceValue,
        Self::StrategicValue,
        Self::ProductAdvantage,
        Self::ServiceAdvantage,
        Self::LocationAdvantage,
        Self::CompetitorFocus,
    ];

    pub fn axis(self) -> Axis {
        match self {
            Self::Profit | Self::Growth | Self::ReferenceValue | Self::StrategicValue => {
                Axis::Attractiveness
            }
            _ => Axis::Ability,
        }
    }

    /// A stable name for element ids ("score-referencevalue"): never taken from `Debug`, which
    /// the release build shortens.
    pub fn key(self) -> &'static str {
        match self {
            Self::Profit => "profit",
            Self::Growth => "growth",
            Self::ReferenceValue => "referencevalue",
            Self::StrategicValue => "strategicvalue",
            Self::ProductAdvantage => "productadvantage",
            Self::ServiceAdvantage => "serviceadvantage",
            Self::LocationAdvantage => "locationadvantage",
            Self::CompetitorFocus => "competitorfocus",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    pub fn rated(self, p: &Portfolio) -> &Rated {
        match self {
            Self::Profit => &p.profit,
            Self::Growth => &p.growth,
            Self::ReferenceValue => &p.reference_value,
            Self::StrategicValue => &p.strategic_value,
            Self::ProductAdvantage => &p.product_advantage,
            Self::ServiceAdvantage => &p.service_advantage,
            Self::LocationAdvantage => &p.location_advantage,
            Self::CompetitorFocus => &p.competitor_focus,
        }
    }

    pub fn rated_mut(self, p: &mut Portfolio) -> &mut Rated {
        match self {
            Self::Profit => &mut p.profit,
            Self::Growth => &mut p.growth,
            Self::ReferenceValue => &mut p.reference_value,
            Self::StrategicValue => &mut p.strategic_value,
            Self::ProductAdvantage => &mut p.product_advantage,
            Self::ServiceAdvantage => &mut p.service_advantage,
            Self::LocationAdvantage => &mut p.location_advantage,
            Self::CompetitorFocus => &mut p.competitor_focus,
        }
    }
}

/// Workspace-wide scoring settings: criterion weights and grade thresholds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringSettings {
    /// One weight per criterion, in `Criterion::ALL` order; relative, not necessarily summing to 100.
    pub weights: [f64; 8],
    /// Overall score (mean of both axes, 1–5) at or above which an account is gold.
    pub gold_min: f64,
    pub silver_min: f64,
}

impl Default for ScoringSettings {
    fn default() -> Self {
        ScoringSettings {
            weights: [40.0, 25.0, 15.0, 20.0, 35.0, 30.0, 15.0, 20.0],
            gold_min: 3.8,
            silver_min: 2.8,
        }
    }
}

/// Weighted mean of the scored criteria of one axis, or `None` when none is scored.
/// An unscored criterion is left out rather than counted as zero, so a half-filled
/// screening still gives a fair reading of what was scored.
pub fn axis_score(p: &Portfolio, axis: Axis, s: &ScoringSettings) -> Option<f64> {
    let (mut sum, mut weight) = (0.0, 0.0);
    for c in Criterion::ALL.into_iter().filter(|c| c.axis() == axis) {
        if let Some(score) = c.rated(p).score {
            let w = s.weights[c.index()].max(0.0);
            sum += w * f64::from(score.clamp(1, 5));
            weight += w;
        }
    }
    (weight > 0.0).then(|| sum / weight)
}

/// The midpoint of the 1–5 scale: a score at or above it counts as high.
pub const HIGH_FROM: f64 = 3.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    Core,
    CorePotential,
    General,
    Peripheral,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Self::Core,
        Self::CorePotential,
        Self::General,
        Self::Peripheral,
    ];

    pub fn of(attractiveness: f64, ability: f64) -> Quadrant {
        match (attractiveness >= HIGH_FROM, ability >= HIGH_FROM) {
            (true, true) => Self::Core,
            (true, false) => Self::CorePotential,
            (false, true) => Self::General,
            (false, false) => Self::Peripheral,
        }
    }

    pub fn strategy(self) -> StrategyKind {
        match self {
            Self::Core => StrategyKind::Consolidate,
            Self::CorePotential => StrategyKind::Invest,
            Self::General => StrategyKind::Harvest,
            Self::Peripheral => StrategyKind::Maintain,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrategyKind {
    Consolidate,
    Invest,
    Harvest,
    Maintain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Gold,
    Silver,
    Bronze,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Self::Gold, Self::Silver, Self::Bronze];
}

/// Everything step 1 computes from the screening, in one value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screening {
    pub attractiveness: Option<f64>,
    pub ability: Option<f64>,
    pub quadrant: Option<Quadrant>,
    pub overall: Option<f64>,
    pub grade: Option<Grade>,
    pub potential: Option<f64>,
}

pub fn screen(p: &Portfolio, s: &ScoringSettings) -> Screening {
    let attractiveness = axis_score(p, Axis::Attractiveness, s);
    let ability = axis_score(p, Axis::Ability, s);
    let both = attractiveness.zip(ability);
    let overall = both.map(|(a, b)| (a + b) / 2.0);
    Screening {
        attractiveness,
        ability,
        quadrant: both.map(|(a, b)| Quadrant::of(a, b)),
        overall,
        grade: overall.map(|o| grade(o, s)),
        potential: improvement_potential(attractiveness, p.share_of_spend),
    }
}

pub fn grade(overall: f64, s: &ScoringSettings) -> Grade {
    if overall >= s.gold_min {
        Grade::Gold
    } else if overall >= s.silver_min {
        Grade::Silver
    } else {
        Grade::Bronze
    }
}

/// Improvement potential, 0–100: how attractive the account is (1–5 mapped to 0–1) times the
/// share of its spend we do not yet have. An attractive account where we are small ranks first.
pub fn improvement_potential(
    attractiveness: Option<f64>,
    share_of_spend_pct: Option<f64>,
) -> Option<f64> {
    let a = (attractiveness? - 1.0) / 4.0;
    let headroom = 1.0 - share_of_spend_pct?.clamp(0.0, 100.0) / 100.0;
    Some((a.clamp(0.0, 1.0) * headroom * 100.0).round())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criterion_keys_are_unique_lowercase_names_as_the_ids_always_were() {
        let keys: std::collections::HashSet<_> = Criterion::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(keys.len(), Criterion::ALL.len());
        for c in Criterion::ALL {
            // The ids were once made from Debug; a release build without Debug keeps them.
            assert_eq!(c.key(), format!("{c:?}").to_lowercase());
        }
    }

    fn rated(score: u8) -> Rated {
        Rated {
            score: Some(score),
            note: String::new(),
        }
    }

    fn portfolio(attr: [u8; 4], ability: [u8; 4]) -> Portfolio {
        let mut p = Portfolio::default();
        for (c, v) in Criterion::ALL.iter().zip(attr.iter().chain(ability.iter())) {
            *c.rated_mut(&mut p) = rated(*v);
        }
        p
    }

    #[test]
    fn axis_is_weighted_mean_of_scored_criteria() {
        let s = ScoringSettings::default();
        let p = portfolio([5, 1, 1, 1], [3, 3, 3, 3]);
        // profit weight 40 of 100: 0.4*5 + 0.6*1 = 2.6
        assert!((axis_score(&p, Axis::Attractiveness, &s).unwrap() - 2.6).abs() < 1e-9);
        assert_eq!(axis_score(&p, Axis::Ability, &s), Some(3.0));
    }

    #[test]
    fn unscored_criteria_are_left_out_not_zero() {
        let s = ScoringSettings::default();
        let p = Portfolio {
            growth: rated(4),
            ..Portfolio::default()
        };
        assert_eq!(axis_score(&p, Axis::Attractiveness, &s), Some(4.0));
        assert_eq!(axis_score(&p, Axis::Ability, &s), None);
        assert_eq!(screen(&p, &s).quadrant, None);
    }

    #[test]
    fn edited_weights_change_the_score() {
        let mut s = ScoringSettings::default();
        let p = portfolio([5, 1, 1, 1], [3, 3, 3, 3]);
        s.weights[0] = 0.0;
        assert_eq!(axis_score(&p, Axis::Attractiveness, &s), Some(1.0));
    }

    #[test]
    fn quadrant_boundaries_count_the_midpoint_as_high() {
        assert_eq!(Quadrant::of(3.0, 3.0), Quadrant::Core);
        assert_eq!(Quadrant::of(3.0, 2.99), Quadrant::CorePotential);
        assert_eq!(Quadrant::of(2.99, 3.0), Quadrant::General);
        assert_eq!(Quadrant::of(1.0, 1.0), Quadrant::Peripheral);
        assert_eq!(Quadrant::CorePotential.strategy(), StrategyKind::Invest);
        assert_eq!(Quadrant::General.strategy(), StrategyKind::Harvest);
    }

    #[test]
    fn grade_thresholds_are_inclusive_and_editable() {
        let mut s = ScoringSettings::default();
        assert_eq!(grade(3.8, &s), Grade::Gold);
        assert_eq!(grade(3.79, &s), Grade::Silver);
        assert_eq!(grade(2.8, &s), Grade::Silver);
        assert_eq!(grade(2.79, &s), Grade::Bronze);
        s.gold_min = 4.5;
        assert_eq!(grade(4.0, &s), Grade::Silver);
    }

    #[test]
    fn potential_is_attractiveness_times_headroom() {
        assert_eq!(improvement_potential(Some(5.0), Some(20.0)), Some(80.0));
        assert_eq!(improvement_potential(Some(1.0), Some(0.0)), Some(0.0));
        assert_eq!(improvement_potential(Some(3.0), Some(150.0)), Some(0.0));
        assert_eq!(improvement_potential(Some(3.0), None), None);
    }

    #[test]
    fn screen_combines_everything() {
        let s = ScoringSettings::default();
        let mut p = portfolio([5, 5, 4, 4], [2, 2, 2, 2]);
        p.share_of_spend = Some(50.0);
        let r = screen(&p, &s);
        assert_eq!(r.quadrant, Some(Quadrant::CorePotential));
        assert_eq!(r.grade, Some(Grade::Silver));
        assert!(r.potential.unwrap() > 40.0);
    }
}
