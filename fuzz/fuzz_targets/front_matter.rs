//! Front-matter: splitting at the fences and reading the YAML, and the same
//! YAML read as a wb.yaml. Any input may be refused; none may panic, and a
//! refusal must point inside the text it was given.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("f.md");
    let lines = text.lines().count().max(1) + 1;
    match wb::proposal::front::split(path, text) {
        Ok(split) => {
            if let Some(yaml) = split.yaml {
                if let Err(wb::Error::Input(d)) =
                    wb::proposal::front::parse(path, yaml, split.yaml_line_offset)
                {
                    let (line, _) = d.pos.expect("a YAML error has a position");
                    assert!(line <= lines, "line {line} past the end ({lines}): {d}");
                }
            }
        }
        Err(wb::Error::Input(_)) => {}
        Err(e) => panic!("split failed with a non-input error: {e}"),
    }
    let _ = wb::config::parse(Path::new("wb.yaml"), text);
});
