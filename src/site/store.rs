//! `p/<slug>/versions.js`: every version of a proposal as data for the
//! script, which draws a version page's document and compares any two
//! versions on the history page. Each distinct top-level block (rendered
//! HTML, with its id) is stored once and each version is the list of its
//! blocks, so the file grows with what changed, not with versions times
//! document size, and no page per pair of versions is needed.
//!
//! Loaded with a `<script>` element (a page opened from disk cannot fetch
//! a file), it sets `window.WB_VERSIONS`.

use std::collections::HashMap;

use serde::Serialize;

#[derive(Default)]
pub struct Store {
    blocks: Vec<String>,
    index: HashMap<String, usize>,
    versions: Vec<Version>,
}

#[derive(Serialize)]
struct Version {
    /// The iteration's label ("3").
    n: String,
    /// Its blocks as ranges of block numbers: "0-39,57,41-60".
    b: String,
}

impl Store {
    /// Adds the version labelled `label`, made of `blocks` in order.
    pub fn add(&mut self, label: &str, blocks: &[String]) {
        let mut ids = Vec::with_capacity(blocks.len());
        for b in blocks {
            let id = match self.index.get(b) {
                Some(&i) => i,
                None => {
                    self.blocks.push(b.clone());
                    self.index.insert(b.clone(), self.blocks.len() - 1);
                    self.blocks.len() - 1
                }
            };
            ids.push(id);
        }
        self.versions.push(Version {
            n: label.to_string(),
            b: ranges(&ids),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    /// The script: `window.WB_VERSIONS = {"blocks": [...], "versions": [...]};`
    pub fn to_js(&self) -> String {
        #[derive(Serialize)]
        struct Data<'a> {
            blocks: &'a [String],
            versions: &'a [Version],
        }
        let json = serde_json::to_string(&Data {
            blocks: &self.blocks,
            versions: &self.versions,
        })
        .unwrap_or_else(|_| "{}".into());
        format!("window.WB_VERSIONS = {json};\n")
    }
}

/// "0-3,7,9-10" for [0, 1, 2, 3, 7, 9, 10].
fn ranges(ids: &[usize]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < ids.len() {
        let start = ids[i];
        let mut end = start;
        while i + 1 < ids.len() && ids[i + 1] == end + 1 {
            end += 1;
            i += 1;
        }
        if !out.is_empty() {
            out.push(',');
        }
        if end == start {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}-{end}"));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_stored_once() {
        let mut s = Store::default();
        let v1: Vec<String> = ["<h1>A</h1>", "<p>one</p>", "<p>two</p>"]
            .map(String::from)
            .to_vec();
        let v2: Vec<String> = ["<h1>A</h1>", "<p>one</p>", "<p>new</p>", "<p>two</p>"]
            .map(String::from)
            .to_vec();
        s.add("1", &v1);
        s.add("2", &v2);
        let js = s.to_js();
        assert_eq!(js.matches("<p>one</p>").count(), 1, "{js}");
        assert!(js.contains(r#"{"n":"1","b":"0-2"}"#), "{js}");
        assert!(js.contains(r#"{"n":"2","b":"0-1,3,2"}"#), "{js}");
    }
}
