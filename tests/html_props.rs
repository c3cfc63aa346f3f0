//! The HTML page never panics and every event stays on it, whatever the dates:
//! points, centuries, reversed intervals, the ends of chrono's range.

use chrono::DateTime;
use proptest::prelude::*;
use storyline::event::EventTime;
use storyline::merge::ArticleRecord;
use storyline::output::html;
use storyline::timex::{Granularity, Interval};
use storyline::{Config, EventKind, EventMention, Span, Status, Timeline};

fn mention(i: usize, kind: usize, time: Option<(i64, i64)>, text: &str) -> EventMention {
    let at = |s: i64| {
        DateTime::from_timestamp(s, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    };
    EventMention {
        article: format!("a{}", i % 3).into(),
        source: None,
        published: None,
        kind: EventKind::ALL[kind % EventKind::ALL.len()],
        trigger: Span::new(i, i + 1),
        sentence: Span::new(i, i + 2),
        participants: Vec::new(),
        place: None,
        status: Status::Occurred,
        time: time
            .map(|(s, len)| EventTime {
                value: text.to_owned(),
                granularity: Granularity::Day,
                interval: Some(Interval {
                    start: at(s),
                    end: at(s.saturating_add(len)),
                }),
                zone: None,
                timex: None,
            })
            .map(Box::new),
        quote: text.into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_dates_render(
        events in proptest::collection::vec(
            (0usize..13, proptest::option::of((-8_000_000_000_000i64..8_000_000_000_000, -100_000i64..4_000_000_000)), ".{0,12}"),
            0..40,
        ),
        clustered in any::<bool>(),
    ) {
        let base = if clustered { 1_000_000_000 } else { 0 };
        let mentions: Vec<EventMention> = events
            .iter()
            .enumerate()
            .map(|(i, (k, t, s))| mention(i, *k, t.map(|(a, b)| if clustered { (base + a % 100_000, b % 86_400) } else { (a, b) }), s))
            .collect();
        let records = ["a0", "a1", "a2"]
            .iter()
            .map(|id| ArticleRecord { id: (*id).to_owned(), source: None, published: None, timexes: Vec::new() })
            .collect();
        let timeline = Timeline::from_parts(mentions, records, &Config::default());
        let page = html::render(&timeline);
        prop_assert_eq!(page.matches("data-event-id=").count(), timeline.events().len());
        prop_assert!(page.ends_with("</html>\n"));
    }
}
