//! Aligning two versions block by block, pairing similar blocks, and the
//! word diff inside each pair.

use std::borrow::Cow;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::blocks::Chunk;
use super::tokens::{token_key, tokenize};
use super::{BlockChange, BlockDiff, Budget, Op, Span, TextDiff};
use crate::proposal::body::count_words;

/// Paragraphs that share at least this share of their words (Dice
/// coefficient) are shown as one changed paragraph, not a removal and an
/// addition.
const PARAGRAPH_SIMILARITY: f64 = 0.4;
/// How far ahead to look for a paragraph's counterpart when pairing; keeps
/// pairing linear in huge rewrites.
const PAIR_WINDOW: usize = 16;

pub(super) fn diff_chunks(old: &[Chunk], new: &[Chunk], budget: &Budget) -> TextDiff {
    let old_keys: Vec<&str> = old.iter().map(|c| c.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|c| c.key.as_str()).collect();
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(budget.end));
    let mut blocks = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (a, b) in old[o].iter().zip(&new[n]) {
                    blocks.push(unchanged(a, b));
                }
            }
            DiffTag::Delete => blocks.extend(old[o].iter().map(removed)),
            DiffTag::Insert => blocks.extend(new[n].iter().map(added)),
            DiffTag::Replace => pair_up(&old[o], &new[n], budget, &mut blocks),
        }
    }
    let (words_added, words_removed) = count_span_words(&blocks);
    TextDiff {
        blocks,
        words_added,
        words_removed,
    }
}

fn count_span_words(blocks: &[BlockDiff]) -> (usize, usize) {
    let (mut added, mut removed) = (0, 0);
    for span in blocks.iter().flat_map(|b| &b.spans) {
        match span.op {
            Op::Insert => added += count_words(&span.text),
            Op::Delete => removed += count_words(&span.text),
            Op::Equal => {}
        }
    }
    (added, removed)
}

fn unchanged(old: &Chunk, new: &Chunk) -> BlockDiff {
    BlockDiff {
        change: BlockChange::Unchanged,
        old_line: Some(old.line),
        new_line: Some(new.line),
        spans: vec![span(Op::Equal, new.text)],
    }
}

fn removed(old: &Chunk) -> BlockDiff {
    BlockDiff {
        change: BlockChange::Removed,
        old_line: Some(old.line),
        new_line: None,
        spans: vec![span(Op::Delete, old.text)],
    }
}

fn added(new: &Chunk) -> BlockDiff {
    BlockDiff {
        change: BlockChange::Added,
        old_line: None,
        new_line: Some(new.line),
        spans: vec![span(Op::Insert, new.text)],
    }
}

/// A paired paragraph, diffed word by word; or removed and added when, in
/// order, too few words survive (the bag of words said "similar", but the
/// paragraph was rewritten). A pair the budget could not diff stays one
/// changed block, replaced whole.
fn changed(old: &Chunk, new: &Chunk, budget: &Budget, out: &mut Vec<BlockDiff>) {
    let spans = match word_spans(old.text, new.text, budget) {
        Some(spans) if kept_share(&spans) < PARAGRAPH_SIMILARITY => {
            out.push(removed(old));
            out.push(added(new));
            return;
        }
        Some(spans) => spans,
        None => replaced_whole(old.text, new.text),
    };
    out.push(BlockDiff {
        change: BlockChange::Changed,
        old_line: Some(old.line),
        new_line: Some(new.line),
        spans,
    });
}

/// Share of words a word diff kept in place (Dice: 2·equal / (old + new)).
fn kept_share(spans: &[Span]) -> f64 {
    let (mut equal, mut total) = (0, 0);
    for s in spans {
        let words = count_words(&s.text);
        match s.op {
            Op::Equal => {
                equal += words;
                total += 2 * words;
            }
            Op::Delete | Op::Insert => total += words,
        }
    }
    if total == 0 {
        1.0
    } else {
        2.0 * equal as f64 / total as f64
    }
}

pub(super) fn span(op: Op, text: &str) -> Span {
    Span {
        op,
        text: text.to_string(),
    }
}

/// Inside a run of replaced paragraphs, pairs each old paragraph with a
/// similar new one (in order) as a changed paragraph; the rest are removed
/// or added. Removals are listed before additions at each gap.
fn pair_up(old: &[Chunk], new: &[Chunk], budget: &Budget, out: &mut Vec<BlockDiff>) {
    let old_bags: Vec<Bag> = old.iter().map(|c| bag(&c.key)).collect();
    let new_bags: Vec<Bag> = new.iter().map(|c| bag(&c.key)).collect();
    let pairs = match_in_order(&old_bags, &new_bags, PARAGRAPH_SIMILARITY);
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in pairs.into_iter().chain([(old.len(), new.len())]) {
        out.extend(old[i..pi].iter().map(removed));
        out.extend(new[j..pj].iter().map(added));
        if let (Some(a), Some(b)) = (old.get(pi), new.get(pj)) {
            changed(a, b, budget, out);
        }
        (i, j) = (pi + 1, pj + 1);
    }
}

/// The words of a text, lower case, punctuation trimmed, sorted: what
/// similarity is measured on.
pub(super) type Bag = Vec<String>;

pub(super) fn bag(text: &str) -> Bag {
    let mut words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words
}

