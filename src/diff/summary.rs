//! A section-aware summary of what one iteration changed: words per
//! section, FAQ questions added, removed and edited, front-matter fields.

use std::collections::{HashMap, HashSet, VecDeque};

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::align::{Bag, bag, diff_chunks, match_in_order};
use super::blocks::split_chunks;
use super::front::{FieldChange, front_changes};
use super::tokens::collapse;
use super::{BlockChange, Budget};
use crate::proposal::body::count_words;
use crate::proposal::roles::normalise;
use crate::proposal::{FaqEntry, Proposal, Role};

/// FAQ questions at the same place that share at least this share of their
/// words are one question reworded, not one removed and one added.
const QUESTION_SIMILARITY: f64 = 0.6;

/// What one iteration changed, section by section.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Words of the body (headings, text, FAQ questions and answers; HTML
    /// comments excluded), summed over the sections.
    pub words_added: usize,
    pub words_removed: usize,
    /// Only the sections that changed: the new document's order, then the
    /// removed ones.
    pub sections: Vec<SectionChange>,
    pub faq: FaqChanges,
    /// Front-matter fields that changed.
    pub front: Vec<FieldChange>,
}

/// A section that was added, removed or changed. A section's text includes
/// its heading and the FAQ entries under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionChange {
    pub role: Role,
    pub heading: String,
    /// Added, Removed or Changed.
    pub change: BlockChange,
    pub words_added: usize,
    pub words_removed: usize,
}

/// FAQ questions added, removed and edited (question reworded, answer
/// changed or moved between external and internal).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FaqChanges {
    /// Questions as the new version words them.
    pub added: Vec<String>,
    /// Questions as the old version worded them.
    pub removed: Vec<String>,
    /// Questions as the new version words them.
    pub edited: Vec<String>,
}

impl FaqChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.edited.is_empty()
    }
}

impl Summary {
    /// Short labels of the sections that changed, each once: the role
    /// (`problem`, `internal-faq`), or for other sections their heading as a
    /// slug (`pricing`).
    pub fn sections_touched(&self) -> Vec<String> {
        // A set beside the list: a first iteration of a document with
        // 50,000 headings touches 50,000 sections (quadratic with `contains`).
        let mut seen: HashSet<String> = HashSet::new();
        let mut out: Vec<String> = Vec::new();
        for s in &self.sections {
            let label = match s.role {
                Role::Other => Some(crate::proposal::slugify(&s.heading))
                    .filter(|l| !l.is_empty())
                    .unwrap_or_else(|| Role::Other.as_str().to_string()),
                role => role.as_str().to_string(),
            };
            if seen.insert(label.clone()) {
                out.push(label);
            }
        }
        out
    }

    /// True when nothing a reader would notice changed.
    pub fn is_empty(&self) -> bool {
        self.words_added == 0
            && self.words_removed == 0
            && self.sections.is_empty()
            && self.faq.is_empty()
            && self.front.is_empty()
    }
}

/// Summarises what changed from `old` to `new`; `old` is `None` for the
/// first iteration, where everything is added.
pub fn summarize(old: Option<&Proposal>, new: &Proposal) -> Summary {
    let budget = Budget::start();
    let sections = section_changes(old, new, &budget);
    let old_faqs = old.map_or(&[][..], |p| &p.body.faqs[..]);
    Summary {
        words_added: sections.iter().map(|s| s.words_added).sum(),
        words_removed: sections.iter().map(|s| s.words_removed).sum(),
        sections,
        faq: faq_changes(old_faqs, &new.body.faqs, &budget),
        front: front_changes(old.map(|p| &p.front), &new.front),
    }
}

// --- sections ---------------------------------------------------------------

/// Identifies a section across versions: its role, or for `Other` sections
/// their normalised heading; `nth` tells repeats apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct SectionKey {
    role: Role,
    heading: String,
    nth: usize,
}

/// A section as compared: identity, heading, and all the text under it.
struct Part {
    key: SectionKey,
    role: Role,
    heading: String,
    text: String,
}

