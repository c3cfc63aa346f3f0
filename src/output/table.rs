//! A readable text timeline: date, kind, who, where, status, sources, quotes.
//!
//! One block per event, in the timeline's order (chronological, undated events
//! after the dated ones):
//!
//! ```text
//! 2019-09-25    meeting       Vladimir Putin, Nicolás Maduro
//!               where Moscow · occurred · 2 sources, 3 articles
//!               - 002: “Russian President Vladimir Putin will meet …”
//!               - El Mundo (003): “Putin today received his Venezuelan …”
//! ```
//!
//! When sources disagree on the date, a `dates differ:` line lists each one.

use crate::merge::{Timeline, TimelineEvent};
use std::fmt::Write;

/// Longest quote shown, in characters.
const QUOTE_CHARS: usize = 110;
/// Narrowest date and kind columns; wider values widen the column for the
/// whole table so that columns stay aligned.
const DATE_WIDTH: usize = 14;
const KIND_WIDTH: usize = 14;

/// Renders the timeline as plain text, one block per event, dated events first.
///
/// ```
/// use storyline::{output::table, Config, Timeline};
/// let empty = Timeline::from_parts(Vec::new(), Vec::new(), &Config::default());
/// assert_eq!(table::render(&empty), "(no events)\n");
/// ```
pub fn render(timeline: &Timeline) -> String {
    let mut out = String::new();
    if timeline.events().is_empty() {
        out.push_str("(no events)\n");
        return out;
    }
    let widest =
        |f: &dyn Fn(&TimelineEvent) -> usize| timeline.events().iter().map(f).max().unwrap_or(0);
    let dw = DATE_WIDTH.max(2 + widest(&|e| e.when.as_deref().map_or(7, |w| w.chars().count())));
    let kw = KIND_WIDTH.max(2 + widest(&|e| e.kind.as_str().len()));
    for (i, e) in timeline.events().iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        event(&mut out, e, dw, kw);
    }
    out
}

fn event(out: &mut String, e: &TimelineEvent, dw: usize, kw: usize) {
    let indent = " ".repeat(dw + kw);
    let who = if e.participants.is_empty() {
        "-".to_owned()
    } else {
        e.participants.join(", ")
    };
    let _ = writeln!(
        out,
        "{:<dw$}{:<kw$}{}",
        e.when.as_deref().unwrap_or("undated"),
        e.kind.as_str(),
        who,
    );
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let _ = writeln!(
        out,
        "{indent}where {} · {} · {}, {}",
        e.place.as_deref().unwrap_or("-"),
        format!("{:?}", e.status).to_lowercase(),
        plural(e.sources, "source", "sources"),
        plural(e.articles, "article", "articles"),
    );
    if !e.conflicts.is_empty() {
        let dates: Vec<String> = e
            .conflicts
            .iter()
            .map(|c| format!("{} ({})", c.when, label(&c.article, c.source.as_deref())))
            .collect();
        let _ = writeln!(out, "{indent}dates differ: {}", dates.join("; "));
    }
    // one quote per source: its first report, in article and text order
    let mut seen: Vec<(bool, &str)> = Vec::new();
    for m in &e.mentions {
        let key = match &m.source {
            Some(s) => (true, s.as_str()),
            None => (false, m.article.as_str()),
        };
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let _ = writeln!(
            out,
            "{indent}- {}: “{}”",
            label(&m.article, m.source.as_deref()),
            short(&m.quote)
        );
    }
}

fn label(article: &str, source: Option<&str>) -> String {
    match source {
        Some(s) => format!("{s} ({article})"),
        None => article.to_owned(),
    }
}

/// The quote on one line, cut on a word boundary when long.
fn short(quote: &str) -> String {
    let flat = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(QUOTE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > QUOTE_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{cut} …")
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn quotes_are_flattened_and_cut_on_words() {
        assert_eq!(short("a\n  b\tc"), "a b c");
        let long = "word ".repeat(40);
        let s = short(&long);
        assert!(s.ends_with(" …"));
        assert!(s.chars().count() <= super::QUOTE_CHARS + 2);
        let accents = "é".repeat(200);
        assert_eq!(short(&accents).chars().count(), super::QUOTE_CHARS + 2);
    }
}
