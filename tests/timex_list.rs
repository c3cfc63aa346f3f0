//! `TimexList`, the compact form a timeline keeps of each article's timexes:
//! known texts, the empty list, and offsets past 4 GiB.

use storyline::timex::{self, TimexList};
use storyline::{text::segment, Config, Published};

// The property test (every timex given back, for any text) is in timex_props.rs.

#[test]
fn empty_list_is_empty() {
    let list = TimexList::new(&[]);
    assert!(list.is_empty());
    assert_eq!(list.iter().count(), 0);
    assert_eq!(serde_json::to_string(&list).unwrap(), "[]");
}

#[test]
fn known_text_keeps_text_and_value() {
    let text = "日本 — he left today, not yesterday, and returns on Sept. 24.";
    let published = Published::parse("2019-09-25").ok();
    let found = timex::annotate(&segment(text), published.as_ref(), &Config::default()).timexes;
    let list = TimexList::new(&found);
    let got: Vec<(&str, &str)> = list.iter().map(|e| (e.text, e.value)).collect();
    assert!(got.len() >= 3, "{got:?}");
    assert!(got.contains(&("today", "2019-09-25")), "{got:?}");
    assert!(got.contains(&("yesterday", "2019-09-24")), "{got:?}");
    assert!(list.iter().all(|e| &text[e.span.range()] == e.text));
}

/// Offsets past 4 GiB (an article limit configured that high) keep their spans.
#[cfg(target_pointer_width = "64")]
#[test]
fn offsets_past_four_gib_are_kept() {
    use storyline::timex::{Anchor, Timex};
    use storyline::{Span, TimexType};
    let t = |start: usize, text: &str, value: &str| Timex {
        span: Span::new(start, start + text.len()),
        text: text.to_owned(),
        kind: TimexType::Date,
        value: value.to_owned(),
        granularity: None,
        interval: None,
        modifier: None,
        zone: None,
        anchor: Anchor::Publication,
    };
    let found = vec![
        t(10, "today", "2019-09-25"),
        t(5_000_000_000, "yesterday", "2019-09-24"),
    ];
    let list = TimexList::new(&found);
    let back: Vec<(Span, &str, &str)> = list.iter().map(|e| (e.span, e.text, e.value)).collect();
    assert_eq!(
        back,
        [
            (found[0].span, "today", "2019-09-25"),
            (found[1].span, "yesterday", "2019-09-24")
        ]
    );
    let read: TimexList = serde_json::from_str(&serde_json::to_string(&list).unwrap()).unwrap();
    assert_eq!(read, list);
    // the same first timex alone packs narrow, and says the same
    let small = TimexList::new(&found[..1]);
    assert_eq!(small.iter().next(), list.iter().next());
}
