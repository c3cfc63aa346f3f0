//! Property tests over arbitrary strings and article sets, through the public entry
//! points (issue 7): no panic; every span in bounds and on char boundaries;
//! serialisation round-trips; the timeline laws.
//!
//! Case counts are modest so `cargo test` stays fast; raise them with
//! `PROPTEST_CASES=5000 cargo test --release --test robust_props`.

mod robust_support;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;
use robust_support as support;
use storyline::{text, timex, Article, Config, Extraction, Extractor, Prefer, Published};

/// `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Characters that break naive text handling: NUL, zero-width and bidi controls,
/// other line and paragraph separators, combining marks, and letters whose case
/// mapping changes their UTF-8 length (`İ`, `Ⱥ`, the Kelvin sign `K`), which break
/// any offset computed on a lowercased copy.
const HOSTILE: &[char] = &[
    '\0',
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{2060}',
    '\u{FEFF}',
    '\u{200E}',
    '\u{200F}',
    '\u{202A}',
    '\u{202B}',
    '\u{202C}',
    '\u{202D}',
    '\u{202E}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\r',
    '\n',
    '\t',
    '\u{0B}',
    '\u{0C}',
    '\u{85}',
    '\u{2028}',
    '\u{2029}',
    '\u{A0}',
    '\u{3000}',
    '\u{301}',
    '\u{308}',
    'İ',
    'Ⱥ',
    '\u{212A}',
    'ß',
    'ﬁ',
    'ǅ',
    'Σ',
    '\u{1F600}',
    '\u{10FFFF}',
    '\u{FFFD}',
    '.',
    '!',
    '?',
    ':',
    ';',
    ',',
    '"',
    '“',
    '”',
    '’',
    '\'',
    '-',
    '–',
    '—',
    '/',
    '(',
    ')',
    '٣',
    '०',
    '１',
    '²',
];

/// Words and phrases that reach the temporal and event rules, including numbers that
/// overflow and dates that do not exist. General calendar and news words only.
const WORDS: &[&str] = &[
    "yesterday",
    "today",
    "Today",
    "tomorrow",
    "tonight",
    "now",
    "ago",
    "later",
    "earlier",
    "next",
    "last",
    "this",
    "coming",
    "the following",
    "the previous",
    "Monday",
    "tuesday",
    "WEDNESDAY",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "Sept.",
    "October",
    "November",
    "December",
    "week",
    "weekend",
    "month",
    "year",
    "years",
    "decade",
    "century",
    "quarter",
    "spring",
    "summer",
    "winter",
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "midnight",
    "day",
    "days",
    "weeks",
    "months",
    "hours",
    "minutes",
    "a.m.",
    "p.m.",
    "PM",
    "GMT",
    "local time",
    "early",
    "mid-",
    "late",
    "the end of",
    "about",
    "more than",
    "less than",
    "since",
    "until",
    "before",
    "after",
    "every",
    "daily",
    "one",
    "two",
    "three",
    "twelve",
    "twenty",
    "hundred",
    "first",
    "3rd",
    "21st",
    "1",
    "2",
    "3",
    "12",
    "24",
    "28",
    "29",
    "30",
    "31",
    "32",
    "00",
    "0",
    "1999",
    "2003",
    "2011",
    "2024",
    "9999",
    "10000",
    "99999",
    "0000",
    "0001",
    "1990s",
    "'90s",
    "99999999999999999999",
    "18446744073709551616",
    "-5",
    "+7",
    "25:61",
    "23:59",
    "12:00",
    "21:59",
    "24:00",
    "9:5",
    "2011-02-30",
    "2011-13-01",
    "2011-03-04",
    "03/04/2011",
    "31/02/2011",
    "P1D",
    "XXXX",
    "met",
    "will meet",
    "received",
    "arrived",
    "arrival",
    "left for",
    "visited",
    "visit",
    "announced",
    "said",
    "told",
    "signed",
    "voted",
    "declared",
    "imposed",
    "sanctions",
    "talks",
    "election",
    "treaty",
    "not",
    "did not",
    "could",
    "if",
    "would",
    "he",
    "she",
    "they",
    "The",
    "President",
    "Minister",
    "Alice Okafor",
    "Tomás Lindqvist",
    "Ms.",
    "Mr.",
    "U.S.",
    "in",
    "on",
    "at",
    "of",
    "with",
    "and",
    "the",
    "a",
    "Lima",
    "Oslo",
    "Nairobi",
    "Hanoi",
    "the capital",
    "government",
    "officials",
];

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(HOSTILE),
        2 => any::<char>(),
        1 => prop::char::range('a', 'z'),
    ]
}

