//! Found by the `text_timexes` fuzz target (issue 7): a clock at hour 24.
//!
//! - "24:59" was read as a time and gave the value `...T24:59`, a time of day that
//!   does not exist (fixed in `src/timex/scan.rs`: 24 takes only `:00`).
//! - "24:00" and "midnight" (`T24:00`, `T24`, the end of the day) had the interval
//!   23:00-23:01 of the same day; it starts at 00:00 the next day (fixed in
//!   `src/timex/resolve.rs`, clock interval).

mod robust_support;

use robust_support as support;
use storyline::{Article, Config, DiagnosticKind, Extractor, Span};

fn timexes(text: &str) -> (Vec<storyline::Timex>, Vec<storyline::Diagnostic>) {
    let article = Article::new("x", text)
        .with_published_str("2011-03-04")
        .unwrap();
    let (t, d) = Extractor::default().timexes(&article);
    support::check_timexes(text, &t, &Config::default());
    (t, d)
}

#[test]
fn hour_24_with_minutes_is_unresolvable() {
    for text in ["They met at 24:59.", "at 24:30 GMT", "24:01"] {
        let (t, d) = timexes(text);
        let at = text.find("24:").unwrap();
        assert!(
            t.iter().all(|t| !t.span.overlaps(Span::new(at, at + 5))),
            "{text}: {t:?}"
        );
        assert!(
            d.iter().any(|d| d.kind == DiagnosticKind::Unresolvable),
            "{text}: {d:?}"
        );
    }
}

#[test]
fn end_of_day_starts_the_next_day() {
    for text in ["They met at 24:00.", "They met at midnight."] {
        let (t, _) = timexes(text);
        for t in &t {
            if let Some(iv) = t.interval {
                assert_eq!(iv.start.to_string(), "2011-03-05 00:00:00", "{text}: {t:?}");
            }
        }
    }
}
