//! Rule options, declared once beside their rule with [`options!`], and the
//! [`RuleOptions`] of `check.rules` in wb.yaml that holds them.
//!
//! One declaration gives the typed struct, its defaults, the `wb explain`
//! section, the site's rule page and the `check.rules` block of the wb.yaml
//! that `wb init` writes; a test proves they agree.

use std::fmt::Write as _;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use super::RuleId;
use super::{faq, git, language, problem, scope};

/// One option of a rule, as a writer reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDoc {
    /// The key under `check.rules.<rule>`.
    pub name: &'static str,
    /// The default value as YAML (flow style: `5`, `[]`).
    pub default: String,
    pub doc: &'static str,
}

/// Options structs describe their fields.
pub trait Described: Default {
    fn docs() -> Vec<OptionDoc>;
}

/// A value as one line of YAML (JSON is YAML's flow style).
pub(crate) fn flow(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Declares a rule's options: the struct, its defaults and their docs.
///
/// ```ignore
/// options! {
///     /// Options of `faq-too-short`.
///     pub struct FaqTooShort {
///         /// Fewest questions the external FAQ may have.
///         min_external: usize = 5,
///     }
/// }
/// ```
macro_rules! options {
    (
        $(#[doc = $sdoc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $doc:literal])+ $field:ident : $ty:ty = $default:expr ),* $(,)?
        }
    ) => {
        $(#[doc = $sdoc])*
        #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
        #[serde(deny_unknown_fields, default)]
        pub struct $name {
            $( $(#[doc = $doc])+ pub $field: $ty, )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name { $( $field: $default, )* }
            }
        }

        impl $crate::check::options::Described for $name {
            fn docs() -> Vec<$crate::check::options::OptionDoc> {
                let d = Self::default();
                vec![$(
                    $crate::check::options::OptionDoc {
                        name: stringify!($field),
                        default: $crate::check::options::flow(&d.$field),
                        doc: concat!($($doc),+).trim_start(),
                    },
                )*]
            }
        }
    };
}
pub(crate) use options;

/// The rules that take options, each with its options type. A rule id here
/// must be in the catalogue (a test checks it); everything else about the
/// options lives beside the rule.
macro_rules! rule_options {
    ($( $id:literal => $field:ident : $ty:ty ),* $(,)?) => {
        /// `check.rules` in wb.yaml: the options of every rule that takes any.
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct RuleOptions {
            $( pub $field: $ty, )*
        }

        impl RuleOptions {
            /// The ids of the rules that take options.
            pub const IDS: &'static [&'static str] = &[$($id),*];

            /// The options of rule `id`, or `None` when it takes none.
            pub fn docs(id: &str) -> Option<Vec<OptionDoc>> {
                match id {
                    $( $id => Some(<$ty as Described>::docs()), )*
                    _ => None,
                }
            }

            fn read<'de, A: MapAccess<'de>>(
                &mut self,
                id: RuleId,
                map: &mut A,
            ) -> Result<(), A::Error> {
                match id.as_str() {
                    $( $id => self.$field = map.next_value()?, )*
                    other => {
                        return Err(crate::yaml::error_with_hint(
                            &format!("rule `{other}` takes no options"),
                            &format!(
                                "the rules with options are: {}",
                                Self::IDS.join(", ")
                            ),
                        ));
                    }
                }
                Ok(())
            }
        }
    };
}

rule_options! {
    "faq-too-short" => faq_too_short: faq::FaqTooShort,
    "skipping-the-iteration" => skipping_the_iteration: git::Skipping,
    "internal-jargon-in-pr" => internal_jargon_in_pr: language::JargonOptions,
    "hyperbole-instead-of-specifics" => hyperbole_instead_of_specifics: language::Hyperbole,
    "solution-first-thinking" => solution_first_thinking: problem::SolutionFirst,
    "faq-avoids-hard-questions" => faq_avoids_hard_questions: faq::HardQuestions,
    "too-many-features" => too_many_features: scope::TooManyFeatures,
    "missing-problem-paragraph" => missing_problem_paragraph: problem::ProblemParagraph,
}

impl<'de> Deserialize<'de> for RuleOptions {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RuleOptions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map from rule ids to their options")
            }
            fn visit_unit<E: de::Error>(self) -> Result<RuleOptions, E> {
                Ok(RuleOptions::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleOptions, A::Error> {
                let mut out = RuleOptions::default();
                while let Some(id) = map.next_key::<RuleId>()? {
                    out.read(id, &mut map)?;
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}

/// The `wb explain` section about a rule's options, from their declaration.
pub fn explain_section(id: &str) -> Option<String> {
    let docs = RuleOptions::docs(id)?;
    let mut out = format!("## Options\n\nUnder `check.rules.{id}` in wb.yaml:\n\n");
    for d in &docs {
        let _ = writeln!(out, "- `{}` (default `{}`): {}", d.name, d.default, d.doc);
    }
    let _ = write!(
        out,
        "\n```yaml\ncheck:\n  rules:\n    {id}: {}\n```\n",
        defaults_line(&docs)
    );
    Some(out)
}

/// `{ min_external: 5, min_internal: 5 }`
fn defaults_line(docs: &[OptionDoc]) -> String {
    let fields: Vec<String> = docs
        .iter()
        .map(|d| format!("{}: {}", d.name, d.default))
        .collect();
    format!("{{ {} }}", fields.join(", "))
}

/// The `rules:` lines of the wb.yaml that `wb init` writes: every option
/// with its default.
pub fn init_block(indent: &str) -> String {
    let mut out = String::new();
    for id in RuleOptions::IDS {
        let docs = RuleOptions::docs(id).unwrap_or_default();
        let _ = writeln!(out, "{indent}{id}: {}", defaults_line(&docs));
    }
    out
}

/// Replaces `{{name}}` in a rule's explanation with the option's default,
/// so the prose never restates a number that could drift.
pub fn fill_defaults(id: &str, text: &str) -> String {
    let mut out = text.to_string();
    for d in RuleOptions::docs(id).unwrap_or_default() {
        out = out.replace(&format!("{{{{{}}}}}", d.name), &d.default);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_with_options_is_in_the_catalogue() {
        for id in RuleOptions::IDS {
            assert!(crate::check::rule(id).is_some(), "{id}");
        }
    }

    #[test]
    fn explanations_name_only_declared_options() {
        for rule in crate::check::catalogue() {
            let text = fill_defaults(rule.id, rule.explanation);
            assert!(
                !text.contains("{{"),
                "{}: a placeholder names no option of the rule",
                rule.id
            );
            let has_options = RuleOptions::docs(rule.id).is_some();
            assert!(
                !rule.explanation.contains("## Options"),
                "{}: the options section is generated",
                rule.id
            );
            assert_eq!(explain_section(rule.id).is_some(), has_options);
        }
    }

    #[test]
    fn the_init_block_reads_back_as_the_defaults() {
        let yaml = format!("check:\n  rules:\n{}", init_block("    "));
        let c = crate::config::parse(std::path::Path::new("wb.yaml"), &yaml).unwrap();
        assert_eq!(c.check.rules, RuleOptions::default());
    }
}
