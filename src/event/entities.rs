//! Names in an article and who they are: capitalised sequences with titles,
//! organisation patterns and the gazetteer, then in-article coreference (surname ->
//! full name, "the French president" -> the person with that demonym, "he" ->
//! the most recent person).

use super::lexicon::HashMap;
use super::lexicon::{gazetteer, group_nouns, with_folded, Gaz, Gazetteer};
use super::EntityKind;
use crate::Span;
use std::rc::Rc;

/// A token of a sentence: a word (letters and digits with inner `'’-.`) or one
/// punctuation character.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    pub word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Ends in a possessive `'s` (not part of `span`).
    pub possessive: bool,
    /// A trigger phrase starts here, or a timex holds the word ("last May",
    /// "This May"): a capitalised name neither starts here nor runs through it.
    pub brk: bool,
    /// The word lists this word is in, ASCII case-insensitively (`W_*`, `C_*`
    /// bits), looked up once here so that later passes test a bit instead of
    /// comparing the word with every entry of a list.
    pub lex: u32,
}

impl Tok {
    /// Whether the token is in any of the lists of `bits`.
    #[inline]
    pub(crate) fn is(&self, bits: u32) -> bool {
        self.lex & bits != 0
    }
}

/// The tokens of an article's news sentences, kept in one buffer (one
/// allocation per article, not one per sentence).
#[derive(Default)]
pub(crate) struct SentenceTokens {
    toks: Vec<Tok>,
    /// Each sentence's range in `toks`.
    at: Vec<(usize, usize)>,
}

impl SentenceTokens {
    /// Empties the buffer, keeping its memory.
    pub(crate) fn clear(&mut self) {
        self.toks.clear();
        self.at.clear();
    }

    /// Room for an article of `bytes` bytes in `sentences` sentences.
    pub(crate) fn reserve(&mut self, bytes: usize, sentences: usize) {
        self.toks.reserve(bytes / 4 + 4);
        self.at.reserve(sentences);
    }

    /// Tokenizes `text[span]` as the next sentence.
    pub(crate) fn push(&mut self, text: &str, span: Span) {
        let from = self.toks.len();
        tokenize(text, span, &mut self.toks);
        self.at.push((from, self.toks.len()));
    }

    /// The number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.at.len()
    }

    /// The tokens of sentence `si` (empty past the end).
    pub(crate) fn get(&self, si: usize) -> &[Tok] {
        self.at
            .get(si)
            .and_then(|&(a, b)| self.toks.get(a..b))
            .unwrap_or(&[])
    }

    /// The tokens of sentence `si`, to mark trigger starts on.
    pub(crate) fn get_mut(&mut self, si: usize) -> &mut [Tok] {
        match self.at.get(si) {
            Some(&(a, b)) => self.toks.get_mut(a..b).unwrap_or(&mut []),
            None => &mut [],
        }
    }

    /// Marks the words inside `spans` (in text order, as the timexes come) as
    /// breaks ([`Tok::brk`]): a date is never a name's, "last May" no person.
    pub(crate) fn break_at(&mut self, spans: impl Iterator<Item = Span>) {
        for s in spans {
            let from = self.toks.partition_point(|t| t.span.start < s.start);
            for t in self.toks.iter_mut().skip(from) {
                if t.span.end > s.end {
                    break;
                }
                t.brk = true;
            }
        }
    }

    /// The sentences' tokens in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[Tok]> + '_ {
        (0..self.len()).map(|si| self.get(si))
    }
}

/// The char at byte `i` and its length; ASCII without decoding.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// ASCII letters and digits, by byte: one load per byte in the word loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

#[inline]
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        ASCII_ALNUM[c as usize]
    } else {
        c.is_alphanumeric()
    }
}

/// Splits `text[range]` into tokens.
///
/// A word is a run of letters and digits, with `'`, `’`, `-` or `.` inside when
/// a letter or digit follows; anything else but white space is a token of one
/// character. ASCII bytes are read without decoding.
pub(crate) fn tokenize(text: &str, range: Span, out: &mut Vec<Tok>) {
    let Some(s) = range.slice(text) else { return };
    let bytes = s.as_bytes();
    let n = bytes.len();
    let base = range.start;
    let classes = classes();
    let joined = |k: usize| char_at(s, k).is_some_and(|(a, _)| alnum(a));
    let mut i = 0;
    while i < n {
        let (c, len) = match char_at(s, i) {
            Some(x) => x,
            None => break,
        };
        if !alnum(c) {
            if !c.is_whitespace() {
                out.push(Tok {
                    span: Span::new(base + i, base + i + len),
                    word: false,
                    cap: false,
                    possessive: false,
                    brk: false,
                    lex: 0,
                });
            }
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        loop {
            while end < n && ASCII_ALNUM[usize::from(bytes[end])] {
                end += 1;
            }
            let Some(&b) = bytes.get(end) else { break };
            if b < 0x80 {
                if matches!(b, b'\'' | b'-' | b'.') && joined(end + 1) {
                    end += 1;
                    continue;
                }
                break;
            }
            match char_at(s, end) {
                Some((d, m)) if alnum(d) => end += m,
                Some(('’', m)) if joined(end + m) => end += m,
                _ => break,
            }
        }
        let word = &bytes[start..end];
        let mut wend = end;
        // "'s" or "’s" (either case), after at least one more byte.
        let last = word.last().copied().unwrap_or(0);
        if (last == b's' || last == b'S') && word.len() > 2 {
            if word[word.len() - 2] == b'\'' {
                wend = end - 2;
            } else if word.len() > 4 && word[word.len() - 4..word.len() - 1] == *"’".as_bytes() {
                wend = end - 4;
            }
        }
        // ASCII without inner periods: the word folds to its ASCII lower case.
        let lex = classes.of_at(text.as_bytes(), base + start, wend - start);
        out.push(Tok {
            span: Span::new(base + start, base + wend),
            word: true,
            cap: c.is_uppercase(),
            possessive: wend < end,
            brk: false,
            lex,
        });
        i = end;
    }
}

/// An entity mention: a name, a description or a pronoun, resolved.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Where it is written.
    pub span: Span,
    /// The token range in its sentence.
    pub toks: (usize, usize),
    /// The resolved name ("Angela Merkel"), shared: pronouns copy it often.
    pub name: Rc<str>,
    pub kind: EntityKind,
    /// A pronoun or description ("he", "the German chancellor").
    #[allow(dead_code)]
    pub anaphor: bool,
    /// Preceded by a locative preposition ("in Berlin").
    pub locative: bool,
    /// The preposition before it, lower case.
    pub prep: Option<&'static str>,
    /// A relative pronoun ("who") standing for the nearest person before it.
    pub relative: bool,
}

impl Mention {
    /// A pronoun or description standing for `name` (not a place, no
    /// preposition before it, not a relative pronoun).
    fn anaphor(span: Span, toks: (usize, usize), name: Rc<str>, kind: EntityKind) -> Mention {
        Mention {
            span,
            toks,
            name,
            kind,
            anaphor: true,
            locative: false,
            prep: None,
            relative: false,
        }
    }
}

/// A person (or unknown single name) of the article, with what the article says of it.
#[derive(Clone, Debug)]
struct Person {
    /// Shared with the mentions that name the person as it is written here.
    name: Rc<str>,
    words: usize,
    countries: Vec<&'static str>,
    count: usize,
    first: usize,
}

