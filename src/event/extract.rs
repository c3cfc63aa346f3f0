//! Trigger lexicons, arguments, status and time link.
//!
//! Per news sentence: triggers are found with one Aho-Corasick pass over the
//! sentence (case-insensitive, word-bounded, longest phrase first); each keeps its
//! clause, which bounds its arguments, status and time. Names come from
//! [`super::entities`], resolved across the article before any trigger is read.

use super::entities::{
    self, is_in, lw, Mention, SentenceTokens, Tok, W_LIGHT_VERB, W_SKIP_SEGMENT, W_STOP_PREP,
    W_STOP_RIGHT, W_SUBORDINATOR,
};
use super::lexicon::{gazetteer, triggers, with_folded, Form, Gaz, Trigger};
use super::status::{self, Voice};
use super::timelink;
use super::{EntityKind, EventKind, EventMention, Participant, Place, Role, SharedStr, Status};
use crate::text::{BlockKind, Document};
use crate::timex::Timex;
use crate::{Config, Published, Span};

/// A trigger found in a sentence, with what has been read of it so far.
pub(super) struct Found {
    pub entry: Trigger,
    pub span: Span,
    /// Token range of the trigger in its sentence.
    pub toks: (usize, usize),
    /// Token range of its clause.
    pub clause: (usize, usize),
    pub agents: Vec<Mention>,
    pub patients: Vec<Mention>,
    pub place: Option<(String, Span)>,
    pub status: Status,
    pub voice: Voice,
    /// Index of the timex that governs it, into the article's timexes.
    pub timex: Option<usize>,
    /// Set when the trigger lies in a temporal subordinate clause ("when he met").
    pub subordinate_when: bool,
    /// Days from the governing time to this event ("a day after X arrived": -1).
    pub shift_days: i64,
    pub drop: bool,
}

pub(super) const WORD_STOPS_RIGHT: &[&str] = &[
    "that",
    "which",
    "who",
    "where",
    "when",
    "while",
    "because",
    "but",
    "after",
    "before",
    "said",
    "says",
    "according",
    "although",
    "since",
    "as",
    "amid",
    "if",
    "told",
];
pub(super) const SUBORDINATORS: &[&str] = &[
    "that", "when", "who", "which", "where", "while", "whereas", "because", "although", "but",
    "since", "after", "before", "as", "amid", "if", "unless",
];
pub(super) const LIGHT_VERBS: &[&str] = &[
    "hold",
    "holds",
    "held",
    "holding",
    "have",
    "has",
    "had",
    "having",
    "attend",
    "attends",
    "attended",
    "attending",
    "host",
    "hosts",
    "hosted",
    "make",
    "makes",
    "made",
    "making",
    "pay",
    "pays",
    "paid",
    "paying",
    "begin",
    "began",
    "begins",
    "start",
    "started",
    "on",
    "conclude",
    "concluded",
    "wrap",
    "wrapped",
    "end",
    "ended",
    "kick",
    "kicked",
    "seek",
    "sought",
];
/// Nouns an apposition may hang on besides the person nouns of the entity finder
/// ("the summit's host, X").
const APPOSITION_HEADS: &[&str] = &["host", "guest", "ally"];
/// Words a bare "meet"/"met" may be followed by and still name a meeting.
pub(super) const MEET_FOLLOWERS: &[&str] = &[
    "on",
    "in",
    "at",
    "for",
    "to",
    "today",
    "tomorrow",
    "yesterday",
    "again",
    "later",
    "next",
    "this",
    "last",
    "privately",
    "briefly",
    "separately",
    "behind",
    "during",
    "after",
    "before",
    "with",
    "here",
    "there",
    "twice",
    "once",
    "soon",
    "face",
    "face-to-face",
    "informally",
    "regularly",
    "secretly",
    "until",
    "and",
    "but",
    "amid",
    "over",
    "early",
    "late",
    "his",
    "her",
    "their",
    "the",
    "president",
    "prime",
    "king",
    "queen",
    "leaders",
    "officials",
    "representatives",
    "him",
    "them",
    "us",
    "me",
];
/// Things and bodies an election or vote noun, or "voting", may modify
/// ("election posters", "the election commission", "voting rights"): the
/// phrase names no event.
const BALLOT_THINGS: &[&str] = &[
    "poster",
    "posters",
    "banner",
    "banners",
    "billboard",
    "billboards",
    "leaflet",
    "leaflets",
    "slogan",
    "slogans",
    "manifesto",
    "commission",
    "commissions",
    "committee",
    "board",
    "official",
    "officials",
    "observer",
    "observers",
    "monitor",
    "monitors",
    "law",
    "laws",
    "code",
    "booth",
    "booths",
    "counter",
    "counters",
    "count",
    "rights",
    "shares",
    "stock",
    "power",
    "age",
    "machine",
    "machines",
    "record",
    "bloc",
    "system",
    "district",
    "districts",
    "station",
    "stations",
];

/// Texts that prescribe: as the subject of "calls for" or "urges" they make
/// no statement event ("the plan calls for cuts").
const PRESCRIBING_TEXTS: &[&str] = &[
    "plan",
    "plans",
    "program",
    "programme",
    "resolution",
    "resolutions",
    "proposal",
    "proposals",
    "terms",
    "accord",
    "treaty",
    "agreement",
    "deal",
    "pact",
    "law",
    "bill",
    "measure",
    "test",
    "charter",
    "rule",
    "rules",
    "constitution",
    "contract",
    "budget",
    "document",
    "draft",
    "blueprint",
    "initiative",
    "package",
    "guidelines",
    "framework",
    "declaration",
    "legislation",
    "amendment",
    "settlement",
    "order",
    "recipe",
];
pub(super) const DETS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "following",
    "these",
    "those",
];
pub(super) const SKIP_SEGMENT: &[&str] = &[
    "which",
    "who",
    "whose",
    "whom",
    "including",
    "where",
    "such",
    "among",
    "like",
    "a",
    "an",
    "once",
    "formerly",
    "currently",
    "both",
    "along",
];
pub(super) const STOP_PREPS: &[&str] = &[
    "at",
    "in",
    "after",
    "before",
    "during",
    "of",
    "from",
    "for",
    "since",
    "until",
    "about",
    "over",
    "under",
    "despite",
    "amid",
    "following",
];

fn is_boundary_punct(s: &str) -> bool {
    matches!(s, "," | ";" | ":" | "–" | "—" | "(" | ")" | "-")
}

/// Clause bounds `[lo, hi)` in tokens around tokens `[a, b)`.
fn clause_of(text: &str, toks: &[Tok], a: usize, b: usize) -> (usize, usize) {
    let mut lo = a;
    while lo > 0 {
        let t = &toks[lo - 1];
        if !t.word && is_boundary_punct(lw(text, t)) {
            break;
        }
        if t.word && t.is(W_SUBORDINATOR) {
            lo -= 1;
            break;
        }
        lo -= 1;
    }
    let mut hi = b;
    while hi < toks.len() {
        let t = &toks[hi];
        if (!t.word && is_boundary_punct(lw(text, t))) || (t.word && t.is(W_SUBORDINATOR)) {
            break;
        }
        hi += 1;
    }
    (lo, hi)
}

/// The longest stretch of one sentence read at once, in bytes.
const MAX_SENTENCE_BYTES: usize = 2_000;

