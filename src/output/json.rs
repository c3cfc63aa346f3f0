//! The JSON of the evaluation contract (`SCHEMA.md`): events and article timexes.

use crate::event::EventMention;
use crate::merge::{Conflict, Timeline, TimelineEvent};
use crate::timex::{Timex, TimexEntry};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// One mention as the contract shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContractMention {
    /// Article id.
    pub article: String,
    /// Sentence or clause start (byte offset).
    pub start: usize,
    /// Sentence or clause end (exclusive).
    pub end: usize,
    /// Trigger span `[start, end]`.
    pub trigger: [usize; 2],
}

/// One event as the contract shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContractEvent {
    /// Event kind name.
    pub kind: &'static str,
    /// TIMEX3 value or `null`.
    pub when: Option<String>,
    /// Participant names.
    pub participants: Vec<String>,
    /// Place name or `null`.
    pub location: Option<String>,
    /// Status name.
    pub status: crate::event::Status,
    /// Number of sources.
    pub sources: usize,
    /// Every report.
    pub mentions: Vec<ContractMention>,
    /// Disagreeing dates, when any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<crate::merge::Conflict>,
}

/// One timex as the contract shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContractTimex {
    /// Article id (absent in the per-article `timex` output).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The expression's text.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: String,
}

/// The whole contract document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContractTimeline {
    /// Events, chronological, undated last.
    pub events: Vec<ContractEvent>,
    /// Every article's timexes.
    pub timexes: Vec<ContractTimex>,
}

/// A timex in contract form.
pub fn contract_timex(article: Option<&str>, t: &Timex) -> ContractTimex {
    ContractTimex {
        article: article.map(str::to_owned),
        start: t.span.start,
        end: t.span.end,
        text: t.text.clone(),
        kind: t.kind.as_str(),
        value: t.value.clone(),
    }
}

fn contract_entry(article: &str, t: TimexEntry<'_>) -> ContractTimex {
    ContractTimex {
        article: Some(article.to_owned()),
        start: t.span.start,
        end: t.span.end,
        text: t.text.to_owned(),
        kind: t.kind.as_str(),
        value: t.value.to_owned(),
    }
}

/// The contract form of a timeline: its events, and the timexes of its articles
/// ordered by article id and position.
pub fn contract(timeline: &Timeline) -> ContractTimeline {
    let events = timeline
        .events()
        .iter()
        .map(|e| ContractEvent {
            kind: e.kind.as_str(),
            when: e.when.clone(),
            participants: e.participants.clone(),
            location: e.place.clone(),
            status: e.status,
            sources: e.sources,
            mentions: e
                .mentions
                .iter()
                .map(|m| ContractMention {
                    article: m.article.to_string(),
                    start: m.sentence.start,
                    end: m.sentence.end,
                    trigger: [m.trigger.start, m.trigger.end],
                })
                .collect(),
            conflicts: e.conflicts.clone(),
        })
        .collect();
    let timexes = timeline
        .articles()
        .iter()
        .flat_map(|r| r.timexes.iter().map(move |t| contract_entry(&r.id, t)))
        .collect();
    ContractTimeline { events, timexes }
}

/// Writes the contract form of a timeline (the bytes of
/// `serde_json::to_writer_pretty(writer, &contract(timeline))`) straight from the
/// timeline: no contract copy of its mentions and timexes is built, so a large
/// timeline is never held twice.
///
/// ```
/// use storyline::{output::json, Article, Extractor, Timeline};
/// let articles = [Article::new("a", "Putin will meet Maduro on Wednesday.").with_published_str("2019-09-23")?];
/// let timeline = Timeline::from_articles(&articles, &Extractor::default());
/// let mut streamed = Vec::new();
/// json::write_contract(&mut streamed, &timeline)?;
/// assert_eq!(streamed, serde_json::to_vec_pretty(&json::contract(&timeline))?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_contract<W: std::io::Write>(writer: W, timeline: &Timeline) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(writer, &TimelineView(timeline))
}

// Borrowed views that serialize exactly as the Contract* types above.

struct TimelineView<'a>(&'a Timeline);
struct EventsView<'a>(&'a [TimelineEvent]);
struct EventView<'a>(&'a TimelineEvent);
struct MentionsView<'a>(&'a [EventMention]);
struct MentionView<'a>(&'a EventMention);
struct TimexesView<'a>(&'a Timeline);
struct TimexView<'a>(&'a str, TimexEntry<'a>);

