//! The segmenter: blocks, then tokens and sentences per block, then block tags.

use super::block::split_blocks;
use super::classify::{classify, Pending};
use super::sentence::split;
use super::token::tokenize;
use super::{Block, Document, Sentence, Token};
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
    // The buffers of a document given back on this thread (see [`recycle`]),
    // else new ones.
    let Spare {
        mut tokens,
        mut sentences,
        mut clauses,
        mut blocks,
    } = SPARE.with(|s| s.take());
    let raw = split_blocks(text);
    // Over-reserved on purpose: news text runs at about one token per five or
    // six bytes, and pages never written to cost nothing.
    tokens.reserve(text.len() / 4 + 8);
    sentences.reserve(text.len() / 64 + 4);
    let mut pending = Vec::with_capacity(raw.len());
    for (index, rb) in raw.into_iter().enumerate() {
        let first_token = tokens.len();
        let first_sentence = sentences.len();
        tokenize(text, rb.body, rb.end, &mut tokens);
        split(
            text,
            &tokens,
            first_token,
            index,
            &mut sentences,
            &mut clauses,
        );
        pending.push(Pending {
            tokens: first_token..tokens.len(),
            sentences: sentences.len() - first_sentence,
            raw: rb,
        });
    }
    // The clause lists not taken stay for the next document.
    SPARE.with(|s| {
        let mut spare = s.borrow_mut();
        if clauses.len() > spare.clauses.len() {
            spare.clauses = clauses;
        }
    });
    let kinds = classify(text, &pending, &tokens);
    blocks.reserve(pending.len());
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

/// Empty buffers of documents done with, kept per thread for the next
/// [`segment`]: an article's tokens take several times its size, and
/// allocating them (and a clause list per sentence) afresh for every article
/// costs more than filling them.
#[derive(Default)]
struct Spare {
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    clauses: Vec<Vec<Span>>,
    blocks: Vec<Block>,
}

thread_local! {
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::default();
}

/// Clause lists kept at most: more than a long article has sentences.
const SPARE_CLAUSES: usize = 4_096;
/// A clause list longer than this is dropped, not kept (a run-on page).
const SPARE_CLAUSE_CAPACITY: usize = 64;

/// Gives a document's buffers back to this thread's next [`segment`], emptied.
/// The output of `segment` does not depend on it: only where its memory comes
/// from.
pub(crate) fn recycle(doc: Document<'_>) {
    let (mut blocks, mut sentences, mut tokens) = doc.into_parts();
    SPARE.with(|s| {
        let mut spare = s.borrow_mut();
        for sentence in sentences.drain(..) {
            let mut list = sentence.clauses;
            if spare.clauses.len() < SPARE_CLAUSES && list.capacity() <= SPARE_CLAUSE_CAPACITY {
                list.clear();
                spare.clauses.push(list);
            }
        }
        tokens.clear();
        blocks.clear();
        // The larger of the spare and the returned buffer is kept.
        if tokens.capacity() > spare.tokens.capacity() {
            spare.tokens = tokens;
        }
        if sentences.capacity() > spare.sentences.capacity() {
            spare.sentences = sentences;
        }
        if blocks.capacity() > spare.blocks.capacity() {
            spare.blocks = blocks;
        }
    });
}
