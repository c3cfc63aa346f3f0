//! General-purpose lexicons kept as data: event triggers by kind, titles, a
//! gazetteer of every country with its capital and demonyms, international bodies.
//!
//! Each is parsed once from `data/*.txt` and compiled into its matcher on first use.

use super::EventKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short words, for which SipHash's setup dominates.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by short words.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The grammatical form of a trigger phrase, which drives status and time.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Base,
    Pres,
    Past,
    Ger,
    Noun,
    Plural,
    Prog,
}

/// One trigger phrase.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Trigger {
    pub kind: EventKind,
    pub form: Form,
    /// Needs a name or "for" after it ("received Macron", not "received a letter").
    pub needs_object: bool,
    /// A reporting verb: dropped when it only closes a quotation.
    pub reporting: bool,
    /// A present form that is also a plural noun ("visits", "signs"): after a
    /// determiner or number it is the noun.
    pub plural_too: bool,
}

pub(crate) struct Triggers {
    pub matcher: AhoCorasick,
    pub entries: Vec<Trigger>,
    /// The phrase of each entry, lower case.
    pub phrases: Vec<String>,
}

const TRIGGERS: &str = include_str!("data/triggers.txt");
const COUNTRIES: &str = include_str!("data/countries.txt");
const BODIES: &str = include_str!("data/bodies.txt");
const TITLES: &str = include_str!("data/titles.txt");
const GROUPS: &str = include_str!("data/groups.txt");

fn kind_of(name: &str) -> Option<EventKind> {
    EventKind::ALL.iter().copied().find(|k| k.as_str() == name)
}

fn form_of(name: &str) -> Option<Form> {
    Some(match name {
        "base" => Form::Base,
        "pres" => Form::Pres,
        "past" => Form::Past,
        "ger" => Form::Ger,
        "noun" => Form::Noun,
        "plural" => Form::Plural,
        "prog" => Form::Prog,
        _ => return None,
    })
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Nouns for groups of people in general ("critics", "analysts", "officials"),
/// lower case: a capitalised one alone is a sentence opener, not a name.
pub(crate) fn group_nouns() -> impl Iterator<Item = &'static str> {
    data_lines(GROUPS)
}

/// The compiled trigger lexicon.
pub(crate) fn triggers() -> &'static Triggers {
    static T: OnceLock<Triggers> = OnceLock::new();
    T.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut entries = Vec::new();
        for line in data_lines(TRIGGERS) {
            let Some((head, forms)) = line.split_once(':') else {
                continue;
            };
            let mut words = head.split_whitespace();
            let (Some(kind), Some(form)) = (
                words.next().and_then(kind_of),
                words.next().and_then(form_of),
            ) else {
                continue;
            };
            let flags: Vec<&str> = words.collect();
            let entry = Trigger {
                kind,
                form,
                needs_object: flags.contains(&"obj"),
                reporting: flags.contains(&"rep"),
                plural_too: flags.contains(&"pl"),
            };
            for phrase in forms.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                phrases.push(phrase.to_string());
                entries.push(entry);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .unwrap_or_else(|_| {
                // The lexicon is compiled in; an empty matcher keeps extraction total.
                AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton builds")
            });
        let phrases = phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
        Triggers {
            matcher,
            entries,
            phrases,
        }
    })
}

/// What a gazetteer name stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Gaz {
    /// A country (its canonical name).
    Country(&'static str),
    /// A capital city and its country.
    Capital(&'static str, &'static str),
    /// A demonym and its country ("Russian" -> Russia).
    Demonym(&'static str),
    /// An international body or government seat (its canonical name).
    Body(&'static str),
}

/// Folds a name for lookup: lower case, accents off, dots off, curly quotes straight.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        out.extend(
            s.bytes()
                .filter(|&b| b != b'.')
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return out;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' | 'ı' | 'İ' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => {
                'o'
            }
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' | 'Ç' => 'c',
            'ğ' | 'Ğ' => 'g',
            'ş' | 'Ş' | 'š' | 'Š' => 's',
            'ž' | 'Ž' => 'z',
            'č' | 'Č' | 'ć' | 'Ć' => 'c',
            'ý' | 'ÿ' | 'Ý' => 'y',
            '’' | '‘' => '\'',
            '.' => continue,
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// Calls `f` with `s` folded as [`fold`] does, on the stack for short ASCII words
/// (nearly every lookup), so the per-token gazetteer checks do not allocate.
pub(crate) fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const N: usize = 48;
    let src = s.as_bytes();
    if src.len() <= N && src.is_ascii() {
        let mut buf = [0u8; N];
        let mut n = 0;
        // Branch-free: every byte is written, a period is then overwritten.
        for &b in src {
            if let Some(slot) = buf.get_mut(n) {
                *slot = b.to_ascii_lowercase();
            }
            n += usize::from(b != b'.');
        }
        if let Ok(folded) = std::str::from_utf8(buf.get(..n).unwrap_or(&[])) {
            return f(folded);
        }
    }
    f(&fold(s))
}

