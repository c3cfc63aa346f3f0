//! Reported events: what happened, to whom, where, and when.
//!
//! Each news sentence is read for event triggers by kind ("met", "will meet",
//! "received", "talks"); each trigger becomes an [`EventMention`] with its
//! participants, place, status and time, and the spans that support them.

use crate::timex::{Granularity, Interval, Timex};
use crate::{text::Document, Config, Published, Span};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// An immutable string that clones by sharing: an article's id, source and date
/// are one allocation for all its mentions, and a [`TimelineBuilder`] keeps one
/// copy of each name, place and quote however often it recurs.
///
/// It reads as a `&str` (it derefs to `str`), compares, orders and hashes as its
/// text, and serializes as a JSON string.
///
/// ```
/// use storyline::event::SharedStr;
/// let id = SharedStr::from("003");
/// let again = id.clone(); // no copy of the text
/// assert_eq!(again, "003");
/// assert_eq!(id.as_str().len(), 3);
/// assert_eq!(serde_json::to_string(&id)?, "\"003\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// [`TimelineBuilder`]: crate::TimelineBuilder
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the two share one allocation (not merely equal text).
    pub fn ptr_eq(a: &SharedStr, b: &SharedStr) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr::from("")
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(Arc::from(s))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(Arc::from(s))
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> SharedStr {
        SharedStr(Arc::from(s.as_str()))
    }
}

impl From<Box<str>> for SharedStr {
    fn from(s: Box<str>) -> SharedStr {
        SharedStr(Arc::from(s))
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        s.as_str().to_owned()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SharedStr, D::Error> {
        String::deserialize(d).map(SharedStr::from)
    }
}

/// What kind of event a mention reports. Names follow the evaluation contract.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// Leaving a place: "left for", "took off", "on my way to".
    Departure,
    /// Reaching a place: "arrived", "landed".
    Arrival,
    /// Meeting someone: "met", "received", "talks with".
    Meeting,
    /// Visiting a place: "visited", "official visit".
    Visit,
    /// Making something known: "announced", "confirmed", "tweeted".
    Announcement,
    /// Saying something: "said", "called for", "expressed support".
    Statement,
    /// A vote or resolution: "voted", "adopted a resolution".
    Vote,
    /// Invoking a treaty: "activation of the treaty", "invoked".
    TreatyActivation,
    /// Imposing sanctions.
    Sanctions,
    /// Signing an agreement or contract.
    Agreement,
    /// Proclaiming oneself or something: "declared himself president".
    Proclamation,
    /// An election.
    Election,
    /// Anything else worth reporting.
    Other,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 13] = [
        EventKind::Departure,
        EventKind::Arrival,
        EventKind::Meeting,
        EventKind::Visit,
        EventKind::Announcement,
        EventKind::Statement,
        EventKind::Vote,
        EventKind::TreatyActivation,
        EventKind::Sanctions,
        EventKind::Agreement,
        EventKind::Proclamation,
        EventKind::Election,
        EventKind::Other,
    ];

    /// The kind's name as serialized (`"treaty_activation"`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Departure => "departure",
            EventKind::Arrival => "arrival",
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Announcement => "announcement",
            EventKind::Statement => "statement",
            EventKind::Vote => "vote",
            EventKind::TreatyActivation => "treaty_activation",
            EventKind::Sanctions => "sanctions",
            EventKind::Agreement => "agreement",
            EventKind::Proclamation => "proclamation",
            EventKind::Election => "election",
            EventKind::Other => "other",
        }
    }
}

/// What the article says of the event at its publication date.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// It happened.
    Occurred,
    /// It is under way.
    Ongoing,
    /// It is planned, scheduled or expected.
    Planned,
    /// The article says it did not or will not happen.
    Negated,
    /// It might happen: conditionals, "could", "if".
    Hypothetical,
    /// Someone else says it happened ("X said that ...") and the article does not
    /// vouch for it.
    Reported,
}

/// What part a participant plays.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Who does it: the subject.
    Agent,
    /// To or with whom: the object, "with X", "between X and Y".
    Patient,
}

