//! TimeML export: well-formed XML, the `<TEXT>` content is the article byte for
//! byte, TIMEX3 elements sit exactly on the timex spans, EVENTs never overlap them.
//!
//! Cases are in `tests/data/timeml.json`; every failing case is reported, and
//! `STORYLINE_FILTER=name` runs only the cases whose name contains `name`.

use serde::Deserialize;
use storyline::event::EventTime;
use storyline::output::timeml;
use storyline::timex::{Anchor, Granularity};
use storyline::{Article, EventKind, EventMention, Extractor, Span, Status, Timex, TimexType};

/// `[start, end, kind, status, timex span or null]`.
type EventRow = (usize, usize, EventKind, Status, Option<(usize, usize)>);
/// Attributes in document order.
type Attrs = Vec<(String, String)>;
/// An element inside `<TEXT>`: tag, start, end, attributes.
type Element = (String, usize, usize, Attrs);
/// An open element: tag, start in the text, attributes.
type Open = (String, usize, Attrs);

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    published: Option<String>,
    /// `[start, end, type, value]`.
    timexes: Vec<(usize, usize, String, String)>,
    events: Vec<EventRow>,
    kept_timexes: usize,
    kept_events: usize,
    tlinks: usize,
}

/// What a small XML reader makes of a document: problems, the plain text of
/// `<TEXT>` (as bytes), and the byte spans of the elements inside it.
#[derive(Default, Debug)]
struct Parsed {
    problems: Vec<String>,
    text: Vec<u8>,
    elements: Vec<Element>,
    dct: Option<Attrs>,
    /// Tags outside `<TEXT>`: (name, attributes).
    others: Vec<(String, Attrs)>,
}

