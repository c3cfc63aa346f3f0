//! The word lists and phrase lists the segmenter reads, kept as data in `data/`.
//!
//! The lists are general-purpose (abbreviations, sentence starters, page
//! furniture that recurs across news sites); they are parsed once, on first use.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::wordkey::{pack_exact as exact_key, KeyHasher, KEY_BYTES};

/// A small multiplicative hasher for the word sets: the keys are short ASCII
/// words, looked up once per token, where SipHash would dominate the cost.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of words, each of at most [`KEY_BYTES`] bytes kept as one integer (its
/// bytes as written, zero padded) so that a look-up hashes and compares one
/// `u128`; longer words, rare, are kept as bytes.
#[derive(Default)]
struct Words {
    keys: HashSet<u128, BuildHasherDefault<KeyHasher>>,
    long: Vec<&'static [u8]>,
}

impl FromIterator<&'static [u8]> for Words {
    fn from_iter<I: IntoIterator<Item = &'static [u8]>>(words: I) -> Words {
        let mut set = Words::default();
        for w in words {
            match exact_key(w) {
                Some(k) => {
                    set.keys.insert(k);
                }
                // Over-long words; a word ending in a zero byte (never in the
                // data) would be here too.
                None => set.long.push(w),
            }
        }
        set
    }
}

/// `word` in ASCII lower case as a key; `None` when it is not ASCII, is longer
/// than a key or ends in a zero byte (then it equals no listed word folded).
#[inline]
fn folded_key(word: &str) -> Option<u128> {
    let mut buf = [0u8; KEY_BYTES];
    let src = word.as_bytes();
    let out = buf.get_mut(..src.len())?;
    let mut high = 0u8;
    for (d, &b) in out.iter_mut().zip(src) {
        high |= b;
        *d = b.to_ascii_lowercase();
    }
    if high >= 0x80 || src.last() == Some(&0) {
        return None;
    }
    Some(u128::from_le_bytes(buf))
}

impl Words {
    /// Whether `word` in ASCII lower case is in the set; never for a word that
    /// is not ASCII or longer than a key.
    #[inline]
    fn contains_folded(&self, word: &str) -> bool {
        folded_key(word).is_some_and(|k| self.keys.contains(&k))
    }

    /// Whether `word`, byte for byte, is in the set.
    #[inline]
    fn contains(&self, word: &[u8]) -> bool {
        if word.len() <= KEY_BYTES && word.last() != Some(&0) {
            exact_key(word).is_some_and(|k| self.keys.contains(&k))
        } else {
            self.long.contains(&word)
        }
    }
}

const ABBREVIATIONS: &str = include_str!("data/abbreviations.txt");
const STARTERS: &str = include_str!("data/starters.txt");
const CLAUSE_WORDS: &str = include_str!("data/clause_words.txt");
const FURNITURE: &str = include_str!("data/furniture.txt");
const SHARE: &str = include_str!("data/share.txt");

/// How an abbreviation behaves before the word after its period.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Always followed by a name ("Mr.", "Gen."): never ends a sentence.
    Title,
    /// Followed by a number ("No. 2"): no sentence end before a number.
    Number,
    /// A month or weekday ("Sept."): ends a sentence only before a starter.
    Month,
    /// May end a sentence ("Inc.", "etc."): ends only before a starter.
    General,
}

/// What a furniture phrase says about its block.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Site furniture.
    Furniture,
    /// Furniture that closes the article ("More Articles").
    End,
    /// The start of a tag list ("Tags:").
    Tags,
    /// A comment-section header ("Reader comments").
    Comments,
    /// A comment-form header ("Leave a Reply").
    Form,
    /// The end of a comment section ("Comments are closed").
    Closed,
    /// A photo credit ("File photo", "(AP Photo/...)").
    Credit,
    /// After a count: opens the comment section ("3 thoughts on").
    Counted,
    /// After a count: a bare count line ("12 Comments").
    Count,
}

/// One group of phrases by match mode, each pattern with its tag.
#[derive(Default)]
struct Matcher {
    whole: Option<AhoCorasick>,
    whole_tags: Vec<Tag>,
    prefix: Option<AhoCorasick>,
    prefix_tags: Vec<Tag>,
    contains: Option<AhoCorasick>,
    contains_tags: Vec<Tag>,
    suffix: HashMap<&'static [u8], Tag, BuildHasherDefault<WordHasher>>,
    /// Longest whole-line phrase: longer lines skip the whole-line search.
    whole_max: usize,
    /// First words of the prefix phrases: lines starting otherwise skip the
    /// prefix search (most lines of a page, at the cost of one hash).
    prefix_first: Words,
}

