//! Section roles and the heading aliases that recognise them.

use std::collections::HashMap;

use serde::Serialize;

/// What a section of a PR/FAQ is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Headline,
    Subheading,
    Summary,
    /// A container heading such as "Press release" that holds the others.
    PressRelease,
    Problem,
    Solution,
    LeaderQuote,
    HowItWorks,
    CustomerQuote,
    GettingStarted,
    /// "Frequently asked questions": the start of the FAQ part.
    Faq,
    ExternalFaq,
    InternalFaq,
    Other,
}

impl Role {
    pub const ALL: &[Role] = &[
        Role::Headline,
        Role::Subheading,
        Role::Summary,
        Role::PressRelease,
        Role::Problem,
        Role::Solution,
        Role::LeaderQuote,
        Role::HowItWorks,
        Role::CustomerQuote,
        Role::GettingStarted,
        Role::Faq,
        Role::ExternalFaq,
        Role::InternalFaq,
        Role::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Subheading => "subheading",
            Role::Summary => "summary",
            Role::PressRelease => "press-release",
            Role::Problem => "problem",
            Role::Solution => "solution",
            Role::LeaderQuote => "leader-quote",
            Role::HowItWorks => "how-it-works",
            Role::CustomerQuote => "customer-quote",
            Role::GettingStarted => "getting-started",
            Role::Faq => "faq",
            Role::ExternalFaq => "external-faq",
            Role::InternalFaq => "internal-faq",
            Role::Other => "other",
        }
    }

    /// How a reader would name the section in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Subheading => "subheading",
            Role::Summary => "summary",
            Role::PressRelease => "press release",
            Role::Problem => "problem",
            Role::Solution => "solution",
            Role::LeaderQuote => "leader quote",
            Role::HowItWorks => "how it works",
            Role::CustomerQuote => "customer quote",
            Role::GettingStarted => "getting started",
            Role::Faq => "FAQ",
            Role::ExternalFaq => "external FAQ",
            Role::InternalFaq => "internal FAQ",
            Role::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.as_str() == s)
    }

    /// True for the headings that open the FAQ part of the document.
    pub fn is_faq(self) -> bool {
        matches!(self, Role::Faq | Role::ExternalFaq | Role::InternalFaq)
    }
}

/// A section role in wb.yaml (`sections: { problem: [...] }`): an unknown
/// name is an error at its line, with the nearest role as a hint.
impl<'de> serde::Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <String as serde::Deserialize>::deserialize(d)?;
        Role::parse(&name)
            .filter(|r| *r != Role::Other)
            .ok_or_else(|| {
                let names: Vec<&str> = Role::ALL
                    .iter()
                    .filter(|r| **r != Role::Other)
                    .map(|r| r.as_str())
                    .collect();
                let hint = match crate::portfolio::closest(&name, &names) {
                    Some(c) => format!("did you mean `{c}`? roles are: {}", names.join(", ")),
                    None => format!("roles are: {}", names.join(", ")),
                };
                crate::yaml::error_with_hint(&format!("unknown section role `{name}`"), &hint)
            })
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Heading texts (normalised) that identify each role out of the box.
const BUILTIN: &[(Role, &[&str])] = &[
    (
        Role::PressRelease,
        &["press release", "the press release", "pr"],
    ),
    (
        Role::Problem,
        &[
            "problem",
            "the problem",
            "customer problem",
            "the customer problem",
            "problem statement",
            "the challenge",
            "challenge",
            "pain point",
            "pain points",
            "the customer's problem",
            "what customers struggle with",
        ],
    ),
    (
        Role::Solution,
        &[
            "solution",
            "the solution",
            "our solution",
            "proposed solution",
            "the answer",
        ],
    ),
    (
        Role::LeaderQuote,
        &[
            "leader quote",
            "quote from a leader",
            "leadership quote",
            "executive quote",
            "company quote",
            "quote from the company",
            "spokesperson quote",
            "internal quote",
            "quote from leadership",
        ],
    ),
    (
        Role::HowItWorks,
        &[
            "how it works",
            "how does it work",
            "how the product works",
            "the customer experience",
            "customer experience",
            "how customers use it",
        ],
    ),
    (
        Role::CustomerQuote,
        &[
            "customer quote",
            "quote from a customer",
            "customer testimonial",
            "testimonial",
            "what customers say",
            "customer voice",
        ],
    ),
    (
        Role::GettingStarted,
        &[
            "getting started",
            "how to get started",
            "get started",
            "availability",
            "how to buy",
            "call to action",
            "where to find it",
        ],
    ),
    (
        Role::Faq,
        &[
            "frequently asked questions",
            "faq",
            "faqs",
            "questions and answers",
            "q&a",
            "q & a",
        ],
    ),
    (
        Role::ExternalFaq,
        &[
            "external faq",
            "external faqs",
            "customer faq",
            "customer faqs",
            "external questions",
            "customer questions",
            "public faq",
            "external frequently asked questions",
            "customer frequently asked questions",
        ],
    ),
    (
        Role::InternalFaq,
        &[
            "internal faq",
            "internal faqs",
            "stakeholder faq",
            "stakeholder faqs",
            "internal questions",
            "business faq",
            "stakeholder questions",
            "internal frequently asked questions",
        ],
    ),
];

/// Maps a heading to its role; extended by `sections:` in `wb.yaml`.
#[derive(Debug, Clone)]
pub struct Aliases {
    map: HashMap<String, Role>,
}

impl Default for Aliases {
    fn default() -> Self {
        let mut map = HashMap::new();
        for (role, names) in BUILTIN {
            for name in *names {
                map.insert(name.to_string(), *role);
            }
        }
        Aliases { map }
    }
}

impl Aliases {
    pub fn add(&mut self, role: Role, heading: &str) {
        self.map.insert(normalise(heading), role);
    }

    pub fn role_of(&self, heading: &str) -> Option<Role> {
        self.map.get(&normalise(heading)).copied()
    }

    /// Every alias of `role`, sorted, for help and explanations.
    pub fn names(&self, role: Role) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .map
            .iter()
            .filter(|(_, r)| **r == role)
            .map(|(k, _)| k.as_str())
            .collect();
        v.sort_unstable();
        v
    }
}

/// Lower case, numbering and trailing punctuation removed, spaces collapsed:
/// "2. The Problem:" and "the problem" are the same heading.
pub fn normalise(heading: &str) -> String {
    let lower = heading.trim().to_lowercase();
    let without_number = lower.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == '.' || c == ')' || c.is_whitespace()
    });
    let trimmed =
        without_number.trim_end_matches(|c: char| c == ':' || c == '.' || c.is_whitespace());
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_case_and_punctuation_blind() {
        let a = Aliases::default();
        assert_eq!(a.role_of("The Problem:"), Some(Role::Problem));
        assert_eq!(a.role_of("2. Customer quote"), Some(Role::CustomerQuote));
        assert_eq!(a.role_of("  INTERNAL   FAQ "), Some(Role::InternalFaq));
        assert_eq!(a.role_of("Pricing"), None);
    }

    #[test]
    fn config_extends_aliases() {
        let mut a = Aliases::default();
        a.add(Role::Problem, "Why customers churn");
        assert_eq!(a.role_of("why customers churn"), Some(Role::Problem));
    }
}
