//! Data-driven segmentation vectors: one harness per file in `tests/data/`.
//!
//! - `segment_sentences.json`: text → expected sentences (and, where given,
//!   clauses of one sentence and tokens).
//! - `segment_blocks.json`: page shapes → expected block tags, by block prefix.
//! - `segment_seeds.json`: the five seed articles (embedded from
//!   `examples/data/seeds.jsonl`) → expected block tags.
//!
//! Every harness reports every failing case, not only the first. Set
//! `STORYLINE_FILTER=substring` to run only the cases whose name contains it.

use serde::Deserialize;
use std::collections::HashMap;
use storyline::text::{segment, BlockKind, Document, TokenKind};

const SENTENCES: &str = include_str!("data/segment_sentences.json");
const BLOCKS: &str = include_str!("data/segment_blocks.json");
const SEEDS_EXPECTED: &str = include_str!("data/segment_seeds.json");
const SEEDS: &str = include_str!("../examples/data/seeds.jsonl");

fn selected(name: &str) -> bool {
    match std::env::var("STORYLINE_FILTER") {
        Ok(f) if !f.is_empty() => name.contains(&f),
        _ => true,
    }
}

/// Runs `check` on every selected case and fails with all the failures.
fn run<T>(file: &str, cases: &[T], name: impl Fn(&T) -> &str, check: impl Fn(&T) -> Vec<String>) {
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases {
        if !selected(name(case)) {
            continue;
        }
        ran += 1;
        for f in check(case) {
            failures.push(format!("[{}] {f}", name(case)));
        }
    }
    assert!(
        failures.is_empty(),
        "{file}: {} failure(s) in {ran} case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[derive(Deserialize)]
struct SentenceCase {
    name: String,
    text: String,
    sentences: Vec<String>,
    #[serde(default)]
    clauses: Vec<ClauseExpect>,
    #[serde(default)]
    tokens: Option<Vec<String>>,
    #[serde(default)]
    token_kinds: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct ClauseExpect {
    sentence: usize,
    clauses: Vec<String>,
}

fn kind_name(k: TokenKind) -> &'static str {
    match k {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Punct => "punct",
        TokenKind::Symbol => "symbol",
        _ => "other",
    }
}

#[test]
fn sentence_vectors() {
    let cases: Vec<SentenceCase> =
        serde_json::from_str(SENTENCES).expect("segment_sentences.json parses");
    assert!(cases.len() >= 20);
    run(
        "segment_sentences.json",
        &cases,
        |c| &c.name,
        |c| {
            let doc = segment(&c.text);
            let mut out = Vec::new();
            let got: Vec<&str> = doc.sentences().iter().map(|s| doc.slice(s.span)).collect();
            if got != c.sentences {
                out.push(format!(
                    "sentences\n  want {:?}\n  got  {:?}",
                    c.sentences, got
                ));
            }
            for ce in &c.clauses {
                let Some(s) = doc.sentences().get(ce.sentence) else {
                    out.push(format!("no sentence {}", ce.sentence));
                    continue;
                };
                let got: Vec<&str> = s.clauses.iter().map(|&sp| doc.slice(sp)).collect();
                if got != ce.clauses {
                    out.push(format!(
                        "clauses of sentence {}\n  want {:?}\n  got  {:?}",
                        ce.sentence, ce.clauses, got
                    ));
                }
            }
            if let Some(want) = &c.tokens {
                let got: Vec<&str> = doc.tokens().iter().map(|t| doc.slice(t.span)).collect();
                if &got != want {
                    out.push(format!("tokens\n  want {want:?}\n  got  {got:?}"));
                }
            }
            for (tok, kind) in &c.token_kinds {
                let found = doc.tokens().iter().find(|t| doc.slice(t.span) == tok);
                match found {
                    Some(t) if kind_name(t.kind) == kind => {}
                    Some(t) => out.push(format!(
                        "token {tok:?}: want {kind}, got {}",
                        kind_name(t.kind)
                    )),
                    None => out.push(format!("no token {tok:?}")),
                }
            }
            out
        },
    );
}

#[derive(Deserialize)]
struct BlockCase {
    name: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    seed: Option<String>,
    /// `[prefix, kinds]` in block order; kinds are tag names joined by `|`, or
    /// `news` (headline, body or quote) or `other` (anything else).
    blocks: Vec<(String, String)>,
    /// Whether the list names every block (the default), so the split is checked
    /// too.
    #[serde(default = "yes")]
    complete: bool,
}

fn yes() -> bool {
    true
}

fn kind_matches(want: &str, got: BlockKind) -> bool {
    want.split('|').any(|w| match w.trim() {
        "news" => got.is_news(),
        "other" => !got.is_news(),
        w => w == got.as_str(),
    })
}

fn check_blocks(doc: &Document<'_>, case: &BlockCase) -> Vec<String> {
    let mut out = Vec::new();
    let blocks = doc.blocks();
    let mut at = 0;
    for (prefix, want) in &case.blocks {
        let found =
            (at..blocks.len()).find(|&i| doc.slice(blocks[i].span).starts_with(prefix.as_str()));
        let Some(i) = found else {
            out.push(format!("no block (from #{at}) starts with {prefix:?}"));
            continue;
        };
        if case.complete && i != at {
            for b in &blocks[at..i] {
                out.push(format!(
                    "unlisted block before {prefix:?}: [{}] {:?}",
                    b.kind.as_str(),
                    short(doc.slice(b.span))
                ));
            }
        }
        if !kind_matches(want, blocks[i].kind) {
            out.push(format!(
                "block {:?}: want {want}, got {}",
                short(doc.slice(blocks[i].span)),
                blocks[i].kind.as_str()
            ));
        }
        at = i + 1;
    }
    if case.complete {
        for b in &blocks[at.min(blocks.len())..] {
            out.push(format!(
                "unlisted block at the end: [{}] {:?}",
                b.kind.as_str(),
                short(doc.slice(b.span))
            ));
        }
    }
    out
}

fn short(s: &str) -> String {
    s.chars().take(60).collect()
}

#[test]
fn block_vectors() {
    let cases: Vec<BlockCase> = serde_json::from_str(BLOCKS).expect("segment_blocks.json parses");
    assert!(cases.len() >= 10);
    run(
        "segment_blocks.json",
        &cases,
        |c| &c.name,
        |c| check_blocks(&segment(&c.text), c),
    );
}

#[test]
fn seed_vectors() {
    let cases: Vec<BlockCase> =
        serde_json::from_str(SEEDS_EXPECTED).expect("segment_seeds.json parses");
    let articles = storyline::read_jsonl(SEEDS.as_bytes()).expect("seeds parse");
    let texts: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(cases.len(), 5);
    run(
        "segment_seeds.json",
        &cases,
        |c| &c.name,
        |c| {
            let id = c.seed.as_deref().unwrap_or("");
            match texts.get(id) {
                Some(text) => check_blocks(&segment(text), c),
                None => vec![format!("no seed {id:?}")],
            }
        },
    );
}