/// Cuts a span into windows of at most `max` bytes, at white space where there is
/// some, else at a char boundary.
fn windows(text: &str, span: Span, max: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > max {
        let mut cut = start + max;
        while cut > start && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = text.get(start..cut).unwrap_or("");
        if let Some(ws) = piece.rfind(char::is_whitespace) {
            if ws > 0 {
                cut = start + ws;
            }
        }
        if cut <= start {
            break;
        }
        out.push(Span::new(start, cut));
        start = cut;
        while start < span.end {
            match text.get(start..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_whitespace() => start += c.len_utf8(),
                _ => break,
            }
        }
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
    out
}

pub(super) fn extract(
    article_id: &str,
    source: Option<&str>,
    doc: &Document<'_>,
    published: Option<&Published>,
    timexes: &[Timex],
    _config: &Config,
) -> Vec<EventMention> {
    let text = doc.text();
    let mut sents: Vec<(usize, Span, BlockKind, usize)> = Vec::with_capacity(doc.sentences().len());
    for (i, s) in doc.news_sentences() {
        if !s.span.is_empty() && s.span.len() <= MAX_SENTENCE_BYTES {
            sents.push((i, s.span, doc.sentence_kind(s), s.block));
            continue;
        }
        // No news sentence runs to thousands of bytes; a run-on one (a scraped
        // table, a page without punctuation) is read in windows so that the
        // per-sentence passes below stay linear in the article.
        for window in windows(text, s.span, MAX_SENTENCE_BYTES) {
            sents.push((i, window, doc.sentence_kind(s), s.block));
        }
    }
    if sents.is_empty() {
        return Vec::new();
    }
    let news_bytes = sents.iter().map(|s| s.1.len()).sum();
    // The token buffer of the previous article on this thread, reused: it is
    // several times the size of the text, and allocating it afresh for every
    // article costs more than filling it.
    let mut toks = TOKENS.with(|b| b.take());
    toks.clear();
    toks.reserve(news_bytes, sents.len());
    for (_, span, _, _) in &sents {
        toks.push(text, *span);
    }
    let lex = triggers();
    // Trigger matches per sentence, word-bounded; their first tokens also end
    // capitalised names, so that "Trudeau Travels to Japan" is a name and a verb.
    // One buffer for the article; `matches_at[si]` is sentence `si`'s range.
    let mut matches: Vec<(Span, usize)> = Vec::with_capacity(sents.len());
    let mut matches_at: Vec<(usize, usize)> = Vec::with_capacity(sents.len());
    for (si, (_, sspan, _, _)) in sents.iter().enumerate() {
        let st = toks.get_mut(si);
        let from = matches.len();
        if let Some(stext) = sspan.slice(text) {
            for m in lex.matcher.find_iter(stext) {
                let (s, e) = (sspan.start + m.start(), sspan.start + m.end());
                if is_word_byte(text, s, true) || is_word_byte(text, e, false) {
                    continue;
                }
                if let Ok(k) = st.binary_search_by_key(&s, |t| t.span.start) {
                    st[k].brk = true;
                }
                matches.push((Span::new(s, e), m.pattern().as_usize()));
            }
        }
        matches_at.push((from, matches.len()));
    }
    toks.break_at(timexes.iter().map(|t| t.span));
    let ents = entities::find(text, &toks);
    let dateline = dateline(text, &sents, &toks);
    // Every found trigger, with the sentence it is in, for article-level passes.
    let mut all: Vec<(usize, Found)> = Vec::with_capacity(sents.len());
    // One sentence's triggers; emptied into `all`, its memory kept.
    let mut found: Vec<Found> = Vec::new();
    // One sentence's usable timexes, as indices into `timexes`; memory kept.
    let mut sent_timexes: Vec<usize> = Vec::new();
    for (si, &(_, sspan, bkind, block)) in sents.iter().enumerate() {
        let st = toks.get(si);
        let mentions = ents.sentence(si);
        let headline = bkind == BlockKind::Headline;
        found.clear();
        let (m_from, m_to) = matches_at[si];
        for &(span, pattern) in matches.get(m_from..m_to).unwrap_or(&[]) {
            let (s, e) = (span.start, span.end);
            let Some(entry) = lex.entries.get(pattern).copied() else {
                continue;
            };
            let Some(a) = st.iter().position(|t| t.span.end > s) else {
                continue;
            };
            let b = st
                .iter()
                .position(|t| t.span.start >= e)
                .unwrap_or(st.len());
            // "the Warsaw Pact", "the Paris Agreement": a capitalised noun after a
            // capitalised word is part of a name, not a report (headlines aside,
            // whose words are all capitalised)
            let in_name = !headline
                && matches!(entry.form, Form::Noun | Form::Plural)
                && st.get(a).is_some_and(|t| t.cap)
                && a.checked_sub(1)
                    .and_then(|k| st.get(k))
                    .is_some_and(|t| t.word && t.cap && a > 1);
            if in_name {
                continue;
            }
            found.push(Found {
                entry,
                span: Span::new(s, e),
                toks: (a, b.max(a + 1)),
                clause: clause_of(text, st, a, b.max(a + 1)),
                agents: Vec::new(),
                patients: Vec::new(),
                place: None,
                status: Status::Occurred,
                voice: Voice::Narrator,
                timex: None,
                subordinate_when: false,
                shift_days: 0,
                drop: false,
            });
        }
        if found.is_empty() {
            continue;
        }
        // Timexes come in text order: find the sentence's run by binary search
        // rather than scanning the whole article for every sentence.
        let first = timexes.partition_point(|t| t.span.start < sspan.start);
        sent_timexes.clear();
        sent_timexes.extend(
            timexes[first..]
                .iter()
                .take_while(|t| t.span.start < sspan.end)
                .enumerate()
                .filter(|(_, t)| sspan.contains(t.span) && timelink::usable(t))
                .map(|(i, _)| first + i),
        );
        for f in found.iter_mut() {
            filter_trigger(text, st, mentions, timexes, &sent_timexes, f);
            if f.drop {
                continue;
            }
            arguments(text, st, mentions, f);
            if f.drop {
                continue;
            }
            f.voice = status::voice(text, doc, block, st, sspan, f, mentions);
            f.status = status::status(text, st, f, headline);
            f.place = place(text, st, mentions, f);
            let lo = f.clause.0;
            f.subordinate_when = st
                .get(lo)
                .is_some_and(|t| t.word && is_in(lw(text, t), &["when", "while", "as"]));
        }
        verb_takes_its_noun(text, st, &mut found);
        timelink::assign(text, st, timexes, &sent_timexes, &mut found);
        fold_announcements(text, st, &mut found);
        all.extend(found.drain(..).filter(|f| !f.drop).map(|f| (si, f)));
    }
    let times = timelink::resolve(text, &sents, &all, timexes, published);
    let mut out: Vec<EventMention> = Vec::with_capacity(all.len());
    // One mention's spans at a time (see below); memory kept.
    let mut evidence: Vec<Span> = Vec::new();
    // The article's id, source and date: one shared string each for all its
    // mentions, made only when it has some.
    let (article, source, published_str) = if all.is_empty() {
        (SharedStr::default(), None, None)
    } else {
        (
            SharedStr::from(article_id),
            source.map(SharedStr::from),
            published.map(|p| SharedStr::from(p.to_string())),
        )
    };
    for ((si, f), time) in all.iter().zip(times) {
        let (_, sspan, bkind, _) = sents[*si];
        let st = toks.get(*si);
        let mut place = f.place.as_ref().map(|(n, sp)| (n.as_str(), *sp));
        if place.is_none() && f.voice == Voice::Narrator {
            // The dateline places what its own sentence reports.
            // (The segmenter may make the dateline a sentence of its own.)
            place = dateline
                .as_ref()
                .filter(|(_, _, dsi)| {
                    (*dsi == *si || *dsi + 1 == *si) && bkind != BlockKind::Headline
                })
                .map(|(n, sp, _)| (n.as_str(), *sp));
        }
        let named = f.agents.len() + f.patients.len();
        let mut participants: Vec<Participant> = Vec::with_capacity(named);
        // The trigger, the names, a place and a time: the spans the mention's
        // span is widened to.
        evidence.clear();
        evidence.push(f.span);
        for (role, list) in [(Role::Agent, &f.agents), (Role::Patient, &f.patients)] {
            for m in list.iter() {
                // The same text folds the same: no folding needed then.
                let same = |p: &Participant| {
                    *p.name == *m.name || with_folded(&p.name, |a| with_folded(&m.name, |b| a == b))
                };
                if participants.iter().any(same) {
                    continue;
                }
                if role == Role::Patient
                    && m.kind == EntityKind::Place
                    && place.is_some_and(|(n, _)| *n == *m.name)
                {
                    continue;
                }
                participants.push(Participant {
                    name: SharedStr::from(&*m.name),
                    entity: m.kind,
                    role,
                    span: m.span,
                });
                evidence.push(m.span);
            }
        }
        if let Some((_, sp)) = &place {
            evidence.push(*sp);
        }
        if let Some(ts) = time.as_ref().and_then(|t| t.timex) {
            evidence.push(ts);
        }
        // The mention's span: the clause, widened to its arguments in the sentence.
        let (lo, hi) = f.clause;
        let mut start = st.get(lo).map_or(f.span.start, |t| t.span.start);
        let mut end = st
            .get(hi.saturating_sub(1))
            .map_or(f.span.end, |t| t.span.end)
            .max(f.span.end);
        for sp in &evidence {
            if sspan.contains(*sp) {
                start = start.min(sp.start);
                end = end.max(sp.end);
            }
        }
        let span = Span::new(start.max(sspan.start), end.min(sspan.end));
        // "X meets Y on Friday", "X is visiting Z next week", "the election on
        // May 2": a present tense or a bare noun whose time lies wholly after
        // the publication day tells a scheduled event, not one that happened.
        // (A past form with a later time is a misread date: left as it is.)
        let mut status = f.status;
        let scheduled_form = match f.entry.form {
            Form::Pres | Form::Noun => status == Status::Occurred,
            Form::Ger => status == Status::Ongoing,
            _ => false,
        };
        if scheduled_form
            && time
                .as_ref()
                .and_then(|t| t.interval)
                .zip(published)
                .is_some_and(|(iv, p)| iv.start.date() > p.date())
        {
            status = Status::Planned;
        }
        out.push(EventMention {
            article: article.clone(),
            source: source.clone(),
            published: published_str.clone(),
            kind: f.entry.kind,
            trigger: f.span,
            sentence: span,
            participants,
            place: place.map(|(name, span)| Place {
                name: SharedStr::from(name),
                span,
            }),
            status,
            time: time.map(Box::new),
            quote: quote(text, span),
        });
    }
    TOKENS.with(|b| b.replace(toks));
    out
}

thread_local! {
    /// See [`extract`]: one token buffer per thread, kept between articles.
    static TOKENS: std::cell::RefCell<SentenceTokens> = std::cell::RefCell::default();
}

/// Whether the char touching byte `at` (before it when `before`) is a letter or digit.
fn is_word_byte(text: &str, at: usize, before: bool) -> bool {
    let c = if before {
        text.get(..at).and_then(|s| s.chars().next_back())
    } else {
        text.get(at..).and_then(|s| s.chars().next())
    };
    c.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// A short quote of a span, at most 200 bytes, cut on a char boundary.
fn quote(text: &str, span: Span) -> SharedStr {
    let s = span.slice(text).unwrap_or("");
    if s.len() <= 200 {
        // Straight into the shared string: no `String` copied on the way.
        return SharedStr::from(s.trim());
    }
    let mut cut = 197;
    while cut > 0 && !s.is_char_boundary(cut) {
        cut -= 1;
    }
    SharedStr::from(format!("{}...", s[..cut].trim_end()))
}

/// Drops triggers that do not name one event here: plural nominals, anaphoric
/// definites ("the meeting"), ambiguous verbs without an object, reporting verbs
/// that only close a quotation.
fn filter_trigger(
    text: &str,
    st: &[Tok],
    mentions: &[Mention],
    timexes: &[Timex],
    sent_timexes: &[usize],
    f: &mut Found,
) {
    let (a, b) = f.toks;
    let next = st.get(b);
    let next_word = next.filter(|t| t.word).map(|t| lw(text, t));
    match f.entry.form {
        Form::Plural => {
            f.drop = true;
            return;
        }
        Form::Noun => {
            // "Unisys must deal with its debt", "how to deal with the Russians",
            // "a great deal": the verb, or a quantity, not an agreement.
            let w_prev = a
                .checked_sub(1)
                .and_then(|q| st.get(q))
                .filter(|t| t.word)
                .map_or("", |t| lw(text, t));
            let modal = is_in(
                w_prev,
                &[
                    "must", "will", "would", "can", "could", "should", "might", "cannot",
                ],
            );
            let phrase = f.span.slice(text).unwrap_or("");
            if modal
                || phrase.eq_ignore_ascii_case("deal") && is_in(w_prev, &["to", "great", "good"])
            {
                f.drop = true;
                return;
            }
            // "She sometimes talks to ...", "Nobody talks to him": a noun's word
            // right after a subject pronoun (and an adverb of frequency) is a verb.
            let mut p = a;
            while p > 0
                && st[p - 1].word
                && is_in(
                    lw(text, &st[p - 1]),
                    &[
                        "sometimes",
                        "often",
                        "rarely",
                        "never",
                        "always",
                        "usually",
                        "also",
                    ],
                )
            {
                p -= 1;
            }
            let pronoun_before = p.checked_sub(1).and_then(|q| st.get(q)).is_some_and(|t| {
                t.word
                    && is_in(
                        lw(text, t),
                        &[
                            "he",
                            "she",
                            "it",
                            "who",
                            "nobody",
                            "everybody",
                            "everyone",
                            "somebody",
                            "someone",
                        ],
                    )
            });
            if pronoun_before {
                f.drop = true;
                return;
            }
            // "visits" as a noun is plural; a single-word noun after "the" with no
            // complement refers back to an event already told.
            let mut k = a;
            while k > 0
                && st[k - 1].word
                && !st[k - 1].cap
                && !is_in(
                    lw(text, &st[k - 1]),
                    &[
                        "the", "this", "that", "a", "an", "his", "her", "their", "its", "at", "of",
                        "in", "on", "for", "to", "with", "and", "after", "before", "during", "by",
                    ],
                )
            {
                k -= 1;
            }
            let det = k
                .checked_sub(1)
                .and_then(|p| st.get(p))
                .map(|t| lw(text, t));
            let complement = next_word
                .is_some_and(|w| is_in(w, &["with", "between", "of", "to", "among", "in"]));
            let timed = sent_timexes.iter().any(|&i| {
                timexes
                    .get(i)
                    .is_some_and(|t| t.span.end <= f.span.start && f.span.start - t.span.end <= 16)
            });
            let single = !f.span.slice(text).unwrap_or("").contains(' ');
            if single
                && det.is_some_and(|d| is_in(d, &["the", "this", "that"]))
                && !complement
                && !timed
                && f.entry.kind != EventKind::Election
            {
                f.drop = true;
                return;
            }
        }
        _ => {}
    }
    let prev1 = a.checked_sub(1).and_then(|p| st.get(p));
    let prev2 = a.checked_sub(2).and_then(|p| st.get(p));
    let w1 = prev1.filter(|t| t.word).map(|t| lw(text, t)).unwrap_or("");
    let w2 = prev2.filter(|t| t.word).map(|t| lw(text, t)).unwrap_or("");
    // A word of verb form used as a noun or adjective: "two publicized visits",
    // "the following tweet", "the legally elected government".
    // A present form that may be a plural noun ("visits", "signs"; not
    // "arrives") is the verb only after its subject: a name, a person noun,
    // title or body ("the king visits", "the ministry signs"), a collective
    // noun with its determiner ("the delegation visits"), a pronoun, or
    // one of a few adverbs ("also visits"); not after a determiner, number,
    // adjective, verb or possessor ("the recent visits", "showed signs of",
    // "carrying signs", "the king's visits").
    let subject_before = prev1.is_some_and(|t| {
        t.word
            && !t.possessive
            && !t.is(entities::W_DET)
            && (t.cap
                || t.is(entities::C_PERSON | entities::C_ORG)
                || (is_in(w1, COLLECTIVES) && determined(text, st, a - 1))
                || entities::title_word(gazetteer(), text, t)
                || is_in(
                    w1,
                    &[
                        "he",
                        "she",
                        "it",
                        "who",
                        "which",
                        "also",
                        "then",
                        "now",
                        "finally",
                        "formally",
                        "officially",
                        "reportedly",
                        "again",
                        "still",
                        "later",
                    ],
                ))
    });
    // "The delegation visits were cancelled", "the government visits have
    // cost", "visits of", "signs of": the plural noun before its own verb or
    // complement, whatever stands before it; after a common noun ("the
    // delegation visits to X") a "to" too.
    let common_noun_before = prev1.is_some_and(|t| {
        !t.cap && (t.is(entities::C_PERSON | entities::C_ORG) || is_in(w1, COLLECTIVES))
    });
    let noun_next = next_word.is_some_and(|w| {
        next.is_some_and(|t| t.is(entities::W_BE))
            || is_in(w, NOUN_FOLLOWERS)
            || (w.eq_ignore_ascii_case("to") && common_noun_before)
    });
    let as_noun = match f.entry.form {
        Form::Pres => f.entry.plural_too && (!subject_before || noun_next),
        Form::Base => is_in(w1, DETS) || is_in(w2, DETS) && !is_in(w1, &["will", "to"]),
        Form::Past => is_in(w1, DETS) || (w1.ends_with("ly") && is_in(w2, DETS)),
        _ => false,
    };
    // "a warning against travel to X", "against all travel to X": a base
    // phrase after "against", "all" or "any" is a noun phrase, no event.
    if f.entry.form == Form::Base
        && f.span.slice(text).is_some_and(|p| p.contains(' '))
        && is_in(w1, &["against", "all", "any"])
    {
        f.drop = true;
        return;
    }
    // A present phrase has no noun entry: "the votes on the bill" is dropped
    // whole; other multi-word phrases are verbs.
    if as_noun
        && (f.entry.form == Form::Pres || f.span.slice(text).is_some_and(|p| !p.contains(' ')))
    {
        // "his visit": the noun reading when the lexicon has one, else no event.
        let lex = triggers();
        let phrase = f.span.slice(text).unwrap_or("").to_ascii_lowercase();
        if lex
            .entries
            .iter()
            .zip(&lex.phrases)
            .any(|(e, p)| e.kind == f.entry.kind && e.form == Form::Noun && *p == phrase)
            && f.entry.form == Form::Base
        {
            f.entry.form = Form::Noun;
        } else {
            f.drop = true;
            return;
        }
    }
    // "meet new standards", "met the deadline": a bare meeting verb needs a
    // partner after it, or a time, place or purpose ("the two will meet on
    // Monday", "X and Y met in Geneva").
    let phrase = f.span.slice(text).unwrap_or("");
    if f.entry.kind == EventKind::Meeting
        && !matches!(f.entry.form, Form::Noun | Form::Plural | Form::Ger)
        && !phrase.contains(' ')
    {
        // "meet NATO's standards", "has not met our expectations": a possessor
        // is not the partner.
        let partner_next = mentions.iter().any(|m| {
            m.toks.0 >= b
                && m.toks.0 <= b + 3
                && m.kind != EntityKind::Place
                && !m
                    .toks
                    .1
                    .checked_sub(1)
                    .and_then(|k| st.get(k))
                    .is_some_and(|t| t.possessive)
                && !(m.toks.1 == m.toks.0 + 1
                    && st
                        .get(m.toks.0)
                        .is_some_and(|t| is_in(lw(text, t), &["his", "its", "our", "my", "their"])))
        });
        // "met the president", "met his French counterpart": after a
        // determiner, someone must follow ("met the deadline", "meet the
        // standards", "meets the criteria" name nobody).
        let det_next = next_word.is_some_and(|w| is_in(w, &["the", "his", "her", "their"]));
        let ok = partner_next
            || next.is_none_or_punct(text)
            || next_word.is_some_and(|w| is_in(w, MEET_FOLLOWERS))
                && (!det_next || someone_after(text, st, b));
        if !ok {
            f.drop = true;
            return;
        }
    }
    // "Besides meeting the needs of X", "capable of meeting a variety of
    // contingencies": "meeting" after a preposition with a determiner next is
    // a verb with its object; a meeting only when someone follows ("by meeting
    // the president").
    if f.entry.kind == EventKind::Meeting && phrase.eq_ignore_ascii_case("meeting") {
        let after_prep = prev1.is_some_and(|t| {
            t.word
                && is_in(
                    w1,
                    &[
                        "of", "besides", "by", "for", "in", "after", "before", "without", "on",
                        "from", "while", "when", "at",
                    ],
                )
        });
        let det_next = next_word.is_some_and(|w| {
            is_in(
                w,
                &[
                    "the", "a", "an", "its", "their", "our", "his", "her", "my", "your",
                ],
            )
        });
        if after_prep && det_next && !someone_after(text, st, b) {
            f.drop = true;
            return;
        }
    }
    // "a visiting professor", "the arriving troops": a motion gerund between
    // an article and a noun is an adjective.
    if matches!(
        f.entry.kind,
        EventKind::Visit | EventKind::Arrival | EventKind::Departure
    ) && f.entry.form == Form::Ger
        && !phrase.contains(' ')
        && is_in(w1, &["a", "an", "the"])
        && next.is_some_and(|t| {
            t.word
                && !t.cap
                && !is_in(
                    lw(text, t),
                    &[
                        "of", "to", "in", "with", "for", "at", "on", "from", "by", "and", "or",
                    ],
                )
        })
    {
        f.drop = true;
        return;
    }
    // "an election poster", "the election commission said", "vote monitors":
    // an election or vote noun modifying a thing or body is no event.
    // "voting rights", "voting shares", "voting age": the gerund too.
    if matches!(f.entry.kind, EventKind::Election | EventKind::Vote)
        && (matches!(f.entry.form, Form::Noun | Form::Plural)
            || f.entry.form == Form::Ger && phrase.eq_ignore_ascii_case("voting"))
        && next.is_some_and(|t| t.word && is_in(lw(text, t), BALLOT_THINGS))
    {
        f.drop = true;
        return;
    }
    // "holders have elected to convert": to choose, not to elect ("was
    // elected to parliament" is passive).
    if f.entry.kind == EventKind::Election
        && f.entry.form == Form::Past
        && next_word.is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && !passive(text, st, f)
    {
        f.drop = true;
        return;
    }
    // "elected officials", "Elected leaders": an adjective before a group of
    // people, no election.
    if f.entry.kind == EventKind::Election
        && f.entry.form == Form::Past
        && next.is_some_and(|t| t.word && !t.cap && t.is(entities::C_GROUP))
    {
        f.drop = true;
        return;
    }
    // "departed from the script", "departs from tradition": a departure from
    // something that is no place is a figure of speech; "the departed leader",
    // "departed chief executive X": the word is an adjective.
    if f.entry.kind == EventKind::Departure && !f.entry.needs_object && !phrase.contains(' ') {
        if next.is_some_and(|t| {
            t.word
                && (is_in(lw(text, t), entities::PERSON_NOUNS)
                    || entities::title_word(gazetteer(), text, t))
        }) {
            f.drop = true;
            return;
        }
        let k = past_time_and_manner(text, st, timexes, b);
        let from = st
            .get(k)
            .is_some_and(|t| t.word && lw(text, t).eq_ignore_ascii_case("from"));
        if from {
            let the = st
                .get(k + 1)
                .is_some_and(|t| t.word && t.is(entities::W_THE));
            let at = if the { k + 2 } else { k + 1 };
            if !mentions.iter().any(|m| {
                (m.toks.0 == k + 1 || m.toks.0 == at)
                    && matches!(m.kind, EntityKind::Place | EntityKind::Unknown)
            }) {
                f.drop = true;
                return;
            }
        }
    }
    // "The plan calls for X", "a treaty calling for Y", "the resolution, which
    // urges Z": a text that prescribes something is no one's statement.
    if f.entry.kind == EventKind::Statement
        && phrase
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("cal") || p.eq_ignore_ascii_case("urg"))
    {
        let head = st[..a.min(st.len())].iter().rev().find(|t| {
            let w = lw(text, t);
            !(w == ","
                || t.word && is_in(w, &["also", "still", "which", "that", "only", "further"]))
        });
        if head.is_some_and(|t| t.word && is_in(lw(text, t), PRESCRIBING_TEXTS)) {
            f.drop = true;
            return;
        }
    }
    // "landed in his back yard", "landed in trouble": a landing is an arrival
    // only at a named place ("landed in X", "landed at the X airport") or
    // "here"/"there".
    if f.entry.kind == EventKind::Arrival
        && phrase
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("land"))
    {
        let the = st.get(b).is_some_and(|t| t.word && t.is(entities::W_THE));
        let at = if the { b + 1 } else { b };
        let place_next = st.get(at).is_some_and(|t| t.word && t.cap)
            || mentions
                .iter()
                .any(|m| m.toks.0 == at && m.kind != EntityKind::Person);
        let deictic = next_word.is_some_and(|w| is_in(w, &["here", "there"]));
        if !place_next && !deictic {
            f.drop = true;
            return;
        }
    }
    if f.entry.kind == EventKind::Departure
        && !departure_makes_sense(text, st, mentions, timexes, f)
    {
        f.drop = true;
        return;
    }
    if f.entry.needs_object {
        let ok = match f.entry.kind {
            // "left for Havana", "left Caracas", and with the time or manner
            // first: "left yesterday for Paris", "left abruptly for Moscow".
            EventKind::Departure => {
                let k = past_time_and_manner(text, st, timexes, b);
                st.get(k)
                    .is_some_and(|t| t.word && lw(text, t).eq_ignore_ascii_case("for"))
                    || mentions.iter().any(|m| {
                        m.toks.0 == k && matches!(m.kind, EntityKind::Place | EntityKind::Unknown)
                    })
            }
            _ => mentions.iter().any(|m| {
                m.toks.0 >= b
                    && m.toks.0 <= b + 4
                    && m.kind != EntityKind::Place
                    && !st[b..m.toks.0]
                        .iter()
                        .any(|t| !t.word && lw(text, t) != ",")
            }),
        };
        if !ok {
            f.drop = true;
            return;
        }
    }
    if f.entry.reporting {
        // `"...," Merkel confirmed.`: a reporting verb closing a quotation.
        let rest_empty = st[b.min(st.len())..].iter().all(|t| !t.word);
        let quoted_before = st[..a]
            .iter()
            .any(|t| !t.word && matches!(lw(text, t), "”" | "\"" | "’"));
        if rest_empty && quoted_before {
            f.drop = true;
        }
    }
}

