//! `storyline` turns several news articles about one story into one deduplicated,
//! dated timeline of what they report, every entry traceable to its sentences.
//!
//! ```
//! use storyline::{Article, Extractor, Timeline};
//!
//! let articles = [
//!     Article::new("a", "Prime Minister Anna Berg will meet President Tomas Wirth on Wednesday in Vienna.")
//!         .with_published_str("2019-09-24")?,
//!     Article::new("b", "President Tomas Wirth today received Prime Minister Anna Berg in Vienna.")
//!         .with_published_str("2019-09-25")?,
//! ];
//! let timeline = Timeline::from_articles(&articles, &Extractor::default());
//! for event in timeline.events() {
//!     println!("{:?} {:?} {:?}", event.when, event.kind, event.participants);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! Article ─ text (blocks, sentences, clauses, tokens; byte spans)
//!         ─ timex (scan pieces, resolve against the article: TIMEX3)
//!         ─ event (triggers, participants, place, status, time: EventMention)
//!         ─ merge (cluster mentions across articles: Timeline)
//!         ─ output (contract JSON, text table, TimeML, HTML page)
//! ```
//!
//! Extraction never fails on text: any `&str` gives a result and diagnostics.
//! `Result` is for reading input ([`JsonLines`]). The library never reads the clock
//! and opens no file: a missing publication date is carried as such.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod article;
mod config;
pub mod event;
pub mod merge;
pub mod output;
mod pipeline;
mod span;
pub mod text;
pub mod timex;

pub use article::{read_jsonl, Article, JsonLines, Published, PublishedError, ReadError};
pub use config::{Config, Diagnostic, DiagnosticKind, Prefer};
pub use event::{EventKind, EventMention, Status};
pub use merge::{Timeline, TimelineBuilder, TimelineEvent};
pub use pipeline::{Extraction, Extractor, TaggedBlock};
pub use span::Span;
pub use timex::{Timex, TimexType};

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
