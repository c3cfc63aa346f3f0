//! Shared by the merge tests: building mentions from a compact JSON description.
#![allow(dead_code)]

use serde::Deserialize;
use storyline::event::{EntityKind, EventMention, EventTime, Participant, Place, Role};
use storyline::merge::Timeline;
use storyline::timex::{Granularity, Interval};
use storyline::{Config, EventKind, Span, Status};

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Who {
    Name(String),
    Full { name: String, entity: EntityKind },
}

#[derive(Clone, Debug, Deserialize)]
pub struct M {
    pub article: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    pub kind: EventKind,
    pub trigger: [usize; 2],
    #[serde(default)]
    pub participants: Vec<Who>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default = "occurred")]
    pub status: Status,
    #[serde(default)]
    pub when: Option<String>,
}

fn occurred() -> Status {
    Status::Occurred
}

#[derive(Clone, Debug, Deserialize)]
pub struct Expect {
    pub mentions: Vec<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub when: Option<Option<String>>,
    #[serde(default)]
    pub participants: Option<Vec<String>>,
    #[serde(default)]
    pub place: Option<Option<String>>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub articles: Option<usize>,
    #[serde(default)]
    pub sources: Option<usize>,
    #[serde(default)]
    pub conflicts: Option<Vec<(String, String)>>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Case {
    pub name: String,
    #[serde(default)]
    pub tolerance_days: Option<i64>,
    pub mentions: Vec<M>,
    pub expect: Vec<Expect>,
}

pub fn load_cases(json: &str) -> Vec<Case> {
    serde_json::from_str(json).expect("merge cases parse")
}

/// The granularity a plain TIMEX3 value is written at.
pub fn granularity_of(v: &str) -> Granularity {
    if v.contains('T') {
        Granularity::Minute
    } else if v.contains('W') {
        Granularity::Week
    } else if v.contains('Q') {
        Granularity::Quarter
    } else {
        match v.len() {
            4 => Granularity::Year,
            7 => Granularity::Month,
            _ => Granularity::Day,
        }
    }
}

/// Day values get their interval, as the timex stage gives it; other values are
/// left for the merge to read, as a stage that leaves it out would.
pub fn event_time(v: &str) -> EventTime {
    let interval = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .filter(|_| v.len() == 10)
        .map(Interval::day);
    EventTime {
        value: v.to_owned(),
        granularity: granularity_of(v),
        interval,
        zone: None,
        timex: None,
    }
}

pub fn mention(m: &M) -> EventMention {
    let [s, e] = m.trigger;
    let participants = m
        .participants
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (name, entity) = match w {
                Who::Name(n) => (n.clone(), EntityKind::Person),
                Who::Full { name, entity } => (name.clone(), *entity),
            };
            Participant {
                name: name.into(),
                entity,
                role: if i == 0 { Role::Agent } else { Role::Patient },
                span: Span::new(s, e),
            }
        })
        .collect();
    EventMention {
        article: m.article.as_str().into(),
        source: m.source.as_deref().map(Into::into),
        published: m.published.as_deref().map(Into::into),
        kind: m.kind,
        trigger: Span::new(s, e),
        sentence: Span::new(s.saturating_sub(10), e + 30),
        participants,
        place: m.place.as_ref().map(|p| Place {
            name: p.as_str().into(),
            span: Span::new(e, e + 1),
        }),
        status: m.status,
        time: m.when.as_deref().map(event_time).map(Box::new),
        quote: format!("{} report at {s}", m.kind.as_str()).into(),
    }
}

pub fn config(case: &Case) -> Config {
    Config::default().conflict_tolerance_days(case.tolerance_days.unwrap_or(1))
}

pub fn timeline_of(case: &Case) -> Timeline {
    Timeline::from_parts(
        case.mentions.iter().map(mention).collect(),
        Vec::new(),
        &config(case),
    )
}

/// One partial timeline per article, merged in article order.
pub fn merged_per_article(case: &Case) -> Timeline {
    let mut articles: Vec<&str> = case.mentions.iter().map(|m| m.article.as_str()).collect();
    articles.sort();
    articles.dedup();
    let mut acc: Option<Timeline> = None;
    for a in articles {
        let part = Timeline::from_parts(
            case.mentions
                .iter()
                .filter(|m| m.article == a)
                .map(mention)
                .collect(),
            Vec::new(),
            &config(case),
        );
        acc = Some(match acc {
            Some(t) => t.merge(&part),
            None => part,
        });
    }
    acc.unwrap_or_else(|| Timeline::from_parts(Vec::new(), Vec::new(), &config(case)))
}

/// `article@trigger_start` for each mention of an entry.
pub fn mention_ids(e: &storyline::TimelineEvent) -> Vec<String> {
    e.mentions
        .iter()
        .map(|m| format!("{}@{}", m.article, m.trigger.start))
        .collect()
}