const PREPS: &[&str] = &[
    "in", "at", "to", "from", "for", "into", "near", "outside", "inside", "across", "via",
    "toward", "towards", "on", "of", "by", "with", "between", "and",
];
/// Capitalised words that start sentences and are not names.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "for",
    "after",
    "before",
    "as",
    "while",
    "when",
    "since",
    "if",
    "it",
    "this",
    "that",
    "these",
    "those",
    "there",
    "he",
    "she",
    "we",
    "they",
    "i",
    "you",
    "his",
    "her",
    "our",
    "their",
    "my",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "with",
    "without",
    "by",
    "from",
    "to",
    "of",
    "according",
    "meanwhile",
    "however",
    "also",
    "yet",
    "so",
    "still",
    "just",
    "shortly",
    "although",
    "though",
    "because",
    "during",
    "given",
    "until",
    "under",
    "over",
    "about",
    "among",
    "amid",
    "despite",
    "mr",
    "mrs",
    "ms",
    "dr",
    "no",
    "not",
    "all",
    "some",
    "many",
    "most",
    "more",
    "one",
    "two",
    "three",
    "dozens",
    "officials",
    "both",
    "each",
    "every",
    "any",
    "here",
    "now",
    "then",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "earlier",
    "later",
    "mutual",
    "contracts",
    "know",
    "leave",
    "listen",
    "read",
    "questions",
    "comments",
    "video",
    "photo",
    "file",
    "advertisement",
    "subscribe",
    "sign",
    "share",
    "follow",
    "click",
    "more",
    "related",
    "interview",
    "breaking",
    "update",
    "live",
    "confirming",
    "before",
    "upon",
    "like",
    "none",
    "another",
    "other",
    "others",
    "such",
    "neither",
    "either",
    "nobody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "anyone",
];
/// Words that make a capitalised sequence an organisation, event or facility.
const ORG_HEADS: &[&str] = &[
    "organization",
    "organisation",
    "ministry",
    "council",
    "assembly",
    "office",
    "court",
    "union",
    "league",
    "bank",
    "company",
    "corporation",
    "corp",
    "inc",
    "group",
    "party",
    "committee",
    "commission",
    "department",
    "agency",
    "university",
    "institute",
    "association",
    "federation",
    "foundation",
    "fund",
    "government",
    "parliament",
    "congress",
    "senate",
    "army",
    "navy",
    "forces",
    "force",
    "guard",
    "times",
    "news",
    "post",
    "journal",
    "press",
    "media",
    "project",
    "network",
    "service",
    "services",
    "airlines",
    "airways",
    "states",
    "republic",
    "kingdom",
    "church",
    "embassy",
    "club",
    "program",
    "programme",
    "alliance",
    "coalition",
    "front",
    "movement",
    "board",
    "authority",
    "police",
    "tribunal",
    "chamber",
    "bureau",
    "cabinet",
    "administration",
    "team",
    "nations",
];
const PLACE_HEADS: &[&str] = &[
    "airport",
    "palace",
    "square",
    "street",
    "avenue",
    "island",
    "islands",
    "city",
    "province",
    "state",
    "region",
    "county",
    "district",
    "river",
    "mountains",
    "sea",
    "ocean",
    "bay",
    "port",
    "base",
    "homeland",
    "hall",
    "center",
    "centre",
    "stadium",
    "house",
    "building",
    "hotel",
    "park",
    "bridge",
    "valley",
];
const EVENT_HEADS: &[&str] = &[
    "week",
    "forum",
    "summit",
    "conference",
    "games",
    "cup",
    "olympics",
    "expo",
    "festival",
    "day",
    "war",
    "crisis",
    "revolution",
    "agreement",
    "accord",
    "treaty",
    "act",
    "law",
    "plan",
    "doctrine",
    "diplomacy",
    "energy",
    "oil",
    "gas",
    "account",
    "logo",
    "picture",
    "photo",
];
/// Lower-case nouns that head a description of a person ("the French president").
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "president",
    "leader",
    "counterpart",
    "premier",
    "ruler",
    "minister",
    "head",
    "chief",
    "spokesman",
    "spokeswoman",
    "dictator",
    "strongman",
    "monarch",
    "king",
    "queen",
    "chancellor",
    "envoy",
    "ambassador",
    "official",
    "diplomat",
    "prime",
];
/// Particles inside a name ("Ibn", "van", "de la"): they join its parts. The
/// merge reads them too, as words that identify nobody on their own.
pub(crate) const CONNECTORS: &[&str] = &[
    "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "la",
    "le", "bin", "ibn", "al", "el", "arap", "ben", "bint", "abu", "ter", "ten", "zu",
];

/// Whether `word` is in `list`, ASCII case-insensitively.
pub(crate) fn is_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The text of a token.
pub(crate) fn lw<'a>(text: &'a str, t: &Tok) -> &'a str {
    t.span.slice(text).unwrap_or("")
}

const PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "i", "me", "my", "we", "us",
    "our", "who", "they",
];
const C_STOP: u32 = 1;
pub(crate) const C_ORG: u32 = 1 << 1;
pub(crate) const C_PLACE: u32 = 1 << 2;
const C_EVENT: u32 = 1 << 3;
pub(crate) const C_PERSON: u32 = 1 << 4;
const C_CONNECTOR: u32 = 1 << 5;
const C_CALENDAR: u32 = 1 << 6;
/// "the".
pub(crate) const W_THE: u32 = 1 << 7;
/// A determiner that may open a description: "the", "his", "her", "its", "their".
const W_DESC_DET: u32 = 1 << 8;
/// One of [`PRONOUNS`].
const W_PRONOUN: u32 = 1 << 9;
/// One of [`PREPS`].
const W_PREP: u32 = 1 << 10;
/// Lists of the trigger reader ([`super::extract`]) and of the status rules
/// ([`super::status`]).
pub(crate) const W_SUBORDINATOR: u32 = 1 << 11;
pub(crate) const W_STOP_RIGHT: u32 = 1 << 12;
pub(crate) const W_LIGHT_VERB: u32 = 1 << 13;
pub(crate) const W_STOP_PREP: u32 = 1 << 14;
pub(crate) const W_DET: u32 = 1 << 15;
pub(crate) const W_SKIP_SEGMENT: u32 = 1 << 16;
pub(crate) const W_MEET_FOLLOWER: u32 = 1 << 17;
pub(crate) const W_REPORTING: u32 = 1 << 18;
pub(crate) const W_MODAL_PLAN: u32 = 1 << 19;
pub(crate) const W_MODAL_HYP: u32 = 1 << 20;
pub(crate) const W_NEG: u32 = 1 << 21;
pub(crate) const W_BE: u32 = 1 << 22;
/// A gazetteer name (country, capital, demonym, body), a title, the first word
/// of a title: set on words that fold to themselves in ASCII lower case.
const G_NAME: u32 = 1 << 23;
const G_TITLE: u32 = 1 << 24;
const G_TITLE_START: u32 = 1 << 25;
/// A word the gazetteer bits cannot answer for (non-ASCII, inner periods, too
/// long for a key): look it up.
const G_UNSURE: u32 = 1 << 26;
/// The first word of a gazetteer name of several words ("united" of "united
/// states"), as its key is cut at its first space.
const G_NAME_START: u32 = 1 << 27;
/// A noun for a group of people in general ([`super::lexicon::group_nouns`]).
pub(crate) const C_GROUP: u32 = 1 << 28;

use crate::text::wordkey::{pack as word_key, pack_exact, KeyMap, KEY_BYTES};

const LOW7: u128 = 0x7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f;
const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;

/// The bytes `hay[start..start + len]` (at most [`KEY_BYTES`]) packed as
/// [`word_key`] packs them, before lower-casing, read as 16 bytes at once; `None`
/// when the haystack has fewer than 16 bytes from `start`.
#[inline]
fn load_word(hay: &[u8], start: usize, len: usize) -> Option<u128> {
    let chunk = hay.get(start..start.checked_add(KEY_BYTES)?)?;
    let mut bytes = [0u8; KEY_BYTES];
    bytes.copy_from_slice(chunk);
    let mask = match len {
        0 => 0,
        KEY_BYTES => u128::MAX,
        n if n < KEY_BYTES => (1u128 << (n * 8)) - 1,
        _ => return None,
    };
    Some(u128::from_le_bytes(bytes) & mask)
}

