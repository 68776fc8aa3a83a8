//! What an iteration changed: a word-level diff of two document versions
//! (`wb history --diff`, the site's history page) and a section-aware summary
//! of two parsed proposals (`wb history --stat`).
//!
//! Pure: no I/O, no git. The history module hands us text and proposals.
//!
//! Prose is diffed in two passes, as a reviewer reads it: paragraphs are
//! aligned first (on whitespace-normalised text, so re-wrapping a paragraph is
//! no change), then each changed paragraph is diffed word by word. Every diff
//! runs under a deadline: proposal text is untrusted and a diff must never
//! hang `wb build`.
//!
//! The parts, in the order data flows through them: `blocks` splits a
//! document into paragraph-like blocks, `tokens` splits a block into words,
//! `align` pairs blocks and diffs words, `render` prints a diff; `summary`
//! (with `front`) compares two parsed proposals section by section.

mod align;
mod blocks;
mod front;
mod render;
mod summary;
mod tokens;

use std::time::{Duration, Instant};

use serde::Serialize;

pub use front::{FieldChange, front_changes};
pub use render::{render_ansi, render_plain};
pub use summary::{FaqChanges, SectionChange, Summary, summarize};

/// What happened to a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// A run of text with one fate. Equal and inserted spans re-join to the new
/// text exactly; equal and deleted spans to the old text, up to whitespace
/// (equal whitespace is taken from the new text).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub op: Op,
    pub text: String,
}

/// What happened to a paragraph (or a section, in a [`Summary`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockChange {
    Unchanged,
    Added,
    Removed,
    Changed,
}

/// One paragraph-like block of the document and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockDiff {
    pub change: BlockChange,
    /// First line of the block in the old text, 1-based; `None` when added.
    pub old_line: Option<usize>,
    /// First line of the block in the new text, 1-based; `None` when removed.
    pub new_line: Option<usize>,
    /// Unchanged: one Equal span. Added: one Insert. Removed: one Delete.
    /// Changed: the word diff.
    pub spans: Vec<Span>,
}

/// The word-level diff of two versions of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextDiff {
    /// Every block of both versions, in reading order.
    pub blocks: Vec<BlockDiff>,
    pub words_added: usize,
    pub words_removed: usize,
}

impl TextDiff {
    /// The blocks that are not unchanged.
    pub fn changed(&self) -> impl Iterator<Item = &BlockDiff> {
        self.blocks
            .iter()
            .filter(|b| b.change != BlockChange::Unchanged)
    }

    /// True when the two versions read the same (re-wrapping aside).
    pub fn is_empty(&self) -> bool {
        self.changed().next().is_none()
    }
}
/// The longest one paragraph pair may be word-diffed. similar's own default
/// for inline changes is 500 ms; a document has many paragraphs.
const PAIR_TIME: Duration = Duration::from_millis(200);
/// The longest one whole diff (or summary) may take. Past it, changed
/// paragraphs are shown as replaced whole rather than word by word.
const TOTAL_TIME: Duration = Duration::from_secs(1);

/// Deadlines for one diff: every step gets at most [`PAIR_TIME`], and never
/// more than what is left of [`TOTAL_TIME`].
struct Budget {
    end: Instant,
}

impl Budget {
    fn start() -> Budget {
        Budget {
            end: after(TOTAL_TIME),
        }
    }

    fn next_deadline(&self) -> Instant {
        after(PAIR_TIME).min(self.end)
    }

    fn exhausted(&self) -> bool {
        Instant::now() >= self.end
    }
}

fn after(d: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(d).unwrap_or(now)
}

