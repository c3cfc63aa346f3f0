//! What the article says of an event: occurred, planned, ongoing, negated,
//! hypothetical or reported, read from the trigger's form and its clause.

use super::entities::{is_in, lw, Mention, Tok, W_MODAL_HYP, W_MODAL_PLAN, W_NEG, W_REPORTING};
use super::extract::Found;
use super::lexicon::Form;
use super::Status;
use crate::text::Document;
use crate::Span;

/// Whose words carry the trigger.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Voice {
    /// The article's own narration: its tense is anchored at publication.
    Narrator,
    /// A quotation or first-person text (a quoted tweet): its "now" is not the
    /// publication date.
    Quoted,
}

pub(super) const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "tweeted",
    "wrote",
    "writes",
    "confirmed",
    "reported",
    "reports",
    "claimed",
    "claims",
    "stated",
    "added",
    "insisted",
    "according",
    "detailed",
    "explained",
    "assured",
    "noted",
    "recalled",
    "stressed",
];
pub(super) const MODAL_PLAN: &[&str] = &[
    "will",
    "shall",
    "plans",
    "plan",
    "planned",
    "planning",
    "going",
    "expected",
    "scheduled",
    "set",
    "due",
    "intends",
    "intend",
    "aims",
    "wants",
    "hopes",
    "upcoming",
    "seeks",
    "prepares",
    "preparing",
    "ready",
];
pub(super) const MODAL_HYP: &[&str] = &[
    "could", "might", "may", "if", "unless", "should", "possible", "possibly", "whether",
    "perhaps", "maybe", "likely", "unlikely", "would",
    // a law "that allows the government to impose sanctions" permits, it does not report
    "allow", "allows", "allowing", "enable", "enables", "enabling",
];
pub(super) const NEG: &[&str] = &["not", "never", "no", "neither", "nor", "without", "cannot"];
/// Verbs that call an event off or refuse it: "cancelled the visit", "refused to
/// sign", "declined to meet"; read in the few words before the trigger, or after
/// a nominal with "be" ("the meeting was cancelled").
const CALL_OFF: &[&str] = &[
    "cancel",
    "cancels",
    "cancelled",
    "canceled",
    "cancelling",
    "canceling",
    "scrap",
    "scraps",
    "scrapped",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "decline",
    "declines",
    "declined",
    "declining",
];
pub(super) const BE: &[&str] = &["is", "are", "am", "was", "were", "be", "been", "being"];

/// How far back, in bytes, an open quotation mark is looked for.
const QUOTE_LOOKBACK: usize = 4_000;

/// Whether the trigger is in a quotation or first-person text.
pub(crate) fn voice(
    text: &str,
    doc: &Document<'_>,
    block: usize,
    st: &[Tok],
    sentence: Span,
    f: &Found,
    mentions: &[Mention],
) -> Voice {
    let _ = mentions;
    let start = doc
        .blocks()
        .get(block)
        .map_or(sentence.start, |b| b.span.start);
    // Quotes are counted from the block's start, but no further back than a few
    // paragraphs' worth, so a run-on block costs linear time, not quadratic.
    let mut start = start.max(f.span.start.saturating_sub(QUOTE_LOOKBACK));
    while start < f.span.start && !text.is_char_boundary(start) {
        start += 1;
    }
    let before = text.get(start..f.span.start).unwrap_or("");
    let (open, close, straight) = count_quotes(before);
    if open > close || straight % 2 == 1 {
        return Voice::Quoted;
    }
    // First person in the trigger's clause: a quoted tweet or statement.
    let (lo, hi) = f.clause;
    let first_person = st[lo.min(st.len())..hi.min(st.len())].iter().any(|t| {
        t.word && {
            let w = lw(text, t);
            // Each is at most three bytes: longer words need no comparison.
            w.len() <= 3 && (w == "I" || is_in(w, &["my", "we", "our", "us", "me"]))
        }
    });
    if first_person {
        Voice::Quoted
    } else {
        Voice::Narrator
    }
}

/// The numbers of `“`, `”` and `"` in `s`, in one vectorised pass: the three
/// `matches().count()` scans this replaces were a tenth of the event stage.
fn count_quotes(s: &str) -> (usize, usize, usize) {
    let b = s.as_bytes();
    let (mut open, mut close, mut straight) = (0, 0, 0);
    // `“` is E2 80 9C and `”` is E2 80 9D; in valid UTF-8, E2 only starts a char.
    for i in memchr::memchr2_iter(b'"', 0xE2, b) {
        if b.get(i) == Some(&b'"') {
            straight += 1;
        } else {
            match b.get(i + 1..i + 3) {
                Some([0x80, 0x9C]) => open += 1,
                Some([0x80, 0x9D]) => close += 1,
                _ => {}
            }
        }
    }
    (open, close, straight)
}