/// The first space-separated word of a line, ASCII-lower-cased into `buf`.
fn first_word<'b>(line: &str, buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let w = line.as_bytes().split(|&b| b == b' ').next()?;
    let out = buf.get_mut(..w.len())?;
    for (d, s) in out.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some(out)
}

pub(crate) struct Lexicon {
    /// Keyed as [`folded_key`] keys a word: longer ones could never match.
    abbrevs: HashMap<u128, Abbrev, BuildHasherDefault<KeyHasher>>,
    starters: Words,
    after_comma: Words,
    coord: Words,
    /// Few and looked up for most words: a scan beats hashing.
    subject: Vec<&'static [u8]>,
    /// Lower-case first letters of the subject pronouns and of "that".
    subject_first: [bool; 128],
    speech: Words,
    verb_cue: Words,
    share: Words,
    main: Matcher,
    counted: Matcher,
}

/// The lexicon, parsed on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

/// Data lines: trimmed, without comments and blank lines, with their section.
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    data.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line))
    })
}

fn set(data: &'static str, wanted: &str) -> Words {
    entries(data)
        .filter(|(s, _)| wanted.is_empty() || *s == wanted)
        .map(|(_, w)| w.as_bytes())
        .collect()
}

fn build(patterns: &[&str], anchored: bool) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    let mut b = AhoCorasickBuilder::new();
    b.ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest);
    if anchored {
        b.start_kind(StartKind::Anchored);
    }
    b.build(patterns).ok()
}

