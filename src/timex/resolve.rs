//! Resolving: pieces + anchor -> TIMEX3 value, granularity, interval.

use super::scan::{self, duration_value, Count, Found, FxMap, Holiday, Part, Piece, Unit, YearOf};
use super::{Anchor, Annotation, Granularity, InferredPublication, Interval, Timex, TimexType};
use crate::text::{BlockKind, Document};
use crate::{Config, Diagnostic, DiagnosticKind, Prefer, Published, Span};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use std::sync::OnceLock;

/// The tense of the clause that governs an expression.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// A present-tense finite verb in the body ("signs", "is"): news reports a
    /// schedule in the simple present ("The committee signs the deal on Monday").
    Present,
    Unknown,
}

/// Which way an expression the text leaves open is resolved.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Dir {
    Past,
    /// A past clause: the nearest, leaning back. Past-tense verbs often carry
    /// future dates ("extended the offer to Nov. 20"), rarely the reverse.
    PastLean,
    Future,
    Nearest,
    /// Tense policy, no tense: the reference's own period; weekdays the nearest.
    Same,
    /// Tense policy, a present clause: weekdays and "the weekend" the coming
    /// one (the reference's own weekday is that day); anything else as
    /// [`Dir::Same`]: a present with a month or a date is more often a state
    /// ("are worth half what they were in October") than a schedule.
    Ahead,
}

fn direction(prefer: Prefer, tense: Tense) -> Dir {
    match prefer {
        Prefer::Past => Dir::Past,
        Prefer::Future => Dir::Future,
        Prefer::Nearest => Dir::Nearest,
        _ => match tense {
            Tense::Past => Dir::PastLean,
            Tense::Future => Dir::Future,
            Tense::Present => Dir::Ahead,
            Tense::Unknown => Dir::Same,
        },
    }
}

/// What a resolved expression is.
struct Res {
    kind: TimexType,
    value: String,
    gran: Option<Granularity>,
    interval: Option<Interval>,
    anchor: Anchor,
    /// The day it names, for the narrative anchor.
    day: Option<NaiveDate>,
    quarter: Option<(i32, u32)>,
}

impl Res {
    fn new(kind: TimexType, value: String, anchor: Anchor) -> Res {
        Res {
            kind,
            value,
            gran: None,
            interval: None,
            anchor,
            day: None,
            quarter: None,
        }
    }
}

/// Why a value could not be computed.
struct Unresolvable(&'static str);

type R = Result<Res, Unresolvable>;

/// Everything resolution reads besides the piece.
struct Ctx {
    reference: Option<NaiveDate>,
    ref_anchor: Anchor,
    narrative: Option<NaiveDate>,
    /// The last absolute date at any grain (a month, a year), as its first day.
    narrative_coarse: Option<NaiveDate>,
    quarter: Option<(i32, u32)>,
    /// Day named earlier in the same sentence (for bare clock times).
    sentence_day: Option<(usize, NaiveDate)>,
    /// A quarter named earlier in the same sentence ("a year earlier").
    sentence_quarter: Option<(usize, (i32, u32))>,
    sentence: usize,
    prefer: Prefer,
    years: (i32, i32),
    /// The past verb governing the expression stands right before it ("ended
    /// Jan. 31", "announced Aug. 21"): the date is behind, not merely leaning so.
    adjacent_past: bool,
}

pub(super) fn annotate(
    doc: &Document<'_>,
    published: Option<&Published>,
    config: &Config,
) -> Annotation {
    let text = doc.text();
    let mut found = Vec::new();
    // Scan past the limit so that an over-long expression is reported whole rather
    // than silently shortened to a part of it ("September" of "September 21, 2011").
    let limit = config.expression_limit();
    scan::scan(text, limit.saturating_mul(4).max(256), &mut found);
    let mut ann = Annotation::default();
    found.retain(|f| {
        let long = f.end - f.start > limit;
        if long {
            ann.diagnostics.push(Diagnostic {
                span: Some(Span::new(f.start, f.end)),
                kind: DiagnosticKind::LimitReached,
                message: format!(
                    "expression at bytes {}..{} is {} bytes, over the limit of {limit}; not resolved",
                    f.start,
                    f.end,
                    f.end - f.start
                ),
            });
        }
        !long
    });
    let mut ctx = Ctx {
        reference: published.map(Published::date),
        ref_anchor: Anchor::Publication,
        narrative: None,
        narrative_coarse: None,
        quarter: None,
        sentence_day: None,
        sentence_quarter: None,
        sentence: usize::MAX,
        prefer: config.direction(),
        years: config.years(),
        adjacent_past: false,
    };
    if ctx.reference.is_none() {
        if let Some(f) = found.iter().find(|f| {
            !f.invalid
                && matches!(
                    f.piece,
                    Piece::Date {
                        year: Some(_),
                        month: Some(_),
                        day: Some(_),
                        yrel: None
                    }
                )
        }) {
            if let Piece::Date {
                year: Some(y),
                month: Some(m),
                day: Some(d),
                ..
            } = f.piece
            {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    let span = Span::new(f.start, f.end);
                    ctx.reference = Some(date);
                    ctx.ref_anchor = Anchor::Inferred;
                    ann.inferred_published = Some(InferredPublication {
                        date,
                        evidence: span,
                    });
                    ann.diagnostics.push(Diagnostic {
                        span: Some(span),
                        kind: DiagnosticKind::InferredPublication,
                        message: format!(
                            "no publication date given; inferred {date} from {:?} at bytes {}..{}",
                            &text[f.start..f.end],
                            f.start,
                            f.end
                        ),
                    });
                }
            }
        }
    }
    for f in found {
        let sentence = doc.sentence_at(f.start);
        let si = sentence.unwrap_or(usize::MAX - 1);
        if si != ctx.sentence {
            ctx.sentence = si;
            ctx.sentence_day = None;
        }
        let news = sentence
            .and_then(|i| doc.sentences().get(i))
            .map_or(true, |s| doc.sentence_kind(s).is_news());
        let span = Span::new(f.start, f.end);
        if f.invalid {
            ann.diagnostics
                .push(unresolvable(text, span, "not a calendar date or time"));
            continue;
        }
        let (tense, adjacent) = if needs_tense(&f.piece) {
            tense_detail(doc, sentence, f.start, f.end)
        } else {
            (Tense::Unknown, false)
        };
        ctx.adjacent_past = adjacent && tense == Tense::Past;
        match resolve(&f, &ctx, tense) {
            Ok(res) => {
                if !year_ok(&res.value, ctx.years) {
                    ann.diagnostics.push(unresolvable(
                        text,
                        span,
                        "year outside the accepted range",
                    ));
                    continue;
                }
                if let Some(d) = res.day {
                    ctx.sentence_day = Some((si, d));
                    if news && res.kind == TimexType::Date && res.anchor != Anchor::Narrative {
                        ctx.narrative = Some(d);
                        ctx.narrative_coarse = Some(d);
                    }
                } else if news
                    && res.kind == TimexType::Date
                    && (res.anchor == Anchor::Absolute && res.gran == Some(Granularity::Year)
                        || res.anchor != Anchor::Narrative && res.gran == Some(Granularity::Month))
                {
                    ctx.narrative_coarse = res.interval.map(|i| i.start.date());
                }
                // A forecast quarter ("expect the trend to continue into the
                // fourth quarter", "losses through the third quarter of 1990"
                // in 1989) is not a period the report is about: "the year-ago
                // period" compares with a quarter reported on. A quarter of a
                // later year is a forecast; one not yet over is when its clause
                // is future ("third-quarter earnings will be lower" is about a
                // quarter that has ended; a fiscal fourth quarter may have too).
                let forecast = |(y, q): (i32, u32)| {
                    let Some(r) = ctx.reference else {
                        return false;
                    };
                    y > r.year()
                        || (y, q) > latest_quarter(r)
                            && (if needs_tense(&f.piece) {
                                tense
                            } else {
                                tense_detail(doc, sentence, f.start, f.end).0
                            }) == Tense::Future
                };
                if let Some(q) = res.quarter.filter(|&q| !forecast(q)) {
                    ctx.quarter = Some(q);
                    ctx.sentence_quarter = Some((si, q));
                }
                let zone = f.zone.and_then(|(a, b)| text.get(a..b)).map(str::to_owned);
                ann.timexes.push(Timex {
                    span,
                    text: text[f.start..f.end].to_owned(),
                    kind: res.kind,
                    value: res.value,
                    granularity: res.gran,
                    interval: res.interval,
                    modifier: f.modifier,
                    zone,
                    anchor: res.anchor,
                });
            }
            Err(Unresolvable(why)) => ann.diagnostics.push(unresolvable(text, span, why)),
        }
    }
    ann
}

