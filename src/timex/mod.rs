//! Temporal expressions: find them, then resolve them against the article (TIMEX3).
//!
//! Scanning produces unresolved pieces ("Wednesday", "−1 day", "September 24");
//! resolving turns them into TimeML TIMEX3 values against an anchor: the
//! publication date, the clause's tense, the narrative's last absolute date.
//!
//! ```
//! use storyline::{text::segment, timex, Config, Published};
//! let doc = segment("Putin will meet Maduro on Wednesday. He arrived yesterday.");
//! let published = Published::parse("2019-09-24")?;
//! let found = timex::annotate(&doc, Some(&published), &Config::default());
//! let values: Vec<&str> = found.timexes.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["2019-09-25", "2019-09-23"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Scanning
//!
//! The whole text is scanned, every block included (captions and comments too:
//! only the narrative anchor below is restricted to news blocks). One pass cuts it
//! into light tokens and looks each word up once in a lexicon built once per
//! process (calendar words, relative words, counts, zones); a small hand-written
//! parser then tries, at each token that can start an expression, a handful of
//! patterns and keeps the longest match. Extents follow TimeML: "last", "next",
//! "the", "about", "more than" belong to the expression; "on", "in", "at", "for"
//! do not. Words that look like dates but are not stay out: "may" and "march" in
//! lower case, "March" without a preposition before it, "Sun."/"Sat." without a
//! date after them, numbers glued to letters or signs ("A319CJ", "$1998",
//! "10%"), grouped numbers ("2,020"), years followed by a counted noun ("2020
//! people"), ages ("52-year-old").
//!
//! # What anchors what
//!
//! * Absolute values ("Sept. 24, 2019", "1998", "the 1990s", "P3D") need nothing:
//!   [`Anchor::Absolute`].
//! * Relative values ("yesterday", "last year", "a month ago", "Monday", "the
//!   third quarter", "December 20") are resolved against the publication date,
//!   at the granularity the text gives ("last year" is `2018`, never a day; "a
//!   month ago" is `2019-08`): [`Anchor::Publication`]. "The 24th" is a day of
//!   the reference month (or the month before or after, by direction); "in three
//!   days" is a date three days ahead in a future clause and a length (`P3D`)
//!   otherwise ("the first rise in three years").
//! * Narrative values ("the next day", "two days later", "that evening", "the
//!   following week", "a year earlier") are resolved against the last absolute
//!   date named before them in a news block (headline, body, quote), at day
//!   grain for day and week offsets, at any grain for month and year offsets;
//!   without one, against the publication date: [`Anchor::Narrative`]. "A year
//!   earlier" right after a quarter is that quarter a year before (`2018-Q3`).
//! * Without a publication date, the first full date the article states (a
//!   dateline, a "March 01, 2008" line) is taken as the publication date,
//!   [`Annotation::inferred_published`] says so with its evidence, a
//!   [`DiagnosticKind::InferredPublication`](crate::DiagnosticKind) diagnostic is
//!   pushed and values are [`Anchor::Inferred`]. With no such date, values keep
//!   their unknown parts (`XXXX-09-24`, `XXXX-WXX-3` for a weekday, `XXXX` for
//!   "last year") and are [`Anchor::Unanchored`]. The clock is never read.
//!
//! # How the direction is chosen
//!
//! Where the text does not fix the direction (a bare weekday, a month, a month and
//! day, a holiday, a season or quarter of no stated year), [`Config::direction`]
//! decides:
//!
//! * [`Prefer::Tense`] (the default) reads the clause: the nearest tense marker
//!   wins, those in the local clause (up to a comma, a conjunction or a relative
//!   pronoun) before the rest of the sentence, a verb right before the expression
//!   ("said Friday") before anything else, and reporting verbs ("the ministry
//!   said") only when nothing else speaks. Future markers: will/'ll/shall/would/
//!   might, "going to", plans, scheduled, expected, due, payable, effective,
//!   until, "is to". Past markers: past-tense verbs (-ed and an irregular list,
//!   but not a participle after "be"), has/have/had, since, ago. Present
//!   markers, in body and quote blocks only (a headline's present is a past,
//!   "President signs bill Monday") and only in the local clause: the
//!   third-person present of verbs of scheduled events (meets, signs, opens,
//!   begins...), their plural form right after a plural subject ("Talks resume",
//!   "they meet"), and "is"/"are" with the expression as predicate ("The vote is
//!   on Monday"); they rank after past and future markers, like reporting verbs.
//!   - A future clause takes the next such day on or after the reference ("will
//!     meet on Wednesday"); the article's own weekday is that day.
//!   - A past clause takes a weekday on or before the reference ("adopted ...
//!     on Monday"). For months and dates it takes the nearest occurrence but
//!     weighs the future three times (past verbs often carry future deadlines,
//!     "extended the offer to Nov. 20"): "December 20" in a January article is
//!     last December in a past clause and next December in a future one.
//!   - A present clause takes the next weekday (or weekend) on or after the
//!     reference, as a future one: news reports a schedule in the simple
//!     present ("The committee signs the agreement on Monday"). Anything else
//!     as with no tense (a present with a month is more often a state).
//!   - No tense: weekdays and holidays take the nearest occurrence, dates and
//!     months the nearest, quarters and seasons the reference year.
//! * [`Prefer::Past`] always looks back, [`Prefer::Future`] always ahead,
//!   [`Prefer::Nearest`] takes the closest.
//!
//! Explicit words override the policy: "last Friday" is strictly before the
//! reference, "next Tuesday" strictly after, "this Thursday" in the reference's
//! week, a possessive weekday ("Wednesday's ruling") looks back unless the clause
//! is future.
//!
//! # Values that cannot be computed
//!
//! A recognised expression whose value cannot be computed ("February 30", "25:61
//! PM", "99999999999 days ago", a year outside [`Config::years`], "tomorrow"
//! against a publication date of 9999-12-31) gives no timex and a
//! [`DiagnosticKind::Unresolvable`](crate::DiagnosticKind) diagnostic with its
//! span: a value with X's would look resolvable to a reader that only checks
//! the format. All arithmetic on numbers from the text is checked.

