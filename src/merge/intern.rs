//! Distinct strings by first sight, for the merge's scan over a million
//! mentions.
//!
//! The scan asks for the id of every article, name and place of every mention:
//! most asks find a string seen before, among tens of thousands. A std map of
//! boxed strings touches three places in memory per ask (its control bytes,
//! its bucket, the key's own allocation), each a cache miss once the table
//! outgrows the cache, and hashes with SipHash. Here an ask touches a slot of
//! eight bytes (part of the hash and where the key is) and then the key's
//! record, which holds the id next to the bytes, in one arena: two places,
//! both in memory compact enough to stay in cache longer.
//!
//! The hash is a fast one written here, not keyed: an input made to collide
//! would only make probes long, and probes are bounded (a key that finds no
//! place near its home goes to a std map, SipHash-keyed), so no input costs
//! more than a bounded number of probes per ask.

use std::collections::HashMap;

/// Most slots one ask looks at before the key goes to (or is looked for in)
/// the overflow map.
const PROBES: usize = 32;

/// Distinct strings by first sight: `id` gives each new string the next id.
#[derive(Default)]
pub(super) struct Interner {
    /// Open addressing, linear probing: 0 is an empty slot, else the high 32
    /// bits of the key's hash (lowest bit forced on) over the offset of its
    /// record in `arena`.
    slots: Vec<u64>,
    /// Records one after the other: id (u32 LE), length (u32 LE), bytes.
    arena: Vec<u8>,
    /// By id: the record's offset in `arena`, or [`u32::MAX`] for a string in
    /// `overflow`.
    records: Vec<u32>,
    /// Strings that found no slot within [`PROBES`] of their home, or whose
    /// record would lie beyond what a slot can address.
    overflow: HashMap<Box<str>, u32>,
}

/// 64x64 -> 128 bit multiply, folded.
fn mix(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

fn hash(s: &[u8]) -> u64 {
    const K0: u64 = 0xA076_1D64_78BD_642F;
    const K1: u64 = 0xE703_7ED1_A0B4_28DB;
    const K2: u64 = 0x8EBC_6AF0_9C88_C6E3;
    let mut h = (s.len() as u64) ^ K0;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let w = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
        h = mix(h ^ w, K1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        if let Some(head) = b.get_mut(..rest.len()) {
            head.copy_from_slice(rest);
        }
        h = mix(h ^ u64::from_le_bytes(b), K1);
    }
    mix(h, K2)
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(<[u8; 4]>::try_from(b).ok()?))
}

impl Interner {
    /// How many distinct strings.
    pub(super) fn len(&self) -> usize {
        self.records.len()
    }

    /// The id of `s`: the number of distinct strings seen before it, if it is
    /// new.
    #[inline]
    pub(super) fn id(&mut self, s: &str) -> u32 {
        self.id_hashed(s, hash(s.as_bytes()))
    }

    /// The hash [`Interner::id`] looks `s` up by.
    #[inline]
    pub(super) fn hash(s: &str) -> u64 {
        hash(s.as_bytes())
    }

    /// Reads the slot that a key of hash `h` looks at first, and returns it:
    /// see [`Interner::warm_record`].
    #[inline]
    pub(super) fn warm_slot(&self, h: u64) -> u64 {
        let mask = self.slots.len().wrapping_sub(1);
        self.slots.get((h as usize) & mask).copied().unwrap_or(0)
    }

    /// Reads the first bytes of the record that `slot` (read by
    /// [`Interner::warm_slot`]) points to, and returns them.
    ///
    /// A lookup reads a slot and then a record, the second where the first
    /// says: two cache misses one after the other, once the table outgrows
    /// the cache. A caller that knows its next keys warms their slots in one
    /// loop and then their records in another, so that the misses of many
    /// keys overlap instead; the lookups that follow find both in cache.
    /// The result only keeps the loads from being optimised away.
    #[inline]
    pub(super) fn warm_record(&self, slot: u64) -> u64 {
        if slot == 0 {
            return 0;
        }
        let at = (slot as u32) as usize;
        self.arena.get(at).copied().map_or(0, u64::from)
    }