/// A packed word in ASCII lower case: only the bytes `A`..=`Z` change, so a
/// non-ASCII byte never becomes a letter.
#[inline]
fn lower_packed(x: u128) -> u128 {
    let low = x & LOW7;
    // High bit of each byte: its low seven bits are at least 'A', above 'Z'.
    let ge_a = low + ONES * u128::from(0x80 - b'A');
    let gt_z = low + ONES * u128::from(0x80 - b'Z' - 1);
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

/// Whether a packed word is ASCII without a period (the padding is zeros).
#[inline]
fn plain_packed(x: u128) -> bool {
    let dots = x ^ (ONES * u128::from(b'.'));
    // A zero byte in `dots` is a period in `x`.
    let has_dot = dots.wrapping_sub(ONES) & !dots & HIGH != 0;
    x & HIGH == 0 && !has_dot
}

/// The word lists as one hashed table, with the length of the longest word.
struct Classes {
    words: KeyMap<u32>,
    longest: usize,
}

/// The lists a word may be looked up in, each with its bit. The `C_*` lists are
/// matched as written (lower case), the `W_*` lists as `is_in` matches them:
/// ASCII case-insensitively.
fn classes() -> &'static Classes {
    static C: std::sync::OnceLock<Classes> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut words: HashMap<&'static [u8], u32> = HashMap::default();
        for (list, bit) in [
            (STOP, C_STOP),
            (ORG_HEADS, C_ORG),
            (PLACE_HEADS, C_PLACE),
            (EVENT_HEADS, C_EVENT),
            (PERSON_NOUNS, C_PERSON),
            (CONNECTORS, C_CONNECTOR),
        ] {
            for w in list {
                *words.entry(w.as_bytes()).or_insert(0) |= bit;
            }
        }
        // Weekday and month names never open a name ("Wednesday's vote"), as the
        // words of `STOP` do: they come from the timex lexicon's one list.
        for w in crate::timex::WEEKDAYS.iter().chain(&crate::timex::MONTHS) {
            *words.entry(w.as_bytes()).or_insert(0) |= C_STOP;
        }
        // "Eleven people died", "Twelve Americans": a number opening a
        // sentence is no name's first word.
        for w in COUNT_WORDS {
            *words.entry(w.as_bytes()).or_insert(0) |= C_STOP;
        }
        for w in group_nouns() {
            *words.entry(w.as_bytes()).or_insert(0) |= C_GROUP;
        }
        // Calendar words from the timex lexicon; "may" and "jan" stay possible
        // names ("Clara May", "Jan Kavan"): where they are dates, a timex
        // holds them (see `SentenceTokens::break_at`).
        let calendar = crate::timex::WEEKDAYS
            .iter()
            .chain(crate::timex::MONTHS.iter().filter(|w| **w != "may"))
            .chain(
                crate::timex::MONTH_ABBREVIATIONS
                    .iter()
                    .map(|(w, _)| w)
                    .filter(|w| **w != "jan"),
            );
        for w in calendar {
            *words.entry(w.as_bytes()).or_insert(0) |= C_CALENDAR;
        }
        for (list, bit) in [
            (&["the"][..], W_THE),
            (&["the", "his", "her", "its", "their"][..], W_DESC_DET),
            (PRONOUNS, W_PRONOUN),
            (PREPS, W_PREP),
            (super::extract::SUBORDINATORS, W_SUBORDINATOR),
            (super::extract::WORD_STOPS_RIGHT, W_STOP_RIGHT),
            (super::extract::LIGHT_VERBS, W_LIGHT_VERB),
            (super::extract::STOP_PREPS, W_STOP_PREP),
            (super::extract::DETS, W_DET),
            (super::extract::SKIP_SEGMENT, W_SKIP_SEGMENT),
            (super::extract::MEET_FOLLOWERS, W_MEET_FOLLOWER),
            (super::status::REPORTING, W_REPORTING),
            (super::status::MODAL_PLAN, W_MODAL_PLAN),
            (super::status::MODAL_HYP, W_MODAL_HYP),
            (super::status::NEG, W_NEG),
            (super::status::BE, W_BE),
        ] {
            for w in list {
                // The lists are lower-case ASCII (a test checks), so the word as
                // written is its ASCII-folded form.
                *words.entry(w.as_bytes()).or_insert(0) |= bit;
            }
        }
        // The lists are general words, all shorter than a key (a test checks).
        // Single-word gazetteer keys: a word whose key is not here is in no
        // list of the gazetteer (those that fold otherwise are `G_UNSURE`).
        let gaz = gazetteer();
        let mut words: HashMap<Vec<u8>, u32> = words
            .into_iter()
            .map(|(w, bits)| (w.to_vec(), bits))
            .collect();
        for key in gaz.names.keys() {
            if let Some((first, _)) = key.split_once(' ') {
                *words.entry(first.as_bytes().to_vec()).or_insert(0) |= G_NAME_START;
            }
        }
        for (keys, bit) in [
            (gaz.names.keys().collect::<Vec<_>>(), G_NAME),
            (gaz.titles.keys().collect(), G_TITLE),
            (gaz.title_starts.keys().collect(), G_TITLE_START),
        ] {
            for k in keys {
                *words.entry(k.as_bytes().to_vec()).or_insert(0) |= bit;
            }
        }
        let longest = words
            .keys()
            .map(|w| w.len())
            .filter(|&n| n <= KEY_BYTES)
            .max()
            .unwrap_or(0);
        let words = words
            .into_iter()
            .filter_map(|(w, bits)| Some((word_key(&w)?, bits)))
            .collect();
        Classes { words, longest }
    })
}

/// The classes of a word, ASCII case-insensitively, without allocating.
#[cfg(test)]
fn lex_class(word: &[u8]) -> u32 {
    classes().of(word)
}

impl Classes {
    #[cfg(test)]
    fn of(&self, word: &[u8]) -> u32 {
        if word.len() > self.longest {
            return 0;
        }
        word_key(word)
            .and_then(|k| self.words.get(&k).copied())
            .unwrap_or(0)
    }

    /// The classes of the word `hay[start..start + len]`: [`G_UNSURE`] alone
    /// for a word no list can hold in its written form (non-ASCII, with a
    /// period, longer than a key), else the lists it is in.
    #[inline]
    fn of_at(&self, hay: &[u8], start: usize, len: usize) -> u32 {
        if len > KEY_BYTES {
            return G_UNSURE;
        }
        let key = match load_word(hay, start, len) {
            Some(x) if !plain_packed(x) => return G_UNSURE,
            Some(x) => lower_packed(x),
            // Near the end of the text: byte by byte.
            None => {
                let Some(word) = hay.get(start..start + len) else {
                    return G_UNSURE;
                };
                if !word.iter().all(|&b| b < 0x80 && b != b'.') {
                    return G_UNSURE;
                }
                match word_key(word) {
                    Some(k) => k,
                    None => return G_UNSURE,
                }
            }
        };
        if len > self.longest {
            return 0;
        }
        self.words.get(&key).copied().unwrap_or(0)
    }
}

