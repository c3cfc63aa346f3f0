//! Data-driven event extraction vectors: `tests/data/events*.json`.
//!
//! Each vector is one short text with one expectation: the mention of `kind` whose
//! trigger reads `trigger`, with its participants (each a fold-insensitive
//! substring of some participant; `nobody`: names no participant may contain),
//! place, status, time value and zone; or
//! `absent`, a kind no mention may have. Timexes are given by the vector (text and
//! value) so that the event stage is tested alone; without them the timex stage
//! runs. Every failure is reported; `STORYLINE_FILTER=substring` runs a subset.

use proptest::strategy::Strategy;
use serde::Deserialize;
use storyline::event::{self, EventMention};
use storyline::timex::{self, Anchor, Granularity, Timex, TimexType};
use storyline::{text, Config, Published, Span};

#[derive(Deserialize)]
struct Vector {
    name: String,
    text: String,
    published: Option<String>,
    timexes: Option<Vec<GivenTimex>>,
    expect: Expect,
}

#[derive(Deserialize)]
struct GivenTimex {
    text: String,
    value: String,
}

#[derive(Deserialize)]
struct Expect {
    kind: Option<String>,
    trigger: Option<String>,
    #[serde(default)]
    participants: Vec<String>,
    /// Names no participant may contain (fold-insensitive substrings).
    #[serde(default)]
    nobody: Vec<String>,
    #[serde(default, deserialize_with = "some")]
    place: Option<Option<String>>,
    status: Option<String>,
    #[serde(default, deserialize_with = "some")]
    time: Option<Option<String>>,
    zone: Option<String>,
    absent: Option<String>,
}

/// Tells an absent key (`None`) from an explicit `null` (`Some(None)`).
fn some<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn given_timex(text: &str, g: &GivenTimex) -> Option<Timex> {
    let start = text.find(&g.text)?;
    let v = &g.value;
    let (kind, granularity) = if v.contains('T') {
        (TimexType::Time, Granularity::Minute)
    } else if v.contains('W') {
        (TimexType::Date, Granularity::Week)
    } else {
        match v.len() {
            4 => (TimexType::Date, Granularity::Year),
            7 => (TimexType::Date, Granularity::Month),
            _ => (TimexType::Date, Granularity::Day),
        }
    };
    Some(Timex {
        span: Span::new(start, start + g.text.len()),
        text: g.text.clone(),
        kind,
        value: v.clone(),
        granularity: Some(granularity),
        interval: None,
        modifier: None,
        zone: None,
        anchor: Anchor::Publication,
    })
}

fn describe(text: &str, m: &EventMention) -> String {
    format!(
        "{} [{}] who={:?} place={:?} status={:?} time={:?}",
        m.kind.as_str(),
        m.trigger.slice(text).unwrap_or("?"),
        m.participants.iter().map(|p| &p.name).collect::<Vec<_>>(),
        m.place.as_ref().map(|p| &p.name),
        m.status,
        m.time.as_ref().map(|t| &t.value),
    )
}