    /// [`Interner::id`] of `s`, whose hash `h` ([`Interner::hash`]) is known.
    #[inline]
    pub(super) fn id_hashed(&mut self, s: &str, h: u64) -> u32 {
        let key = s.as_bytes();
        let tag = (h >> 32) | 1;
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (h as usize) & mask;
        for _ in 0..PROBES {
            let Some(&slot) = self.slots.get(at) else {
                break;
            };
            if slot == 0 {
                return self.add(s, tag, Some(at));
            }
            if slot >> 32 == tag {
                if let Some(id) = self.record(slot as u32, key) {
                    return id;
                }
            }
            at = (at + 1) & mask;
        }
        self.add(s, tag, None)
    }

    /// The id of `s`, not found in the slots: in the overflow map, or new (in
    /// the free slot `free`, if any, else in the overflow map).
    #[cold]
    #[inline(never)]
    fn add(&mut self, s: &str, tag: u64, free: Option<usize>) -> u32 {
        if !self.overflow.is_empty() {
            if let Some(&id) = self.overflow.get(s) {
                return id;
            }
        }
        if self.slots.is_empty() {
            self.grow();
            return self.id(s);
        }
        let id = self.records.len() as u32;
        let end = self.arena.len().saturating_add(8).saturating_add(s.len());
        match (free, u32::try_from(self.arena.len())) {
            (Some(at), Ok(offset)) if end < u32::MAX as usize => {
                self.arena.extend_from_slice(&id.to_le_bytes());
                self.arena
                    .extend_from_slice(&(s.len() as u32).to_le_bytes());
                self.arena.extend_from_slice(s.as_bytes());
                if let Some(slot) = self.slots.get_mut(at) {
                    *slot = (tag << 32) | u64::from(offset);
                }
                self.records.push(offset);
                self.grow();
            }
            _ => {
                self.overflow.insert(s.into(), id);
                self.records.push(u32::MAX);
            }
        }
        id
    }

    /// The id of the record at `offset` if it holds `key`.
    fn record(&self, offset: u32, key: &[u8]) -> Option<u32> {
        let at = offset as usize;
        let len = read_u32(&self.arena, at + 4)? as usize;
        if len != key.len() || self.arena.get(at + 8..at + 8 + len)? != key {
            return None;
        }
        read_u32(&self.arena, at)
    }

    /// The bytes of the record at `offset`.
    fn key(&self, offset: u32) -> Option<&[u8]> {
        let at = offset as usize;
        let len = read_u32(&self.arena, at + 4)? as usize;
        self.arena.get(at + 8..at + 8 + len)
    }

