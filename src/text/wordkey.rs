//! A word of at most [`KEY_BYTES`] ASCII bytes as one integer: the key of the
//! word lists the timex scanner and the event tokenizer look every word up in,
//! so that a look-up hashes and compares one `u128` rather than a byte string.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The longest word a key holds.
pub(crate) const KEY_BYTES: usize = 16;

/// `word` in ASCII lower case, packed little-endian and zero padded (no token
/// holds a zero byte, so the padding cannot make two words equal); `None` when
/// it is longer than [`KEY_BYTES`].
pub(crate) fn pack(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; KEY_BYTES];
    buf.get_mut(..word.len())?
        .iter_mut()
        .zip(word)
        .for_each(|(d, s)| *d = s.to_ascii_lowercase());
    Some(u128::from_le_bytes(buf))
}

/// `word` as written (no case folding), zero padded; `None` when it is longer
/// than [`KEY_BYTES`] or ends in a zero byte, whose padding would make it
/// equal to a shorter word. For keys of arbitrary strings (folded names).
#[inline]
pub(crate) fn pack_exact(word: &[u8]) -> Option<u128> {
    if word.last() == Some(&0) {
        return None;
    }
    let mut buf = [0u8; KEY_BYTES];
    buf.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(buf))
}

/// A multiplicative hash for packed keys: one multiply, high bits folded in.
/// The key sets are compiled in, so DoS resistance buys nothing here.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u128(&mut self, x: u128) {
        let folded = (x as u64) ^ ((x >> 64) as u64).rotate_left(31);
        self.0 = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map from packed words.
pub(crate) type KeyMap<V> = HashMap<u128, V, BuildHasherDefault<KeyHasher>>;

#[cfg(test)]
mod tests {
    use super::{pack, pack_exact};

    #[test]
    fn keys_fold_case_and_refuse_long_words() {
        assert_eq!(pack(b"Monday"), pack(b"monday"));
        assert_ne!(pack(b"may"), pack(b"mayo"));
        assert!(pack(b"sixteen-letters!").is_some());
        assert!(pack(b"seventeen-letters").is_none());
    }

    #[test]
    fn exact_keys_keep_case_and_refuse_a_trailing_zero() {
        assert_ne!(pack_exact(b"Monday"), pack_exact(b"monday"));
        assert_eq!(pack_exact(b"monday"), pack(b"monday"));
        assert!(pack_exact(b"a\0").is_none());
        assert!(pack_exact(b"seventeen-letters").is_none());
    }
}
