//! The body parser (comrak's tree to sections, FAQ entries and comments),
//! alone and through the whole proposal parse from raw bytes. Lines it
//! reports must lie inside the document.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wb::proposal::{Aliases, ParseOptions};

fuzz_target!(|data: &[u8]| {
    // The body parser gets text as wb reads it: UTF-8, LF line endings.
    if let Ok(text) = wb::proposal::normalise_text(Path::new("f.md"), data.to_vec()) {
        let text = text.as_str();
        let body = wb::proposal::body::parse(text, 0, &Aliases::default());
        let last = text.lines().count().max(1);
        for s in &body.sections {
            assert!(
                s.end_line <= last + 1,
                "section end {} past {last}",
                s.end_line
            );
            assert!(s.line <= last + 1, "section line {} past {last}", s.line);
        }
        for f in &body.faqs {
            assert!(f.line <= last + 1, "question line {} past {last}", f.line);
        }
    }
    let _ = wb::proposal::parse_bytes(Path::new("f.md"), data.to_vec(), &ParseOptions::default());
});
