//! Found by `tests/robust_props.rs` and the `text_timexes` fuzz target (issue 7):
//! resolving against a reference at the ends of the calendar.
//!
//! - "tomorrow" published 9999-12-31 gave `10000-01-01`, and "yesterday's" published
//!   on chrono's last date gave `262142-12-30`: the year-range check read only the
//!   first four digits of the value (`1000`, `2621`). Fixed in
//!   `src/timex/resolve.rs` `year_ok` (reads every leading digit).
//! - `resolve_phrase` applied no year range at all ("Monday" at chrono's last
//!   date-time gave `262142-12-31`).
//! - `resolve_phrase("23:59", NaiveDateTime::MAX, _)` panicked: "`NaiveDateTime +
//!   TimeDelta` overflowed" computing the end of the minute (`resolve.rs`, clock
//!   interval). Now checked.

mod robust_support;

use chrono::{NaiveDate, NaiveDateTime};
use robust_support as support;
use storyline::{text, timex, Article, Config, DiagnosticKind, Extractor, Prefer, Published};

fn annotate_checked(text: &str, published: Published) -> timex::Annotation {
    let config = Config::default();
    let doc = text::segment(text);
    let found = timex::annotate(&doc, Some(&published), &config);
    support::check_timexes(text, &found.timexes, &config);
    found
}

#[test]
fn past_the_last_year_is_unresolvable_not_a_five_digit_year() {
    let last = Published::Date(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap());
    for text in [
        "It ends tomorrow.",
        "They meet on Monday.",
        "It opens next week.",
    ] {
        let found = annotate_checked(text, last);
        assert!(
            found
                .diagnostics
                .iter()
                .any(|d| d.kind == DiagnosticKind::Unresolvable),
            "{text}: no unresolvable diagnostic: {found:?}"
        );
    }
}

#[test]
fn before_the_first_year_is_unresolvable() {
    let first = Published::Date(NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
    for text in ["It began yesterday.", "Talks ended last week."] {
        let found = annotate_checked(text, first);
        assert!(
            found.timexes.iter().all(|t| !t.value.starts_with("0000")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn chrono_extremes_as_publication_dates() {
    for published in [NaiveDate::MAX, NaiveDate::MIN] {
        let article = Article::new(
            "x",
            "He said at yesterday's meeting that talks resume on Monday.",
        )
        .with_published(published);
        let extractor = Extractor::new(Config::default().prefer(Prefer::Future));
        let x = extractor.extract(&article);
        support::check_extraction(&article, &x, extractor.config());
    }
}

#[test]
fn resolve_phrase_at_the_ends_of_time() {
    let config = Config::default();
    for reference in [NaiveDateTime::MAX, NaiveDateTime::MIN] {
        for phrase in [
            "23:59",
            "11:59 p.m.",
            "Monday",
            "yesterday",
            "tomorrow",
            "next year",
        ] {
            for prefer in [Prefer::Tense, Prefer::Past, Prefer::Future, Prefer::Nearest] {
                if let Some(t) = timex::resolve_phrase(phrase, reference, prefer) {
                    support::check_value(&t, &config, phrase);
                }
            }
        }
    }
}
