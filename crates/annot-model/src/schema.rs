//! Label schemas: which span labels, document labels and zones a project uses.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{ModelError, Result, SchemaError};
use crate::zone::Zone;

/// A label schema (`schemas/<name>.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    pub name: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Span layer: entity labels.
    #[serde(default)]
    pub spans: SpanSchema,
    /// Document label layer: named label sets.
    #[serde(default)]
    pub labels: Vec<LabelSet>,
    /// Zone layer: the zone names documents may use.
    #[serde(default)]
    pub zones: Vec<Zone>,
}

/// Span labels and whether spans may overlap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanSchema {
    pub labels: Vec<LabelDef>,
    #[serde(default)]
    pub overlap: bool,
}

/// One span label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelDef {
    pub name: String,
    /// Single-key shortcut in the annotation prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A document label set, such as `topic`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSet {
    pub name: String,
    /// Whether more than one value may be chosen.
    #[serde(default)]
    pub multi: bool,
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A label in a record that the schema does not allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnknownLabel {
    /// A span label the schema does not list (`count` spans carry it).
    Span { label: String, count: usize },
    /// A document-label layer the schema does not have.
    Layer { layer: String, values: Vec<String> },
    /// A value a layer does not list.
    Value { layer: String, value: String },
    /// Several values on a layer that takes one.
    TooMany { layer: String, values: Vec<String> },
}

impl std::fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Span { label, count } => write!(f, "span label '{label}' (×{count})"),
            Self::Layer { layer, values } => {
                write!(f, "label layer '{layer}' ({})", values.join(", "))
            }
            Self::Value { layer, value } => write!(f, "'{layer}: {value}'"),
            Self::TooMany { layer, values } => write!(
                f,
                "{} values on '{layer}', which takes one ({})",
                values.len(),
                values.join(", ")
            ),
        }
    }
}

const LAYERS: [&str; 6] = ["name", "version", "description", "spans", "labels", "zones"];

impl Schema {
    /// Whether documents may have zone `zone`: a schema that lists no zones
    /// takes any.
    #[must_use]
    pub fn has_zone(&self, zone: &Zone) -> bool {
        self.zones.is_empty() || self.zones.contains(zone)
    }

    /// `name@version`, as records store it.
    #[must_use]
    pub fn id(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }

    /// Reads and validates a schema file.
    ///
    /// # Errors
    /// Unreadable file, bad JSON, or any problem [`Schema::validate`] finds, with the path named.
    pub fn load(path: &Path) -> Result<Self> {
        // std::fs: the error names the path already.
        let text = std::fs::read_to_string(path).map_err(|source| ModelError::SchemaRead {
            path: path.to_owned(),
            source,
        })?;
        Self::from_json(&text).map_err(|source| ModelError::Schema {
            path: path.to_owned(),
            source,
        })
    }

