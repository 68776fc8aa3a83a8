//! Rename similarity as git computes it (`diffcore-delta.c` and
//! `estimate_similarity` in `diffcore-rename.c`), so that wb crosses the
//! same renames as `git log --follow`.
//!
//! libgit2's own measure (`git_hashsig`) samples line hashes and scores
//! whitespace edits differently: a rename that also strips trailing spaces
//! from most lines is 86% similar to git and below libgit2's threshold. Git
//! cuts each file into chunks that end at a newline or after 64 bytes,
//! hashes them into 107,927 buckets and counts the bytes per bucket; the
//! bytes of the source that survive in the destination (per bucket, the
//! smaller count) over the larger file's size is the score. A CR before an
//! LF is skipped in text (not binary) files, so a change of line endings
//! alone costs nothing.
//!
//! Pure: no git, no I/O.

use std::collections::HashMap;

/// Git's full score (`MAX_SCORE`): 100%.
pub const MAX_SCORE: u64 = 60_000;
/// Git's default rename threshold (`-M50%`).
pub const DEFAULT_MIN_SCORE: u64 = 30_000;

/// The bucket count git hashes chunks into (`HASHBASE`).
const HASHBASE: u32 = 107_927;
/// Git reads this far into a file to decide whether it is binary.
const FIRST_FEW_BYTES: usize = 8_000;

/// A file's chunk counts: bucket -> bytes, sorted by bucket.
#[derive(Debug, Clone)]
pub struct Spans {
    counts: Vec<(u32, u64)>,
    /// The file's size in bytes (CRs included), as git measures it.
    pub size: u64,
}

impl Spans {
    /// Cuts `data` into chunks and counts them (`hash_chars`).
    pub fn of(data: &[u8]) -> Spans {
        let is_text = !data[..data.len().min(FIRST_FEW_BYTES)].contains(&0);
        let mut by_bucket: HashMap<u32, u64> = HashMap::new();
        let (mut accum1, mut accum2, mut n) = (0u32, 0u32, 0u64);
        let mut i = 0;
        while i < data.len() {
            let c = data[i];
            i += 1;
            if is_text && c == b'\r' && data.get(i) == Some(&b'\n') {
                continue;
            }
            let old1 = accum1;
            accum1 = (accum1 << 7) ^ (accum2 >> 25);
            accum2 = (accum2 << 7) ^ (old1 >> 25);
            accum1 = accum1.wrapping_add(u32::from(c));
            n += 1;
            if n < 64 && c != b'\n' {
                continue;
            }
            let bucket = accum1.wrapping_add(accum2.wrapping_mul(0x61)) % HASHBASE;
            *by_bucket.entry(bucket).or_default() += n;
            (accum1, accum2, n) = (0, 0, 0);
        }
        if n > 0 {
            let bucket = accum1.wrapping_add(accum2.wrapping_mul(0x61)) % HASHBASE;
            *by_bucket.entry(bucket).or_default() += n;
        }
        let mut counts: Vec<(u32, u64)> = by_bucket.into_iter().collect();
        counts.sort_unstable();
        Spans {
            counts,
            size: data.len() as u64,
        }
    }

    /// Bytes of `self` (the source) found again in `dst` (`src_copied` of
    /// `diffcore_count_changes`).
    fn copied_into(&self, dst: &Spans) -> u64 {
        let (mut s, mut d) = (self.counts.iter().peekable(), dst.counts.iter().peekable());
        let mut copied = 0;
        while let (Some(&&(sb, sc)), Some(&&(db, dc))) = (s.peek(), d.peek()) {
            match sb.cmp(&db) {
                std::cmp::Ordering::Less => {
                    s.next();
                }
                std::cmp::Ordering::Greater => {
                    d.next();
                }
                std::cmp::Ordering::Equal => {
                    copied += sc.min(dc);
                    s.next();
                    d.next();
                }
            }
        }
        copied
    }
}

/// Whether two sizes are close enough for a rename at `min_score` at all:
/// git does not even read files whose sizes differ by more than that.
pub fn sizes_allow(src: u64, dst: u64, min_score: u64) -> bool {
    let (max, min) = (src.max(dst), src.min(dst));
    max * (MAX_SCORE - min_score) >= (max - min) * MAX_SCORE
}

/// Git's similarity of `src` renamed to `dst`, 0..=MAX_SCORE
/// (`estimate_similarity`; exact matches are found before this is asked).
pub fn score(src: &Spans, dst: &Spans, min_score: u64) -> u64 {
    if !sizes_allow(src.size, dst.size, min_score) {
        return 0;
    }
    let max = src.size.max(dst.size);
    if dst.size == 0 || max == 0 {
        return 0;
    }
    src.copied_into(dst) * MAX_SCORE / max
}

/// The score as git prints it in `R086`: whole percent, rounded down.
#[cfg(test)]
fn percent(score: u64) -> u64 {
    score * 100 / MAX_SCORE
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The percentage, as `git diff -M1%` prints it (1%: every pair scored).
    fn sim(a: &str, b: &str) -> u64 {
        percent(score(
            &Spans::of(a.as_bytes()),
            &Spans::of(b.as_bytes()),
            MAX_SCORE / 100,
        ))
    }

    fn lines(n: usize, trailing: &str) -> String {
        (0..n)
            .map(|i| format!("Line {i} of a proposal about refunds for small shops.{trailing}\n"))
            .collect()
    }

    /// Three trailing spaces on every `k`th line.
    fn spaced(k: usize) -> String {
        lines(40, "")
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i % k == 0 {
                    format!("{l}   \n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect()
    }

    #[test]
    fn identical_files_score_full() {
        let a = lines(20, "");
        assert_eq!(sim(&a, &a), 100);
    }

    /// Each figure is what `git diff -M1% --name-status` printed for the
    /// same pair of files (git 2.47): `R048`, `R073`, ...
    #[test]
    fn scores_are_the_ones_git_prints() {
        let clean = lines(40, "");
        assert_eq!(sim(&spaced(2), &clean), 48);
        assert_eq!(sim(&spaced(4), &clean), 73);
        assert_eq!(sim(&clean, &lines(40, " ")), 0);
        assert_eq!(sim(&lines(20, ""), &lines(35, "")), 56);
        // CRs before LFs are skipped, but they still count in the size.
        assert_eq!(sim(&clean, &clean.replace('\n', "\r\n")), 98);
        // One long line is cut into 64-byte chunks: a change near its end
        // costs only the last chunks.
        let long = "x".repeat(600);
        assert_eq!(
            sim(
                &format!("{long}refund shops"),
                &format!("{long}refund store")
            ),
            94
        );
    }

    #[test]
    fn sizes_far_apart_are_no_rename() {
        let small = lines(5, "");
        let big = lines(50, "");
        let (s, b) = (Spans::of(small.as_bytes()), Spans::of(big.as_bytes()));
        assert_eq!(score(&s, &b, DEFAULT_MIN_SCORE), 0);
        assert!(score(&s, &b, MAX_SCORE / 100) > 0);
        assert!(!sizes_allow(10, 100, DEFAULT_MIN_SCORE));
        assert!(sizes_allow(60, 100, DEFAULT_MIN_SCORE));
        assert!(sizes_allow(50, 100, DEFAULT_MIN_SCORE));
        assert!(!sizes_allow(49, 100, DEFAULT_MIN_SCORE));
    }
}