/// Whether a piece's value depends on the direction (so the clause's tense is
/// worth reading): underspecified dates, weekdays, holidays, seasons, quarters.
fn needs_tense(piece: &Piece) -> bool {
    match piece {
        Piece::Date { year, .. } => year.is_none(),
        Piece::Weekday { rel, .. } => rel.is_none() || *rel == Some(scan::POSSESSIVE),
        Piece::Quarter { year, .. } | Piece::Season { year, .. } => *year == YearOf::Context,
        Piece::Holiday(_) | Piece::InShift { .. } => true,
        Piece::RelUnit { unit, n } => *unit == Unit::Week && *n == 99,
        Piece::Time { date, .. } => date.as_deref().is_some_and(needs_tense),
        Piece::DayOffset { base, .. } => needs_tense(base),
        _ => false,
    }
}

fn unresolvable(text: &str, span: Span, why: &str) -> Diagnostic {
    Diagnostic {
        span: Some(span),
        kind: DiagnosticKind::Unresolvable,
        message: format!(
            "{:?} at bytes {}..{} cannot be resolved: {why}",
            text.get(span.start..span.end).unwrap_or(""),
            span.start,
            span.end
        ),
    }
}

/// Whether the value's year (when it has one) is in the accepted range.
fn year_ok(value: &str, (min, max): (i32, i32)) -> bool {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    if value.starts_with('-') {
        return false; // a year before 1 BCE, from an overflowing offset
    }
    if digits >= 4 {
        return value[..digits]
            .parse::<i32>()
            .is_ok_and(|y| (min..=max).contains(&y));
    }
    true
}

pub(super) fn resolve_phrase(
    phrase: &str,
    reference: NaiveDateTime,
    prefer: Prefer,
) -> Option<Timex> {
    let mut found = Vec::new();
    scan::scan(phrase, phrase.len().max(1), &mut found);
    let lead = phrase.len() - phrase.trim_start().len();
    let tail = phrase.trim_end().len();
    let trimmed_end = tail.max(lead);
    let f = match found.as_slice() {
        [f] if f.start == lead
            && (f.end == trimmed_end
                || phrase[f.end..trimmed_end]
                    .chars()
                    .all(|c| c.is_ascii_punctuation())) =>
        {
            f.clone()
        }
        _ => return None,
    };
    if f.invalid {
        return None;
    }
    let ctx = Ctx {
        reference: Some(reference.date()),
        ref_anchor: Anchor::Publication,
        narrative: None,
        narrative_coarse: None,
        quarter: None,
        sentence_day: None,
        sentence_quarter: None,
        sentence: 0,
        prefer,
        years: (1, 9999),
        adjacent_past: false,
    };
    let res = resolve(&f, &ctx, Tense::Unknown)
        .ok()
        .filter(|r| year_ok(&r.value, ctx.years))?;
    Some(Timex {
        span: Span::new(f.start, f.end),
        text: phrase[f.start..f.end].to_owned(),
        kind: res.kind,
        value: res.value,
        granularity: res.gran,
        interval: res.interval,
        modifier: f.modifier,
        zone: f
            .zone
            .and_then(|(a, b)| phrase.get(a..b))
            .map(str::to_owned),
        anchor: res.anchor,
    })
}

// ---------------------------------------------------------------- tense

const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "held",
    "left",
    "saw",
    "began",
    "became",
    "got",
    "sent",
    "spoke",
    "flew",
    "won",
    "lost",
    "fell",
    "rose",
    "paid",
    "sold",
    "bought",
    "brought",
    "thought",
    "found",
    "knew",
    "led",
    "ran",
    "set",
    "put",
    "hit",
    "kept",
    "meant",
    "read",
    "stood",
    "struck",
    "wrote",
    "broke",
    "chose",
    "drove",
    "froze",
    "grew",
    "hung",
    "laid",
    "lay",
    "quit",
    "sought",
    "shot",
    "shut",
    "sank",
    "slid",
    "split",
    "spent",
    "swore",
    "taught",
    "threw",
    "tore",
    "understood",
    "woke",
    "wore",
    "withdrew",
    "overtook",
    "forgot",
    "fought",
    "felt",
    "dealt",
    "built",
    "ate",
    "drew",
    "hid",
    "let",
    "bore",
    "beat",
    "bid",
    "cut",
    "heard",
    "lit",
    "rode",
    "rang",
    "sat",
    "slept",
    "stole",
    "swept",
    "underwent",
    "upheld",
    "wept",
    "ago",
    "arrived",
    "announced",
    "has",
    "have",
    "since",
];

const FUTURE: &[&str] = &[
    "will",
    "ll",
    "shall",
    "scheduled",
    "expected",
    "due",
    "upcoming",
    "plans",
    "plan",
    "payable",
    "effective",
    "would",
    "might",
    "expects",
    "expect",
    "until",
    "till",
    "deadline",
    "aim",
    "intend",
    "planning",
    "intends",
    "aims",
    "going",
    "tomorrow",
    "hopes",
    "wo",
];

/// Third-person present forms of verbs that news uses for what is scheduled
/// ("The committee signs the agreement on Monday", "the exhibition opens
/// Tuesday"). Several are plural nouns too ("visits", "signs"): after a
/// determiner, a number or a possessive they are not counted.
const PRESENT: &[&str] = &[
    "meets",
    "signs",
    "begins",
    "starts",
    "opens",
    "closes",
    "ends",
    "holds",
    "hosts",
    "visits",
    "travels",
    "leaves",
    "arrives",
    "returns",
    "resumes",
    "heads",
    "flies",
    "goes",
    "votes",
    "convenes",
    "reconvenes",
    "concludes",
    "launches",
    "kicks",
    "expires",
    "testifies",
    "appears",
    "addresses",
    "attends",
    "receives",
    "welcomes",
    "tours",
    "debates",
    "faces",
    "plays",
    "marks",
    "celebrates",
    "unveils",
    "releases",
    "decides",
    "hears",
    "rules",
    "sits",
    "gathers",
    "joins",
    "delivers",
    "takes",
    "lands",
    "departs",
];