use crate::{Config, Diagnostic, Prefer, Published, Span};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// TimeML TIMEX3 `type`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum TimexType {
    /// A calendar date or period: `2019-09-25`, `2019-W39`, `PRESENT_REF`.
    Date,
    /// A time of day: `2019-09-25T21:59`.
    Time,
    /// A length of time: `P3D`.
    Duration,
    /// A recurrence: `XXXX-WXX-1` ("every Monday").
    Set,
}

impl TimexType {
    /// The TIMEX3 name (`"DATE"`).
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How fine a resolved value is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Granularity {
    /// `18` (the 1800s).
    Century,
    /// `199` (the 1990s).
    Decade,
    /// `2019`.
    Year,
    /// `2019-H1`.
    Half,
    /// `2019-Q3`.
    Quarter,
    /// `2019-SU`.
    Season,
    /// `2019-09`.
    Month,
    /// `2019-W39`.
    Week,
    /// `2019-09-25`.
    Day,
    /// `2019-09-25TEV`.
    PartOfDay,
    /// `2019-09-25T21`.
    Hour,
    /// `2019-09-25T21:59`.
    Minute,
    /// `2019-09-25T21:59:30`.
    Second,
}

/// A half-open interval of local time `[start, end)`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Interval {
    /// First instant.
    pub start: NaiveDateTime,
    /// One past the last instant.
    pub end: NaiveDateTime,
}

impl Interval {
    /// The whole of one day.
    pub fn day(date: NaiveDate) -> Interval {
        let start = date.and_hms_opt(0, 0, 0).unwrap_or_default();
        let end = date
            .succ_opt()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or(NaiveDateTime::MAX);
        Interval { start, end }
    }