fn check(v: &Vector) -> Result<(), String> {
    let published = match &v.published {
        Some(p) => Some(Published::parse(p).map_err(|e| e.to_string())?),
        None => None,
    };
    let config = Config::default();
    let doc = text::segment(&v.text);
    let timexes: Vec<Timex> = match &v.timexes {
        Some(given) => {
            let mut out = Vec::new();
            for g in given {
                out.push(
                    given_timex(&v.text, g)
                        .ok_or_else(|| format!("timex {:?} is not in the text", g.text))?,
                );
            }
            out.sort();
            out
        }
        None => timex::annotate(&doc, published.as_ref(), &config).timexes,
    };
    let mentions = event::extract(&v.name, None, &doc, published.as_ref(), &timexes, &config);
    let all = || {
        mentions
            .iter()
            .map(|m| describe(&v.text, m))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let e = &v.expect;
    if let Some(kind) = &e.absent {
        if let Some(m) = mentions.iter().find(|m| m.kind.as_str() == kind) {
            return Err(format!("expected no {kind}, got {}", describe(&v.text, m)));
        }
        return Ok(());
    }
    let kind = e
        .kind
        .as_deref()
        .ok_or("vector has neither kind nor absent")?;
    let m = mentions
        .iter()
        .find(|m| {
            m.kind.as_str() == kind
                && e.trigger.as_ref().map_or(true, |t| {
                    m.trigger
                        .slice(&v.text)
                        .is_some_and(|s| s.eq_ignore_ascii_case(t))
                })
        })
        .ok_or_else(|| format!("no {kind} {:?}; got: {}", e.trigger, all()))?;
    let mut errs = Vec::new();
    for want in &e.participants {
        if !m
            .participants
            .iter()
            .any(|p| fold(&p.name).contains(&fold(want)))
        {
            errs.push(format!("participant {want:?} missing"));
        }
    }
    for unwanted in &e.nobody {
        if m.participants
            .iter()
            .any(|p| fold(&p.name).contains(&fold(unwanted)))
        {
            errs.push(format!("participant {unwanted:?} unwanted"));
        }
    }
    if let Some(place) = &e.place {
        let got = m.place.as_ref().map(|p| fold(&p.name));
        let ok = match place {
            Some(p) => got.as_ref().is_some_and(|g| g.contains(&fold(p))),
            None => got.is_none(),
        };
        if !ok {
            errs.push(format!("place: want {place:?}"));
        }
    }
    if let Some(status) = &e.status {
        let got = serde_json::to_value(m.status).map_err(|e| e.to_string())?;
        if got.as_str() != Some(status.as_str()) {
            errs.push(format!("status: want {status}"));
        }
    }
    if let Some(time) = &e.time {
        let got = m.time.as_ref().map(|t| t.value.clone());
        if &got != time {
            errs.push(format!("time: want {time:?}"));
        }
    }
    if let Some(zone) = &e.zone {
        if m.time.as_ref().and_then(|t| t.zone.as_deref()) != Some(zone.as_str()) {
            errs.push(format!("zone: want {zone:?}"));
        }
    }
    // Invariants every mention keeps.
    for m in &mentions {
        if m.quote.len() > 200 || !m.sentence.contains(m.trigger) {
            errs.push(format!("bad quote or span: {}", describe(&v.text, m)));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(format!("{}; got {}", errs.join(", "), describe(&v.text, m)))
    }
}

#[test]
fn event_vectors() {
    let filter = std::env::var("STORYLINE_FILTER").unwrap_or_default();
    let files = [include_str!("data/events.json")];
    let mut failures = Vec::new();
    let mut run = 0;
    for file in files {
        let vectors: Vec<Vector> = serde_json::from_str(file).expect("vectors parse");
        for v in vectors.iter().filter(|v| v.name.contains(&filter)) {
            run += 1;
            if let Err(e) = check(v) {
                failures.push(format!("{}: {e}", v.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {run} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(filter.is_empty() || run > 0, "no vector matches {filter:?}");
}

#[test]
fn extraction_never_panics_on_odd_text() {
    let config = Config::default();
    let published = Published::parse("2019-09-25").ok();
    for text in [
        "",
        "“",
        "He met.",
        "met met met with with between and",
        "The the THE of of ’s ’s",
        "On my way to",
        "ÉLYSÉE – Ça va? Он встретился с ним. 会谈 took off at 9:59 PM.",
        "X's Y's Z’s meeting between and",
    ] {
        let doc = text::segment(text);
        let timexes = timex::annotate(&doc, published.as_ref(), &config).timexes;
        let _ = event::extract("x", None, &doc, published.as_ref(), &timexes, &config);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Extraction never panics and keeps its spans inside the text, on any input
    /// built from news-like pieces.
    #[test]
    fn extraction_is_total(parts in proptest::collection::vec(
        proptest::prop_oneof![
            proptest::string::string_regex("[A-Za-zÀ-ÿ’'“”\",.;:–() -]{0,12}").unwrap(),
            proptest::sample::select(vec![
                "met with ", "the ", "his Russian counterpart, ", "President ", "will meet ",
                "received ", "on Wednesday", " who arrived yesterday", "took off at 9:59 PM",
                "\"", "“", "”", ", ", ". ", "\n\n", "Merkel", "Emmanuel Macron", "NATO ",
                "announced the activation of the treaty", "I ", "my ", "on my way to ",
            ]).prop_map(str::to_string),
        ],
        0..40,
    )) {
        let text: String = parts.concat();
        let config = Config::default();
        let published = Published::parse("2019-09-25").ok();
        let doc = text::segment(&text);
        let timexes = timex::annotate(&doc, published.as_ref(), &config).timexes;
        let mentions = event::extract("p", None, &doc, published.as_ref(), &timexes, &config);
        for m in mentions {
            proptest::prop_assert!(m.trigger.slice(&text).is_some());
            proptest::prop_assert!(m.sentence.slice(&text).is_some());
            proptest::prop_assert!(m.quote.len() <= 200);
            for e in &m.evidence() {
                proptest::prop_assert!(e.end <= text.len());
            }
        }
    }
}
