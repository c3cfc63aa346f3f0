//! The per-article map step: text -> timexes -> events, with one reusable extractor.

use crate::event::{self, EventMention};
use crate::merge::ArticleRecord;
use crate::text::{self, BlockKind};
use crate::timex::{self, Timex};
use crate::{Article, Config, Diagnostic, DiagnosticKind, Span};
use serde::{Deserialize, Serialize};

/// Extracts timexes and event mentions from articles. Build it once and reuse it;
/// it is `Send + Sync`, so threads can share one.
///
/// ```
/// use storyline::{Article, Config, Extractor, Prefer};
/// let extractor = Extractor::new(Config::default().prefer(Prefer::Past));
/// let article = Article::new("a", "Maduro arrived in Moscow yesterday.").with_published_str("2019-09-25")?;
/// let extraction = extractor.extract(&article);
/// assert_eq!(extraction.record.id, "a");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    config: Config,
}

/// A block of an article with its tag, for display and debugging.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaggedBlock {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is.
    pub span: Span,
}

/// Everything extracted from one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The article's id, source, publication date and timexes.
    pub record: ArticleRecord,
    /// The article's event mentions, in text order.
    pub events: Vec<EventMention>,
    /// Notes: limits reached, unresolvable values, inferred publication date.
    pub diagnostics: Vec<Diagnostic>,
}

impl Extractor {
    /// An extractor with these settings.
    pub fn new(config: Config) -> Extractor {
        Extractor { config }
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Extracts one article. Never fails: any text gives a result, possibly empty,
    /// and diagnostics.
    pub fn extract(&self, article: &Article) -> Extraction {
        let mut diagnostics = Vec::new();
        let text = limit_text(&article.text, self.config.article_limit(), &mut diagnostics);
        let doc = text::segment(text);
        let annotation = timex::annotate(&doc, article.published.as_ref(), &self.config);
        diagnostics.extend(annotation.diagnostics.iter().cloned());
        let events = event::extract(
            &article.id,
            article.source.as_deref(),
            &doc,
            article.published.as_ref(),
            &annotation.timexes,
            &self.config,
        );
        text::recycle(doc);
        Extraction {
            record: ArticleRecord {
                id: article.id.clone(),
                source: article.source.clone(),
                published: article.published.map(|p| p.to_string()),
                timexes: annotation.timexes,
            },
            events,
            diagnostics,
        }
    }

    /// Extracts many articles, in parallel when the `rayon` feature is on (the
    /// default). The result is in input order and identical to extracting one by
    /// one: each article is a pure function of itself.
    pub fn extract_many(&self, articles: &[Article]) -> Vec<Extraction> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            articles.par_iter().map(|a| self.extract(a)).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            articles.iter().map(|a| self.extract(a)).collect()
        }
    }

    /// Extracts many articles one after the other on the calling thread.
    pub fn extract_sequential(&self, articles: &[Article]) -> Vec<Extraction> {
        articles.iter().map(|a| self.extract(a)).collect()
    }

    /// The timexes of one article alone (no event extraction).
    pub fn timexes(&self, article: &Article) -> (Vec<Timex>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let text = limit_text(&article.text, self.config.article_limit(), &mut diagnostics);
        let doc = text::segment(text);
        let annotation = timex::annotate(&doc, article.published.as_ref(), &self.config);
        diagnostics.extend(annotation.diagnostics);
        text::recycle(doc);
        (annotation.timexes, diagnostics)
    }
}

/// Cuts text to the article limit on a char boundary and says so.
fn limit_text<'t>(text: &'t str, limit: usize, diagnostics: &mut Vec<Diagnostic>) -> &'t str {
    if text.len() <= limit {
        return text;
    }
    let mut cut = limit;
    while cut > 0 && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    diagnostics.push(Diagnostic {
        span: Some(Span::new(cut, text.len())),
        kind: DiagnosticKind::LimitReached,
        message: format!(
            "article is {} bytes, over the limit of {limit}; bytes {cut}.. were not read",
            text.len()
        ),
    });
    &text[..cut]
}
