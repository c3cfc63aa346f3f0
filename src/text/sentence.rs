//! Sentences and clauses over the tokens of one block.
//!
//! Sentence ends are decided on tokens, left to right, each looking at most at
//! its neighbours (linear time):
//!
//! - `!`, `?` (and CJK full stops) end a sentence unless a lower-case word follows
//!   (`“Why?” he asked`).
//! - A period ends a sentence when the next token looks like a sentence start
//!   (capital, digit, opening quote). Not after a title ("Mr.", "Gen."), not after
//!   "No." before a number, not after an initial before a name ("Dmitry S.
//!   Peskov"); after a month ("Sept.") or a general abbreviation ("Inc.") only
//!   when a usual sentence starter follows ("The", "He"). Initialisms that carry
//!   their period ("U.S.", "a.m.") behave like general abbreviations.
//! - An ellipsis ends a sentence before a capital.
//! - Closing quotes and brackets right after the end mark belong to the sentence
//!   that ends (`... regime.”`).
//! - A wire dateline at the start of a block ("NAIROBI, Kenya (AP) _",
//!   "CARACAS, Venezuela –") is a sentence of its own.
//!
//! Clauses are a heuristic: a new clause opens after `;` and `:`, at a word after
//! a comma that opens a finite clause (", but", ", while", ", where", ", who",
//! ", and he"), at the attribution after a closing quote (`,” he said`) and at
//! "that" or a subject pronoun right after a speech verb ("said that", "said he").
//! Clauses always cover their sentence's tokens, in order.

use super::lexicon::{lexicon, Abbrev, Lexicon};
use super::{Sentence, Token, TokenKind};
use crate::Span;

/// Appends the sentences of one block, whose tokens are `tokens[first..]`, to
/// `out`.
///
/// `spare` holds empty clause vectors of earlier documents: each sentence takes
/// its clause list from there while there are some (see [`super::segment`]).
pub(crate) fn split(
    text: &str,
    tokens: &[Token],
    first: usize,
    block: usize,
    out: &mut Vec<Sentence>,
    spare: &mut Vec<Vec<Span>>,
) {
    let lx = lexicon();
    let toks = tokens.get(first..).unwrap_or(&[]);
    let n = toks.len();
    if n == 0 {
        return;
    }
    let mut start = 0;
    if let Some(k) = dateline_end(text, toks) {
        push(text, toks, first, 0, k + 1, block, lx, out, spare);
        start = k + 1;
    }
    let mut i = start;
    while i < n {
        match sentence_end(text, toks, i, lx) {
            Some(last) if last + 1 < n => {
                push(text, toks, first, start, last + 1, block, lx, out, spare);
                start = last + 1;
                i = last + 1;
            }
            Some(_) => break,
            None => i += 1,
        }
    }
    if start < n {
        push(text, toks, first, start, n, block, lx, out, spare);
    }
}

#[allow(clippy::too_many_arguments)]
fn push(
    text: &str,
    toks: &[Token],
    first: usize,
    from: usize,
    to: usize,
    block: usize,
    lx: &Lexicon,
    out: &mut Vec<Sentence>,
    spare: &mut Vec<Vec<Span>>,
) {
    let Some(sent) = toks.get(from..to) else {
        return;
    };
    let (Some(a), Some(b)) = (sent.first(), sent.last()) else {
        return;
    };
    let mut list = spare.pop().unwrap_or_default();
    clauses(text, sent, lx, &mut list);
    out.push(Sentence {
        span: Span::new(a.span.start, b.span.end),
        block,
        clauses: list,
        tokens: first + from..first + to,
    });
}

#[inline]
fn s<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.span.range()).unwrap_or("")
}

fn first_char(text: &str, t: &Token) -> char {
    s(text, t).chars().next().unwrap_or(' ')
}

fn is_closer(tok: &str) -> bool {
    matches!(
        tok,
        "”" | "’" | "\"" | "'" | "''" | ")" | "]" | "}" | "»" | "›" | "」" | "』" | "）"
    )
}

fn is_opener(tok: &str) -> bool {
    matches!(
        tok,
        "“" | "‘" | "\"" | "'" | "``" | "(" | "[" | "«" | "‹" | "„" | "¿" | "¡" | "「" | "『"
    )
}

fn is_dash(tok: &str) -> bool {
    matches!(tok, "_" | "__" | "-" | "--" | "---" | "–" | "—" | "―")
}

/// Whether a token can open a sentence: anything but a lower-case word or a mark
/// that continues the sentence before.
fn can_start(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => !first_char(text, t).is_lowercase(),
        TokenKind::Number | TokenKind::Symbol => true,
        TokenKind::Punct => !matches!(
            s(text, t),
            "," | ";" | ":" | "." | ")" | "]" | "}" | "”" | "’" | "»" | "›" | "!" | "?" | "%"
        ),
    }
}

