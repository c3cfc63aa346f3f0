//! Invariant checks shared by the property tests (`tests/robust_*.rs`), the
//! regression tests (`tests/regress_*.rs`) and the fuzz targets (`fuzz/`, which
//! include this file by path). Every check panics with a message that says which
//! invariant broke and where, so a fuzzer crash or a proptest failure reads as a
//! bug report.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use storyline::text::Document;
use storyline::{
    Article, Config, DiagnosticKind, EventMention, Extraction, Extractor, Span, Timeline, Timex,
};

/// Panics unless `span` is a non-inverted range inside `text` on char boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what}: inverted span {span:?} (text of {} bytes)",
        text.len()
    );
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past the end of a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries of {:?}",
        excerpt(text, span)
    );
}

/// A short, char-safe excerpt around a span for messages.
pub fn excerpt(text: &str, span: Span) -> String {
    let lo = span.start.saturating_sub(20).min(text.len());
    let hi = span.end.saturating_add(20).min(text.len());
    String::from_utf8_lossy(&text.as_bytes()[lo..hi]).into_owned()
}

/// Blocks, sentences, clauses and tokens: in bounds, on char boundaries, nested,
/// in text order, and their index ranges consistent.
pub fn check_document(text: &str, doc: &Document<'_>) {
    assert_eq!(doc.text(), text, "document text is not the input text");
    let blocks = doc.blocks();
    let sentences = doc.sentences();
    let tokens = doc.tokens();
    let mut prev_end = 0;
    for (bi, b) in blocks.iter().enumerate() {
        check_span(text, b.span, &format!("block {bi}"));
        assert!(
            b.span.start >= prev_end,
            "block {bi} {:?} overlaps or precedes the previous block (ends {prev_end})",
            b.span
        );
        prev_end = b.span.end;
        assert!(
            b.sentences.start <= b.sentences.end && b.sentences.end <= sentences.len(),
            "block {bi} sentence range {:?} out of 0..{}",
            b.sentences,
            sentences.len()
        );
        for si in b.sentences.clone() {
            let s = &sentences[si];
            assert_eq!(
                s.block, bi,
                "sentence {si} listed by block {bi} names block {}",
                s.block
            );
            assert!(
                b.span.contains(s.span),
                "sentence {si} {:?} outside its block {bi} {:?}",
                s.span,
                b.span
            );
        }
    }
    let mut prev_end = 0;
    for (si, s) in sentences.iter().enumerate() {
        check_span(text, s.span, &format!("sentence {si}"));
        assert!(
            s.span.start >= prev_end,
            "sentence {si} {:?} overlaps or precedes the previous sentence (ends {prev_end})",
            s.span
        );
        prev_end = s.span.end;
        assert!(
            s.block < blocks.len(),
            "sentence {si} names block {} of {}",
            s.block,
            blocks.len()
        );
        assert!(
            blocks[s.block].sentences.contains(&si),
            "sentence {si} not in the sentence range of its block {}",
            s.block
        );
        for (ci, c) in s.clauses.iter().enumerate() {
            check_span(text, *c, &format!("sentence {si} clause {ci}"));
            assert!(
                s.span.contains(*c),
                "sentence {si} clause {ci} {c:?} outside the sentence {:?}",
                s.span
            );
        }
        assert!(
            s.tokens.start <= s.tokens.end && s.tokens.end <= tokens.len(),
            "sentence {si} token range {:?} out of 0..{}",
            s.tokens,
            tokens.len()
        );
        for ti in s.tokens.clone() {
            assert!(
                s.span.contains(tokens[ti].span),
                "token {ti} {:?} outside its sentence {si} {:?}",
                tokens[ti].span,
                s.span
            );
        }
    }
    let mut prev_end = 0;
    for (ti, t) in tokens.iter().enumerate() {
        check_span(text, t.span, &format!("token {ti}"));
        assert!(
            !t.span.is_empty(),
            "token {ti} is empty at {}",
            t.span.start
        );
        assert!(
            t.span.start >= prev_end,
            "token {ti} {:?} overlaps or precedes the previous token (ends {prev_end})",
            t.span
        );
        prev_end = t.span.end;
    }
}

