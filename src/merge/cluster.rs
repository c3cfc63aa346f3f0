//! Clustering mentions into events (baseline: one event per mention).

use super::{ArticleRecord, Timeline, TimelineEvent};
use crate::event::EventMention;

pub(super) fn build(
    mut mentions: Vec<EventMention>,
    mut articles: Vec<ArticleRecord>,
    tolerance_days: i64,
) -> Timeline {
    mentions.sort();
    mentions.dedup();
    articles.sort();
    articles.dedup_by(|a, b| a.id == b.id);
    let events = mentions
        .into_iter()
        .map(|m| TimelineEvent {
            kind: m.kind,
            when: m.time.as_ref().map(|t| t.value.clone()),
            granularity: m.time.as_ref().map(|t| t.granularity),
            interval: m.time.as_ref().and_then(|t| t.interval),
            participants: m.participants.iter().map(|p| p.name.clone()).collect(),
            place: m.place.as_ref().map(|p| p.name.clone()),
            status: m.status,
            articles: 1,
            sources: 1,
            conflicts: Vec::new(),
            mentions: vec![m],
        })
        .collect();
    Timeline::from_sorted(tolerance_days, events, articles)
}
