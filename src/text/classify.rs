//! Block classification: headline, body, quote, caption, comment, furniture,
//! related links.
//!
//! The cues are general, in this order:
//!
//! 1. Phrases kept as data (`data/furniture.txt`): furniture ("Advertisement",
//!    "Subscribe to our newsletter", "Listen to this article", language links),
//!    end-of-article markers ("More Articles"), tag-list heads ("Tags:"),
//!    comment-section and comment-form headers ("3 thoughts on", "Leave a
//!    Reply"), photo credits ("File photo", "(AP Photo/...)", "/ Via REUTERS").
//!    Short lines with an e-mail address, bare links and share bars made only of
//!    share words are furniture too.
//! 2. A comment-section header that comes after the article has started opens the
//!    comment section: every block after it is a comment (or furniture when a
//!    phrase says so), up to an end-of-article marker.
//! 3. Captions: a short line repeated right after itself (the second copy with a
//!    credit), and short verbless title-case lines with a period ("President of
//!    Russia Vladimir Putin.").
//! 4. Prose blocks (sentences with final punctuation) mark the article body.
//!    Heading-like bullet items before the first prose block and runs of short
//!    bullet items are related links; heading-like lines after the last prose
//!    block or after an end-of-article marker are related links; other
//!    heading-like lines are headlines; the rest is body.
//! 5. Quotes: a body block set wholly in quotes, an embedded tweet, or a block
//!    after a lead-in that ends with a colon ("...in the following tweet:") when
//!    it reads like speech (first person, a continuation "… affect", a speech
//!    lead-in).

use super::block::{ends_terminal, RawBlock};
use super::lexicon::{lexicon, normalize, Lexicon, Tag};
use super::{BlockKind, Token, TokenKind};
use std::ops::Range;

/// A block with its tokens, before classification.
pub(crate) struct Pending {
    pub raw: RawBlock,
    pub tokens: Range<usize>,
    pub sentences: usize,
}

#[derive(Default, Clone)]
struct Feat {
    words: usize,
    caps: usize,
    content: usize,
    heading: bool,
    terminal: bool,
    colon: bool,
    period: bool,
    phrase: Option<Tag>,
    email: bool,
    url: bool,
    share: bool,
    verb: bool,
    quoted: bool,
    continuation: bool,
    tweet: bool,
    speech_lead: bool,
    label: bool,
}

const FUNCTION_WORDS: [&str; 20] = [
    "of", "the", "and", "in", "at", "to", "for", "a", "an", "on", "with", "by", "de", "la", "del",
    "y", "el", "from", "as", "via",
];

const FIRST_PERSON: [&str; 8] = ["we", "my", "our", "us", "me", "you", "your", "ours"];

/// Lead-in words before a colon that announce a quote ("said:", "tweet:").
const QUOTE_LEADS: [&str; 16] = [
    "said",
    "says",
    "wrote",
    "writes",
    "tweeted",
    "tweet",
    "tweets",
    "statement",
    "message",
    "post",
    "posted",
    "declared",
    "stated",
    "added",
    "following",
    "reads",
];