/// Whether a token is a capitalized usual sentence starter ("The", "He") or an
/// opening quote.
fn strong_start(text: &str, t: &Token, lx: &Lexicon) -> bool {
    match t.kind {
        TokenKind::Word => first_char(text, t).is_uppercase() && lx.is_starter(s(text, t)),
        TokenKind::Punct => matches!(s(text, t), "“" | "\"" | "‘" | "``" | "«" | "„"),
        _ => false,
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum End {
    Strong,
    Period,
    Ellipsis,
    Dotted,
}

/// If a sentence ends at token `i`, the index of its last token (closing quotes
/// included).
fn sentence_end(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<usize> {
    let t = toks.get(i)?;
    let bytes = text.as_bytes();
    // Cheap rejection on the first or last byte: most tokens end nothing.
    match t.kind {
        TokenKind::Punct => {
            let first = *bytes.get(t.span.start)?;
            if !matches!(first, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF) {
                return None;
            }
        }
        TokenKind::Word => {
            if t.span.len() < 2 || bytes.get(t.span.end.checked_sub(1)?) != Some(&b'.') {
                return None;
            }
        }
        _ => return None,
    }
    let ts = s(text, t);
    let end = match t.kind {
        TokenKind::Punct => {
            if ts == "." {
                End::Period
            } else if ts.starts_with("..") || ts == "…" {
                End::Ellipsis
            } else if ts.starts_with(['!', '?']) || matches!(ts, "。" | "！" | "？" | "‼" | "⁇")
            {
                End::Strong
            } else {
                return None;
            }
        }
        TokenKind::Word if ts.len() > 1 && ts.ends_with('.') => End::Dotted,
        _ => return None,
    };
    let mut last = i;
    while let (Some(cur), Some(nt)) = (toks.get(last), toks.get(last + 1)) {
        if nt.span.start == cur.span.end && is_closer(s(text, nt)) {
            last += 1;
        } else {
            break;
        }
    }
    let Some(next) = toks.get(last + 1) else {
        return Some(last);
    };
    if !can_start(text, next) {
        return None;
    }
    match end {
        End::Strong => Some(last),
        End::Ellipsis => {
            // "[...]" marks words left out of a quote, not an end.
            let bracketed = i
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.span.end == t.span.start && matches!(s(text, p), "[" | "("));
            if bracketed {
                return None;
            }
            let ok = match next.kind {
                TokenKind::Word => first_char(text, next).is_uppercase(),
                TokenKind::Punct => is_opener(s(text, next)),
                _ => false,
            };
            ok.then_some(last)
        }
        End::Dotted => strong_start(text, next, lx).then_some(last),
        End::Period => {
            let prev = i.checked_sub(1).and_then(|p| toks.get(p));
            let prev = prev.filter(|p| p.span.end == t.span.start && p.kind == TokenKind::Word);
            if let Some(p) = prev {
                let w = s(text, p);
                let mut chars = w.chars();
                let initial =
                    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
                if initial {
                    let name_follows = next.kind == TokenKind::Word
                        && first_char(text, next).is_uppercase()
                        && !lx.is_starter(s(text, next));
                    return (!name_follows).then_some(last);
                }
                match lx.abbrev(w) {
                    Some(Abbrev::Title) => return None,
                    Some(Abbrev::Number) if next.kind == TokenKind::Number => return None,
                    Some(Abbrev::Month | Abbrev::General) => {
                        return strong_start(text, next, lx).then_some(last)
                    }
                    _ => {}
                }
            }
            Some(last)
        }
    }
}

/// The index of the dash that closes a wire dateline at the start of a block
/// ("NAIROBI, Kenya (AP) _", "WASHINGTON, Aug. 8 (Xinhua) --", "HAVANA TIMES –"),
/// when a capitalized sentence follows it.
fn dateline_end(text: &str, toks: &[Token]) -> Option<usize> {
    let first = toks.first()?;
    let fs = s(text, first);
    if first.kind != TokenKind::Word
        || fs.chars().filter(|c| c.is_alphabetic()).count() < 2
        || fs.chars().any(char::is_lowercase)
    {
        return None;
    }
    for (k, t) in toks.iter().enumerate().take(16).skip(1) {
        let ts = s(text, t);
        match t.kind {
            TokenKind::Word => {
                if first_char(text, t).is_lowercase()
                    && !matches!(ts, "de" | "del" | "la" | "el" | "es")
                {
                    return None;
                }
            }
            TokenKind::Number => {}
            TokenKind::Punct if is_dash(ts) => {
                let Some(next) = toks.get(k + 1) else {
                    return Some(k);
                };
                let starts = match next.kind {
                    TokenKind::Word => !first_char(text, next).is_lowercase(),
                    TokenKind::Punct => is_opener(s(text, next)),
                    _ => true,
                };
                return starts.then_some(k);
            }
            TokenKind::Punct if matches!(ts, "," | "(" | ")" | "." | "/") => {}
            _ => return None,
        }
    }
    None
}

/// Clause spans of one sentence's tokens (see the module docs), appended to
/// `out` (empty).
fn clauses(text: &str, toks: &[Token], lx: &Lexicon, out: &mut Vec<Span>) {
    let n = toks.len();
    let mut from = 0;
    let cut = |at: usize, from: &mut usize, out: &mut Vec<Span>| {
        if at > *from && at < n {
            if let (Some(a), Some(b)) = (toks.get(*from), toks.get(at - 1)) {
                out.push(Span::new(a.span.start, b.span.end));
                *from = at;
            }
        }
    };
    let bytes = text.as_bytes();
    for k in 0..n {
        let t = &toks[k];
        match t.kind {
            TokenKind::Punct => {
                if t.span.len() != 1 {
                    continue;
                }
                let b = bytes.get(t.span.start).copied().unwrap_or(0);
                if b == b';' || b == b':' {
                    cut(k + 1, &mut from, out);
                } else if b == b',' {
                    let mut m = k + 1;
                    while toks.get(m).is_some_and(|q| is_closer(s(text, q))) {
                        m += 1;
                    }
                    let Some(w) = toks.get(m).filter(|w| w.kind == TokenKind::Word) else {
                        continue;
                    };
                    let ws = s(text, w);
                    let attribution = m > k + 1 && first_char(text, w).is_lowercase();
                    let opens = attribution
                        || lx.is_after_comma(ws)
                        || (lx.is_coord(ws)
                            && toks.get(m + 1).is_some_and(|p| {
                                p.kind == TokenKind::Word && lx.is_subject(s(text, p))
                            }));
                    if opens {
                        cut(m, &mut from, out);
                    }
                }
            }
            TokenKind::Word => {
                let Some(next) = toks.get(k + 1).filter(|q| q.kind == TokenKind::Word) else {
                    continue;
                };
                if next.span.len() > 5
                    || !lx.may_be_subject(bytes.get(next.span.range()).unwrap_or(&[]))
                {
                    continue;
                }
                let ns = s(text, next);
                let that = ns.eq_ignore_ascii_case("that");
                if !that && !lx.is_subject(ns) {
                    continue;
                }
                let ts = s(text, t);
                let telling = ts.starts_with("tel") || ts.starts_with("Tel") || ts == "told";
                if lx.is_speech(ts) && (that || !telling) {
                    cut(k + 1, &mut from, out);
                }
            }
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (toks.get(from), toks.last()) {
        out.push(Span::new(a.span.start, b.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn sentences(t: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), &mut toks);
        let mut out = Vec::new();
        split(t, &toks, 0, 0, &mut out, &mut Vec::new());
        out.iter().map(|s| &t[s.span.range()]).collect()
    }

    fn clause_texts(t: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), &mut toks);
        let mut out = Vec::new();
        clauses(t, &toks, lexicon(), &mut out);
        out.iter().map(|s| &t[s.range()]).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Lee at 9 a.m. Monday in the U.S. capital. They talked."),
            [
                "Mr. Smith met Gen. Lee at 9 a.m. Monday in the U.S. capital.",
                "They talked."
            ]
        );
        assert_eq!(
            sentences("Dmitry S. Peskov said so. It was No. 2 on Sept. 24. The end."),
            [
                "Dmitry S. Peskov said so.",
                "It was No. 2 on Sept. 24.",
                "The end."
            ]
        );
        assert_eq!(
            sentences("He lives in the U.S. The rest don't."),
            ["He lives in the U.S.", "The rest don't."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            sentences("He called it “a regime.” Then he left. “Why?” he asked."),
            [
                "He called it “a regime.”",
                "Then he left.",
                "“Why?” he asked."
            ]
        );
        assert_eq!(
            sentences("It was ``a bomb.'' He ran... Then silence... and more."),
            [
                "It was ``a bomb.''",
                "He ran...",
                "Then silence... and more."
            ]
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(
            sentences("NAIROBI, Kenya (AP) _ Bombs exploded. More died."),
            ["NAIROBI, Kenya (AP) _", "Bombs exploded.", "More died."]
        );
        assert_eq!(
            sentences("NATO said it would act."),
            ["NATO said it would act."]
        );
    }

    #[test]
    fn clause_cuts() {
        assert_eq!(
            clause_texts("He left for Moscow, where he will meet officials, but it is unclear."),
            [
                "He left for Moscow,",
                "where he will meet officials,",
                "but it is unclear."
            ]
        );
        assert_eq!(
            clause_texts("“We will win,” he said; officials said that talks stalled."),
            [
                "“We will win,”",
                "he said;",
                "officials said",
                "that talks stalled."
            ]
        );
        assert_eq!(
            clause_texts("Russia, Cuba and China agreed, and they signed."),
            ["Russia, Cuba and China agreed,", "and they signed."]
        );
    }
}