/// Timexes: in bounds, on char boundaries, their text is the text they cover, in
/// text order without overlaps, no longer than the configured expression limit,
/// intervals well formed and inside the configured year range.
pub fn check_timexes(text: &str, timexes: &[Timex], config: &Config) {
    let mut prev_end = 0;
    for (i, t) in timexes.iter().enumerate() {
        check_span(text, t.span, &format!("timex {i} {:?}", t.text));
        assert!(!t.span.is_empty(), "timex {i} is empty at {}", t.span.start);
        assert_eq!(
            t.span.slice(text),
            Some(t.text.as_str()),
            "timex {i}: its text is not the text its span covers"
        );
        assert!(
            t.span.start >= prev_end,
            "timex {i} {:?} {:?} overlaps or precedes the previous one (ends {prev_end})",
            t.span,
            t.text
        );
        prev_end = t.span.end;
        assert!(
            t.span.len() <= config.expression_limit(),
            "timex {i} {:?} is {} bytes, over the expression limit of {}",
            t.text,
            t.span.len(),
            config.expression_limit()
        );
        check_value(t, config, &format!("timex {i}"));
    }
}

/// A TIMEX3 value names a real calendar position: a year inside the configured
/// range, a month 1 to 12, a day that exists in its month (`XXXX-02-30` never
/// does), a week 1 to 53, a time of day before 24:00; the interval is well formed
/// and inside the year range. Wrapped or overflowed numbers break one of these.
pub fn check_value(t: &Timex, config: &Config, what: &str) {
    let v = t.value.as_bytes();
    assert!(!v.is_empty(), "{what} {:?} has an empty value", t.text);
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let b = v.get(r)?;
        if b.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(b).ok()?.parse().ok()
        } else {
            None
        }
    };
    // Years have four digits in TIMEX3; a sign or a fifth digit is an overflow.
    let negative = v.first() == Some(&b'-');
    let run = v
        .iter()
        .skip(usize::from(negative))
        .take_while(|b| b.is_ascii_digit())
        .count();
    assert!(
        !(negative && run > 0) && run <= 4,
        "{what} {:?} = {}: a year outside 0000..=9999",
        t.text,
        t.value
    );
    let year = digits(0..4);
    let unknown_year = v.starts_with(b"XXXX");
    let calendar =
        (year.is_some() || unknown_year) && matches!(v.get(4), None | Some(b'-') | Some(b'T'));
    if !calendar {
        check_interval_years(t, config, what);
        return;
    }
    let (lo, hi) = config.years();
    if let Some(y) = year {
        assert!(
            i64::from(y) >= i64::from(lo) && i64::from(y) <= i64::from(hi),
            "{what} {:?} = {}: year {y} outside the configured {lo}..={hi}",
            t.text,
            t.value
        );
    }
    if v.get(4) == Some(&b'-') {
        if let Some(month) = digits(5..7) {
            assert!(
                (1..=12).contains(&month),
                "{what} {:?} = {}: month {month} does not exist",
                t.text,
                t.value
            );
            if v.get(7) == Some(&b'-') {
                if let Some(day) = digits(8..10) {
                    // An unknown year may be a leap year.
                    let y = year.map_or(2000, |y| y as i32);
                    assert!(
                        chrono::NaiveDate::from_ymd_opt(y, month, day).is_some(),
                        "{what} {:?} = {}: day {day} does not exist in that month",
                        t.text,
                        t.value
                    );
                }
            }
        }
        if v.get(5) == Some(&b'W') {
            if let Some(week) = digits(6..8) {
                assert!(
                    (1..=53).contains(&week),
                    "{what} {:?} = {}: week {week} does not exist",
                    t.text,
                    t.value
                );
            }
        }
    }
    if let Some(tpos) = v.iter().position(|&b| b == b'T') {
        if let (Some(h), Some(m)) = (digits(tpos + 1..tpos + 3), digits(tpos + 4..tpos + 6)) {
            assert!(
                v.get(tpos + 3) != Some(&b':') || (h < 24 && m < 60) || (h == 24 && m == 0),
                "{what} {:?} = {}: time of day {h}:{m} does not exist",
                t.text,
                t.value
            );
        }
    }
    check_interval_years(t, config, what);
    check_value_matches_interval(t, what);
}

