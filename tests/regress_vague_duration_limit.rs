//! Found by the `text_timexes` fuzz target (issue 7): "for years", "within weeks"
//! (a vague duration, `src/timex/scan.rs`) was pushed without the expression
//! limit, so `max_expression_bytes(1)` still gave the 5-byte timex "years". Fixed:
//! that path applies the limit like every other.

mod robust_support;

use storyline::{Article, Config, Extractor};

#[test]
fn vague_durations_respect_the_expression_limit() {
    let text = "Talks went on for years, then within weeks it ended; over months, in days.";
    let article = Article::new("x", text)
        .with_published_str("2011-03-04")
        .unwrap();
    let (all, _) = Extractor::default().timexes(&article);
    assert!(all.iter().any(|t| t.text == "years"), "{all:?}");
    for limit in [1, 4, 5, 6] {
        let config = Config::default().max_expression_bytes(limit);
        let (timexes, _) = Extractor::new(config.clone()).timexes(&article);
        robust_support::check_timexes(text, &timexes, &config);
    }
}
