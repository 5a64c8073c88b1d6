use crate::model::choice::Choice;
use crate::model::plan::{
    AccountLevel, ActionStatus, Attitude, BuyingRole, ForceKind, ReviewFrequency, Uptake,
};

/// The JSON Schema in docs/ lists exactly the values the model reads.
#[test]
fn schema_enums_match_the_model() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../../docs/keyplan.schema.json")).unwrap();
    let plan = &schema["$defs"]["plan"]["properties"];
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    fn model<T: Choice>() -> Vec<String> {
        T::all().iter().map(|v| v.key().to_string()).collect()
    }
    assert_eq!(
        keys(&plan["header"]["properties"]["level"]),
        model::<AccountLevel>()
    );
    assert_eq!(
        keys(&plan["header"]["properties"]["review_frequency"]),
        model::<ReviewFrequency>()
    );
    let contact = &plan["relationships"]["properties"]["contacts"]["items"]["properties"];
    assert_eq!(keys(&contact["role"]), model::<BuyingRole>());
    assert_eq!(keys(&contact["attitude"]), model::<Attitude>());
    assert_eq!(
        keys(&plan["action"]["properties"]["actions"]["items"]["properties"]["status"]),
        model::<ActionStatus>()
    );
    assert_eq!(
        keys(&plan["blueprint"]["properties"]["forces"]["items"]["properties"]["kind"]),
        model::<ForceKind>()
    );
    assert_eq!(
        keys(
            &plan["customer"]["properties"]["penetration"]["properties"]["cells"]["items"]["items"]
        ),
        model::<Uptake>()
    );
    assert_eq!(
        schema["properties"]["kind"]["const"],
        crate::persist::file::FILE_KIND
    );
}
