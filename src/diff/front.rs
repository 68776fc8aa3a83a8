//! What changed in the front-matter: scalars old -> new, lists by the
//! items that came and went.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::Serialize;

use crate::proposal::FrontMatter;

/// Front-matter values longer than this are described as "changed" rather
/// than quoted.
const SHORT_VALUE: usize = 40;

/// One front-matter field that changed. List values (tags, metrics, code,
/// lists among the extra keys) are shown joined with ", " and also carry
/// the items that came and went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub key: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// True for a list-valued field.
    pub list: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items_added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items_removed: Vec<String>,
}

impl FieldChange {
    /// One line for a reader: `status: draft -> review`, `metrics: added`,
    /// `tags: added 1, removed 2`, `customer: changed` (long values).
    pub fn describe(&self) -> String {
        let key = &self.key;
        match (&self.old, &self.new) {
            (None, Some(_)) => format!("{key}: added"),
            (Some(_), None) => format!("{key}: removed"),
            (Some(_), Some(_)) if self.list => format!("{key}: {}", self.describe_items()),
            (Some(o), Some(n)) if is_short(o) && is_short(n) => format!("{key}: {o} -> {n}"),
            _ => format!("{key}: changed"),
        }
    }

    fn describe_items(&self) -> String {
        let mut parts = Vec::new();
        if !self.items_added.is_empty() {
            parts.push(format!("added {}", self.items_added.len()));
        }
        if !self.items_removed.is_empty() {
            parts.push(format!("removed {}", self.items_removed.len()));
        }
        if parts.is_empty() {
            "reordered".to_string()
        } else {
            parts.join(", ")
        }
    }
}

fn is_short(value: &str) -> bool {
    value.chars().count() <= SHORT_VALUE && !value.contains('\n')
}

/// A front-matter value as compared.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Scalar(String),
    List(Vec<String>),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Scalar(s) => s.clone(),
            Value::List(items) => items.join(", "),
        }
    }

    fn items(&self) -> &[String] {
        match self {
            Value::Scalar(_) => &[],
            Value::List(items) => items,
        }
    }
}

fn scalar(v: &Option<String>) -> Option<Value> {
    v.as_ref().map(|s| Value::Scalar(s.clone()))
}

fn list(v: &[String]) -> Option<Value> {
    (!v.is_empty()).then(|| Value::List(v.to_vec()))
}

/// An extra key's YAML value (held as JSON): null and empty lists are absent.
fn json_value(v: &serde_json::Value) -> Option<Value> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::Array(items) if items.is_empty() => None,
        serde_json::Value::Array(items) => Some(Value::List(items.iter().map(json_text).collect())),
        other => Some(Value::Scalar(json_text(other))),
    }
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The fields of one front-matter, in a fixed order: the known keys, then the
/// extra keys as written. Absent and empty fields are `None`.
fn fields(f: &FrontMatter) -> IndexMap<String, Option<Value>> {
    let known = [
        ("title", scalar(&f.title)),
        ("status", scalar(&f.status)),
        ("owner", scalar(&f.owner)),
        ("customer", scalar(&f.customer)),
        (
            "launch_date",
            f.launch_date.map(|d| Value::Scalar(d.to_string())),
        ),
        ("created", f.created.map(|d| Value::Scalar(d.to_string()))),
        ("tags", list(&f.tags)),
        ("metrics", list(&f.metrics)),
        ("code", list(&f.code)),
    ];
    let extra = f.extra.iter().map(|(k, v)| (k.clone(), json_value(v)));
    known
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .chain(extra)
        .collect()
}

pub fn front_changes(old: Option<&FrontMatter>, new: &FrontMatter) -> Vec<FieldChange> {
    let empty = FrontMatter::default();
    let old_fields = fields(old.unwrap_or(&empty));
    let new_fields = fields(new);
    // Every key of the new version, then keys only the old one had.
    let keys = new_fields
        .keys()
        .chain(old_fields.keys().filter(|k| !new_fields.contains_key(*k)));
    keys.filter_map(|key| {
        let old = old_fields.get(key).cloned().flatten();
        let new = new_fields.get(key).cloned().flatten();
        field_change(key, old, new)
    })
    .collect()
}

fn field_change(key: &str, old: Option<Value>, new: Option<Value>) -> Option<FieldChange> {
    if old == new {
        return None;
    }
    let list = matches!(old, Some(Value::List(_))) || matches!(new, Some(Value::List(_)));
    let old_items = old.as_ref().map_or(&[][..], Value::items);
    let new_items = new.as_ref().map_or(&[][..], Value::items);
    Some(FieldChange {
        key: key.to_string(),
        items_added: missing_from(new_items, old_items),
        items_removed: missing_from(old_items, new_items),
        old: old.as_ref().map(Value::text),
        new: new.as_ref().map(Value::text),
        list,
    })
}

/// Items of `a` that `b` lacks, counting repeats.
fn missing_from(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for item in b {
        *left.entry(item).or_default() += 1;
    }
    a.iter()
        .filter(|item| match left.get_mut(item.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(key: &str, old: Option<&str>, new: Option<&str>) -> FieldChange {
        FieldChange {
            key: key.to_string(),
            old: old.map(str::to_string),
            new: new.map(str::to_string),
            list: false,
            items_added: Vec::new(),
            items_removed: Vec::new(),
        }
    }

    #[test]
    fn describe_scalars() {
        assert_eq!(
            change("status", Some("draft"), Some("review")).describe(),
            "status: draft -> review"
        );
        assert_eq!(change("owner", None, Some("Jo")).describe(), "owner: added");
        assert_eq!(
            change("owner", Some("Jo"), None).describe(),
            "owner: removed"
        );
        let long = "Owners of Shopify stores with fewer than 10 staff";
        assert_eq!(
            change("customer", Some(long), Some("Shop owners")).describe(),
            "customer: changed"
        );
    }

    #[test]
    fn lists_count_items() {
        let old = FrontMatter {
            tags: vec!["a".into(), "b".into()],
            ..Default::default()
        };
        let new = FrontMatter {
            tags: vec!["b".into(), "c".into(), "d".into()],
            metrics: vec!["Refund in 2 minutes".into()],
            ..Default::default()
        };
        let described: Vec<String> = front_changes(Some(&old), &new)
            .iter()
            .map(FieldChange::describe)
            .collect();
        assert_eq!(described, ["tags: added 2, removed 1", "metrics: added"]);
        let reordered = FrontMatter {
            tags: vec!["b".into(), "a".into()],
            ..Default::default()
        };
        let c = front_changes(Some(&old), &reordered);
        assert_eq!(c[0].describe(), "tags: reordered");
    }

    #[test]
    fn extra_keys_are_compared() {
        let mut old = FrontMatter::default();
        old.extra
            .insert("priority".into(), serde_json::json!("high"));
        old.extra.insert("gone".into(), serde_json::json!(3));
        let mut new = FrontMatter::default();
        new.extra
            .insert("priority".into(), serde_json::json!("low"));
        new.extra
            .insert("teams".into(), serde_json::json!(["x", "y"]));
        let described: Vec<String> = front_changes(Some(&old), &new)
            .iter()
            .map(FieldChange::describe)
            .collect();
        assert_eq!(
            described,
            ["priority: high -> low", "teams: added", "gone: removed"]
        );
    }
}
