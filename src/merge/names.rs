//! Folding the names of several articles into one set of entities.
//!
//! Each article already resolves its own names ("Maduro" → "Nicolás Maduro"
//! inside one text); across articles the same person is spelled "Nicolas Maduro",
//! "Nicolás Maduro" or just "Maduro". Names are compared as folded tokens (accents
//! removed, case folded, leading titles such as "President" dropped), and a name
//! whose tokens all appear in exactly one longer name of the same class is that
//! name: "Maduro" ⊂ "Nicolás Maduro". A short name contained in two different
//! longer names ("Rodriguez" in "Delcy Rodriguez" and "Jorge Rodriguez") stays on
//! its own rather than being guessed.
//!
//! The table is a pure function of the set of names it is given: keys are sorted
//! before ids are assigned, so the same names in any order give the same ids.

use crate::event::EntityKind;
use std::collections::HashMap;

/// Title and honorific words that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "acting",
    "ambassador",
    "chairman",
    "chairwoman",
    "chancellor",
    "col",
    "colonel",
    "deputy",
    "dr",
    "emir",
    "envoy",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "interim",
    "judge",
    "king",
    "lt",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "pres",
    "president",
    "prime",
    "prince",
    "princess",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "sheikh",
    "sir",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "the",
    "vice",
];

/// Words too common to identify anyone on their own: the particles inside names
/// ([`crate::event::NAME_PARTICLES`]) and the joining words of a full name
/// ("Juan y Pérez", "Duke of York").
fn is_particle(w: &str) -> bool {
    crate::event::NAME_PARTICLES.contains(&w) || ["and", "of", "e", "y"].contains(&w)
}

/// Latin-1 letters U+00C0..=U+00FF folded to lower-case ASCII; `#` marks the few
/// that need more than one letter or none (handled in [`fold_char`]).
const LATIN1: &[u8; 64] = b"aaaaaa#ceeeeiiiidnooooo#ouuuuy##aaaaaa#ceeeeiiiidnooooo#ouuuuy#y";
/// Latin Extended-A letters U+0100..=U+017F folded likewise.
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii##jjkkkllllllllllnnnnnnnnnoooooo##rrrrrrsssssssstttttt\
uuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends `c` folded: accents removed, lower case. Combining marks vanish.
fn fold_char(c: char, out: &mut String) {
    let cp = c as u32;
    let table = match cp {
        0xC0..=0xFF => LATIN1.get((cp - 0xC0) as usize),
        0x100..=0x17F => LATIN_EXT_A.get((cp - 0x100) as usize),
        _ => None,
    };
    match (cp, table) {
        (0xC6 | 0xE6, _) => out.push_str("ae"),
        (0xDE | 0xFE, _) => out.push_str("th"),
        (0xDF, _) => out.push_str("ss"),
        (0xD7 | 0xF7, _) => out.push(' '),
        (0x132 | 0x133, _) => out.push_str("ij"),
        (0x152 | 0x153, _) => out.push_str("oe"),
        (_, Some(&b)) => out.push(char::from(b)),
        (0x218 | 0x219, _) => out.push('s'),
        (0x21A | 0x21B, _) => out.push('t'),
        (0x300..=0x36F, _) => {}
        _ => out.extend(c.to_lowercase()),
    }
}