fn all_caps(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// The mentions of one article, per news sentence (same order as the sentences given).
pub(crate) struct Entities {
    mentions: Vec<Mention>,
    /// Each sentence's range in `mentions`.
    at: Vec<(usize, usize)>,
}

/// Finds and resolves the entity mentions of an article's sentences.
///
/// `sentences` are the token lists of the news sentences in text order.
pub(crate) fn find(text: &str, sentences: &SentenceTokens) -> Entities {
    let gaz = gazetteer();
    let lower = |t: &Tok| -> &str { t.span.slice(text).unwrap_or("") };
    // Pass 1: capitalised runs.
    // The names of every sentence in one buffer; `raw_at[si]` is sentence `si`'s.
    // Sized for news text, about one name per sentence and a new person every
    // other sentence, so that the buffers and the index rarely grow.
    let mut raw: Vec<Mention> = Vec::with_capacity(sentences.len() + 4);
    // The person each name of `raw` was filed under in `persons`, if any.
    let mut raw_person: Vec<Option<usize>> = Vec::with_capacity(sentences.len() + 4);
    let mut raw_at: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    let mut persons: Vec<Person> = Vec::with_capacity(sentences.len() / 2 + 4);
    let mut person_ix = PersonIndex::with_capacity(sentences.len() / 2 + 4);
    let mut common = Seen::default();
    // Reused for the folded forms looked up in the gazetteer.
    let mut scratch = String::new();
    let mut name_buf = String::new();
    for (si, toks) in sentences.iter().enumerate() {
        let from = raw.len();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if !(t.word && t.cap) || t.is(C_CALENDAR) || t.brk {
                i += 1;
                continue;
            }
            let w = lower(&t);
            if w.starts_with(|c: char| c.is_ascii_digit()) || w == "I" {
                i += 1;
                continue;
            }
            // Extend the run.
            let start = i;
            let mut end = i + 1;
            let mut head_org = t.is(C_ORG | C_PLACE);
            while end < toks.len() && !toks[end - 1].possessive {
                let n = toks[end];
                if n.brk || n.is(C_CALENDAR) {
                    break;
                }
                let nw = lower(&n);
                if n.word && n.cap && !nw.starts_with(|c: char| c.is_ascii_digit()) {
                    head_org |= n.is(C_ORG | C_PLACE);
                    end += 1;
                } else if n.word
                    && (n.is(C_CONNECTOR)
                        || (head_org
                            && is_in(nw, &["of", "for", "and", "the"])
                            && !(nw.eq_ignore_ascii_case("and")
                                && two_parties(gaz, text, &toks[end - 1], toks.get(end + 1))))
                        || (is_in(nw, &["of"]) && title_word(gaz, text, &toks[end - 1])))
                    && toks
                        .get(end + 1)
                        .is_some_and(|m| m.word && (m.cap || m.is(W_THE)))
                {
                    end += 1;
                } else {
                    break;
                }
            }
            // Drop trailing connectors.
            while end > start + 1 && !toks[end - 1].cap {
                end -= 1;
            }
            let run = &toks[start..end];
            i = end;
            let person = classify(
                text,
                si,
                start,
                run,
                toks,
                &mut raw,
                &mut persons,
                &mut person_ix,
                &mut common,
                &mut scratch,
                &mut name_buf,
            );
            raw_person.resize(raw.len(), person);
        }
        raw_at.push((from, raw.len()));
    }
    // Surname index: last word of multi-word person names.
    let mut surnames = PersonIndex::with_capacity(persons.len());
    for (pi, p) in persons.iter().enumerate() {
        if p.words >= 2 {
            if let Some(last) = p.name.split_whitespace().last() {
                with_folded(last, |key| match surnames.get(key) {
                    Some(q) if persons[q].words >= p.words => {}
                    _ => surnames.insert(key, pi),
                });
            }
        }
    }
    // Resolve single names to full names, count salience.
    // Each person's full name, shared by the mentions renamed to it.
    let mut shared: Vec<Option<Rc<str>>> = vec![None; persons.len()];
    // `surnames.get(fold(&persons[pi].name))` of each person, when asked for: a
    // name filed under person `pi` folds to the same key as the person's name.
    let mut surname_of: Vec<Option<Option<usize>>> = vec![None; persons.len()];
    {
        for (m, filed) in raw.iter_mut().zip(&raw_person) {
            if m.kind == EntityKind::Person || m.kind == EntityKind::Unknown {
                let name = m.name.clone();
                let single = !name.contains(' ');
                let (surname, own) = match *filed {
                    // Filed when found: its key is its person's. A name of
                    // several words is never renamed, and its own person
                    // counts it, so its surname is not needed.
                    Some(pi) => (
                        single
                            .then(|| surname_of_person(&mut surname_of, &persons, &surnames, pi))
                            .flatten(),
                        Some(pi),
                    ),
                    None => with_folded(&name, |key| (surnames.get(key), person_ix.get(key))),
                };
                let mut renamed = false;
                if single {
                    if let Some(pi) = surname {
                        if let Some(slot) = shared.get_mut(pi) {
                            m.name = slot.get_or_insert_with(|| persons[pi].name.clone()).clone();
                        }
                        m.kind = EntityKind::Person;
                        renamed = true;
                    }
                }
                // Renamed to the person `surname`, whose name is filed under it.
                let full = if renamed { surname } else { own };
                // "in Geneva": an unknown name after a locative preposition is
                // no evidence of a person to refer back to
                let place_like = m.kind == EntityKind::Unknown && m.locative;
                if let Some(pi) = full.filter(|_| !place_like) {
                    persons[pi].count += 1;
                } else if let Some(pi) = surname.filter(|_| !place_like) {
                    persons[pi].count += 1;
                }
            }
        }
    }
    // Merge the countries of surname-only entries into the full name's.
    for pi in 0..persons.len() {
        if persons[pi].words == 1 {
            let full = surname_of_person(&mut surname_of, &persons, &surnames, pi);
            if let Some(full) = full {
                let cs = persons[pi].countries.clone();
                let c = persons[pi].count;
                for cty in cs {
                    if !persons[full].countries.contains(&cty) {
                        persons[full].countries.push(cty);
                    }
                }
                persons[full].count += c;
                persons[pi].count = 0;
            }
        }
    }
    // Pass 2: pronouns and descriptions, in text order.
    let mut last_person: Option<Rc<str>> = None;
    // The last two names that are surely persons, not unknown names ("visited
    // Geneva", "Soviet"), most recent first: "the two leaders".
    let mut pair: (Option<Rc<str>>, Option<Rc<str>>) = (None, None);
    let empty: Rc<str> = Rc::from("");
    let mut mentions: Vec<Mention> = Vec::with_capacity(raw.len());
    let mut at = Vec::with_capacity(sentences.len());
    // One sentence's mentions, before the relative pronouns are resolved.
    let mut out: Vec<Mention> = Vec::new();
    for (si, toks) in sentences.iter().enumerate() {
        let (a, b) = raw_at.get(si).copied().unwrap_or((0, 0));
        let names = raw.get_mut(a..b).unwrap_or(&mut []);
        out.clear();
        let mut ni = 0;
        let mut i = 0;
        while i < toks.len() {
            // A description may have read over a name's first words.
            while ni < names.len() && names[ni].toks.0 < i {
                ni += 1;
            }
            if ni < names.len() && names[ni].toks.0 == i {
                let m = std::mem::replace(&mut names[ni], placeholder(&empty));
                ni += 1;
                i = m.toks.1.max(i + 1);
                // An unknown single name after a preposition ("on Twitter") is
                // rarely a person.
                let person = m.kind == EntityKind::Person
                    || (m.kind == EntityKind::Unknown && m.prep.is_none());
                if person && last_person.as_deref() != Some(&*m.name) {
                    last_person = Some(m.name.clone());
                }
                if m.kind == EntityKind::Person && pair.0.as_deref() != Some(&*m.name) {
                    pair = (Some(m.name.clone()), pair.0.take());
                }
                out.push(m);
                continue;
            }
            let t = toks[i];
            // "the two leaders met", "both leaders said": the last two people
            // named
            const PAIR_NOUNS: &[&str] = &[
                "leaders",
                "presidents",
                "men",
                "women",
                "ministers",
                "heads",
            ];
            let pair_len = if t.is(W_THE)
                && toks
                    .get(i + 1)
                    .is_some_and(|t| lower(t).eq_ignore_ascii_case("two"))
                && toks.get(i + 2).is_some_and(|t| is_in(lower(t), PAIR_NOUNS))
            {
                3
            } else if lower(&t).eq_ignore_ascii_case("both")
                && toks.get(i + 1).is_some_and(|t| is_in(lower(t), PAIR_NOUNS))
            {
                2
            } else {
                0
            };
            if pair_len > 0 {
                if let (Some(p1), Some(p2)) = &pair {
                    let span = Span::new(t.span.start, toks[i + pair_len - 1].span.end);
                    for p in [p2, p1] {
                        out.push(Mention::anaphor(
                            span,
                            (i, i + pair_len),
                            p.clone(),
                            EntityKind::Person,
                        ));
                    }
                    i += pair_len;
                    continue;
                }
            }
            // Only determiners and pronouns open a mention here.
            if !t.is(W_DESC_DET | W_PRONOUN) {
                i += 1;
                continue;
            }
            let w = lower(&t);
            if t.is(W_DESC_DET) {
                if let Some((m, next)) = description(
                    text,
                    toks,
                    i,
                    &names[ni..],
                    out.last(),
                    &persons,
                    &last_person,
                ) {
                    if m.kind == EntityKind::Person && last_person.as_deref() != Some(&*m.name) {
                        last_person = Some(m.name.clone());
                    }
                    if m.kind == EntityKind::Person && pair.0.as_deref() != Some(&*m.name) {
                        pair = (Some(m.name.clone()), pair.0.take());
                    }
                    out.push(m);
                    i = next;
                    continue;
                }
            }
            // Lower-case only the pronouns, not every word.
            // A pronoun is a short ASCII word: lower-cased on the stack.
            let mut buf = [0u8; 8];
            let lw: &str = if t.is(W_PRONOUN) && w.len() <= buf.len() {
                for (d, c) in buf.iter_mut().zip(w.bytes()) {
                    *d = c.to_ascii_lowercase();
                }
                std::str::from_utf8(buf.get(..w.len()).unwrap_or(&[])).unwrap_or("")
            } else {
                ""
            };
            match lw {
                "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" | "i"
                | "me" | "my" | "we" | "us" | "our" => {
                    if lw == "i" && w != "I" {
                        i += 1;
                        continue;
                    }
                    let first_person = matches!(lw, "i" | "me" | "my" | "we" | "us" | "our");
                    let speaker = if first_person {
                        quote_speaker(text, toks, i, names)
                    } else {
                        None
                    };
                    if let Some(p) = speaker.as_ref().or(last_person.as_ref()) {
                        out.push(Mention::anaphor(
                            t.span,
                            (i, i + 1),
                            p.clone(),
                            EntityKind::Person,
                        ));
                    }
                    i += 1;
                    continue;
                }
                "they" if i == 0 => {
                    // "X met Y on Monday. They met again on Friday.": the two
                    // persons (or a person and a body) of the sentence before,
                    // in the same paragraph, and nobody else named there.
                    let before = at
                        .last()
                        .and_then(|&(a, b): &(usize, usize)| mentions.get(a..b))
                        .unwrap_or(&[]);
                    let same_paragraph = si
                        .checked_sub(1)
                        .and_then(|p| sentences.get(p).last())
                        .and_then(|last| text.get(last.span.end..t.span.start))
                        .is_some_and(|gap| gap.matches('\n').count() < 2);
                    let mut two: Vec<&Mention> = Vec::with_capacity(2);
                    let mut ok = same_paragraph;
                    for m in before
                        .iter()
                        .filter(|m| !m.locative && m.kind != EntityKind::Place)
                    {
                        if two.iter().any(|n| n.name == m.name) {
                            continue;
                        }
                        if !matches!(m.kind, EntityKind::Person | EntityKind::Organization)
                            || two.len() == 2
                        {
                            ok = false;
                            break;
                        }
                        two.push(m);
                    }
                    if ok && two.len() == 2 && two.iter().any(|m| m.kind == EntityKind::Person) {
                        for m in two {
                            out.push(Mention::anaphor(t.span, (i, i + 1), m.name.clone(), m.kind));
                        }
                    }
                    i += 1;
                    continue;
                }
                "who" => {
                    out.push(Mention {
                        span: t.span,
                        toks: (i, i + 1),
                        name: empty.clone(),
                        kind: EntityKind::Person,
                        anaphor: true,
                        locative: false,
                        prep: None,
                        relative: true,
                    });
                    i += 1;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        // Resolve relative pronouns: the nearest person or organisation before, in
        // the sentence, that is not a place; nobody after a group's word
        // ("remains of Americans who were killed", "critics, who").
        for k in 0..out.len() {
            if out[k].relative {
                let mut p = out[k].toks.0;
                if p > 0 && toks.get(p - 1).is_some_and(|t| !t.word && lower(t) == ",") {
                    p -= 1;
                }
                let group = p.checked_sub(1).and_then(|q| toks.get(q)).is_some_and(|t| {
                    t.word
                        && (t.is(C_GROUP) || plural_demonym(gaz, lower(t)))
                        && !out[..k].iter().any(|m| m.toks.1 == p)
                });
                let found = out[..k]
                    .iter()
                    .rev()
                    .find(|m| !m.relative && !m.locative && m.kind != EntityKind::Place)
                    .filter(|_| !group)
                    .map(|m| (m.name.clone(), m.kind));
                match found {
                    Some((n, kind)) => {
                        out[k].name = n;
                        out[k].kind = kind;
                    }
                    None => out[k].name = empty.clone(),
                }
            }
        }
        out.retain(|m| !m.name.is_empty());
        let from = mentions.len();
        mentions.append(&mut out);
        at.push((from, mentions.len()));
    }
    Entities { mentions, at }
}

/// `surnames.get(fold(&persons[pi].name))`, kept in `cache` once asked for.
fn surname_of_person(
    cache: &mut [Option<Option<usize>>],
    persons: &[Person],
    surnames: &PersonIndex,
    pi: usize,
) -> Option<usize> {
    if let Some(known) = cache.get(pi).copied().flatten() {
        return known;
    }
    let found = persons
        .get(pi)
        .and_then(|p| with_folded(&p.name, |key| surnames.get(key)));
    if let Some(slot) = cache.get_mut(pi) {
        *slot = Some(found);
    }
    found
}

impl Entities {
    /// The mentions of sentence `si`, in text order.
    pub(crate) fn sentence(&self, si: usize) -> &[Mention] {
        self.at
            .get(si)
            .and_then(|&(a, b)| self.mentions.get(a..b))
            .unwrap_or(&[])
    }
}

/// Reads "the/his [Adj]* noun" at `i`; returns the mention and the index after it.
fn description(
    text: &str,
    toks: &[Tok],
    i: usize,
    names: &[Mention],
    prev: Option<&Mention>,
    persons: &[Person],
    last_person: &Option<Rc<str>>,
) -> Option<(Mention, usize)> {
    let gaz = gazetteer();
    let lower = |t: &Tok| -> &str { t.span.slice(text).unwrap_or("") };
    let prep = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|t| t.word && t.is(W_PREP))
        .and_then(|t| {
            PREPS
                .iter()
                .copied()
                .find(|p| p.eq_ignore_ascii_case(lower(t)))
        });
    let locative =
        prep.is_some_and(|p| matches!(p, "in" | "at" | "to" | "from" | "into" | "for" | "near"));
    let mut j = i + 1;
    let mut countries: Vec<&'static str> = Vec::new();
    let mut unknown_adj = false;
    while j < toks.len() && j < i + 4 && toks[j].word && toks[j].cap {
        match gaz_lookup(gaz, text, &toks[j]) {
            Some(Gaz::Demonym(c)) => countries.push(c),
            _ => unknown_adj = true,
        }
        j += 1;
    }
    let noun_tok = toks.get(j)?;
    if !noun_tok.word {
        return None;
    }
    let noun_word = lower(noun_tok);
    let noun = |w: &str| noun_word.eq_ignore_ascii_case(w);
    // "the Russian capital" -> that country's capital.
    if noun("capital") && countries.len() == 1 {
        let cap = gaz.capitals.get(countries[0])?;
        return Some((
            Mention {
                span: Span::new(toks[i].span.start, noun_tok.span.end),
                toks: (i, j + 1),
                name: Rc::from(*cap),
                kind: EntityKind::Place,
                anaphor: true,
                locative,
                prep,
                relative: false,
            },
            j + 1,
        ));
    }
    if !noun_tok.is(C_PERSON) {
        return None;
    }
    let mut end = j + 1;
    if noun("prime") || noun("head") {
        end += 1;
    }
    // An apposition ("his French counterpart, Emmanuel Macron") names the person
    // itself; the name's own mention carries it.
    let mut k = end;
    if toks.get(k).is_some_and(|t| !t.word && lower(t) == ",") {
        k += 1;
    }
    if names
        .first()
        .is_some_and(|n| n.toks.0 == k && n.kind == EntityKind::Person)
    {
        return None;
    }
    // "Anna Lindqvist, the Brennic president, arrived": an apposition of the
    // person just named is that person; the name's own mention carries it.
    let after_comma = i
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| !t.word && lower(t) == ",");
    if after_comma
        && prev.is_some_and(|m| {
            m.toks.1 + 1 == i
                && (m.kind == EntityKind::Person
                    || (m.kind == EntityKind::Unknown && m.prep.is_none() && !m.locative))
        })
    {
        return None;
    }
    if toks
        .get(end)
        .is_some_and(|t| t.word && is_in(lower(t), &["of", "for"]))
    {
        // "the president of Russia" is read as a title of the next name.
        return None;
    }
    let exclude: Option<&str> = if noun("counterpart") && !toks[i].is(W_THE) {
        last_person.as_deref()
    } else {
        None
    };
    let candidates = persons
        .iter()
        .filter(|p| p.count > 0 && Some(&*p.name) != exclude);
    let pick = if !countries.is_empty() && !unknown_adj {
        candidates
            .filter(|p| p.countries.iter().any(|c| countries.contains(c)))
            .max_by_key(|p| (p.count, std::cmp::Reverse(p.first)))
    } else if unknown_adj || noun("counterpart") {
        candidates.max_by_key(|p| (p.count, std::cmp::Reverse(p.first)))
    } else {
        None
    }?;
    Some((
        Mention::anaphor(
            Span::new(toks[i].span.start, toks[end - 1].span.end),
            (i, end),
            pick.name.clone(),
            EntityKind::Person,
        ),
        end,
    ))
}

/// Classifies one capitalised run; pushes its mention (if any) and records persons.
#[allow(clippy::too_many_arguments)]
fn classify(
    text: &str,
    si: usize,
    start: usize,
    run: &[Tok],
    toks: &[Tok],
    out: &mut Vec<Mention>,
    persons: &mut Vec<Person>,
    person_ix: &mut PersonIndex,
    common: &mut Seen,
    scratch: &mut String,
    name_buf: &mut String,
) -> Option<usize> {
    let gaz = gazetteer();
    let lower = |t: &Tok| -> &str { t.span.slice(text).unwrap_or("") };
    let prev = start.checked_sub(1).and_then(|p| toks.get(p));
    let prev_word = prev.filter(|t| t.word).map(&lower);
    let prep_word = if prev_word.is_some_and(|w| is_in(w, &["the", "a", "an"])) {
        start
            .checked_sub(2)
            .and_then(|p| toks.get(p))
            .filter(|t| t.word)
            .map(&lower)
    } else {
        prev_word
    };
    let sentence_initial = start == 0
        || toks[..start].iter().all(|t| !t.word)
        || prev.is_some_and(|t| !t.word && matches!(lower(t), "“" | "\"" | ":" | "•" | "("));
    let prep = prep_word.and_then(|w| PREPS.iter().copied().find(|p| p.eq_ignore_ascii_case(w)));
    let after_det = prev_word.is_some_and(|w| {
        is_in(
            w,
            &[
                "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
            ],
        )
    });
    let mut a = 0;
    let b = run.len();
    // Leading stop words of sentence starts ("The Pentagon", "In Paris").
    while a < b && run[a].is(C_STOP) && (a == 0 && sentence_initial || run[a].is(W_THE)) {
        a += 1;
    }
    // "Certainly Saddam Hussein", "Other Bush officials": a sentence's first word
    // that the article also writes in lower case, or an adverb, is not a name's.
    if a == 0 && sentence_initial && b - a >= 2 {
        let first = lower(&run[0]);
        let known = gaz_lookup(gaz, text, &run[0]).is_some() || title_word(gaz, text, &run[0]);
        if !known && (first.ends_with("ly") || common_word(text, first, common)) {
            a += 1;
        }
    }
    if a >= b {
        return None;
    }
    // "In Paris, ...": a stripped sentence-initial preposition is the name's.
    let prep = a
        .checked_sub(1)
        .and_then(|k| run.get(k))
        .map(&lower)
        .and_then(|w| PREPS.iter().copied().find(|p| p.eq_ignore_ascii_case(w)))
        .filter(|p| *p != "and")
        .or(prep);
    // A single word the gazetteer does not know needs no look-up, nor do words
    // whose first word starts no name of the gazetteer (the folded words are
    // joined by spaces, so a name they fold to starts with the first one).
    let whole_known = if b - a > 1 {
        run[a].is(G_NAME_START | G_UNSURE)
    } else {
        run[a].is(G_NAME | G_UNSURE)
    };
    if whole_known {
        fold_joined_into(run[a..b].iter().map(&lower), scratch);
    }
    let span_of = |x: usize, y: usize| Span::new(run[x].span.start, run[y - 1].span.end);
    let mk =
        |name: Rc<str>, kind: EntityKind, x: usize, y: usize, prep: Option<&'static str>| Mention {
            span: span_of(x, y),
            toks: (start + x.min(a), start + y),
            name,
            kind,
            anaphor: false,
            locative: prep.is_some_and(|p| !matches!(p, "and" | "with" | "between" | "by" | "of")),
            prep,
            relative: false,
        };
    if let Some(g) = whole_known.then(|| gaz.lookup(scratch)).flatten() {
        let (name, kind) = match g {
            Gaz::Country(c) => (*c, EntityKind::Place),
            Gaz::Capital(c, _) => (*c, EntityKind::Place),
            Gaz::Body(n) => (*n, EntityKind::Organization),
            Gaz::Demonym(_) => return None,
        };
        // Keep the surface form when it is the full name; otherwise the canonical.
        // Bodies keep the name as written ("NATO"); places take the canonical
        // country name unless the text gives a longer form.
        let name = if kind == EntityKind::Organization || b - a > 1 || name.split(' ').count() == 1
        {
            joined(text, &run[a..b], name_buf)
        } else {
            name
        };
        out.push(mk(Rc::from(name), kind, a, b, prep));
        return None;
    }
    // Strip leading demonyms, countries and titles; remember them.
    let mut countries: Vec<&'static str> = Vec::new();
    let mut titled = false;
    // Lower-case titles just before the run ("spokesman Steffen Seibert").
    let mut k = start;
    let mut comma_ok = true;
    while k > 0 {
        let t = &toks[k - 1];
        if !t.word {
            // One comma of an apposition: "the president of France, Emmanuel Macron".
            if comma_ok && k == start && lower(t) == "," {
                comma_ok = false;
                k -= 1;
                continue;
            }
            break;
        }
        let (title, country, of) = word_roles_tok(gaz, text, t);
        if title {
            titled = true;
        } else if let Some(c) = country {
            countries.push(c);
        } else if of {
        } else {
            break;
        }
        k -= 1;
        if start - k > 6 {
            break;
        }
    }
    let mut x = a;
    while x < b {
        // Longest title at x.
        let took = if title_start(gaz, text, &run[x]) {
            title_len(gaz, text, &run[x..b.min(x + gaz.title_words)], scratch)
        } else {
            0
        };
        if took > 0 {
            titled = true;
            x += took;
            // "President of France Emmanuel Macron": the country is a title's.
            if x + 1 < b && is_in(lower(&run[x]), &["of", "for"]) {
                if let Some(Gaz::Country(c)) | Some(Gaz::Demonym(c)) =
                    gaz_lookup(gaz, text, &run[x + 1])
                {
                    countries.push(c);
                }
                x += 2;
            }
            continue;
        }
        match gaz_lookup(gaz, text, &run[x]) {
            Some(Gaz::Demonym(c)) | Some(Gaz::Country(c)) if x + 1 < b => {
                countries.push(c);
                x += 1;
            }
            Some(Gaz::Body(_)) if x + 1 < b => {
                x += 1;
            }
            _ if x + 1 < b && is_in(lower(&run[x]), &["the"]) => {
                x += 1;
            }
            _ => break,
        }
    }
    // "Miami Mayor Joe Carollo", "FBI Director Louis Freeh", "Trade Minister
    // Joseph Kimotho": a title inside the run, with a name of at least two
    // words after it, starts the person's name; what comes before it says
    // where or for whom.
    let mut y = x + 1;
    while y + 2 < b {
        if title_start(gaz, text, &run[y]) {
            let max_n = gaz.title_words.min(b - y - 2);
            let took = title_len(gaz, text, &run[y..y + max_n], scratch);
            // "Chief of Staff John Sununu": a title's "of X" is the title's.
            let mut z = y + took;
            while took > 0 && z + 1 < b && is_in(lower(&run[z]), &["of", "for"]) {
                z += 2;
            }
            if took > 0 && z + 2 <= b && run[z].cap {
                titled = true;
                x = z;
                break;
            }
        }
        y += 1;
    }
    if x >= b {
        // Only a demonym or title: no name here.
        return None;
    }
    // "Critics said", "Analysts expect", "— Witnesses saw": a group noun alone
    // is an ordinary word written with a capital, wherever the sentence starts
    // (a dateline, a quotation). In a longer name it is a name's word
    // ("Reporters Without Borders").
    if x == a && b - a == 1 && run[a].is(C_GROUP) {
        return None;
    }
    // "Iraqis said", "Democrats voted", "Bosnian Serbs", "Twelve Americans",
    // "Cuban-Americans": a plural demonym or a party's members, after a count
    // at most, is a group as the demonym alone is no one.
    let mut y = x;
    while y + 1 < b && is_in(lower(&run[y]), COUNT_WORDS) {
        y += 1;
    }
    if b - y == 1 && (run[y].is(C_GROUP) || plural_demonym(gaz, lower(&run[y]))) {
        return None;
    }
    // Titles after: ", spokesman for the government,", "president of France".
    let mut k = start + b;
    let apposition = toks.get(k).is_some_and(|t| !t.word && lower(t) == ",");
    k += 1;
    let mut after_title = false;
    for t in toks.iter().skip(k).take(if apposition { 6 } else { 0 }) {
        if !t.word {
            break;
        }
        let (title, country, _) = word_roles_tok(gaz, text, t);
        if title {
            after_title = true;
        } else if let Some(c) = country {
            if after_title {
                countries.push(c);
            }
        }
    }
    let words = b - x;
    let acronym = words == 1 && all_caps(lower(&run[x]));
    let has = |bit: u32| run[x..b].iter().any(|t| t.is(bit));
    // "CAPE TOWN, South Africa (AP) --": a dateline's city in capitals.
    let dateline = sentence_initial
        && words >= 2
        && run[x..b].iter().all(|t| all_caps(lower(t)))
        && toks
            .get(start + b)
            .is_some_and(|t| !t.word && lower(t) == ",");
    let kind = if acronym || has(C_ORG) {
        EntityKind::Organization
    } else if has(C_PLACE) || dateline {
        EntityKind::Place
    } else if has(C_EVENT) {
        return None;
    } else if titled
        // "In Geneva, the German chancellor ...": a title after a place's comma
        // is not the place's
        || (after_title && !prep.is_some_and(|p| matches!(p, "in" | "at" | "into" | "near")))
    {
        EntityKind::Person
    } else if after_det && x == a {
        return None;
    } else if words >= 2 {
        EntityKind::Person
    } else if sentence_initial && x == a && common_word(text, lower(&run[x]), common) {
        return None;
    } else {
        EntityKind::Unknown
    };
    // "with Prime Minister X": a title does not hide that X is a partner, not a
    // subject; a locative preposition stays with the title ("in Foreign Minister X's")
    let prep_here = if x == a {
        prep
    } else {
        prep.filter(|p| matches!(*p, "with" | "between" | "by" | "of"))
    };
    let name = joined(text, &run[x..b], name_buf);
    let mut person = None;
    let mut shared = None;
    if kind == EntityKind::Person || kind == EntityKind::Unknown {
        // Folded once, for the look-up and, for a new person, the key.
        let pi = with_folded(name, |key| match person_ix.get(key) {
            Some(pi) => pi,
            None => {
                persons.push(Person {
                    name: Rc::from(name),
                    words,
                    countries: Vec::new(),
                    count: 0,
                    first: si,
                });
                person_ix.insert(key, persons.len() - 1);
                persons.len() - 1
            }
        });
        for c in countries {
            if !persons[pi].countries.contains(&c) {
                persons[pi].countries.push(c);
            }
        }
        person = Some(pi);
        // Written as the person's name was: one string for both.
        shared = persons
            .get(pi)
            .filter(|p| *p.name == *name)
            .map(|p| p.name.clone());
    }
    let name = shared.unwrap_or_else(|| Rc::from(name));
    out.push(mk(name, kind, x, b, prep_here));
    person
}

