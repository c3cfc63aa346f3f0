//! TimeML 1.2 export: one article with its creation time (DCT), its TIMEX3
//! expressions, and its extracted event mentions as EVENT tags.
//!
//! The `<TEXT>` element holds the article text byte for byte, so the UTF-8 byte
//! offsets of the crate's spans are the offsets a TimeML reader computes from the
//! element's text (TempEval tools, `score_timeml.py`). Tags never overlap: an EVENT
//! that would cross or nest in a TIMEX3 (or another EVENT) is dropped, because
//! well-formed XML matters more than one more event.
//!
//! ```
//! use storyline::{output::timeml, Article, Extractor};
//! let article = Article::new("a&b", "Putin will meet Maduro on Wednesday.")
//!     .with_published_str("2019-09-24")?;
//! let extraction = Extractor::default().extract(&article);
//! let xml = timeml::article_to_timeml(&article, &extraction.record.timexes, &extraction.events);
//! assert!(xml.contains(r#"functionInDocument="CREATION_TIME""#));
//! assert!(xml.contains("<DOCID>a&amp;b</DOCID>"));
//! assert_eq!(timeml::file_stem("../x y"), "_.._x_y");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::event::{EventKind, EventMention, Status};
use crate::timex::{Anchor, Timex};
use crate::{Article, Span};
use chrono::Timelike;
use std::fmt::Write;

/// Writes one article as a TimeML 1.2 document.
///
/// `timexes` and `events` are the article's own (from [`crate::Extractor::extract`]);
/// spans out of bounds, off char boundaries or overlapping an earlier tag are left
/// out. Each EVENT gets a MAKEINSTANCE (polarity NEG for negated mentions, modality
/// for planned and hypothetical ones) and, when its time comes from an exported
/// TIMEX3, a TLINK `IS_INCLUDED` to it.
pub fn article_to_timeml(article: &Article, timexes: &[Timex], events: &[EventMention]) -> String {
    let text = article.text.as_str();
    let mut out = String::with_capacity(text.len() + text.len() / 2 + 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n");
    let _ = writeln!(out, "<DOCID>{}</DOCID>", escape_text(&article.id));
    // The DCT keeps the time of day when the source gives one (local time, as
    // TIMEX3 values are).
    let dct = article.published.as_ref().map(|p| match p.datetime() {
        Some(dt) if dt.second() != 0 => ("TIME", dt.format("%Y-%m-%dT%H:%M:%S").to_string()),
        Some(dt) => ("TIME", dt.format("%Y-%m-%dT%H:%M").to_string()),
        None => ("DATE", p.date().format("%Y-%m-%d").to_string()),
    });
    match &dct {
        Some((kind, v)) => {
            let _ = writeln!(
                out,
                "<DCT><TIMEX3 tid=\"t0\" type=\"{kind}\" value=\"{v}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{v}</TIMEX3></DCT>"
            );
        }
        None => out.push_str("<DCT></DCT>\n"),
    }

    // Choose the tags: timexes first (they are the scored layer), then events that
    // fit around them.
    let mut tags: Vec<Tag> = Vec::new();
    let mut sorted: Vec<&Timex> = timexes.iter().collect();
    // At one start the longer expression wins: it is the more complete reading.
    sorted.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    let mut tid = 0usize;
    for t in sorted {
        if !fits(text, t.span, &tags) {
            continue;
        }
        tid += 1;
        tags.push(Tag {
            span: t.span,
            what: TagKind::Timex {
                tid,
                timex: t.clone(),
            },
        });
    }
    let mut eid = 0usize;
    for m in events {
        if !fits(text, m.trigger, &tags) {
            continue;
        }
        eid += 1;
        tags.push(Tag {
            span: m.trigger,
            what: TagKind::Event { eid, mention: m },
        });
    }
    tags.sort_by_key(|t| t.span.start);

    out.push_str("<TEXT>");
    let mut pos = 0;
    for tag in &tags {
        push_text(&mut out, &text[pos..tag.span.start]);
        let inner = &text[tag.span.start..tag.span.end];
        match &tag.what {
            TagKind::Timex { tid, timex } => {
                let _ = write!(
                    out,
                    "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\"",
                    timex.kind.as_str(),
                    escape_attr(&timex.value)
                );
                if let Some(m) = timex.modifier {
                    let _ = write!(out, " mod=\"{}\"", m.as_str());
                }
                let relative = !matches!(timex.anchor, Anchor::Absolute);
                let _ = write!(
                    out,
                    " temporalFunction=\"{relative}\" functionInDocument=\"NONE\""
                );
                if relative && dct.is_some() && matches!(timex.anchor, Anchor::Publication) {
                    out.push_str(" anchorTimeID=\"t0\"");
                }
                out.push('>');
                push_text(&mut out, inner);
                out.push_str("</TIMEX3>");
            }
            TagKind::Event { eid, mention } => {
                let _ = write!(
                    out,
                    "<EVENT eid=\"e{eid}\" class=\"{}\">",
                    event_class(mention.kind)
                );
                push_text(&mut out, inner);
                out.push_str("</EVENT>");
            }
        }
        pos = tag.span.end;
    }
    push_text(&mut out, &text[pos..]);
    out.push_str("</TEXT>\n");

    // Instances and links, in eid order.
    let mut events_by_id: Vec<(usize, &EventMention)> = tags
        .iter()
        .filter_map(|t| match t.what {
            TagKind::Event { eid, mention } => Some((eid, mention)),
            TagKind::Timex { .. } => None,
        })
        .collect();
    events_by_id.sort_by_key(|(eid, _)| *eid);
    for (eid, m) in &events_by_id {
        let polarity = if m.status == Status::Negated {
            "NEG"
        } else {
            "POS"
        };
        let _ = write!(
            out,
            "<MAKEINSTANCE eiid=\"ei{eid}\" eventID=\"e{eid}\" pos=\"UNKNOWN\" tense=\"NONE\" aspect=\"NONE\" polarity=\"{polarity}\""
        );
        match m.status {
            Status::Planned => out.push_str(" modality=\"will\""),
            Status::Hypothetical => out.push_str(" modality=\"might\""),
            _ => {}
        }
        out.push_str("/>\n");
    }
    let mut lid = 0usize;
    for (eid, m) in &events_by_id {
        let Some(span) = m.time.as_ref().and_then(|t| t.timex) else {
            continue;
        };
        let target = tags.iter().find_map(|t| match &t.what {
            TagKind::Timex { tid, .. } if t.span == span => Some(*tid),
            _ => None,
        });
        if let Some(tid) = target {
            lid += 1;
            let _ = writeln!(
                out,
                "<TLINK lid=\"l{lid}\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei{eid}\" relatedToTime=\"t{tid}\"/>"
            );
        }
    }
    out.push_str("</TimeML>\n");
    out
}

/// A file name stem for an article id: ASCII letters, digits, `.`, `-` and `_`
/// kept, anything else `_`, at most 100 bytes, never empty, never starting with a
/// dot. Different ids can share a stem; a caller writing files keeps them apart.
pub fn file_stem(id: &str) -> String {
    let mut stem: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    if stem.is_empty() || stem.starts_with('.') {
        stem.insert(0, '_');
    }
    stem
}

/// The TimeML EVENT class of a kind: saying and announcing are REPORTING, the rest
/// OCCURRENCE.
fn event_class(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Statement | EventKind::Announcement => "REPORTING",
        _ => "OCCURRENCE",
    }
}