/// Where a value names a calendar position plainly (no modifier, no stated zone),
/// its interval starts there: `2011` on 1 January, `2011-03` on 1 March,
/// `2011-03-04T21:59` at 21:59 that day, `T24:00` at 00:00 the next day.
fn check_value_matches_interval(t: &Timex, what: &str) {
    use chrono::{Datelike, Timelike};
    let (Some(iv), None, None) = (t.interval, t.modifier, t.zone.as_ref()) else {
        return;
    };
    let v = t.value.as_str();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = v.get(r)?;
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let Some(year) = num(0..4) else { return };
    let rest = &v[4..];
    let (month, day) = match (rest.as_bytes().first(), num(5..7), num(8..10)) {
        (None, _, _) => (Some(1), Some(1)),
        (Some(b'-'), Some(m), None) if rest.len() == 3 => (Some(m), Some(1)),
        (Some(b'-'), Some(m), Some(d))
            if rest.len() == 6 || rest.as_bytes().get(6) == Some(&b'T') =>
        {
            (Some(m), Some(d))
        }
        _ => (None, None),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return;
    };
    let Some(date) = chrono::NaiveDate::from_ymd_opt(year as i32, month, day) else {
        return;
    };
    let mut start = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    if let (Some(b'T'), Some(h)) = (rest.as_bytes().get(6), num(11..13)) {
        let m = if v.as_bytes().get(13) == Some(&b':') {
            num(14..16)
        } else {
            Some(0)
        };
        let Some(m) = m else { return };
        if v.len() > 16 || (v.len() > 13 && v.as_bytes().get(13) != Some(&b':')) {
            return;
        }
        start = match date.and_hms_opt(h, m, 0) {
            Some(s) => s,
            None if h == 24 && m == 0 => match date.succ_opt() {
                Some(next) => next.and_hms_opt(0, 0, 0).expect("midnight exists"),
                None => return,
            },
            None => return,
        };
    } else if rest.len() > 6 {
        return;
    }
    assert!(
        (
            iv.start.year(),
            iv.start.ordinal(),
            iv.start.hour(),
            iv.start.minute()
        ) == (start.year(), start.ordinal(), start.hour(), start.minute()),
        "{what} {:?} = {}: its interval starts at {}, not at {start}",
        t.text,
        t.value,
        iv.start
    );
}

fn check_interval_years(t: &Timex, config: &Config, what: &str) {
    use chrono::Datelike;
    if let Some(iv) = t.interval {
        assert!(
            iv.start <= iv.end,
            "{what} {:?} = {}: inverted interval {iv:?}",
            t.text,
            t.value
        );
        let (lo, hi) = config.years();
        // `9999-12-31T24` (midnight at the end of the range) starts on the next 1 January.
        let end_of_range = iv.start.year() == hi.saturating_add(1)
            && iv.start.ordinal() == 1
            && iv.start.time() == chrono::NaiveTime::MIN;
        assert!(
            iv.start.year() >= lo && (iv.start.year() <= hi || end_of_range),
            "{what} {:?} = {}: interval starts in year {}, outside the configured {lo}..={hi}",
            t.text,
            t.value,
            iv.start.year()
        );
        // The end is exclusive: the last year's interval ends on the next 1 January.
        assert!(
            iv.end.year() <= hi.saturating_add(1),
            "{what} {:?} = {}: interval ends in year {}, past the configured {hi}",
            t.text,
            t.value,
            iv.end.year()
        );
    }
}