/// Share of words two bags have in common (Dice: 2·shared / (|a| + |b|)).
fn similarity(a: &Bag, b: &Bag) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Pairs items of `old` with items of `new` at least `threshold` similar,
/// keeping both orders: each old item takes the most similar new item among
/// the next [`PAIR_WINDOW`] not yet passed.
pub(super) fn match_in_order(old: &[Bag], new: &[Bag], threshold: f64) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut next = 0;
    for (i, a) in old.iter().enumerate() {
        let mut best: Option<(usize, f64)> = None;
        for (j, b) in new.iter().enumerate().skip(next).take(PAIR_WINDOW) {
            let s = similarity(a, b);
            if s >= threshold && best.is_none_or(|(_, bs)| s > bs) {
                best = Some((j, s));
            }
        }
        if let Some((j, _)) = best {
            pairs.push((i, j));
            next = j + 1;
        }
    }
    pairs
}

/// The word diff of two paragraphs, or `None` when the time budget runs
/// out: the caller then shows the paragraph replaced whole, rather than a
/// diff similar cut short.
fn word_spans(old: &str, new: &str, budget: &Budget) -> Option<Vec<Span>> {
    if budget.exhausted() {
        return None;
    }
    let old_tokens = tokenize(old);
    let new_tokens = tokenize(new);
    let old_keys: Vec<Cow<str>> = old_tokens.iter().map(|t| token_key(t)).collect();
    let new_keys: Vec<Cow<str>> = new_tokens.iter().map(|t| token_key(t)).collect();
    let deadline = budget.next_deadline();
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, Some(deadline));
    if Instant::now() > deadline {
        return None;
    }
    let mut spans: Vec<Span> = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push_span(&mut spans, Op::Equal, &new_tokens[n]),
            DiffTag::Delete => push_span(&mut spans, Op::Delete, &old_tokens[o]),
            DiffTag::Insert => push_span(&mut spans, Op::Insert, &new_tokens[n]),
            DiffTag::Replace => {
                push_span(&mut spans, Op::Delete, &old_tokens[o]);
                push_span(&mut spans, Op::Insert, &new_tokens[n]);
            }
        }
    }
    Some(tidy(spans))
}

fn replaced_whole(old: &str, new: &str) -> Vec<Span> {
    vec![span(Op::Delete, old), span(Op::Insert, new)]
}

/// Appends tokens to the last span when it has the same op.
fn push_span(spans: &mut Vec<Span>, op: Op, tokens: &[&str]) {
    if tokens.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.op == op => last.text.extend(tokens.iter().copied()),
        _ => spans.push(Span {
            op,
            text: tokens.concat(),
        }),
    }
}

/// Folds the bare whitespace between two changes into them and lists all
/// deletions of a run of changes before its insertions, so
/// `[-a-]{+x+} [-b-]{+y+}` reads `[-a b-]{+x y+}`, as git's word diff does.
fn tidy(spans: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut run = ChangeRun::default();
    // Whitespace seen after a change, kept until we know whether another
    // change follows it.
    let mut gap: Option<String> = None;
    for span in spans {
        match span.op {
            Op::Equal if !run.is_empty() && span.text.trim().is_empty() && gap.is_none() => {
                gap = Some(span.text);
            }
            Op::Equal => {
                run.flush(&mut out);
                if let Some(ws) = gap.take() {
                    push_merged(&mut out, Op::Equal, &ws);
                }
                push_merged(&mut out, Op::Equal, &span.text);
            }
            Op::Delete | Op::Insert => {
                if let Some(ws) = gap.take() {
                    run.deleted.push_str(&ws);
                    run.inserted.push_str(&ws);
                }
                match span.op {
                    Op::Delete => run.deleted.push_str(&span.text),
                    _ => run.inserted.push_str(&span.text),
                }
            }
        }
    }
    run.flush(&mut out);
    if let Some(ws) = gap {
        push_merged(&mut out, Op::Equal, &ws);
    }
    out
}

fn push_merged(out: &mut Vec<Span>, op: Op, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(span(op, text)),
    }
}

/// Deleted and inserted text of a run of changes.
#[derive(Default)]
struct ChangeRun {
    deleted: String,
    inserted: String,
}

impl ChangeRun {
    fn is_empty(&self) -> bool {
        self.deleted.is_empty() && self.inserted.is_empty()
    }

    /// Emits the run. A side that is only whitespace (folded-in gaps) is not
    /// worth a marker: a blank deletion is dropped (the old text is only
    /// promised up to whitespace) and a blank insertion is kept as equal
    /// text (the new text must re-join exactly).
    fn flush(&mut self, out: &mut Vec<Span>) {
        let deleted = std::mem::take(&mut self.deleted);
        let inserted = std::mem::take(&mut self.inserted);
        let (del_blank, ins_blank) = (deleted.trim().is_empty(), inserted.trim().is_empty());
        match (del_blank, ins_blank) {
            (true, false) => push_merged(out, Op::Insert, &inserted),
            (false, true) => {
                push_merged(out, Op::Delete, &deleted);
                push_merged(out, Op::Equal, &inserted);
            }
            _ => {
                push_merged(out, Op::Delete, &deleted);
                push_merged(out, Op::Insert, &inserted);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::blocks::split_chunks;

    #[test]
    fn exhausted_budget_replaces_whole_paragraphs() {
        let spent = Budget {
            end: Instant::now(),
        };
        assert_eq!(word_spans("two days", "three days", &spent), None);
        let (old, new) = (
            split_chunks("two days", false),
            split_chunks("three days", false),
        );
        let d = diff_chunks(&old, &new, &spent);
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].change, BlockChange::Changed);
        assert_eq!(
            d.blocks[0].spans,
            [span(Op::Delete, "two days"), span(Op::Insert, "three days")]
        );
    }
}
