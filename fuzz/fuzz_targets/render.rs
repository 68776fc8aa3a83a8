//! The HTML renderer: whatever a proposal says, the page holds no element
//! it did not mean to write (no script, no event handler, no
//! script-capable URL).
#![no_main]

use std::collections::HashMap;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wb::proposal::ParseOptions;

fuzz_target!(|data: &[u8]| {
    let Ok(p) =
        wb::proposal::parse_bytes(Path::new("f.md"), data.to_vec(), &ParseOptions::default())
    else {
        return;
    };
    let mut pages = HashMap::new();
    pages.insert("other".to_string(), "../other/index.html".to_string());
    let r = wb::site::render::render(&p, &pages);
    wb_fuzz_check(&r.html);
});

/// Every tag in the output is one comrak writes for Markdown (raw HTML is
/// escaped), and no attribute can run script: no `on*` handler, no
/// `javascript:`, `vbscript:` or `data:` URL, however encoded.
fn wb_fuzz_check(html: &str) {
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "<svg",
        "<object",
        "<embed",
        "<style",
        "<img src=x",
    ] {
        assert!(!lower.contains(bad), "{bad} in {html}");
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let mut attrs = &rest[name_end..];
        loop {
            attrs = attrs.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if attrs.is_empty() || attrs.starts_with('>') {
                break;
            }
            let n = attrs
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(attrs.len());
            let name = &attrs[..n];
            attrs = &attrs[n..];
            let mut value = String::new();
            if let Some(v) = attrs.strip_prefix('=') {
                if let Some(q) = v.strip_prefix('"') {
                    let end = q.find('"').unwrap_or(q.len());
                    value = q[..end].to_string();
                    attrs = &q[(end + 1).min(q.len())..];
                } else {
                    let end = v
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(v.len());
                    value = v[..end].to_string();
                    attrs = &v[end..];
                }
            }
            assert!(
                !name.starts_with("on"),
                "handler {name} in <{}",
                &rest[..rest.find('>').unwrap_or(rest.len())]
            );
            let url: String = decode_entities(&value)
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!url.starts_with(scheme), "{scheme} in {name}=\"{value}\"");
            }
        }
    }
}

/// Numeric character references and the named ones a URL could hide behind.
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').unwrap_or(0);
        let entity = &rest[1..end.max(1)];
        let decoded = if let Some(hex) = entity.strip_prefix("#x") {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = entity.strip_prefix('#') {
            dec.parse().ok().and_then(char::from_u32)
        } else {
            match entity {
                "amp" => Some('&'),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if end > 0 => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