/// Text made of news and calendar words, runs of hostile characters and arbitrary
/// characters, with spaces, sentence ends and line breaks between them.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(str::to_owned),
        2 => prop::collection::vec(hostile_char(), 1..4).prop_map(|v| v.into_iter().collect()),
        1 => "[0-9]{1,25}",
    ];
    let sep = prop::sample::select(
        &[
            " ",
            " ",
            " ",
            " ",
            ", ",
            ". ",
            "\n",
            "\n\n",
            "",
            "-",
            " \u{200B}",
        ][..],
    );
    prop::collection::vec((piece, sep), 0..60).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, s)| [p, s.to_owned()])
            .collect()
    })
}

/// Any string at all, or hostile text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 3 => hostile_text()]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        6 => (1i32..=3_652_059).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        2 => (730_000i32..=740_000).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        1 => prop::sample::select(vec![
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(2000, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(),
        ]),
    ]
}

fn time() -> impl Strategy<Value = NaiveTime> {
    prop_oneof![
        3 => (0u32..86_400).prop_map(|s| NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap()),
        1 => (0u32..86_400, 0u32..1_000_000_000)
            .prop_map(|(s, n)| NaiveTime::from_num_seconds_from_midnight_opt(s, n).unwrap()),
        1 => Just(NaiveTime::from_hms_opt(23, 59, 59).unwrap()),
    ]
}