/// Folds a string: accents removed, lower case ("Nicolás ERDOĞAN" →
/// "nicolas erdogan").
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The folded word tokens of a string. Apostrophes join ("O'Neill" → "oneill");
/// any other non-alphanumeric character separates.
pub(crate) fn tokens(s: &str) -> Vec<String> {
    let folded = fold(s);
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if c == '\'' || c == '\u{2019}' {
            continue;
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The first eight bytes of `s`, big-endian, zero after its end: ordering by
/// (prefix, string) is ordering by string, and two strings whose prefixes differ
/// are ordered without reading either.
fn prefix(s: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (b, &c) in bytes.iter_mut().zip(s.as_bytes()) {
        *b = c;
    }
    u64::from_be_bytes(bytes)
}

/// The identifying tokens of a name: its tokens without leading titles (kept when
/// the name is nothing but titles), and how many titles were dropped.
fn name_key(name: &str) -> (Vec<String>, usize) {
    let toks = tokens(name);
    let lead = toks
        .iter()
        .take_while(|t| TITLES.contains(&t.as_str()))
        .count();
    if lead == toks.len() {
        (toks, 0)
    } else {
        (toks[lead..].to_vec(), lead)
    }
}

/// Whether an entity kind stands for a person (or may): such names must agree for
/// two reports to be of one event. Organisations and places are softer: news
/// writes "Russia" or "the Kremlin" for its leader.
pub(crate) fn is_strict(kind: EntityKind) -> bool {
    !matches!(kind, EntityKind::Organization | EntityKind::Place)
}

/// One resolved entity.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    /// The most complete surface form.
    pub name: String,
    /// Whether it names a person (or an unknown kind), see [`is_strict`].
    pub strict: bool,
}

/// Surface names → entity ids, for one set of mentions.
#[derive(Debug, Default)]
pub(crate) struct NameTable {
    ids: HashMap<String, u32>,
    entities: Vec<Entity>,
}

impl NameTable {
    /// Builds the table from every (surface name, entity kind) pair of the mentions.
    #[cfg(test)]
    pub fn build<'a>(names: impl IntoIterator<Item = (&'a str, EntityKind)>) -> NameTable {
        // surface -> (whether any report calls it an organisation or place, uses)
        let mut counted: HashMap<&'a str, (bool, usize)> = HashMap::new();
        for (name, kind) in names {
            let entry = counted.entry(name).or_insert((false, 0));
            entry.0 |= !is_strict(kind);
            entry.1 += 1;
        }
        NameTable::from_counts(counted)
    }

    /// Builds the table from each distinct surface name with whether any report
    /// calls it an organisation or place ([`is_strict`] false) and how often it is
    /// used. The surfaces may come in any order.
    pub fn from_counts<'a>(
        counted: impl IntoIterator<Item = (&'a str, (bool, usize))>,
    ) -> NameTable {
        // sorted Vecs, not ordered maps: the table is built once per merge from
        // every distinct name, and tree nodes cost more than the sort
        // sorted: nothing below depends on the order they came in; a repeated
        // surface keeps its last counts
        // Each sort below compares strings that lie all over the heap: with
        // tens of thousands of names, reading both strings of every comparison
        // misses the cache on most. Each string's [`prefix`] goes with it, so
        // most comparisons end on two integers at hand.
        let mut surfaces: Vec<(u64, &'a str, (bool, usize))> = counted
            .into_iter()
            .map(|(s, counts)| (prefix(s), s, counts))
            .collect();
        surfaces.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        surfaces.dedup_by(|later, earlier| {
            let same = later.1 == earlier.1;
            if same {
                earlier.2 = later.2;
            }
            same
        });
        // key (joined tokens) -> (token set, soft, surfaces with their title count)
        struct Key<'a> {
            set: Vec<String>,
            soft: bool,
            surfaces: Vec<(usize, usize, &'a str)>,
        }
        let mut keyed: Vec<_> = surfaces
            .iter()
            .map(|&(_, surface, (soft, uses))| {
                let (toks, titles) = name_key(surface);
                let joined = toks.join(" ");
                (prefix(&joined), joined, toks, titles, soft, uses, surface)
            })
            .collect();
        // stable: a key's surfaces stay in surface order
        keyed.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let mut key_list: Vec<Key<'a>> = Vec::new();
        let mut last: Option<String> = None;
        for (_, joined, toks, titles, soft, uses, surface) in keyed {
            if last.as_deref() != Some(joined.as_str()) {
                let mut set = toks;
                set.sort_unstable();
                set.dedup();
                key_list.push(Key {
                    set,
                    soft: false,
                    surfaces: Vec::new(),
                });
                last = Some(joined);
            }
            if let Some(entry) = key_list.last_mut() {
                entry.soft |= soft;
                entry.surfaces.push((titles, uses, surface));
            }
        }
        // (token, key holding it), sorted: to find longer names without
        // comparing all pairs; each token's keys come in key order
        let mut by_token: Vec<(u64, &str, usize)> = key_list
            .iter()
            .enumerate()
            .flat_map(|(i, k)| k.set.iter().map(move |t| (prefix(t), t.as_str(), i)))
            .collect();
        by_token.sort_unstable();
        let holders = |t: &str| -> &[(u64, &str, usize)] {
            let at = (prefix(t), t);
            let lo = by_token.partition_point(|p| (p.0, p.1) < at);
            let rest = by_token.get(lo..).unwrap_or_default();
            rest.get(..rest.partition_point(|p| (p.0, p.1) == at))
                .unwrap_or_default()
        };
        // both sorted and deduplicated
        let is_subset = |small: &[String], big: &[String]| -> bool {
            let mut rest = big.iter();
            small.iter().all(|t| rest.any(|u| u == t))
        };
        let supersets = |i: usize| -> Vec<usize> {
            let k = &key_list[i];
            let identifying = k
                .set
                .iter()
                .filter(|t| !is_particle(t.as_str()) && t.chars().count() > 1)
                .min_by_key(|t| (holders(t.as_str()).len(), t.as_str()));
            let Some(tok) = identifying else {
                return Vec::new();
            };
            holders(tok.as_str())
                .iter()
                .map(|p| p.2)
                .filter(|&j| {
                    let l = &key_list[j];
                    j != i
                        && l.soft == k.soft
                        && l.set.len() > k.set.len()
                        && is_subset(&k.set, &l.set)
                })
                .collect()
        };
        let sups: Vec<Vec<usize>> = (0..key_list.len()).map(supersets).collect();
        let maximal: Vec<bool> = sups.iter().map(Vec::is_empty).collect();
        // each key's representative: itself when maximal or ambiguous
        let rep: Vec<usize> = (0..key_list.len())
            .map(|i| {
                let mut tops = sups[i].iter().copied().filter(|&j| maximal[j]);
                match (tops.next(), tops.next()) {
                    (Some(only), None) => only,
                    _ => i,
                }
            })
            .collect();
        let mut entity_of_rep: Vec<Option<u32>> = vec![None; key_list.len()];
        let mut entities = Vec::new();
        for &r in &rep {
            if let Some(slot @ None) = entity_of_rep.get_mut(r) {
                let k = &key_list[r];
                // fewest titles, not shouted in capitals, the longest spelling
                // (accents kept), the most used, then the smallest: deterministic
                // whatever the input order
                let shouted = |s: &str| !s.chars().any(char::is_lowercase);
                let name = k
                    .surfaces
                    .iter()
                    .min_by(|a, b| {
                        a.0.cmp(&b.0)
                            .then(shouted(a.2).cmp(&shouted(b.2)))
                            .then(b.2.len().cmp(&a.2.len()))
                            .then(b.1.cmp(&a.1))
                            .then(a.2.cmp(b.2))
                    })
                    .map(|s| s.2.trim().to_owned())
                    .unwrap_or_default();
                *slot = Some(entities.len() as u32);
                entities.push(Entity {
                    name,
                    strict: !k.soft,
                });
            }
        }
        let mut ids = HashMap::with_capacity(surfaces.len());
        for (i, k) in key_list.iter().enumerate() {
            let id = entity_of_rep
                .get(rep[i])
                .copied()
                .flatten()
                .unwrap_or_default();
            for (_, _, s) in &k.surfaces {
                ids.insert((*s).to_owned(), id);
            }
        }
        NameTable { ids, entities }
    }

    /// The entity a surface name resolves to.
    pub fn id(&self, surface: &str) -> Option<u32> {
        self.ids.get(surface).copied()
    }

    /// How many entities there are: ids run below it.
    pub fn len(&self) -> u32 {
        self.entities.len() as u32
    }

    /// The entity with this id.
    pub fn entity(&self, id: u32) -> Option<&Entity> {
        self.entities.get(id as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn table(names: &[(&'static str, EntityKind)]) -> NameTable {
        NameTable::build(names.iter().copied())
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(
            fold("Nicolás ERDOĞAN Łódź Œuvre"),
            "nicolas erdogan lodz oeuvre"
        );
        assert_eq!(tokens("Juan Guaidó, O'Neill"), ["juan", "guaido", "oneill"]);
        // combining marks (decomposed input) vanish
        assert_eq!(fold("Guaido\u{301}"), "guaido");
    }

    #[test]
    fn surname_joins_the_unique_full_name() {
        use EntityKind::Person;
        let t = table(&[
            ("Maduro", Person),
            ("Nicolas Maduro", Person),
            ("Nicolás Maduro", Person),
            ("President Nicolás Maduro", Person),
        ]);
        let id = t.id("Maduro");
        assert!(id.is_some());
        assert_eq!(t.id("Nicolas Maduro"), id);
        assert_eq!(t.id("President Nicolás Maduro"), id);
        assert_eq!(t.entity(id.unwrap()).unwrap().name, "Nicolás Maduro");
    }

    #[test]
    fn ambiguous_short_names_stay_apart() {
        use EntityKind::Person;
        let t = table(&[
            ("Rodriguez", Person),
            ("Delcy Rodriguez", Person),
            ("Jorge Rodriguez", Person),
        ]);
        let ids: BTreeSet<_> = ["Rodriguez", "Delcy Rodriguez", "Jorge Rodriguez"]
            .iter()
            .map(|n| t.id(n))
            .collect();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn persons_do_not_fold_into_organisations() {
        let t = table(&[
            ("Smith", EntityKind::Person),
            ("Smith Foundation", EntityKind::Organization),
        ]);
        assert_ne!(t.id("Smith"), t.id("Smith Foundation"));
        assert!(!t.entity(t.id("Smith Foundation").unwrap()).unwrap().strict);
    }

    #[test]
    fn particles_alone_identify_nobody() {
        use EntityKind::Person;
        let t = table(&[("de", Person), ("Charles de Gaulle", Person)]);
        assert_ne!(t.id("de"), t.id("Charles de Gaulle"));
    }

    #[test]
    fn prefixes_order_as_their_strings() {
        let words = [
            "",
            "a",
            "ab",
            "ab\0",
            "ab\0\0\0\0\0\0\0",
            "abcdefgh",
            "abcdefghi",
            "abcdefgha",
            "abcdefg",
            "abcdefgh\0",
            "Ab",
            "é",
            "e\u{301}",
            "zzzzzzzz",
            "zzzzzzzzz",
            "\u{10FFFF}",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    (prefix(a), a).cmp(&(prefix(b), b)),
                    a.cmp(b),
                    "{a:?} against {b:?}"
                );
            }
        }
    }

    #[test]
    fn ids_do_not_depend_on_input_order() {
        use EntityKind::Person;
        let a = table(&[
            ("Putin", Person),
            ("Vladimir Putin", Person),
            ("Xi", Person),
        ]);
        let b = table(&[
            ("Xi", Person),
            ("Vladimir Putin", Person),
            ("Putin", Person),
        ]);
        for n in ["Putin", "Vladimir Putin", "Xi"] {
            assert_eq!(a.id(n), b.id(n));
        }
    }
}
