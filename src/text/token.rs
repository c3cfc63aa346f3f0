//! Tokens: words, numbers, punctuation and symbols, as byte spans.
//!
//! One pass over the bytes with an ASCII fast path; non-ASCII characters are
//! decoded one at a time and classified with the standard library's Unicode
//! tables. A token never crosses white space.
//!
//! - Words take inner apostrophes and hyphens ("don't", "Maduro’s", "US-led") and,
//!   for initialisms, inner and final periods ("U.S.", "a.m.", "Ph.D."): a period
//!   joins only segments of one or two letters, so "Venezuela.American" is three
//!   tokens.
//! - Numbers take inner `. , : / -` between digits ("3.5", "10,000", "9:59",
//!   "2019-09-24") and an ordinal or decade suffix ("11th", "1990s").
//! - Punctuation runs of the same mark are one token ("...", "--", "``", "''"),
//!   and so are runs of `!` and `?` ("?!").

use super::{Token, TokenKind};
use crate::Span;

#[derive(Copy, Clone, PartialEq, Eq)]
enum Class {
    Space,
    Letter,
    Digit,
    Punct,
    Symbol,
}

const fn ascii_class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Class::Space,
        b'$' | b'%' | b'+' | b'<' | b'=' | b'>' | b'^' | b'|' | b'~' => Class::Symbol,
        0x21..=0x7e => Class::Punct,
        _ => Class::Symbol,
    }
}

/// ASCII letters and digits: the bytes a word continues with on the fast path.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

static ASCII: [Class; 128] = {
    let mut t = [Class::Symbol; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = ascii_class(i as u8);
        i += 1;
    }
    t
};

/// White space for segmentation: Unicode white space plus the invisible
/// characters scrapers leave behind (zero-width space, byte-order mark).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}' | '\u{180E}')
}

/// Combining marks, joiners and variation selectors: they extend the token
/// before them.
fn is_extender(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF)
}

/// General punctuation outside ASCII: dashes, curly quotes, ellipsis, bullets,
/// guillemets, inverted marks, CJK and full-width punctuation.
pub(crate) fn is_unicode_punct(c: char) -> bool {
    matches!(c as u32,
        0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011
        | 0x3014..=0x301F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65)
        || matches!(c, '¡' | '¿' | '«' | '»' | '·' | '§' | '¶' | '‹' | '›')
}

fn class_of(c: char) -> Class {
    if (c as u32) < 128 {
        return ASCII[c as usize];
    }
    if c.is_alphabetic() || is_extender(c) {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else if is_space(c) {
        Class::Space
    } else if is_unicode_punct(c) {
        Class::Punct
    } else {
        Class::Symbol
    }
}

/// The char at byte `i` of `text` (a char boundary below `end`), with its length.
#[inline]
fn char_at(text: &str, i: usize, end: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if i >= end {
        return None;
    }
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Appends the tokens of `text[start..end]` to `out`. `start` and `end` must be
/// char boundaries (they are: the segmenter only cuts at ASCII bytes and at
/// boundaries found by `char_indices`).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    while i < end {
        let b = bytes[i];
        let (class, len) = if b < 0x80 {
            (ASCII[b as usize], 1)
        } else {
            match char_at(text, i, end) {
                Some((c, l)) => (class_of(c), l),
                None => return,
            }
        };
        let (j, kind) = match class {
            Class::Space => {
                i += len;
                continue;
            }
            Class::Letter => (scan_word(text, i, end), TokenKind::Word),
            Class::Digit => (scan_number(text, i, end), TokenKind::Number),
            Class::Punct => (scan_punct(text, i, len, end), TokenKind::Punct),
            Class::Symbol => (scan_symbol(text, i + len, end), TokenKind::Symbol),
        };
        let j = j.max(i + len).min(end);
        out.push(Token {
            span: Span::new(i, j),
            kind,
        });
        i = j;
    }
}

fn scan_word(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    // Letters in the current period-separated segment, and whether the word has
    // had an inner period (an initialism).
    let mut seg = 0usize;
    let mut dotted = false;
    loop {
        while j < end {
            // The ASCII run in one slice pass (no bounds check per byte).
            let run = bytes
                .get(j..end)
                .unwrap_or(&[])
                .iter()
                .position(|&b| !ALNUM[usize::from(b)])
                .unwrap_or(end - j);
            j += run;
            seg += run;
            let Some(&b) = bytes.get(j).filter(|_| j < end) else {
                break;
            };
            if b < 0x80 {
                break;
            }
            match char_at(text, j, end) {
                Some((c, l)) if c.is_alphanumeric() || is_extender(c) => {
                    j += l;
                    seg += 1;
                }
                _ => break,
            }
        }
        // Most words end at a space or an ASCII mark that joins nothing.
        match bytes.get(j) {
            Some(b'\'' | b'-' | b'.') | Some(0x80..) if j < end => {}
            _ => break,
        }
        let Some((c, l)) = char_at(text, j, end) else {
            break;
        };
        if !matches!(c, '\'' | '’' | 'ʼ' | '-' | '\u{2010}' | '\u{2011}' | '.') {
            break;
        }
        let next = char_at(text, j + l, end).map(|(n, _)| n);
        match c {
            '\'' | '’' | 'ʼ' if next.is_some_and(char::is_alphabetic) => {
                j += l;
                seg = 0;
            }
            '-' | '\u{2010}' | '\u{2011}' if next.is_some_and(char::is_alphanumeric) => {
                j += l;
                seg = 0;
            }
            '.' if seg <= 2 && next.is_some_and(char::is_alphabetic) => {
                j += 1;
                seg = 0;
                dotted = true;
            }
            '.' if dotted && seg <= 2 => {
                j += 1;
                break;
            }
            _ => break,
        }
    }
    j
}