fn parts(p: &Proposal) -> Vec<Part> {
    let faq_texts = faq_texts_by_section(p);
    let mut seen: HashMap<(Role, String), usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, s) in p.body.sections.iter().enumerate() {
        let heading_key = if s.role == Role::Other {
            normalise(&s.heading)
        } else {
            String::new()
        };
        let nth = seen.entry((s.role, heading_key.clone())).or_insert(0);
        let key = SectionKey {
            role: s.role,
            heading: heading_key,
            nth: *nth,
        };
        *nth += 1;
        let pieces = std::iter::once(s.heading.as_str())
            .chain(s.blocks.iter().map(|b| b.text.as_str()))
            .chain(faq_texts.get(&i).into_iter().flatten().map(String::as_str))
            .filter(|t| !t.trim().is_empty());
        out.push(Part {
            key,
            role: s.role,
            heading: s.heading.clone(),
            text: pieces.collect::<Vec<_>>().join("\n\n"),
        });
    }
    out
}

/// Each FAQ entry's question and answer, under the index of the section it
/// sits in (the last section starting before it).
fn faq_texts_by_section(p: &Proposal) -> HashMap<usize, Vec<String>> {
    let sections = &p.body.sections;
    let mut out: HashMap<usize, Vec<String>> = HashMap::new();
    for f in &p.body.faqs {
        let Some(i) = sections
            .partition_point(|s| s.line <= f.line)
            .checked_sub(1)
        else {
            continue;
        };
        let texts = out.entry(i).or_default();
        texts.push(f.question.clone());
        if !f.answer.trim().is_empty() {
            texts.push(f.answer.clone());
        }
    }
    out
}

fn section_changes(old: Option<&Proposal>, new: &Proposal, budget: &Budget) -> Vec<SectionChange> {
    let old_parts = old.map(parts).unwrap_or_default();
    let mut old_by_key: HashMap<&SectionKey, &Part> =
        old_parts.iter().map(|p| (&p.key, p)).collect();
    let mut out = Vec::new();
    for part in parts(new) {
        match old_by_key.remove(&part.key) {
            Some(before) if collapse(&before.text) == collapse(&part.text) => {}
            Some(before) => {
                let d = diff_chunks(
                    &split_chunks(&before.text, false),
                    &split_chunks(&part.text, false),
                    budget,
                );
                out.push(section_change(
                    &part,
                    BlockChange::Changed,
                    d.words_added,
                    d.words_removed,
                ));
            }
            None => out.push(section_change(
                &part,
                BlockChange::Added,
                count_words(&part.text),
                0,
            )),
        }
    }
    for part in old_parts.iter().filter(|p| old_by_key.contains_key(&p.key)) {
        out.push(section_change(
            part,
            BlockChange::Removed,
            0,
            count_words(&part.text),
        ));
    }
    out
}

fn section_change(part: &Part, change: BlockChange, added: usize, removed: usize) -> SectionChange {
    SectionChange {
        role: part.role,
        heading: part.heading.clone(),
        change,
        words_added: added,
        words_removed: removed,
    }
}

// --- FAQ --------------------------------------------------------------------

/// A question as matched across versions: lower case, punctuation dropped,
/// spaces collapsed.
fn question_key(q: &str) -> String {
    let kept: String = q
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    collapse(&kept.to_lowercase())
}