/// Every span of one event mention lies in the article and the trigger lies in its
/// sentence.
pub fn check_mention(article: &Article, m: &EventMention, what: &str) {
    let text = &article.text;
    assert_eq!(
        m.article, article.id,
        "{what}: mention names another article"
    );
    check_span(text, m.trigger, &format!("{what} trigger"));
    check_span(text, m.sentence, &format!("{what} sentence"));
    assert!(
        m.sentence.contains(m.trigger),
        "{what}: trigger {:?} outside its sentence {:?}",
        m.trigger,
        m.sentence
    );
    for (i, e) in m.evidence().iter().enumerate() {
        check_span(text, *e, &format!("{what} evidence {i}"));
    }
    for (i, p) in m.participants.iter().enumerate() {
        check_span(
            text,
            p.span,
            &format!("{what} participant {i} {:?}", p.name),
        );
    }
    if let Some(place) = &m.place {
        check_span(text, place.span, &format!("{what} place {:?}", place.name));
    }
    if let Some(time) = &m.time {
        if let Some(span) = time.timex {
            check_span(text, span, &format!("{what} time {:?}", time.value));
        }
        if let Some(iv) = time.interval {
            assert!(iv.start <= iv.end, "{what}: inverted time interval {iv:?}");
        }
    }
}

/// One article's extraction: its record, timexes, mentions and diagnostics all
/// point inside the article; an article over the size limit says so.
pub fn check_extraction(article: &Article, x: &Extraction, config: &Config) {
    let text = &article.text;
    assert_eq!(x.record.id, article.id);
    assert_eq!(x.record.source, article.source);
    assert_eq!(
        x.record.published,
        article.published.map(|p| p.to_string()),
        "the record's publication date is not the article's"
    );
    check_timexes(text, &x.record.timexes, config);
    for (i, m) in x.events.iter().enumerate() {
        check_mention(article, m, &format!("mention {i}"));
    }
    for d in &x.diagnostics {
        if let Some(span) = d.span {
            check_span(text, span, &format!("diagnostic {:?}", d.message));
        }
        assert!(
            !d.message.is_empty(),
            "diagnostic {:?} has no message",
            d.kind
        );
    }
    let limited = x
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::LimitReached);
    if text.len() > config.article_limit() {
        assert!(
            limited,
            "an article of {} bytes over the limit of {} gave no LimitReached diagnostic",
            text.len(),
            config.article_limit()
        );
        // Nothing past the cut may be reported as found.
        for t in &x.record.timexes {
            assert!(t.span.end <= config.article_limit(), "timex past the limit");
        }
        for m in &x.events {
            assert!(
                m.sentence.end <= config.article_limit(),
                "mention past the limit"
            );
        }
    }
}

/// Extracts every article and checks each extraction.
pub fn extract_checked(articles: &[Article], extractor: &Extractor) -> Vec<Extraction> {
    articles
        .iter()
        .map(|a| {
            let x = extractor.extract(a);
            check_extraction(a, &x, extractor.config());
            x
        })
        .collect()
}

/// Serializes a timeline, the way order independence is judged: byte for byte.
pub fn json(t: &Timeline) -> String {
    serde_json::to_string(t).expect("a timeline always serializes")
}

/// The structural invariants of one timeline built from `extractions`: every
/// extracted mention belongs to exactly one event and no mention is invented, every
/// article is kept, undated events come last, mentions of one event lie within the
/// conflict tolerance of each other.
pub fn check_timeline(t: &Timeline, extractions: &[Extraction]) {
    let expected: BTreeSet<&EventMention> = extractions.iter().flat_map(|x| &x.events).collect();
    let mut seen: BTreeMap<&EventMention, usize> = BTreeMap::new();
    for (ei, e) in t.events().iter().enumerate() {
        assert!(!e.mentions.is_empty(), "event {ei} has no mention");
        for m in &e.mentions {
            if let Some(first) = seen.insert(m, ei) {
                panic!(
                    "mention {:?} of article {:?} is in events {first} and {ei}",
                    m.trigger, m.article
                );
            }
        }
        let ids: BTreeSet<&str> = e.mentions.iter().map(|m| m.article.as_str()).collect();
        assert_eq!(
            e.articles,
            ids.len(),
            "event {ei}: article count is not its articles"
        );
        assert!(
            e.sources >= 1 && e.sources <= e.articles,
            "event {ei}: {} sources for {} articles",
            e.sources,
            e.articles
        );
        let tol = chrono::Duration::days(t.tolerance_days());
        let ivs: Vec<_> = e
            .mentions
            .iter()
            .filter_map(|m| m.time.as_ref().and_then(|x| x.interval))
            .collect();
        for a in &ivs {
            for b in &ivs {
                let gap = b.start.signed_duration_since(a.end);
                assert!(
                    gap <= tol,
                    "event {ei}: mentions dated {a:?} and {b:?} lie further apart than the tolerance of {} day(s) but were merged",
                    t.tolerance_days()
                );
            }
        }
    }
    let got: BTreeSet<&EventMention> = seen.keys().copied().collect();
    let lost: Vec<_> = expected.difference(&got).collect();
    let invented: Vec<_> = got.difference(&expected).collect();
    assert!(
        lost.is_empty(),
        "{} extracted mention(s) lost by the timeline, first {:?}",
        lost.len(),
        lost.first().map(|m| (&m.article, m.trigger, m.kind))
    );
    assert!(
        invented.is_empty(),
        "{} mention(s) in the timeline that no article gave, first {:?}",
        invented.len(),
        invented.first().map(|m| (&m.article, m.trigger, m.kind))
    );
    if let Some(first_undated) = t.events().iter().position(|e| e.when.is_none()) {
        assert!(
            t.events()[first_undated..].iter().all(|e| e.when.is_none()),
            "a dated event follows undated event {first_undated}"
        );
    }
    let ids: Vec<&str> = t.articles().iter().map(|a| a.id.as_str()).collect();
    let mut want: Vec<&str> = extractions.iter().map(|x| x.record.id.as_str()).collect();
    want.sort_unstable();
    want.dedup();
    assert_eq!(
        ids, want,
        "the timeline's articles are not the input articles, by id"
    );
}

