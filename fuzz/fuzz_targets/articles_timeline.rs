//! Articles -> timeline: arbitrary bytes as JSON Lines through `JsonLines`, then
//! `Timeline::from_articles` and `Timeline::merge`.
//!
//! Checks: the reader yields exactly one item per non-blank line (nothing lost),
//! errors name increasing line numbers and invalid UTF-8 names the offset of an
//! invalid byte; good articles round-trip through JSON; every extraction stays in
//! bounds; the timeline conserves mentions, keeps every article, and obeys order
//! independence and the merge laws (commutative, associative, idempotent, split =
//! whole).
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline::{Article, Config, Extractor, JsonLines, ReadError};

#[path = "../../tests/robust_support/mod.rs"]
mod support;

/// How many items the reader must yield: one per line that is not blank (an
/// over-long line counts even when blank, since it is refused unread).
fn expected_items(input: &[u8], max_line: usize) -> usize {
    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if input.last() == Some(&b'\n') || input.is_empty() {
        lines.pop();
    }
    lines
        .iter()
        .filter(|line| {
            if line.len() > max_line {
                return true;
            }
            let body = line.strip_suffix(b"\r").unwrap_or(line);
            match std::str::from_utf8(body) {
                Ok(s) => !s.trim().is_empty(),
                Err(_) => true,
            }
        })
        .count()
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, input)) = data.split_first() else {
        return;
    };
    let max_line = if flags & 1 != 0 {
        200
    } else {
        storyline::article::DEFAULT_MAX_LINE_BYTES
    };
    let config = Config::default().conflict_tolerance_days(i64::from((flags >> 1) & 3));
    let extractor = Extractor::new(config);

    let mut articles: Vec<Article> = Vec::new();
    let mut items = 0;
    let mut last_line = 0;
    for item in JsonLines::new(input).max_line_bytes(max_line) {
        items += 1;
        match item {
            Ok(a) => articles.push(a),
            Err(e) => {
                assert!(
                    e.line() > last_line,
                    "error line numbers do not increase: {e}"
                );
                last_line = e.line();
                assert!(!e.to_string().is_empty());
                if let ReadError::Utf8 { byte_offset, .. } = e {
                    let at = usize::try_from(byte_offset).expect("offset fits");
                    assert!(at < input.len(), "UTF-8 error offset {at} past the input");
                    assert_eq!(
                        std::str::from_utf8(&input[at..]).map_err(|e| e.valid_up_to()),
                        Err(0),
                        "UTF-8 error offset {at} does not point at an invalid byte"
                    );
                }
            }
        }
    }
    assert_eq!(
        items,
        expected_items(input, max_line),
        "the reader lost or invented lines"
    );

    for a in &articles {
        let s = serde_json::to_string(a).expect("an article serializes");
        let back: Article = serde_json::from_str(&s).expect("an article reads back");
        assert_eq!(&back, a, "an article changed through JSON: {s}");
    }
    support::check_timeline_laws(&articles, &extractor);
});
