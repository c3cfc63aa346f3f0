//! The JSON of the evaluation contract (`SCHEMA.md`): events and article timexes.

use crate::merge::Timeline;
use crate::timex::Timex;
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
                    article: m.article.clone(),
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
        .flat_map(|r| {
            r.timexes
                .iter()
                .map(move |t| contract_timex(Some(&r.id), t))
        })
        .collect();
    ContractTimeline { events, timexes }
}
