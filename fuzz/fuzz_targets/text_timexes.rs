//! Text -> timexes (and events): arbitrary bytes, read as UTF-8 lossily, with an
//! arbitrary publication date (from 0001-01-01 and 9999-12-31 to chrono's extremes),
//! direction policy and limits, through the public per-article entry points.
//!
//! Checks: no panic; every span in bounds and on char boundaries; timexes in order,
//! within the expression limit and the year range; extraction is deterministic and
//! survives a JSON round trip; `resolve_phrase` on the text and on each found
//! expression does not panic and stays inside the phrase.
#![no_main]

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use libfuzzer_sys::fuzz_target;
use storyline::{text, timex, Article, Config, Extraction, Extractor, Prefer, Published};

#[path = "../../tests/robust_support/mod.rs"]
mod support;

const HEADER: usize = 10;

fn date(raw: i32, extreme: bool) -> NaiveDate {
    if extreme {
        return match raw.rem_euclid(5) {
            0 => NaiveDate::MIN,
            1 => NaiveDate::MAX,
            2 => NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN),
            3 => NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX),
            _ => NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN),
        };
    }
    NaiveDate::from_num_days_from_ce_opt(raw)
        .or_else(|| NaiveDate::from_num_days_from_ce_opt(1 + raw.rem_euclid(3_652_059)))
        .unwrap_or(NaiveDate::MIN)
}

fn published(flags: u8, h: &[u8]) -> Option<Published> {
    let raw = i32::from_le_bytes([h[1], h[2], h[3], h[4]]);
    let d = date(raw, flags & 0x80 != 0);
    let secs = u32::from_le_bytes([h[5], h[6], h[7], 0]) % 86_400;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or(NaiveTime::MIN);
    let dt = NaiveDateTime::new(d, time);
    let off = i32::from(i16::from_le_bytes([h[8], h[9]])) * 3 % 86_400;
    match (flags >> 2) & 3 {
        0 => None,
        1 => Some(Published::Date(d)),
        2 => Some(Published::Local(dt)),
        _ => FixedOffset::east_opt(off)
            .and_then(|o| dt.and_local_timezone(o).single())
            .map(Published::Zoned),
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < HEADER {
        return;
    }
    let (h, body) = data.split_at(HEADER);
    let flags = h[0];
    let prefer = match flags & 3 {
        0 => Prefer::Tense,
        1 => Prefer::Past,
        2 => Prefer::Future,
        _ => Prefer::Nearest,
    };
    let mut config = Config::default().prefer(prefer);
    if flags & 0x10 != 0 {
        config = config.max_article_bytes(usize::from(h[9]) * 4);
    }
    if flags & 0x20 != 0 {
        config = config.max_expression_bytes(usize::from(h[8] % 32));
    }
    if flags & 0x40 != 0 {
        config = config.year_range(1900 + i32::from(h[1] % 100), 2000 + i32::from(h[2] % 100));
    }
    let text = String::from_utf8_lossy(body).into_owned();
    let published = published(flags, h);

    let doc = text::segment(&text);
    support::check_document(&text, &doc);
    let annotation = timex::annotate(&doc, published.as_ref(), &config);
    support::check_timexes(&text, &annotation.timexes, &config);

    let mut article = Article::new("fuzz", text.clone());
    article.published = published;
    let extractor = Extractor::new(config.clone());
    let (timexes, diagnostics) = extractor.timexes(&article);
    support::check_timexes(&text, &timexes, &config);
    for d in &diagnostics {
        if let Some(span) = d.span {
            support::check_span(&text, span, "timex diagnostic");
        }
    }
    let x = extractor.extract(&article);
    support::check_extraction(&article, &x, &config);
    assert_eq!(
        x,
        extractor.extract(&article),
        "extraction is not deterministic"
    );
    let s = serde_json::to_string(&x).expect("an extraction serializes");
    let back: Extraction = serde_json::from_str(&s).expect("an extraction reads back");
    assert_eq!(back, x, "an extraction changed through JSON");

    let reference = published
        .map(|p| {
            p.datetime()
                .unwrap_or_else(|| p.date().and_time(NaiveTime::MIN))
        })
        .unwrap_or_else(|| {
            date(i32::from_le_bytes([h[1], h[2], h[3], h[4]]), false).and_time(NaiveTime::MIN)
        });
    let mut phrases: Vec<&str> = timexes.iter().map(|t| t.text.as_str()).collect();
    if text.len() <= 256 {
        phrases.push(&text);
    }
    for phrase in phrases {
        if let Some(t) = timex::resolve_phrase(phrase, reference, prefer) {
            support::check_span(phrase, t.span, "resolve_phrase span");
            assert!(!t.value.is_empty(), "resolve_phrase gave an empty value");
        }
    }
});