/// Whether a departure trigger reads as a journey, not as one of the figures
/// its words make:
/// - "Mesa flies to 42 cities", "travelled to more than 20 countries": a count
///   of destinations is a network or a tour, not one departure;
/// - "the two will go head to head";
/// - "who leave for early retirement", "left for dead", "left for another
///   company": "for" with no destination after it (a name, a place noun, "home",
///   or what one travels for: "left for talks with ...");
/// - "An ambitious expansion has left Magna with excess capacity", "the
///   payments will leave Unisys with": "leave X with Y" whose X is no place and
///   whose subject is a thing, not someone ("Daniel Otieno left Brennia with
///   his wife" stays).
fn departure_makes_sense(
    text: &str,
    st: &[Tok],
    mentions: &[Mention],
    timexes: &[Timex],
    f: &Found,
) -> bool {
    let (a, b) = f.toks;
    let phrase = f.span.slice(text).unwrap_or("");
    let ends = |suffix: &str| {
        phrase.len() >= suffix.len()
            && phrase
                .get(phrase.len() - suffix.len()..)
                .is_some_and(|p| p.eq_ignore_ascii_case(suffix))
    };
    let word_at = |k: usize| st.get(k).filter(|t| t.word).map(|t| lw(text, t));
    if ends(" to") {
        if word_at(b).is_some_and(|w| w.eq_ignore_ascii_case("head")) && ends("head to") {
            return false;
        }
        let mut k = b;
        while word_at(k).is_some_and(|w| is_in(w, COUNT_LEAD)) && k < b + 3 {
            k += 1;
        }
        let count = word_at(k).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit()) || is_in(w, COUNT_NUMBERS)
        });
        let plural = st
            .get(k + 1)
            .is_some_and(|t| t.word && !t.cap && lw(text, t).ends_with('s'));
        if count && plural {
            return false;
        }
    }
    // Where the destination starts: after a phrase ending in "for", or after
    // the "for" that follows a bare "left" and its time.
    let after = if ends(" for") {
        Some(b)
    } else if f.entry.needs_object {
        let k = past_time_and_manner(text, st, timexes, b);
        word_at(k)
            .filter(|w| w.eq_ignore_ascii_case("for"))
            .map(|_| k + 1)
    } else {
        None
    };
    if let Some(from) = after {
        let destination = st
            .iter()
            .skip(from)
            .take(6)
            .take_while(|t| t.word && !t.is(W_STOP_RIGHT))
            .any(|t| t.cap || t.is(entities::C_PLACE) || is_in(lw(text, t), DESTINATION_NOUNS));
        if !destination {
            return false;
        }
    }
    if f.entry.needs_object {
        // "has left Magna with": the object is no place, "with" follows it.
        let k = past_time_and_manner(text, st, timexes, b);
        let with_after_object = mentions.iter().any(|m| {
            m.toks.0 == k
                && m.kind != EntityKind::Place
                && word_at(m.toks.1).is_some_and(|w| w.eq_ignore_ascii_case("with"))
        });
        if with_after_object {
            // The subject's head: the word before the verb and its auxiliaries.
            let mut s = a;
            while s > 0 && word_at(s - 1).is_some_and(|w| is_in(w, AUXILIARIES)) {
                s -= 1;
            }
            let someone = s.checked_sub(1).and_then(|k| st.get(k)).is_some_and(|t| {
                t.word
                    && (t.cap
                        || t.is(entities::C_PERSON | entities::C_ORG | entities::C_GROUP)
                        || is_in(lw(text, t), COLLECTIVES)
                        || is_in(lw(text, t), &["he", "she", "they", "we", "i", "who", "you"]))
            }) || mentions
                .iter()
                .any(|m| m.toks.1 == s && m.kind == EntityKind::Person);
            if !someone {
                return false;
            }
        }
    }
    true
}

