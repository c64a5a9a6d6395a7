//! Proptest strategies for requests: JSON values weighted toward what the rules read, keys that name fields in any letter case (shared by tests/properties.rs and server/tests/differential.rs).

use proptest::prelude::*;

/// Field names of every DTO in odd letter cases, and keys that name nothing.
pub fn key() -> impl Strategy<Value = String> {
    let names: Vec<String> = payrules::DtoName::ALL
        .iter()
        .copied()
        .flat_map(|dto| dto.fields().iter().map(|f| f.name.to_owned()))
        .collect();
    prop_oneof![
        4 => proptest::sample::select(names.clone()),
        1 => proptest::sample::select(names).prop_map(|n| n.to_ascii_uppercase()),
        1 => "[a-zA-Z_😀\u{e9}]{0,12}",
        1 => Just("__proto__".to_owned()),
    ]
}

/// Any JSON value, weighted toward what the rules look at.
pub fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(n, d)| Value::from(n as f64 / 10f64.powi(d as i32))),
        ".{0,20}".prop_map(Value::String),
        "[ ]{0,2}-?[0-9]{0,20}(\\.[0-9]{0,4})?[ ]{0,2}".prop_map(Value::String),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,8})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?"
            .prop_map(Value::String),
        "(https?|javascript|HTTP)://[a-z.]{0,10}(:[0-9]{0,6})?/[ -~]{0,10}".prop_map(Value::String),
        "[a-z@. ]{0,10}".prop_map(Value::String),
        "(true|false|TRUE|False|yes)".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 48, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            proptest::collection::vec((key(), inner), 0..12)
                .prop_map(|entries| serde_json::Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// A request: an object of field names (and others) to any values, most of the time.
pub fn request() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        6 => proptest::collection::vec((key(), json_value()), 0..24)
            .prop_map(|entries| serde_json::Value::Object(entries.into_iter().collect())),
        1 => json_value(),
    ]
}
