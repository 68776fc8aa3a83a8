//! Review circles: who reviewed an iteration, matched against `circles` in
//! `wb.yaml` (narrowest first). The author alone is the first circle.

use serde::Serialize;

use crate::config::Config;
use crate::history::Person;

/// How far a review reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "index")]
pub enum Reach {
    /// Nobody but the author.
    Author,
    /// Reviewers that no configured circle lists.
    Unlisted,
    /// The configured circle at this index (wider circles come later).
    Circle(usize),
}

/// The configured circles, ready to match reviewers.
#[derive(Debug, Clone)]
pub struct Circles {
    names: Vec<String>,
    members: Vec<Vec<String>>,
}

impl Circles {
    pub fn new(config: &Config) -> Circles {
        Circles {
            names: config.circles.keys().cloned().collect(),
            members: config
                .circles
                .values()
                .map(|v| v.iter().map(|m| m.trim().to_lowercase()).collect())
                .collect(),
        }
    }

    /// The circle `person` belongs to (the widest, if several list them).
    pub fn of(&self, person: &Person) -> Reach {
        let email = person.email.to_lowercase();
        let name = person.name.to_lowercase();
        self.members
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| {
                m.iter()
                    .any(|x| (!email.is_empty() && *x == email) || *x == name)
            })
            .map_or(Reach::Unlisted, |(i, _)| Reach::Circle(i))
    }

    /// The widest circle among `reviewers` (the author alone: `Author`).
    pub fn widest<'a>(&self, reviewers: impl IntoIterator<Item = &'a Person>) -> Reach {
        reviewers
            .into_iter()
            .map(|p| self.of(p))
            .max()
            .unwrap_or(Reach::Author)
    }

    pub fn label(&self, reach: Reach) -> &str {
        match reach {
            Reach::Author => "author",
            Reach::Unlisted => "reviewers",
            Reach::Circle(i) => self.names.get(i).map_or("reviewers", String::as_str),
        }
    }

    /// The reviewers no circle lists; none when no circles are configured
    /// (then nobody is outside one).
    pub fn unlisted(&self, reviewers: &[Person]) -> Vec<Person> {
        if self.is_empty() {
            return Vec::new();
        }
        reviewers
            .iter()
            .filter(|r| self.of(r) == Reach::Unlisted)
            .cloned()
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, email: &str) -> Person {
        Person {
            name: name.into(),
            email: email.into(),
        }
    }

    #[test]
    fn circles_match_by_email_or_name() {
        let config: Config = serde_yaml::from_str(
            "circles:\n  team: [Alice@Example.com]\n  leadership: [vp@example.com, Grace Hopper]\n",
        )
        .unwrap();
        let c = Circles::new(&config);
        assert_eq!(
            c.of(&person("Alice", "alice@example.com")),
            Reach::Circle(0)
        );
        assert_eq!(c.of(&person("Grace Hopper", "")), Reach::Circle(1));
        assert_eq!(c.of(&person("Bob", "bob@example.com")), Reach::Unlisted);
        let alice = person("Alice", "alice@example.com");
        let vp = person("VP", "vp@example.com");
        assert_eq!(c.label(c.widest([&alice, &vp])), "leadership");
        assert_eq!(c.label(c.widest([])), "author");
    }
}