/// Words that may stand before a count: "more than 20", "over 30", "some 40".
const COUNT_LEAD: &[&str] = &[
    "more", "than", "over", "about", "some", "nearly", "almost", "around",
];

/// Number words of a count of destinations ("flies to 42 cities", "to a dozen").
const COUNT_NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "dozens", "hundreds", "several", "many", "numerous",
];

/// Nouns that name where or what for one sets off, besides names and place
/// nouns: "left for home", "left for talks with", "left for exile".
const DESTINATION_NOUNS: &[&str] = &[
    "home",
    "homes",
    "abroad",
    "overseas",
    "capital",
    "border",
    "front",
    "scene",
    "hospital",
    "coast",
    "village",
    "villages",
    "camp",
    "camps",
    "exile",
    "talks",
    "meeting",
    "meetings",
    "summit",
    "conference",
    "consultations",
    "negotiations",
    "visit",
    "tour",
    "trip",
    "mission",
    "holiday",
    "vacation",
];

/// Auxiliaries and adverbs between a subject and its verb ("has left", "will
/// also leave").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should",
    "also", "then", "already", "finally", "just",
];

/// Whether someone (a capitalised word, a person or group noun, a title) is
/// among the three tokens after the determiner at token `b`: "met the French
/// president", "meeting the protesters"; not "met the deadline".
fn someone_after(text: &str, st: &[Tok], b: usize) -> bool {
    st.iter().skip(b + 1).take(3).any(|t| {
        t.word
            && (t.cap
                || t.is(entities::C_PERSON | entities::C_GROUP)
                || entities::title_word(gazetteer(), text, t))
    })
}

