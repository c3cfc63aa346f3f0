//! The bench corpus: at least 5 MB of news text built from the texts in the
//! repository (the seed articles and the news-like articles in `benches/data/`),
//! so `cargo bench` needs nothing from outside.
//!
//! Copies are not verbatim: each copy gets its own id, a publication date shifted
//! by a few days (so relative expressions resolve to other dates), and its body
//! paragraphs after the lead rotated, so sentence order, merge keys and caches see
//! a varied stream rather than one text again and again.
#![allow(dead_code)]

use chrono::{Duration, NaiveDate};
use storyline::{read_jsonl, Article};

const SEEDS: &str = include_str!("../../examples/data/seeds.jsonl");

/// The news-like texts: a `published:` line, an optional `source:` line, then the
/// article as a reader would paste it (headline, byline, dateline, furniture).
const NEWS: &[(&str, &str)] = &[
    ("port-strike", include_str!("../data/port-strike.txt")),
    ("rate-decision", include_str!("../data/rate-decision.txt")),
    ("floods", include_str!("../data/floods.txt")),
    ("transfer", include_str!("../data/transfer.txt")),
    ("trial", include_str!("../data/trial.txt")),
    ("election", include_str!("../data/election.txt")),
];

/// The smallest corpus size, in bytes of article text.
pub const MIN_BYTES: usize = 5 << 20;

/// One base article: id, published string, source, text.
struct Base {
    id: String,
    published: Option<String>,
    source: Option<String>,
    text: String,
}

fn bases() -> Vec<Base> {
    let mut out = Vec::new();
    for a in read_jsonl(SEEDS.as_bytes()).expect("seed articles parse") {
        out.push(Base {
            id: format!("seed{}", a.id),
            published: a.published.map(|p| p.to_string()),
            source: a.source,
            text: a.text,
        });
    }
    for (name, raw) in NEWS {
        let mut published = None;
        let mut source = None;
        let mut rest = *raw;
        while let Some((line, tail)) = rest.split_once('\n') {
            if let Some(v) = line.strip_prefix("published: ") {
                published = Some(v.trim().to_string());
            } else if let Some(v) = line.strip_prefix("source: ") {
                source = Some(v.trim().to_string());
            } else {
                break;
            }
            rest = tail;
        }
        out.push(Base {
            id: (*name).to_string(),
            published,
            source,
            text: rest.to_string(),
        });
    }
    out
}

/// `2019-09-25` or `2019-09-25T10:00:00+02:00` moved by `days`.
fn shift(published: &str, days: i64) -> String {
    let (date, rest) = published.split_at(published.len().min(10));
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => format!("{}{rest}", d + Duration::days(days)),
        Err(_) => published.to_string(),
    }
}

/// Keeps the first `keep` paragraphs (headline, byline, lead) and rotates the rest.
fn rotate(text: &str, keep: usize, by: usize) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    if paras.len() <= keep + 1 {
        return text.to_string();
    }
    let (head, body) = paras.split_at(keep);
    let mut body = body.to_vec();
    let n = body.len();
    body.rotate_left(by % n);
    let mut out = head.join("\n\n");
    for p in body {
        out.push_str("\n\n");
        out.push_str(p);
    }
    out
}

/// The bench corpus: the seeds and the news texts, copied with variations until
/// their text adds up to at least `min_bytes`.
pub fn build(min_bytes: usize) -> Vec<Article> {
    let bases = bases();
    let mut articles = Vec::new();
    let mut bytes = 0;
    let mut copy = 0usize;
    while bytes < min_bytes {
        for b in &bases {
            let text = if copy == 0 {
                b.text.clone()
            } else {
                rotate(&b.text, 3, copy)
            };
            let mut a = Article::new(format!("{}-{copy}", b.id), text);
            if let Some(p) = &b.published {
                // Up to a year later, by 3-day steps.
                let days = ((copy * 3) % 366) as i64;
                a = a
                    .with_published_str(&shift(p, days))
                    .expect("shifted date parses");
            }
            a.source = b.source.clone();
            bytes += a.text.len();
            articles.push(a);
        }
        copy += 1;
    }
    articles
}

/// Total bytes of article text.
pub fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}