/// Diffs two versions of a whole document (front-matter included),
/// paragraph by paragraph and then word by word.
pub fn diff_text(old: &str, new: &str) -> TextDiff {
    let budget = Budget::start();
    align::diff_chunks(
        &blocks::split_chunks(old, true),
        &blocks::split_chunks(new, true),
        &budget,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(old: &str, new: &str) -> String {
        render_plain(&diff_text(old, new), 0)
    }

    #[test]
    fn rewrapped_paragraph_is_unchanged() {
        let old = "# Title\n\nShop owners lose evenings to refund\npaperwork every single week.\n";
        let new = "# Title\n\nShop owners lose evenings\nto refund paperwork every\nsingle week.\n";
        let d = diff_text(old, new);
        assert!(d.is_empty(), "{d:#?}");
        assert_eq!(render_plain(&d, 3), "");
    }

    #[test]
    fn one_word_edit_is_marked_in_place() {
        let old = "# Title\n\nRefunds take two days today.\n\nSecond paragraph.\n";
        let new = "# Title\n\nRefunds take three days today.\n\nSecond paragraph.\n";
        assert_eq!(
            plain(old, new),
            "@@ line 3 @@\nRefunds take [-two-]{+three+} days today.\n"
        );
        let d = diff_text(old, new);
        assert_eq!((d.words_added, d.words_removed), (1, 1));
        let block = d.changed().next().unwrap();
        assert_eq!(block.change, BlockChange::Changed);
        assert_eq!((block.old_line, block.new_line), (Some(3), Some(3)));
    }

    #[test]
    fn edit_in_a_rewrapped_paragraph_shows_only_the_edit() {
        let old = "Shop owners lose evenings to refund\npaperwork every week.\n";
        let new = "Shop owners lose evenings\nto refund paperwork every month.\n";
        assert_eq!(
            plain(old, new),
            "@@ line 1 @@\nShop owners lose evenings\nto refund paperwork every [-week-]{+month+}.\n"
        );
    }

    #[test]
    fn bold_phrase_and_link_change_as_one_token() {
        let old = "We offer **instant refunds** via [the app](https://a.example).\n";
        let new = "We offer **same-day refunds** via [the app](https://b.example).\n";
        assert_eq!(
            plain(old, new),
            "@@ line 1 @@\nWe offer [-**instant refunds**-]{+**same-day refunds**+} via \
             [-[the app](https://a.example)-]{+[the app](https://b.example)+}.\n"
        );
    }

    #[test]
    fn hyphenated_word_changes_whole() {
        let out = plain(
            "A state-of-the-art refund flow.\n",
            "A state-of-the-practice refund flow.\n",
        );
        assert!(
            out.contains("A [-state-of-the-art-]{+state-of-the-practice+} refund"),
            "{out}"
        );
    }

    #[test]
    fn neighbouring_word_changes_merge() {
        let out = plain(
            "We ship on Monday morning.\n",
            "We ship by Friday morning.\n",
        );
        assert_eq!(
            out,
            "@@ line 1 @@\nWe ship [-on Monday-]{+by Friday+} morning.\n"
        );
    }

    #[test]
    fn new_paragraph_is_added() {
        let old = "# T\n\nFirst one here.\n\nLast one here.\n";
        let new = "# T\n\nFirst one here.\n\nA brand new middle.\n\nLast one here.\n";
        let d = diff_text(old, new);
        let changed: Vec<_> = d.changed().collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].change, BlockChange::Added);
        assert_eq!((changed[0].old_line, changed[0].new_line), (None, Some(5)));
        assert_eq!(d.words_added, 4);
        assert_eq!(
            render_plain(&d, 0),
            "@@ line 5 @@\n{+A brand new middle.+}\n"
        );
    }

    #[test]
    fn removed_paragraph_is_removed() {
        let old = "# T\n\nFirst one here.\n\nGoing away soon.\n\nLast one here.\n";
        let new = "# T\n\nFirst one here.\n\nLast one here.\n";
        let d = diff_text(old, new);
        let changed: Vec<_> = d.changed().collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].change, BlockChange::Removed);
        assert_eq!((changed[0].old_line, changed[0].new_line), (Some(5), None));
        assert_eq!(d.words_removed, 3);
        assert_eq!(
            render_plain(&d, 0),
            "@@ old line 5 @@\n[-Going away soon.-]\n"
        );
    }

    #[test]
    fn rewritten_paragraph_is_removed_and_added() {
        let d = diff_text(
            "# T\n\nRefunds are slow and painful.\n",
            "# T\n\nMerchants love the new dashboard.\n",
        );
        let changes: Vec<_> = d.changed().map(|b| b.change).collect();
        assert_eq!(changes, [BlockChange::Removed, BlockChange::Added]);
    }

    #[test]
    fn reordered_words_are_removed_and_added() {
        // Same words, so the bags match; in order, only one word survives.
        let d = diff_text(
            "alpha beta gamma delta epsilon zeta\n",
            "zeta epsilon delta gamma beta alpha\n",
        );
        let changes: Vec<_> = d.changed().map(|b| b.change).collect();
        assert_eq!(changes, [BlockChange::Removed, BlockChange::Added]);
    }

    #[test]
    fn front_matter_fields_are_their_own_blocks() {
        let old = "---\ntitle: A\nstatus: draft\ntags: [a]\n---\n# A\n";
        let new = "---\ntitle: A\nstatus: review\ntags: [a]\n---\n# A\n";
        assert_eq!(
            plain(old, new),
            "@@ line 3 @@\nstatus: [-draft-]{+review+}\n"
        );
    }

    #[test]
    fn headings_and_list_items_are_blocks() {
        let old = "## Problem\nShops wait.\n\n- one item\n- two item\n";
        let new = "## Problem\nShops wait.\n\n- one item\n- three item\n";
        assert_eq!(plain(old, new), "@@ line 5 @@\n- [-two-]{+three+} item\n");
    }

    #[test]
    fn spans_rejoin_to_the_new_text() {
        let old = "We offer refunds, in two days, to shops with fewer than 10 staff.\n";
        let new = "We offer instant refunds to shops with\nfewer than 20 staff, today.\n";
        let d = diff_text(old, new);
        let rejoined: String = d.blocks[0]
            .spans
            .iter()
            .filter(|s| s.op != Op::Delete)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(rejoined, new.trim_end());
    }

    /// Deterministic pseudo-random words (a linear congruential generator).
    fn words(seed: &mut u64, n: usize) -> String {
        const WORDS: &[&str] = &[
            "refund",
            "shop",
            "owner",
            "customer",
            "two",
            "minutes",
            "days",
            "payment",
            "state-of-the-art",
            "**bold**",
            "cost",
            "risk",
            "launch",
            "team",
            "the",
            "a",
        ];
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            out.push(WORDS[(*seed >> 33) as usize % WORDS.len()]);
        }
        out.join(" ")
    }

    #[test]
    fn huge_input_finishes_quickly() {
        let mut seed = 7;
        let old_paras: Vec<String> = (0..5000).map(|_| words(&mut seed, 40)).collect();
        let new_paras: Vec<String> = old_paras
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 11 != 0)
            .map(|(i, p)| match i % 7 {
                0 => format!("{p} extra"),
                3 => words(&mut seed, 40),
                _ => p.clone(),
            })
            .collect();
        let (old, new) = (old_paras.join("\n\n"), new_paras.join("\n\n"));
        let started = Instant::now();
        let d = diff_text(&old, &new);
        let elapsed = started.elapsed();
        assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
        assert!(d.words_added > 0 && d.words_removed > 0);
        assert!(!render_plain(&d, 1).is_empty());
    }

    /// One paragraph of a million bytes each side: the word diff runs out of
    /// time and the pair is shown replaced whole (a debug build is slow).
    #[test]
    fn huge_unlike_paragraphs_fall_back_in_time() {
        let mut seed = 3;
        let old = words(&mut seed, 150_000);
        let new = words(&mut seed, 150_000);
        let started = Instant::now();
        let d = diff_text(&old, &new);
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert!(!d.is_empty());
    }
}