fn features(text: &str, p: &Pending, tokens: &[Token], lx: &Lexicon) -> Feat {
    let toks = tokens.get(p.tokens.clone()).unwrap_or(&[]);
    let whole = text.get(p.raw.start..p.raw.end).unwrap_or("");
    let body = text.get(p.raw.body..p.raw.end).unwrap_or("");
    let mut f = Feat {
        words: toks
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count(),
        ..Feat::default()
    };
    // The finer counts only matter for short blocks (captions, share bars).
    if f.words <= 14 {
        let mut share_words = 0;
        for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
            let s = text.get(t.span.range()).unwrap_or("");
            let first = s.chars().next().unwrap_or(' ');
            if first.is_uppercase() {
                f.caps += 1;
                f.content += 1;
            } else if !FUNCTION_WORDS.iter().any(|w| s.eq_ignore_ascii_case(w)) {
                f.content += 1;
            }
            if first.is_lowercase() && !f.verb && lx.is_verb_cue(s) {
                f.verb = true;
            }
            if f.words <= 10 && lx.is_share(s) {
                share_words += 1;
            }
        }
        f.label = whole.contains([':', ';']);
        let numbers = toks.iter().filter(|t| t.kind == TokenKind::Number).count();
        f.share =
            f.words > 0 && f.words <= 10 && share_words + numbers == f.words && share_words > 0;
    }
    f.heading = p.raw.heading;
    f.terminal = ends_terminal(whole);
    f.colon = whole.trim_end().ends_with(':');
    f.period = whole
        .trim_end_matches(['”', '’', '"', '\'', ')', ']'])
        .ends_with('.');
    // `whole.lines().next()`, with the crate's vectorised search for the break.
    let first_line = match memchr::memchr(b'\n', whole.as_bytes()) {
        Some(k) => {
            let l = whole.get(..k).unwrap_or("");
            l.strip_suffix('\r').unwrap_or(l)
        }
        None => whole,
    };
    let line = normalize(first_line);
    if f.words <= 60 {
        // Contains and suffix phrases are only safe, and only worth the scan,
        // on short blocks.
        let short = f.words <= 40 && p.sentences <= 3 && line.len() <= 300;
        // Scanning for contains phrases is the costly part: only where they
        // decide something, on short lines.
        let inside = (short && f.words <= 25)
            .then(|| lx.contained(line))
            .flatten();
        f.phrase = lx.phrase_with(line, short, inside);
    }
    f.email = f.words <= 20 && has_email(whole);
    let starts = |p: &str| {
        whole
            .as_bytes()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    f.url = f.words <= 4 && (starts("http") || starts("www.")) && !whole.contains(' ');
    f.quoted = wholly_quoted(body, whole);
    f.continuation =
        body.starts_with(['…', '.']) || body.chars().next().is_some_and(char::is_lowercase);
    f.tweet = (whole.starts_with(['—', '–', '-']) && whole.contains("(@"))
        || (f.words <= 80 && has_picture_link(whole));
    if f.colon {
        let lead = whole.trim_end().trim_end_matches(':');
        let last = lead
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        f.speech_lead =
            QUOTE_LEADS.iter().any(|w| last.eq_ignore_ascii_case(w)) || lx.is_speech(last);
    }
    f
}

/// Whether a block holds an embedded tweet's picture link. The searcher is
/// built once: most blocks are searched, and building it costs more than
/// searching a paragraph.
fn has_picture_link(block: &str) -> bool {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER
        .get_or_init(|| memchr::memmem::Finder::new("pic.twitter.com"))
        .find(block.as_bytes())
        .is_some()
}

/// Whether a block is one quotation: it opens with a quote mark and ends with
/// one right after final punctuation (`“We will win.”`), not a quote that an
/// attribution continues (`“We will win,” he said.`).
fn wholly_quoted(body: &str, whole: &str) -> bool {
    let opens = body.starts_with(['“', '"', '‘', '«']) || body.starts_with("``");
    let closes = whole.ends_with(['”', '"', '’', '»']) || whole.ends_with("''");
    if !opens || !closes {
        return false;
    }
    let inner = whole.trim_end_matches(['”', '"', '’', '»', '\'']);
    inner.ends_with(['.', '!', '?', '…', ','])
        && whole.matches(['”', '»']).count() <= 1
        && whole.matches('"').count() <= 2
        && whole.matches("''").count() <= 1
}

/// Whether a block speaks in the first or second person ("I", "we", "our").
fn first_person(text: &str, b: &Pending, tokens: &[Token]) -> bool {
    let toks = tokens.get(b.tokens.clone()).unwrap_or(&[]);
    toks.iter().any(|t| {
        let s = text.get(t.span.range()).unwrap_or("");
        t.kind == TokenKind::Word
            && s.len() <= 4
            && (s == "I" || FIRST_PERSON.iter().any(|w| s.eq_ignore_ascii_case(w)))
    })
}

/// Whether the text holds an e-mail address (`name@host.tld`).
fn has_email(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'@', b).any(|at| {
        let before = at > 0 && b[at - 1].is_ascii_alphanumeric();
        let domain = &b[at + 1..];
        let host: usize = domain
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-'))
            .count();
        let host = domain[..host].trim_ascii_end();
        let host = host.strip_suffix(b".").unwrap_or(host);
        before
            && host.first().is_some_and(u8::is_ascii_alphanumeric)
            && host
                .iter()
                .rposition(|&c| c == b'.')
                .is_some_and(|d| d > 0 && host.len() - d > 2)
    })
}

