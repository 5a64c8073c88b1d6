//! Closed lists a rep picks from: each value's stored key and its English label.

use super::plan::{
    AccountLevel, ActionStatus, Attitude, BuyingRole, ForceKind, ReviewFrequency, Uptake,
};
use super::scoring::{Grade, Quadrant, StrategyKind};

pub trait Choice: Sized + Copy + PartialEq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    /// The value as stored (its serde name).
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;
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
            fn label(self) -> &'static str {
                match self { $(<$t>::$v => $l),* }
            }
        }
    };
}

choice!(AccountLevel {
    Territory => "territory", "Territory";
    Regional => "regional", "Regional";
    National => "national", "National";
    Global => "global", "Global";
});
choice!(ReviewFrequency {
    Monthly => "monthly", "Monthly";
    Quarterly => "quarterly", "Quarterly";
    HalfYearly => "half_yearly", "Every six months";
    Yearly => "yearly", "Yearly";
});
choice!(BuyingRole {
    DecisionMaker => "decision_maker", "Decision maker";
    EconomicBuyer => "economic_buyer", "Economic buyer";
    TechnicalBuyer => "technical_buyer", "Technical buyer";
    User => "user", "User";
    Influencer => "influencer", "Influencer";
    Gatekeeper => "gatekeeper", "Gatekeeper";
    Coach => "coach", "Coach / insider";
    Unknown => "unknown", "Not yet known";
});
choice!(Attitude {
    Enemy => "enemy", "Enemy";
    Opponent => "opponent", "Opponent";
    Neutral => "neutral", "Neutral";
    Supporter => "supporter", "Supporter";
    Mentor => "mentor", "Mentor";
});
choice!(ActionStatus {
    Planned => "planned", "Planned";
    InProgress => "in_progress", "In progress";
    Done => "done", "Done";
    Dropped => "dropped", "Dropped";
});
choice!(ForceKind {
    Driving => "driving", "Driving (helps us)";
    Restraining => "restraining", "Restraining (holds us back)";
});
choice!(Uptake {
    Unknown => "unknown", "?";
    Buys => "buys", "Buys";
    CouldBuy => "could_buy", "Could buy";
    NotRelevant => "not_relevant", "Not relevant";
});
choice!(Quadrant {
    Core => "core", "Core";
    CorePotential => "core_potential", "Core potential";
    General => "general", "General";
    Peripheral => "peripheral", "Peripheral";
});
choice!(StrategyKind {
    Consolidate => "consolidate", "Consolidate";
    Invest => "invest", "Invest";
    Harvest => "harvest", "Harvest";
    Maintain => "maintain", "Maintain";
});
choice!(Grade {
    Gold => "gold", "Gold";
    Silver => "silver", "Silver";
    Bronze => "bronze", "Bronze";
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