impl Matcher {
    fn parse(sections: &[(&str, Tag)]) -> Matcher {
        let mut whole = (Vec::new(), Vec::new());
        let mut prefix = (Vec::new(), Vec::new());
        let mut contains = (Vec::new(), Vec::new());
        let mut suffix = HashMap::default();
        for (section, line) in entries(FURNITURE) {
            let Some(&(_, tag)) = sections.iter().find(|(s, _)| *s == section) else {
                continue;
            };
            let (mode, phrase) = line.split_at(1);
            let phrase = phrase.trim();
            if phrase.is_empty() {
                continue;
            }
            match mode {
                "=" => {
                    whole.0.push(phrase);
                    whole.1.push(tag);
                }
                "^" => {
                    prefix.0.push(phrase);
                    prefix.1.push(tag);
                }
                "~" => {
                    contains.0.push(phrase);
                    contains.1.push(tag);
                }
                "$" => {
                    suffix.entry(phrase.as_bytes()).or_insert(tag);
                }
                _ => {}
            }
        }
        let mut buf = [0u8; 32];
        let prefix_first = prefix
            .0
            .iter()
            .filter_map(|p| {
                let n = first_word(p, &mut buf)?.len();
                p.as_bytes().get(..n)
            })
            .collect();
        Matcher {
            whole_max: whole.0.iter().map(|p| p.len()).max().unwrap_or(0),
            prefix_first,
            whole: build(&whole.0, true),
            whole_tags: whole.1,
            prefix: build(&prefix.0, true),
            prefix_tags: prefix.1,
            contains: build(&contains.0, false),
            contains_tags: contains.1,
            suffix,
        }
    }
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut abbrevs = HashMap::default();
        for (section, word) in entries(ABBREVIATIONS) {
            let kind = match section {
                "title" => Abbrev::Title,
                "number" => Abbrev::Number,
                "month" => Abbrev::Month,
                _ => Abbrev::General,
            };
            if let Some(k) = exact_key(word.as_bytes()) {
                abbrevs.entry(k).or_insert(kind);
            }
        }
        Lexicon {
            abbrevs,
            starters: set(STARTERS, ""),
            after_comma: set(CLAUSE_WORDS, "after_comma"),
            coord: set(CLAUSE_WORDS, "coord"),
            subject: entries(CLAUSE_WORDS)
                .filter(|(s, _)| *s == "subject")
                .map(|(_, w)| w.as_bytes())
                .collect(),
            subject_first: {
                let mut first = [false; 128];
                first[usize::from(b't')] = true;
                for (_, w) in entries(CLAUSE_WORDS).filter(|(s, _)| *s == "subject") {
                    if let Some(&b) = w.as_bytes().first().filter(|b| b.is_ascii()) {
                        first[usize::from(b.to_ascii_lowercase())] = true;
                    }
                }
                first
            },
            speech: set(CLAUSE_WORDS, "speech"),
            verb_cue: set(CLAUSE_WORDS, "verb_cue"),
            share: set(SHARE, ""),
            main: Matcher::parse(&[
                ("furniture", Tag::Furniture),
                ("end", Tag::End),
                ("tags", Tag::Tags),
                ("comments", Tag::Comments),
                ("form", Tag::Form),
                ("closed", Tag::Closed),
                ("credit", Tag::Credit),
            ]),
            counted: Matcher::parse(&[("counted", Tag::Counted), ("count", Tag::Count)]),
        }
    }

    /// The abbreviation kind of a word (without its period), if it is one.
    pub(crate) fn abbrev(&self, word: &str) -> Option<Abbrev> {
        self.abbrevs.get(&folded_key(word)?).copied()
    }

    /// Whether a capitalized word usually opens a sentence ("The", "He").
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains_folded(word)
    }

    /// Whether a word opens a clause after a comma (", but", ", who").
    pub(crate) fn is_after_comma(&self, word: &str) -> bool {
        self.after_comma.contains_folded(word)
    }

    /// Whether a word coordinates clauses when a subject follows (", and he").
    pub(crate) fn is_coord(&self, word: &str) -> bool {
        self.coord.contains_folded(word)
    }

    /// A cheap filter before [`Lexicon::is_subject`]: whether a word could be a
    /// subject pronoun or "that", by its first byte.
    pub(crate) fn may_be_subject(&self, word: &[u8]) -> bool {
        word.first().is_some_and(|&b| {
            b.is_ascii() && self.subject_first[usize::from(b.to_ascii_lowercase())]
        })
    }

    /// Whether a word is a subject pronoun.
    pub(crate) fn is_subject(&self, word: &str) -> bool {
        let w = word.as_bytes();
        self.subject
            .iter()
            .any(|s| s.len() == w.len() && s.eq_ignore_ascii_case(w))
    }

    /// Whether a word is a speech or report verb ("said", "announced").
    pub(crate) fn is_speech(&self, word: &str) -> bool {
        self.speech.contains_folded(word)
    }

    /// Whether a lower-case word shows its block has a verb ("was", "said").
    pub(crate) fn is_verb_cue(&self, word: &str) -> bool {
        if word.len() >= 5 && word.ends_with("ed") {
            return true;
        }
        self.verb_cue.contains(word.as_bytes())
    }

    /// Whether a word belongs to share bars ("Facebook", "Email").
    pub(crate) fn is_share(&self, word: &str) -> bool {
        self.share.contains_folded(word)
    }

    /// The tag of a phrase that a normalized line (see [`normalize`]) matches.
    /// `short` allows the contains and suffix modes, which are only safe on short
    /// blocks. A leading count ("3 thoughts on") is tried too.
    #[cfg(test)]
    pub(crate) fn phrase(&self, line: &str, short: bool) -> Option<Tag> {
        let contained = if short { self.contained(line) } else { None };
        self.phrase_with(line, short, contained)
    }

    /// As `phrase`, with the tag of a contains phrase found in the line
    /// beforehand (by [`Lexicon::contained`], only on short blocks: the scan is
    /// the costly part).
    pub(crate) fn phrase_with(
        &self,
        line: &str,
        short: bool,
        contained: Option<Tag>,
    ) -> Option<Tag> {
        if let Some(tag) = self.main.find(line, short, contained) {
            return Some(tag);
        }
        let rest = strip_count(line)?;
        self.counted.find(rest, true, None)
    }

    /// The tag of the first contains phrase in a line, as a whole word.
    pub(crate) fn contained(&self, line: &str) -> Option<Tag> {
        let hay = line.as_bytes();
        let ac = self.main.contains.as_ref()?;
        let m = ac
            .find_iter(hay)
            .find(|m| bounded(hay, m.start(), m.end()))?;
        self.main.contains_tags.get(m.pattern().as_usize()).copied()
    }
}