fn scan_digits(bytes: &[u8], mut j: usize, end: usize) -> usize {
    while j < end && bytes[j].is_ascii_digit() {
        j += 1;
    }
    j
}

fn scan_number(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes[start] >= 0x80 {
        // Non-ASCII digits: a run of numeric characters.
        let mut j = start;
        while let Some((c, l)) = char_at(text, j, end) {
            if !c.is_numeric() {
                break;
            }
            j += l;
        }
        return j;
    }
    let mut j = scan_digits(bytes, start, end);
    while j + 1 < end
        && matches!(bytes[j], b'.' | b',' | b':' | b'/' | b'-')
        && bytes[j + 1].is_ascii_digit()
    {
        j = scan_digits(bytes, j + 1, end);
    }
    // An ordinal or decade suffix, when nothing else is glued to it.
    let k = j + bytes[j..end]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if k > j && k - j <= 2 {
        let glued = k < end && (bytes[k].is_ascii_alphanumeric() || bytes[k] >= 0x80);
        let suffix = &bytes[j..k];
        let ok = ["st", "nd", "rd", "th", "s"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s.as_bytes()));
        if ok && !glued {
            j = k;
        }
    }
    j
}

fn scan_punct(text: &str, start: usize, len: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[start];
    if len != 1 {
        return start + len;
    }
    let mut j = start + 1;
    match b {
        b'.' | b'-' | b'`' | b'\'' | b'_' | b'*' => {
            while j < end && bytes[j] == b {
                j += 1;
            }
        }
        b'!' | b'?' => {
            while j < end && matches!(bytes[j], b'!' | b'?') {
                j += 1;
            }
        }
        _ => {}
    }
    j
}

fn scan_symbol(text: &str, mut j: usize, end: usize) -> usize {
    // Emoji sequences: marks, variation selectors and zero-width joiners (with
    // the character each joiner joins) stay in one token.
    while let Some((c, l)) = char_at(text, j, end) {
        if c == '\u{200D}' {
            j += l;
            if let Some((n, nl)) = char_at(text, j, end) {
                if !is_space(n) {
                    j += nl;
                }
            }
        } else if is_extender(c) {
            j += l;
        } else {
            break;
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter().map(|t| (&s[t.span.range()], t.kind)).collect()
    }

    fn words(s: &str) -> Vec<&str> {
        toks(s).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn words_keep_inner_marks() {
        assert_eq!(
            words("Maduro’s US-led U.S. don't O'SMACH Ph.D. a.m."),
            [
                "Maduro’s",
                "US-led",
                "U.S.",
                "don't",
                "O'SMACH",
                "Ph.D.",
                "a.m."
            ]
        );
        assert_eq!(words("Venezuela.American"), ["Venezuela", ".", "American"]);
        assert_eq!(words("Mr. Howes'"), ["Mr", ".", "Howes", "'"]);
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(
            words("3.5 10,000 9:59 2019-09-24 11th 1990s 5pm No.2"),
            [
                "3.5",
                "10,000",
                "9:59",
                "2019-09-24",
                "11th",
                "1990s",
                "5",
                "pm",
                "No",
                ".",
                "2"
            ]
        );
        assert_eq!(toks("9:59")[0].1, TokenKind::Number);
    }

    #[test]
    fn punctuation_runs() {
        assert_eq!(
            words("Wait... ``No'' ?! “Yes” — $5"),
            ["Wait", "...", "``", "No", "''", "?!", "“", "Yes", "”", "—", "$", "5"]
        );
        assert_eq!(toks("$")[0].1, TokenKind::Symbol);
        assert_eq!(toks("…")[0].1, TokenKind::Punct);
    }

    #[test]
    fn odd_characters() {
        assert_eq!(words("a\u{200B}b"), ["a", "b"]);
        assert_eq!(words("e\u{301}t\u{e9}"), ["e\u{301}t\u{e9}"]);
        assert_eq!(words("👍🏽 ok"), ["👍🏽", "ok"]);
        assert_eq!(words("\0x"), ["\0", "x"]);
    }
}