pub(crate) struct Gazetteer {
    pub names: HashMap<String, Gaz>,
    /// Country -> capital.
    pub capitals: HashMap<&'static str, &'static str>,
    /// Titles, folded, multi-word allowed.
    pub titles: HashMap<String, ()>,
    /// The longest title in words.
    pub title_words: usize,
    /// First words of titles, folded.
    pub title_starts: HashMap<String, ()>,
}

/// The compiled gazetteer of countries, capitals, demonyms, bodies and titles.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut names = HashMap::default();
        let mut capitals = HashMap::default();
        for line in data_lines(COUNTRIES) {
            let mut f = line.split('|');
            let (Some(country), Some(capital), Some(demonyms)) = (f.next(), f.next(), f.next())
            else {
                continue;
            };
            let aliases = f.next().unwrap_or("");
            capitals.insert(country, capital);
            for d in demonyms.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                names.entry(fold(d)).or_insert(Gaz::Demonym(country));
            }
            names
                .entry(fold(capital))
                .or_insert(Gaz::Capital(capital, country));
            names.insert(fold(country), Gaz::Country(country));
            for a in aliases.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                names.entry(fold(a)).or_insert(Gaz::Country(country));
            }
        }
        for line in data_lines(BODIES) {
            let mut f = line.split('|');
            let Some(name) = f.next() else { continue };
            names.insert(fold(name), Gaz::Body(name));
            for a in f
                .next()
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                names.insert(fold(a), Gaz::Body(name));
            }
        }
        let mut titles = HashMap::default();
        let mut title_words = 1;
        let mut title_starts = HashMap::default();
        for t in data_lines(TITLES) {
            title_words = title_words.max(t.split_whitespace().count());
            titles.insert(fold(t), ());
            if let Some(w) = t.split_whitespace().next() {
                title_starts.insert(fold(w), ());
            }
        }
        Gazetteer {
            names,
            capitals,
            titles,
            title_words,
            title_starts,
        }
    })
}

impl Gazetteer {
    pub(crate) fn lookup(&self, folded: &str) -> Option<&Gaz> {
        self.names.get(folded)
    }

    pub(crate) fn is_title(&self, folded: &str) -> bool {
        self.titles.contains_key(folded)
    }

    /// [`Gazetteer::lookup`] of a word as written (folded here).
    pub(crate) fn lookup_word(&self, word: &str) -> Option<&Gaz> {
        with_folded(word, |f| self.names.get(f))
    }

    /// [`Gazetteer::is_title`] of a word as written (folded here).
    pub(crate) fn is_title_word(&self, word: &str) -> bool {
        with_folded(word, |f| self.titles.contains_key(f))
    }

    /// Whether a title starts with this word as written.
    pub(crate) fn starts_title(&self, word: &str) -> bool {
        with_folded(word, |f| self.title_starts.contains_key(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_compile_and_cover_every_kind() {
        let t = triggers();
        for kind in EventKind::ALL {
            assert!(
                t.entries.iter().any(|e| e.kind == kind),
                "no trigger for {kind:?}"
            );
        }
        let g = gazetteer();
        assert!(g.capitals.len() >= 190, "{} countries", g.capitals.len());
        assert_eq!(g.lookup("french"), Some(&Gaz::Demonym("France")));
        assert!(g.is_title("foreign minister"));
        assert_eq!(fold("Nicolás"), "nicolas");
    }
}