/// The plural present of a verb of [`PRESENT`] ("meets" -> "meet", "launches"
/// -> "launch"), as a slice of it; none for "-ies" ("flies").
fn plural_present(third: &'static str) -> Option<&'static str> {
    if third.ends_with("ies") {
        return None;
    }
    let es = ["ches", "shes", "sses", "xes", "oes"]
        .iter()
        .any(|e| third.ends_with(e));
    third.get(..third.len().saturating_sub(if es { 2 } else { 1 }))
}

const REPORTING: &[&str] = &[
    "said",
    "told",
    "announced",
    "added",
    "stated",
    "reported",
    "wrote",
    "noted",
    "explained",
    "declared",
    "confirmed",
    "insisted",
    "warned",
    "claimed",
    "tweeted",
];

const NOT_PAST: &[&str] = &[
    "need",
    "united",
    "red",
    "bed",
    "speed",
    "seed",
    "feed",
    "indeed",
    "hundred",
    "based",
    "proposed",
    "alleged",
    "so-called",
    "related",
    "called",
    "limited",
    "detailed",
    "armed",
    "advanced",
    "divided",
    "interested",
    "concerned",
    "supposed",
    "used",
    "embed",
    "reed",
    "creed",
    "breed",
    "weed",
    "shed",
    "wed",
    "fled",
    "led",
    "naked",
    "wicked",
    "sacred",
    "kindred",
    "coed",
    "embattled",
    "beloved",
    "scheduled",
    "expected",
    "planned",
    "estimated",
    "reported",
    "continued",
    "sustained",
    "renewed",
    "increased",
    "reduced",
    "unprecedented",
    "unexpected",
    "unidentified",
    "unnamed",
    "elected",
    "biased",
    "dated",
    "skilled",
    "varied",
    "qualified",
    "experienced",
    "complicated",
    "sophisticated",
    "organized",
    "organised",
];

#[derive(Copy, Clone, PartialEq, Eq)]
enum WordClass {
    Future,
    Past,
    Present,
    PresentPlural,
    Report,
    NotPast,
    Copula,
    Boundary,
}

struct WordClasses {
    map: FxMap<&'static str, WordClass>,
    /// (first letter, last letter) -> lengths present, to skip hashing.
    shape: Vec<u32>,
}

impl WordClasses {
    fn get(&self, w: &str) -> Option<WordClass> {
        let b = w.as_bytes();
        let (f, l) = (*b.first()?, *b.last()?);
        let bits = self
            .shape
            .get(scan::shape_index(f, l))
            .copied()
            .unwrap_or(0);
        if bits & (1 << b.len().min(31)) == 0 {
            return None;
        }
        self.map.get(w).copied()
    }
}

fn word_classes() -> &'static WordClasses {
    static M: OnceLock<WordClasses> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = FxMap::default();
        for w in NOT_PAST {
            m.insert(*w, WordClass::NotPast);
        }
        for w in PRESENT {
            m.insert(*w, WordClass::Present);
        }
        // "Talks resume on Monday", "they meet Friday": most plural forms are
        // nouns too ("the start", "a vote"), so they count only right after a
        // plural subject.
        for w in PRESENT.iter().filter_map(|w| plural_present(w)) {
            m.insert(w, WordClass::PresentPlural);
        }
        for w in IRREGULAR_PAST {
            m.insert(*w, WordClass::Past);
        }
        for w in FUTURE {
            m.insert(*w, WordClass::Future);
        }
        for w in REPORTING {
            m.insert(*w, WordClass::Report);
        }
        for w in ["is", "are", "says", "say", "am", "set"] {
            m.insert(w, WordClass::Copula);
        }
        for w in [
            "that", "which", "who", "because", "while", "but", "although", "after", "before",
            "when", "where", "and",
        ] {
            m.insert(w, WordClass::Boundary);
        }
        let mut shape = vec![0u32; 26 * 26];
        for k in m.keys() {
            let b = k.as_bytes();
            if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                if let Some(cell) = shape.get_mut(scan::shape_index(f, l)) {
                    *cell |= 1 << b.len().min(31);
                }
            }
        }
        WordClasses { map: m, shape }
    })
}

/// How far from the expression tense markers are looked for, in tokens.
const TENSE_WINDOW: usize = 40;

