//! Scanning: find temporal expressions as unresolved pieces.
//!
//! The text is cut into light tokens (words, digit runs, punctuation, line breaks)
//! in one pass; each word is looked up once in a lexicon of calendar and relative
//! words built once per process. A small hand-written parser then tries, from left
//! to right at every token that can start an expression, a handful of patterns and
//! keeps the longest. Nothing is resolved here: the output is a [`Piece`] per
//! expression, resolved later against the article (see `resolve.rs`).

use super::Modifier;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small fast hasher for short lexicon keys (the FxHash mix): SipHash's
/// DoS resistance buys nothing for a fixed, compiled-in key set.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
use std::sync::OnceLock;

/// A calendar unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A part of the day, as TIMEX3 writes it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
        }
    }
}

/// A count too large for `i64`: any count at or above it stands for a number
/// the text gives but no value can hold.
pub(crate) const COUNT_OVERFLOW: i64 = i64::MAX / 4;

/// A count as written: exact, or vague ("several", "a few").
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Count {
    /// A whole number, possibly with a half ("2 1/2"): value in halves.
    Halves(i64),
    /// "several", "a few", "some", "many".
    Vague,
}

/// Which year a quarter, half or season belongs to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum YearOf {
    /// Written: "the third quarter of 1984".
    Explicit(i32),
    /// Relative to the reference year: "last year's", "this year's".
    Rel(i32),
    /// Not written: chosen from the reference and the tense.
    Context,
}

/// An expression found in the text, not yet resolved.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Piece {
    /// Calendar date with the parts the text gives: "Sept. 24, 2019", "September 24",
    /// "2019", "March 1996". `yrel` is a year relative to the reference ("June last
    /// year").
    Date {
        year: Option<i32>,
        yrel: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// "last January" (-1), "this September" (0), "next March" (+1).
    MonthRel { month: u32, rel: i32 },
    /// The decade written as its first three digits: 199 for "the 1990s".
    Decade(i32),
    /// "the 19th century" -> 18.
    Century(i32),
    /// "the third quarter"; `n` 1..=4.
    Quarter { n: u32, year: YearOf },
    /// "the first half of 1990"; `n` 1..=2.
    Half { n: u32, year: YearOf },
    /// "this summer", "last fall"; season index 0 spring .. 3 winter.
    Season {
        season: u32,
        year: YearOf,
        rel: Option<i32>,
    },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1), with an optional part of day.
    RelDay { offset: i64, part: Option<Part> },
    /// "last year" (-1), "this month" (0), "next week" (1).
    RelUnit { unit: Unit, n: i64 },
    /// "two weeks ago" (-2 weeks), "in three days" (+3 days): from the reference.
    Shift { unit: Unit, n: Count, sign: i64 },
    /// "the next day", "two days later", "a year earlier": from the narrative.
    NarrShift { unit: Unit, n: Count, sign: i64 },
    /// "that day", "that evening", "the same day", "that year".
    NarrSame { unit: Unit, part: Option<Part> },
    /// A weekday; `rel` -1 "last", 1 "next", 0 "this", `None` bare.
    Weekday {
        weekday: u32,
        rel: Option<i32>,
        part: Option<Part>,
    },
    /// Some days from a day-dated expression ("the day before last Tuesday").
    DayOffset { days: i64, base: Box<Piece> },
    /// A time of day, with the date it is attached to ("10 p.m. Wednesday").
    Time {
        hour: u32,
        minute: Option<u32>,
        date: Option<Box<Piece>>,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Fuzzy(&'static str),
    /// A length of time.
    Duration { n: Count, unit: Unit },
    /// "in three days": a date ahead in a future clause, else a length of time.
    InShift { unit: Unit, n: i64 },
    /// A length of time whose value is already known ("PXY").
    DurationValue(&'static str),
    /// A recurrence, already valued ("P1D", "XXXX-WXX-1").
    Set(String),
    /// The quarter the text is talking about ("the quarter", "the year-ago
    /// quarter" shifts it by -1 year).
    ContextQuarter { years: i32 },
    /// "the latest quarter": the last complete quarter before the reference.
    LatestQuarter,
    /// A fixed-date holiday (month, day) or a computed one.
    Holiday(Holiday),
}

/// Whether a piece names one calendar day, so that "the day before" it is a day.
fn day_based(piece: &Piece) -> bool {
    match piece {
        Piece::Date { day, month, .. } => day.is_some() && month.is_some(),
        Piece::Weekday { part: None, .. } | Piece::Holiday(_) => true,
        Piece::RelDay { part: None, .. } => true,
        _ => false,
    }
}

/// Holidays that news text dates by name.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    Thanksgiving,
    LaborDay,
    MemorialDay,
    ElectionDay,
}

/// One expression: where it is and what it says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub piece: Piece,
    pub modifier: Option<Modifier>,
    pub zone: Option<(usize, usize)>,
    /// The expression cannot be valued (February 30, a count that overflows).
    pub invalid: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(u8),
    Break,
}

#[derive(Copy, Clone, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    lex: Lex,
    cap: bool,
    /// For numbers: thousands separators or a decimal point inside.
    sep: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Lex {
    None,
    Month(u32),
    MonAbbr(u32),
    Wday(u32),
    WdayAbbr(u32),
    Unit(Unit, bool),
    Season(u32),
    Part(Part),
    Day(i64),
    Tonight,
    Fuzzy(&'static str),
    NumW(i64),
    Tens(i64),
    Ord(u32),
    Zone,
    SetAdv(&'static str),
    Holiday(Holiday),
    /// Calendar words that only count inside a phrase ("the weekend", "the
    /// nineties").
    Phrase,
    W(W),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum W {
    The,
    A,
    Last,
    Next,
    This,
    That,
    Past,
    Coming,
    Previous,
    Following,
    Latest,
    Current,
    Recent,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Middle,
    Beginning,
    End,
    Start,
    Of,
    And,
    Or,
    To,
    In,
    Before,
    After,
    Same,
    Every,
    Each,
    Per,
    Approx,
    Over,
    More,
    Less,
    Than,
    At,
    Least,
    Up,
    No,
    Several,
    Few,
    Couple,
    Some,
    Many,
    Fiscal,
    Then,
    Half,
    Noon,
    Midnight,
    Local,
    Time,
    Future,
    Present,
    Near,
    Term,
    Short,
    Hundred,
    Thousand,
    Within,
    Year2,
    Ago2,
    Period,
    Overnight,
    Day2,
    Week2,
    Its,
    Under,
    Long,
    Old,
    Around,
    Once,
    Nineteen,
    For,
    Full,
    These,
}

struct Lexicon {
    /// Keyed by the lower-cased word packed into a `u128` (see `text::wordkey::pack`): one
    /// hash step and one compare instead of a byte loop and a `memcmp`.
    words: crate::text::wordkey::KeyMap<Lex>,
    /// For each (first letter, last letter), a bit per word length present in
    /// the lexicon: most words of running text fail this test and skip hashing.
    shape: Vec<u16>,
}

pub(crate) fn shape_index(first: u8, last: u8) -> usize {
    usize::from(first.to_ascii_lowercase().wrapping_sub(b'a')).min(25) * 26
        + usize::from(last.to_ascii_lowercase().wrapping_sub(b'a')).min(25)
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut m: FxMap<&'static str, Lex> = FxMap::default();
        // (keys are turned into bytes at the end)
        for (i, w) in super::MONTHS.iter().enumerate() {
            m.insert(w, Lex::Month(i as u32 + 1));
        }
        for (w, i) in super::MONTH_ABBREVIATIONS {
            m.insert(w, Lex::MonAbbr(i));
        }
        for (i, w) in super::WEEKDAYS.iter().enumerate() {
            m.insert(w, Lex::Wday(i as u32 + 1));
        }
        for (w, i) in [
            ("mon", 1),
            ("tue", 2),
            ("tues", 2),
            ("wed", 3),
            ("thu", 4),
            ("thur", 4),
            ("thurs", 4),
            ("fri", 5),
            ("sat", 6),
            ("sun", 7),
        ] {
            m.insert(w, Lex::WdayAbbr(i));
        }
        for (w, u, pl) in [
            ("seconds", Unit::Second, true),
            ("minute", Unit::Minute, false),
            ("minutes", Unit::Minute, true),
            ("min", Unit::Minute, false),
            ("mins", Unit::Minute, true),
            ("hour", Unit::Hour, false),
            ("hours", Unit::Hour, true),
            ("hr", Unit::Hour, false),
            ("hrs", Unit::Hour, true),
            ("day", Unit::Day, false),
            ("days", Unit::Day, true),
            ("week", Unit::Week, false),
            ("weeks", Unit::Week, true),
            ("month", Unit::Month, false),
            ("months", Unit::Month, true),
            ("quarter", Unit::Quarter, false),
            ("quarters", Unit::Quarter, true),
            ("year", Unit::Year, false),
            ("years", Unit::Year, true),
            ("yr", Unit::Year, false),
            ("yrs", Unit::Year, true),
            ("decade", Unit::Decade, false),
            ("decades", Unit::Decade, true),
            ("century", Unit::Century, false),
            ("centuries", Unit::Century, true),
        ] {
            m.insert(w, Lex::Unit(u, pl));
        }
        for (w, s) in [
            ("spring", 0),
            ("summer", 1),
            ("fall", 2),
            ("autumn", 2),
            ("winter", 3),
            ("summers", 1),
            ("winters", 3),
        ] {
            m.insert(w, Lex::Season(s));
        }
        for (w, p) in [
            ("morning", Part::Morning),
            ("afternoon", Part::Afternoon),
            ("evening", Part::Evening),
            ("night", Part::Night),
            ("nights", Part::Night),
            ("mornings", Part::Morning),
            ("evenings", Part::Evening),
        ] {
            m.insert(w, Lex::Part(p));
        }
        for w in [
            "weekend",
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ] {
            m.insert(w, Lex::Phrase);
        }
        m.insert("today", Lex::Day(0));
        m.insert("yesterday", Lex::Day(-1));
        m.insert("tomorrow", Lex::Day(1));
        m.insert("tonight", Lex::Tonight);
        // Possessives written without the apostrophe ("yesterdays meeting").
        m.insert("todays", Lex::Day(0));
        m.insert("yesterdays", Lex::Day(-1));
        m.insert("tomorrows", Lex::Day(1));
        for (w, v) in [
            ("now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"),
            ("nowadays", "PRESENT_REF"),
            ("presently", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("lately", "PAST_REF"),
        ] {
            m.insert(w, Lex::Fuzzy(v));
        }
        for (w, n) in [
            ("one", 1),
            ("two", 2),
            ("three", 3),
            ("four", 4),
            ("five", 5),
            ("six", 6),
            ("seven", 7),
            ("eight", 8),
            ("nine", 9),
            ("ten", 10),
            ("eleven", 11),
            ("twelve", 12),
            ("thirteen", 13),
            ("fourteen", 14),
            ("fifteen", 15),
            ("sixteen", 16),
            ("seventeen", 17),
            ("eighteen", 18),
            ("nineteen", 19),
            ("dozen", 12),
        ] {
            m.insert(w, Lex::NumW(n));
        }
        for (w, n) in [
            ("twenty", 20),
            ("thirty", 30),
            ("forty", 40),
            ("fifty", 50),
            ("sixty", 60),
            ("seventy", 70),
            ("eighty", 80),
            ("ninety", 90),
        ] {
            m.insert(w, Lex::Tens(n));
        }
        for (w, n) in [
            ("first", 1),
            ("second", 2),
            ("third", 3),
            ("fourth", 4),
            ("fifth", 5),
            ("sixth", 6),
            ("seventh", 7),
            ("eighth", 8),
            ("ninth", 9),
            ("tenth", 10),
            ("eleventh", 11),
            ("twelfth", 12),
            ("thirteenth", 13),
            ("fourteenth", 14),
            ("fifteenth", 15),
            ("sixteenth", 16),
            ("seventeenth", 17),
            ("eighteenth", 18),
            ("nineteenth", 19),
            ("twentieth", 20),
            ("thirtieth", 30),
        ] {
            m.insert(w, Lex::Ord(n));
        }
        for w in [
            "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet",
            "cest", "eet", "eest", "msk", "ist", "jst", "aest", "hkt", "sgt", "wib", "et", "pt",
            "ct",
        ] {
            m.insert(w, Lex::Zone);
        }
        for (w, v) in [
            ("daily", "P1D"),
            ("nightly", "P1D"),
            ("weekly", "P1W"),
            ("monthly", "P1M"),
            ("annually", "P1Y"),
            ("yearly", "P1Y"),
            ("hourly", "PT1H"),
        ] {
            m.insert(w, Lex::SetAdv(v));
        }
        for (w, h) in [
            ("christmas", Holiday::Fixed(12, 25)),
            ("halloween", Holiday::Fixed(10, 31)),
            ("thanksgiving", Holiday::Thanksgiving),
            ("labor", Holiday::LaborDay),
            ("labour", Holiday::LaborDay),
            ("memorial", Holiday::MemorialDay),
            ("election", Holiday::ElectionDay),
        ] {
            m.insert(w, Lex::Holiday(h));
        }
        for (w, x) in [
            ("the", W::The),
            ("a", W::A),
            ("an", W::A),
            ("last", W::Last),
            ("next", W::Next),
            ("this", W::This),
            ("that", W::That),
            ("past", W::Past),
            ("coming", W::Coming),
            ("previous", W::Previous),
            ("preceding", W::Previous),
            ("prior", W::Previous),
            ("following", W::Following),
            ("latest", W::Latest),
            ("current", W::Current),
            ("then", W::Then),
            ("recent", W::Recent),
            ("ago", W::Ago),
            ("earlier", W::Earlier),
            ("later", W::Later),
            ("early", W::Early),
            ("late", W::Late),
            ("mid", W::Mid),
            ("middle", W::Middle),
            ("beginning", W::Beginning),
            ("end", W::End),
            ("start", W::Start),
            ("of", W::Of),
            ("and", W::And),
            ("or", W::Or),
            ("to", W::To),
            ("in", W::In),
            ("before", W::Before),
            ("after", W::After),
            ("same", W::Same),
            ("every", W::Every),
            ("each", W::Each),
            ("per", W::Per),
            ("about", W::Approx),
            ("approximately", W::Approx),
            ("nearly", W::Approx),
            ("almost", W::Approx),
            ("roughly", W::Approx),
            ("around", W::Around),
            ("over", W::Over),
            ("more", W::More),
            ("less", W::Less),
            ("fewer", W::Less),
            ("than", W::Than),
            ("at", W::At),
            ("least", W::Least),
            ("up", W::Up),
            ("no", W::No),
            ("several", W::Several),
            ("few", W::Few),
            ("couple", W::Couple),
            ("some", W::Some),
            ("many", W::Many),
            ("fiscal", W::Fiscal),
            ("half", W::Half),
            ("noon", W::Noon),
            ("midday", W::Noon),
            ("midnight", W::Midnight),
            ("local", W::Local),
            ("time", W::Time),
            ("future", W::Future),
            ("present", W::Present),
            ("near", W::Near),
            ("term", W::Term),
            ("short", W::Short),
            ("hundred", W::Hundred),
            ("thousand", W::Thousand),
            ("within", W::Within),
            ("for", W::For),
            ("full", W::Full),
            ("period", W::Period),
            ("overnight", W::Overnight),
            ("its", W::Its),
            ("these", W::These),
            ("under", W::Under),
            ("long", W::Long),
            ("old", W::Old),
            ("once", W::Once),
        ] {
            m.insert(w, Lex::W(x));
        }
        let _ = (W::Year2, W::Ago2, W::Day2, W::Week2, W::Nineteen);
        let mut shape = vec![0u16; 26 * 26];
        for k in m.keys() {
            let b = k.as_bytes();
            if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                if let Some(cell) = shape.get_mut(shape_index(f, l)) {
                    *cell |= 1 << b.len().min(15);
                }
            }
        }
        Lexicon {
            words: m
                .into_iter()
                // A key with a capital could never match a lower-cased word.
                .filter(|(k, _)| !k.bytes().any(|c| c.is_ascii_uppercase()))
                .filter_map(|(k, v)| Some((crate::text::wordkey::pack(k.as_bytes())?, v)))
                .collect(),
            shape,
        }
    })
}

/// The lexicon entry of an ASCII word, any case.
#[inline]
fn lookup_ascii(lex: &Lexicon, b: &[u8]) -> Lex {
    if b.len() > 14 {
        return Lex::None;
    }
    let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
        return Lex::None;
    };
    if lex
        .shape
        .get(shape_index(f, l))
        .map_or(0, |c| c & (1 << b.len()))
        == 0
    {
        return Lex::None;
    }
    crate::text::wordkey::pack(b)
        .and_then(|k| lex.words.get(&k).copied())
        .unwrap_or(Lex::None)
}

