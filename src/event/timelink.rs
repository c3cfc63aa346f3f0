//! Time link: the temporal expression that governs a trigger's clause, else the
//! tense and the publication date where that is sound, else nothing; then clock
//! times without a date are placed by the narrative around them.

use super::entities::{is_in, lw, Tok, W_SUBORDINATOR};
use super::extract::Found;
use super::lexicon::Form;
use super::status::Voice;
use super::{EventKind, EventTime, Status};
use crate::text::BlockKind;
use crate::timex::{Granularity, Interval, Timex, TimexType};
use crate::{Published, Span};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// "a day after", "two days before" opening the clause of the trigger at token
/// `at`: where the phrase starts and the days from the main clause's time to the
/// trigger's event (negative for "after").
fn days_from(text: &str, st: &[Tok], at: usize) -> Option<(usize, i64)> {
    // the subject between the phrase and the trigger: a few words, no punctuation
    let lo = at.saturating_sub(9);
    // Words compared ASCII case-insensitively, without lower-casing copies.
    let is = |w: &str, any: &[&str]| any.iter().any(|a| w.eq_ignore_ascii_case(a));
    let rel = (lo..at).rev().find(|&k| {
        st.get(k)
            .is_some_and(|t| t.word && is(lw(text, t), &["after", "before"]))
    })?;
    if st.get(rel + 1..at)?.iter().any(|t| !t.word) {
        return None;
    }
    let unit = lw(text, st.get(rel.checked_sub(1)?)?);
    let days_per = if is(unit, &["day", "days"]) {
        1
    } else if is(unit, &["week", "weeks"]) {
        7
    } else {
        return None;
    };
    let count = lw(text, st.get(rel.checked_sub(2)?)?);
    let words = ["a", "one", "two", "three", "four", "five", "six"];
    let n: i64 = match words.iter().position(|w| count.eq_ignore_ascii_case(w)) {
        Some(0) => 1,
        Some(k) => k as i64,
        // Lower-casing leaves digits and signs as they are.
        None => count.parse().ok().filter(|n| (1..=60).contains(n))?,
    };
    let after = lw(text, &st[rel]).eq_ignore_ascii_case("after");
    let days = n.checked_mul(days_per)?;
    Some((rel - 2, if after { -days } else { days }))
}

/// Subordinators (the clause finder's [`W_SUBORDINATOR`]) that are also
/// prepositions or join main clauses: no sign of a clause that hangs on
/// another ("In 2019, as trade minister, she visited", "after the talks").
const NOT_HANGING: &[&str] = &["but", "since", "after", "before", "as", "amid"];

/// Words that open a sentence's time phrase before its comma: prepositions,
/// "early"/"late", and a conjunction or adverb that links the sentence to the
/// one before ("Also Friday, ...", "But on Monday, ...").
pub(super) const OPENING_WORDS: &[&str] = &[
    "on", "in", "at", "during", "by", "since", "early", "late", "earlier", "later", "also", "and",
    "but", "then",
];

/// Whether a subordinate clause opens between tokens `from` and `to`: a
/// subordinator that is no preposition, "once", or a participle after a comma (", insisting the
/// boy ..."). A sentence-opening time governs the main clause, not an event
/// told in a clause that hangs on it ("On Monday, officials hardened their
/// stance, insisting ... once the group arrives"); a clause joined by "but" is
/// a main clause too.
fn subordinate_between(text: &str, st: &[Tok], from: usize, to: usize) -> bool {
    let toks = st.get(from..to).unwrap_or_default();
    toks.iter().enumerate().any(|(k, t)| {
        let w = lw(text, t);
        let before = k
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .map(|c| lw(text, c));
        // "but that has not been confirmed": after a conjunction or a comma
        // "that" is a pronoun, the subject of a main clause
        let pronoun = w.eq_ignore_ascii_case("that")
            && before.is_some_and(|b| {
                b == ","
                    || ["but", "and", "or"]
                        .iter()
                        .any(|c| b.eq_ignore_ascii_case(c))
            });
        t.word
            && (((t.is(W_SUBORDINATOR) && !is_in(w, NOT_HANGING)) || is_in(w, &["once"]))
                && !pronoun
                || (w.len() > 4 && w.ends_with("ing") && before == Some(",")))
    })
}

/// Whether a timex can date an event: an anchored date or time.
pub(crate) fn usable(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.granularity.is_some()
        && t.value.starts_with(|c: char| c.is_ascii_digit())
}