/// A lower-case word in "-ly" that is an adverb ("abruptly", "quickly"; not
/// "family").
fn ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !is_in(w, NOT_ADVERBS)
}

/// Adverbs of time or manner a departure verb may take before its destination or
/// the place it leaves ("left early for", "departed together from").
const DEPARTURE_ADVERBS: &[&str] = &[
    "early", "late", "later", "earlier", "again", "soon", "then", "together", "alone", "here",
    "there",
];
/// Words in "-ly" that are no adverbs.
const NOT_ADVERBS: &[&str] = &[
    "family", "rally", "supply", "reply", "apply", "assembly", "anomaly", "monopoly",
];

/// The token after the time and manner that follow a verb ending before token
/// `b`: the words of a timex ("left yesterday", "departed Tuesday"), the
/// preposition that opens one ("on Monday", "at noon") and adverbs ("left
/// abruptly", "early on Sunday"). `b` itself when none follows.
fn past_time_and_manner(text: &str, st: &[Tok], timexes: &[Timex], b: usize) -> usize {
    let in_timex = |k: usize| {
        st.get(k).is_some_and(|t| {
            // The timexes are in text order: the last one starting at or
            // before the token is the only one that may hold it.
            let n = timexes.partition_point(|x| x.span.start <= t.span.start);
            n.checked_sub(1)
                .and_then(|i| timexes.get(i))
                .is_some_and(|x| x.span.end >= t.span.end)
        })
    };
    let mut k = b;
    // A few words at most: a verb's own time and manner sit next to it.
    while k < st.len() && k < b + 8 {
        let t = &st[k];
        if in_timex(k) {
            k += 1;
            continue;
        }
        if !t.word || t.cap {
            break;
        }
        let w = lw(text, t);
        let opens_timex = is_in(w, &["on", "in", "at", "during"]) && in_timex(k + 1);
        let adverb = is_in(w, DEPARTURE_ADVERBS) || ly_adverb(w);
        if opens_timex || adverb {
            k += 1;
            continue;
        }
        break;
    }
    k
}