/// Byte classes of the tokenizer: one table load per byte instead of a chain of
/// range tests.
const C_OTHER: u8 = 0;
const C_LETTER: u8 = 1;
const C_DIGIT: u8 = 2;
const C_SPACE: u8 = 3;
const C_BREAK: u8 = 4;
const C_HIGH: u8 = 5;

static CLASS: [u8; 256] = {
    let mut t = [C_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            C_LETTER
        } else if b.is_ascii_digit() {
            C_DIGIT
        } else if b == b' ' || b == b'\t' {
            C_SPACE
        } else if b == b'\n' || b == b'\r' {
            C_BREAK
        } else if b >= 0x80 {
            C_HIGH
        } else {
            C_OTHER
        };
        i += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// Cuts text into tokens; `out` is cleared and reused.
fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let lexicon = lexicon();
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        match class(c) {
            C_SPACE => {
                i += 1;
                continue;
            }
            C_BREAK => {
                let s = i;
                while i < n && matches!(class(b[i]), C_BREAK | C_SPACE) {
                    i += 1;
                }
                out.push(Tok {
                    start: s,
                    end: s + 1,
                    kind: Kind::Break,
                    lex: Lex::None,
                    cap: false,
                    sep: false,
                });
                continue;
            }
            C_DIGIT => {
                let s = i;
                let mut sep = false;
                while i < n {
                    if class(b[i]) == C_DIGIT {
                        i += 1;
                    } else if (b[i] == b',' || b[i] == b'.')
                        && i + 1 < n
                        && class(b[i + 1]) == C_DIGIT
                    {
                        sep = true;
                        i += 1;
                    } else {
                        break;
                    }
                }
                out.push(Tok {
                    start: s,
                    end: i,
                    kind: Kind::Num,
                    lex: Lex::None,
                    cap: false,
                    sep,
                });
                continue;
            }
            C_LETTER | C_HIGH => {}
            _ => {
                out.push(Tok {
                    start: i,
                    end: i + 1,
                    kind: Kind::Punct(c),
                    lex: Lex::None,
                    cap: false,
                    sep: false,
                });
                i += 1;
                continue;
            }
        }
        // A word: ASCII letters fast, other chars decoded.
        let s = i;
        let mut ascii = true;
        while i < n {
            // The ASCII letters in one slice pass (no bounds check per byte).
            i += b
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .position(|&c| class(c) != C_LETTER)
                .unwrap_or(n - i);
            match b.get(i).map_or(C_OTHER, |&c| class(c)) {
                C_HIGH => {
                    let ch = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                    if ch.is_alphabetic() {
                        ascii = false;
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        if i == s {
            // A non-letter, non-ASCII char: punctuation-like symbol.
            let ch = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            let len = ch.len_utf8().max(1);
            if !ch.is_whitespace() {
                out.push(Tok {
                    start: i,
                    end: i + len,
                    kind: Kind::Punct(0x80),
                    lex: Lex::None,
                    cap: false,
                    sep: false,
                });
            }
            i += len;
            continue;
        }
        let lex = if ascii {
            lookup_ascii(lexicon, &b[s..i])
        } else {
            Lex::None
        };
        out.push(Tok {
            start: s,
            end: i,
            kind: Kind::Word,
            lex,
            cap: b[s].is_ascii_uppercase(),
            sep: false,
        });
    }
}

/// Finds every temporal expression of `text`, in order, without overlaps.
pub(crate) fn scan(text: &str, max_len: usize, out: &mut Vec<Found>) {
    // The token buffer of the previous text on this thread, reused: allocating
    // it afresh (about ten bytes per byte of text) costs more than filling it.
    let mut toks = TOKENS.with(|b| b.take());
    toks.reserve(text.len() / 5 + 8);
    tokenize(text, &mut toks);
    // Room for news text's expressions, about one per two hundred bytes.
    out.reserve(text.len() / 128 + 4);
    scan_tokens(text, &toks, max_len, out);
    TOKENS.with(|b| b.replace(toks));
}

thread_local! {
    /// See [`scan`]: one token buffer per thread, kept between texts.
    static TOKENS: std::cell::RefCell<Vec<Tok>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn scan_tokens(text: &str, toks: &[Tok], max_len: usize, out: &mut Vec<Found>) {
    let p = Parser { t: toks, text };
    let mut i = 0;
    while i < toks.len() {
        let tk = &toks[i];
        let starter = match tk.kind {
            Kind::Num => true,
            Kind::Word => match tk.lex {
                Lex::None => false,
                // Function words start an expression only before a calendar word
                // or a number; checking that here keeps "the", "a", "in" cheap.
                Lex::W(w) => match w {
                    W::Of
                    | W::And
                    | W::Or
                    | W::To
                    | W::In
                    | W::Before
                    | W::After
                    | W::Same
                    | W::Per
                    | W::Than
                    | W::Least
                    | W::Half
                    | W::Local
                    | W::Time
                    | W::Near
                    | W::Term
                    | W::Short
                    | W::Hundred
                    | W::Thousand
                    | W::Period
                    | W::Under
                    | W::Long
                    | W::Old
                    | W::Ago
                    | W::Beginning
                    | W::End
                    | W::Start
                    | W::Middle
                    | W::Once
                    | W::For
                    | W::Full => false,
                    W::The
                    | W::A
                    | W::Some
                    | W::Many
                    | W::More
                    | W::Over
                    | W::At
                    | W::No
                    | W::Up
                    | W::Its
                    | W::Less
                    | W::Several
                    | W::Few
                    | W::Couple
                    | W::Approx
                    | W::Around => toks.get(i + 1).is_some_and(|n| {
                        n.kind == Kind::Num
                            || !matches!(n.lex, Lex::None)
                            || n.kind == Kind::Punct(b'\'')
                            || n.kind == Kind::Punct(b'-')
                    }),
                    _ => true,
                },
                _ => true,
            },
            Kind::Punct(b'\'') => true,
            _ => false,
        };
        // "by year-end", "by year's end": the end of the current year ("since
        // year-end": of the last one).
        if matches!(tk.lex, Lex::Unit(Unit::Year, false)) {
            let end = if p.punct(i + 1, b'-') && p.adj(i) && p.word_is(i + 2, "end") {
                Some(i + 3)
            } else if p.word_is(i + 1, "end") {
                Some(i + 2)
            } else if p.punct(i + 1, b'\'') && p.word_is(i + 2, "s") && p.word_is(i + 3, "end") {
                Some(i + 4)
            } else {
                None
            };
            if let Some(e) = end.filter(|_| !p.is_w(i.wrapping_sub(1), W::The)) {
                let n = if i > 0 && p.word_is(i - 1, "since") {
                    -1
                } else {
                    0
                };
                out.push(Found {
                    start: tk.start,
                    end: toks[e - 1].end,
                    piece: Piece::RelUnit {
                        unit: Unit::Year,
                        n,
                    },
                    modifier: Some(Modifier::End),
                    zone: None,
                    invalid: false,
                });
                i = e;
                continue;
            }
        }
        // "for years", "within weeks": a vague length; the preposition stays out.
        if let (Lex::W(W::In | W::Within | W::Over | W::For), Some(next)) =
            (tk.lex, toks.get(i + 1))
        {
            if let Lex::Unit(u, true) = next.lex {
                let after = toks.get(i + 2).map(|t| t.lex);
                if !matches!(
                    after,
                    Some(Lex::W(
                        W::Of | W::Ago | W::Later | W::Earlier | W::Before | W::After
                    ))
                ) && !matches!(u, Unit::Second | Unit::Minute)
                    && next.end - next.start <= max_len
                {
                    out.push(Found {
                        start: next.start,
                        end: next.end,
                        piece: Piece::DurationValue(vague_value(u)),
                        modifier: None,
                        zone: None,
                        invalid: false,
                    });
                    i += 2;
                    continue;
                }
            }
        }
        // "in three days": the preposition stays out; resolution decides between
        // a date ahead and a length of time.
        if matches!(tk.lex, Lex::W(W::In)) {
            if let Some(m) = p.core(i + 1) {
                if let Piece::Duration {
                    n: Count::Halves(h),
                    unit,
                } = m.piece
                {
                    let after = toks.get(m.end).map(|t| t.lex);
                    let start = toks.get(m.first).map_or(0, |t| t.start);
                    let end = toks.get(m.end - 1).map_or(0, |t| t.end);
                    if h % 2 == 0
                        && m.modifier.is_none()
                        && !matches!(after, Some(Lex::W(W::Of | W::Time)))
                        && !matches!(unit, Unit::Decade | Unit::Century | Unit::Quarter)
                        && toks.get(i + 1).map(|t| t.lex) != Some(Lex::W(W::The))
                        && end > start
                        && end - start <= max_len
                    {
                        out.push(Found {
                            start,
                            end,
                            piece: Piece::InShift { unit, n: h / 2 },
                            modifier: None,
                            zone: None,
                            invalid: false,
                        });
                        i = m.end;
                        continue;
                    }
                }
            }
        }
        if starter {
            if let Some(m) = p.parse_at(i) {
                let start = toks[m.first].start;
                let end = toks[m.end - 1].end;
                if end > start && end - start <= max_len {
                    let second = p.second_day(&m);
                    out.push(Found {
                        start,
                        end,
                        piece: m.piece,
                        modifier: m.modifier,
                        zone: m.zone.map(|(a, b)| (toks[a].start, toks[b - 1].end)),
                        invalid: m.invalid,
                    });
                    i = m.end;
                    if let Some((k, piece)) = second {
                        out.push(Found {
                            start: toks[k].start,
                            end: toks[k].end,
                            piece,
                            modifier: None,
                            zone: None,
                            invalid: false,
                        });
                        i = k + 1;
                    }
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// A parse: tokens `first..end`, the piece, and notes.
struct M {
    first: usize,
    end: usize,
    piece: Piece,
    modifier: Option<Modifier>,
    zone: Option<(usize, usize)>,
    invalid: bool,
}

impl M {
    fn new(first: usize, end: usize, piece: Piece) -> M {
        M {
            first,
            end,
            piece,
            modifier: None,
            zone: None,
            invalid: false,
        }
    }
    fn with_mod(mut self, m: Option<Modifier>) -> M {
        if m.is_some() {
            self.modifier = m;
        }
        self
    }
}

struct Parser<'a> {
    t: &'a [Tok],
    text: &'a str,
}

fn longer(a: Option<M>, b: Option<M>) -> Option<M> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl<'a> Parser<'a> {
    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn w(&self, i: usize) -> Option<W> {
        match self.lex(i) {
            Lex::W(w) => Some(w),
            _ => None,
        }
    }
    fn is_w(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }
    fn punct(&self, i: usize, c: u8) -> bool {
        self.kind(i) == Some(Kind::Punct(c))
    }
    /// Tokens `i` and `i + 1` touch (no space between them).
    fn adj(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    fn str(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }
    /// Whether the expression ending before token `end` is a hyphenated
    /// adjective ("third-quarter", "two-week", "8-month-old").
    fn hyphenated(&self, end: usize) -> bool {
        (end.saturating_sub(4)..end).any(|k| self.punct(k, b'-') && self.adj(k))
    }

    /// Token `i` lower-cased into `buf` ("" when longer than 16 bytes).
    fn lower<'b>(&self, i: usize, buf: &'b mut [u8; 16]) -> &'b str {
        let s = self.str(i);
        if s.len() > buf.len() {
            return "";
        }
        for (d, c) in buf.iter_mut().zip(s.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..s.len()]).unwrap_or("")
    }

    /// "April 24 and 25": the second day number shares the first's month.
    fn second_day(&self, m: &M) -> Option<(usize, Piece)> {
        let Piece::Date {
            year,
            yrel: None,
            month: Some(month),
            day: Some(_),
        } = m.piece
        else {
            return None;
        };
        let j = m.end;
        if !(self.is_w(j, W::And) || self.is_w(j, W::Or)) {
            return None;
        }
        let (d, len) = self.num(j + 1)?;
        // "April 24 and 25 people", "April 24 and 25%", "and 25 May" are not days.
        let next = self.kind(j + 2);
        if len > 2
            || !(1..=31).contains(&d)
            || matches!(next, Some(Kind::Word | Kind::Num))
            || self.punct(j + 2, b'%')
            || self.punct(j + 2, b'-')
            || self.punct(j + 2, b':')
        {
            return None;
        }
        Some((
            j + 1,
            Piece::Date {
                year,
                yrel: None,
                month: Some(month),
                day: Some(d as u32),
            },
        ))
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.str(i).eq_ignore_ascii_case(w)
    }
    /// A plain number token (no separators), its value and digit count.
    fn num(&self, i: usize) -> Option<(u64, usize)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.sep {
            return None;
        }
        let s = self.str(i);
        let mut v: u64 = 0;
        for c in s.bytes() {
            v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
        }
        Some((v, s.len()))
    }
    /// A number glued to letters ("A319CJ", "FAV0001") or to a currency sign is
    /// an identifier or an amount, not a date.
    fn num_free(&self, i: usize) -> bool {
        let before = i
            .checked_sub(1)
            .map(|j| {
                let glued = self.adj(j);
                let k = self.kind(j);
                glued
                    && (matches!(k, Some(Kind::Word) | Some(Kind::Num))
                        || matches!(k, Some(Kind::Punct(b'$' | b'#' | b'.' | b',' | 0x80))))
                    || matches!(k, Some(Kind::Punct(b'$')))
            })
            .unwrap_or(false);
        let after = self.adj(i)
            && match self.kind(i + 1) {
                Some(Kind::Word) => {
                    let s = self.str(i + 1);
                    !(s == "s"
                        || s.eq_ignore_ascii_case("th")
                        || s.eq_ignore_ascii_case("st")
                        || s.eq_ignore_ascii_case("nd")
                        || s.eq_ignore_ascii_case("rd"))
                }
                Some(Kind::Punct(b'%')) => true,
                Some(Kind::Num) => true,
                _ => false,
            };
        !before && !after
    }

    /// A count: digits, number words ("twenty-four"), "a", "a couple of", "several".
    fn count(&self, i: usize) -> Option<(usize, Count)> {
        match self.lex(i) {
            Lex::NumW(n) => Some((i + 1, Count::Halves(n * 2))),
            Lex::Tens(n) => {
                // twenty-four, twenty four
                let j = if self.punct(i + 1, b'-') {
                    i + 2
                } else {
                    i + 1
                };
                if let Lex::NumW(u) = self.lex(j) {
                    if u < 10 {
                        return Some((j + 1, Count::Halves((n + u) * 2)));
                    }
                }
                Some((i + 1, Count::Halves(n * 2)))
            }
            Lex::W(W::A) => {
                if self.is_w(i + 1, W::Couple) && self.is_w(i + 2, W::Of) {
                    return Some((i + 3, Count::Halves(4)));
                }
                if self.is_w(i + 1, W::Few) {
                    return Some((i + 2, Count::Vague));
                }
                if self.is_w(i + 1, W::Hundred) {
                    return Some((i + 2, Count::Halves(200)));
                }
                if self.is_w(i + 1, W::Half) {
                    return Some((i + 2, Count::Halves(1)));
                }
                Some((i + 1, Count::Halves(2)))
            }
            Lex::W(W::Several | W::Few | W::Many | W::Some) => Some((i + 1, Count::Vague)),
            Lex::W(W::Couple) if self.is_w(i + 1, W::Of) => Some((i + 2, Count::Halves(4))),
            _ => {
                let t = self.t.get(i)?;
                if t.kind != Kind::Num {
                    return None;
                }
                if !(self.num_free(i) || self.adj(i) && self.punct(i + 1, b'-')) {
                    return None;
                }
                let s = self.str(i);
                if s.contains('.') {
                    return None;
                }
                let mut v: i64 = 0;
                let mut over = false;
                for c in s.bytes().filter(u8::is_ascii_digit) {
                    match v
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(i64::from(c - b'0')))
                    {
                        Some(x) => v = x,
                        None => over = true,
                    }
                }
                if over {
                    // Resolution reports this as unresolvable rather than inventing
                    // a number the text does not say.
                    v = COUNT_OVERFLOW;
                }
                let mut j = i + 1;
                // "2 1/2"
                if self.kind(j) == Some(Kind::Num)
                    && self.str(j) == "1"
                    && self.punct(j + 1, b'/')
                    && self.str(j + 2) == "2"
                {
                    return Some((j + 3, Count::Halves(v.saturating_mul(2).saturating_add(1))));
                }
                if self.is_w(j, W::Hundred) {
                    v = v.saturating_mul(100);
                    j += 1;
                }
                if self.is_w(j, W::Thousand) {
                    v = v.saturating_mul(1000);
                    j += 1;
                }
                Some((j, Count::Halves(v.saturating_mul(2))))
            }
        }
        .map(|(j, c)| {
            // "two thousand", "a hundred"
            let mut j = j;
            let mut c = c;
            if let Count::Halves(h) = c {
                if self.is_w(j, W::Hundred) && h < 40 {
                    c = Count::Halves(h * 100);
                    j += 1;
                }
                if self.is_w(j, W::Thousand) && h < 2000 {
                    c = Count::Halves(h * 1000);
                    j += 1;
                }
            }
            (j, c)
        })
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit(u, pl) => Some((u, pl)),
            _ => None,
        }
    }

    /// A four-digit year standing free (not a count, not an identifier).
    fn year(&self, i: usize) -> Option<i32> {
        let (v, len) = self.num(i)?;
        if len != 4 || !(1000..=2199).contains(&v) || !self.num_free(i) {
            return None;
        }
        Some(v as i32)
    }

    /// A month name: full, or abbreviated with an optional period. Returns (month,
    /// next index).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Month(m) => {
                let t = &self.t[i];
                // "may" and "march" are words too: only capitalised ones are months.
                if (m == 5 || m == 3) && !t.cap {
                    return None;
                }
                let j = i + 1;
                Some((m, j))
            }
            Lex::MonAbbr(m) => {
                if !self.t[i].cap {
                    return None;
                }
                if self.punct(i + 1, b'.') && self.adj(i) {
                    Some((m, i + 2))
                } else if matches!(self.kind(i + 1), Some(Kind::Num)) {
                    Some((m, i + 1))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A day of month 1..=31, with an optional ordinal suffix. (day, next)
    fn dom(&self, i: usize) -> Option<(u32, usize)> {
        let (v, len) = self.num(i)?;
        if len > 2 || v == 0 || v > 31 {
            return None;
        }
        if self.adj(i) {
            if let Some(Kind::Word) = self.kind(i + 1) {
                let mut buf = [0u8; 16];
                if matches!(self.lower(i + 1, &mut buf), "st" | "nd" | "rd" | "th") {
                    return Some((v as u32, i + 2));
                }
                return None;
            }
            // "24-hour", "9:59", "3/4", "10%": not a day of month.
            if self.punct(i + 1, b'%') {
                return None;
            }
            if matches!(
                self.kind(i + 1),
                Some(Kind::Punct(b':' | b'/' | b'-' | b'.'))
            ) && self.adj(i + 1)
                && matches!(self.kind(i + 2), Some(Kind::Num | Kind::Word))
            {
                return None;
            }
        }
        Some((v as u32, i + 1))
    }

    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Wday(d) => {
                let j = if self.punct(i + 1, b'\'') && self.word_is(i + 2, "s") {
                    i + 3
                } else {
                    i + 1
                };
                Some((d, j))
            }
            Lex::WdayAbbr(d) => {
                // "Sat." and "Sun." are words too: an abbreviation counts only
                // before a date ("Sat., Sept. 21").
                let k = if self.punct(i + 2, b',') {
                    i + 3
                } else {
                    i + 2
                };
                let dated = matches!(self.lex(k), Lex::Month(_) | Lex::MonAbbr(_))
                    || self.kind(k) == Some(Kind::Num);
                if self.t[i].cap && self.punct(i + 1, b'.') && self.adj(i) && dated {
                    Some((d, i + 2))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// "morning", "night"...
    fn part(&self, i: usize) -> Option<Part> {
        match self.lex(i) {
            Lex::Part(p) => Some(p),
            _ => None,
        }
    }

    /// Relative words that precede a unit: last (-1), this (0), next (1).
    fn rel(&self, i: usize) -> Option<i32> {
        match self.w(i)? {
            W::Last | W::Past | W::Previous => Some(-1),
            W::This | W::Current => Some(0),
            W::Next | W::Coming | W::Following => Some(1),
            _ => None,
        }
    }

    fn parse_at(&self, i: usize) -> Option<M> {
        // Modifiers that belong to the expression.
        let (j, md) = self.prefix(i);
        // "about the future", "almost daily": a modifier belongs to the
        // expression only before a count, a number or a date.
        let counted = matches!(self.kind(j), Some(Kind::Num))
            || matches!(
                self.lex(j),
                Lex::NumW(_)
                    | Lex::Tens(_)
                    | Lex::Month(_)
                    | Lex::MonAbbr(_)
                    | Lex::W(W::A | W::Noon | W::Midnight | W::Several | W::Few | W::Couple)
            );
        if j > i && !counted {
            return None;
        }
        if j > i {
            if self.is_w(i, W::Around)
                && !matches!(self.kind(j), Some(Kind::Num))
                && !matches!(
                    self.lex(j),
                    Lex::Month(_) | Lex::MonAbbr(_) | Lex::W(W::Noon | W::Midnight)
                )
            {
                return None;
            }
            return self.core(j).map(|mut m| {
                m.first = i;
                if matches!(m.piece, Piece::Duration { .. } | Piece::DurationValue(_))
                    || md.is_some()
                {
                    m = m.with_mod(md);
                }
                m
            });
        }
        self.core(i)
    }

    fn prefix(&self, i: usize) -> (usize, Option<Modifier>) {
        match self.w(i) {
            Some(W::Approx) => (i + 1, Some(Modifier::Approx)),
            Some(W::Around) => (i + 1, Some(Modifier::Approx)),
            Some(W::More | W::Over) if self.is_w(i + 1, W::Than) => {
                (i + 2, Some(Modifier::MoreThan))
            }
            Some(W::Less) if self.is_w(i + 1, W::Than) => (i + 2, Some(Modifier::LessThan)),
            Some(W::No) if self.is_w(i + 1, W::More) && self.is_w(i + 2, W::Than) => {
                (i + 3, Some(Modifier::OnOrBefore))
            }
            Some(W::At) if self.is_w(i + 1, W::Least) => (i + 2, Some(Modifier::MoreThan)),
            Some(W::Up) if self.is_w(i + 1, W::To) && self.count(i + 2).is_some() => {
                (i + 2, Some(Modifier::OnOrBefore))
            }
            Some(W::Over) if self.count(i + 1).is_some() => (i + 1, Some(Modifier::MoreThan)),
            _ => (i, None),
        }
    }

    fn core(&self, i: usize) -> Option<M> {
        let t = self.t.get(i)?;
        let mut best: Option<M> = None;
        match t.kind {
            Kind::Num => {
                best = longer(best, self.numeric(i));
                best = longer(best, self.duration(i));
                best = longer(best, self.clock(i));
                best = longer(best, self.day_month(i));
            }
            Kind::Punct(b'\'') => {
                // '80s, '98
                if self.adj(i) {
                    if let Some((v, 2)) = self.num(i + 1) {
                        if self.adj(i + 1) && self.word_is(i + 2, "s") {
                            let y = if v < 30 { 2000 + v } else { 1900 + v } as i32;
                            return Some(M::new(i, i + 3, Piece::Decade(y / 10)));
                        }
                    }
                }
                return None;
            }
            // Every parse below starts from the word's lexicon entry.
            Kind::Word if matches!(t.lex, Lex::None) => return None,
            Kind::Word => {
                // "a day-long strike", "decades-long feud": one unit, or some.
                if let Some((unit, plural)) = self.unit(i) {
                    if self.adj(i)
                        && self.punct(i + 1, b'-')
                        && self.adj(i + 1)
                        && self.word_is(i + 2, "long")
                    {
                        let n = if plural {
                            Count::Vague
                        } else {
                            Count::Halves(2)
                        };
                        return Some(M::new(i, i + 3, Piece::Duration { n, unit }));
                    }
                }
                best = longer(best, self.wordy(i));
                best = longer(best, self.duration(i));
                best = longer(best, self.month_date(i));
                best = longer(best, self.weekday_phrase(i));
            }
            _ => return None,
        }
        best
    }

    /// Expressions that start with a number: ISO and slashed dates, years,
    /// decades, ordinals of centuries.
    fn numeric(&self, i: usize) -> Option<M> {
        let (v, len) = self.num(i)?;
        // 2019-09-24
        if len == 4 && self.adj(i) && self.punct(i + 1, b'-') && self.adj(i + 1) {
            if let (Some((mo, 2)), true) = (self.num(i + 2), self.adj(i + 2)) {
                if self.punct(i + 3, b'-') && self.adj(i + 3) {
                    if let Some((d, 2)) = self.num(i + 4) {
                        let mut m = M::new(
                            i,
                            i + 5,
                            Piece::Date {
                                year: Some(v as i32),
                                yrel: None,
                                month: Some(mo as u32),
                                day: Some(d as u32),
                            },
                        );
                        m.invalid = !valid_ymd(v as i32, mo as u32, d as u32);
                        return Some(m);
                    }
                }
            }
            // 1998-Q3
            if self.word_is(i + 2, "q") {
                // tokenizer splits "Q3" into word + num
            }
        }
        // 9/24/2019
        if len <= 2 && self.adj(i) && self.punct(i + 1, b'/') && self.adj(i + 1) {
            if let (Some((d, dl)), true) = (self.num(i + 2), self.adj(i + 2)) {
                if dl <= 2 && self.punct(i + 3, b'/') && self.adj(i + 3) {
                    if let Some((y, yl)) = self.num(i + 4) {
                        if yl == 4 || yl == 2 {
                            let y = if yl == 2 {
                                if y < 50 {
                                    2000 + y
                                } else {
                                    1900 + y
                                }
                            } else {
                                y
                            };
                            if self.adj(i + 4) && matches!(self.kind(i + 5), Some(Kind::Num)) {
                                return None;
                            }
                            let mut m = M::new(
                                i,
                                i + 5,
                                Piece::Date {
                                    year: Some(y as i32),
                                    yrel: None,
                                    month: Some(v as u32),
                                    day: Some(d as u32),
                                },
                            );
                            m.invalid = !valid_ymd(y as i32, v as u32, d as u32);
                            return Some(m);
                        }
                    }
                }
            }
        }
        // 1990s
        if len == 4
            && self.adj(i)
            && self.word_is(i + 1, "s")
            && v % 10 == 0
            && (1000..2200).contains(&v)
        {
            return Some(M::new(i, i + 2, Piece::Decade(v as i32 / 10)));
        }
        // 19th century
        if len <= 2 && self.adj(i) {
            let mut buf = [0u8; 16];
            if matches!(self.lower(i + 1, &mut buf), "st" | "nd" | "rd" | "th") {
                if let Some((Unit::Century, false)) = self.unit(i + 2) {
                    if (1..=30).contains(&v) {
                        return Some(M::new(i, i + 3, Piece::Century(v as i32 - 1)));
                    }
                }
            }
        }
        // A year, possibly with a quarter: "1988 second quarter", "the 1988 period".
        let y = self.year(i)?;
        if let Some(m) = self.quarter_after(i + 1, YearOf::Explicit(y)) {
            return Some(M::new(i, m.end, m.piece));
        }
        if self.is_w(i + 1, W::Or) && self.word_is(i + 2, "later") {
            return Some(M::new(i, i + 3, year_piece(y)).with_mod(Some(Modifier::OnOrAfter)));
        }
        if count_noun(self.str(i + 1)) {
            return None;
        }
        Some(M::new(i, i + 1, year_piece(y)))
    }

    /// "third quarter", "third-quarter", "fiscal first quarter", "first half".
    fn quarter_after(&self, i: usize, year: YearOf) -> Option<M> {
        let mut j = i;
        if self.is_w(j, W::Fiscal) {
            j += 1;
            if self.punct(j, b'-') {
                j += 1;
            }
        }
        let Lex::Ord(n) = self.lex(j) else {
            return None;
        };
        j += 1;
        if self.punct(j, b'-') {
            j += 1;
        }
        let piece: fn(u32, YearOf) -> Piece = match self.lex(j) {
            Lex::Unit(Unit::Quarter, _) if (1..=4).contains(&n) => {
                |n, year| Piece::Quarter { n, year }
            }
            Lex::W(W::Half) if (1..=2).contains(&n) => |n, year| Piece::Half { n, year },
            _ => return None,
        };
        // "the third quarter of 1984", "the first half of 2019"
        if self.is_w(j + 1, W::Of) {
            if let Some(y) = self.year(j + 2) {
                return Some(M::new(i, j + 3, piece(n, YearOf::Explicit(y))));
            }
            if self.of_other_time(j + 2) {
                return None;
            }
        }
        Some(M::new(i, j + 1, piece(n, year)))
    }

    /// After "half of" / "quarter of" with no year: another expression of
    /// time ("the '80s", "last year") that the part is not a part of the
    /// context year's, so the part is no timex of its own. "the year", "this
    /// year" and anything else ("of $8.6 million", "of trading") leave it in
    /// the context year.
    fn of_other_time(&self, k: usize) -> bool {
        let context_year = (self.is_w(k, W::The) || self.is_w(k, W::This))
            && matches!(self.unit(k + 1), Some((Unit::Year, false)));
        !context_year && self.core(k).is_some()
    }

    /// "24 September 2019", "24th of September".
    fn day_month(&self, i: usize) -> Option<M> {
        let (d, j) = self.dom(i)?;
        let j = if self.is_w(j, W::Of) { j + 1 } else { j };
        let (mo, k) = self.month(j)?;
        let (year, k) = match self.year(k).or_else(|| {
            if self.punct(k, b',') {
                self.year(k + 1)
            } else {
                None
            }
        }) {
            Some(y) if self.punct(k, b',') => (Some(y), k + 2),
            Some(y) => (Some(y), k + 1),
            None => (None, k),
        };
        let mut m = M::new(
            i,
            k,
            Piece::Date {
                year,
                yrel: None,
                month: Some(mo),
                day: Some(d),
            },
        );
        m.invalid = !valid_ymd(year.unwrap_or(2000), mo, d);
        Some(m)
    }

    /// "September 24", "Sept. 24, 2019", "March 1996", "January this year".
    fn month_date(&self, i: usize) -> Option<M> {
        let (mo, j) = self.month(i)?;
        // Month day [, year]
        if let Some((d, k)) = self.dom(j) {
            if !(self.adj(j) && self.punct(k, b'%')) {
                let (year, k2) = if self.punct(k, b',') {
                    match self.year(k + 1) {
                        Some(y) => (Some(y), k + 2),
                        None => (None, k),
                    }
                } else if let Some(y) = self.year(k) {
                    (Some(y), k + 1)
                } else {
                    (None, k)
                };
                let mut m = M::new(
                    i,
                    k2,
                    Piece::Date {
                        year,
                        yrel: None,
                        month: Some(mo),
                        day: Some(d),
                    },
                );
                m.invalid = !valid_ymd(year.unwrap_or(2000), mo, d);
                // a time after the date: "Nov. 9 at 5 p.m." is left to the clock.
                return Some(m);
            }
        }
        // A bare abbreviation needs a period and must not be a word.
        if matches!(self.lex(i), Lex::MonAbbr(_)) && j == i + 1 {
            return None;
        }
        // Month [of] year
        let jy = if self.is_w(j, W::Of) || self.punct(j, b',') {
            j + 1
        } else {
            j
        };
        if let Some((y, ye)) = self.year_or_spelled(jy) {
            return Some(M::new(
                i,
                ye,
                Piece::Date {
                    year: Some(y),
                    yrel: None,
                    month: Some(mo),
                    day: None,
                },
            ));
        }
        // "January this year", "June last year"
        if let (Some(r), Some((Unit::Year, false))) = (self.rel(j), self.unit(j + 1)) {
            if self.is_w(j, W::Last) || self.is_w(j, W::This) || self.is_w(j, W::Next) {
                return Some(M::new(
                    i,
                    j + 2,
                    Piece::Date {
                        year: None,
                        yrel: Some(r),
                        month: Some(mo),
                        day: None,
                    },
                ));
            }
        }
        // Bare month name. "May" at a sentence start is often the verb: keep it only
        // when a preposition or a determiner precedes it.
        if mo == 5 || mo == 3 {
            let mut buf = [0u8; 16];
            let prev = i.checked_sub(1).map(|p| self.lower(p, &mut buf));
            let ok = matches!(
                prev,
                Some(
                    "in" | "since"
                        | "until"
                        | "till"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                        | "of"
                        | "-"
                        | "from"
                        | "through"
                        | "last"
                        | "next"
                        | "this"
                        | "during"
                        | "before"
                        | "after"
                        | "and"
                        | "or"
                        | "to"
                        | "each"
                        | "every"
                )
            );
            // "the March accession", "the May elections": a month as a modifier;
            // "the March on Washington", "the march to the sea" are walks.
            let modifier = prev == Some("the")
                && self.kind(j) == Some(Kind::Word)
                && self.t.get(j).is_some_and(|t| !t.cap)
                && ![
                    "on", "to", "of", "for", "in", "against", "by", "from", "through", "and",
                ]
                .iter()
                .any(|w| self.word_is(j, w));
            // "March on Washington", "may": a verb follows.
            if !ok && !modifier {
                return None;
            }
        }
        Some(M::new(
            i,
            j,
            Piece::Date {
                year: None,
                yrel: None,
                month: Some(mo),
                day: None,
            },
        ))
    }

    /// "Wednesday", "Friday morning", "Monday, Oct. 26", "Saturday night".
    fn weekday_phrase(&self, i: usize) -> Option<M> {
        let (d, j) = self.weekday(i)?;
        // "Sun" and "Sat" need more than a period: they are too often other words.
        // Weekday followed by a date: the date fixes it.
        let k = if self.punct(j, b',') { j + 1 } else { j };
        if let Some(m) = self.month_date(k) {
            if matches!(m.piece, Piece::Date { day: Some(_), .. }) {
                let mut out = M::new(i, m.end, m.piece);
                out.invalid = m.invalid;
                return Some(out);
            }
        }
        let (part, end) = match self.part(j) {
            Some(p) => (Some(p), j + 1),
            None => (None, j),
        };
        // plural weekday or part: "Tuesday nights" is a set.
        if self.str(i).ends_with('s') && self.str(i).len() > 6 && j == i + 1 {
            // "Mondays"
        }
        if let Some(p) = part {
            if self.str(j).ends_with('s') {
                return Some(M::new(
                    i,
                    end,
                    Piece::Set(format!("XXXX-WXX-{d}T{}", p.code())),
                ));
            }
        }
        // "Wednesday's ruling": news names past days this way; the possessive
        // stays out of the extent.
        let rel = (j == i + 3).then_some(POSSESSIVE);
        let end = if rel.is_some() { i + 1 } else { end };
        Some(M::new(
            i,
            end,
            Piece::Weekday {
                weekday: d,
                rel,
                part,
            },
        ))
    }

    /// A unit phrase after a count: "three years", "two-year", "a three-day".
    fn duration(&self, i: usize) -> Option<M> {
        let (j, n) = self.count(i)?;
        let mut k = j;
        // "two more weeks", "20 more years"
        if self.is_w(k, W::More) && matches!(self.unit(k + 1), Some((_, true))) {
            k += 1;
        }
        let hyphen = self.punct(k, b'-') && self.adj(k - 1);
        if hyphen {
            k += 1;
        }
        let (unit, plural) = self.unit(k)?;
        // "Islam will one day be...": an unspecified future day, not a length.
        if unit == Unit::Day
            && !plural
            && !hyphen
            && j == i + 1
            && self.word_is(i, "one")
            && i > 0
            && ["will", "may", "might", "could", "would", "should", "can"]
                .iter()
                .any(|w| self.word_is(i - 1, w))
        {
            return Some(M::new(i, k + 1, Piece::Fuzzy("FUTURE_REF")));
        }
        // "a year-earlier loss", "a year-ago profit", "a day-long strike":
        // "year-earlier" is the expression and "a" belongs to the noun.
        if self.is_w(i, W::A)
            && j == i + 1
            && !hyphen
            && self.punct(k + 1, b'-')
            && self.adj(k)
            && (self.is_w(k + 2, W::Earlier)
                || self.is_w(k + 2, W::Ago)
                || self.word_is(k + 2, "long"))
        {
            return None;
        }
        if hyphen && plural {
            return None;
        }
        // "the 1988 quarter" is a year's quarter, not 1988 quarters.
        if !plural && !hyphen && self.year(i).is_some() {
            return None;
        }
        let mut end = k + 1;
        if hyphen {
            // "8-month-old", "day-long"; an age in years is not a time.
            if self.punct(end, b'-')
                && (self.word_is(end + 1, "old") || self.word_is(end + 1, "long"))
            {
                if unit == Unit::Year && self.word_is(end + 1, "old") {
                    return None;
                }
                end += 2;
            }
            return Some(M::new(i, end, Piece::Duration { n, unit }));
        }
        // "a year" needs care: "$5 a year" is a rate.
        if self.is_w(i, W::A) && j == i + 1 {
            if self.is_w(end, W::Ago) {
                return Some(M::new(i, end + 1, Piece::Shift { unit, n, sign: -1 }));
            }
            if matches!(
                self.w(end),
                Some(W::Earlier | W::Later | W::Before | W::After)
            ) {
                let sign = if matches!(self.w(end), Some(W::Earlier | W::Before)) {
                    -1
                } else {
                    1
                };
                if matches!(self.w(end), Some(W::Before | W::After)) && !self.is_w(end + 1, W::That)
                {
                    // "a day before the vote": a relation, not an expression.
                    return None;
                }
                return Some(M::new(i, end + 1, Piece::NarrShift { unit, n, sign }));
            }
            if i > 0
                && (matches!(self.kind(i - 1), Some(Kind::Num))
                    || self.word_is(i - 1, "million")
                    || self.word_is(i - 1, "billion")
                    || self.word_is(i - 1, "percent")
                    || self.word_is(i - 1, "times"))
            {
                let v = set_value(unit);
                return Some(M::new(i, end, Piece::Set(v.into())));
            }
            if matches!(unit, Unit::Second) {
                return None;
            }
            // "a minute and a half"
            if self.is_w(end, W::And) && self.is_w(end + 1, W::A) && self.is_w(end + 2, W::Half) {
                return Some(M::new(
                    i,
                    end + 3,
                    Piece::Duration {
                        n: Count::Halves(3),
                        unit,
                    },
                ));
            }
        }
        if self.is_w(end, W::Ago) {
            return Some(M::new(i, end + 1, Piece::Shift { unit, n, sign: -1 }));
        }
        if self.is_w(end, W::Old) || (self.is_w(end, W::Of) && self.word_is(end + 1, "age")) {
            return None;
        }
        if self.is_w(end, W::Or) && self.word_is(end + 1, "so") {
            if self.is_w(end + 2, W::Ago) {
                return Some(
                    M::new(i, end + 3, Piece::Shift { unit, n, sign: -1 })
                        .with_mod(Some(Modifier::Approx)),
                );
            }
            end += 2;
        }
        if matches!(self.w(end), Some(W::Earlier | W::Later)) {
            // "a few days later": no date can be computed, so the expression
            // is the vague length and "later" a signal (TimeML).
            if !matches!(n, Count::Halves(_)) {
                return Some(M::new(i, end, Piece::Duration { n, unit }));
            }
            let sign = if self.is_w(end, W::Earlier) { -1 } else { 1 };
            return Some(M::new(i, end + 1, Piece::NarrShift { unit, n, sign }));
        }
        // "two to three weeks": keep the first count.
        Some(M::new(i, end, Piece::Duration { n, unit }))
    }

    /// "9:59 PM local time", "10 a.m. GMT", "noon Thursday", "4 in the morning".
    fn clock(&self, i: usize) -> Option<M> {
        let (h, hl) = self.num(i)?;
        if hl > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut minute = None;
        if self.adj(i) && self.punct(j, b':') && self.adj(j) {
            let (mi, ml) = self.num(j + 1)?;
            if ml != 2 {
                return None;
            }
            minute = Some(mi as u32);
            j += 2;
            // seconds
            if self.adj(j - 1) && self.punct(j, b':') && self.adj(j) && self.num(j + 1).is_some() {
                j += 2;
            }
        }
        let (ampm, k) = self.ampm(j);
        if ampm.is_none() && minute.is_none() {
            // "4 in the morning"
            if self.is_w(j, W::In) && self.is_w(j + 1, W::The) {
                if let Some(p) = self.part(j + 2) {
                    let hour = match p {
                        Part::Morning | Part::Night if h == 12 => 0,
                        Part::Morning => h,
                        _ if h < 12 => h + 12,
                        _ => h,
                    };
                    if hour < 24 {
                        return Some(M::new(
                            i,
                            j + 3,
                            Piece::Time {
                                hour: hour as u32,
                                minute: Some(0),
                                date: None,
                            },
                        ));
                    }
                }
            }
            return None;
        }
        let mut hour = h as u32;
        let mut invalid = false;
        match ampm {
            Some(pm) => {
                if hour == 0 || hour > 12 {
                    invalid = true;
                } else if pm && hour < 12 {
                    hour += 12;
                } else if !pm && hour == 12 {
                    hour = 0;
                }
            }
            None => {
                // Bare "14:30": only with two-digit minutes, already checked.
                if hour > 24 {
                    return None;
                }
            }
        }
        if minute.is_some_and(|m| m > 59 || (hour == 24 && m > 0)) {
            invalid = true;
        }
        let mut end = k;
        let mut zone = None;
        if matches!(self.lex(end), Lex::Zone) && self.t[end].cap {
            zone = Some((end, end + 1));
            end += 1;
        } else if self.is_w(end, W::Local) && self.is_w(end + 1, W::Time) {
            zone = Some((end, end + 2));
            end += 2;
        }
        // The date it is on: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9".
        let mut date = None;
        let dk = if self.punct(end, b',') { end + 1 } else { end };
        let dk2 = if self.word_is(dk, "on") { dk + 1 } else { dk };
        if let Some((d, e)) = self.weekday(dk2) {
            date = Some(Box::new(Piece::Weekday {
                weekday: d,
                rel: None,
                part: None,
            }));
            end = e;
        } else if let Some(m) = self.month_date(dk2) {
            if matches!(m.piece, Piece::Date { day: Some(_), .. }) {
                date = Some(Box::new(m.piece));
                end = m.end;
            }
        } else if let Lex::Day(off) = self.lex(dk2) {
            date = Some(Box::new(Piece::RelDay {
                offset: off,
                part: None,
            }));
            end = dk2 + 1;
        } else if self.punct(end, b'(') {
            // "10:35 a.m. (0735 GMT) Friday": the day after the aside dates the
            // time; it stays its own expression.
            if let Some(close) = (end + 1..end + 6).find(|&k| self.punct(k, b')')) {
                if let Some((d, _)) = self.weekday(close + 1) {
                    date = Some(Box::new(Piece::Weekday {
                        weekday: d,
                        rel: None,
                        part: None,
                    }));
                }
            }
        }
        let mut m = M::new(
            i,
            end,
            Piece::Time {
                hour,
                minute: Some(minute.unwrap_or(0)),
                date,
            },
        );
        m.zone = zone;
        m.invalid = invalid;
        Some(m)
    }

    /// "a.m.", "am", "p.m", "PM": (Some(is_pm), next).
    fn ampm(&self, i: usize) -> (Option<bool>, usize) {
        let mut buf = [0u8; 16];
        let s = self.lower(i, &mut buf);
        match s {
            "am" | "pm" => {
                let j = if self.punct(i + 1, b'.') && self.adj(i) {
                    i + 2
                } else {
                    i + 1
                };
                (Some(s == "pm"), j)
            }
            "a" | "p" if self.punct(i + 1, b'.') && self.adj(i) && self.word_is(i + 2, "m") => {
                let j = if self.punct(i + 3, b'.') && self.adj(i + 2) {
                    i + 4
                } else {
                    i + 3
                };
                (Some(s == "p"), j)
            }
            _ => (None, i),
        }
    }

    /// Expressions that start with a word other than a month or a weekday.
    fn wordy(&self, i: usize) -> Option<M> {
        match self.lex(i) {
            Lex::Day(off) => {
                let mut end = i + 1;
                let mut part = None;
                if let Some(p) = self.part(end) {
                    part = Some(p);
                    end += 1;
                }
                // "yesterday's": the possessive stays out of the extent (TimeML).
                // "the day before yesterday" is handled from "the".
                // "today's world", "today's youth": the present era, which TimeML
                // does not mark.
                if off == 0
                    && part.is_none()
                    && self.punct(end, b'\'')
                    && self.word_is(end + 1, "s")
                    && GENERIC_NOW_NOUNS.iter().any(|w| self.word_is(end + 2, w))
                {
                    return None;
                }
                Some(M::new(i, end, Piece::RelDay { offset: off, part }))
            }
            Lex::Tonight => Some(M::new(
                i,
                i + 1,
                Piece::RelDay {
                    offset: 0,
                    part: Some(Part::Night),
                },
            )),
            Lex::Fuzzy(v) => {
                // "now" as in "now that"? still present.
                Some(M::new(i, i + 1, Piece::Fuzzy(v)))
            }
            Lex::SetAdv(v) => {
                // "rise 8.5% annually", "10,000 units annually", "$5 million
                // annually": a rate, which TimeML leaves unmarked.
                let rate = self.word_is(i, "annually")
                    && i > 0
                    && (self.punct(i - 1, b'%')
                        || self.word_is(i - 1, "percent")
                        || self.word_is(i - 1, "million")
                        || self.word_is(i - 1, "billion")
                        || (i > 1 && self.kind(i - 2) == Some(Kind::Num)));
                if rate {
                    return None;
                }
                Some(M::new(i, i + 1, Piece::Set(v.into())))
            }
            Lex::Holiday(h) => {
                // "Labor Day", "Election Day": the word alone is not the day.
                let needs_day = matches!(
                    h,
                    Holiday::LaborDay | Holiday::MemorialDay | Holiday::ElectionDay
                );
                if needs_day && !(self.t[i].cap && self.word_is(i + 1, "day") && self.t[i + 1].cap)
                {
                    return None;
                }
                let mut end = i + 1;
                if self.word_is(end, "day") || self.word_is(end, "eve") {
                    if self.word_is(end, "eve") {
                        if let Holiday::Fixed(12, 25) = h {
                            return Some(M::new(
                                i,
                                end + 1,
                                Piece::Holiday(Holiday::Fixed(12, 24)),
                            ));
                        }
                        return None;
                    }
                    end += 1;
                }
                Some(M::new(i, end, Piece::Holiday(h)))
            }
            Lex::Season(s) => {
                if s == 2 && !self.t[i].cap && !self.prev_is_det(i) {
                    return None;
                }
                let mut m = M::new(
                    i,
                    i + 1,
                    Piece::Season {
                        season: s,
                        year: YearOf::Context,
                        rel: None,
                    },
                );
                let k = if self.is_w(i + 1, W::Of) {
                    i + 2
                } else {
                    i + 1
                };
                if let Some((y, ye)) = self.year_or_spelled(k) {
                    m = M::new(
                        i,
                        ye,
                        Piece::Season {
                            season: s,
                            year: YearOf::Explicit(y),
                            rel: None,
                        },
                    );
                }
                if self.str(i).ends_with('s') {
                    return None;
                }
                if !self.prev_is_det(i) && m.end == i + 1 && s != 1 && s != 3 {
                    return None;
                }
                Some(m)
            }
            Lex::Part(p) => {
                // "morning" alone is too vague; "the morning" is taken from "the".
                let _ = p;
                None
            }
            Lex::W(w) => self.word_phrase(i, w),
            Lex::Unit(Unit::Year, false) => self.year_ago(i),
            Lex::Ord(n) => {
                // "third-quarter", "first half", "20th century" spelled
                if let Some(m) = self.quarter_after(i, YearOf::Context) {
                    return Some(m);
                }
                if let Some((Unit::Century, false)) = self.unit(i + 1) {
                    return Some(M::new(i, i + 2, Piece::Century(n as i32 - 1)));
                }
                None
            }
            Lex::NumW(19) | Lex::NumW(20) | Lex::Tens(20) => self.spelled_year(i),
            _ => None,
        }
    }

    /// "year-earlier", "year-ago quarter", "year-earlier third quarter".
    fn year_ago(&self, i: usize) -> Option<M> {
        if !(self.punct(i + 1, b'-') && matches!(self.w(i + 2), Some(W::Ago | W::Earlier))) {
            return None;
        }
        let j = i + 3;
        if let Some(m) = self.quarter_after(j, YearOf::Rel(-1)) {
            return Some(M::new(i, m.end, m.piece));
        }
        if let Some((Unit::Quarter, false)) = self.unit(j) {
            return Some(M::new(i, j + 1, Piece::ContextQuarter { years: -1 }));
        }
        if self.is_w(j, W::Period) {
            return Some(M::new(i, j + 1, Piece::ContextQuarter { years: -1 }));
        }
        if let Some((k, n)) = self.count(j) {
            if let Some((u, true)) = self.unit(k) {
                return Some(M::new(i, k + 1, Piece::Duration { n, unit: u }));
            }
        }
        Some(M::new(
            i,
            j,
            Piece::NarrShift {
                unit: Unit::Year,
                n: Count::Halves(2),
                sign: -1,
            },
        ))
    }

    fn prev_is_det(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| {
            matches!(
                self.w(p),
                Some(
                    W::The
                        | W::This
                        | W::Last
                        | W::Next
                        | W::Early
                        | W::Late
                        | W::Past
                        | W::In
                        | W::Each
                        | W::Every
                        | W::That
                        | W::Mid
                )
            ) || self.word_is(p, "since")
                || self.word_is(p, "until")
                || self.word_is(p, "during")
        })
    }

    /// "nineties", "eighties": decades of the 1900s.
    fn decade_word(&self, i: usize) -> Option<M> {
        let mut buf = [0u8; 16];
        let d = match self.lower(i, &mut buf) {
            "twenties" => 192,
            "thirties" => 193,
            "forties" => 194,
            "fifties" => 195,
            "sixties" => 196,
            "seventies" => 197,
            "eighties" => 198,
            "nineties" => 199,
            _ => return None,
        };
        Some(M::new(i, i + 1, Piece::Decade(d)))
    }

    /// A year in digits or in words ("January nineteen ninety-seven"), with the
    /// index after it.
    fn year_or_spelled(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year(i) {
            return Some((y, i + 1));
        }
        match self.spelled_year(i)? {
            M {
                end,
                piece: Piece::Date { year: Some(y), .. },
                ..
            } => Some((y, end)),
            _ => None,
        }
    }

    /// "nineteen ninety-six", "twenty ten".
    fn spelled_year(&self, i: usize) -> Option<M> {
        let Lex::NumW(c) = self.lex(i) else {
            return None;
        };
        if c != 19 && c != 20 {
            return None;
        }
        let (j, n) = match self.lex(i + 1) {
            Lex::Tens(t) => {
                let k = if self.punct(i + 2, b'-') {
                    i + 3
                } else {
                    i + 2
                };
                match self.lex(k) {
                    Lex::NumW(u) if u < 10 => (k + 1, t + u),
                    _ => (i + 2, t),
                }
            }
            Lex::NumW(u) if (10..20).contains(&u) => (i + 2, u),
            _ => return None,
        };
        let y = (c * 100 + n) as i32;
        if self.unit(j).is_some() {
            return None;
        }
        Some(M::new(i, j, year_piece(y)))
    }

    /// Phrases led by a function word: "the third quarter", "last year", "this
    /// week", "the next day", "every Monday", "early next year", "mid-1990s".
    fn word_phrase(&self, i: usize, w: W) -> Option<M> {
        // A quoted title: ABC's "This Week", "Next Year in Jerusalem".
        if matches!(w, W::This | W::Next | W::Last)
            && self.t.get(i).is_some_and(|t| t.cap)
            && self
                .t
                .get(i + 1)
                .is_some_and(|t| t.cap && t.kind == Kind::Word)
            && i > 0
            && (self.punct(i - 1, b'"') || self.str(i - 1).ends_with('\u{201c}'))
        {
            return None;
        }
        match w {
            W::The => self.the_phrase(i),
            W::Early | W::Late | W::Mid | W::Earlier | W::Later => {
                let md = match w {
                    W::Early | W::Earlier => Modifier::Start,
                    W::Late | W::Later => Modifier::End,
                    _ => Modifier::Mid,
                };
                let mut j = i + 1;
                if self.punct(j, b'-') {
                    j += 1;
                }
                if matches!(w, W::Earlier | W::Later)
                    && self.word_is(j, "in")
                    && self.is_w(j + 1, W::The)
                {
                    // "earlier in the year"
                    if let Some((u, false)) = self.unit(j + 2) {
                        return Some(
                            M::new(i, j + 3, Piece::RelUnit { unit: u, n: 0 }).with_mod(Some(md)),
                        );
                    }
                }
                // "mid-afternoon yesterday", "by mid afternoon", "early morning":
                // the part of the named day, or of the reference day.
                if let Some(p) = self.part(j).filter(|_| !self.str(j).ends_with('s')) {
                    let (offset, end) = match self.lex(j + 1) {
                        Lex::Day(off) => (off, j + 2),
                        _ => (0, j + 1),
                    };
                    if w == W::Mid || end == j + 2 {
                        return Some(
                            M::new(
                                i,
                                end,
                                Piece::RelDay {
                                    offset,
                                    part: Some(p),
                                },
                            )
                            .with_mod(Some(md)),
                        );
                    }
                }
                let inner = self.core(j)?;
                let ok = matches!(
                    &inner.piece,
                    Piece::Date { .. }
                        | Piece::MonthRel { .. }
                        | Piece::Decade(_)
                        | Piece::Century(_)
                        | Piece::Season { .. }
                        | Piece::Quarter { .. }
                        | Piece::RelUnit { .. }
                        | Piece::NarrSame { .. }
                        | Piece::Weekday { .. }
                        | Piece::RelDay { .. }
                );
                if !ok {
                    return None;
                }
                let mut m = M::new(i, inner.end, inner.piece);
                m.modifier = Some(md);
                m.invalid = inner.invalid;
                Some(m)
            }
            W::Last | W::Next | W::This | W::Past | W::Coming | W::Previous | W::Following => {
                self.rel_phrase(i, i)
            }
            W::These if self.word_is(i + 1, "days") => {
                Some(M::new(i, i + 2, Piece::Fuzzy("PRESENT_REF")))
            }
            W::That => {
                // "that same day": as "the same day"
                if self.is_w(i + 1, W::Same) {
                    if let Some((u, false)) = self.unit(i + 2) {
                        return Some(M::new(
                            i,
                            i + 3,
                            Piece::NarrSame {
                                unit: u,
                                part: None,
                            },
                        ));
                    }
                }
                // "that day", "that evening", "that year"
                if let Some(p) = self.part(i + 1) {
                    return Some(M::new(
                        i,
                        i + 2,
                        Piece::NarrSame {
                            unit: Unit::Day,
                            part: Some(p),
                        },
                    ));
                }
                match self.unit(i + 1) {
                    Some((Unit::Quarter, false)) => {
                        Some(M::new(i, i + 2, Piece::ContextQuarter { years: 0 }))
                    }
                    Some((u @ (Unit::Day | Unit::Year | Unit::Month | Unit::Week), false)) => {
                        if self.is_w(i + 2, W::Time) {
                            return None;
                        }
                        Some(M::new(
                            i,
                            i + 2,
                            Piece::NarrSame {
                                unit: u,
                                part: None,
                            },
                        ))
                    }
                    _ => None,
                }
            }
            W::Recent => {
                let Some((u, pl)) = self.unit(i + 1) else {
                    return Some(M::new(i, i + 1, Piece::Fuzzy("PAST_REF")));
                };
                if !pl {
                    return None;
                }
                // "recent weeks and months": the past at large.
                if (self.is_w(i + 2, W::And) || self.is_w(i + 2, W::Or))
                    && matches!(self.unit(i + 3), Some((_, true)))
                {
                    return Some(M::new(i, i + 4, Piece::Fuzzy("PAST_REF")));
                }
                // Short units read as a vague length ("in recent weeks": PXW),
                // long ones as the past at large ("in recent years").
                match u {
                    Unit::Month | Unit::Quarter => {
                        Some(M::new(i, i + 2, Piece::DurationValue("PXM")))
                    }
                    Unit::Week => Some(M::new(i, i + 2, Piece::DurationValue("PXW"))),
                    _ => Some(M::new(i, i + 2, Piece::Fuzzy("PAST_REF"))),
                }
            }
            W::Current => {
                if let Some(m) = self.rel_phrase(i, i) {
                    return Some(m);
                }
                if self.unit(i + 1).is_some() || self.is_w(i + 1, W::Fiscal) {
                    return None;
                }
                Some(M::new(i, i + 1, Piece::Fuzzy("PRESENT_REF")))
            }
            W::Every | W::Each => {
                let j = i + 1;
                if let Some((d, e)) = self.weekday(j) {
                    return Some(M::new(i, e, Piece::Set(format!("XXXX-WXX-{d}"))));
                }
                if let Some((mo, e)) = self.month(j) {
                    return Some(M::new(i, e, Piece::Set(format!("XXXX-{mo:02}"))));
                }
                if let Some((u, false)) = self.unit(j) {
                    return Some(M::new(i, j + 1, Piece::Set(set_value(u).into())));
                }
                if let Some(Part::Morning | Part::Night | Part::Evening | Part::Afternoon) =
                    self.part(j)
                {
                    let p = self.part(j)?;
                    return Some(M::new(
                        i,
                        j + 1,
                        Piece::Set(format!("XXXX-XX-XXT{}", p.code())),
                    ));
                }
                // "every two weeks"
                if let Some((k, Count::Halves(h))) = self.count(j) {
                    if let Some((u, true)) = self.unit(k) {
                        if h % 2 == 0 {
                            return Some(M::new(
                                i,
                                k + 1,
                                Piece::Set(duration_value(Count::Halves(h), u)),
                            ));
                        }
                    }
                }
                None
            }
            W::Noon | W::Midnight => {
                // "high noon": a showdown, not a clock time.
                if w == W::Noon && i > 0 && self.word_is(i - 1, "high") {
                    return None;
                }
                let hour = if w == W::Noon { 12 } else { 24 };
                let mut end = i + 1;
                let mut date = None;
                if let Some((d, e)) = self.weekday(end) {
                    date = Some(Box::new(Piece::Weekday {
                        weekday: d,
                        rel: None,
                        part: None,
                    }));
                    end = e;
                } else if let Lex::Day(off) = self.lex(end) {
                    date = Some(Box::new(Piece::RelDay {
                        offset: off,
                        part: None,
                    }));
                    end += 1;
                }
                Some(M::new(
                    i,
                    end,
                    Piece::Time {
                        hour,
                        minute: if hour == 24 { None } else { Some(0) },
                        date,
                    },
                ))
            }
            // "the then current chairman", "then-current rules": the present
            // of a past narrative.
            W::Then => {
                let j = if self.punct(i + 1, b'-') {
                    i + 2
                } else {
                    i + 1
                };
                self.is_w(j, W::Current)
                    .then(|| M::new(i, j + 1, Piece::Fuzzy("PAST_REF")))
            }
            W::Overnight => Some(M::new(
                i,
                i + 1,
                Piece::RelDay {
                    offset: -1,
                    part: Some(Part::Night),
                },
            )),
            W::Fiscal => {
                let y = self.year(i + 1)?;
                Some(M::new(i, i + 2, year_piece(y)))
            }

            // "in future"; the adjective ("future losses") is too often unmarked.
            W::Future if i > 0 && (self.word_is(i - 1, "in") || self.word_is(i - 1, "for")) => {
                Some(M::new(i, i + 1, Piece::Fuzzy("FUTURE_REF")))
            }
            // "its third quarter": the pronoun stays out of the extent
            W::Its => None,
            _ => None,
        }
    }

    /// "last year", "next week", "this Thursday", "the past three months",
    /// "last January", "this summer", "the coming months".
    fn rel_phrase(&self, i: usize, first: usize) -> Option<M> {
        let w = self.w(i)?;
        let r = self.rel(i)?;
        let j = i + 1;
        // "this past spring", "this coming Sunday"
        if w == W::This && matches!(self.w(j), Some(W::Past | W::Coming)) {
            let mut m = self.rel_phrase(j, first)?;
            m.first = first;
            return Some(m);
        }
        if let Some((d, e)) = self.weekday(j) {
            if w == W::Past || w == W::Current {
                return None;
            }
            // "last Tuesday's hearing": the possessive stays out of the extent.
            let e = if e == j + 3 { j + 1 } else { e };
            let (part, e) = match self.part(e) {
                Some(p) => (Some(p), e + 1),
                None => (None, e),
            };
            let mut end = e;
            let mut piece = Piece::Weekday {
                weekday: d,
                rel: Some(r),
                part,
            };
            // "this coming Sunday, March eighth": the date wins
            let k = if self.punct(end, b',') { end + 1 } else { end };
            if let Some((mo, k2)) = self.month(k) {
                let day = self.dom(k2).or_else(|| match self.lex(k2) {
                    Lex::Ord(n) => Some((n, k2 + 1)),
                    _ => None,
                });
                if let Some((dd, k3)) = day {
                    piece = Piece::Date {
                        year: None,
                        yrel: None,
                        month: Some(mo),
                        day: Some(dd),
                    };
                    end = k3;
                }
            }
            if matches!(w, W::Following | W::Previous) {
                // "the following Monday": from the narrative
                return Some(
                    M::new(
                        first,
                        end,
                        Piece::NarrShift {
                            unit: Unit::Day,
                            n: Count::Halves(0),
                            sign: 0,
                        },
                    )
                    .weekday_narr(d, r),
                );
            }
            return Some(M::new(first, end, piece));
        }
        if let Some((mo, e)) = self.month(j) {
            // "last Oct. 23": the date, looked for on the side the word says
            if let (Some((d, e2)), W::Last | W::Next) = (self.dom(e), w) {
                let mut m = M::new(
                    first,
                    e2,
                    Piece::Date {
                        year: None,
                        yrel: Some(REL_DATE + r),
                        month: Some(mo),
                        day: Some(d),
                    },
                );
                m.invalid = !valid_ymd(2000, mo, d);
                return Some(m);
            }
            if matches!(w, W::Last | W::Next | W::This) && (mo != 5 || self.t[j].cap) {
                return Some(M::new(first, e, Piece::MonthRel { month: mo, rel: r }));
            }
        }
        if let Lex::Season(s) = self.lex(j) {
            return Some(M::new(
                first,
                j + 1,
                Piece::Season {
                    season: s,
                    year: YearOf::Context,
                    rel: Some(r),
                },
            ));
        }
        if let Some(p) = self.part(j) {
            // this morning, last night, this evening
            let off = match (w, p) {
                (W::Last, _) => -1,
                (W::This, _) => 0,
                (W::Next | W::Following, _) => 1,
                _ => return None,
            };
            // "the following morning", "the next morning": the day after the
            // narrative's, like "the next day"; bare "next morning" is tomorrow's.
            if w == W::Following || (w == W::Next && first < i) {
                return Some(M::new(
                    first,
                    j + 1,
                    Piece::NarrShift {
                        unit: Unit::Day,
                        n: Count::Halves(2),
                        sign: 1,
                    },
                ));
            }
            return Some(M::new(
                first,
                j + 1,
                Piece::RelDay {
                    offset: off,
                    part: Some(p),
                },
            ));
        }
        // "this year's third quarter", "last year's quarter"
        if let Some((Unit::Year, false)) = self.unit(j) {
            if self.punct(j + 1, b'\'') && self.word_is(j + 2, "s") {
                if let Some(m) = self.quarter_after(j + 3, YearOf::Rel(r)) {
                    return Some(M::new(first, m.end, m.piece));
                }
                if let Some((Unit::Quarter, false)) = self.unit(j + 3) {
                    return Some(M::new(first, j + 4, Piece::ContextQuarter { years: r }));
                }
            }
        }
        // "the next two weeks", "the past three months", "last five years"
        if let Some((k, n)) = self.count(j) {
            if !self.is_w(j, W::A) {
                if let Some((u, true)) = self.unit(k) {
                    return Some(M::new(first, k + 1, Piece::Duration { n, unit: u }));
                }
            }
        }
        let (u, plural) = self.unit(j)?;
        if plural {
            // "the coming months", "the past years"
            return match r {
                1 => Some(M::new(first, j + 1, coming_piece(u))),
                -1 => Some(M::new(first, j + 1, Piece::DurationValue(vague_value(u)))),
                _ => None,
            };
        }
        if matches!(w, W::Following | W::Previous) {
            // narrative: "the following week", "the previous day"
            let sign = if w == W::Following { 1 } else { -1 };
            return Some(M::new(
                first,
                j + 1,
                Piece::NarrShift {
                    unit: u,
                    n: Count::Halves(2),
                    sign,
                },
            ));
        }
        if w == W::Next && first < i && self.is_w(first, W::The) {
            // "the next day" is narrative
            if matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                && !self.is_w(j + 1, W::Or)
            {
                return Some(M::new(
                    first,
                    j + 1,
                    Piece::NarrShift {
                        unit: u,
                        n: Count::Halves(2),
                        sign: 1,
                    },
                ));
            }
        }
        if w == W::Past && matches!(u, Unit::Decade | Unit::Century) {
            return Some(M::new(
                first,
                j + 1,
                Piece::Duration {
                    n: Count::Halves(2),
                    unit: u,
                },
            ));
        }
        if w == W::Current && u == Unit::Quarter {
            return Some(M::new(first, j + 1, Piece::RelUnit { unit: u, n: 0 }));
        }
        if w == W::Current && !matches!(u, Unit::Year | Unit::Month | Unit::Week) {
            return None;
        }
        // "the next year or so"
        let mut end = j + 1;
        if self.is_w(end, W::Or) && self.word_is(end + 1, "so") {
            end += 2;
        }
        Some(M::new(
            first,
            end,
            Piece::RelUnit {
                unit: u,
                n: i64::from(r),
            },
        ))
    }

    /// Phrases led by "the".
    fn the_phrase(&self, i: usize) -> Option<M> {
        let j = i + 1;
        // the third quarter, the fiscal first quarter; "the third-quarter
        // results" is an adjective and leaves "the" out (TimeML).
        if let Some(m) = self.quarter_after(j, YearOf::Context) {
            if self.hyphenated(m.end) {
                return None;
            }
            return Some(M::new(i, m.end, m.piece));
        }
        match self.lex(j) {
            Lex::W(W::Past)
                if !matches!(
                    self.lex(j + 1),
                    Lex::Unit(..)
                        | Lex::NumW(_)
                        | Lex::Tens(_)
                        | Lex::W(W::Few | W::Several | W::Couple)
                ) && self.kind(j + 1) != Some(Kind::Num) =>
            {
                return Some(M::new(i, j + 1, Piece::Fuzzy("PAST_REF")));
            }
            Lex::W(W::Future) => return Some(M::new(i, j + 1, Piece::Fuzzy("FUTURE_REF"))),
            // "the weeks ahead", "the months ahead": as "the coming weeks"
            Lex::Unit(u, true) if self.word_is(j + 1, "ahead") => {
                return Some(M::new(i, j + 2, coming_piece(u)));
            }
            Lex::W(W::Present) => {
                if self.kind(j + 1) == Some(Kind::Word)
                    && self.lex(j + 1) == Lex::None
                    && !self.punct(j + 1, b'.')
                {
                    return None;
                }
                return Some(M::new(i, j + 1, Piece::Fuzzy("PRESENT_REF")));
            }
            Lex::W(W::Near) if self.is_w(j + 1, W::Future) || self.is_w(j + 1, W::Term) => {
                return Some(M::new(i, j + 2, Piece::Fuzzy("FUTURE_REF")));
            }
            Lex::W(W::Short | W::Long) if self.is_w(j + 1, W::Term) => {
                return Some(M::new(i, j + 2, Piece::Fuzzy("FUTURE_REF")));
            }
            Lex::W(W::Latest) => {
                if self.is_w(j + 1, W::Fiscal) {
                    if let Some((Unit::Year, false)) = self.unit(j + 2) {
                        return Some(M::new(
                            i,
                            j + 3,
                            Piece::RelUnit {
                                unit: Unit::Year,
                                n: -1,
                            },
                        ));
                    }
                }
                if let Some((Unit::Quarter, false)) = self.unit(j + 1) {
                    return Some(M::new(i, j + 2, Piece::LatestQuarter));
                }
                if self.is_w(j + 1, W::Period) {
                    return Some(M::new(i, j + 2, Piece::LatestQuarter));
                }
                if let Some((k, n)) = self.count(j + 1) {
                    if let Some((u, true)) = self.unit(k) {
                        return Some(M::new(i, k + 1, Piece::Duration { n, unit: u }));
                    }
                }
                return None;
            }
            Lex::W(W::Same) => {
                if let Some((u, false)) = self.unit(j + 1) {
                    return Some(M::new(
                        i,
                        j + 2,
                        Piece::NarrSame {
                            unit: u,
                            part: None,
                        },
                    ));
                }
                return None;
            }
            Lex::W(W::Beginning | W::End | W::Start | W::Middle) => {
                let md = match self.w(j) {
                    Some(W::Beginning | W::Start) => Modifier::Start,
                    Some(W::End) => Modifier::End,
                    _ => Modifier::Mid,
                };
                if !self.is_w(j + 1, W::Of) {
                    return None;
                }
                // "the end of the year", "the middle of the month": the current one
                if self.is_w(j + 2, W::The) {
                    if let Some((u, false)) = self.unit(j + 3) {
                        if matches!(
                            u,
                            Unit::Year | Unit::Month | Unit::Week | Unit::Quarter | Unit::Day
                        ) {
                            let mut m = M::new(i, j + 4, Piece::RelUnit { unit: u, n: 0 });
                            m.modifier = Some(md);
                            return Some(m);
                        }
                    }
                }
                let inner = self.core(j + 2)?;
                let ok = matches!(
                    inner.piece,
                    Piece::Date { .. }
                        | Piece::RelUnit { .. }
                        | Piece::MonthRel { .. }
                        | Piece::Quarter { .. }
                        | Piece::Decade(_)
                        | Piece::Century(_)
                        | Piece::Season { .. }
                        | Piece::NarrSame { .. }
                        | Piece::ContextQuarter { .. }
                        | Piece::Weekday { .. }
                        | Piece::RelDay { .. }
                );
                // "the end of the month", "the end of the year": this one.
                if let Piece::ContextQuarter { .. } = inner.piece {
                    let mut m = M::new(
                        i,
                        inner.end,
                        Piece::RelUnit {
                            unit: Unit::Quarter,
                            n: 0,
                        },
                    );
                    m.modifier = Some(md);
                    return Some(m);
                }
                if !ok {
                    return None;
                }
                let mut m = M::new(i, inner.end, inner.piece);
                m.modifier = Some(md);
                m.invalid = inner.invalid;
                return Some(m);
            }
            _ => {}
        }
        // "the last half of 1989", "the second half"
        if self.is_w(j, W::Last) && self.is_w(j + 1, W::Half) {
            let mut m = M::new(
                i,
                j + 2,
                Piece::Half {
                    n: 2,
                    year: YearOf::Context,
                },
            );
            if self.is_w(j + 2, W::Of) {
                if let Some(y) = self.year(j + 3) {
                    m = M::new(
                        i,
                        j + 4,
                        Piece::Half {
                            n: 2,
                            year: YearOf::Explicit(y),
                        },
                    );
                } else if self.of_other_time(j + 3) {
                    return None;
                }
            }
            return Some(m);
        }
        // "the fiscal year", "the current fiscal year", "the full year"
        {
            let mut k = j;
            let mut rel = 0;
            if self.is_w(k, W::Current) {
                k += 1;
            } else if self.is_w(k, W::Latest) || self.is_w(k, W::Previous) {
                rel = -1;
                k += 1;
            }
            if self.is_w(k, W::Fiscal) || self.is_w(k, W::Full) {
                if let Some((Unit::Year, false)) = self.unit(k + 1) {
                    // "the fiscal year ended Jan. 31": a year-long period, like
                    // "the year ended".
                    if k == j && ["ended", "ending"].iter().any(|w| self.word_is(k + 2, w)) {
                        return Some(M::new(
                            i,
                            k + 2,
                            Piece::Duration {
                                n: Count::Halves(2),
                                unit: Unit::Year,
                            },
                        ));
                    }
                    return Some(M::new(
                        i,
                        k + 2,
                        Piece::RelUnit {
                            unit: Unit::Year,
                            n: rel,
                        },
                    ));
                }
            }
        }
        // "the 24th": a day of the reference month
        if let Some((d, k)) = self.dom(j) {
            // "the 11th Circuit", "the 25th anniversary": an ordinal, not a day
            if k == j + 2 && !matches!(self.kind(k), Some(Kind::Word)) {
                return Some(M::new(
                    i,
                    k,
                    Piece::Date {
                        year: None,
                        yrel: None,
                        month: None,
                        day: Some(d),
                    },
                ));
            }
        }
        // "the weekend"
        if self.word_is(j, "weekend") {
            return Some(M::new(
                i,
                j + 1,
                Piece::RelUnit {
                    unit: Unit::Week,
                    n: 99,
                },
            ));
        }
        // "the next day", "the following week", "the past two months"
        if self.rel(j).is_some() {
            if let Some(m) = self.rel_phrase(j, i) {
                return Some(m);
            }
        }
        // the day before yesterday / the day after tomorrow
        if let Some((Unit::Day, false)) = self.unit(j) {
            // "the day before last Tuesday's hearing", "the day after Christmas":
            // one day from the date that follows, not from the narrative.
            if let Some(sign) = match self.w(j + 1) {
                Some(W::Before) => Some(-1),
                Some(W::After) => Some(1),
                _ => None,
            } {
                if let Some(base) = self.core(j + 2).filter(|m| day_based(&m.piece)) {
                    return Some(M::new(
                        i,
                        base.end,
                        Piece::DayOffset {
                            days: sign,
                            base: Box::new(base.piece),
                        },
                    ));
                }
            }
            if self.is_w(j + 1, W::Before) && self.lex(j + 2) == Lex::Day(-1) {
                return Some(M::new(
                    i,
                    j + 3,
                    Piece::RelDay {
                        offset: -2,
                        part: None,
                    },
                ));
            }
            if self.is_w(j + 1, W::After) && self.lex(j + 2) == Lex::Day(1) {
                return Some(M::new(
                    i,
                    j + 3,
                    Piece::RelDay {
                        offset: 2,
                        part: None,
                    },
                ));
            }
            if self.is_w(j + 1, W::Before)
                && !matches!(
                    self.lex(j + 2),
                    Lex::W(W::The) | Lex::Wday(_) | Lex::Month(_) | Lex::MonAbbr(_)
                )
            {
                return Some(M::new(
                    i,
                    j + 2,
                    Piece::NarrShift {
                        unit: Unit::Day,
                        n: Count::Halves(2),
                        sign: -1,
                    },
                ));
            }
            if self.is_w(j + 1, W::After)
                && !matches!(
                    self.lex(j + 2),
                    Lex::W(W::The) | Lex::Wday(_) | Lex::Month(_) | Lex::MonAbbr(_)
                )
                && self.kind(j + 2) != Some(Kind::Word)
            {
                return Some(M::new(
                    i,
                    j + 2,
                    Piece::NarrShift {
                        unit: Unit::Day,
                        n: Count::Halves(2),
                        sign: 1,
                    },
                ));
            }
        }
        // the 1990s, the nineties, the '80s, the early 1980s, the 20th century
        if let Some(m) = self.core(j) {
            match m.piece {
                Piece::Decade(_) | Piece::Century(_) => {
                    return Some(M::new(i, m.end, m.piece).with_mod(m.modifier))
                }
                Piece::Date {
                    year: Some(y),
                    month: None,
                    ..
                } => {
                    // "the 1988 period", "the 1988 quarter", "the year 2000"
                    if self.is_w(m.end, W::Period) {
                        return Some(M::new(i, m.end + 1, year_piece(y)));
                    }
                    if let Some((Unit::Quarter, false)) = self.unit(m.end) {
                        return Some(
                            M::new(i, m.end + 1, Piece::ContextQuarter { years: 0 })
                                .year_override(y),
                        );
                    }
                }
                Piece::Quarter { .. } | Piece::Half { .. } | Piece::Season { .. } => {
                    return Some(M::new(i, m.end, m.piece).with_mod(m.modifier));
                }
                Piece::Duration { .. } if !self.is_w(j, W::A) => {
                    // "the nine months", "the first nine months", "the four days";
                    // "the two-week strike" leaves "the" out.
                    if self.hyphenated(m.end) {
                        return None;
                    }
                    return Some(M::new(i, m.end, m.piece).with_mod(m.modifier));
                }
                Piece::RelUnit { .. }
                | Piece::NarrShift { .. }
                | Piece::NarrSame { .. }
                | Piece::MonthRel { .. } => {
                    return Some(M::new(i, m.end, m.piece).with_mod(m.modifier));
                }
                _ => {}
            }
        }
        // "the first nine months", "the first two years"
        if let Lex::Ord(1) = self.lex(j) {
            if let Some((k, n)) = self.count(j + 1) {
                if let Some((u, true)) = self.unit(k) {
                    return Some(M::new(i, k + 1, Piece::Duration { n, unit: u }));
                }
            }
        }
        if let Some(m) = self.year_ago(j) {
            return Some(M::new(i, m.end, m.piece));
        }
        if let Some(m) = self.decade_word(j) {
            return Some(M::new(i, m.end, m.piece));
        }
        // "the year 2000", "the year two thousand"
        if let Some((Unit::Year, false)) = self.unit(j) {
            if let Some(y) = self.year(j + 1) {
                return Some(M::new(i, j + 2, year_piece(y)));
            }
            if self.kind(j + 1) == Some(Kind::Num) {
                // "the year 0", "the year 99999": no such year
                return None;
            }
            if let Some((k, Count::Halves(h))) = self.count(j + 1) {
                let y = h / 2;
                if (1000..=2199).contains(&y) {
                    return Some(M::new(i, k, year_piece(y as i32)));
                }
            }
        }
        // "the year-ago quarter", "the year-earlier period"
        if let Some((Unit::Year, false)) = self.unit(j) {
            if self.punct(j + 1, b'-') && (self.is_w(j + 2, W::Ago) || self.is_w(j + 2, W::Earlier))
            {
                if let Some((Unit::Quarter, false)) = self.unit(j + 3) {
                    return Some(M::new(i, j + 4, Piece::ContextQuarter { years: -1 }));
                }
                if self.is_w(j + 3, W::Period) {
                    return Some(M::new(i, j + 4, Piece::ContextQuarter { years: -1 }));
                }
            }
        }
        // "the quarter"; "the quarter a year ago" is one expression, that
        // quarter of the year before.
        if let Some((Unit::Quarter, false)) = self.unit(j) {
            if self.is_w(j + 1, W::A)
                && matches!(self.unit(j + 2), Some((Unit::Year, false)))
                && (self.is_w(j + 3, W::Ago) || self.is_w(j + 3, W::Earlier))
            {
                return Some(M::new(i, j + 4, Piece::ContextQuarter { years: -1 }));
            }
            return Some(M::new(i, j + 1, Piece::ContextQuarter { years: 0 }));
        }
        // "the year": a year-long period when bounded ("the year ended Sept.
        // 30"), else the year being reported ("a high for the year").
        if let Some((Unit::Year, false)) = self.unit(j) {
            let bounded = [
                "ended", "ending", "ends", "to", "through", "before", "after",
            ]
            .iter()
            .any(|w| self.word_is(j + 1, w));
            if !bounded && !self.punct(j + 1, b'\'') {
                return Some(M::new(
                    i,
                    j + 1,
                    Piece::RelUnit {
                        unit: Unit::Year,
                        n: 0,
                    },
                ));
            }
            if !self.punct(j + 1, b'\'') {
                return Some(M::new(
                    i,
                    j + 1,
                    Piece::Duration {
                        n: Count::Halves(2),
                        unit: Unit::Year,
                    },
                ));
            }
        }
        // "the week of March 6"
        if let Some((Unit::Week, false)) = self.unit(j) {
            if self.is_w(j + 1, W::Of) {
                if let Some(m) = self.month_date(j + 2) {
                    if let Piece::Date { day: Some(_), .. } = m.piece {
                        return Some(M::new(i, m.end, m.piece).week_of());
                    }
                }
            }
        }
        // "the morning", "the evening" (of a day in the narrative)
        if let Some(p) = self.part(j) {
            if !self.is_w(j + 1, W::Of) && !self.str(j).ends_with('s') {
                return Some(M::new(
                    i,
                    j + 1,
                    Piece::NarrSame {
                        unit: Unit::Day,
                        part: Some(p),
                    },
                ));
            }
        }
        None
    }
}

impl M {
    fn weekday_narr(mut self, d: u32, r: i32) -> M {
        self.piece = Piece::Weekday {
            weekday: d,
            rel: Some(r * 10),
            part: None,
        };
        self
    }
    fn year_override(mut self, y: i32) -> M {
        self.piece = Piece::Quarter {
            n: 0,
            year: YearOf::Explicit(y),
        };
        self
    }
    fn week_of(mut self) -> M {
        if let Piece::Date {
            year, month, day, ..
        } = self.piece
        {
            self.piece = Piece::Date {
                year,
                yrel: Some(WEEK_OF),
                month,
                day,
            };
        }
        self
    }
}

/// Marker in `Piece::Date::yrel` for "the week of March 6".
pub(crate) const WEEK_OF: i32 = 1000;
/// Marker in `Piece::Date::yrel` for "last Oct. 23" (`REL_DATE - 1`) and "next
/// March 3" (`REL_DATE + 1`).
pub(crate) const REL_DATE: i32 = 2000;
/// Nouns after "today's" that name the present era, not the day.
const GENERIC_NOW_NOUNS: &[&str] = &[
    "world",
    "youth",
    "society",
    "societies",
    "generation",
    "young",
    "children",
    "kids",
    "families",
    "parents",
    "students",
    "economy",
    "technology",
    "consumers",
    "culture",
    "politics",
    "standards",
    "personal",
    "modern",
    "global",
    "fast",
    "computers",
    "media",
    "business",
    "market",
    "markets",
    "women",
    "men",
    "teens",
    "teenagers",
];

/// Marker in `Piece::Weekday::rel` for a possessive ("Wednesday's").
pub(crate) const POSSESSIVE: i32 = -50;

fn year_piece(y: i32) -> Piece {
    Piece::Date {
        year: Some(y),
        yrel: None,
        month: None,
        day: None,
    }
}

fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    // Leap day with unknown year: 2000 is a leap year.
    chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
}

/// Nouns that make a preceding four-digit number a count: "2020 people".
fn count_noun(w: &str) -> bool {
    const NOUNS: &[&str] = &[
        "people",
        "persons",
        "troops",
        "soldiers",
        "votes",
        "units",
        "miles",
        "kilometers",
        "km",
        "meters",
        "feet",
        "tons",
        "tonnes",
        "dollars",
        "euros",
        "yen",
        "pounds",
        "shares",
        "jobs",
        "cars",
        "men",
        "women",
        "children",
        "deaths",
        "cases",
        "members",
        "students",
        "workers",
        "employees",
        "points",
        "barrels",
        "acres",
        "homes",
        "houses",
        "residents",
        "delegates",
        "seats",
        "copies",
        "vehicles",
        "patients",
        "refugees",
        "protesters",
        "victims",
        "passengers",
        "calories",
        "pages",
        "words",
        "rounds",
        "signatures",
        "metres",
        "kg",
        "hectares",
        "locations",
        "stores",
        "companies",
        "firms",
        "visitors",
    ];
    NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// TIMEX3 code of a unit in a duration.
pub(crate) fn duration_value(n: Count, unit: Unit) -> String {
    let (t, code, mult) = match unit {
        Unit::Second => (true, "S", 1),
        Unit::Minute => (true, "M", 1),
        Unit::Hour => (true, "H", 1),
        Unit::Day => (false, "D", 1),
        Unit::Week => (false, "W", 1),
        Unit::Month => (false, "M", 1),
        Unit::Quarter => (false, "Q", 1),
        Unit::Year => (false, "Y", 1),
        Unit::Decade => (false, "Y", 10),
        Unit::Century => (false, "Y", 100),
    };
    let p = if t { "PT" } else { "P" };
    match n {
        Count::Vague => {
            let code = match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => code,
            };
            format!("{p}X{code}")
        }
        Count::Halves(h) => {
            let whole = h / 2;
            if h % 2 == 1 {
                // a half: express in the next smaller unit where there is one
                let (sub, k) = match unit {
                    Unit::Year => ("M", 6),
                    Unit::Hour => ("M", 30),
                    Unit::Minute => ("S", 30),
                    Unit::Day => ("H", 12),
                    _ => ("", 0),
                };
                if k > 0 {
                    let tp = if matches!(unit, Unit::Day) { "T" } else { "" };
                    if whole == 0 {
                        let p2 = if t || !tp.is_empty() { "PT" } else { "P" };
                        return format!("{p2}{k}{sub}");
                    }
                    return format!("{p}{whole}{code}{tp}{k}{sub}");
                }
            }
            let v = whole.saturating_mul(mult);
            format!("{p}{v}{code}")
        }
    }
}

/// "the coming months", "the weeks ahead": the future at large, but weeks
/// as a vague length ("in coming weeks", like "in recent weeks").
fn coming_piece(u: Unit) -> Piece {
    if u == Unit::Week {
        Piece::DurationValue("PXW")
    } else {
        Piece::Fuzzy("FUTURE_REF")
    }
}

fn vague_value(u: Unit) -> &'static str {
    match u {
        Unit::Second => "PTXS",
        Unit::Minute => "PTXM",
        Unit::Hour => "PTXH",
        Unit::Day => "PXD",
        Unit::Week => "PXW",
        Unit::Month => "PXM",
        Unit::Quarter => "PXQ",
        Unit::Year => "PXY",
        Unit::Decade => "PXDE",
        Unit::Century => "PXCE",
    }
}

fn set_value(u: Unit) -> &'static str {
    match u {
        Unit::Second => "PT1S",
        Unit::Minute => "PT1M",
        Unit::Hour => "PT1H",
        Unit::Day => "P1D",
        Unit::Week => "P1W",
        Unit::Month => "P1M",
        Unit::Quarter => "P3M",
        Unit::Year => "P1Y",
        Unit::Decade => "P10Y",
        Unit::Century => "P100Y",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Piece)> {
        let mut out = Vec::new();
        scan(text, 120, &mut out);
        out.into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.piece))
            .collect()
    }

    #[test]
    fn finds_dates_and_skips_counts() {
        let f = found("On Sept. 24, 2019, 2,020 people met an A319CJ crew.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Sept. 24, 2019");
    }

    #[test]
    fn may_and_march_as_words() {
        assert!(found("We may march on. They may leave.").is_empty());
        assert_eq!(found("It happened in May.")[0].0, "May");
    }

    #[test]
    fn durations_and_ago() {
        let f = found("a three-day visit two weeks ago");
        assert_eq!(f[0].0, "three-day");
        assert_eq!(f[1].0, "two weeks ago");
    }

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Count::Halves(5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Count::Halves(4), Unit::Decade), "P20Y");
        assert_eq!(duration_value(Count::Vague, Unit::Year), "PXY");
        assert_eq!(duration_value(Count::Halves(2), Unit::Hour), "PT1H");
    }
}