/// Gives each timex of a sentence to the trigger it governs: the nearest trigger of
/// its clause, else the nearest trigger whose clause has no timex of its own.
pub(crate) fn assign(
    text: &str,
    st: &[Tok],
    timexes: &[Timex],
    sent_timexes: &[usize],
    found: &mut [Found],
) {
    // With no timex in the sentence and no trigger dated yet, every rule below
    // finds nothing to give or share.
    if sent_timexes.is_empty() && found.iter().all(|f| f.timex.is_none()) {
        return;
    }
    let tok_of = |span: Span| -> usize {
        st.iter()
            .position(|t| t.span.end > span.start)
            .unwrap_or(st.len())
    };
    let live: Vec<usize> = (0..found.len()).filter(|&i| !found[i].drop).collect();
    if live.is_empty() {
        return;
    }
    // A time after its verb ("adopted a resolution on Monday condemning ...") is
    // the usual order; one headed by a preposition leans back harder still.
    let dist = |f: &Found, at: usize| -> usize {
        if at >= f.toks.1 {
            at - f.toks.1
        } else {
            let leans_back = at.checked_sub(1).and_then(|p| st.get(p)).is_some_and(|t| {
                t.word
                    && ["on", "in", "at", "since", "during", "by", "until", "of"]
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(lw(text, t)))
            });
            f.toks.0.saturating_sub(at + 1) + if leans_back { 4 } else { 2 }
        }
    };
    let timex_toks: Vec<(usize, usize)> = sent_timexes
        .iter()
        .filter_map(|&ti| timexes.get(ti).map(|t| (ti, tok_of(t.span))))
        .collect();
    let clause_has_timex = |f: &Found| {
        timex_toks
            .iter()
            .any(|&(_, at)| at >= f.clause.0 && at < f.clause.1)
    };
    let mut best: Vec<Option<(usize, usize)>> = vec![None; found.len()];
    for &(ti, at) in &timex_toks {
        // "that 1978 resolution calls for": a time between a determiner and a
        // noun modifies that noun, and dates only a trigger that is that noun.
        let end = timexes.get(ti).map_or(at, |t| {
            st.iter()
                .position(|k| k.span.start >= t.span.end)
                .unwrap_or(st.len())
        });
        let attributive = at.checked_sub(1).and_then(|p| st.get(p)).is_some_and(|t| {
            t.word
                && [
                    "the", "that", "this", "a", "an", "its", "his", "her", "their",
                ]
                .iter()
                .any(|d| d.eq_ignore_ascii_case(lw(text, t)))
        }) && st.get(end).is_some_and(|t| t.word && !t.cap);
        if attributive {
            if let Some(&i) = live.iter().find(|&&i| found[i].toks.0 == end) {
                best[i] = Some((ti, 0));
            }
            continue;
        }
        let same: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&i| at >= found[i].clause.0 && at < found[i].clause.1)
            .collect();
        // A sentence-initial time set off by a comma ("On Friday, the mayors, with
        // their lawyers, flew to Washington") governs the main clause, also with
        // a place of a few words between ("On Monday in Port Aral, ...").
        let is_comma = |k: usize| st.get(k).is_some_and(|t| !t.word && lw(text, t) == ",");
        let place_then_comma = st
            .get(end)
            .is_some_and(|t| t.word && is_in(lw(text, t), &["in", "at"]))
            && (end + 2..=end + 6)
                .find(|&k| st.get(k).map_or(true, |t| !t.word))
                .is_some_and(is_comma);
        let fronted = (is_comma(end) || place_then_comma)
            && st.get(..at).is_some_and(|before| {
                before
                    .iter()
                    .all(|t| t.word && is_in(lw(text, t), OPENING_WORDS))
            });
        let pool: Vec<usize> = if same.is_empty() {
            // A fronted time ("On Monday, the council voted") governs the next
            // clause; a stray one further away governs nothing.
            live.iter()
                .copied()
                .filter(|&i| {
                    !clause_has_timex(&found[i])
                        && (dist(&found[i], at) <= 8
                            || (fronted
                                && found[i].toks.0 >= end
                                && !subordinate_between(text, st, end, found[i].toks.0)))
                })
                .collect()
        } else {
            same
        };
        if let Some(&i) = pool
            .iter()
            .min_by_key(|&&i| (dist(&found[i], at), found[i].toks.0))
        {
            let d = dist(&found[i], at);
            if best[i].map_or(true, |(_, bd)| d < bd) {
                best[i] = Some((ti, d));
            }
        }
    }
    // "from 1968, when the Soviets invaded": a "when" clause right after a time
    // is that time.
    for &i in &live {
        let lo = found[i].clause.0;
        let opens_when = st
            .get(lo)
            .is_some_and(|t| t.word && lw(text, t).eq_ignore_ascii_case("when"));
        let comma = lo
            .checked_sub(1)
            .and_then(|k| st.get(k))
            .is_some_and(|t| !t.word && lw(text, t) == ",");
        if opens_when && comma {
            let before = timex_toks.iter().find(|&&(ti, _)| {
                timexes.get(ti).is_some_and(|t| {
                    lo >= 2 && st.get(lo - 2).is_some_and(|k| k.span.end == t.span.end)
                })
            });
            if let Some(&(ti, _)) = before {
                best[i] = Some((ti, 0));
            }
        }
    }
    for (i, b) in best.into_iter().enumerate() {
        if let Some((ti, _)) = b {
            found[i].timex = Some(ti);
        }
    }
    // "In 2019 she visited Osaka and met X": a verb conjoined to a dated verb,
    // with no time of its own, shares its time.
    for i in 0..found.len() {
        let verbal = |f: &Found| !matches!(f.entry.form, Form::Noun | Form::Plural);
        if found[i].drop || found[i].timex.is_some() || !verbal(&found[i]) {
            continue;
        }
        let a = found[i].toks.0;
        let conjoined = a
            .checked_sub(1)
            .and_then(|k| st.get(k))
            .is_some_and(|t| t.word && lw(text, t).eq_ignore_ascii_case("and"));
        if !conjoined {
            continue;
        }
        let prior = (0..found.len())
            .filter(|&j| {
                j != i
                    && !found[j].drop
                    && found[j].timex.is_some()
                    && verbal(&found[j])
                    && found[j].toks.1 < a
            })
            .max_by_key(|&j| found[j].toks.1);
        if let Some(j) = prior {
            found[i].timex = found[j].timex;
        }
    }
    // "held talks on Monday, a day after Minh arrived": an event dated from the
    // main clause's time by a count of days.
    for i in 0..found.len() {
        if found[i].drop || found[i].timex.is_some() {
            continue;
        }
        let Some((at, shift)) = days_from(text, st, found[i].toks.0) else {
            continue;
        };
        let main = (0..found.len())
            .filter(|&j| j != i && !found[j].drop && found[j].toks.1 <= at)
            .filter(|&j| found[j].timex.is_some() && found[j].shift_days == 0)
            .max_by_key(|&j| found[j].toks.1);
        if let Some(j) = main {
            found[i].timex = found[j].timex;
            found[i].shift_days = shift;
        }
    }
    // "Moon visited Japan last year when he met with ...": a temporal clause
    // without a time of its own shares the time of the clause it hangs on.
    for i in 0..found.len() {
        if found[i].timex.is_none() && found[i].subordinate_when && !found[i].drop {
            let prior = (0..i)
                .rev()
                .find(|&j| !found[j].drop && found[j].timex.is_some());
            if let Some(j) = prior {
                found[i].timex = found[j].timex;
                // One occasion told twice ("visited X when he met Y"): the main
                // event takes the subordinate one's partners.
                let extra: Vec<_> = found[i]
                    .patients
                    .iter()
                    .filter(|p| !found[j].patients.iter().any(|q| q.name == p.name))
                    .cloned()
                    .collect();
                found[j].patients.extend(extra);
            }
        }
    }
}