fn faq_changes(old: &[FaqEntry], new: &[FaqEntry], budget: &Budget) -> FaqChanges {
    let old_keys: Vec<String> = old.iter().map(|f| question_key(&f.question)).collect();
    let new_keys: Vec<String> = new.iter().map(|f| question_key(&f.question)).collect();
    let ops = capture_diff_slices_deadline(
        Algorithm::Patience,
        &old_keys,
        &new_keys,
        Some(budget.next_deadline()),
    );
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let (mut lone_old, mut lone_new) = (Vec::new(), Vec::new());
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => pairs.extend(o.zip(n)),
            DiffTag::Delete => lone_old.extend(o),
            DiffTag::Insert => lone_new.extend(n),
            DiffTag::Replace => {
                let reworded: Vec<(usize, usize)> =
                    reworded_pairs(&old_keys[o.clone()], &new_keys[n.clone()])
                        .into_iter()
                        .map(|(i, j)| (o.start + i, n.start + j))
                        .collect();
                let (paired_old, paired_new): (HashSet<usize>, HashSet<usize>) =
                    reworded.iter().copied().unzip();
                lone_old.extend(o.filter(|i| !paired_old.contains(i)));
                lone_new.extend(n.filter(|j| !paired_new.contains(j)));
                pairs.extend(reworded);
            }
        }
    }
    pairs.extend(moved_pairs(
        &mut lone_old,
        &mut lone_new,
        &old_keys,
        &new_keys,
    ));
    pairs.sort_by_key(|p| p.1);
    FaqChanges {
        added: lone_new.iter().map(|&j| new[j].question.clone()).collect(),
        removed: lone_old.iter().map(|&i| old[i].question.clone()).collect(),
        edited: pairs
            .into_iter()
            .filter(|&(i, j)| entry_edited(&old[i], &new[j]))
            .map(|(_, j)| new[j].question.clone())
            .collect(),
    }
}

/// Questions at the same place in both versions whose wording is similar
/// enough to be one question reworded.
fn reworded_pairs(old_keys: &[String], new_keys: &[String]) -> Vec<(usize, usize)> {
    let old_bags: Vec<Bag> = old_keys.iter().map(|k| bag(k)).collect();
    let new_bags: Vec<Bag> = new_keys.iter().map(|k| bag(k)).collect();
    match_in_order(&old_bags, &new_bags, QUESTION_SIMILARITY)
}

/// Questions with the same wording that moved (say from the external to the
/// internal FAQ): matched, and taken out of the lone lists.
fn moved_pairs(
    lone_old: &mut Vec<usize>,
    lone_new: &mut Vec<usize>,
    old_keys: &[String],
    new_keys: &[String],
) -> Vec<(usize, usize)> {
    let mut by_key: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for &i in lone_old.iter() {
        by_key.entry(&old_keys[i]).or_default().push_back(i);
    }
    let mut pairs = Vec::new();
    lone_new.retain(|&j| {
        match by_key
            .get_mut(new_keys[j].as_str())
            .and_then(VecDeque::pop_front)
        {
            Some(i) => {
                pairs.push((i, j));
                false
            }
            None => true,
        }
    });
    let paired: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    lone_old.retain(|i| !paired.contains(i));
    pairs
}