    /// Doubles the slots when more than half are taken (or there are none): a
    /// fuller table of linear probes has long runs, and keys past [`PROBES`].
    fn grow(&mut self) {
        let used = self.records.len() - self.overflow.len();
        if !self.slots.is_empty() && used * 2 <= self.slots.len() {
            return;
        }
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|&s| s != 0) {
            let offset = slot as u32;
            let Some(key) = self.key(offset) else {
                continue;
            };
            let home = (hash(key) as usize) & mask;
            let free = (0..PROBES)
                .map(|k| (home + k) & mask)
                .find(|&at| self.slots.get(at) == Some(&0));
            match free {
                Some(at) => {
                    if let Some(s) = self.slots.get_mut(at) {
                        *s = slot;
                    }
                }
                None => {
                    // too far from home in the larger table: the overflow map
                    // holds it from now on
                    let id = read_u32(&self.arena, offset as usize);
                    let text = std::str::from_utf8(key).ok().map(Box::<str>::from);
                    if let (Some(id), Some(text)) = (id, text) {
                        self.overflow.insert(text, id);
                        if let Some(r) = self.records.get_mut(id as usize) {
                            *r = u32::MAX;
                        }
                    }
                }
            }
        }
    }

    /// The strings, by id.
    pub(super) fn strings(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .records
            .iter()
            .map(|&r| {
                self.key(r)
                    .and_then(|k| std::str::from_utf8(k).ok())
                    .unwrap_or_default()
            })
            .collect();
        for (s, &id) in &self.overflow {
            if let Some(slot) = v.get_mut(id as usize) {
                *slot = s;
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_by_first_sight_and_strings_by_id() {
        let mut i = Interner::default();
        let words: Vec<String> = (0..5000).map(|k| format!("w{}", k * 7919 % 5003)).collect();
        let mut want: Vec<&str> = Vec::new();
        for w in &words {
            let id = i.id(w);
            match want.iter().position(|x| x == w) {
                Some(p) => assert_eq!(id as usize, p),
                None => {
                    assert_eq!(id as usize, want.len());
                    want.push(w);
                }
            }
        }
        assert_eq!(i.len(), want.len());
        assert_eq!(i.strings(), want);
        // asked again, each string keeps its id
        for (k, w) in want.iter().enumerate() {
            assert_eq!(i.id(w) as usize, k);
        }
        assert_eq!(i.id(""), want.len() as u32);
        assert_eq!(i.id(""), want.len() as u32);
        assert_eq!(i.strings().last(), Some(&""));
    }

    #[test]
    fn lookups_by_a_hash_known_ahead_give_the_same_ids() {
        let mut by_hash = Interner::default();
        let mut plain = Interner::default();
        let words: Vec<String> = (0..3000).map(|k| format!("n{}", k * 31 % 1009)).collect();
        for w in &words {
            let h = Interner::hash(w);
            // what a batch reads ahead: nothing while the table is empty, else
            // the slot the key lands on first and the record it points to
            let slot = by_hash.warm_slot(h);
            let record = by_hash.warm_record(slot);
            if slot == 0 {
                assert_eq!(record, 0);
            }
            assert_eq!(by_hash.id_hashed(w, h), plain.id(w));
        }
        assert_eq!(by_hash.strings(), plain.strings());
        // a key seen before lands on a taken slot, whose record is not empty
        let h = Interner::hash(&words[0]);
        assert_ne!(by_hash.warm_slot(h), 0);
    }

    #[test]
    fn strings_in_the_overflow_map_keep_their_ids() {
        let mut i = Interner::default();
        let many: Vec<String> = (0..20_000).map(|k| format!("name {k} of many")).collect();
        for (k, w) in many.iter().enumerate() {
            assert_eq!(i.id(w) as usize, k);
        }
        // as if every key had found its home crowded: all in the overflow map
        for (s, r) in i
            .strings()
            .iter()
            .zip(0u32..)
            .map(|(s, r)| (s.to_string(), r))
            .collect::<Vec<_>>()
        {
            i.overflow.insert(s.into(), r);
        }
        i.slots.iter_mut().for_each(|s| *s = 0);
        i.records.iter_mut().for_each(|r| *r = u32::MAX);
        for (k, w) in many.iter().enumerate() {
            assert_eq!(i.id(w) as usize, k);
        }
        assert_eq!(i.id("new"), 20_000);
        let strings = i.strings();
        assert_eq!(strings.len(), 20_001);
        assert_eq!(strings.get(123), Some(&"name 123 of many"));
        assert_eq!(strings.last(), Some(&"new"));
    }

    #[test]
    fn keys_whose_neighbourhood_is_full_go_to_the_overflow_map() {
        let mut i = Interner::default();
        assert_eq!(i.id("first"), 0);
        // every slot taken by a tag that matches nothing (as if colliding keys
        // had filled the table): a new key finds no free slot within its probes
        let junk = (u64::from(u32::MAX) << 32) | u64::from(u32::MAX - 1);
        i.slots.iter_mut().for_each(|s| *s = junk);
        assert_eq!(i.id("second"), 1);
        assert_eq!(i.id("third"), 2);
        assert_eq!(i.id("second"), 1);
        assert_eq!(i.overflow.len(), 2);
        assert_eq!(i.strings().get(1..), Some(&["second", "third"][..]));
    }
}
