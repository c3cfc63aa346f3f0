//! A readable text timeline: date, kind, who, where, status, sources, quotes.

use crate::merge::Timeline;
use std::fmt::Write;

/// Renders the timeline as plain text, one entry per event, dated events first.
pub fn render(timeline: &Timeline) -> String {
    let mut out = String::new();
    for e in timeline.events() {
        let _ = writeln!(
            out,
            "{:<12} {:<18} {} | {} | {:?} | {} source(s)",
            e.when.as_deref().unwrap_or("undated"),
            e.kind.as_str(),
            e.participants.join(", "),
            e.place.as_deref().unwrap_or("-"),
            e.status,
            e.sources
        );
        for m in &e.mentions {
            let _ = writeln!(out, "    [{}] {}", m.article, m.quote);
        }
    }
    out
}
