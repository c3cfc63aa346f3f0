//! The segmenter: blocks, then tokens and sentences per block, then block tags.

use super::block::split_blocks;
use super::classify::{classify, Pending};
use super::sentence::split;
use super::token::tokenize;
use super::{Block, Document};
use crate::Span;

/// Segments scraped text into blocks, sentences, clauses and tokens, and tags
/// every block.
///
/// Never fails and never panics: any string gives a document, possibly empty.
/// Runs in time linear in the length of the text. Every span is a byte range of
/// `text` on char boundaries; blocks, sentences, clauses and tokens are in text
/// order and do not overlap; a sentence lies inside its block, a token inside
/// its sentence, and a sentence's clauses cover its tokens.
///
/// ```
/// use storyline::text::{segment, BlockKind};
/// let doc = segment("Title Of The Story\n\nIt rained. Then it stopped.\n\n- Advertisement -\n");
/// let kinds: Vec<BlockKind> = doc.blocks().iter().map(|b| b.kind).collect();
/// assert_eq!(kinds, [BlockKind::Headline, BlockKind::Body, BlockKind::Furniture]);
/// assert_eq!(doc.slice(doc.sentences()[2].span), "Then it stopped.");
/// ```
pub fn segment(text: &str) -> Document<'_> {
    let raw = split_blocks(text);
    // Over-reserved on purpose: news text runs at about one token per five or
    // six bytes, and pages never written to cost nothing.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 8);
    let mut sentences = Vec::with_capacity(text.len() / 64 + 4);
    let mut pending = Vec::with_capacity(raw.len());
    for (index, rb) in raw.into_iter().enumerate() {
        let first_token = tokens.len();
        let first_sentence = sentences.len();
        tokenize(text, rb.body, rb.end, &mut tokens);
        split(text, &tokens, first_token, index, &mut sentences);
        pending.push(Pending {
            tokens: first_token..tokens.len(),
            sentences: sentences.len() - first_sentence,
            raw: rb,
        });
    }
    let kinds = classify(text, &pending, &tokens);
    let mut blocks = Vec::with_capacity(pending.len());
    let mut first_sentence = 0;
    for (p, kind) in pending.iter().zip(kinds) {
        blocks.push(Block {
            kind,
            span: Span::new(p.raw.start, p.raw.end),
            sentences: first_sentence..first_sentence + p.sentences,
        });
        first_sentence += p.sentences;
    }
    Document::from_parts(text, blocks, sentences, tokens)
}