/// Finds the agents and patients of a trigger in its sentence.
fn arguments(text: &str, st: &[Tok], mentions: &[Mention], f: &mut Found) {
    let (a, b) = f.toks;
    let verbal = !matches!(f.entry.form, Form::Noun | Form::Plural);
    let mut agent_from = if verbal { Some(a) } else { None };
    if !verbal {
        // Possessor or light verb on the left: "Obama's visit", "his visit",
        // "will hold a meeting", "on an official visit".
        let mut k = a;
        let mut steps = 0;
        while k > 0 && steps < 9 {
            let t = &st[k - 1];
            let w = lw(text, t);
            if let Some(m) = mentions.iter().find(|m| m.toks.1 == k) {
                if t.possessive || is_in(w, &["his", "her", "their", "its", "my", "our"]) {
                    f.agents.push(m.clone());
                }
                break;
            }
            if t.word && t.is(W_LIGHT_VERB) {
                agent_from = Some(k - 1);
                break;
            }
            if t.word && is_in(w, &["at", "during"]) {
                // "Obama said at yesterday's meeting": the speaker was there.
                agent_from = Some(k - 1);
                break;
            }
            if t.word && t.is(W_STOP_PREP | W_SUBORDINATOR) {
                break;
            }
            if !t.word && !matches!(w, "“" | "\"" | "‘" | "'" | "-") {
                break;
            }
            k -= 1;
            steps += 1;
        }
        // "a meeting between X and Y", "the meeting of X and Y", "talks with Y".
        let next = st.get(b).filter(|t| t.word).map(|t| lw(text, t));
        if let Some(p) = next {
            if is_in(p, &["between", "of", "among"]) {
                for m in mentions
                    .iter()
                    .filter(|m| m.toks.0 > b && m.toks.0 <= b + 8)
                {
                    if m.kind != EntityKind::Place || is_in(p, &["between"]) {
                        f.patients.push(m.clone());
                    }
                }
                if f.agents.is_empty() && !f.patients.is_empty() && agent_from.is_none() {
                    f.agents = std::mem::take(&mut f.patients);
                }
            }
        }
    }
    if let Some(from) = agent_from {
        if f.agents.is_empty() {
            f.agents = left_agents(text, st, mentions, from, f.entry.form);
        }
    }
    // "X reported that a man was arrested": a passive phrase of the lexicon
    // ("was arrested", "were killed") has its subject right before it, as a
    // passive participle has (below).
    if verbal && st.get(a).is_some_and(|t| t.word && t.is(entities::W_BE)) {
        f.agents.retain(|m| m.toks.1 + 4 >= a);
    }
    if verbal && passive(text, st, f) {
        // "Port Aral was visited by X", "Y was received by X": the subject is
        // what it was done to (a visited place is the place, see `place`), and
        // the names after "by", if any, did it.
        let by = passive_agents(text, st, mentions, f).unwrap_or_default();
        let subject = std::mem::replace(&mut f.agents, by);
        // The subject stands right before its "was" (a modal, "has been", an
        // adverb at most): "He said the group would be met" has an unnamed one.
        for m in subject.into_iter().filter(|m| m.toks.1 + 4 >= a) {
            if !f.agents.iter().any(|a| a.name == m.name) {
                f.patients.push(m);
            }
        }
    }
    if f.agents.is_empty() && f.entry.form == Form::Prog {
        // "on my way to": the pronoun inside the phrase.
        if let Some(m) = mentions.iter().find(|m| m.toks.0 >= a && m.toks.1 <= b) {
            f.agents.push(m.clone());
        }
    }
    if f.agents.is_empty() && f.entry.form == Form::Ger {
        // "Confirming the visit, White House spokesman Sean Spicer said":
        // a fronted participle takes the main clause's subject.
        if let Some(c) = (b..st.len()).find(|&k| !st[k].word && lw(text, &st[k]) == ",") {
            let near: Vec<&Mention> = mentions
                .iter()
                .filter(|m| m.toks.0 > c && m.toks.0 <= c + 6 && !m.locative)
                .collect();
            if let Some(m) = near
                .iter()
                .find(|m| m.kind == EntityKind::Person)
                .or(near.first())
            {
                f.agents.push((*m).clone());
            }
        }
    }
    if matches!(
        f.entry.kind,
        EventKind::Meeting | EventKind::Agreement | EventKind::Sanctions
    ) || f.entry.needs_object
    {
        right_patients(text, st, mentions, f);
    }
}

/// Whether the verbal trigger is a passive participle: "was visited",
/// "were quickly received", "has been signed".
fn passive(text: &str, st: &[Tok], f: &Found) -> bool {
    if f.entry.form != Form::Past {
        return false;
    }
    let (a, _) = f.toks;
    let be = |t: &Tok| {
        t.word
            && is_in(
                lw(text, t),
                &["was", "were", "been", "being", "is", "are", "be"],
            )
    };
    let adverb = |t: &Tok| t.word && !t.cap && ly_adverb(lw(text, t));
    match a.checked_sub(1).and_then(|k| st.get(k)) {
        Some(t) if be(t) => true,
        Some(t) if adverb(t) => a.checked_sub(2).and_then(|k| st.get(k)).is_some_and(be),
        _ => false,
    }
}

/// The agents of a trigger that [`passive`] found passive: the names after
/// its "by" ("was visited by X and Y on Monday"), if it has one within a few
/// words and no clause break.
fn passive_agents(text: &str, st: &[Tok], mentions: &[Mention], f: &Found) -> Option<Vec<Mention>> {
    let b = f.toks.1;
    let by_before = |m: &Mention| {
        m.prep.is_some_and(|p| p.eq_ignore_ascii_case("by"))
            || m.toks
                .0
                .checked_sub(1)
                .and_then(|k| st.get(k))
                .is_some_and(|t| t.word && lw(text, t).eq_ignore_ascii_case("by"))
    };
    let (mi, first) = mentions
        .iter()
        .enumerate()
        .find(|(_, m)| m.toks.0 > b && m.toks.0 <= b + 8 && by_before(m))?;
    // No clause break between the verb and its "by".
    if st.get(b..first.toks.0)?.iter().any(|t| !t.word) || first.kind == EntityKind::Place {
        return None;
    }
    let mut out = vec![first.clone()];
    // "by X and Y"
    let mut end = first.toks.1;
    for m in mentions[mi + 1..].iter() {
        let joined = st.get(end..m.toks.0).is_some_and(|g| {
            g.len() == 1 && g[0].word && lw(text, &g[0]).eq_ignore_ascii_case("and")
        });
        if !joined || m.kind == EntityKind::Place {
            break;
        }
        out.push(m.clone());
        end = m.toks.1;
    }
    Some(out)
}

