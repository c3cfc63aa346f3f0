//! Pathological shapes at a size where the quadratic passes they once hit took
//! minutes (issue 7, item 6): each must come back with its full answer. Nothing
//! here is timed; how time grows with size (flat time per byte at 1x, 2x and
//! 4x) is measured by `cargo bench --bench robust`, and at full sizes by
//! `scripts/pathological.sh`.
//!
//! What each shape once cost, in release (all fixed since):
//! - one repeated calendar word: each expression's tense was read by scanning
//!   every token of its sentence (`src/timex/resolve.rs`, `tense_at`), so 2,000 /
//!   4,000 / 8,000 "yesterday" took 0.9 / 3.6 / 13 s;
//! - many dated event sentences: for every sentence with a trigger the event
//!   stage filtered all the article's timexes, so 40,000 dated one-event
//!   sentences took 9.9 s;
//! - one long sentence of events and dates: each lexicon match's token and each
//!   timex's clause were found by a linear search, so 100,000 words took 54 s;
//! - many capitalised sentence openers: the entity finder scanned the whole
//!   article for each opener, so 13 MB took 135 s.

use storyline::{Article, EventKind, Extraction, Extractor};

#[path = "shared_inputs/long_sentence.rs"]
mod long_sentence;
use long_sentence::long_sentence;

fn extract(text: String) -> Extraction {
    let article = Article::new("p", text)
        .with_published_str("2011-03-04")
        .expect("a valid date");
    Extractor::default().extract(&article)
}

/// Every timex of `x` is a "yesterday" resolved to the day before publication.
fn all_yesterday(x: &Extraction) -> bool {
    x.record
        .timexes
        .iter()
        .all(|t| t.text.eq_ignore_ascii_case("yesterday") && t.value == "2011-03-03")
}

#[test]
fn one_repeated_calendar_word_is_resolved_everywhere() {
    let n = 40_000;
    let x = extract("yesterday ".repeat(n));
    assert_eq!(x.record.timexes.len(), n);
    assert!(all_yesterday(&x));
}

#[test]
fn one_repeated_plain_word_yields_nothing() {
    let n = 160_000;
    let x = extract("word ".repeat(n));
    assert!(x.record.timexes.is_empty());
    assert!(x.events.is_empty());
}

#[test]
fn many_short_dated_sentences_each_keep_their_date() {
    let n = 80_000 / 3;
    let x = extract("It was yesterday. ".repeat(n));
    assert_eq!(x.record.timexes.len(), n);
    assert!(all_yesterday(&x));
}

#[test]
fn many_dated_event_sentences_each_give_a_dated_event() {
    let n = 240_000 / 3;
    let x = extract("He arrived yesterday. ".repeat(n));
    assert_eq!(x.record.timexes.len(), n);
    assert_eq!(x.events.len(), n);
    assert!(x.events.iter().all(|e| e.kind == EventKind::Arrival
        && e.time.as_ref().is_some_and(|t| t.value == "2011-03-03")));
}

#[test]
fn one_long_sentence_of_events_and_dates_is_read_to_its_end() {
    let text = long_sentence(20_000);
    let x = extract(text.clone());
    // the sentence's own date words, in its last tenth too
    let tail = text.len() - text.len() / 10;
    assert!(x.record.timexes.iter().any(|t| t.span.start >= tail));
    assert!(x.events.iter().any(|e| e.trigger.start >= tail));
    assert!(x
        .events
        .iter()
        .all(|e| text.get(e.trigger.start..e.trigger.end).is_some()));
}

#[test]
fn many_capitalised_sentence_openers_each_give_their_meeting() {
    const OPENERS: &[&str] = &["Critics", "Analysts", "Reporters", "Police"];
    const REST: &str = " said the minister met officials in the capital. ";
    let size = 800_000;
    let mut text = String::with_capacity(size + 64);
    let mut sentences = 0;
    while text.len() < size {
        text.push_str(OPENERS[sentences % OPENERS.len()]);
        text.push_str(REST);
        sentences += 1;
    }
    let x = extract(text.clone());
    assert_eq!(x.events.len(), sentences);
    assert!(x
        .events
        .iter()
        .all(|e| e.kind == EventKind::Meeting
            && text.get(e.trigger.start..e.trigger.end) == Some("met")));
}