/// `fold(&words.join(" "))` written into `out` (cleared first), without
/// allocating once `out` has grown: folding maps each char on its own, so
/// folding the words one by one and joining them gives the same string.
fn fold_joined_into<'w>(words: impl Iterator<Item = &'w str>, out: &mut String) {
    out.clear();
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        with_folded(w, |f| out.push_str(f));
    }
}

/// The words of `run` joined by single spaces: the text itself for one word,
/// else written into `buf`.
fn joined<'a>(text: &'a str, run: &[Tok], buf: &'a mut String) -> &'a str {
    if let [one] = run {
        return one.span.slice(text).unwrap_or("");
    }
    buf.clear();
    for (k, t) in run.iter().enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(t.span.slice(text).unwrap_or(""));
    }
    buf
}

/// [`Gazetteer::lookup_word`] of a word token, from its bits when they answer.
fn gaz_lookup<'g>(gaz: &'g Gazetteer, text: &str, t: &Tok) -> Option<&'g Gaz> {
    if t.is(G_NAME | G_UNSURE) {
        gaz.lookup_word(t.span.slice(text).unwrap_or(""))
    } else {
        None
    }
}

/// [`Gazetteer::is_title_word`] of a word token, from its bits when they answer.
pub(crate) fn title_word(gaz: &Gazetteer, text: &str, t: &Tok) -> bool {
    t.is(G_TITLE | G_UNSURE) && gaz.is_title_word(t.span.slice(text).unwrap_or(""))
}

