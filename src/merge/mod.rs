//! One deduplicated timeline across articles.
//!
//! A [`Timeline`] is a pure function of the set of mentions (and article records)
//! it holds: merging two timelines takes the union and clusters again, so merging
//! is commutative, associative and idempotent, and the same articles in any order
//! give the same bytes.

use crate::event::{EventKind, EventMention, Status};
use crate::timex::{Granularity, Interval, Timex};
use crate::{Article, Config, Extractor};
use serde::{Deserialize, Serialize};

/// What one source said of an event's date when sources disagree.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Conflict {
    /// The article.
    pub article: String,
    /// Its source name, when known.
    pub source: Option<String>,
    /// The date that article gives.
    pub when: String,
}

/// One real-world event with every report of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// What kind of event.
    pub kind: EventKind,
    /// TIMEX3 value at the finest granularity the reports support, or `None`.
    pub when: Option<String>,
    /// How fine `when` is.
    pub granularity: Option<Granularity>,
    /// The instants `when` covers.
    pub interval: Option<Interval>,
    /// Participants, most complete names, in a stable order.
    pub participants: Vec<String>,
    /// Where, when the reports say.
    pub place: Option<String>,
    /// Occurred beats planned once any report says it happened.
    pub status: Status,
    /// Every report, ordered by article id and position.
    pub mentions: Vec<EventMention>,
    /// How many articles report it.
    pub articles: usize,
    /// How many distinct sources report it (articles with no source count as their
    /// own source).
    pub sources: usize,
    /// Each source's date where sources disagree; empty when they agree.
    pub conflicts: Vec<Conflict>,
}

/// What the timeline keeps of each article: enough to show its dates and quotes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article's id.
    pub id: String,
    /// Its source name, when known.
    pub source: Option<String>,
    /// Its publication date as given, when known.
    pub published: Option<String>,
    /// Its temporal expressions.
    pub timexes: Vec<Timex>,
}

/// A deduplicated, chronological timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    tolerance_days: i64,
    events: Vec<TimelineEvent>,
    articles: Vec<ArticleRecord>,
}

mod cluster;
mod names;

impl Timeline {
    /// Builds the timeline of a set of articles.
    ///
    /// ```
    /// use storyline::{Article, Extractor, Timeline};
    /// let articles = [Article::new("a", "Maduro met Putin in Moscow.").with_published_str("2019-09-25")?];
    /// let timeline = Timeline::from_articles(&articles, &Extractor::default());
    /// assert!(timeline.events().len() <= 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_articles<'a>(
        articles: impl IntoIterator<Item = &'a Article>,
        extractor: &Extractor,
    ) -> Timeline {
        let mut builder = TimelineBuilder::new(extractor);
        for article in articles {
            builder.add(article);
        }
        builder.build()
    }

    /// Clusters mentions into a timeline, with article records for output.
    pub fn from_parts(
        mentions: Vec<EventMention>,
        articles: Vec<ArticleRecord>,
        config: &Config,
    ) -> Timeline {
        cluster::build(mentions, articles, config.tolerance_days())
    }

    /// Merges two partial timelines. Commutative, associative and idempotent.
    pub fn merge(&self, other: &Timeline) -> Timeline {
        let mentions = self
            .mentions()
            .chain(other.mentions())
            .cloned()
            .collect::<Vec<_>>();
        let articles = self
            .articles
            .iter()
            .chain(other.articles.iter())
            .cloned()
            .collect::<Vec<_>>();
        let tolerance = self.tolerance_days.max(other.tolerance_days);
        cluster::build(mentions, articles, tolerance)
    }

    /// The events, chronological; undated events last.
    pub fn events(&self) -> &[TimelineEvent] {
        &self.events
    }

    /// The article records, ordered by id.
    pub fn articles(&self) -> &[ArticleRecord] {
        &self.articles
    }

    /// Every mention of every event.
    pub fn mentions(&self) -> impl Iterator<Item = &EventMention> + '_ {
        self.events.iter().flat_map(|e| e.mentions.iter())
    }

    /// The conflict tolerance the timeline was built with, in days.
    pub fn tolerance_days(&self) -> i64 {
        self.tolerance_days
    }

    pub(crate) fn from_sorted(
        tolerance_days: i64,
        events: Vec<TimelineEvent>,
        articles: Vec<ArticleRecord>,
    ) -> Timeline {
        Timeline {
            tolerance_days,
            events,
            articles,
        }
    }
}

/// Builds a timeline one article at a time.
///
/// ```
/// use storyline::{Article, Extractor, TimelineBuilder};
/// let extractor = Extractor::default();
/// let mut builder = TimelineBuilder::new(&extractor);
/// builder.add(&Article::new("a", "Putin will meet Maduro on Wednesday."));
/// let timeline = builder.build();
/// assert_eq!(timeline.articles().len(), 1);
/// ```
pub struct TimelineBuilder<'x> {
    extractor: &'x Extractor,
    mentions: Vec<EventMention>,
    articles: Vec<ArticleRecord>,
}

impl<'x> TimelineBuilder<'x> {
    /// An empty builder that extracts with `extractor`.
    pub fn new(extractor: &'x Extractor) -> TimelineBuilder<'x> {
        TimelineBuilder {
            extractor,
            mentions: Vec::new(),
            articles: Vec::new(),
        }
    }

    /// Extracts one article and keeps its mentions.
    pub fn add(&mut self, article: &Article) -> &mut Self {
        let extraction = self.extractor.extract(article);
        self.push(extraction);
        self
    }

    /// Keeps an extraction made elsewhere (another thread, another machine).
    pub fn push(&mut self, extraction: crate::Extraction) -> &mut Self {
        self.articles.push(extraction.record);
        self.mentions.extend(extraction.events);
        self
    }

    /// Clusters everything added into a timeline.
    pub fn build(self) -> Timeline {
        Timeline::from_parts(self.mentions, self.articles, self.extractor.config())
    }
}