/// Tags every block.
pub(crate) fn classify(text: &str, blocks: &[Pending], tokens: &[Token]) -> Vec<BlockKind> {
    let lx = lexicon();
    let feats: Vec<Feat> = blocks
        .iter()
        .map(|b| features(text, b, tokens, lx))
        .collect();
    let n = blocks.len();
    let mut kind: Vec<Option<BlockKind>> = vec![None; n];

    // 1. Phrases and furniture shapes.
    for (k, f) in kind.iter_mut().zip(&feats) {
        *k = match f.phrase {
            Some(Tag::Furniture | Tag::End | Tag::Closed | Tag::Count | Tag::Form) => {
                Some(BlockKind::Furniture)
            }
            Some(Tag::Tags) => Some(BlockKind::RelatedLinks),
            Some(Tag::Credit) => Some(BlockKind::Caption),
            Some(Tag::Comments | Tag::Counted) => Some(BlockKind::Comment),
            None if f.email || f.url || f.share => Some(BlockKind::Furniture),
            None => None,
        };
    }
    let is_prose = |i: usize, kind: &[Option<BlockKind>]| {
        let f = &feats[i];
        kind[i].is_none() && !f.heading && f.words >= 5 && (f.terminal || f.colon || f.words >= 15)
    };

    // 2. The comment section: after a header that follows the start of the body.
    let first_prose = (0..n).find(|&i| is_prose(i, &kind));
    // A bare count or "Comments" line is furniture on its own (it also labels
    // share bars mid-article), but opens the comment section when the next block
    // reads like a signed comment ("Marco_R: ...").
    let weak_opens = |i: usize| {
        let bare = feats[i].phrase == Some(Tag::Count)
            || matches!(
                block_text(text, &blocks[i])
                    .trim_end_matches([':', '.'])
                    .to_ascii_lowercase()
                    .as_str(),
                "comments" | "comment" | "reader comments" | "discussion" | "responses" | "replies"
            );
        bare && blocks
            .get(i + 1)
            .is_some_and(|next| signed_comment(block_text(text, next)))
    };
    let opens = |i: usize| {
        matches!(
            feats[i].phrase,
            Some(Tag::Comments | Tag::Counted | Tag::Form)
        ) || weak_opens(i)
    };
    let comments = first_prose
        .and_then(|fp| (fp + 1..n).find(|&i| opens(i)))
        .unwrap_or(n);
    let mut end_marker = None;
    for i in comments.saturating_add(1)..n {
        if feats[i].phrase == Some(Tag::End) {
            end_marker = Some(i);
            break;
        }
        if kind[i].is_none() {
            kind[i] = Some(BlockKind::Comment);
        }
    }
    let body_until = end_marker.map_or(comments, |e| e.min(comments));

    // 3. Captions.
    for i in 0..body_until {
        let f = &feats[i];
        if kind[i].is_some_and(|k| k != BlockKind::Caption) {
            continue;
        }
        let stem = block_text(text, &blocks[i]);
        if let Some(next) = blocks.get(i + 1) {
            let next_text = block_text(text, next);
            let repeated = stem.len() >= 10
                && f.words <= 30
                && next_text.len() >= stem.len()
                && next_text.as_bytes().get(..stem.len()) == Some(stem.as_bytes())
                && (f.period || kind[i + 1] == Some(BlockKind::Caption));
            if repeated {
                kind[i] = Some(BlockKind::Caption);
                if kind[i + 1].is_none() {
                    kind[i + 1] = Some(BlockKind::Caption);
                }
                continue;
            }
        }
        let after_lead = i > 0 && feats[i - 1].colon;
        let verbless = i > 0
            && kind[i].is_none()
            && !f.heading
            && f.period
            && blocks[i].sentences == 1
            && f.words <= 14
            && f.caps >= 2
            && f.caps * 10 >= f.content * 7
            && !f.verb
            && !f.quoted
            && !f.label
            && !after_lead;
        if verbless {
            kind[i] = Some(BlockKind::Caption);
        }
    }

    // 4. Body, headlines and related links.
    let first_prose = (0..body_until).find(|&i| is_prose(i, &kind));
    let last_prose = (0..body_until).rev().find(|&i| is_prose(i, &kind));
    // An end-of-article marker ("More Articles") closes the article only when no
    // long paragraph follows it: "Related: ..." inside the body closes nothing.
    let last_long = (0..body_until)
        .rev()
        .find(|&i| is_prose(i, &kind) && feats[i].terminal && feats[i].words >= 12);
    let end_marker = end_marker.or_else(|| {
        let fp = first_prose?;
        let from = last_long.map_or(fp, |l| l.max(fp)) + 1;
        (from..body_until).find(|&i| feats[i].phrase == Some(Tag::End))
    });
    let open: Vec<bool> = kind.iter().map(Option::is_none).collect();
    let short_item =
        |i: usize| blocks[i].raw.list && feats[i].words <= 6 && !feats[i].terminal && open[i];
    for i in 0..n {
        if kind[i].is_some() {
            continue;
        }
        let f = &feats[i];
        let before_body = first_prose.is_some_and(|fp| i < fp);
        let after_body = last_prose.is_some_and(|lp| i > lp);
        let after_end = end_marker.is_some_and(|e| i > e);
        let tag_run = short_item(i)
            && ((i > 0 && (short_item(i - 1) || feats[i - 1].phrase == Some(Tag::Tags)))
                || (i + 1 < n && short_item(i + 1)));
        // Heading-like bullets before the body, tag runs, short lines after an
        // end-of-article marker and heading-like lines after the body.
        let related = (blocks[i].raw.list && f.heading && before_body)
            || tag_run
            || (after_end && (f.heading || (f.words <= 25 && blocks[i].sentences <= 1)))
            || (after_body && f.heading);
        kind[i] = Some(if f.tweet {
            BlockKind::Quote
        } else if related {
            BlockKind::RelatedLinks
        } else if f.heading {
            BlockKind::Headline
        } else {
            BlockKind::Body
        });
    }

    // 5. Quotes.
    let mut out: Vec<BlockKind> = kind
        .into_iter()
        .map(|k| k.unwrap_or(BlockKind::Body))
        .collect();
    for i in 0..n {
        let f = &feats[i];
        // A heading-like line right after a colon lead-in is what it announces.
        let lead_in = i > 0 && feats[i - 1].colon;
        let candidate = out[i] == BlockKind::Body || (out[i] == BlockKind::Headline && lead_in);
        if !candidate {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| (&feats[p], out[p]));
        let after_lead = prev.is_some_and(|(pf, pk)| {
            pf.colon
                && pk.is_news()
                && !f.colon
                && (f.continuation
                    || f.quoted
                    || pf.speech_lead
                    || first_person(text, &blocks[i], tokens))
        });
        if f.quoted || f.tweet || after_lead {
            out[i] = BlockKind::Quote;
            if f.tweet
                && i > 0
                && matches!(out[i - 1], BlockKind::Body | BlockKind::Headline)
                && feats[i - 1].words <= 80
                && !feats[i - 1].colon
            {
                out[i - 1] = BlockKind::Quote;
            }
        }
    }
    out
}

/// A block's text for comparing captions: without its list marker and final
/// punctuation.
/// Whether a block starts like a signed reader comment: a user name of one to
/// three words (letters, digits, `_`, `.`, `-`, `@`; at most 30 bytes: "Marco_R",
/// "Anna B") and a colon, then text.
fn signed_comment(block: &str) -> bool {
    let Some((handle, rest)) = block.split_once(':') else {
        return false;
    };
    let words = handle.split(' ').count();
    !handle.is_empty()
        && handle.len() <= 30
        && (1..=3).contains(&words)
        && handle.chars().next().is_some_and(char::is_alphanumeric)
        && handle.split(' ').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
        })
        && rest.starts_with(' ')
        && rest.split_whitespace().count() >= 3
}

fn block_text<'t>(text: &'t str, b: &Pending) -> &'t str {
    normalize(text.get(b.raw.body..b.raw.end).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(has_email("E-mail me: someone@example.com"));
        assert!(has_email("write to a.b-c@mail.example.org."));
        assert!(!has_email("@handle said"));
        assert!(!has_email("at @ the end"));
        assert!(!has_email("x@y"));
    }
}