/// How many of the first `words` make the longest title of the gazetteer
/// ("Prime Minister", "Chief of Staff"); 0 for none. `scratch` is a buffer.
fn title_len(gaz: &Gazetteer, text: &str, words: &[Tok], scratch: &mut String) -> usize {
    // Folded once: a folded word has no space in it, so the first `n` words
    // fold to the text before the `n`-th space.
    fold_joined_into(
        words.iter().map(|t| t.span.slice(text).unwrap_or("")),
        scratch,
    );
    let mut cut = scratch.len();
    for n in (1..=words.len()).rev() {
        let head = scratch.get(..cut).unwrap_or("");
        if gaz.is_title(head) {
            return n;
        }
        cut = head.rfind(' ').unwrap_or(0);
    }
    0
}

/// [`Gazetteer::starts_title`] of a word token, from its bits when they answer.
fn title_start(gaz: &Gazetteer, text: &str, t: &Tok) -> bool {
    t.is(G_TITLE_START | G_UNSURE) && gaz.starts_title(t.span.slice(text).unwrap_or(""))
}

/// [`word_roles`] of a word token: a word in no gazetteer list is neither a
/// title nor a country, only possibly "of" or "for".
fn word_roles_tok(gaz: &Gazetteer, text: &str, t: &Tok) -> (bool, Option<&'static str>, bool) {
    let w = t.span.slice(text).unwrap_or("");
    if t.is(G_NAME | G_TITLE | G_UNSURE) {
        return word_roles(gaz, w);
    }
    let of = w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("for");
    (false, None, of)
}