/// The status of a trigger from its form, its clause and the sentence around it.
pub(crate) fn status(text: &str, st: &[Tok], f: &Found, headline: bool) -> Status {
    let (a, b) = f.toks;
    let lo = f.clause.0.min(a);
    let window = &st[lo.saturating_sub(0)..a];
    // The ten words nearest before the trigger, nearest first, without allocating.
    let mut near_buf: [&str; 10] = [""; 10];
    // The word lists each of them is in (see `Tok::lex`).
    let mut near_lex = 0u32;
    let mut n_near = 0;
    // "Prime Minister Clara May met", "signed in May": a capitalised "May" is a
    // name or a month, never the modal, but in a headline's capitalised words
    // ("Talks May Resume").
    let counted = |t: &&Tok| t.word && (headline || !t.cap || lw(text, t) != "May");
    for (slot, t) in near_buf.iter_mut().zip(window.iter().rev().filter(counted)) {
        *slot = lw(text, t);
        near_lex |= t.lex;
        n_near += 1;
    }
    let near = near_buf.get(..n_near).unwrap_or(&[]);
    let has = |list: &[&str]| near.iter().any(|w| is_in(w, list));
    let has_class = |bit: u32| near_lex & bit != 0;
    let negated = has_class(W_NEG)
        || near
            .iter()
            .any(|w| w.ends_with("n't") || w.ends_with("n’t"));
    // "the signing of agreements is not expected": negation after a nominal.
    let mut after_buf: [&str; 5] = [""; 5];
    let mut n_after = 0;
    for (slot, t) in after_buf
        .iter_mut()
        .zip(st[b.min(st.len())..].iter().take(5).filter(|t| t.word))
    {
        *slot = lw(text, t);
        n_after += 1;
    }
    let after = after_buf.get(..n_after).unwrap_or(&[]);
    let after_be = after
        .iter()
        .take(3)
        .any(|w| is_in(w, BE) || is_in(w, &["will"]));
    let after_neg = after_be && after.iter().any(|w| is_in(w, &["not", "never"]));
    let after_plan = after_be
        && after
            .iter()
            .any(|w| is_in(w, &["expected", "scheduled", "planned", "set", "due"]));
    let det_before = a
        .checked_sub(1)
        .and_then(|p| st.get(p))
        .is_some_and(|t| is_in(lw(text, t), &["the", "a", "an"]));
    let nominal = matches!(f.entry.form, Form::Noun) || (f.entry.form == Form::Ger && det_before);
    // "has yet to visit": not done so far.
    let yet_to = matches!(near, [to, yet, ..]
        if to.eq_ignore_ascii_case("to") && yet.eq_ignore_ascii_case("yet"));
    let called_off = yet_to
        || near.iter().take(3).any(|w| is_in(w, CALL_OFF))
        || (nominal && after_be && after.iter().any(|w| is_in(w, CALL_OFF)));
    if negated || called_off || (nominal && after_neg && after_plan) {
        return Status::Negated;
    }
    // A scan of the sentence so far: only when a rule below needs it.
    let reported_before = || {
        st[..lo.min(st.len())]
            .iter()
            .chain(window.iter())
            .any(|t| t.word && t.is(W_REPORTING) && t.span.start < f.span.start)
    };
    if has(&["would"]) && reported_before() {
        return Status::Planned;
    }
    if has_class(W_MODAL_HYP) {
        return Status::Hypothetical;
    }
    let prev = a
        .checked_sub(1)
        .and_then(|p| st.get(p))
        .map(|t| lw(text, t));
    // "to + verb" is planned in a headline ("Obama to Receive Netanyahu") or after a
    // verb of intent, which MODAL_PLAN already reads.
    let to_before = headline
        && prev.is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && matches!(f.entry.form, Form::Base);
    if has_class(W_MODAL_PLAN)
        || near
            .iter()
            .any(|w| w.ends_with("'ll") || w.ends_with("’ll"))
        || to_before
        || (nominal && after_plan)
    {
        return Status::Planned;
    }
    let be_before = prev.is_some_and(|w| is_in(w, &["is", "are", "am", "'s", "’s", "'re", "’re"]));
    if f.entry.form == Form::Prog || (f.entry.form == Form::Ger && be_before) {
        return Status::Ongoing;
    }
    if f.voice == Voice::Quoted || reported_before() {
        return Status::Reported;
    }
    Status::Occurred
}