/// Whether a name is of a person, an organisation or a place.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, body or government.
    Organization,
    /// A country, city or other place.
    Place,
    /// Not known.
    Unknown,
}

/// Someone or something taking part in an event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Participant {
    /// The most complete name the article gives ("Nicolás Maduro"), after
    /// resolving "Maduro", "the Venezuelan president", "he".
    pub name: SharedStr,
    /// What kind of entity it is.
    pub entity: EntityKind,
    /// What part it plays.
    pub role: Role,
    /// Where this mention of it is (the pronoun or description, if that is what the
    /// sentence says).
    pub span: Span,
}

/// Where an event takes place.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    /// The place's name as written ("Moscow", "the Russian capital" resolved).
    pub name: SharedStr,
    /// Where it is said.
    pub span: Span,
}

/// When an event takes place, as far as the text supports.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventTime {
    /// A TIMEX3 date or time value: `2019-09-25`, `2019-01`, `2018-12-03T21:59`.
    pub value: String,
    /// How fine the value is.
    pub granularity: Granularity,
    /// The instants it covers, when anchored.
    pub interval: Option<Interval>,
    /// The time zone the text states, as written.
    pub zone: Option<String>,
    /// The temporal expression it comes from; `None` when it was inferred from
    /// tense and the publication date.
    pub timex: Option<Span>,
}

/// One report of an event in one article.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventMention {
    /// The article's id.
    pub article: SharedStr,
    /// The article's source name, when known.
    pub source: Option<SharedStr>,
    /// The article's publication date, when known (`YYYY-MM-DD` or RFC 3339).
    pub published: Option<SharedStr>,
    /// What kind of event.
    pub kind: EventKind,
    /// The word or phrase that names the event ("received", "will meet").
    pub trigger: Span,
    /// The sentence or clause that carries it.
    pub sentence: Span,
    /// Who takes part.
    pub participants: Vec<Participant>,
    /// Where, when the text says.
    pub place: Option<Place>,
    /// What the article says of it.
    pub status: Status,
    /// When, when the text supports it (boxed: most mentions have none, and a
    /// timeline holds every mention).
    pub time: Option<Box<EventTime>>,
    /// A short quote of the sentence, for display.
    pub quote: SharedStr,
}

impl EventMention {
    /// Every span used to build this mention, in order, once each: the trigger,
    /// the participants' names, the place and the temporal expression. Derived
    /// from those fields, so a timeline does not store it once more per mention.
    ///
    /// ```
    /// use storyline::{Article, Extractor};
    /// let article = Article::new("a", "Putin will meet Maduro on Wednesday.").with_published_str("2019-09-23")?;
    /// let extraction = Extractor::default().extract(&article);
    /// let m = &extraction.events[0];
    /// let evidence = m.evidence();
    /// assert!(evidence.contains(&m.trigger));
    /// assert!(m.participants.iter().all(|p| evidence.contains(&p.span)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evidence(&self) -> Vec<Span> {
        let mut spans = Vec::with_capacity(self.participants.len() + 3);
        spans.push(self.trigger);
        spans.extend(self.participants.iter().map(|p| p.span));
        spans.extend(self.place.as_ref().map(|p| p.span));
        spans.extend(self.time.as_ref().and_then(|t| t.timex));
        spans.sort();
        spans.dedup();
        spans
    }
}

mod entities;
pub(crate) use entities::CONNECTORS as NAME_PARTICLES;
mod extract;
mod lexicon;
mod status;
mod timelink;

/// Extracts the event mentions of one segmented article.
///
/// `timexes` are the article's resolved temporal expressions ([`crate::timex::annotate`]).
/// Never fails; a document with no news sentences gives no mentions.
pub fn extract(
    article_id: &str,
    source: Option<&str>,
    doc: &Document<'_>,
    published: Option<&Published>,
    timexes: &[Timex],
    config: &Config,
) -> Vec<EventMention> {
    extract::extract(article_id, source, doc, published, timexes, config)
}