    /// Parses and validates a schema from JSON text.
    ///
    /// # Errors
    /// What is wrong and how to fix it.
    pub fn from_json(text: &str) -> Result<Self, SchemaError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(SchemaError::Json)?;
        if let Ok(DuplicateKey(Some(key))) = serde_json::from_str::<DuplicateKey>(text) {
            return Err(SchemaError::DuplicateJsonKey { key });
        }
        let obj = value.as_object().ok_or(SchemaError::NotAnObject)?;
        if let Some(key) = obj.keys().find(|k| !LAYERS.contains(&k.as_str())) {
            return Err(SchemaError::UnknownLayer { key: key.clone() });
        }
        let schema: Schema = serde_json::from_value(value).map_err(SchemaError::Shape)?;
        schema.validate()?;
        Ok(schema)
    }

    /// Checks names and keys: no duplicates, no empty sets, single-character keys.
    ///
    /// # Errors
    /// The first problem found, in words a user can act on.
    pub fn validate(&self) -> Result<(), SchemaError> {
        if self.name.trim().is_empty() {
            return Err(SchemaError::NoName);
        }
        if self.spans.labels.is_empty() && self.labels.is_empty() {
            return Err(SchemaError::NoLabels);
        }
        let mut names = HashSet::new();
        let mut keys = HashSet::new();
        for l in &self.spans.labels {
            check_name(&l.name, "span label")?;
            if !names.insert(l.name.as_str()) {
                return Err(SchemaError::DuplicateSpanLabel {
                    name: l.name.clone(),
                });
            }
            if let Some(k) = &l.key {
                if k.chars().count() != 1 || k.trim().is_empty() {
                    return Err(SchemaError::BadKey {
                        label: l.name.clone(),
                        key: k.clone(),
                    });
                }
                if !keys.insert(k.as_str()) {
                    return Err(SchemaError::DuplicateKey {
                        key: k.clone(),
                        label: l.name.clone(),
                    });
                }
            }
        }
        let mut sets = HashSet::new();
        for set in &self.labels {
            check_name(&set.name, "label set")?;
            if !sets.insert(set.name.as_str()) {
                return Err(SchemaError::DuplicateLabelSet {
                    name: set.name.clone(),
                });
            }
            if set.values.is_empty() {
                return Err(SchemaError::NoValues {
                    set: set.name.clone(),
                });
            }
            let mut values = HashSet::new();
            for v in &set.values {
                check_name(v, &format!("value of label set '{}'", set.name))?;
                if !values.insert(v.as_str()) {
                    return Err(SchemaError::DuplicateValue {
                        set: set.name.clone(),
                        value: v.clone(),
                    });
                }
            }
        }
        let mut zones = HashSet::new();
        for z in &self.zones {
            check_name(z.as_str(), "zone")?;
            if !zones.insert(z) {
                return Err(SchemaError::DuplicateZone { zone: z.clone() });
            }
        }
        Ok(())
    }

    /// The span label with this name (exact) or key.
    #[must_use]
    pub fn span_label(&self, name_or_key: &str) -> Option<&LabelDef> {
        self.spans
            .labels
            .iter()
            .find(|l| l.name == name_or_key)
            .or_else(|| {
                self.spans
                    .labels
                    .iter()
                    .find(|l| l.key.as_deref() == Some(name_or_key))
            })
            .or_else(|| {
                self.spans
                    .labels
                    .iter()
                    .find(|l| l.name.eq_ignore_ascii_case(name_or_key))
            })
    }

    /// The label set with this name.
    #[must_use]
    pub fn label_set(&self, name: &str) -> Option<&LabelSet> {
        self.labels.iter().find(|s| s.name == name)
    }

    /// Every label of a record's `spans` and `labels` that this schema does not have: span labels,
    /// document-label layers and values, and several values on a single-valued layer.
    #[must_use]
    pub fn unknown_labels(
        &self,
        spans: &[crate::record::Span],
        labels: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> Vec<UnknownLabel> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for span in spans {
            if self.spans.labels.iter().all(|l| l.name != span.label)
                && seen.insert(span.label.as_str())
            {
                out.push(UnknownLabel::Span {
                    label: span.label.clone(),
                    count: spans.iter().filter(|s| s.label == span.label).count(),
                });
            }
        }
        for (layer, values) in labels {
            let Some(set) = self.label_set(layer) else {
                out.push(UnknownLabel::Layer {
                    layer: layer.clone(),
                    values: values.clone(),
                });
                continue;
            };
            for v in values {
                if !set.values.contains(v) {
                    out.push(UnknownLabel::Value {
                        layer: layer.clone(),
                        value: v.clone(),
                    });
                }
            }
            if !set.multi && values.len() > 1 {
                out.push(UnknownLabel::TooMany {
                    layer: layer.clone(),
                    values: values.clone(),
                });
            }
        }
        out
    }

    /// The default news schema shipped with annot (`schemas/news.json`).
    #[must_use]
    pub fn news() -> Self {
        // The file is part of the repository and checked by a test, so it always parses.
        Self::from_json(NEWS_JSON).unwrap_or_else(|e| unreachable!("bundled news schema: {e}"))
    }
}

/// The bundled `schemas/news.json`.
pub const NEWS_JSON: &str = include_str!("../../../schemas/news.json");

fn check_name(name: &str, what: &str) -> Result<(), SchemaError> {
    if name.trim().is_empty() {
        return Err(SchemaError::EmptyName {
            what: what.to_owned(),
        });
    }
    if name.chars().any(char::is_whitespace) {
        return Err(SchemaError::WhiteSpace {
            what: what.to_owned(),
            name: name.to_owned(),
        });
    }
    Ok(())
}

/// The first key found twice in one object of a JSON text (`serde_json::Value` keeps the
/// last of the two and says nothing).
struct DuplicateKey(Option<String>);