/// The subject of a verb at token `from`: the nearest name before it that is not
/// a place after a preposition nor inside a relative or appositive segment.
fn left_agents(
    text: &str,
    st: &[Tok],
    mentions: &[Mention],
    from: usize,
    form: Form,
) -> Vec<Mention> {
    let mut out = Vec::new();
    // "she visited Osaka and met X": a conjoined verb shares the first verb's
    // subject, never that verb's object place
    // "X met Y after visiting Z": a gerund after a temporal preposition
    // shares the main verb's subject, never its object, as a conjoined verb
    // does.
    let conjoined = from
        .checked_sub(1)
        .and_then(|k| st.get(k))
        .is_some_and(|t| {
            t.word
                && (lw(text, t).eq_ignore_ascii_case("and")
                    || (form == Form::Ger
                        && is_in(
                            lw(text, t),
                            &["after", "before", "while", "without", "upon", "since"],
                        )))
        });
    for (mi, m) in mentions.iter().enumerate().rev() {
        if m.toks.1 > from {
            continue;
        }
        if conjoined {
            // the first verb's object ("visited Osaka") right after that verb
            let after_verb = m
                .toks
                .0
                .checked_sub(1)
                .and_then(|k| st.get(k))
                .is_some_and(|t| {
                    let w = lw(text, t);
                    t.word
                        && !t.cap
                        && !is_in(w, &["and", "but", "when", "while", "as", "that", "then"])
                        // "X said Y fell ill while visiting": a reported subject
                        && !t.is(entities::W_REPORTING)
                });
            if m.kind == EntityKind::Place || (after_verb && !m.anaphor) {
                continue;
            }
        }
        if m.locative
            || m.prep.is_some_and(|p| {
                is_in(
                    p,
                    &["with", "between", "of", "by", "to", "from", "for", "on"],
                )
            })
        {
            continue;
        }
        // Hard stops between the name and the verb, and a "who" or "they"
        // that stands for nobody named ("X spoke of the Americans who were
        // killed", "X is safe and they should continue visiting"); not the
        // "they" of the ones who say it ("X and Y said they reached").
        let between = &st[m.toks.1..from];
        let reported = |k: usize| {
            let mut j = m.toks.1 + k;
            if j > 0 && st[j - 1].word && lw(text, &st[j - 1]).eq_ignore_ascii_case("that") {
                j -= 1;
            }
            j > 0 && st[j - 1].word && st[j - 1].is(entities::W_REPORTING)
        };
        if between.iter().enumerate().any(|(k, t)| {
            let w = lw(text, t);
            (!t.word && matches!(w, ";" | ":" | "•"))
                || (t.word
                    && is_in(w, &["who", "they", "we", "he", "she"])
                    && !mentions.iter().any(|r| r.toks.0 == m.toks.1 + k)
                    && !(w != "who" && reported(k)))
        }) {
            break;
        }
        // "X joined the alliance after the upper house voted": a finite verb
        // in an adverbial clause has that clause's subject, named by nobody
        // here (a name after the conjunction would be nearer); not "X left
        // after talks and met Y", nor "X, after a delay, arrived".
        let clause_subject = form != Form::Ger
            && between.iter().enumerate().any(|(k, t)| {
                let rest = &between[k + 1..];
                t.word
                    && is_in(lw(text, t), ADVERBIAL_CONJUNCTIONS)
                    && !rest.is_empty()
                    && rest
                        .iter()
                        .all(|r| r.word && !is_in(lw(text, r), &["and", "but", "or"]))
            });
        if clause_subject {
            break;
        }
        // "His mother died", "Elian's mother and 10 others died": a relative
        // of someone is someone else, named by nobody here.
        let possessor = st
            .get(m.toks.1.saturating_sub(1))
            .is_some_and(|t| t.possessive)
            || (m.toks.1 == m.toks.0 + 1
                && st.get(m.toks.0).is_some_and(|t| {
                    is_in(lw(text, t), &["his", "her", "its", "their", "our", "my"])
                }));
        if possessor
            && st
                .get(m.toks.1)
                .is_some_and(|t| t.word && is_in(lw(text, t), RELATIVES))
        {
            break;
        }
        if in_skipped_segment(text, st, m.toks.0, from) {
            continue;
        }
        out.push(m.clone());
        // "the two leaders": one phrase standing for two people
        for twin in mentions[..mi].iter().rev() {
            if twin.toks != m.toks {
                break;
            }
            out.push(twin.clone());
        }
        // Coordination: "X and Y will meet", "X, Y and Z signed", "X and the
        // Y signed"; a comma alone joins only a list that an "and" closes
        // ("The president of Brennia, Anna Lindqvist, arrived": an apposition).
        let mut cur = m.toks.0;
        let mut closed = false;
        // "Janos Martonyi of Hungary and Jan Kavan signed": the "of" of a place
        // (or unknown name) that qualifies the conjunct before it, which must
        // end there.
        let mut qualified: Option<usize> = None;
        for prev in mentions[..mi].iter().rev() {
            if let Some(of) = qualified.take() {
                if prev.toks.1 == of
                    && matches!(prev.kind, EntityKind::Person | EntityKind::Organization)
                {
                    out.push(prev.clone());
                    cur = prev.toks.0;
                    continue;
                }
                break;
            }
            let gap = st.get(prev.toks.1..cur).unwrap_or(&[]);
            let and = |t: &Tok| lw(text, t).eq_ignore_ascii_case("and");
            let gap = match gap {
                [g @ .., the] if the.is(entities::W_THE) => g,
                g => g,
            };
            let joined = !gap.is_empty()
                && gap.len() <= 2
                && gap
                    .iter()
                    .all(|t| and(t) || matches!(lw(text, t), "," | "&"))
                && (gap.iter().any(and) || (gap.len() == 1 && closed));
            closed |= gap.iter().any(|t| and(t) || lw(text, t) == "&");
            // "Kenya and Vietnam signed": countries coordinated with a country,
            // or a country that opens the sentence ("The United Kingdom and
            // Brennia signed"; not "He visited France and X met him")
            let opens = st
                .get(..prev.toks.0)
                .is_some_and(|s| s.iter().all(|t| !t.word || t.is(entities::W_THE)));
            let place_ok = (m.kind == EntityKind::Place || opens) && !prev.locative;
            // "In Geneva, the president met": a place after "in" is no subject
            let of = prev.toks.0.checked_sub(1).and_then(|k| {
                let k = if st.get(k).is_some_and(|t| t.is(entities::W_THE)) {
                    k.checked_sub(1)?
                } else {
                    k
                };
                st.get(k)
                    .filter(|t| t.word && lw(text, t).eq_ignore_ascii_case("of"))
                    .map(|_| k)
            });
            // (not "The presidents of Poland and the Czech Republic signed":
            // no name owns that place, the places are the conjuncts)
            let owned = of.filter(|&k| {
                mentions.iter().any(|x| {
                    x.toks.1 == k && matches!(x.kind, EntityKind::Person | EntityKind::Organization)
                })
            });
            if joined
                && matches!(prev.kind, EntityKind::Place | EntityKind::Unknown)
                && owned.is_some()
            {
                qualified = owned;
            } else if joined && !prev.locative && (prev.kind != EntityKind::Place || place_ok) {
                out.push(prev.clone());
                cur = prev.toks.0;
            } else {
                break;
            }
        }
        break;
    }
    out
}

/// Nouns for a body of people that may be a present verb's subject with no
/// capital ("the delegation visits X on Friday"), besides the organisation
/// heads of the entity finder ("the team", "the government", "the council").
const COLLECTIVES: &[&str] = &[
    "delegation",
    "panel",
    "jury",
    "mission",
    "crew",
    "firm",
    "regime",
    "airline",
    "opposition",
    "leadership",
];

/// Whether the noun at token `k` heads a noun phrase with a determiner of its
/// own ("the delegation", "a Brennian trade delegation"), not a noun that
/// modifies another ("an exchange of delegation visits").
fn determined(text: &str, st: &[Tok], k: usize) -> bool {
    let mut j = k;
    while j > 0 && k - j < 3 {
        j -= 1;
        let t = &st[j];
        if !t.word {
            return false;
        }
        if t.is(entities::W_DET) {
            return true;
        }
        if is_in(lw(text, t), NP_EDGES) {
            return false;
        }
    }
    false
}

/// Words that end a noun phrase on its left: prepositions and conjunctions.
const NP_EDGES: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "about", "between",
];

/// Words a present form that is also a plural noun ("visits", "signs") is
/// never followed by as a verb: a verb of its own ("the visits have ...") or
/// "of" ("signs of").
const NOUN_FOLLOWERS: &[&str] = &[
    "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "of",
];

/// Nouns for someone's relatives and people close to them: "his mother", "X's
/// lawyers" are not "he", not X.
const RELATIVES: &[&str] = &[
    "mother",
    "father",
    "parents",
    "wife",
    "husband",
    "widow",
    "son",
    "sons",
    "daughter",
    "daughters",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "children",
    "family",
    "relatives",
    "grandmother",
    "grandmothers",
    "grandfather",
    "stepfather",
    "stepmother",
    "uncle",
    "aunt",
    "cousin",
    "nephew",
    "niece",
    "friend",
    "friends",
    "lawyer",
    "lawyers",
];

/// Conjunctions that open an adverbial clause with a subject of its own.
const ADVERBIAL_CONJUNCTIONS: &[&str] = &[
    "after", "before", "until", "because", "although", "though", "whereas", "unless", "once",
    "when", "while",
];

/// Whether the name at token `at` lies in a comma- or dash-delimited segment that
/// does not carry the subject: a relative clause, an apposition, "including ...".
fn in_skipped_segment(text: &str, st: &[Tok], at: usize, verb: usize) -> bool {
    let delim = |t: &Tok| !t.word && matches!(lw(text, t), "," | "–" | "—" | "(" | ")");
    // The segment's end: the first delimiter after the name, before the verb.
    let Some(close) = (at..verb).find(|&k| delim(&st[k])) else {
        return false;
    };
    let _ = close;
    let open = (0..at).rev().find(|&k| delim(&st[k]));
    let first = match open {
        Some(o) => o + 1,
        None => return false,
    };
    let title = |t: &Tok| {
        t.word && (entities::title_word(gazetteer(), text, t) || t.is(entities::C_PERSON))
    };
    st.get(first).is_some_and(|t| {
        t.word
            && (t.is(W_SKIP_SEGMENT)
                || entities::title_word(gazetteer(), text, t)
                // "Anna Lindqvist, Brennia's president, met X"
                || (t.possessive && st.get(first + 1).is_some_and(title))
                || (!t.cap
                    && st
                        .get(first + 1)
                        .is_some_and(|n| entities::title_word(gazetteer(), text, n))))
    })
}

/// The persons or bodies a meeting-like trigger takes as object.
fn right_patients(text: &str, st: &[Tok], mentions: &[Mention], f: &mut Found) {
    let b = f.toks.1;
    let mut last_end = b;
    for m in mentions.iter().filter(|m| m.toks.0 >= b) {
        if m.toks.0 > last_end + 10 {
            break;
        }
        let Some(gap) = st.get(last_end..m.toks.0) else {
            continue;
        };
        let stop = gap.iter().any(|t| {
            let w = lw(text, t);
            (!t.word && matches!(w, ";" | ":" | "." | "(" | "–" | "—"))
                || (t.word && t.is(W_STOP_RIGHT))
                || (t.word
                    && w.eq_ignore_ascii_case("to")
                    && !is_in(lw(text, &st[b - 1]), &["way"]))
        });
        if stop {
            break;
        }
        // A comma ends the object unless it opens an apposition of the last one.
        let comma = gap.iter().any(|t| !t.word && lw(text, t) == ",");
        // "his French counterpart, Emmanuel Macron": a comma after a person noun
        // opens an apposition.
        let appos = m.toks.0 >= 2 && !st[m.toks.0 - 1].word && st[m.toks.0 - 2].word && {
            let head = lw(text, &st[m.toks.0 - 2]);
            is_in(head, entities::PERSON_NOUNS) || is_in(head, APPOSITION_HEADS)
        };
        if comma && !appos && (f.patients.is_empty() || gap.len() > 1) {
            break;
        }
        if m.locative {
            last_end = m.toks.1;
            continue;
        }
        if m.kind == EntityKind::Place
            && !m
                .prep
                .is_some_and(|p| is_in(p, &["with", "and", "between"]))
        {
            last_end = m.toks.1;
            continue;
        }
        if f.agents.iter().any(|a| a.name == m.name) {
            last_end = m.toks.1;
            continue;
        }
        f.patients.push(m.clone());
        last_end = m.toks.1;
    }
}

