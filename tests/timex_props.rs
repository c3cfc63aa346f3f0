//! Property tests for the timex stage: on any text and any publication date,
//! annotation never panics, and every span is in bounds, on char boundaries,
//! ordered and non-overlapping, and holds the timex's text.

use chrono::NaiveDate;
use proptest::prelude::*;
use storyline::{text::segment, timex, Config, Prefer, Published};

/// Text that often looks like dates: calendar words, numbers and punctuation.
fn datey() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "today",
        "yesterday",
        "Monday",
        "Sept.",
        "24",
        "2019",
        "9:59",
        "PM",
        "GMT",
        "last",
        "next",
        "year",
        "years",
        "ago",
        "the",
        "third",
        "quarter",
        "a",
        "two",
        "-",
        "day",
        "May",
        "March",
        "1990s",
        "19th",
        "century",
        "every",
        "week",
        ",",
        ".",
        "'",
        "99999999999",
        "February",
        "30",
        "25:61",
        "a.m.",
        "\n",
        "early",
        "mid",
        "later",
        "that",
        "evening",
        "fiscal",
        "1/2",
        "é",
        "日本",
        "\u{0}",
        "Sat.",
        "weekend",
        "since",
        "will",
        "said",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

fn published() -> impl Strategy<Value = Option<Published>> {
    prop_oneof![
        Just(None),
        (1i32..=9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| { NaiveDate::from_ymd_opt(y, m, d).map(Published::Date) }),
        Just(NaiveDate::from_ymd_opt(9999, 12, 31).map(Published::Date)),
        Just(NaiveDate::from_ymd_opt(1, 1, 1).map(Published::Date)),
    ]
}

fn prefer() -> impl Strategy<Value = Prefer> {
    prop::sample::select(vec![
        Prefer::Tense,
        Prefer::Past,
        Prefer::Future,
        Prefer::Nearest,
    ])
}

fn check(text: &str, published: Option<Published>, prefer: Prefer) -> Result<(), TestCaseError> {
    let doc = segment(text);
    let ann = timex::annotate(&doc, published.as_ref(), &Config::default().prefer(prefer));
    let mut last_end = 0;
    for t in &ann.timexes {
        prop_assert!(t.span.start < t.span.end, "empty span {:?}", t.span);
        prop_assert!(t.span.end <= text.len(), "span {:?} out of bounds", t.span);
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert!(
            t.span.start >= last_end,
            "overlap or disorder at {:?}",
            t.span
        );
        prop_assert_eq!(&text[t.span.range()], t.text.as_str());
        prop_assert!(!t.value.is_empty());
        last_end = t.span.end;
    }
    for d in &ann.diagnostics {
        if let Some(s) = d.span {
            prop_assert!(s.end <= text.len());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_any_date(text in any::<String>(), published in published(), prefer in prefer()) {
        check(&text, published, prefer)?;
    }

    #[test]
    fn date_like_text(text in datey(), published in published(), prefer in prefer()) {
        check(&text, published, prefer)?;
    }

    /// `TimexList`, the compact form a timeline keeps of each article's timexes,
    /// gives back exactly the span, text, type and value of every timex, in
    /// order, and reads back from its serde form.
    #[test]
    fn compact_list_gives_back_every_timex(text in datey(), published in published()) {
        let doc = segment(&text);
        let found = timex::annotate(&doc, published.as_ref(), &Config::default()).timexes;
        let list = timex::TimexList::new(&found);
        prop_assert_eq!(list.len(), found.len());
        prop_assert_eq!(list.is_empty(), found.is_empty());
        let back: Vec<_> = list.iter().map(|e| (e.span, e.text.to_owned(), e.kind, e.value.to_owned())).collect();
        let want: Vec<_> = found.iter().map(|t| (t.span, t.text.clone(), t.kind, t.value.clone())).collect();
        prop_assert_eq!(back, want);
        let json = serde_json::to_string(&list).unwrap();
        let read: timex::TimexList = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(read, list);
    }

    #[test]
    fn resolve_phrase_never_panics(text in datey(), y in 1i32..=9999) {
        let reference = NaiveDate::from_ymd_opt(y, 6, 15).and_then(|d| d.and_hms_opt(12, 0, 0));
        if let Some(r) = reference {
            let _ = timex::resolve_phrase(&text, r, Prefer::Tense);
        }
    }
}

#[test]
fn ten_megabytes_of_one_word() {
    let text = "today".repeat(2 << 20);
    check(&text, Published::parse("2019-09-24").ok(), Prefer::Tense).unwrap();
    let text = "today ".repeat(200_000);
    let doc = segment(&text);
    let ann = timex::annotate(
        &doc,
        Published::parse("2019-09-24").ok().as_ref(),
        &Config::default(),
    );
    assert_eq!(ann.timexes.len(), 200_000);
}
