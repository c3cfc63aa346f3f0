//! Clean and segment scraped text: blocks, sentences, clauses, tokens.
//!
//! Nothing is copied: every unit is a [`Span`] into the text as given, so evidence
//! can always be traced back to the article.
//!
//! How [`segment`] works, in one linear pass per step:
//!
//! - **Blocks**: blank lines separate paragraphs; inside one, list items ("•",
//!   "-", "*", "–", "1.") and short heading-like lines stand alone, while lines
//!   indented under a list item stay with it (a multi-line reader comment is one
//!   block).
//! - **Tokens**: words (with inner apostrophes, hyphens and initialism periods:
//!   "don't", "US-led", "U.S."), numbers ("3.5", "10,000", "9:59"), punctuation,
//!   symbols.
//! - **Sentences**: split on tokens, aware of abbreviations and initials ("Mr.",
//!   "Gen.", "No. 2", "Sept.", "a.m.", "Dmitry S. Peskov"), closing quotes after
//!   the final mark, ellipses and wire datelines ("NAIROBI, Kenya (AP) _").
//! - **Clauses**: a heuristic cut after `;` and `:`, at ", but", ", while",
//!   ", where", ", who", ", and he", at the attribution after a quote
//!   (`,” he said`) and at "that" or a pronoun after a speech verb.
//! - **Block tags** ([`BlockKind`]) from general cues: furniture phrases kept as
//!   data (newsletter boxes, "Advertisement", language links, share bars, e-mail
//!   lines), comment-section headers, photo credits and repeated caption lines,
//!   list markers, and the position of heading-like lines relative to the body.
//!   The lists live in `src/text/data/` and name no story, person or place.
//!
//! ```
//! use storyline::text::{segment, BlockKind};
//! let doc = segment(
//!     "Leaders Meet in Geneva\n\n\
//!      GENEVA (AP) _ Mr. Smith met Gen. Lee on Wednesday. \"We agreed,\" he said.\n\n\
//!      - Advertisement -\n\n\
//!      2 thoughts on \u{201c}Leaders Meet in Geneva\u{201d}\n\n\
//!      Great news!\n",
//! );
//! let kinds: Vec<_> = doc.blocks().iter().map(|b| b.kind).collect();
//! assert_eq!(
//!     kinds,
//!     [BlockKind::Headline, BlockKind::Body, BlockKind::Furniture, BlockKind::Comment, BlockKind::Comment]
//! );
//! let body: Vec<&str> = doc.news_sentences().map(|(_, s)| doc.slice(s.span)).collect();
//! assert_eq!(
//!     body,
//!     ["Leaders Meet in Geneva", "GENEVA (AP) _", "Mr. Smith met Gen. Lee on Wednesday.", "\"We agreed,\" he said."]
//! );
//! // Clauses cut at the attribution after a quote.
//! let last = &doc.sentences()[3];
//! assert_eq!(doc.slice(last.clauses[1]), "he said.");
//! ```

use crate::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a block of scraped text is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A title or section heading.
    Headline,
    /// A paragraph of the article's own reporting.
    Body,
    /// A tweet or statement quoted on its own line.
    Quote,
    /// A photo or video caption.
    Caption,
    /// A reader comment, or a comment-section header.
    Comment,
    /// Site furniture: forms, newsletter boxes, share bars, "Advertisement".
    Furniture,
    /// Tag lists and related-headline lists.
    RelatedLinks,
}

impl BlockKind {
    /// Whether later stages read this block as news (headline, body or quote).
    pub fn is_news(self) -> bool {
        matches!(
            self,
            BlockKind::Headline | BlockKind::Body | BlockKind::Quote
        )
    }

    /// The tag's name as serialized (`"related_links"`).
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Body => "body",
            BlockKind::Quote => "quote",
            BlockKind::Caption => "caption",
            BlockKind::Comment => "comment",
            BlockKind::Furniture => "furniture",
            BlockKind::RelatedLinks => "related_links",
        }
    }
}

/// A paragraph-like unit of the page: one or more lines set apart from the rest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is, trimmed of surrounding white space.
    pub span: Span,
    /// The block's sentences, as indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence with its clauses and tokens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Index of its block in [`Document::blocks`].
    pub block: usize,
    /// Clause spans, in order, covering the sentence's tokens.
    pub clauses: Vec<Span>,
    /// The sentence's tokens, as indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// What a token is made of.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "don't").
    Word,
    /// Digits, possibly with inner separators ("10,000", "3.5", "9:59").
    Number,
    /// Punctuation.
    Punct,
    /// Anything else: symbols, emoji.
    Symbol,
}

/// A token of text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
}

/// A segmented article: blocks, sentences and tokens over the original text.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    text: &'t str,
    blocks: Vec<Block>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
}

impl<'t> Document<'t> {
    /// The original text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Blocks in text order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Sentences in text order, over all blocks.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Tokens in text order, over all sentences.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The text a span covers (empty when the span is not of this text).
    pub fn slice(&self, span: Span) -> &'t str {
        span.slice(self.text).unwrap_or("")
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// The kind of the block a sentence belongs to.
    pub fn sentence_kind(&self, sentence: &Sentence) -> BlockKind {
        self.blocks
            .get(sentence.block)
            .map_or(BlockKind::Body, |b| b.kind)
    }

    /// Sentences of headline, body and quote blocks: the ones later stages read.
    pub fn news_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> + '_ {
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(_, s)| self.sentence_kind(s).is_news())
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

mod block;
mod classify;
mod lexicon;
mod segment;
mod sentence;
mod token;
pub(crate) mod wordkey;

pub(crate) use segment::recycle;
pub use segment::segment;

impl<'t> Document<'t> {
    pub(crate) fn from_parts(
        text: &'t str,
        blocks: Vec<Block>,
        sentences: Vec<Sentence>,
        tokens: Vec<Token>,
    ) -> Document<'t> {
        Document {
            text,
            blocks,
            sentences,
            tokens,
        }
    }

    /// The blocks, sentences and tokens, to reuse their memory.
    pub(crate) fn into_parts(self) -> (Vec<Block>, Vec<Sentence>, Vec<Token>) {
        (self.blocks, self.sentences, self.tokens)
    }
}
