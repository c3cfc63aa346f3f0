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
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Name particles: too common to identify anyone on their own.
const PARTICLES: &[&str] = &[
    "al", "and", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
    "e", "el", "ibn", "la", "le", "of", "van", "von", "y",
];

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
        // sorted: nothing below depends on the order they came in
        let surfaces: BTreeMap<&'a str, (bool, usize)> = counted.into_iter().collect();
        // key (joined tokens) -> (token set, soft, surfaces with their title count)
        struct Key<'a> {
            set: BTreeSet<String>,
            soft: bool,
            surfaces: Vec<(usize, usize, &'a str)>,
        }
        let mut keys: BTreeMap<String, Key<'a>> = BTreeMap::new();
        for (&surface, &(soft, uses)) in &surfaces {
            let (toks, titles) = name_key(surface);
            let joined = toks.join(" ");
            let entry = keys.entry(joined).or_insert_with(|| Key {
                set: toks.iter().cloned().collect(),
                soft: false,
                surfaces: Vec::new(),
            });
            entry.soft |= soft;
            entry.surfaces.push((titles, uses, surface));
        }
        let key_list: Vec<(&String, &Key<'a>)> = keys.iter().collect();
        // token -> keys holding it, to find longer names without comparing all pairs
        let mut by_token: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, (_, k)) in key_list.iter().enumerate() {
            for t in &k.set {
                by_token.entry(t.as_str()).or_default().push(i);
            }
        }
        let supersets = |i: usize| -> Vec<usize> {
            let k = key_list[i].1;
            let identifying = k
                .set
                .iter()
                .filter(|t| !PARTICLES.contains(&t.as_str()) && t.chars().count() > 1)
                .min_by_key(|t| (by_token.get(t.as_str()).map_or(0, Vec::len), t.as_str()));
            let Some(tok) = identifying else {
                return Vec::new();
            };
            by_token
                .get(tok.as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| {
                    let l = key_list[j].1;
                    j != i
                        && l.soft == k.soft
                        && l.set.len() > k.set.len()
                        && k.set.is_subset(&l.set)
                })
                .collect()
        };
        let sups: Vec<Vec<usize>> = (0..key_list.len()).map(supersets).collect();
        let maximal: Vec<bool> = sups.iter().map(Vec::is_empty).collect();
        // each key's representative: itself when maximal or ambiguous
        let rep: Vec<usize> = (0..key_list.len())
            .map(|i| {
                let tops: Vec<usize> = sups[i].iter().copied().filter(|&j| maximal[j]).collect();
                match tops.as_slice() {
                    [only] => *only,
                    _ => i,
                }
            })
            .collect();
        let mut entity_of_rep: BTreeMap<usize, u32> = BTreeMap::new();
        let mut entities = Vec::new();
        for &r in &rep {
            if let std::collections::btree_map::Entry::Vacant(v) = entity_of_rep.entry(r) {
                let k = key_list[r].1;
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
                v.insert(entities.len() as u32);
                entities.push(Entity {
                    name,
                    strict: !k.soft,
                });
            }
        }
        let mut ids = HashMap::new();
        for (i, (_, k)) in key_list.iter().enumerate() {
            let id = entity_of_rep.get(&rep[i]).copied().unwrap_or_default();
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
