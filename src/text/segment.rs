//! Baseline segmentation: lines are blocks, sentences end at `.!?` before a capital.

use super::{Block, BlockKind, Document, Sentence, Token, TokenKind};
use crate::Span;

/// Segments scraped text into blocks, sentences, clauses and tokens.
///
/// Never fails: any string gives a document, possibly empty.
pub fn segment(text: &str) -> Document<'_> {
    let mut blocks = Vec::new();
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        pos += line.len();
        if start >= end {
            continue;
        }
        let body = &text[start..end];
        let kind = if blocks.is_empty() && !body.ends_with(['.', '!', '?', ':', '"', '”']) {
            BlockKind::Headline
        } else if body.trim() == "Advertisement" || body.trim() == "- Advertisement -" {
            BlockKind::Furniture
        } else {
            BlockKind::Body
        };
        let first_sentence = sentences.len();
        let mut s_start = start;
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if matches!(c, b'.' | b'!' | b'?')
                && i + 2 < bytes.len()
                && bytes[i + 1] == b' '
                && bytes[i + 2].is_ascii_uppercase()
            {
                push_sentence(
                    text,
                    s_start,
                    start + i + 1,
                    blocks.len(),
                    &mut sentences,
                    &mut tokens,
                );
                s_start = start + i + 2;
            }
            i += 1;
        }
        push_sentence(
            text,
            s_start,
            end,
            blocks.len(),
            &mut sentences,
            &mut tokens,
        );
        blocks.push(Block {
            kind,
            span: Span::new(start, end),
            sentences: first_sentence..sentences.len(),
        });
    }
    Document::from_parts(text, blocks, sentences, tokens)
}

fn push_sentence(
    text: &str,
    start: usize,
    end: usize,
    block: usize,
    sentences: &mut Vec<Sentence>,
    tokens: &mut Vec<Token>,
) {
    if start >= end {
        return;
    }
    let first = tokens.len();
    let mut cur: Option<(usize, TokenKind)> = None;
    for (i, ch) in text[start..end].char_indices() {
        let at = start + i;
        let kind = if ch.is_alphabetic() {
            Some(TokenKind::Word)
        } else if ch.is_ascii_digit() {
            Some(TokenKind::Number)
        } else if ch.is_whitespace() {
            None
        } else if ch.is_ascii_punctuation() {
            Some(TokenKind::Punct)
        } else {
            Some(TokenKind::Symbol)
        };
        match (cur, kind) {
            (Some((_, k)), Some(n))
                if k == n && matches!(k, TokenKind::Word | TokenKind::Number) => {}
            _ => {
                if let Some((s, k)) = cur.take() {
                    tokens.push(Token {
                        span: Span::new(s, at),
                        kind: k,
                    });
                }
                cur = kind.map(|k| (at, k));
            }
        }
    }
    if let Some((s, k)) = cur {
        tokens.push(Token {
            span: Span::new(s, end),
            kind: k,
        });
    }
    sentences.push(Sentence {
        span: Span::new(start, end),
        block,
        clauses: vec![Span::new(start, end)],
        tokens: first..tokens.len(),
    });
}