    /// Whether the two intervals share an instant.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this interval.
    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// TIMEX3 `mod`: how the value is qualified.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum Modifier {
    /// "about", "around".
    Approx,
    /// "before", "less than ... ago".
    Before,
    /// "after", "more than ... ago".
    After,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
    /// "early", "the beginning of".
    Start,
    /// "mid-".
    Mid,
    /// "late", "the end of".
    End,
    /// "less than" (durations).
    LessThan,
    /// "more than" (durations).
    MoreThan,
}

impl Modifier {
    /// The TIMEX3 name (`"APPROX"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Approx => "APPROX",
            Modifier::Before => "BEFORE",
            Modifier::After => "AFTER",
            Modifier::OnOrBefore => "ON_OR_BEFORE",
            Modifier::OnOrAfter => "ON_OR_AFTER",
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::LessThan => "LESS_THAN",
            Modifier::MoreThan => "MORE_THAN",
        }
    }
}

/// What a value was resolved against.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Anchor {
    /// Nothing: the text states the value ("2019-09-24", "P3D").
    Absolute,
    /// The publication date.
    Publication,
    /// The last absolute date before it in the narrative ("the next day").
    Narrative,
    /// A publication date inferred from the text (see [`Annotation::inferred_published`]).
    Inferred,
    /// Nothing could anchor it: the value keeps its unknown parts (`XXXX-09-24`).
    Unanchored,
}

/// A temporal expression found in the text and resolved.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Timex {
    /// The expression's bytes in the article.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2019-09-25`, `2019-W39`, `P1M`, `PRESENT_REF`, `XXXX-09-24`.
    pub value: String,
    /// How fine the value is, for dates and times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    /// The instants the value covers, for anchored dates and times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// TIMEX3 mod.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// A time zone the text states ("GMT", "local time"), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// What the value was resolved against.
    pub anchor: Anchor,
}

impl Timex {
    /// Resolves this expression again against a reference learnt later: an
    /// [`Anchor::Unanchored`] value (`XXXX-09-24`, `XXXX-WXX-3`) keeps its text,
    /// so a caller that finds the publication date elsewhere can complete it. The
    /// span stays the same; the clause's tense is not re-read, `prefer` decides.
    ///
    /// ```
    /// use storyline::{text::segment, timex, Config, Prefer};
    /// let doc = segment("The summit ended on September 24.");
    /// let found = timex::annotate(&doc, None, &Config::default());
    /// assert_eq!(found.timexes[0].value, "XXXX-09-24");
    /// let reference = chrono::NaiveDate::from_ymd_opt(2019, 10, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    /// let t = found.timexes[0].anchor_to(reference, Prefer::Past).unwrap();
    /// assert_eq!((t.value.as_str(), t.span), ("2019-09-24", found.timexes[0].span));
    /// ```
    pub fn anchor_to(&self, reference: NaiveDateTime, prefer: Prefer) -> Option<Timex> {
        let mut t = resolve::resolve_phrase(&self.text, reference, prefer)?;
        t.span = self.span;
        t.text = self.text.clone();
        Some(t)
    }
}

/// The temporal expressions of one article in compact form: what the outputs show
/// of each (span, text, type, value), the strings in one buffer. A timeline keeps
/// this instead of whole [`Timex`]es, so a large timeline costs a few dozen bytes
/// per expression.
///
/// ```
/// use storyline::{text::segment, timex::{self, TimexList}, Config, Published};
/// let doc = segment("Putin will meet Maduro on Wednesday. He arrived yesterday.");
/// let found = timex::annotate(&doc, Some(&Published::parse("2019-09-24")?), &Config::default());
/// let list = TimexList::new(&found.timexes);
/// assert_eq!(list.len(), 2);
/// let values: Vec<&str> = list.iter().map(|t| t.value).collect();
/// assert_eq!(values, ["2019-09-25", "2019-09-23"]);
/// assert!(list.iter().zip(&found.timexes).all(|(c, t)| c.span == t.span && c.text == t.text));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimexList {
    /// Each expression's text then its value, one after the other.
    strings: Box<str>,
    items: Packed,
}