/// The day `days` from a timex's day; nothing when the timex names no day.
fn shifted(t: &Timex, days: i64) -> Option<EventTime> {
    let day = NaiveDate::parse_from_str(t.value.get(..10)?, "%Y-%m-%d").ok()?;
    let d = day.checked_add_signed(Duration::try_days(days)?)?;
    Some(EventTime {
        value: d.format("%Y-%m-%d").to_string(),
        granularity: Granularity::Day,
        interval: Some(Interval::day(d)),
        zone: None,
        timex: Some(t.span),
    })
}

fn from_timex(t: &Timex, text: &str) -> Option<EventTime> {
    let granularity = t.granularity?;
    let zone = t.zone.clone().or_else(|| zone_after(text, t.span));
    Some(EventTime {
        value: t.value.clone(),
        granularity,
        interval: t.interval,
        zone,
        timex: Some(t.span),
    })
}

/// "9:59 PM local time", "10 a.m. GMT": a zone written right after a clock time.
fn zone_after(text: &str, span: Span) -> Option<String> {
    let rest = text.get(span.end..)?;
    let rest = rest.trim_start();
    for z in [
        "local time",
        "GMT",
        "UTC",
        "EST",
        "EDT",
        "CET",
        "CEST",
        "BST",
        "PST",
        "PDT",
        "ET",
    ] {
        if rest.starts_with(z) && !rest[z.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some(z.to_string());
        }
    }
    None
}