/// Round-trips a timeline through JSON and checks it comes back equal.
pub fn check_roundtrip(t: &Timeline) {
    let s = json(t);
    let back: Timeline = serde_json::from_str(&s)
        .unwrap_or_else(|e| panic!("a serialized timeline does not read back: {e}"));
    assert_eq!(&back, t, "a timeline changed through JSON");
    assert_eq!(
        json(&back),
        s,
        "a timeline's JSON changed through a round trip"
    );
    serde_json::to_string(&storyline::output::json::contract(t))
        .expect("the contract form always serializes");
}

/// The timeline laws over one set of articles with unique ids: the checks of
/// [`check_timeline`], JSON round trip, order independence (reversed and rotated
/// input), merge of a split equals the whole, merge is commutative, associative and
/// idempotent.
pub fn check_timeline_laws(articles: &[Article], extractor: &Extractor) {
    let extractions = extract_checked(articles, extractor);
    let whole = Timeline::from_articles(articles, extractor);
    check_timeline(&whole, &extractions);
    check_roundtrip(&whole);
    let whole_json = json(&whole);

    let reversed: Vec<&Article> = articles.iter().rev().collect();
    assert_eq!(
        json(&Timeline::from_articles(reversed, extractor)),
        whole_json,
        "reversing the articles changed the timeline"
    );
    if articles.len() > 2 {
        let k = articles.len() / 2;
        let rotated: Vec<&Article> = articles[k..].iter().chain(&articles[..k]).collect();
        assert_eq!(
            json(&Timeline::from_articles(rotated, extractor)),
            whole_json,
            "rotating the articles changed the timeline"
        );
    }

    let a_end = articles.len() / 3;
    let b_end = (2 * articles.len()) / 3;
    let ta = Timeline::from_articles(&articles[..a_end], extractor);
    let tb = Timeline::from_articles(&articles[a_end..b_end], extractor);
    let tc = Timeline::from_articles(&articles[b_end..], extractor);

    let ab = ta.merge(&tb);
    assert_eq!(json(&ab), json(&tb.merge(&ta)), "merge is not commutative");
    let ab_c = ab.merge(&tc);
    let a_bc = ta.merge(&tb.merge(&tc));
    assert_eq!(json(&ab_c), json(&a_bc), "merge is not associative");
    assert_eq!(
        json(&ab_c),
        whole_json,
        "merging the timelines of a split is not the timeline of the whole"
    );
    assert_eq!(
        json(&whole.merge(&whole)),
        whole_json,
        "merge is not idempotent"
    );
    assert_eq!(
        json(&whole.merge(&Timeline::default())),
        whole_json,
        "merging with an empty timeline changed it"
    );
}