/// The expressions without their strings: 20 bytes each while the article's
/// offsets fit in 32 bits (any article under 4 GiB), 32 beyond.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Packed {
    Narrow(Box<[NarrowTimex]>),
    Wide(Box<[WideTimex]>),
}

impl Default for Packed {
    fn default() -> Packed {
        Packed::Narrow(Box::default())
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct NarrowTimex {
    start: u32,
    end: u32,
    text_len: u32,
    value_len: u32,
    kind: TimexType,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct WideTimex {
    span: Span,
    text_len: u32,
    value_len: u32,
    kind: TimexType,
}

impl Packed {
    fn len(&self) -> usize {
        match self {
            Packed::Narrow(v) => v.len(),
            Packed::Wide(v) => v.len(),
        }
    }

    /// The `i`-th expression: span, text length, value length, type.
    fn get(&self, i: usize) -> Option<(Span, u32, u32, TimexType)> {
        match self {
            Packed::Narrow(v) => v.get(i).map(|n| {
                let span = Span::new(n.start as usize, n.end as usize);
                (span, n.text_len, n.value_len, n.kind)
            }),
            Packed::Wide(v) => v.get(i).map(|w| (w.span, w.text_len, w.value_len, w.kind)),
        }
    }
}

/// One expression of a [`TimexList`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct TimexEntry<'a> {
    /// The expression's bytes in the article.
    pub span: Span,
    /// The expression as written.
    pub text: &'a str,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: &'a str,
}

/// A [`TimexEntry`] that owns its strings, to read a [`TimexList`] back.
#[derive(Deserialize)]
struct OwnedTimexEntry {
    span: Span,
    text: String,
    #[serde(rename = "type")]
    kind: TimexType,
    value: String,
}

/// The longest prefix of `s` whose length fits in a `u32`, cut on a char boundary.
/// Only an expression over 4 GiB (a configured expression limit that large) is cut.
fn clip_u32(s: &str) -> (&str, u32) {
    let mut cut = s.len().min(u32::MAX as usize);
    while cut > 0 && !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = s.get(..cut).unwrap_or("");
    (head, u32::try_from(head.len()).unwrap_or(0))
}

impl TimexList {
    /// The compact form of an article's expressions, in the same order.
    pub fn new(timexes: &[Timex]) -> TimexList {
        TimexList::from_entries(timexes.iter().map(|t| TimexEntry {
            span: t.span,
            text: &t.text,
            kind: t.kind,
            value: &t.value,
        }))
    }

    fn from_entries<'a>(entries: impl Iterator<Item = TimexEntry<'a>> + Clone) -> TimexList {
        let bytes = entries.clone().fold(0usize, |n, e| {
            n.saturating_add(e.text.len()).saturating_add(e.value.len())
        });
        let narrow = entries
            .clone()
            .all(|e| u32::try_from(e.span.start).is_ok() && u32::try_from(e.span.end).is_ok());
        let mut strings = String::with_capacity(bytes);
        let mut wide = Vec::new();
        let mut small = Vec::new();
        for e in entries {
            let (text, text_len) = clip_u32(e.text);
            let (value, value_len) = clip_u32(e.value);
            strings.push_str(text);
            strings.push_str(value);
            match (
                narrow,
                u32::try_from(e.span.start),
                u32::try_from(e.span.end),
            ) {
                (true, Ok(start), Ok(end)) => small.push(NarrowTimex {
                    start,
                    end,
                    text_len,
                    value_len,
                    kind: e.kind,
                }),
                _ => wide.push(WideTimex {
                    span: e.span,
                    text_len,
                    value_len,
                    kind: e.kind,
                }),
            }
        }
        let items = if narrow {
            Packed::Narrow(small.into_boxed_slice())
        } else {
            Packed::Wide(wide.into_boxed_slice())
        };
        TimexList {
            strings: strings.into_boxed_str(),
            items,
        }
    }

    /// How many expressions.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.len() == 0
    }