/// The time of each found trigger, in order.
pub(crate) fn resolve(
    text: &str,
    sents: &[(usize, Span, BlockKind, usize)],
    all: &[(usize, Found)],
    timexes: &[Timex],
    published: Option<&Published>,
) -> Vec<Option<EventTime>> {
    let mut out: Vec<Option<EventTime>> = all
        .iter()
        .map(|(si, f)| {
            if let Some(t) = f.timex.and_then(|i| timexes.get(i)) {
                if f.shift_days != 0 {
                    return shifted(t, f.shift_days);
                }
                return from_timex(t, text);
            }
            let headline = sents.get(*si).is_some_and(|s| s.2 == BlockKind::Headline);
            // Tense: a present progressive in the article's own voice is under way
            // on the publication day. Other tenses give no day.
            if f.status == Status::Ongoing
                && f.voice == Voice::Narrator
                && !headline
                && f.entry.form == Form::Ger
            {
                let d = published?.date();
                return Some(EventTime {
                    value: d.format("%Y-%m-%d").to_string(),
                    granularity: Granularity::Day,
                    interval: Some(Interval::day(d)),
                    zone: None,
                    timex: None,
                });
            }
            None
        })
        .collect();
    place_clock_times(all, &mut out, published);
    out
}

/// A departure at a clock time with no date of its own, told before an arrival on
/// day D: the narrative orders departure before arrival, so an evening departure
/// (or one later than publication) on D or after is placed the evening before.
fn place_clock_times(
    all: &[(usize, Found)],
    times: &mut [Option<EventTime>],
    published: Option<&Published>,
) {
    for i in 0..all.len() {
        let f = &all[i].1;
        if f.entry.kind != EventKind::Departure {
            continue;
        }
        let Some(t) = times[i].clone() else { continue };
        if !matches!(
            t.granularity,
            Granularity::Hour | Granularity::Minute | Granularity::Second
        ) {
            continue;
        }
        let Some((date, clock)) = split_value(&t.value) else {
            continue;
        };
        let arrival = (0..all.len()).find_map(|j| {
            let g = &all[j].1;
            if g.entry.kind != EventKind::Arrival || j == i {
                return None;
            }
            let v = times[j].as_ref()?;
            let (d, _) = split_value(&v.value)?;
            Some(d)
        });
        let Some(arrival_day) = arrival else { continue };
        let after_publication = published
            .and_then(|p| p.datetime())
            .is_some_and(|p| date.and_time(clock) > p);
        if date >= arrival_day && (clock.hour_ge(12) || after_publication) {
            let Some(day) = arrival_day.checked_sub_signed(Duration::days(1)) else {
                continue;
            };
            let start = day.and_time(clock);
            let step = match t.granularity {
                Granularity::Hour => Duration::hours(1),
                Granularity::Second => Duration::seconds(1),
                _ => Duration::minutes(1),
            };
            let clock_part = t.value.split_once('T').map_or("", |(_, c)| c);
            times[i] = Some(EventTime {
                value: format!("{}T{}", day.format("%Y-%m-%d"), clock_part),
                granularity: t.granularity,
                interval: start
                    .checked_add_signed(step)
                    .map(|end| Interval { start, end }),
                zone: t.zone.clone(),
                timex: t.timex,
            });
        }
    }
}

trait HourGe {
    fn hour_ge(&self, h: u32) -> bool;
}

impl HourGe for NaiveTime {
    fn hour_ge(&self, h: u32) -> bool {
        use chrono::Timelike;
        self.hour() >= h
    }
}

/// `2018-12-04T21:59` -> (date, time).
fn split_value(v: &str) -> Option<(NaiveDate, NaiveTime)> {
    let (d, c) = match v.split_once('T') {
        Some((d, c)) => (d, Some(c)),
        None => (v, None),
    };
    let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
    let clock = match c {
        Some(c) => {
            let c = c.get(..5).unwrap_or(c);
            NaiveTime::parse_from_str(c, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(&format!("{c}:00"), "%H:%M"))
                .ok()?
        }
        None => NaiveTime::MIN,
    };
    let _ = NaiveDateTime::MIN;
    Some((date, clock))
}