fn unescape(s: &str, problems: &mut Vec<String>) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';') else {
            problems.push(format!("bare & in {s:?}"));
            return out;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => problems.push(format!("bad reference &{name};")),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn valid_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

fn parse(xml: &str) -> Parsed {
    let mut p = Parsed::default();
    let body = match xml.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {
        Some(b) => b,
        None => {
            p.problems.push("no XML declaration".to_owned());
            xml
        }
    };
    let mut stack: Vec<Open> = Vec::new();
    let mut roots = 0;
    let mut rest = body;
    let in_text = |stack: &[Open]| stack.iter().any(|(n, _, _)| n == "TEXT");
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let chunk = &rest[..lt];
        if let Some(c) = chunk.chars().find(|&c| !valid_xml_char(c)) {
            p.problems.push(format!("invalid character {c:?} in text"));
        }
        if chunk.contains('>') {
            p.problems.push("raw > in text".to_owned());
        }
        let text = unescape(chunk, &mut p.problems);
        if in_text(&stack) {
            p.text.extend_from_slice(text.as_bytes());
        } else if stack.is_empty() && !text.trim().is_empty() {
            p.problems.push(format!("text outside the root: {text:?}"));
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let Some(gt) = rest.find('>') else {
            p.problems.push("unterminated tag".to_owned());
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some((open, start, attrs)) if open == name => {
                    if in_text(&stack) {
                        p.elements
                            .push((open.clone(), start, p.text.len(), attrs.clone()));
                    } else if open == "TIMEX3" && stack.last().is_some_and(|s| s.0 == "DCT") {
                        p.dct = Some(attrs);
                    }
                }
                other => p.problems.push(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        if name.is_empty() {
            p.problems.push(format!("bad tag <{tag}>"));
            continue;
        }
        let mut attrs = Vec::new();
        let mut a = tag[name.len()..].trim_start();
        while !a.is_empty() {
            let Some(eq) = a.find("=\"") else {
                p.problems.push(format!("bad attributes in <{tag}>"));
                break;
            };
            let key = a[..eq].trim().to_owned();
            let after = &a[eq + 2..];
            let Some(close) = after.find('"') else {
                p.problems.push(format!("unclosed attribute in <{tag}>"));
                break;
            };
            let raw = &after[..close];
            if raw.contains('<') {
                p.problems.push(format!("< in attribute of <{tag}>"));
            }
            if attrs.iter().any(|(k, _)| *k == key) {
                p.problems.push(format!("repeated attribute {key}"));
            }
            attrs.push((key, unescape(raw, &mut p.problems)));
            a = after[close + 1..].trim_start();
        }
        if stack.is_empty() {
            roots += 1;
        }
        if !in_text(&stack) && name != "TEXT" {
            p.others.push((name.clone(), attrs.clone()));
        }
        if self_closing {
            continue;
        }
        stack.push((name, p.text.len(), attrs));
    }
    if !stack.is_empty() {
        p.problems.push(format!(
            "left open: {:?}",
            stack.iter().map(|s| &s.0).collect::<Vec<_>>()
        ));
    }
    if roots != 1 {
        p.problems.push(format!("{roots} root elements"));
    }
    p
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The text a TimeML reader gets back: controls XML cannot hold become spaces,
/// U+FFFE/U+FFFF become U+FFFD; everything else is the article.
fn expected_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 => ' ',
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Checks one exported document against its inputs; returns the problems.
fn check(article: &Article, timexes: &[Timex], xml: &str) -> (Parsed, Vec<String>) {
    let parsed = parse(xml);
    let mut problems = parsed.problems.clone();
    if parsed.text != expected_text(&article.text).as_bytes() {
        problems.push(format!(
            "TEXT differs from the article: {:?}",
            String::from_utf8_lossy(&parsed.text)
        ));
    }
    for (tag, start, end, attrs) in &parsed.elements {
        match tag.as_str() {
            "TIMEX3" => {
                let found = timexes.iter().find(|t| t.span == Span::new(*start, *end));
                match found {
                    None => problems.push(format!("TIMEX3 at {start}..{end} is no timex span")),
                    Some(t) => {
                        if attr(attrs, "value") != Some(t.value.as_str())
                            || attr(attrs, "type") != Some(t.kind.as_str())
                        {
                            problems.push(format!("TIMEX3 at {start}..{end}: {attrs:?}"));
                        }
                    }
                }
                if attr(attrs, "tid").is_none() {
                    problems.push("TIMEX3 without tid".to_owned());
                }
            }
            "EVENT" => {
                if attr(attrs, "eid").is_none() || attr(attrs, "class").is_none() {
                    problems.push(format!("EVENT without eid or class: {attrs:?}"));
                }
            }
            other => problems.push(format!("unexpected <{other}> in TEXT")),
        }
    }
    match (&article.published, &parsed.dct) {
        (Some(p), Some(attrs)) => {
            let value = attr(attrs, "value").unwrap_or("");
            let want = match p.datetime() {
                Some(dt) => dt.format("%Y-%m-%dT%H:%M").to_string(),
                None => p.date().format("%Y-%m-%d").to_string(),
            };
            if attr(attrs, "functionInDocument") != Some("CREATION_TIME")
                || !value.starts_with(&want)
            {
                problems.push(format!("DCT {attrs:?}"));
            }
        }
        (Some(_), None) => problems.push("no DCT TIMEX3".to_owned()),
        (None, Some(_)) => problems.push("a DCT without a publication date".to_owned()),
        (None, None) => {}
    }
    (parsed, problems)
}

fn timex(start: usize, end: usize, kind: &str, value: &str, text: &str) -> Timex {
    Timex {
        span: Span::new(start, end),
        text: text.get(start..end).unwrap_or("").to_owned(),
        kind: match kind {
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            _ => TimexType::Date,
        },
        value: value.to_owned(),
        granularity: None,
        interval: None,
        modifier: None,
        zone: None,
        anchor: Anchor::Publication,
    }
}

#[test]
fn timeml_cases() {
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("data/timeml.json")).expect("tests/data/timeml.json");
    let filter = std::env::var("STORYLINE_FILTER").unwrap_or_default();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases.iter().filter(|c| c.name.contains(&filter)) {
        ran += 1;
        let mut article = Article::new(case.name.clone(), case.text.clone());
        if let Some(p) = &case.published {
            article = article.with_published_str(p).expect("published");
        }
        let timexes: Vec<Timex> = case
            .timexes
            .iter()
            .map(|(s, e, k, v)| timex(*s, *e, k, v, &case.text))
            .collect();
        let events: Vec<EventMention> = case
            .events
            .iter()
            .map(|(s, e, kind, status, link)| EventMention {
                article: case.name.as_str().into(),
                source: None,
                published: case.published.as_deref().map(Into::into),
                kind: *kind,
                trigger: Span::new(*s, *e),
                sentence: Span::new(0, case.text.len()),
                participants: Vec::new(),
                place: None,
                status: *status,
                time: link
                    .map(|(a, b)| EventTime {
                        value: "2015".to_owned(),
                        granularity: Granularity::Year,
                        interval: None,
                        zone: None,
                        timex: Some(Span::new(a, b)),
                    })
                    .map(Box::new),
                quote: "".into(),
            })
            .collect();
        let xml = timeml::article_to_timeml(&article, &timexes, &events);
        let (parsed, problems) = check(&article, &timexes, &xml);
        for p in problems {
            failures.push(format!("{}: {p}", case.name));
        }
        let count = |tag: &str| parsed.elements.iter().filter(|e| e.0 == tag).count();
        let others = |tag: &str| parsed.others.iter().filter(|e| e.0 == tag).count();
        let got = (count("TIMEX3"), count("EVENT"), others("TLINK"));
        let want = (case.kept_timexes, case.kept_events, case.tlinks);
        if got != want {
            failures.push(format!(
                "{}: (timexes, events, tlinks) = {got:?}, want {want:?}",
                case.name
            ));
        }
        if others("MAKEINSTANCE") != count("EVENT") {
            failures.push(format!("{}: one MAKEINSTANCE per EVENT", case.name));
        }
        let negated = parsed
            .others
            .iter()
            .filter(|(n, a)| n == "MAKEINSTANCE" && attr(a, "polarity") == Some("NEG"))
            .count();
        let want_neg = case.name.starts_with("bad_spans") as usize;
        if negated != want_neg {
            failures.push(format!("{}: {negated} NEG instances", case.name));
        }
    }
    assert!(ran > 0, "no case matches STORYLINE_FILTER={filter:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The whole pipeline on the embedded seed articles: whatever the stages find,
/// the export stays well-formed and its TIMEX3 spans are the timexes' spans.
#[test]
fn seed_articles_export_cleanly() {
    let seeds = include_str!("../examples/data/seeds.jsonl");
    let extractor = Extractor::default();
    let mut failures = Vec::new();
    for article in storyline::JsonLines::new(seeds.as_bytes()) {
        let article = article.expect("seed article");
        let extraction = extractor.extract(&article);
        let timexes = &extraction.record.timexes;
        let xml = timeml::article_to_timeml(&article, timexes, &extraction.events);
        let (parsed, problems) = check(&article, timexes, &xml);
        for p in problems {
            failures.push(format!("{}: {p}", article.id));
        }
        // Timexes never overlap each other, so every one must be exported.
        let exported = parsed.elements.iter().filter(|e| e.0 == "TIMEX3").count();
        let valid = timexes
            .iter()
            .filter(|t| !t.span.is_empty() && t.span.slice(&article.text).is_some())
            .count();
        if exported != valid {
            failures.push(format!(
                "{}: {exported} TIMEX3 exported of {valid} timexes",
                article.id
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn file_stems_cannot_escape_the_folder() {
    let mut failures = Vec::new();
    for id in ["../../etc/passwd", "a/b", "", ".", "..", "CON", "x\0y", "é"] {
        let stem = timeml::file_stem(id);
        if stem.is_empty()
            || stem.starts_with('.')
            || !stem
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        {
            failures.push(format!("{id:?} -> {stem:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn status_is_kept_on_instances() {
    let article = Article::new("s", "They will not meet.");
    let mut m = EventMention {
        article: "s".into(),
        source: None,
        published: None,
        kind: EventKind::Meeting,
        trigger: Span::new(14, 18),
        sentence: Span::new(0, 19),
        participants: Vec::new(),
        place: None,
        status: Status::Planned,
        time: None,
        quote: "".into(),
    };
    let xml = timeml::article_to_timeml(&article, &[], std::slice::from_ref(&m));
    assert!(xml.contains("modality=\"will\""), "{xml}");
    m.status = Status::Negated;
    let xml = timeml::article_to_timeml(&article, &[], &[m]);
    assert!(xml.contains("polarity=\"NEG\""), "{xml}");
    assert!(xml.contains("<DCT></DCT>"), "{xml}");
}