    /// The expressions, in order.
    pub fn iter(&self) -> impl Iterator<Item = TimexEntry<'_>> + Clone + '_ {
        let mut at = 0usize;
        (0..self.items.len()).filter_map(move |i| {
            let (span, text_len, value_len, kind) = self.items.get(i)?;
            let text_end = at.saturating_add(text_len as usize);
            let value_end = text_end.saturating_add(value_len as usize);
            let text = self.strings.get(at..text_end).unwrap_or("");
            let value = self.strings.get(text_end..value_end).unwrap_or("");
            at = value_end;
            Some(TimexEntry {
                span,
                text,
                kind,
                value,
            })
        })
    }
}

impl From<&[Timex]> for TimexList {
    fn from(timexes: &[Timex]) -> TimexList {
        TimexList::new(timexes)
    }
}

impl Serialize for TimexList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for TimexList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TimexList, D::Error> {
        let owned = Vec::<OwnedTimexEntry>::deserialize(d)?;
        Ok(TimexList::from_entries(owned.iter().map(|e| TimexEntry {
            span: e.span,
            text: &e.text,
            kind: e.kind,
            value: &e.value,
        })))
    }
}

/// A publication date inferred from the article's own text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InferredPublication {
    /// The inferred date.
    pub date: NaiveDate,
    /// The expression it was inferred from (a dateline, a dated line).
    pub evidence: Span,
}

/// The temporal expressions of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Every expression found, in text order, without overlaps.
    pub timexes: Vec<Timex>,
    /// Set when the publication date was missing and was inferred from the text.
    pub inferred_published: Option<InferredPublication>,
    /// Notes: unresolvable values, limits reached.
    pub diagnostics: Vec<Diagnostic>,
}

mod resolve;
mod scan;

/// English month names, January first: the one list the timex scanner and the
/// entity finder (which must not read "September" as a name) both use.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations with their month number ("may" has none: it is the name).
pub(crate) const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// English weekday names, Monday first (ISO 8601 order).
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Finds and resolves every temporal expression of a document, in every block
/// (captions and comments too); only news blocks move the narrative anchor.
///
/// Never fails: text it cannot read gives fewer expressions and, where a value could
/// not be computed, a diagnostic (see the [module docs](self) for what anchors what
/// and how the direction is chosen).
pub fn annotate(
    doc: &crate::text::Document<'_>,
    published: Option<&Published>,
    config: &Config,
) -> Annotation {
    resolve::annotate(doc, published, config)
}

/// Finds the temporal expressions of a text without resolving them: their spans,
/// in order, without overlaps. The cheap first half of [`annotate`], for callers
/// that only need to know where the expressions are.
///
/// ```
/// let text = "He left on Sept. 24, 2019, two days after the vote.";
/// let spans: Vec<&str> = storyline::timex::find(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(spans, ["Sept. 24, 2019", "two days"]);
/// ```
pub fn find(text: &str) -> Vec<Span> {
    let mut found = Vec::new();
    scan::scan(text, usize::MAX, &mut found);
    found
        .into_iter()
        .map(|f| Span::new(f.start, f.end))
        .collect()
}

/// Resolves one phrase ("next tuesday", "two days ago", "September 24") against a
/// reference date-time.
///
/// Returns `None` when the phrase is not wholly a temporal expression.
///
/// ```
/// use storyline::{timex::resolve_phrase, Prefer};
/// let reference = chrono::NaiveDate::from_ymd_opt(2019, 9, 24).unwrap().and_hms_opt(12, 0, 0).unwrap();
/// let t = resolve_phrase("next tuesday", reference, Prefer::Tense).unwrap();
/// assert_eq!(t.value, "2019-10-01");
/// ```
pub fn resolve_phrase(phrase: &str, reference: NaiveDateTime, prefer: Prefer) -> Option<Timex> {
    resolve::resolve_phrase(phrase, reference, prefer)
}
