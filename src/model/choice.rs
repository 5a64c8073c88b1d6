//! Closed lists a rep picks from: each value's stored key and the catalogue key of its label
//! (`choice.<list>.<stored key>`; the interface words it, `crate::i18n::describe::Label`).

use super::plan::{
    AccountLevel, ActionStatus, Attitude, BuyingRole, ForceKind, ReviewFrequency, Uptake,
};
use super::scoring::{Grade, Quadrant, StrategyKind};

pub trait Choice: Sized + Copy + PartialEq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    /// The value as stored (its serde name).
    fn key(self) -> &'static str;
    /// The catalogue key of the value's label.
    fn label_key(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.key() == key)
    }
}

macro_rules! choice {
    ($t:ty { $($v:ident => $k:literal, $l:literal;)* }) => {
        impl Choice for $t {
            fn all() -> &'static [Self] {
                &[$(<$t>::$v),*]
            }
            fn key(self) -> &'static str {
                match self { $(<$t>::$v => $k),* }
            }
            fn label_key(self) -> &'static str {
                match self { $(<$t>::$v => $l),* }
            }
        }
    };
}

choice!(AccountLevel {
    Territory => "territory", "choice.level.territory";
    Regional => "regional", "choice.level.regional";
    National => "national", "choice.level.national";
    Global => "global", "choice.level.global";
});
choice!(ReviewFrequency {
    Monthly => "monthly", "choice.review.monthly";
    Quarterly => "quarterly", "choice.review.quarterly";
    HalfYearly => "half_yearly", "choice.review.half_yearly";
    Yearly => "yearly", "choice.review.yearly";
});
choice!(BuyingRole {
    DecisionMaker => "decision_maker", "choice.role.decision_maker";
    EconomicBuyer => "economic_buyer", "choice.role.economic_buyer";
    TechnicalBuyer => "technical_buyer", "choice.role.technical_buyer";
    User => "user", "choice.role.user";
    Influencer => "influencer", "choice.role.influencer";
    Gatekeeper => "gatekeeper", "choice.role.gatekeeper";
    Coach => "coach", "choice.role.coach";
    Unknown => "unknown", "choice.role.unknown";
});
choice!(Attitude {
    Enemy => "enemy", "choice.attitude.enemy";
    Opponent => "opponent", "choice.attitude.opponent";
    Neutral => "neutral", "choice.attitude.neutral";
    Supporter => "supporter", "choice.attitude.supporter";
    Mentor => "mentor", "choice.attitude.mentor";
});
choice!(ActionStatus {
    Planned => "planned", "choice.status.planned";
    InProgress => "in_progress", "choice.status.in_progress";
    Done => "done", "choice.status.done";
    Dropped => "dropped", "choice.status.dropped";
});
choice!(ForceKind {
    Driving => "driving", "choice.force.driving";
    Restraining => "restraining", "choice.force.restraining";
});
choice!(Uptake {
    Unknown => "unknown", "choice.uptake.unknown";
    Buys => "buys", "choice.uptake.buys";
    CouldBuy => "could_buy", "choice.uptake.could_buy";
    NotRelevant => "not_relevant", "choice.uptake.not_relevant";
});
choice!(Quadrant {
    Core => "core", "choice.quadrant.core";
    CorePotential => "core_potential", "choice.quadrant.core_potential";
    General => "general", "choice.quadrant.general";
    Peripheral => "peripheral", "choice.quadrant.peripheral";
});
choice!(StrategyKind {
    Consolidate => "consolidate", "choice.strategy.consolidate";
    Invest => "invest", "choice.strategy.invest";
    Harvest => "harvest", "choice.strategy.harvest";
    Maintain => "maintain", "choice.strategy.maintain";
});
choice!(Grade {
    Gold => "gold", "choice.grade.gold";
    Silver => "silver", "choice.grade.silver";
    Bronze => "bronze", "choice.grade.bronze";
});

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys must be the serde names, or a stored value would not read back.
    fn keys_match_serde<T: Choice + serde::Serialize + std::fmt::Debug>() {
        for v in T::all() {
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                serde_json::Value::String(v.key().into())
            );
            assert_eq!(T::from_key(v.key()), Some(*v));
            for lang in crate::i18n::Lang::ALL {
                assert!(
                    crate::i18n::has_key(lang, v.label_key()),
                    "{lang:?} has no label {}",
                    v.label_key()
                );
            }
        }
    }

    #[test]
    fn every_choice_key_is_its_serde_name() {
        keys_match_serde::<AccountLevel>();
        keys_match_serde::<ReviewFrequency>();
        keys_match_serde::<BuyingRole>();
        keys_match_serde::<Attitude>();
        keys_match_serde::<ActionStatus>();
        keys_match_serde::<ForceKind>();
        keys_match_serde::<Uptake>();
        keys_match_serde::<Quadrant>();
        keys_match_serde::<StrategyKind>();
        keys_match_serde::<Grade>();
    }
}