/// What a word next to a name says: a title, a country (or demonym's country),
/// or "of"/"for"; folded once, without allocating.
fn word_roles(gaz: &Gazetteer, word: &str) -> (bool, Option<&'static str>, bool) {
    with_folded(word, |w| {
        let country = match gaz.lookup(w) {
            Some(Gaz::Demonym(c)) | Some(Gaz::Country(c)) => Some(*c),
            _ => None,
        };
        (gaz.is_title(w), country, w == "of" || w == "for")
    })
}

/// Whether "and" between the words `before` and `after`, inside what reads as
/// an organisation's name, joins two parties rather than two words of one
/// name: the name is complete before it ("The African Union and Brennia",
/// "the United Nations and the African Union": its head word ends it), or a
/// country, capital or body follows ("the Ministry of Defence and France"), or
/// a second name with its own article ("the Bank of England and the X").
/// "The Ministry of Trade and Industry" stays one name.
fn two_parties(gaz: &Gazetteer, text: &str, before: &Tok, after: Option<&Tok>) -> bool {
    before.is(C_ORG | C_PLACE)
        || after.is_some_and(|t| {
            t.is(W_THE)
                || matches!(
                    gaz_lookup(gaz, text, t),
                    Some(Gaz::Country(_) | Gaz::Capital(..) | Gaz::Body(_))
                )
        })
}

/// Numbers that may open a group's phrase ("Twelve Americans", "Hundreds of").
const COUNT_WORDS: &[&str] = &[
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "several",
    "few",
];

/// Whether a word is a demonym's plural ("Iraqis", "Americans", "Frenchmen"),
/// or ends in one after a hyphen ("Cuban-Americans").
fn plural_demonym(gaz: &Gazetteer, word: &str) -> bool {
    // Most names end otherwise: no look-up for them.
    if !(word.ends_with('s') || word.ends_with("men")) {
        return false;
    }
    let last = word.rsplit('-').next().unwrap_or(word);
    let singular = last
        .strip_suffix("men")
        .or_else(|| last.strip_suffix('s'))
        .filter(|w| w.chars().count() >= 3);
    singular.is_some_and(|w| matches!(gaz.lookup_word(w), Some(Gaz::Demonym(_))))
}

/// Whether a capitalised sentence-initial word is an ordinary word: the article
/// also writes it in lower case. Answers are kept per article in `seen`: each
/// look-up scans the whole text, and an article repeats its sentence openers.
fn common_word(text: &str, word: &str, seen: &mut Seen) -> bool {
    // An ASCII word is lower-cased on the stack; only a new long one is stored.
    let mut buf = [0u8; 32];
    let owned;
    let lw = if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).unwrap_or("")
    } else {
        owned = word.to_lowercase();
        owned.as_str()
    };
    if lw == word {
        return true;
    }
    if let Some(known) = seen.get(lw) {
        return known;
    }
    let found = occurs_lower(text, lw);
    seen.insert(lw, found);
    found
}

/// A per-article map from a string (a folded name, a lower-cased word): under
/// its packed key when it fits one (no string stored, one multiply to hash),
/// else as a string.
struct ByWord<V> {
    short: KeyMap<V>,
    long: HashMap<String, V>,
}

/// The persons of an article by folded name (or surname).
type PersonIndex = ByWord<usize>;

/// The answers of [`common_word`] for an article, by the word in lower case.
type Seen = ByWord<bool>;

impl<V: Copy> Default for ByWord<V> {
    fn default() -> Self {
        ByWord::with_capacity(0)
    }
}

impl<V: Copy> ByWord<V> {
    fn with_capacity(n: usize) -> Self {
        ByWord {
            short: KeyMap::with_capacity_and_hasher(n, Default::default()),
            long: HashMap::default(),
        }
    }

    fn get(&self, word: &str) -> Option<V> {
        match pack_exact(word.as_bytes()) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, word: &str, v: V) {
        match pack_exact(word.as_bytes()) {
            Some(k) => {
                self.short.insert(k, v);
            }
            None => {
                self.long.insert(word.to_string(), v);
            }
        }
    }
}

/// Whether `lw` occurs in `text` as a whole word.
fn occurs_lower(text: &str, lw: &str) -> bool {
    if lw.is_empty() {
        return false;
    }
    let hay = text.as_bytes();
    let needle = lw.as_bytes();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&hay[from..], needle) {
        let s = from + p;
        let e = s + needle.len();
        let before_ok = s == 0 || !hay[s - 1].is_ascii_alphanumeric();
        let after_ok = e >= hay.len() || !hay[e].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return true;
        }
        from = s + 1;
    }
    false
}

/// The speaker of a first-person pronoun at token `i`: the name right after the
/// quotation's closing mark (`...," Trudeau wrote`, `..." said Trudeau`).
fn quote_speaker(text: &str, toks: &[Tok], i: usize, names: &[Mention]) -> Option<Rc<str>> {
    let close = (i..toks.len())
        .find(|&k| !toks[k].word && matches!(toks[k].span.slice(text), Some("”") | Some("\"")))?;
    names
        .iter()
        .find(|m| {
            m.toks.0 > close
                && m.toks.0 <= close + 4
                && matches!(m.kind, EntityKind::Person | EntityKind::Unknown)
        })
        .map(|m| m.name.clone())
}