struct Tag<'m> {
    span: Span,
    what: TagKind<'m>,
}

enum TagKind<'m> {
    Timex {
        tid: usize,
        timex: Timex,
    },
    Event {
        eid: usize,
        mention: &'m EventMention,
    },
}

/// Whether a span is a non-empty slice of `text` on char boundaries that overlaps
/// no tag already chosen.
fn fits(text: &str, span: Span, tags: &[Tag<'_>]) -> bool {
    !span.is_empty()
        && span.slice(text).is_some()
        && !tags.iter().any(|t| t.span.overlaps(span) || t.span == span)
}

/// Appends text content. XML 1.0 cannot hold most control characters and a parser
/// folds `\r\n`; replacements keep every byte offset (a 1-byte control becomes a
/// space, U+FFFE/U+FFFF become the 3-byte U+FFFD, `\r` becomes a character
/// reference the parser turns back into one byte).
fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Text content escaped, as a new string.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_text(&mut out, s);
    out
}

/// An attribute value: text escaping plus quotes, and whitespace as references
/// so attribute normalisation keeps it.
fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c => push_text(&mut out, c.encode_utf8(&mut [0; 4])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_byte_offsets_where_it_must() {
        assert_eq!(escape_text("a<b>&c"), "a&lt;b&gt;&amp;c");
        assert_eq!(escape_text("x\u{1}y\r\n"), "x y&#13;\n");
        assert_eq!(escape_attr("a\"b'c<"), "a&quot;b&apos;c&lt;");
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem(""), "_");
        assert_eq!(file_stem(".hidden"), "_.hidden");
        assert_eq!(file_stem("a/b\\c"), "a_b_c");
        assert_eq!(file_stem("Málaga"), "M_laga");
        assert_eq!(file_stem(&"x".repeat(300)).len(), 100);
    }
}