fn entry_edited(old: &FaqEntry, new: &FaqEntry) -> bool {
    old.kind != new.kind
        || collapse(&old.question) != collapse(&new.question)
        || collapse(&old.answer) != collapse(&new.answer)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::proposal::{ParseOptions, parse};

    /// A first iteration of a document with 50,000 headings touches 50,000
    /// sections; listing them each once was quadratic (162 s for a build).
    #[test]
    fn sections_touched_is_linear() {
        let summary = Summary {
            sections: (0..50_000)
                .map(|i| SectionChange {
                    role: Role::Other,
                    heading: format!("Section {i}"),
                    change: BlockChange::Added,
                    words_added: 2,
                    words_removed: 0,
                })
                .collect(),
            ..Summary::default()
        };
        let started = std::time::Instant::now();
        let touched = summary.sections_touched();
        assert_eq!(touched.len(), 50_000);
        assert_eq!(touched[7], "section-7");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }

    fn proposal(text: &str) -> Proposal {
        parse(
            Path::new("x.md"),
            text.to_string(),
            &ParseOptions::default(),
        )
        .unwrap()
    }

    const BASE: &str = "---
title: Instant refunds
status: draft
owner: Jane Doe
customer: Owners of small Shopify stores who refund by hand
tags: [payments]
---
# Shops refund in two minutes

## Problem
Refunds take two days and a phone call.

## Solution
One button refunds the customer.

## Pricing
Free for the first year.

## Internal FAQ
### What will it cost us?
About two engineers for a quarter.

### What is the main risk?
Fraud through fake refunds.
";

    #[test]
    fn first_iteration_adds_everything() {
        let p = proposal(BASE);
        let s = summarize(None, &p);
        assert!(s.sections.iter().all(|c| c.change == BlockChange::Added));
        assert_eq!(s.words_removed, 0);
        assert_eq!(s.words_added, p.body.words);
        assert_eq!(s.faq.added.len(), 2);
        assert!(s.front.iter().any(|f| f.describe() == "status: added"));
    }

    #[test]
    fn unchanged_proposal_has_an_empty_summary() {
        let s = summarize(Some(&proposal(BASE)), &proposal(BASE));
        assert!(s.is_empty(), "{s:#?}");
    }

    #[test]
    fn summary_sees_status_change() {
        let new = BASE.replace("status: draft", "status: review");
        let s = summarize(Some(&proposal(BASE)), &proposal(&new));
        let described: Vec<String> = s.front.iter().map(FieldChange::describe).collect();
        assert_eq!(described, ["status: draft -> review"]);
        assert!(s.sections.is_empty());
    }

    #[test]
    fn summary_describes_long_and_list_fields() {
        let new = BASE
            .replace("who refund by hand", "who issue refunds by hand")
            .replace(
                "tags: [payments]",
                "tags: [payments, smb]\nmetrics: [Refund in 2 minutes]",
            );
        let s = summarize(Some(&proposal(BASE)), &proposal(&new));
        let described: Vec<String> = s.front.iter().map(FieldChange::describe).collect();
        assert_eq!(
            described,
            ["customer: changed", "tags: added 1", "metrics: added"]
        );
        assert_eq!(s.front[1].items_added, ["smb"]);
    }

    #[test]
    fn summary_sees_faq_changes() {
        let new = BASE
            .replace("About two engineers", "About three engineers")
            .replace("What is the main risk?", "What is the biggest risk?")
            .replace(
                "Fraud through fake refunds.\n",
                "Fraud through fake refunds.\n\n### Why now?\nShops asked for it.\n",
            );
        let s = summarize(Some(&proposal(BASE)), &proposal(&new));
        assert_eq!(s.faq.added, ["Why now?"]);
        assert!(s.faq.removed.is_empty(), "{:?}", s.faq.removed);
        assert_eq!(
            s.faq.edited,
            ["What will it cost us?", "What is the biggest risk?"]
        );
        assert_eq!(s.sections_touched(), ["internal-faq"]);
        let internal = &s.sections[0];
        assert_eq!(internal.role, Role::InternalFaq);
        // three, biggest, Why, now, Shops, asked, for, it
        assert_eq!((internal.words_added, internal.words_removed), (8, 2));
    }

    #[test]
    fn a_rewritten_question_is_removed_and_added() {
        let new = BASE.replace("What is the main risk?", "Who approves it?");
        let s = summarize(Some(&proposal(BASE)), &proposal(&new));
        assert_eq!(s.faq.added, ["Who approves it?"]);
        assert_eq!(s.faq.removed, ["What is the main risk?"]);
        assert!(s.faq.edited.is_empty());
    }

    #[test]
    fn summary_sees_sections_added_removed_and_changed() {
        let new = BASE
            .replace("## Pricing\nFree for the first year.\n\n", "")
            .replace(
                "## Internal FAQ",
                "## How it works\nThe owner presses refund and the money moves.\n\n## Internal FAQ",
            )
            .replace(
                "two days and a phone call",
                "two days, a phone call and a form",
            );
        let s = summarize(Some(&proposal(BASE)), &proposal(&new));
        let changes: Vec<(Role, &str, BlockChange, usize, usize)> = s
            .sections
            .iter()
            .map(|c| {
                (
                    c.role,
                    c.heading.as_str(),
                    c.change,
                    c.words_added,
                    c.words_removed,
                )
            })
            .collect();
        assert_eq!(
            changes,
            [
                (Role::Problem, "Problem", BlockChange::Changed, 3, 1),
                (Role::HowItWorks, "How it works", BlockChange::Added, 11, 0),
                (Role::Other, "Pricing", BlockChange::Removed, 0, 6),
            ]
        );
        assert_eq!((s.words_added, s.words_removed), (14, 7));
        assert_eq!(s.sections_touched(), ["problem", "how-it-works", "pricing"]);
    }
}