fn placeholder(empty: &Rc<str>) -> Mention {
    Mention {
        span: Span::default(),
        toks: (0, 0),
        name: empty.clone(),
        kind: EntityKind::Unknown,
        anaphor: false,
        locative: false,
        prep: None,
        relative: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, bool, bool)> {
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut out);
        out.iter()
            .map(|t| (&s[t.span.range()], t.cap, t.possessive))
            .collect()
    }

    #[test]
    fn words_join_inner_marks_and_drop_possessives() {
        assert_eq!(
            toks("Obama's U.S.-led Nicolás’s don't 10,000 co-op."),
            [
                ("Obama", true, true),
                ("U.S", true, false),
                (".", false, false),
                ("-", false, false),
                ("led", false, false),
                ("Nicolás", true, true),
                ("don't", false, false),
                ("10", false, false),
                (",", false, false),
                ("000", false, false),
                ("co-op", false, false),
                (".", false, false),
            ]
        );
        assert_eq!(
            toks("'s x's"),
            [("'", false, false), ("s", false, false), ("x", false, true)]
        );
    }

    /// The names found in a one-sentence text, with their kinds.
    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let mut st = SentenceTokens::default();
        st.push(text, Span::new(0, text.len()));
        let found = find(text, &st);
        found
            .sentence(0)
            .iter()
            .map(|m| (m.name.to_string(), m.kind))
            .collect()
    }

    fn has(text: &str, name: &str) -> bool {
        names(text).iter().any(|(n, _)| n == name)
    }

    #[test]
    fn group_nouns_with_a_capital_are_no_names() {
        for (text, group) in [
            (
                "Critics said the minister met officials in the capital.",
                "Critics",
            ),
            ("Analysts expect the talks to fail.", "Analysts"),
            (
                "“Witnesses saw the convoy leave,” the report said.",
                "Witnesses",
            ),
            ("NAIROBI (AP) — Residents fled the town.", "Residents"),
            ("Police said the talks had ended.", "Police"),
            ("Lawmakers and diplomats met on Monday.", "Lawmakers"),
        ] {
            assert!(!has(text, group), "{text}: {:?}", names(text));
        }
        // The names beside them stay.
        let text = "Analysts said Anna Lindqvist met Daniel Otieno.";
        assert!(has(text, "Anna Lindqvist") && has(text, "Daniel Otieno"));
        assert!(!has(text, "Analysts"), "{:?}", names(text));
    }

    #[test]
    fn plural_demonyms_and_party_members_are_no_names() {
        for (text, group) in [
            ("Iraqis said the talks had ended.", "Iraqis"),
            ("On Monday, Democrats voted against it.", "Democrats"),
            ("Twelve Germans were killed in Port Aral.", "Germans"),
            ("Eleven people died in Port Aral.", "Eleven"),
            ("The talks with Bosnian Serbs ended.", "Serbs"),
            (
                "The plan was met with anger by German-Brazilians.",
                "Brazilians",
            ),
            ("Frenchmen and Kurds met in Port Aral.", "Frenchmen"),
            ("Frenchmen and Kurds met in Port Aral.", "Kurds"),
        ] {
            assert!(
                names(text).iter().all(|(n, _)| !n.contains(group)),
                "{text}: {:?}",
                names(text)
            );
        }
        // Names that end as plurals do stay names.
        let text = "Evans met Peter Williams and Adams in Port Aral.";
        for name in ["Evans", "Peter Williams", "Adams"] {
            assert!(has(text, name), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn and_after_a_complete_name_joins_two_names() {
        for (text, two) in [
            (
                "The African Union and Brennia signed it.",
                ["African Union", "Brennia"],
            ),
            (
                "The Ministry of Defence and France signed it.",
                ["Ministry of Defence", "France"],
            ),
            (
                "The Bank of Brennia and the Central Bank met.",
                ["Bank of Brennia", "Central Bank"],
            ),
        ] {
            for name in two {
                assert!(has(text, name), "{text}: {:?}", names(text));
            }
        }
        let text = "The Ministry of Trade and Industry said so.";
        assert!(
            has(text, "Ministry of Trade and Industry"),
            "{:?}",
            names(text)
        );
    }

    #[test]
    fn sentence_initial_names_stay_names() {
        for (text, name) in [
            ("Lindqvist said the talks had ended.", "Lindqvist"),
            ("Otieno met the envoy on Monday.", "Otieno"),
            (
                "Reporters Without Borders said the journalist was freed.",
                "Reporters Without Borders",
            ),
            (
                "Human Rights Watch said the report was accurate.",
                "Human Rights Watch",
            ),
        ] {
            assert!(has(text, name), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn gazetteer_bits_answer_as_the_lookups_do() {
        let gaz = gazetteer();
        let mut text = String::from(
            "Obama's U.S. Nicolás French PRIME Minister of foreign Gen. Abu-Dhabi \
             co-op Herzegovina’s rue d'Arc 2019 ",
        );
        for k in gaz.names.keys().chain(gaz.titles.keys()) {
            text.push_str(k);
            text.push(' ');
            text.push_str(&k.to_uppercase());
            text.push_str(", ");
        }
        let mut toks = Vec::new();
        tokenize(&text, Span::new(0, text.len()), &mut toks);
        for t in toks.iter().filter(|t| t.word) {
            let w = &text[t.span.range()];
            assert_eq!(gaz_lookup(gaz, &text, t), gaz.lookup_word(w), "{w}");
            assert_eq!(title_word(gaz, &text, t), gaz.is_title_word(w), "{w}");
            assert_eq!(title_start(gaz, &text, t), gaz.starts_title(w), "{w}");
            assert_eq!(word_roles_tok(gaz, &text, t), word_roles(gaz, w), "{w}");
        }
    }

    #[test]
    fn word_lists_are_lower_case_ascii() {
        // The per-token classes are looked up in ASCII lower case, so a list
        // entry written otherwise would never match.
        let lists: [&[&str]; 18] = [
            STOP,
            COUNT_WORDS,
            ORG_HEADS,
            PLACE_HEADS,
            EVENT_HEADS,
            PERSON_NOUNS,
            CONNECTORS,
            PRONOUNS,
            PREPS,
            super::super::extract::SUBORDINATORS,
            super::super::extract::WORD_STOPS_RIGHT,
            super::super::extract::LIGHT_VERBS,
            super::super::extract::STOP_PREPS,
            super::super::extract::DETS,
            super::super::extract::SKIP_SEGMENT,
            super::super::extract::MEET_FOLLOWERS,
            super::super::status::REPORTING,
            super::super::status::MODAL_HYP,
        ];
        for w in lists.iter().flat_map(|l| l.iter()) {
            assert!(
                w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                "{w}"
            );
        }
        for w in COUNT_WORDS {
            assert!(lex_class(w.as_bytes()) & C_STOP != 0, "{w}");
        }
        for w in group_nouns() {
            assert!(
                w.bytes().all(|b| b.is_ascii_lowercase()),
                "group noun {w:?}"
            );
            assert!(lex_class(w.as_bytes()) & C_GROUP != 0, "{w}");
        }
        for w in super::super::status::MODAL_PLAN
            .iter()
            .chain(super::super::status::NEG)
            .chain(super::super::status::BE)
        {
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
        }
        // Every listed word fits a key.
        assert!(classes().longest <= KEY_BYTES, "{}", classes().longest);
        let hay = "Xx THE Élan ABCDEFGHIJKLMNOP z@[`{ U.S. and some padding text".as_bytes();
        for (start, len) in [
            (0, 2),
            (3, 3),
            (7, 5),
            (13, 16),
            (30, 5),
            (31, 3),
            (36, 3),
            (36, 4),
            (44, 7),
            (50, 9),
        ] {
            let word = &hay[start..start + len];
            let plain = word.iter().all(|&b| b < 0x80 && b != b'.');
            match load_word(hay, start, len) {
                Some(x) => {
                    assert_eq!(Some(lower_packed(x)), word_key(word), "{start} {len}");
                    assert_eq!(plain_packed(x), plain, "{start} {len}");
                }
                None => assert!(start + KEY_BYTES > hay.len()),
            }
        }
        let the = lex_class(b"The");
        assert!(the & W_THE != 0 && the & C_STOP != 0 && the & W_DET != 0);
        assert_eq!(lex_class("Nicolás".as_bytes()), 0);
    }
}