/// The tense of the clause around `start..end`: the nearest tense marker wins.
///
/// Markers in the local clause (up to a comma, a conjunction or a relative
/// pronoun) outrank the rest of the sentence; a marker before the expression
/// outranks one after it; reporting verbs ("the ministry said") count only when
/// nothing else does. A present-tense verb ("signs", "is") counts in body and
/// quote blocks only (a headline's present is a past: "President signs bill
/// Monday"), in the local clause only, and "is"/"are" only when the expression
/// is its predicate; it comes after any past or future marker of the same
/// reach, like a reporting verb. The flag says the governing marker is a (non-reporting)
/// verb right before the expression.
fn tense_detail(
    doc: &Document<'_>,
    sentence: Option<usize>,
    start: usize,
    end: usize,
) -> (Tense, bool) {
    let Some(s) = sentence.and_then(|i| doc.sentences().get(i)) else {
        return (Tense::Unknown, false);
    };
    let clause = s
        .clauses
        .iter()
        .find(|c| c.start <= start && start < c.end.max(c.start + 1))
        .copied()
        .unwrap_or(s.span);
    let text = doc.text();
    let present_ok = matches!(doc.sentence_kind(s), BlockKind::Body | BlockKind::Quote);
    let toks = doc.sentence_tokens(s);
    let at = toks.partition_point(|t| t.span.end <= start);
    let first = at.saturating_sub(TENSE_WINDOW);
    let last = at.saturating_add(TENSE_WINDOW).min(toks.len());
    let window = toks.get(first..last).unwrap_or(&[]);
    let classes = word_classes();
    let class_of = |t: &crate::text::Token, buf: &mut [u8; 20]| -> Option<WordClass> {
        let w = text.get(t.span.start..t.span.end)?;
        if matches!(w, "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")") {
            return Some(WordClass::Boundary);
        }
        if w.len() > buf.len() || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        for (d, c) in buf.iter_mut().zip(w.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        let lw = std::str::from_utf8(&buf[..w.len()]).ok()?;
        match classes.get(lw) {
            Some(c) => Some(c),
            None if lw.len() >= 5 && lw.ends_with("ed") => Some(WordClass::Past),
            None => None,
        }
    };
    let mut buf = [0u8; 20];
    let mut lo = 0;
    let mut hi = usize::MAX;
    let mut marks: [(usize, usize, WordClass, Weight); 2 * TENSE_WINDOW] =
        [(0, 0, WordClass::Boundary, Weight::Full); 2 * TENSE_WINDOW];
    let mut n = 0;
    let mut prev_be = false;
    // The words before token `k`, read only for the rare markers that need them.
    let word_at = |k: usize| -> &str {
        window
            .get(k)
            .and_then(|t| text.get(t.span.start..t.span.end))
            .unwrap_or("")
    };
    // Whether the expression is the predicate that starts at token `k` ("is
    // Friday", "is on Monday"): a copula is a schedule only so; elsewhere it
    // is a state that dates nothing ("are dead after a crash on Monday").
    let predicate_at = |k: usize| {
        let starts = |k: usize| window.get(k).is_some_and(|t| t.span.start == start);
        starts(k)
            || (["on", "for"]
                .iter()
                .any(|p| word_at(k).eq_ignore_ascii_case(p))
                && starts(k + 1))
    };
    for (k, t) in window.iter().enumerate() {
        let word = text.get(t.span.start..t.span.end).unwrap_or("");
        let was_be = std::mem::replace(&mut prev_be, word.eq_ignore_ascii_case("be"));
        let prev = |back: usize| k.checked_sub(back).map_or("", word_at);
        let was_det = || before_noun(prev(1));
        let after_had = || {
            prev(1).eq_ignore_ascii_case("had")
                || (prev(1).eq_ignore_ascii_case("been") && prev(2).eq_ignore_ascii_case("had"))
        };
        let after_modal = || MODALS.iter().any(|m| prev(1).eq_ignore_ascii_case(m));
        let was_modal = || {
            after_modal()
                || prev(1).eq_ignore_ascii_case("has")
                || prev(1).eq_ignore_ascii_case("have")
        };
        if t.span.start < clause.start || t.span.end > clause.end {
            continue;
        }
        if t.span.start >= start && t.span.end <= end {
            continue;
        }
        let Some(class) = class_of(t, &mut buf) else {
            continue;
        };
        match class {
            // "between Australia and India": names joined, not clauses.
            WordClass::Boundary
                if word.eq_ignore_ascii_case("and")
                    && starts_upper(prev(1))
                    && starts_upper(word_at(k + 1)) => {}
            // "markets untouched by the crisis": a participle after its noun.
            WordClass::Past
                if word.len() >= 5
                    && word.ends_with("ed")
                    && word_at(k + 1).eq_ignore_ascii_case("by")
                    && !is_auxiliary(prev(1)) => {}
            WordClass::Boundary => {
                if t.span.end <= start {
                    lo = t.span.end;
                } else if hi == usize::MAX {
                    hi = t.span.start;
                }
            }
            // "the plan", "its plans", "his hopes": nouns, not planning verbs.
            // "planned a rally", "planned for Saturday" look ahead; "the
            // planned trip", "hastily planned", "planned to pay" do not.
            WordClass::NotPast
                if word.eq_ignore_ascii_case("planned")
                    && !was_det()
                    && window
                        .get(k + 1)
                        .and_then(|t| text.get(t.span.start..t.span.end))
                        .is_some_and(|w| {
                            ["a", "an", "the", "for", "its", "their"]
                                .iter()
                                .any(|d| w.eq_ignore_ascii_case(d))
                        }) =>
            {
                if n < marks.len() {
                    marks[n] = (t.span.start, t.span.end, WordClass::Future, Weight::Full);
                    n += 1;
                }
            }
            // "vacation plans": a planning verb takes "to".
            WordClass::Future
                if is_noun_after_det(word)
                    && (was_det()
                        || !window
                            .get(k + 1)
                            .and_then(|t| text.get(t.span.start..t.span.end))
                            .is_some_and(|w| w.eq_ignore_ascii_case("to"))) => {}
            WordClass::NotPast => {}
            // "the talks", "two visits", "the minister's visits": plural nouns.
            WordClass::Present
                if !present_ok
                    || was_det()
                    || prev(1).bytes().next().is_some_and(|b| b.is_ascii_digit())
                    || is_possessive(prev(1)) => {}
            // "the start", "to meet": a noun or an infinitive.
            WordClass::PresentPlural if !present_ok || !plural_subject(prev(1)) => {}
            // "will be held", "to be named": a participle, not a past tense.
            WordClass::Past if was_be => {}
            // "will succeed", "to proceed": a verb after a modal or "to" is
            // its base form, whatever its ending.
            WordClass::Past if after_modal() => {}
            WordClass::Copula => {
                // "is to", "are to": planned
                let next_to = window
                    .get(k + 1)
                    .and_then(|t| text.get(t.span.start..t.span.end))
                    .is_some_and(|w| w.eq_ignore_ascii_case("to"));
                if next_to && n < marks.len() {
                    marks[n] = (t.span.start, t.span.end, WordClass::Future, Weight::Full);
                    n += 1;
                } else if present_ok
                    && ["is", "are", "am"]
                        .iter()
                        .any(|w| word.eq_ignore_ascii_case(w))
                    && predicate_at(k + 1)
                    && n < marks.len()
                {
                    marks[n] = (
                        t.span.start,
                        t.span.end,
                        WordClass::Present,
                        Weight::Present,
                    );
                    n += 1;
                } else if !next_to
                    && word.eq_ignore_ascii_case("set")
                    && !was_modal()
                    && n < marks.len()
                {
                    // "set Friday as the deadline": a past tense in news.
                    marks[n] = (t.span.start, t.span.end, WordClass::Past, Weight::Full);
                    n += 1;
                }
            }
            // "had been scheduled to expire", "had been due": a plan made in the
            // past says nothing of which side of the reference it falls on.
            WordClass::Future if after_had() => {
                let last = n.checked_sub(1).and_then(|i| marks.get(i));
                if last
                    .and_then(|m| text.get(m.0..m.1))
                    .is_some_and(|w| w.eq_ignore_ascii_case("had"))
                {
                    n -= 1;
                }
            }
            c => {
                if n < marks.len() {
                    let weight = match c {
                        WordClass::Report => Weight::Report,
                        WordClass::Present | WordClass::PresentPlural => Weight::Present,
                        // "the Tuesday deadline" is a noun that a verb dates
                        // ("missed the Friday deadline", "ahead of the Friday
                        // deadline"): it speaks only when nothing else does.
                        WordClass::Future if word.eq_ignore_ascii_case("deadline") => Weight::Last,
                        _ => Weight::Full,
                    };
                    marks[n] = (t.span.start, t.span.end, c, weight);
                    n += 1;
                }
            }
        }
    }
    let mut best: Option<((usize, usize), Tense, bool)> = None;
    for &(ts, te, class, weight) in &marks[..n] {
        let local = ts >= lo && te <= hi;
        // A present verb beyond a comma or conjunction governs another clause
        // ("are in hospital after a fall on Monday").
        if weight == Weight::Present && !local {
            continue;
        }
        let report = weight != Weight::Full;
        let tense = match class {
            WordClass::Future => Tense::Future,
            WordClass::Present | WordClass::PresentPlural => Tense::Present,
            _ => Tense::Past,
        };
        let (left, dist) = if te <= start {
            (true, start - te)
        } else {
            (false, ts.saturating_sub(end))
        };
        // A verb right before the expression ("said Friday") governs it.
        let adjacent = left && dist <= 1;
        let rank = (
            usize::from(weight == Weight::Last) << 4
                | usize::from(!adjacent) << 3
                | usize::from(!local) << 2
                | usize::from(report) << 1
                | usize::from(!left),
            dist,
        );
        if best.map_or(true, |(r, _, _)| rank < r) {
            best = Some((rank, tense, adjacent && !report));
        }
    }
    best.map_or((Tense::Unknown, false), |(_, t, a)| (t, a))
}

fn starts_upper(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
}

/// Modal verbs and "to": the verb after one is its base form ("will succeed").
const MODALS: [&str; 10] = [
    "will", "would", "to", "could", "may", "might", "must", "shall", "should", "can",
];

/// How much a tense marker counts.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Weight {
    /// A verb or auxiliary of the clause.
    Full,
    /// A present-tense verb ("signs", "is") of the expression's own clause:
    /// like a reporting verb, after a past or future marker in its reach; the
    /// nearer of the two wins.
    Present,
    /// A reporting verb ("the ministry said"): after any other in its reach.
    Report,
    /// A noun that a verb dates ("the Tuesday deadline"): after all others.
    Last,
}

/// Forms of "be" and "have" before a participle ("was seized by").
fn is_auxiliary(w: &str) -> bool {
    [
        "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get",
    ]
    .iter()
    .any(|a| w.eq_ignore_ascii_case(a))
}

/// Words after which "plans" is a noun: determiners ("its plans") and verbs
/// taking it as object ("announced plans", "had plans").
fn before_noun(w: &str) -> bool {
    (w.len() >= 5 && w.ends_with("ed"))
        || [
            "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "new",
            "had", "has", "have", "made",
        ]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d))
}

/// "the minister's", "'s", "the leaders'": a possessive, after which a word is a noun.
fn is_possessive(w: &str) -> bool {
    ["'s", "’s", "'", "’"].iter().any(|p| w.ends_with(p))
}

/// Whether `w` can be the plural subject of a present verb right after it:
/// "they", "we", or a plural noun ("Talks resume", "the ministers meet"), not a
/// function word or adverb that ends in "s" ("this", "always", "towards").
fn plural_subject(w: &str) -> bool {
    if ["they", "we", "you", "i"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
    {
        return true;
    }
    let b = w.as_bytes();
    b.len() >= 4
        && b.iter().all(u8::is_ascii_alphabetic)
        && w.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| w.ends_with(e))
        && ![
            "does",
            "goes",
            "says",
            "always",
            "perhaps",
            "towards",
            "afterwards",
            "whereas",
            "besides",
            "sometimes",
            "news",
            "hers",
            "ours",
            "yours",
            "theirs",
        ]
        .iter()
        .any(|f| w.eq_ignore_ascii_case(f))
        && !PRESENT.iter().any(|v| w.eq_ignore_ascii_case(v))
}