/// Where the event takes place, from the clause, the sentence, or "where".
fn place(text: &str, st: &[Tok], mentions: &[Mention], f: &Found) -> Option<(String, Span)> {
    let (lo, hi) = f.clause;
    let (a, b) = f.toks;
    let placeish = |m: &Mention| {
        matches!(m.kind, EntityKind::Place)
            || (m.kind == EntityKind::Unknown && m.locative)
            || (m.kind == EntityKind::Organization
                && m.locative
                && is_in(m.prep.unwrap_or(""), &["in", "at"]))
    };
    let want: &[&str] = match f.entry.kind {
        EventKind::Departure => &["from", "for", "to"],
        EventKind::Arrival => &["in", "at", "to"],
        EventKind::Visit => &["to", "in", "at"],
        _ => &["in", "at"],
    };
    // "Port Aral was visited by X": the passive subject is the place.
    if f.entry.kind == EventKind::Visit && passive(text, st, f) {
        if let Some(m) = mentions.iter().rev().find(|m| {
            m.toks.1 <= a && m.kind == EntityKind::Place && !m.locative && m.prep.is_none()
        }) {
            return Some((m.name.to_string(), m.span));
        }
    }
    // "visited Japan", "leaving Canada": a direct-object place.
    if matches!(f.entry.kind, EventKind::Visit | EventKind::Departure) {
        if let Some(m) = mentions
            .iter()
            .find(|m| m.toks.0 == b && m.kind == EntityKind::Place)
        {
            return Some((m.name.to_string(), m.span));
        }
    }
    for p in want {
        if let Some(m) = mentions.iter().find(|m| {
            m.toks.0 >= b
                && m.toks.1 <= hi.max(b + 12).min(st.len())
                && placeish(m)
                && m.prep.is_some_and(|q| q.eq_ignore_ascii_case(p))
        }) {
            return Some((m.name.to_string(), m.span));
        }
    }
    if let Some(m) = mentions
        .iter()
        .find(|m| m.toks.0 >= lo && m.toks.1 <= a && placeish(m) && m.locative)
    {
        return Some((m.name.to_string(), m.span));
    }
    // "On Monday in Port Aral, the president met": a place in the sentence's
    // opening adverbial, set off by a comma before the trigger
    let opening = st
        .first()
        .is_some_and(|t| t.word && is_in(lw(text, t), super::timelink::OPENING_WORDS));
    if opening {
        if let Some(m) = mentions.iter().find(|m| {
            m.toks.1 < a
                && placeish(m)
                && m.locative
                && is_in(m.prep.unwrap_or(""), &["in", "at"])
                && st
                    .get(m.toks.1)
                    .is_some_and(|t| !t.word && lw(text, t) == ",")
                && st
                    .get(..m.toks.0)
                    .is_some_and(|before| before.iter().all(|t| t.word))
        }) {
            return Some((m.name.to_string(), m.span));
        }
    }
    // "Paris, where he will hold a meeting": the place "where" stands for.
    if st
        .get(lo)
        .is_some_and(|t| t.word && lw(text, t).eq_ignore_ascii_case("where"))
    {
        if let Some(m) = mentions
            .iter()
            .rev()
            .find(|m| m.toks.1 <= lo && m.kind == EntityKind::Place)
        {
            return Some((m.name.to_string(), m.span));
        }
    }
    None
}

/// "NAIROBI, Kenya (AP) –": the place an article is filed from.
fn dateline(
    text: &str,
    sents: &[(usize, Span, BlockKind, usize)],
    toks: &SentenceTokens,
) -> Option<(String, Span, usize)> {
    let (si, _) = sents
        .iter()
        .enumerate()
        .find(|(_, s)| s.2 == BlockKind::Body)?;
    let st = toks.get(si);
    let mut k = 0;
    let mut words = Vec::new();
    while k < st.len()
        && st[k].word
        && st[k]
            .span
            .slice(text)
            .is_some_and(|w| w.chars().all(|c| !c.is_lowercase()))
    {
        words.push(st[k]);
        k += 1;
    }
    if words.is_empty() || k > 4 {
        return None;
    }
    let next = st.get(k).map(|t| lw(text, t))?;
    if !matches!(next, "," | "–" | "—" | "-" | "(") {
        return None;
    }
    let span = Span::new(words[0].span.start, words[words.len() - 1].span.end);
    let name = span.slice(text)?;
    match gazetteer().lookup_word(name)? {
        Gaz::Capital(c, _) | Gaz::Country(c) => Some((c.to_string(), span, si)),
        _ => None,
    }
}

/// "X announced the activation of the treaty": the announcement is the act itself;
/// its agent and time go to the act and the announcement is dropped.
fn fold_announcements(text: &str, st: &[Tok], found: &mut [Found]) {
    let _ = (text, st);
    for i in 0..found.len() {
        if found[i].drop
            || found[i].entry.kind != EventKind::Announcement
            || found[i].entry.form == Form::Noun
        {
            continue;
        }
        let (a_end, clause_hi) = (found[i].toks.1, found[i].clause.1);
        let target = (0..found.len()).find(|&j| {
            j != i
                && !found[j].drop
                && found[j].toks.0 >= a_end
                && found[j].toks.0 <= clause_hi.max(a_end + 8)
                && found[j].toks.0 <= a_end + 8
                && matches!(
                    found[j].entry.kind,
                    EventKind::TreatyActivation
                        | EventKind::Sanctions
                        | EventKind::Vote
                        | EventKind::Proclamation
                )
        });
        if let Some(j) = target {
            let agents = found[i].agents.clone();
            let timex = found[i].timex;
            let status = found[i].status;
            let f = &mut found[j];
            if f.status == Status::Occurred || f.status == Status::Reported {
                f.status = status;
            }
            if f.agents.is_empty() {
                f.agents = agents;
            }
            if f.timex.is_none() {
                f.timex = timex;
            }
            found[i].drop = true;
        }
    }
}

/// "signed an agreement", "paid a visit": a verb whose object is a noun trigger of
/// its own kind names one event; the verb keeps it.
fn verb_takes_its_noun(text: &str, st: &[Tok], found: &mut [Found]) {
    for j in 0..found.len() {
        if found[j].drop || found[j].entry.form != Form::Noun {
            continue;
        }
        let (a, _) = found[j].toks;
        let verb = (0..found.len()).any(|i| {
            i != j
                && !found[i].drop
                && found[i].entry.kind == found[j].entry.kind
                && !matches!(found[i].entry.form, Form::Noun | Form::Plural)
                && found[i].toks.1 <= a
                && a - found[i].toks.1 <= 3
                && st[found[i].toks.1..a]
                    .iter()
                    .all(|t| t.word && !t.cap && !t.is(W_STOP_PREP))
        });
        // "will host X for summit talks", "received X for a state visit": the
        // meeting verb and the noun of its purpose are one occasion.
        let host = (0..found.len()).any(|i| {
            i != j
                && !found[i].drop
                && found[i].entry.kind == EventKind::Meeting
                && matches!(found[j].entry.kind, EventKind::Meeting | EventKind::Visit)
                && !matches!(found[i].entry.form, Form::Noun | Form::Plural)
                && found[i].toks.1 < a
                && a - found[i].toks.1 <= 12
                && st[found[i].toks.1..a].iter().all(|t| t.word)
                && st[found[i].toks.1..a]
                    .iter()
                    .rposition(|t| lw(text, t).eq_ignore_ascii_case("for"))
                    .is_some_and(|p| {
                        let p = found[i].toks.1 + p;
                        a - p <= 3 && st[p + 1..a].iter().all(|t| !t.cap)
                    })
        });
        if verb || host {
            found[j].drop = true;
        }
    }
}

trait PunctOrNone {
    fn is_none_or_punct(&self, text: &str) -> bool;
}

impl PunctOrNone for Option<&Tok> {
    /// Whether there is no next token, or it is punctuation other than a quote.
    fn is_none_or_punct(&self, text: &str) -> bool {
        match self {
            None => true,
            Some(t) => !t.word && !matches!(lw(text, t), "\"" | "“" | "‘" | "'"),
        }
    }
}