impl Serialize for TimelineView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ContractTimeline", 2)?;
        st.serialize_field("events", &EventsView(self.0.events()))?;
        st.serialize_field("timexes", &TimexesView(self.0))?;
        st.end()
    }
}

impl Serialize for EventsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(EventView))
    }
}

impl Serialize for EventView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let conflicts: &[Conflict] = &e.conflicts;
        let fields = if conflicts.is_empty() { 7 } else { 8 };
        let mut st = s.serialize_struct("ContractEvent", fields)?;
        st.serialize_field("kind", e.kind.as_str())?;
        st.serialize_field("when", &e.when)?;
        st.serialize_field("participants", &e.participants)?;
        st.serialize_field("location", &e.place)?;
        st.serialize_field("status", &e.status)?;
        st.serialize_field("sources", &e.sources)?;
        st.serialize_field("mentions", &MentionsView(&e.mentions))?;
        if conflicts.is_empty() {
            st.skip_field("conflicts")?;
        } else {
            st.serialize_field("conflicts", conflicts)?;
        }
        st.end()
    }
}

impl Serialize for MentionsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(MentionView))
    }
}

impl Serialize for MentionView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        let mut st = s.serialize_struct("ContractMention", 4)?;
        st.serialize_field("article", &*m.article)?;
        st.serialize_field("start", &m.sentence.start)?;
        st.serialize_field("end", &m.sentence.end)?;
        st.serialize_field("trigger", &[m.trigger.start, m.trigger.end])?;
        st.end()
    }
}

impl Serialize for TimexesView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .articles()
                .iter()
                .flat_map(|r| r.timexes.iter().map(move |t| TimexView(&r.id, t))),
        )
    }
}

impl Serialize for TimexView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (article, t) = (self.0, self.1);
        let mut st = s.serialize_struct("ContractTimex", 6)?;
        st.serialize_field("article", article)?;
        st.serialize_field("start", &t.span.start)?;
        st.serialize_field("end", &t.span.end)?;
        st.serialize_field("text", t.text)?;
        st.serialize_field("type", t.kind.as_str())?;
        st.serialize_field("value", t.value)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extractor, JsonLines};

    /// The streamed bytes are the contract's bytes, on articles with events,
    /// conflicts and timexes.
    #[test]
    fn streaming_writes_the_contract_bytes() {
        let seeds = include_str!("../../examples/data/seeds.jsonl");
        let articles: Vec<_> = JsonLines::new(seeds.as_bytes())
            .filter_map(Result::ok)
            .collect();
        assert!(articles.len() >= 5);
        let seeds = Timeline::from_articles(&articles, &Extractor::default());
        let timeline = seeds.merge(&conflicting());
        assert!(timeline.events().iter().any(|e| !e.conflicts.is_empty()));
        assert!(timeline.events().iter().any(|e| e.conflicts.is_empty()));
        assert!(!timeline.articles().is_empty());
        for t in [timeline, Timeline::default()] {
            let mut streamed = Vec::new();
            write_contract(&mut streamed, &t).unwrap();
            let built = serde_json::to_vec_pretty(&contract(&t)).unwrap();
            assert_eq!(String::from_utf8(streamed), String::from_utf8(built));
        }
    }

    /// Reports of one vote a day apart: an event with conflicts.
    fn conflicting() -> Timeline {
        use crate::event::{EventTime, Status};
        use crate::timex::Granularity;
        use crate::{Config, EventKind, Span};
        let report = |article: &str, value: &str| EventMention {
            article: article.into(),
            source: Some("wire".into()),
            published: None,
            kind: EventKind::Vote,
            trigger: Span::new(0, 5),
            sentence: Span::new(0, 30),
            participants: vec![crate::event::Participant {
                name: "Senate".into(),
                entity: crate::event::EntityKind::Organization,
                role: crate::event::Role::Agent,
                span: Span::new(0, 6),
            }],
            place: None,
            status: Status::Occurred,
            time: Some(Box::new(EventTime {
                value: value.into(),
                granularity: Granularity::Day,
                interval: None,
                zone: None,
                timex: None,
            })),
            quote: "".into(),
        };
        let mentions = vec![report("x1", "2021-11-21"), report("x2", "2021-11-22")];
        Timeline::from_parts(mentions, vec![], &Config::default())
    }
}