/// Future markers that are nouns after a determiner.
fn is_noun_after_det(w: &str) -> bool {
    ["plan", "plans", "aim", "aims", "hopes", "intent"]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d))
}

// ---------------------------------------------------------------- values

fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

fn add_months(y: i32, m: u32, n: i64) -> Option<(i32, u32)> {
    let total = i64::from(y)
        .checked_mul(12)?
        .checked_add(i64::from(m) - 1)?
        .checked_add(n)?;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    Some((y, (total.rem_euclid(12) + 1) as u32))
}

fn day_res(d: NaiveDate, anchor: Anchor) -> Res {
    let mut r = Res::new(TimexType::Date, ymd(d), anchor);
    r.gran = Some(Granularity::Day);
    r.interval = Some(Interval::day(d));
    r.day = Some(d);
    r
}

fn span_interval(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<Interval> {
    Some(Interval {
        start: a?.and_hms_opt(0, 0, 0)?,
        end: b?.and_hms_opt(0, 0, 0)?,
    })
}

fn month_res(y: i32, m: u32, anchor: Anchor) -> R {
    if !(0..=9999).contains(&y) {
        return Err(Unresolvable("year out of range"));
    }
    let mut r = Res::new(TimexType::Date, format!("{y:04}-{m:02}"), anchor);
    r.gran = Some(Granularity::Month);
    let next = add_months(y, m, 1).and_then(|(y2, m2)| NaiveDate::from_ymd_opt(y2, m2, 1));
    r.interval = span_interval(NaiveDate::from_ymd_opt(y, m, 1), next);
    Ok(r)
}

fn year_res(y: i32, anchor: Anchor) -> R {
    if !(0..=9999).contains(&y) {
        return Err(Unresolvable("year out of range"));
    }
    let mut r = Res::new(TimexType::Date, format!("{y:04}"), anchor);
    r.gran = Some(Granularity::Year);
    r.interval = span_interval(
        NaiveDate::from_ymd_opt(y, 1, 1),
        y.checked_add(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
    );
    Ok(r)
}

fn week_res(d: NaiveDate, anchor: Anchor) -> Res {
    let w = d.iso_week();
    let mut r = Res::new(
        TimexType::Date,
        format!("{:04}-W{:02}", w.year(), w.week()),
        anchor,
    );
    r.gran = Some(Granularity::Week);
    let monday = NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Mon);
    r.interval = span_interval(monday, monday.and_then(|m| add_days(m, 7)));
    r
}

fn quarter_res(y: i32, q: u32, anchor: Anchor) -> R {
    if !(0..=9999).contains(&y) || !(1..=4).contains(&q) {
        return Err(Unresolvable("quarter out of range"));
    }
    let mut r = Res::new(TimexType::Date, format!("{y:04}-Q{q}"), anchor);
    r.gran = Some(Granularity::Quarter);
    let start = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1);
    let end = add_months(y, (q - 1) * 3 + 1, 3).and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1));
    r.interval = span_interval(start, end);
    r.quarter = Some((y, q));
    Ok(r)
}

fn unanchored(kind: TimexType, value: &str) -> R {
    Ok(Res::new(kind, value.to_owned(), Anchor::Unanchored))
}

fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// The last complete quarter before `d`.
fn latest_quarter(d: NaiveDate) -> (i32, u32) {
    let q = quarter_of(d);
    if q == 1 {
        (d.year() - 1, 4)
    } else {
        (d.year(), q - 1)
    }
}

/// The `wd` on or before (`back`) / on or after `r`.
fn weekday_near(r: NaiveDate, wd: u32, dir: Dir, strict: bool) -> Option<NaiveDate> {
    let cur = r.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7);
    let fwd = (wd - cur).rem_euclid(7);
    let (back, fwd) = if strict {
        (
            if back == 0 { 7 } else { back },
            if fwd == 0 { 7 } else { fwd },
        )
    } else {
        (back, fwd)
    };
    let off = match dir {
        Dir::Past => -back,
        Dir::Future | Dir::Ahead => fwd,
        Dir::PastLean => -back,
        Dir::Nearest | Dir::Same => {
            if fwd < back {
                fwd
            } else {
                -back
            }
        }
    };
    add_days(r, off)
}

fn with_part(mut r: Res, part: Option<Part>) -> Res {
    if let Some(p) = part {
        r.value.push('T');
        r.value.push_str(p.code());
        r.kind = TimexType::Time;
        r.gran = Some(Granularity::PartOfDay);
    }
    r
}

fn season_code(s: u32) -> &'static str {
    match s {
        0 => "SP",
        1 => "SU",
        2 => "FA",
        _ => "WI",
    }
}