impl<'de> serde::Deserialize<'de> for DuplicateKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Walk;
        impl<'de> serde::de::Visitor<'de> for Walk {
            type Value = DuplicateKey;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, _: bool) -> Result<DuplicateKey, E> {
                Ok(DuplicateKey(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<DuplicateKey, E> {
                Ok(DuplicateKey(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<DuplicateKey, E> {
                Ok(DuplicateKey(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<DuplicateKey, E> {
                Ok(DuplicateKey(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<DuplicateKey, E> {
                Ok(DuplicateKey(None))
            }
            fn visit_unit<E>(self) -> Result<DuplicateKey, E> {
                Ok(DuplicateKey(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<DuplicateKey, A::Error> {
                let mut found = None;
                while let Some(DuplicateKey(inner)) = seq.next_element()? {
                    found = found.or(inner);
                }
                Ok(DuplicateKey(found))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<DuplicateKey, A::Error> {
                let mut seen = std::collections::HashSet::new();
                let mut found = None;
                while let Some(key) = map.next_key::<String>()? {
                    let DuplicateKey(inner) = map.next_value()?;
                    if !seen.insert(key.clone()) {
                        found = found.or(Some(key));
                    }
                    found = found.or(inner);
                }
                Ok(DuplicateKey(found))
            }
        }
        d.deserialize_any(Walk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_news_schema_is_valid() {
        let s = Schema::news();
        assert_eq!(s.id(), "news@1");
        let names: Vec<_> = s.spans.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["PER", "ORG", "LOC", "MISC"]);
        assert!(s.label_set("topic").unwrap().multi);
        assert_eq!(s.zones, ["title", "lede", "meta", "body", "boilerplate"]);
        assert_eq!(s.span_label("o").unwrap().name, "ORG");
        assert_eq!(s.span_label("per").unwrap().name, "PER");
    }

    fn err(json: &str) -> String {
        Schema::from_json(json).unwrap_err().to_string()
    }

    #[test]
    fn a_key_twice_in_one_object_is_refused() {
        let top = r#"{"name":"t","name":"u","version":1,"spans":{"labels":[{"name":"A"}]}}"#;
        assert!(err(top).contains("duplicate key 'name'"), "{}", err(top));
        let inner =
            r#"{"name":"t","version":1,"spans":{"labels":[{"name":"A","key":"a","key":"b"}]}}"#;
        assert!(err(inner).contains("duplicate key 'key'"), "{}", err(inner));
        // The same key in two objects is not a duplicate.
        let two = r#"{"name":"t","version":1,"spans":{"labels":[{"name":"A"},{"name":"B"}]}}"#;
        assert!(Schema::from_json(two).is_ok());
    }

    #[test]
    fn clear_errors() {
        let base = |spans: &str, labels: &str| {
            format!(
                r#"{{"name":"t","version":1,"spans":{{"labels":[{spans}]}},"labels":[{labels}]}}"#
            )
        };
        assert!(err(&base(r#"{"name":"A"},{"name":"A"}"#, "")).contains("'A' is defined twice"));
        assert!(
            err(&base(
                r#"{"name":"A","key":"a"},{"name":"B","key":"a"}"#,
                ""
            ))
            .contains("key 'a' is used twice")
        );
        assert!(err(&base(r#"{"name":"A","key":"ab"}"#, "")).contains("one visible character"));
        assert!(
            err(&base(r#"{"name":"A"}"#, r#"{"name":"topic","values":[]}"#)).contains("no values")
        );
        assert!(
            err(&base(
                r#"{"name":"A"}"#,
                r#"{"name":"t","values":["x","x"]}"#
            ))
            .contains("'x' twice")
        );
        assert!(
            err(r#"{"name":"t","version":1,"relations":[]}"#).contains("unknown layer 'relations'")
        );
        assert!(err(r#"{"name":"t","version":1}"#).contains("no span labels"));
        assert!(err("{").contains("not valid JSON"));
    }

    #[test]
    fn errors_are_typed() {
        assert!(matches!(
            Schema::from_json("[]"),
            Err(SchemaError::NotAnObject)
        ));
        let twice =
            r#"{"name":"t","version":1,"spans":{"labels":[{"name":"A"}]},"zones":["body","body"]}"#;
        match Schema::from_json(twice) {
            Err(SchemaError::DuplicateZone { zone }) => assert_eq!(zone, Zone::Body),
            other => panic!("{other:?}"),
        }
    }
}
