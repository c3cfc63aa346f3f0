//! Property tests for segmentation: on any string it never panics, and every
//! span slices the text on char boundaries, in order, without overlap; sentences
//! lie inside their block, tokens inside their sentence, and clauses cover their
//! sentence.

use proptest::prelude::*;
use storyline::text::{segment, Document};
use storyline::Span;

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = segment(text);
    check_doc(text, &doc)
}

fn on_text(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start < span.end,
        "{what} {span:?} is empty in {text:?}"
    );
    prop_assert!(
        text.get(span.range()).is_some(),
        "{what} {span:?} is not on char boundaries of {text:?}"
    );
    Ok(())
}

fn check_doc(text: &str, doc: &Document<'_>) -> Result<(), TestCaseError> {
    let blocks = doc.blocks();
    let sentences = doc.sentences();
    let tokens = doc.tokens();

    // Blocks: in order, apart, and their sentence ranges tile the sentences.
    let mut next_sentence = 0;
    let mut prev_end = 0;
    for (i, b) in blocks.iter().enumerate() {
        on_text(text, b.span, "block")?;
        prop_assert!(
            b.span.start >= prev_end,
            "block {i} overlaps the one before"
        );
        prev_end = b.span.end;
        prop_assert_eq!(b.sentences.start, next_sentence, "block {} sentences", i);
        prop_assert!(b.sentences.end >= b.sentences.start);
        next_sentence = b.sentences.end;
        for s in &sentences[b.sentences.clone()] {
            prop_assert_eq!(s.block, i);
            prop_assert!(b.span.contains(s.span), "sentence outside its block");
        }
    }
    prop_assert_eq!(next_sentence, sentences.len());

    // Sentences: in order, apart; token ranges tile the tokens; clauses cover.
    let mut next_token = 0;
    let mut prev_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        on_text(text, s.span, "sentence")?;
        prop_assert!(
            s.span.start >= prev_end,
            "sentence {i} overlaps the one before"
        );
        prev_end = s.span.end;
        prop_assert_eq!(doc.sentence_at(s.span.start), Some(i));
        prop_assert_eq!(s.tokens.start, next_token);
        prop_assert!(s.tokens.end > s.tokens.start, "sentence {i} has no token");
        next_token = s.tokens.end;
        let toks = &tokens[s.tokens.clone()];
        prop_assert_eq!(toks[0].span.start, s.span.start);
        prop_assert_eq!(toks[toks.len() - 1].span.end, s.span.end);
        for t in toks {
            prop_assert!(s.span.contains(t.span), "token outside its sentence");
        }

        prop_assert!(!s.clauses.is_empty(), "sentence {i} has no clause");
        prop_assert_eq!(s.clauses[0].start, s.span.start);
        prop_assert_eq!(s.clauses[s.clauses.len() - 1].end, s.span.end);
        let mut ti = 0;
        for (c, clause) in s.clauses.iter().enumerate() {
            on_text(text, *clause, "clause")?;
            if c > 0 {
                prop_assert!(clause.start >= s.clauses[c - 1].end, "clauses overlap");
            }
            // Each clause starts and ends on token edges, taking the next tokens.
            prop_assert_eq!(toks.get(ti).map(|t| t.span.start), Some(clause.start));
            while ti < toks.len() && toks[ti].span.end <= clause.end {
                prop_assert!(clause.contains(toks[ti].span));
                ti += 1;
            }
            prop_assert_eq!(toks[ti - 1].span.end, clause.end);
        }
        prop_assert_eq!(ti, toks.len(), "clauses leave tokens out");
    }
    prop_assert_eq!(next_token, tokens.len());

    // Tokens: in order, apart, no white space inside their edges.
    let mut prev_end = 0;
    for t in tokens {
        on_text(text, t.span, "token")?;
        prop_assert!(t.span.start >= prev_end, "tokens overlap");
        prev_end = t.span.end;
        let s = doc.slice(t.span);
        prop_assert!(!s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace));
    }
    Ok(())
}

/// Pieces of news pages: words, abbreviations, marks, quotes, bullets, line
/// breaks, furniture, odd characters.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "The",
        "minister",
        "said",
        "Mr.",
        "U.S.",
        "a.m.",
        "No.",
        "2",
        "3.5",
        "9:59",
        "Sept.",
        "S.",
        "Inc.",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "...",
        "…",
        "“",
        "”",
        "\"",
        "'",
        "``",
        "''",
        "(AP)",
        "_",
        "–",
        "—",
        "-",
        "•",
        "*",
        "1.",
        "\n",
        "\n\n",
        "  ",
        "\t",
        "\r\n",
        "\r",
        "Advertisement",
        "Leave a Reply",
        "3 thoughts on",
        "File photo",
        "/ Via",
        "Tags:",
        "More Articles",
        "he",
        "that",
        "who",
        "but",
        "and",
        "NAIROBI,",
        "WASHINGTON",
        "é",
        "e\u{301}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{202E}",
        "\u{0}",
        "\u{7}",
        "東京",
        "。",
        "👍🏽",
        "👨\u{200D}👩",
        "\u{200D}",
        "\u{FE0F}",
        "@",
        "x@y.com",
        "http://a.b",
        "’",
        "‘",
        "«",
        "»",
        "¿",
        "[",
        "]",
        "(",
        ")",
        "\u{2028}",
        "\u{85}",
    ])
}

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::ANY), 0..80).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn newsy_strings(text in newsy()) {
        check(&text)?;
    }

    #[test]
    fn control_and_bidi(text in "[\\x00-\\x1f\\u{202a}-\\u{202e}\\u{2066}-\\u{2069} a.\n•“”]{0,200}") {
        check(&text)?;
    }
}

#[test]
fn edge_strings() {
    for text in [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        ".",
        "...",
        "•",
        "• ",
        "- -",
        "1.",
        "\u{0}",
        "\u{FEFF}",
        "a\rb\rc",
        "e\u{301}",
        "\u{301}",
        "👍🏽",
        "Mr.",
        "U.S.",
        "“",
        "'''",
        "(AP)_",
        "NAIROBI, Kenya (AP) _",
        "3 thoughts on",
        "x\n\n3 thoughts on\n\ny",
    ] {
        let r = check(text);
        assert!(r.is_ok(), "{text:?}: {r:?}");
    }
}

#[test]
fn long_inputs_stay_linear() {
    // A 100,000-word sentence and many tiny blocks: finishes fast in a debug
    // build only when nothing is quadratic.
    let sentence = "word ".repeat(100_000);
    let doc = segment(&sentence);
    assert_eq!(doc.sentences().len(), 1);
    assert_eq!(doc.tokens().len(), 100_000);
    let blocks = "• a\n\n".repeat(50_000);
    let doc = segment(&blocks);
    assert_eq!(doc.blocks().len(), 50_000);
    let commas = "x, but y".repeat(50_000);
    let doc = segment(&commas);
    assert!(doc.sentences()[0].clauses.len() >= 50_000);
}