/// Publication dates of every form, from 0001-01-01 to 9999-12-31, or none.
fn published() -> impl Strategy<Value = Option<Published>> {
    prop_oneof![
        1 => Just(None),
        2 => date().prop_map(|d| Some(Published::Date(d))),
        1 => (date(), time()).prop_map(|(d, t)| Some(Published::Local(NaiveDateTime::new(d, t)))),
        1 => (date(), time(), -1439i32..=1439).prop_map(|(d, t, m)| {
            let offset = FixedOffset::east_opt(m * 60).unwrap();
            NaiveDateTime::new(d, t)
                .and_local_timezone(offset)
                .single()
                .map(Published::Zoned)
        }),
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

/// Configurations with every policy, small and default limits, narrow and full
/// year ranges.
fn config() -> impl Strategy<Value = Config> {
    (
        prefer(),
        0i64..4,
        prop_oneof![3 => Just(None), 1 => (0usize..400).prop_map(Some)],
        prop_oneof![3 => Just(None), 1 => (1usize..40).prop_map(Some)],
        prop_oneof![3 => Just(None), 1 => (1900i32..2030, 0i32..60).prop_map(Some)],
    )
        .prop_map(|(prefer, tol, article, expr, years)| {
            let mut c = Config::default()
                .prefer(prefer)
                .conflict_tolerance_days(tol);
            if let Some(n) = article {
                c = c.max_article_bytes(n);
            }
            if let Some(n) = expr {
                c = c.max_expression_bytes(n);
            }
            if let Some((lo, width)) = years {
                c = c.year_range(lo, lo + width);
            }
            c
        })
}

fn article(id: String) -> impl Strategy<Value = Article> {
    (
        any_text(),
        published(),
        prop::option::of(prop::sample::select(vec!["Wire", "Daily", "Wire ", "ß"])),
    )
        .prop_map(move |(text, published, source)| {
            let mut a = Article::new(id.clone(), text);
            a.published = published;
            a.source = source.map(str::to_owned);
            a
        })
}

/// Up to `max` articles with unique ids.
fn articles(max: usize) -> impl Strategy<Value = Vec<Article>> {
    (0..=max).prop_flat_map(|n| {
        (0..n)
            .map(|i| article(format!("art-{i}")))
            .collect::<Vec<_>>()
    })
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn segment_any_text(text in any_text()) {
        let doc = text::segment(&text);
        support::check_document(&text, &doc);
    }

    #[test]
    fn annotate_any_text(text in any_text(), published in published(), config in config()) {
        let doc = text::segment(&text);
        let found = timex::annotate(&doc, published.as_ref(), &config);
        support::check_timexes(&text, &found.timexes, &config);
        for d in &found.diagnostics {
            if let Some(span) = d.span {
                support::check_span(&text, span, "timex diagnostic");
            }
        }
        if let Some(inferred) = &found.inferred_published {
            support::check_span(&text, inferred.evidence, "inferred publication evidence");
        }
    }

    #[test]
    fn resolve_any_phrase(phrase in any_text(), d in date(), t in time(), prefer in prefer()) {
        let reference = NaiveDateTime::new(d, t);
        if let Some(found) = timex::resolve_phrase(&phrase, reference, prefer) {
            support::check_span(&phrase, found.span, "resolve_phrase span");
            prop_assert!(!found.value.is_empty());
            support::check_value(&found, &Config::default(), "resolve_phrase");
        }
    }

    #[test]
    fn resolve_at_the_ends_of_time(phrase in hostile_text(), prefer in prefer(), end in 0usize..4) {
        let reference = [
            NaiveDateTime::MIN,
            NaiveDateTime::MAX,
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap().and_hms_opt(23, 59, 59).unwrap(),
        ][end];
        if let Some(found) = timex::resolve_phrase(&phrase, reference, prefer) {
            support::check_span(&phrase, found.span, "resolve_phrase span");
        }
    }

    #[test]
    fn extract_any_article(a in article("x".into()), config in config()) {
        let extractor = Extractor::new(config.clone());
        let x = extractor.extract(&a);
        support::check_extraction(&a, &x, &config);
        let json = serde_json::to_string(&x).unwrap();
        let back: Extraction = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &x, "an extraction changed through JSON");
        prop_assert_eq!(&extractor.extract(&a), &x, "extraction is not deterministic");
        let (timexes, _) = extractor.timexes(&a);
        prop_assert_eq!(&timexes, &x.record.timexes, "timexes() and extract() disagree");
    }

    #[test]
    fn article_json_round_trips(a in article("x".into()), id in any::<String>()) {
        let a = Article { id, ..a };
        let line = serde_json::to_string(&a).unwrap();
        let back: Article = serde_json::from_str(&line).unwrap();
        prop_assert_eq!(&back, &a, "changed through JSON: {}", line);
        let read: Vec<_> = storyline::JsonLines::new(line.as_bytes()).collect();
        prop_assert_eq!(read.len(), 1);
        prop_assert_eq!(read[0].as_ref().unwrap(), &a);
    }

    #[test]
    fn published_display_parses_back(p in published()) {
        if let Some(p) = p {
            prop_assert_eq!(Published::parse(&p.to_string()), Ok(p), "{}", p);
        }
    }
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn timeline_laws(articles in articles(7), tol in 0i64..3, prefer in prefer()) {
        let extractor = Extractor::new(Config::default().conflict_tolerance_days(tol).prefer(prefer));
        support::check_timeline_laws(&articles, &extractor);
    }
}

/// One input line of a JSON Lines stream under test, and what it must give.
#[derive(Clone, Debug)]
enum Line {
    Good(Article),
    Blank(&'static str),
    NotJson(String),
    MissingText,
    BadUtf8 { before: String, bytes: Vec<u8> },
    Duplicate(usize),
    BadDate(String),
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        6 => article("".into()).prop_map(Line::Good),
        1 => prop::sample::select(vec!["", " ", "\t", "\r", " \u{A0} "]).prop_map(Line::Blank),
        1 => "[a-z{}\\[\\]\":, ]{1,30}"
            .prop_filter("not an object", |s| !s.trim().is_empty())
            .prop_map(Line::NotJson),
        1 => Just(Line::MissingText),
        1 => ("[a-z ]{0,10}", prop::sample::select(vec![
                vec![0xFF], vec![0xC3], vec![0xE2, 0x82], vec![0xED, 0xA0, 0x80], vec![0xF8, 0x88, 0x80, 0x80, 0x80], vec![0xC0, 0xAF],
            ])).prop_map(|(before, bytes)| Line::BadUtf8 { before, bytes }),
        1 => (0usize..100).prop_map(Line::Duplicate),
        1 => prop::sample::select(vec!["2011-02-30", "2011-13-01", "yesterday", "10000-01-01", "2011-03-04T25:00"])
            .prop_map(|s| Line::BadDate(s.to_owned())),
    ]
}

proptest! {
    #![proptest_config(cases(256))]

    /// Nothing lost: every good line comes out, in order, whatever bad lines sit
    /// between them; each bad line is one error naming its line, and invalid UTF-8
    /// names the offset of the first invalid byte.
    #[test]
    fn json_lines_lose_nothing(lines in prop::collection::vec(line(), 0..20), crlf in any::<bool>(), final_newline in any::<bool>()) {
        let mut input: Vec<u8> = Vec::new();
        let mut good: Vec<Article> = Vec::new();
        // (line number, byte offset of the invalid byte when it is a UTF-8 error)
        let mut bad: Vec<(u64, Option<u64>)> = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let number = i as u64 + 1;
            if i > 0 {
                input.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            }
            match l {
                Line::Good(a) => {
                    let a = Article { id: format!("id{i}"), ..a.clone() };
                    input.extend_from_slice(serde_json::to_string(&a).unwrap().as_bytes());
                    ids.push(a.id.clone());
                    good.push(a);
                }
                Line::Blank(s) => input.extend_from_slice(s.as_bytes()),
                Line::NotJson(s) => {
                    input.extend_from_slice(s.as_bytes());
                    bad.push((number, None));
                }
                Line::MissingText => {
                    input.extend_from_slice(format!("{{\"id\":\"m{i}\"}}").as_bytes());
                    bad.push((number, None));
                }
                Line::BadUtf8 { before, bytes } => {
                    input.extend_from_slice(format!("{{\"id\":\"u{i}\",\"text\":\"{before}").as_bytes());
                    let at = input.len() as u64;
                    input.extend_from_slice(bytes);
                    input.extend_from_slice(b"\"}");
                    bad.push((number, Some(at)));
                }
                Line::Duplicate(k) => {
                    if ids.is_empty() {
                        input.extend_from_slice(b"[]");
                    } else {
                        let id = &ids[k % ids.len()];
                        input.extend_from_slice(format!("{{\"id\":{},\"text\":\"again\"}}", serde_json::to_string(id).unwrap()).as_bytes());
                    }
                    bad.push((number, None));
                }
                Line::BadDate(d) => {
                    input.extend_from_slice(format!("{{\"id\":\"d{i}\",\"published\":\"{d}\",\"text\":\"t\"}}").as_bytes());
                    bad.push((number, None));
                }
            }
        }
        if final_newline && !lines.is_empty() {
            input.push(b'\n');
        }
        let mut got_good = Vec::new();
        let mut got_bad = Vec::new();
        for item in storyline::JsonLines::new(&input[..]) {
            match item {
                Ok(a) => got_good.push(a),
                Err(e) => {
                    let offset = match &e {
                        storyline::ReadError::Utf8 { byte_offset, .. } => Some(*byte_offset),
                        _ => None,
                    };
                    prop_assert!(e.to_string().contains(&format!("line {}", e.line())), "{}", e);
                    got_bad.push((e.line(), offset));
                }
            }
        }
        prop_assert_eq!(got_good, good);
        prop_assert_eq!(got_bad, bad);
    }
}