impl Matcher {
    fn find(&self, line: &str, short: bool, contained: Option<Tag>) -> Option<Tag> {
        let hay = line.as_bytes();
        let input = || Input::new(hay).anchored(Anchored::Yes);
        if hay.len() <= self.whole_max {
            if let Some(m) = self.whole.as_ref().and_then(|ac| ac.find(input())) {
                if m.end() == hay.len() {
                    return self.whole_tags.get(m.pattern().as_usize()).copied();
                }
            }
        }
        let mut buf = [0u8; 32];
        let first = first_word(line, &mut buf).unwrap_or(&[]);
        // The first word as written, or without the marks glued to its end
        // ("Tags:" for "tags", "Questions/Comments?" for "questions/comments").
        let bare = first
            .iter()
            .rposition(|b| !b.is_ascii_punctuation())
            .map_or(&[][..], |k| &first[..=k]);
        let candidate = self.prefix_first.contains(first) || self.prefix_first.contains(bare);
        if candidate {
            if let Some(m) = self.prefix.as_ref().and_then(|ac| ac.find(input())) {
                if bounded(hay, m.start(), m.end()) {
                    return self.prefix_tags.get(m.pattern().as_usize()).copied();
                }
            }
        }
        if !short {
            return None;
        }
        if contained.is_some() {
            return contained;
        }
        // A suffix phrase is the whole segment after the last separator
        // ("supporters. File photo", "Putin / REUTERS"), never the end of a
        // sentence ("told Reuters").
        // Only the tail can hold one: no phrase is longer than 32 bytes.
        let tail = hay.len().saturating_sub(34);
        let sep = hay.get(tail..)?.iter().rposition(|&b| {
            // ASCII separators, and the last byte of an en or em dash.
            matches!(
                b,
                b'.' | b'/' | b'|' | b'-' | b':' | b',' | b'[' | 0x93 | 0x94
            )
        });
        let cut = match sep {
            Some(k) => tail + k + 1,
            None if tail == 0 => 0,
            None => return None,
        };
        let segment = line.get(cut..)?.trim();
        let mut buf = [0u8; 32];
        let out = buf.get_mut(..segment.len())?;
        for (d, b) in out.iter_mut().zip(segment.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        self.suffix.get(&*out).copied()
    }
}

/// Whether a match is a whole-word match: no letter or digit glued to either end
/// when the pattern itself starts or ends with one.
fn bounded(hay: &[u8], start: usize, end: usize) -> bool {
    let alnum = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let starts_alnum = hay.get(start).is_some_and(|&b| alnum(b));
    let ends_alnum = end > 0 && hay.get(end - 1).is_some_and(|&b| alnum(b));
    let before_ok = !starts_alnum || start == 0 || hay.get(start - 1).is_some_and(|&b| !alnum(b));
    let after_ok = !ends_alnum || hay.get(end).map_or(true, |&b| !alnum(b));
    before_ok && after_ok
}

/// A line without a leading count ("3 ", "one ", "no "), if it had one.
fn strip_count(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if digits > 0 {
        line.get(digits..)?
    } else {
        const WORDS: [&str; 12] = [
            "no ", "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ",
            "ten ", "a ",
        ];
        let w = WORDS.iter().find(|w| {
            line.get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
        })?;
        line.get(w.len() - 1..)?
    };
    let trimmed = rest.trim_start();
    (trimmed.len() < rest.len() || digits > 0).then_some(trimmed)
}

/// A line trimmed for phrase matching: list markers and decoration at the start,
/// white space and trailing punctuation at the end ("- Advertisement -",
/// "Related:" → "Related:" keeps its colon only inside).
pub(crate) fn normalize(line: &str) -> &str {
    let start = line.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '–'
                    | '—'
                    | '•'
                    | '·'
                    | '*'
                    | '▪'
                    | '►'
                    | '▶'
                    | '>'
                    | '|'
                    | '»'
                    | '›'
                    | '#'
                    | '='
                    | '_'
                    | '~'
                    | '\u{200B}'
                    | '\u{FEFF}'
            )
    });
    start.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '–'
                    | '—'
                    | '.'
                    | '…'
                    | ':'
                    | '|'
                    | '»'
                    | '›'
                    | '>'
                    | '→'
                    | '*'
                    | '='
                    | '_'
                    | '~'
                    | '\u{200B}'
                    | '\u{FEFF}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse() {
        let lx = lexicon();
        assert_eq!(lx.abbrev("Mr"), Some(Abbrev::Title));
        assert_eq!(lx.abbrev("Sept"), Some(Abbrev::Month));
        assert_eq!(lx.abbrev("No"), Some(Abbrev::Number));
        assert_eq!(lx.abbrev("Inc"), Some(Abbrev::General));
        assert_eq!(lx.abbrev("Venezuela"), None);
        assert!(lx.is_starter("The"));
        assert!(lx.is_speech("said"));
    }

    #[test]
    fn phrases_match_by_mode() {
        let lx = lexicon();
        let p = |s: &str| lx.phrase(normalize(s), true);
        assert_eq!(p("- Advertisement -"), Some(Tag::Furniture));
        assert_eq!(p("Advertisements for the show"), None);
        assert_eq!(p("Subscribe to our newsletter"), Some(Tag::Furniture));
        assert_eq!(p("More Articles"), Some(Tag::End));
        assert_eq!(p("3 thoughts on “A headline”"), Some(Tag::Counted));
        assert_eq!(p("12 Comments"), Some(Tag::Count));
        assert_eq!(p("Leave a Reply"), Some(Tag::Form));
        assert_eq!(p("Comments are closed."), Some(Tag::Closed));
        assert_eq!(p("A caption. File photo"), Some(Tag::Credit));
        assert_eq!(p("He showed a file photo"), None);
        assert_eq!(p("The ministry told Reuters."), None);
        assert_eq!(p("Tags: politics, economy"), Some(Tag::Tags));
    }
}