fn season_of(d: NaiveDate) -> u32 {
    match d.month() {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

/// Resolves `piece`, a part of `f` (the date of "10 p.m. Wednesday"), over `f`'s
/// extent.
fn resolve_part(f: &Found, piece: &Piece, ctx: &Ctx, tense: Tense) -> R {
    let inner = Found {
        start: f.start,
        end: f.end,
        piece: piece.clone(),
        modifier: None,
        zone: None,
        invalid: false,
    };
    resolve(&inner, ctx, tense)
}

/// How many days before the reference a month-day in a future clause still
/// reads as this year's.
const RECENT_PAST_DAYS: i64 = 7;

fn resolve(f: &Found, ctx: &Ctx, tense: Tense) -> R {
    let dir = match direction(ctx.prefer, tense) {
        Dir::PastLean if ctx.adjacent_past => Dir::Past,
        d => d,
    };
    let anchor = ctx.ref_anchor;
    let r = ctx.reference;
    match &f.piece {
        Piece::Date {
            year,
            yrel,
            month,
            day,
        } => {
            if *yrel == Some(scan::WEEK_OF) {
                let y = match (year, r) {
                    (Some(y), _) => *y,
                    (None, Some(r)) => r.year(),
                    (None, None) => return unanchored(TimexType::Date, "XXXX-WXX"),
                };
                let d = NaiveDate::from_ymd_opt(y, month.unwrap_or(1), day.unwrap_or(1))
                    .ok_or(Unresolvable("not a calendar date"))?;
                return Ok(week_res(d, anchor));
            }
            if let (None, None, Some(d)) = (year, month, day) {
                // "the 24th": this month's, or the month before or after
                let Some(r) = r else {
                    return unanchored(TimexType::Date, &format!("XXXX-XX-{d:02}"));
                };
                let shift = match dir {
                    Dir::Past | Dir::PastLean if *d > r.day() => -1,
                    Dir::Future if *d < r.day() => 1,
                    _ => 0,
                };
                let (y, m) =
                    add_months(r.year(), r.month(), shift).ok_or(Unresolvable("date overflow"))?;
                let date =
                    NaiveDate::from_ymd_opt(y, m, *d).ok_or(Unresolvable("not a calendar date"))?;
                return Ok(day_res(date, anchor));
            }
            let dir = match yrel.map(|k| k - scan::REL_DATE) {
                Some(-1) => Dir::Past,
                Some(1) => Dir::Future,
                _ => dir,
            };
            let yrel = &yrel.filter(|k| (k - scan::REL_DATE).abs() > 1);
            let (y, anc) = match (year, yrel, r) {
                (Some(y), _, _) => (*y, Anchor::Absolute),
                (None, Some(k), Some(r)) => (
                    r.year()
                        .checked_add(*k)
                        .ok_or(Unresolvable("year overflow"))?,
                    anchor,
                ),
                (None, _, None) => {
                    return match (month, day) {
                        (Some(m), Some(d)) => {
                            unanchored(TimexType::Date, &format!("XXXX-{m:02}-{d:02}"))
                        }
                        (Some(m), None) => unanchored(TimexType::Date, &format!("XXXX-{m:02}")),
                        _ => Err(Unresolvable("no year")),
                    }
                }
                (None, None, Some(r)) => {
                    let m = month.ok_or(Unresolvable("no month"))?;
                    let cand = |y: i32| (y, m, day.unwrap_or(1));
                    let key = |y: i32| {
                        let (y, m, d) = cand(y);
                        (y, m, if day.is_some() { d } else { 0 })
                    };
                    let rk = (r.year(), r.month(), if day.is_some() { r.day() } else { 0 });
                    let ry = r.year();
                    let recent_day = |y: i32| {
                        day.is_some()
                            && NaiveDate::from_ymd_opt(y, m, day.unwrap_or(1))
                                .is_some_and(|d| (r - d).num_days() <= RECENT_PAST_DAYS)
                    };
                    let y = match dir {
                        Dir::Past if key(ry) > rk => ry - 1,
                        // "to repatriate the child by Jan. 14" in a report of Jan. 15:
                        // a plan dated days ago is news that trails its events, not a
                        // date a year ahead, which would have carried its year.
                        Dir::Future if key(ry) < rk && !recent_day(ry) => ry + 1,
                        Dir::Nearest | Dir::Same | Dir::Ahead | Dir::PastLean => {
                            let lean = if dir == Dir::PastLean { 3 } else { 1 };
                            let dist = |y: i32| {
                                let (yy, mm, dd) = cand(y);
                                NaiveDate::from_ymd_opt(yy, mm, dd)
                                    .or_else(|| NaiveDate::from_ymd_opt(yy, mm, dd.min(28)))
                                    .map_or(i64::MAX, |d| {
                                        let k = (d - r).num_days();
                                        if k > 0 {
                                            k * lean
                                        } else {
                                            -k
                                        }
                                    })
                            };
                            [ry - 1, ry, ry + 1]
                                .into_iter()
                                .min_by_key(|y| dist(*y))
                                .unwrap_or(ry)
                        }
                        _ => ry,
                    };
                    (y, anchor)
                }
            };
            match (month, day) {
                (Some(m), Some(d)) => {
                    let date = NaiveDate::from_ymd_opt(y, *m, *d)
                        .ok_or(Unresolvable("not a calendar date"))?;
                    Ok(day_res(date, anc))
                }
                (Some(m), None) => month_res(y, *m, anc),
                _ => year_res(y, anc),
            }
        }
        Piece::MonthRel { month, rel } => {
            let Some(r) = r else {
                return unanchored(TimexType::Date, &format!("XXXX-{month:02}"));
            };
            let y = match rel {
                -1 if *month >= r.month() => r.year() - 1,
                1 if *month <= r.month() => r.year() + 1,
                _ => r.year(),
            };
            month_res(y, *month, anchor)
        }
        Piece::Decade(d) => {
            let mut res = Res::new(TimexType::Date, format!("{d:03}"), Anchor::Absolute);
            res.gran = Some(Granularity::Decade);
            Ok(res)
        }
        Piece::Century(c) => {
            if *c < 0 {
                return Err(Unresolvable("century out of range"));
            }
            let mut res = Res::new(TimexType::Date, format!("{c:02}"), Anchor::Absolute);
            res.gran = Some(Granularity::Century);
            Ok(res)
        }
        Piece::Quarter { n, year } => {
            let (y, q) = match (year, r) {
                (YearOf::Explicit(y), _) if *n == 0 => (*y, ctx.quarter.map_or(4, |(_, q)| q)),
                (YearOf::Explicit(y), _) => (*y, *n),
                (YearOf::Rel(k), Some(r)) => (r.year() + k, *n),
                (YearOf::Context, Some(r)) => {
                    let y = r.year();
                    let starts_after = (*n - 1) * 3 + 1 > r.month();
                    if starts_after && dir != Dir::Future {
                        (y - 1, *n)
                    } else {
                        (y, *n)
                    }
                }
                (_, None) => return unanchored(TimexType::Date, &format!("XXXX-Q{n}")),
            };
            quarter_res(
                y,
                q,
                if matches!(year, YearOf::Explicit(_)) {
                    Anchor::Absolute
                } else {
                    anchor
                },
            )
        }
        Piece::Half { n, year } => {
            let y = match (year, r) {
                (YearOf::Explicit(y), _) => *y,
                (YearOf::Rel(k), Some(r)) => r.year() + k,
                (YearOf::Context, Some(r)) => r.year(),
                (_, None) => return unanchored(TimexType::Date, &format!("XXXX-H{n}")),
            };
            let mut res = Res::new(TimexType::Date, format!("{y:04}-H{n}"), anchor);
            res.gran = Some(Granularity::Half);
            Ok(res)
        }
        Piece::Season { season, year, rel } => {
            let code = season_code(*season);
            let y = match (year, rel, r) {
                (YearOf::Explicit(y), _, _) => *y,
                (_, _, None) => return unanchored(TimexType::Date, &format!("XXXX-{code}")),
                (_, Some(-1), Some(r)) => {
                    if *season < season_of(r) && season_of(r) != 3 {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                (_, Some(1), Some(r)) => {
                    if *season > season_of(r) {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                (_, Some(_), Some(r)) => r.year(),
                (_, _, Some(r)) => {
                    if dir == Dir::Past && *season > season_of(r) && season_of(r) != 3 {
                        r.year() - 1
                    } else {
                        r.year()
                    }
                }
            };
            let mut res = Res::new(TimexType::Date, format!("{y:04}-{code}"), anchor);
            res.gran = Some(Granularity::Season);
            Ok(res)
        }
        Piece::RelDay { offset, part } => {
            let Some(r) = r else {
                let v = match part {
                    Some(p) => format!("XXXX-XX-XXT{}", p.code()),
                    None => "XXXX-XX-XX".into(),
                };
                return unanchored(
                    if part.is_some() {
                        TimexType::Time
                    } else {
                        TimexType::Date
                    },
                    &v,
                );
            };
            let d = add_days(r, *offset).ok_or(Unresolvable("date overflow"))?;
            Ok(with_part(day_res(d, anchor), *part))
        }
        Piece::RelUnit { unit, n } => {
            let Some(r) = r else {
                let v = match unit {
                    Unit::Year => "XXXX",
                    Unit::Month => "XXXX-XX",
                    Unit::Week => "XXXX-WXX",
                    Unit::Quarter => "XXXX-QX",
                    _ => "XXXX-XX-XX",
                };
                return unanchored(TimexType::Date, v);
            };
            rel_unit(r, *unit, *n, dir, anchor)
        }
        Piece::Shift { unit, n, sign } => {
            let Count::Halves(h) = n else {
                return Ok(Res::new(
                    TimexType::Date,
                    if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                    Anchor::Absolute,
                ));
            };
            let k = (h / 2)
                .checked_mul(*sign)
                .ok_or(Unresolvable("count overflow"))?;
            if let Some(res) = year_quarter(ctx, *unit, k, anchor) {
                return res;
            }
            let Some(r) = r else {
                return unanchored(TimexType::Date, "XXXX-XX-XX");
            };
            shift(r, *unit, k, anchor, false)
        }
        Piece::NarrShift { unit, n, sign } => {
            let Count::Halves(h) = n else {
                return Ok(Res::new(
                    TimexType::Date,
                    if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                    Anchor::Absolute,
                ));
            };
            let k = (h / 2)
                .checked_mul(*sign)
                .ok_or(Unresolvable("count overflow"))?;
            if let Some(res) = year_quarter(ctx, *unit, k, anchor) {
                return res;
            }
            let narrative = if matches!(
                unit,
                Unit::Month | Unit::Year | Unit::Quarter | Unit::Decade | Unit::Century
            ) {
                ctx.narrative_coarse
            } else {
                ctx.narrative
            };
            let (base, anc) = match (narrative, r) {
                (Some(n), _) => (n, Anchor::Narrative),
                (None, Some(r)) => (r, anchor),
                (None, None) => return unanchored(TimexType::Date, "XXXX-XX-XX"),
            };
            shift(base, *unit, k, anc, true)
        }
        Piece::NarrSame { unit, part } => {
            let narrative = if matches!(unit, Unit::Month | Unit::Year) {
                ctx.narrative_coarse
            } else {
                ctx.narrative
            };
            let (base, anc) = match (narrative, r) {
                (Some(n), _) => (n, Anchor::Narrative),
                (None, Some(r)) => (r, anchor),
                (None, None) => return unanchored(TimexType::Date, "XXXX-XX-XX"),
            };
            let res = match unit {
                Unit::Year => year_res(base.year(), anc)?,
                Unit::Month => month_res(base.year(), base.month(), anc)?,
                Unit::Week => week_res(base, anc),
                _ => day_res(base, anc),
            };
            Ok(with_part(res, *part))
        }
        Piece::Weekday { weekday, rel, part } => {
            let Some(r) = r else {
                let mut v = format!("XXXX-WXX-{weekday}");
                if let Some(p) = part {
                    v.push('T');
                    v.push_str(p.code());
                }
                return unanchored(TimexType::Date, &v);
            };
            let d = match rel {
                None => weekday_near(r, *weekday, dir, false),
                Some(-1) => weekday_near(r, *weekday, Dir::Past, true),
                Some(1) => weekday_near(r, *weekday, Dir::Future, true),
                Some(0) => {
                    let cur = r.weekday().number_from_monday() as i64;
                    add_days(r, *weekday as i64 - cur)
                }
                Some(scan::POSSESSIVE) => {
                    let d = if ctx.prefer == Prefer::Future {
                        Dir::Future
                    } else {
                        Dir::Past
                    };
                    weekday_near(r, *weekday, d, false)
                }
                Some(k) => {
                    let base = ctx.narrative.unwrap_or(r);
                    weekday_near(
                        base,
                        *weekday,
                        if *k < 0 { Dir::Past } else { Dir::Future },
                        true,
                    )
                }
            }
            .ok_or(Unresolvable("date overflow"))?;
            // "Friday night": news annotation dates it to the day.
            let _ = part;
            Ok(day_res(d, anchor))
        }
        Piece::DayOffset { days, base } => {
            let res = resolve_part(f, base, ctx, tense)?;
            match res.day {
                Some(d) => {
                    let d = add_days(d, *days).ok_or(Unresolvable("date overflow"))?;
                    Ok(day_res(d, res.anchor))
                }
                // No reference: a day next to an unplaced day is unplaced too.
                None => unanchored(TimexType::Date, "XXXX-XX-XX"),
            }
        }
        Piece::Time { hour, minute, date } => {
            let day = match date {
                Some(p) => resolve_part(f, p, ctx, tense)?.day,
                None => ctx
                    .sentence_day
                    .filter(|(s, _)| *s == ctx.sentence)
                    .map(|(_, d)| d)
                    .or(r),
            };
            let clock = match minute {
                Some(m) => format!("T{hour:02}:{m:02}"),
                None => format!("T{hour:02}"),
            };
            let (value, anc) = match day {
                Some(d) => (format!("{}{clock}", ymd(d)), anchor),
                None => (format!("XXXX-XX-XX{clock}"), Anchor::Unanchored),
            };
            let mut res = Res::new(TimexType::Time, value, anc);
            res.gran = Some(Granularity::Minute);
            if let Some(d) = day {
                // 24:00 is the end of the day: the next day's first minute.
                let start = match *hour {
                    24 => d.succ_opt().and_then(|n| n.and_hms_opt(0, 0, 0)),
                    h => d.and_hms_opt(h, minute.unwrap_or(0).min(59), 0),
                };
                if let Some(start) = start {
                    if let Some(end) = start.checked_add_signed(Duration::minutes(1)) {
                        res.interval = Some(Interval { start, end });
                    }
                }
            }
            Ok(res)
        }
        Piece::Fuzzy(v) => Ok(Res::new(TimexType::Date, (*v).into(), Anchor::Absolute)),
        Piece::Duration {
            n: scan::Count::Halves(h),
            ..
        } if *h >= scan::COUNT_OVERFLOW => Err(Unresolvable("count overflow")),
        Piece::Duration { n, unit } => Ok(Res::new(
            TimexType::Duration,
            duration_value(*n, *unit),
            Anchor::Absolute,
        )),
        Piece::InShift { unit, n } => {
            if dir == Dir::Future {
                if let Some(r) = r {
                    return shift(r, *unit, *n, anchor, false);
                }
            }
            Ok(Res::new(
                TimexType::Duration,
                duration_value(Count::Halves(n.saturating_mul(2)), *unit),
                Anchor::Absolute,
            ))
        }
        Piece::DurationValue(v) => Ok(Res::new(TimexType::Duration, (*v).into(), Anchor::Absolute)),
        Piece::Set(v) => Ok(Res::new(TimexType::Set, v.clone(), Anchor::Absolute)),
        Piece::ContextQuarter { years } => {
            let (y, q) = match (ctx.quarter, r) {
                (Some(q), _) => q,
                (None, Some(r)) => latest_quarter(r),
                (None, None) => return unanchored(TimexType::Date, "XXXX-QX"),
            };
            let mut res = quarter_res(y + years, q, anchor)?;
            if *years != 0 {
                res.quarter = None;
            }
            Ok(res)
        }
        Piece::LatestQuarter => {
            let Some(r) = r else {
                return unanchored(TimexType::Date, "XXXX-QX");
            };
            let (y, q) = latest_quarter(r);
            quarter_res(y, q, anchor)
        }
        Piece::Holiday(h) => {
            let Some(r) = r else {
                return match h {
                    Holiday::Fixed(m, d) => {
                        unanchored(TimexType::Date, &format!("XXXX-{m:02}-{d:02}"))
                    }
                    _ => unanchored(TimexType::Date, "XXXX-XX-XX"),
                };
            };
            let on = |y: i32| holiday_date(*h, y);
            let this = on(r.year()).ok_or(Unresolvable("not a calendar date"))?;
            let prev = on(r.year() - 1);
            let next = on(r.year() + 1);
            let d = match dir {
                Dir::Past if this > r => prev,
                Dir::Future if this < r => next,
                Dir::Past | Dir::Future => Some(this),
                _ => [prev, Some(this), next]
                    .into_iter()
                    .flatten()
                    .min_by_key(|d| {
                        let k = (*d - r).num_days();
                        if k > 0 && dir == Dir::PastLean {
                            3 * k
                        } else {
                            k.abs()
                        }
                    }),
            }
            .ok_or(Unresolvable("not a calendar date"))?;
            Ok(day_res(d, anchor))
        }
    }
}

/// How many sentences after a quarter "a year earlier" still means that quarter.
const QUARTER_REACH: usize = 3;

/// "a year earlier" right after a quarter: the same quarter a year before.
fn year_quarter(ctx: &Ctx, unit: Unit, k: i64, anchor: Anchor) -> Option<R> {
    if unit != Unit::Year || k.abs() != 1 {
        return None;
    }
    let (s, (y, q)) = ctx.sentence_quarter?;
    if ctx.sentence.saturating_sub(s) > QUARTER_REACH {
        return None;
    }
    let y = i32::try_from(i64::from(y) + k).ok()?;
    Some(quarter_res(y, q, anchor).map(|mut x| {
        x.quarter = None;
        x
    }))
}

fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Thanksgiving => NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4),
        Holiday::LaborDay => NaiveDate::from_weekday_of_month_opt(y, 9, Weekday::Mon, 1),
        Holiday::MemorialDay => {
            let first = NaiveDate::from_ymd_opt(y, 6, 1)?;
            weekday_near(add_days(first, -1)?, 1, Dir::Past, false)
        }
        Holiday::ElectionDay => {
            let mon = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
            add_days(mon, 1)
        }
    }
}

fn rel_unit(r: NaiveDate, unit: Unit, n: i64, dir: Dir, anchor: Anchor) -> R {
    match unit {
        Unit::Year => {
            let y = i64::from(r.year()) + n;
            year_res(
                i32::try_from(y).map_err(|_| Unresolvable("year overflow"))?,
                anchor,
            )
        }
        Unit::Month => {
            let (y, m) =
                add_months(r.year(), r.month(), n).ok_or(Unresolvable("month overflow"))?;
            month_res(y, m, anchor)
        }
        Unit::Week if n == 99 => {
            // The weekend: the coming one in a future or present clause, else the last one
            // (or the current one from Friday on).
            let cur = r.weekday().number_from_monday();
            let sat = if matches!(dir, Dir::Future | Dir::Ahead) || cur >= 5 {
                weekday_near(r, 6, Dir::Future, false)
            } else {
                weekday_near(r, 6, Dir::Past, false)
            }
            .ok_or(Unresolvable("date overflow"))?;
            let w = sat.iso_week();
            let mut res = Res::new(
                TimexType::Date,
                format!("{:04}-W{:02}-WE", w.year(), w.week()),
                anchor,
            );
            res.gran = Some(Granularity::Week);
            res.interval = span_interval(Some(sat), add_days(sat, 2));
            Ok(res)
        }
        Unit::Week => {
            let d = add_days(r, n.checked_mul(7).ok_or(Unresolvable("overflow"))?)
                .ok_or(Unresolvable("date overflow"))?;
            Ok(week_res(d, anchor))
        }
        Unit::Day => {
            let d = add_days(r, n).ok_or(Unresolvable("date overflow"))?;
            Ok(day_res(d, anchor))
        }
        Unit::Quarter => {
            let q0 = i64::from(r.year()) * 4 + i64::from(quarter_of(r)) - 1 + n;
            let y = i32::try_from(q0.div_euclid(4)).map_err(|_| Unresolvable("overflow"))?;
            quarter_res(y, (q0.rem_euclid(4) + 1) as u32, anchor)
        }
        Unit::Decade => {
            let d = i64::from(r.year()) / 10 + n;
            let mut res = Res::new(TimexType::Date, format!("{d:03}"), anchor);
            res.gran = Some(Granularity::Decade);
            Ok(res)
        }
        Unit::Century => {
            let c = i64::from(r.year()) / 100 + n;
            let mut res = Res::new(TimexType::Date, format!("{c:02}"), anchor);
            res.gran = Some(Granularity::Century);
            Ok(res)
        }
        Unit::Hour | Unit::Minute | Unit::Second => Ok(day_res(r, anchor)),
    }
}

/// `base` moved by `n` units, at the unit's granularity.
fn shift(base: NaiveDate, unit: Unit, n: i64, anchor: Anchor, narrative: bool) -> R {
    let ov = Unresolvable("date overflow");
    match unit {
        Unit::Year => {
            let y = i64::from(base.year()).checked_add(n).ok_or(ov)?;
            year_res(
                i32::try_from(y).map_err(|_| Unresolvable("year overflow"))?,
                anchor,
            )
        }
        Unit::Decade | Unit::Century => {
            let k = if unit == Unit::Decade { 10 } else { 100 };
            let y = n
                .checked_mul(k)
                .and_then(|d| i64::from(base.year()).checked_add(d))
                .ok_or(ov)?;
            year_res(
                i32::try_from(y).map_err(|_| Unresolvable("year overflow"))?,
                anchor,
            )
        }
        Unit::Quarter => {
            let m = n.checked_mul(3).ok_or(ov)?;
            let (y, mo) =
                add_months(base.year(), base.month(), m).ok_or(Unresolvable("date overflow"))?;
            let d = NaiveDate::from_ymd_opt(y, mo, 1).ok_or(Unresolvable("date overflow"))?;
            quarter_res(d.year(), quarter_of(d), anchor)
        }
        Unit::Month => {
            let (y, m) = add_months(base.year(), base.month(), n).ok_or(ov)?;
            month_res(y, m, anchor)
        }
        Unit::Week => {
            let d =
                add_days(base, n.checked_mul(7).ok_or(ov)?).ok_or(Unresolvable("date overflow"))?;
            // "two weeks ago" still names a day; "six weeks ago" only a week.
            if narrative || n.abs() >= 3 {
                Ok(week_res(d, anchor))
            } else {
                Ok(day_res(d, anchor))
            }
        }
        Unit::Day => {
            let d = add_days(base, n).ok_or(ov)?;
            Ok(day_res(d, anchor))
        }
        Unit::Hour | Unit::Minute | Unit::Second => Ok(day_res(base, anchor)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekday_directions() {
        let tue = d(2019, 9, 24);
        assert_eq!(
            weekday_near(tue, 3, Dir::Future, false),
            Some(d(2019, 9, 25))
        );
        assert_eq!(weekday_near(tue, 1, Dir::Past, false), Some(d(2019, 9, 23)));
        assert_eq!(weekday_near(tue, 2, Dir::Past, false), Some(tue));
        assert_eq!(
            weekday_near(tue, 2, Dir::Future, true),
            Some(d(2019, 10, 1))
        );
        assert_eq!(
            weekday_near(tue, 7, Dir::Nearest, false),
            Some(d(2019, 9, 22))
        );
    }

    #[test]
    fn month_arithmetic_is_checked() {
        assert_eq!(add_months(2019, 1, -1), Some((2018, 12)));
        assert_eq!(add_months(2019, 12, 1), Some((2020, 1)));
        assert_eq!(add_months(i32::MAX, 12, i64::MAX), None);
        assert_eq!(add_days(d(9999, 12, 31), 99_999_999_999), None);
    }

    fn phrase(p: &str, prefer: Prefer) -> Option<String> {
        let reference = d(2019, 9, 24).and_hms_opt(12, 0, 0).unwrap();
        resolve_phrase(p, reference, prefer).map(|t| t.value)
    }

    #[test]
    fn single_phrases() {
        assert_eq!(
            phrase("next tuesday", Prefer::Tense).as_deref(),
            Some("2019-10-01")
        );
        assert_eq!(
            phrase("two days ago", Prefer::Tense).as_deref(),
            Some("2019-09-22")
        );
        assert_eq!(
            phrase("September 24", Prefer::Tense).as_deref(),
            Some("2019-09-24")
        );
        assert_eq!(
            phrase("  last year. ", Prefer::Tense).as_deref(),
            Some("2018")
        );
        assert_eq!(
            phrase("friday", Prefer::Future).as_deref(),
            Some("2019-09-27")
        );
        assert_eq!(
            phrase("friday", Prefer::Past).as_deref(),
            Some("2019-09-20")
        );
        assert_eq!(phrase("the meeting", Prefer::Tense), None);
        assert_eq!(phrase("today and tomorrow", Prefer::Tense), None);
        assert_eq!(phrase("February 30", Prefer::Tense), None);
    }

    #[test]
    fn year_range_check_reads_every_digit() {
        assert!(year_ok("2019-09-24", (1, 9999)));
        assert!(!year_ok("10000-01-01", (1, 9999)));
        assert!(!year_ok("1899", (1900, 2100)));
        assert!(year_ok("PRESENT_REF", (1900, 2100)));
    }

    #[test]
    fn plural_present_of_third_person_forms() {
        let pairs = [
            ("meets", Some("meet")),
            ("closes", Some("close")),
            ("launches", Some("launch")),
            ("addresses", Some("address")),
            ("goes", Some("go")),
            ("flies", None),
        ];
        for (third, plural) in pairs {
            assert_eq!(plural_present(third), plural, "{third}");
        }
        // Every entry has a plural or is an "-ies" form.
        for w in PRESENT {
            assert!(plural_present(w).is_some() != w.ends_with("ies"), "{w}");
        }
    }

    #[test]
    fn latest_quarter_is_the_last_complete_one() {
        assert_eq!(latest_quarter(d(1989, 10, 26)), (1989, 3));
        assert_eq!(latest_quarter(d(1998, 1, 26)), (1997, 4));
    }
}
