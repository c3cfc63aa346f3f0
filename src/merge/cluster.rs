//! Clustering mentions into events: canonical order, blocking, greedy
//! complete-link assignment with deterministic tie-breaks. See the module docs of
//! [`crate::merge`] for the rules; this file implements them.

use super::intern::Interner;
use super::names::{self, NameTable};
use super::{ArticleSummary, Conflict, Timeline, TimelineEvent};
use crate::event::{EventKind, EventMention, EventTime, SharedStr, Status};
use crate::timex::{Granularity, Interval};
use crate::Published;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Index key for "every cluster of this kind class".
const ALL: u32 = u32::MAX;
/// Index key for "clusters that had no participant when indexed".
const EMPTY: u32 = u32::MAX - 1;
/// Most index entries one mention may look at. Past it, the mention is too
/// ambiguous to place (thousands of clusters share its block) and stays apart:
/// this bounds the cost of pathological blocks, deterministically.
const SCAN_LIMIT: usize = 4096;
const DAY: i64 = 86_400;
/// The end of a member list.
const NONE: u32 = u32::MAX;

/// `[start, end)` in seconds since 1970 (local time as the text gives it).
type Secs = (i64, i64);

fn secs(dt: NaiveDateTime) -> i64 {
    dt.and_utc().timestamp()
}

fn overlaps(a: Secs, b: Secs) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Twice the distance between the midpoints (kept doubled to stay in integers).
fn mid_distance2(a: Secs, b: Secs) -> i128 {
    let ma = i128::from(a.0) + i128::from(a.1);
    let mb = i128::from(b.0) + i128::from(b.1);
    (ma - mb).abs()
}

/// Whether two reported times can belong to one occurrence: they share an instant,
/// or their midpoints lie at most `tolerance` seconds apart.
pub(crate) fn within(a: Secs, b: Secs, tolerance: i64) -> bool {
    overlaps(a, b) || mid_distance2(a, b) <= 2 * i128::from(tolerance)
}

/// A strict containment: `outer` holds `inner` and is not the same interval.
fn strictly_contains(outer: Secs, inner: Secs) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1 && outer != inner
}

/// The interval of a mention's time: the one given, else one read from a plain
/// TIMEX3 value (`2019`, `2019-01`, `2019-01-23`, `2019-01-23T10:30`, `2019-W04`,
/// `2019-Q1`, `2019-H1`, `2019-SU`). Relative or unanchored values have none.
pub(crate) fn time_span(t: &EventTime) -> Option<Secs> {
    let (s, e) = match t.interval {
        Some(Interval { start, end }) => (secs(start), secs(end)),
        None => {
            let (a, b) = parse_value(&t.value)?;
            (secs(a), secs(b))
        }
    };
    Some((s, e.max(s.saturating_add(1))))
}

fn parse_value(v: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > 4 {
            return None;
        }
        s.parse().ok()
    };
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0);
    let (date_part, time_part) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let mut parts = date_part.split('-');
    let year_str = parts.next()?;
    if year_str.len() != 4 {
        return None;
    }
    let y = i32::try_from(num(year_str)?).ok()?;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let months = |m0: u32, n: u32| -> Option<(NaiveDateTime, NaiveDateTime)> {
        let start = day(y, m0, 1)?;
        let end_m = m0 + n;
        let end = if end_m > 12 {
            day(y.checked_add(1)?, end_m - 12, 1)?
        } else {
            day(y, end_m, 1)?
        };
        Some((midnight(start)?, midnight(end)?))
    };
    match (second, third, time_part) {
        (None, None, None) => months(1, 12),
        // seasons by the meteorological months; "the winter of 1994" may be
        // the one that 1994 opens with or the one it ends with, and its
        // interval holds both
        (Some("SP"), None, None) => months(3, 3),
        (Some("SU"), None, None) => months(6, 3),
        (Some("FA"), None, None) => months(9, 3),
        (Some("WI"), None, None) => {
            let start = day(y.checked_sub(1)?, 12, 1)?;
            let end = day(y.checked_add(1)?, 3, 1)?;
            Some((midnight(start)?, midnight(end)?))
        }
        (Some(s), None, None) if s.starts_with('W') => {
            let w = num(&s[1..])?;
            let start = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
            let end = start.checked_add_days(chrono::Days::new(7))?;
            Some((midnight(start)?, midnight(end)?))
        }
        (Some(s), None, None) if s.starts_with('Q') => {
            let q = num(&s[1..])?;
            (1..=4).contains(&q).then_some(())?;
            months(3 * (q - 1) + 1, 3)
        }
        (Some(s), None, None) if s.starts_with('H') => {
            let h = num(&s[1..])?;
            (1..=2).contains(&h).then_some(())?;
            months(6 * (h - 1) + 1, 6)
        }
        (Some(m), None, None) => months(num(m)?, 1),
        (Some(m), Some(d), time) => {
            let date = day(y, num(m)?, num(d)?)?;
            let Some(time) = time else {
                let end = date.succ_opt()?;
                return Some((midnight(date)?, midnight(end)?));
            };
            let mut hm = time.split(':');
            let h = num(hm.next()?)?;
            let (mi, len) = match hm.next() {
                Some(mi) => (num(mi)?, 60),
                None => (0, 3600),
            };
            let (sec, len) = match hm.next() {
                Some(s) => (num(s)?, 1),
                None => (0, len),
            };
            let start = date.and_hms_opt(h, mi, sec)?;
            let end = start.checked_add_signed(chrono::TimeDelta::try_seconds(len)?)?;
            Some((start, end))
        }
        _ => None,
    }
}

/// The publication day of a mention's article, when it parses.
fn publication_day(p: Option<&str>) -> Option<Secs> {
    let d = Published::parse(p?).ok()?.date();
    let start = d.and_hms_opt(0, 0, 0)?;
    let end = d.succ_opt()?.and_hms_opt(0, 0, 0)?;
    let _ = d.year();
    Some((secs(start), secs(end)))
}

/// Kinds that may report one occurrence share a class. A meeting and a visit do:
/// "X visited Y-land, where X met Z" is one trip in most reports, and readers
/// (and the gold of the seed stories) accept either name. Every other kind stands
/// alone: an announcement of a meeting is not the meeting.
pub(crate) fn kind_class(kind: EventKind) -> u8 {
    let kind = if kind == EventKind::Visit {
        EventKind::Meeting
    } else {
        kind
    };
    EventKind::ALL
        .iter()
        .position(|k| *k == kind)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(u8::MAX)
}

/// The sorted entity ids of one mention. Nearly every mention names one to three
/// people: they stay inline, so a million mentions are not a million allocations.
///
/// The rare longer list is boxed twice, so that its pointer is thin and the
/// enum as small as its inline form (16 bytes, a quarter of an [`Item`]).
enum Keys {
    Inline(u8, [u32; 3]),
    Heap(Box<Box<[u32]>>),
}

const _: () = assert!(std::mem::size_of::<Keys>() <= 16);

impl Keys {
    /// `ids` sorted and without repeats.
    fn new(ids: &[u32]) -> Keys {
        match ids {
            [] => Keys::Inline(0, [0; 3]),
            [a] => Keys::Inline(1, [*a, 0, 0]),
            [a, b] => Keys::Inline(2, [*a, *b, 0]),
            [a, b, c] => Keys::Inline(3, [*a, *b, *c]),
            _ => Keys::Heap(Box::new(ids.into())),
        }
    }
}

impl std::ops::Deref for Keys {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        match self {
            Keys::Inline(n, ids) => ids.get(..usize::from(*n)).unwrap_or_default(),
            Keys::Heap(ids) => ids,
        }
    }
}

/// A mention reduced to what clustering compares.
///
/// One cache line: the clustering reads the items of a million mentions, each
/// placement one at a random place, and at that size the array is allocated
/// (and its pages faulted in) afresh on every merge.
struct Item {
    class: u8,
    kind: EventKind,
    keys: Keys,
    place: Option<u32>,
    time: Option<Secs>,
    article: u32,
    status: Status,
    /// The publication day, an index in the scan's table of distinct days
    /// ([`NONE`]: none).
    published: u32,
}

const _: () = assert!(std::mem::size_of::<Item>() <= 64);

/// Folded places: one id per distinct token list, with its identifying tokens.
struct Places<'a> {
    ids: HashMap<&'a str, u32>,
    sets: Vec<BTreeSet<String>>,
}

impl<'a> Places<'a> {
    fn build(names: impl IntoIterator<Item = &'a str>) -> Places<'a> {
        let mut surfaces: Vec<&'a str> = names.into_iter().collect();
        surfaces.sort_unstable();
        surfaces.dedup();
        let keyed: Vec<(String, &'a str)> = surfaces.iter().map(|s| (place_key(s), *s)).collect();
        let keys: BTreeSet<&str> = keyed.iter().map(|k| k.0.as_str()).collect();
        let mut key_ids: BTreeMap<&str, u32> = BTreeMap::new();
        let mut sets = Vec::new();
        for k in keys {
            sets.push(
                k.split(' ')
                    .filter(|t| !t.is_empty() && *t != "of")
                    .map(str::to_owned)
                    .collect(),
            );
            key_ids.insert(k, (sets.len() - 1) as u32);
        }
        let ids = keyed
            .iter()
            .filter_map(|(k, s)| Some((*s, *key_ids.get(k.as_str())?)))
            .collect();
        Places { ids, sets }
    }

    fn id(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    /// One place names the other: the same tokens, or all the tokens of one are in
    /// the other ("Moscow" and "Moscow, Russia"). "Moscow" and "Russia" are merely
    /// different names; without a gazetteer nothing says one holds the other.
    fn same(&self, a: u32, b: u32) -> bool {
        if a == b {
            return true;
        }
        match (self.sets.get(a as usize), self.sets.get(b as usize)) {
            (Some(x), Some(y)) if !x.is_empty() && !y.is_empty() => {
                x.is_subset(y) || y.is_subset(x)
            }
            _ => false,
        }
    }
}

fn place_key(name: &str) -> String {
    let toks = names::tokens(name);
    let skip = usize::from(toks.first().is_some_and(|t| t == "the") && toks.len() > 1);
    toks[skip..].join(" ")
}

/// Where a set that outgrew its inline room keeps its values: a run of `cap`
/// slots at `at` of a pool shared by every set of its kind, the first `len`
/// in use, sorted. A run that fills up moves to the end of the pool with twice
/// the room; the slots it leaves are not reused. Hundreds of thousands of
/// clusters and index blocks outgrow their room at a million mentions: in
/// runs of one vector they cost no allocation each, growing costs no
/// reallocation, and the state goes in one free instead of one per set.
#[derive(Clone, Copy)]
struct Run {
    at: usize,
    len: u32,
    cap: u32,
}

impl Run {
    fn get<'a, T>(&self, pool: &'a [T]) -> &'a [T] {
        pool.get(self.at..self.at.saturating_add(self.len as usize))
            .unwrap_or_default()
    }

    /// A run holding `values` with room for `more`.
    fn with<T: Copy + Default>(pool: &mut Vec<T>, values: &[T], more: u32) -> Run {
        let len = u32::try_from(values.len()).unwrap_or(u32::MAX);
        let cap = len.saturating_add(more).max(4);
        let at = pool.len();
        pool.extend_from_slice(values);
        pool.resize(at + cap as usize, T::default());
        Run { at, len, cap }
    }

    /// An empty run: its first value moves it to the end of the pool.
    fn empty() -> Run {
        Run {
            at: 0,
            len: 0,
            cap: 0,
        }
    }

    /// Makes room for one more value (moving the run to the end of the pool
    /// when it is full); `false` when a run cannot grow.
    fn reserve_one<T: Copy + Default>(&mut self, pool: &mut Vec<T>) -> bool {
        if self.len < self.cap {
            return true;
        }
        if self.cap == u32::MAX {
            return false;
        }
        let at = pool.len();
        pool.extend_from_within(self.at..self.at.saturating_add(self.len as usize));
        self.cap = self.cap.saturating_mul(2).max(4);
        pool.resize(at + self.cap as usize, T::default());
        self.at = at;
        true
    }

    /// Appends `x`, keeping the order the values came in.
    fn push<T: Copy + Default>(&mut self, pool: &mut Vec<T>, x: T) {
        if !self.reserve_one(pool) {
            return;
        }
        if let Some(slot) = pool.get_mut(self.at.saturating_add(self.len as usize)) {
            *slot = x;
            self.len += 1;
        }
    }

    /// Inserts `x` in order unless it is there.
    fn insert<T: Copy + Ord + Default>(&mut self, pool: &mut Vec<T>, x: T) {
        let Err(pos) = self.get(pool).binary_search(&x) else {
            return;
        };
        if !self.reserve_one(pool) {
            return;
        }
        let len = self.len as usize;
        if let Some(run) = pool.get_mut(self.at..=self.at.saturating_add(len)) {
            run.copy_within(pos..len, pos + 1);
            if let Some(slot) = run.get_mut(pos) {
                *slot = x;
            }
            self.len += 1;
        }
    }
}

/// A small sorted set: up to `N` values inline, more in a [`Run`] of a pool
/// the caller keeps. A cluster's names, places, articles and dates are a
/// handful each: inline, the fit test reads one struct instead of chasing
/// several allocations.
enum SmallSet<T, const N: usize> {
    Inline(u8, [T; N]),
    Spilled(Run),
}

impl<T: Copy + Ord + Default, const N: usize> SmallSet<T, N> {
    fn new() -> SmallSet<T, N> {
        SmallSet::Inline(0, [T::default(); N])
    }

    fn insert(&mut self, pool: &mut Vec<T>, x: T) {
        match self {
            SmallSet::Inline(n, arr) => {
                let len = usize::from(*n);
                let Err(pos) = arr.get(..len).unwrap_or_default().binary_search(&x) else {
                    return;
                };
                if len < N {
                    arr.copy_within(pos..len, pos + 1);
                    if let Some(slot) = arr.get_mut(pos) {
                        *slot = x;
                    }
                    *n += 1;
                } else {
                    let mut run = Run::with(pool, arr, N as u32);
                    run.insert(pool, x);
                    *self = SmallSet::Spilled(run);
                }
            }
            SmallSet::Spilled(run) => run.insert(pool, x),
        }
    }

    /// The values, in order.
    fn get<'a>(&'a self, pool: &'a [T]) -> &'a [T] {
        match self {
            SmallSet::Inline(n, arr) => arr.get(..usize::from(*n)).unwrap_or_default(),
            SmallSet::Spilled(run) => run.get(pool),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            SmallSet::Inline(n, _) => *n == 0,
            SmallSet::Spilled(run) => run.len == 0,
        }
    }
}

/// The pools of the clusters' sets that outgrew their inline room.
#[derive(Default)]
struct Pools {
    /// Participants, places and articles.
    ids: Vec<u32>,
    times: Vec<(u32, Secs)>,
}

/// A set of event kinds, one bit each: a cluster's kinds in one word, not in
/// a list of its own.
#[derive(Clone, Copy, Default)]
struct KindSet(u16);

const _: () = assert!(EventKind::ALL.len() <= 16);

impl KindSet {
    fn bit(kind: EventKind) -> u16 {
        1u16.checked_shl(kind as u32).unwrap_or(0)
    }

    fn insert(&mut self, kind: EventKind) {
        self.0 |= KindSet::bit(kind);
    }

    fn contains(self, kind: EventKind) -> bool {
        self.0 & KindSet::bit(kind) != 0
    }
}

/// A cluster being built.
///
/// Laid out by when [`Clusterer::fit`] reads it: its first cache line holds what
/// it reads of every candidate (the class, the kinds, the time hull and the
/// participants, which turn most candidates away), the lines after it what
/// it reads of the few that share the participants. Aligned to that line, a
/// candidate turned away costs one miss, not the three or four of a struct
/// that straddles lines in whatever field order the compiler picks.
#[repr(C, align(64))]
struct Cluster {
    class: u8,
    /// Every member is dated, all with the one interval `hull`: the usual
    /// case while the reports of a day are placed. [`Clusterer::fit`] then
    /// compares a date with the hull alone, without reading `times`.
    uniform: bool,
    kinds: KindSet,
    hull: Option<Secs>,
    keys: SmallSet<u32, 4>,
    places: SmallSet<u32, 2>,
    /// Up to ten inline (a story's reports of one event), in room that was
    /// padding: past four, a spilled set cost a random miss at every join.
    articles: SmallSet<u32, 10>,
    /// Distinct (article, interval) of the dated members, kept once the
    /// cluster is not `uniform`: until then they are its articles at `hull`,
    /// and a report joining a cluster of several articles does not insert
    /// into a spilled set at a random place of the pool.
    times: SmallSet<(u32, Secs), 2>,
}

// the fields of the first line: one line per candidate turned away
const _: () = assert!(std::mem::offset_of!(Cluster, places) <= 64);
// three lines a cluster
const _: () = assert!(std::mem::size_of::<Cluster>() <= 192);

impl Cluster {
    fn new(class: u8) -> Cluster {
        Cluster {
            class,
            uniform: false,
            keys: SmallSet::new(),
            kinds: KindSet::default(),
            places: SmallSet::new(),
            times: SmallSet::new(),
            hull: None,
            articles: SmallSet::new(),
        }
    }

    fn add(&mut self, item: &Item, pools: &mut Pools) {
        // every member adds its article: none yet, no member yet
        let first = self.articles.is_empty();
        let was_uniform = self.uniform;
        self.uniform = match item.time {
            Some(t) => first || (self.uniform && self.hull == Some(t)),
            None => false,
        };
        if let (true, false, Some(h)) = (was_uniform, self.uniform, self.hull) {
            // the dates of the members so far, from here on kept one by one
            for &a in self.articles.get(&pools.ids) {
                self.times.insert(&mut pools.times, (a, h));
            }
        }
        for k in item.keys.iter() {
            self.keys.insert(&mut pools.ids, *k);
        }
        self.kinds.insert(item.kind);
        if let Some(p) = item.place {
            self.places.insert(&mut pools.ids, p);
        }
        self.articles.insert(&mut pools.ids, item.article);
        if let Some(t) = item.time {
            if !self.uniform {
                self.times.insert(&mut pools.times, (item.article, t));
            }
            self.hull = Some(match self.hull {
                Some((s, e)) => (s.min(t.0), e.max(t.1)),
                None => t,
            });
        }
    }
}

fn is_subset(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|x| b.binary_search(x).is_ok())
}

fn nested(a: &[u32], b: &[u32]) -> bool {
    if a.len() <= b.len() {
        is_subset(a, b)
    } else {
        is_subset(b, a)
    }
}

fn shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

/// Participants agree when the people of one report are among the people of the
/// other (a report may name fewer of them). Organisations and places only count
/// when one side names no person: "Russia received X" and "Y received X" agree.
fn participants_agree(a: &[u32], b: &[u32], strict: &[bool]) -> bool {
    let is_strict = |k: &&u32| strict.get(**k as usize).copied().unwrap_or(true);
    // the people of each side, counted and compared in place: this runs for
    // every candidate, and a strict id is in the other side's people exactly
    // when it is in the other side
    let na = a.iter().filter(is_strict).count();
    let nb = b.iter().filter(is_strict).count();
    let (short, long) = if na <= nb { (a, b) } else { (b, a) };
    if !short
        .iter()
        .filter(is_strict)
        .all(|x| long.binary_search(x).is_ok())
    {
        return false;
    }
    if na > 0 && nb > 0 {
        return true;
    }
    nested(a, b)
}

/// Up to this many postings a block's run is searched linearly.
const SHORT_RUN: usize = 32;

/// Past this many postings a block moves from a flat sorted list to a B-tree.
const FLAT_MAX: usize = 256;

/// [`Postings::len`] of a block whose postings are in a B-tree.
const TREE: u32 = u32::MAX;

/// [`Postings::gap`] of a block with one posting or none.
const NO_GAP: u32 = u32::MAX;

/// The room of a flat run of `len` postings: 4, then doubling. Implied by the
/// length, so the header does not keep it.
fn run_room(len: u32) -> u64 {
    if len == 0 {
        0
    } else {
        u64::from(len).next_power_of_two().max(4)
    }
}

/// A block of the index: `(start of a member's interval, cluster)` postings,
/// sorted, each once, and what a probe may answer from the header alone.
///
/// 32 bytes, two headers a cache line: at a million mentions the headers of a
/// class (tens of thousands of participants) are read at random as its
/// mentions are placed, and half the bytes keep twice as many in cache.
///
/// Most blocks are one person's events, a few dozen: a flat sorted run of the
/// index's pool (`len` postings at `at`) answers them from one cache line or
/// two. A block that grows big (a name in every report) becomes a B-tree
/// (`len` is [`TREE`], `at` its place among the index's trees) so that
/// inserting stays logarithmic.
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Postings {
    /// The start of the greatest posting (none while `len` is 0).
    last: i64,
    max_len: i64,
    /// The cluster of the greatest posting.
    last_cluster: u32,
    /// `last` minus at least the start of any other posting ([`NO_GAP`]
    /// while there is none, a smaller gap when the true one does not fit):
    /// mentions are placed in time order, so a probe's window mostly lies
    /// past all but the last posting of a block, or past all of them (the
    /// first report of an event). Either way it is answered from the header,
    /// without reading the postings.
    gap: u32,
    at: u32,
    len: u32,
}

const _: () = assert!(std::mem::size_of::<Postings>() == 32);

impl Postings {
    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// At least the start of every posting but the greatest (`i64::MIN` while
    /// there is one posting or none).
    fn before_last(&self) -> i64 {
        if self.gap == NO_GAP {
            i64::MIN
        } else {
            self.last.saturating_sub(i64::from(self.gap))
        }
    }

    /// Records that `start` (not the greatest) is a posting's start.
    fn note_before_last(&mut self, start: i64) {
        let before = self.before_last().max(start);
        // a gap too wide to keep is kept narrower: a bound still, that sends
        // more probes to the postings, never fewer
        self.gap = u32::try_from(self.last.saturating_sub(before))
            .unwrap_or(NO_GAP - 1)
            .min(NO_GAP - 1);
    }

    /// The flat run, empty for a tree.
    fn run<'a>(&self, pool: &'a [(i64, u32)]) -> &'a [(i64, u32)] {
        if self.len == TREE {
            return &[];
        }
        let at = self.at as usize;
        pool.get(at..at.saturating_add(self.len as usize))
            .unwrap_or_default()
    }

    /// Inserts `x` unless it is there.
    fn insert(
        &mut self,
        pool: &mut Vec<(i64, u32)>,
        trees: &mut Vec<BTreeSet<(i64, u32)>>,
        x: (i64, u32),
    ) {
        let had = !self.is_empty();
        // most inserts are another report of the block's latest cluster at
        // its date: there already, and known so without reading the run
        if had && x == (self.last, self.last_cluster) {
            return;
        }
        let greatest = !had || x > (self.last, self.last_cluster);
        self.add(pool, trees, x, greatest);
        if greatest {
            // every other posting starts at or before the old greatest
            let old = self.last;
            self.last = x.0;
            self.last_cluster = x.1;
            self.gap = NO_GAP;
            if had {
                self.note_before_last(old);
            }
        } else {
            self.note_before_last(x.0);
        }
    }

    /// Puts `x` among the postings; `greatest`: it is past all of them, so a
    /// flat run takes it at its end without reading the run.
    fn add(
        &mut self,
        pool: &mut Vec<(i64, u32)>,
        trees: &mut Vec<BTreeSet<(i64, u32)>>,
        x: (i64, u32),
        greatest: bool,
    ) {
        if self.len == TREE {
            if let Some(t) = trees.get_mut(self.at as usize) {
                t.insert(x);
            }
            return;
        }
        let pos = if greatest {
            self.len as usize
        } else {
            match self.run(pool).binary_search(&x) {
                Ok(_) => return,
                Err(pos) => pos,
            }
        };
        let len = self.len as usize;
        if len >= FLAT_MAX || !self.reserve_one(pool) {
            self.move_to_tree(pool, trees);
            if let Some(t) = trees.get_mut(self.at as usize) {
                t.insert(x);
            }
            return;
        }
        let at = self.at as usize;
        if let Some(run) = pool.get_mut(at..=at.saturating_add(len)) {
            if !greatest {
                run.copy_within(pos..len, pos + 1);
            }
            if let Some(slot) = run.get_mut(pos) {
                *slot = x;
                self.len += 1;
            }
        }
    }

    /// Makes room for one more posting in the flat run (moving it to the end
    /// of the pool when full); `false` when the pool cannot place it.
    fn reserve_one(&mut self, pool: &mut Vec<(i64, u32)>) -> bool {
        if u64::from(self.len) < run_room(self.len) {
            return true;
        }
        let room = run_room(self.len + 1);
        let at = pool.len();
        let Ok(new_at) = u32::try_from(at) else {
            return false;
        };
        if u64::try_from(at).map_or(true, |a| a.saturating_add(room) > u64::from(u32::MAX)) {
            return false;
        }
        let old = self.at as usize;
        pool.extend_from_within(old..old.saturating_add(self.len as usize));
        pool.resize(at + room as usize, (0, 0));
        self.at = new_at;
        true
    }

    /// Moves the flat run into a B-tree of its own.
    fn move_to_tree(&mut self, pool: &[(i64, u32)], trees: &mut Vec<BTreeSet<(i64, u32)>>) {
        let tree: BTreeSet<(i64, u32)> = self.run(pool).iter().copied().collect();
        let Ok(at) = u32::try_from(trees.len()) else {
            return;
        };
        trees.push(tree);
        self.at = at;
        self.len = TREE;
    }

    /// Calls `f` on every cluster with a posting starting in `lo..=hi`, in order,
    /// until it returns `false`; returns `false` then.
    fn scan(
        &self,
        pool: &[(i64, u32)],
        trees: &[BTreeSet<(i64, u32)>],
        lo: i64,
        hi: i64,
        mut f: impl FnMut(u32) -> bool,
    ) -> bool {
        if self.len == TREE {
            return match trees.get(self.at as usize) {
                Some(t) => t.range((lo, 0)..=(hi, u32::MAX)).all(|p| f(p.1)),
                None => true,
            };
        }
        let v = self.run(pool);
        // a short run is searched from its end, where the windows of
        // mentions placed in time order lie: it reads the last line or
        // two, in order, where halving would chase three or four
        let from = if v.len() <= SHORT_RUN {
            v.iter().rposition(|p| p.0 < lo).map_or(0, |i| i + 1)
        } else {
            v.partition_point(|p| p.0 < lo)
        };
        v.get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|p| p.0 <= hi)
            .all(|p| f(p.1))
    }
}

/// Kind classes: one per position in [`EventKind::ALL`], and one for any other.
const CLASSES: usize = EventKind::ALL.len() + 1;

fn class_slot(class: u8) -> usize {
    usize::from(class).min(CLASSES - 1)
}

/// The candidate index, blocked by (kind class, participant key).
///
/// Keys are dense entity ids, so a block is found by indexing, not hashing: at a
/// million mentions the blocks no longer fit in a cache, and each probe of a hash
/// table would cost a few more misses than the one into `slot`.
///
/// The block of every cluster of a class ([`ALL`]) serves only mentions that name
/// nobody: a class without such mentions never keeps it, and in the others its
/// postings wait in a list until such a mention asks.
#[derive(Default)]
struct Index {
    /// The block of (key, class), at `class * (entities + 2) + key`; [`ALL`]
    /// and [`EMPTY`] come after the entity ids. The block itself, not an id of
    /// it: a probe reads the block's header where it looks, one dependent
    /// miss fewer than going through a table of ids.
    blocks: Vec<Postings>,
    /// The runs of the flat blocks.
    pool: Vec<(i64, u32)>,
    /// The postings of the blocks that outgrew a flat run.
    trees: Vec<BTreeSet<(i64, u32)>>,
    /// Entity ids run below this.
    entities: u32,
    /// The classes with a mention that names nobody: the readers of [`ALL`].
    nameless: [bool; CLASSES],
    deferred: Vec<Vec<(Secs, u32)>>,
}

impl Index {
    fn new(entities: u32, nameless: [bool; CLASSES]) -> Index {
        Index {
            entities,
            nameless,
            ..Index::default()
        }
    }

    fn position(&self, class: u8, key: u32) -> usize {
        let row = match key {
            ALL => self.entities as usize,
            EMPTY => self.entities as usize + 1,
            k => k as usize,
        };
        // class-major: mentions are placed class by class, so the rows of one
        // class stay in cache while it is placed
        class_slot(class)
            .saturating_mul(self.entities as usize + 2)
            .saturating_add(row)
    }

    fn block(&self, class: u8, key: u32) -> Option<&Postings> {
        self.blocks.get(self.position(class, key))
    }

    fn insert(&mut self, class: u8, key: u32, t: Secs, cluster: u32) {
        if key == ALL {
            let c = class_slot(class);
            if !self.nameless.get(c).copied().unwrap_or(true) {
                return;
            }
            if self.deferred.len() <= c {
                self.deferred.resize_with(c + 1, Vec::new);
            }
            if let Some(d) = self.deferred.get_mut(c) {
                d.push((t, cluster));
            }
            return;
        }
        self.insert_now(class, key, t, cluster);
    }

    fn insert_now(&mut self, class: u8, key: u32, t: Secs, cluster: u32) {
        let pos = self.position(class, key);
        if self.blocks.len() <= pos {
            self.blocks.resize_with(pos + 1, Postings::default);
        }
        let Some(p) = self.blocks.get_mut(pos) else {
            return;
        };
        p.insert(&mut self.pool, &mut self.trees, (t.0, cluster));
        p.max_len = p.max_len.max(t.1.saturating_sub(t.0));
    }

    /// Makes the [`ALL`] block of `class` complete.
    fn settle(&mut self, class: u8) {
        let Some(waiting) = self.deferred.get_mut(class_slot(class)) else {
            return;
        };
        let mut waiting = std::mem::take(waiting);
        waiting.sort_unstable();
        for (t, cluster) in waiting {
            self.insert_now(class, ALL, t, cluster);
        }
    }

    /// Clusters with a member interval that may lie within `tolerance` of `t` (all
    /// of them when `t` is `None`). Returns `false` when the scan budget ran out.
    fn query(
        &self,
        class: u8,
        key: u32,
        t: Option<Secs>,
        tolerance: i64,
        out: &mut Vec<u32>,
        budget: &mut usize,
    ) -> bool {
        let Some(p) = self.block(class, key) else {
            return true;
        };
        let (lo, hi) = match t {
            Some((s, e)) => (
                s.saturating_sub(tolerance).saturating_sub(p.max_len),
                e.saturating_add(tolerance),
            ),
            None => (i64::MIN, i64::MAX),
        };
        let mut take = |c| {
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            out.push(c);
            true
        };
        if lo > p.before_last() {
            // only the last posting may start in the window
            if lo > p.last || p.last > hi || p.is_empty() {
                return true;
            }
            return take(p.last_cluster);
        }
        p.scan(&self.pool, &self.trees, lo, hi, take)
    }
}

/// How well a mention fits a cluster; compared lexicographically, higher is better.
type Score = (usize, u8, u8, bool, Reverse<usize>);

struct Clusterer<'a> {
    items: &'a [Item],
    /// The distinct publication days, which [`Item::published`] indexes.
    days: &'a [Secs],
    strict: Vec<bool>,
    places: &'a Places<'a>,
    tolerance: i64,
    clusters: Vec<Cluster>,
    index: Index,
    /// Where the clusters' sets that outgrew their inline room keep their values.
    pools: Pools,
    /// The clusters holding a report of each article, by kind class.
    /// Indexed by article id: (kind class, cluster), in the order they came.
    /// Each a run of `lists`.
    by_article: Vec<Run>,
    /// The runs of `by_article` and of the undated entries of each article.
    lists: Vec<(u8, u32)>,
    /// While dated mentions are placed nobody reads `by_article`: its entries
    /// wait here in order, and go in article by article (see
    /// [`Clusterer::settle_articles`]) instead of one random article at a time.
    article_log: Option<Vec<(u32, u8, u32)>>,
    /// The cluster of each item, or [`NONE`]: a cluster owns no allocation
    /// for its members.
    cluster_of: Vec<u32>,
    /// The candidates of the dated mention being placed (one buffer for all).
    candidates: Vec<u32>,
}

/// Appends `x` to the list of `article` among `lists`.
fn push_article(lists: &mut Vec<Run>, pool: &mut Vec<(u8, u32)>, article: u32, x: (u8, u32)) {
    let a = article as usize;
    if lists.len() <= a {
        lists.resize(a + 1, Run::empty());
    }
    if let Some(run) = lists.get_mut(a) {
        run.push(pool, x);
    }
}

impl Clusterer<'_> {
    /// Clusters sharing a participant with `item` (any cluster when it names
    /// nobody) with a member within `tolerance` of `t`, or at any time.
    fn candidates_near(&self, item: &Item, t: Option<Secs>, tolerance: i64) -> Option<Vec<u32>> {
        let mut out = Vec::new();
        self.candidates_into(item, t, tolerance, &mut out)
            .then_some(out)
    }

    /// [`Clusterer::candidates_near`] into `out` (cleared first), so that the
    /// placement of a million mentions reuses one buffer; `false` when the scan
    /// budget ran out.
    fn candidates_into(
        &self,
        item: &Item,
        t: Option<Secs>,
        tolerance: i64,
        out: &mut Vec<u32>,
    ) -> bool {
        out.clear();
        let mut budget = SCAN_LIMIT;
        let keys: &[u32] = if item.keys.is_empty() {
            &[ALL]
        } else {
            &item.keys
        };
        for &k in keys.iter().chain(if item.keys.is_empty() {
            [].iter()
        } else {
            [EMPTY].iter()
        }) {
            if !self
                .index
                .query(item.class, k, t, tolerance, out, &mut budget)
            {
                return false;
            }
        }
        out.sort_unstable();
        out.dedup();
        true
    }

    /// Whether `item` may join cluster `c`, and how well it fits.
    fn fit(&self, item: &Item, c: &Cluster) -> Option<Score> {
        let ids = self.pools.ids.as_slice();
        let keys = c.keys.get(ids);
        if c.class != item.class || !participants_agree(&item.keys, keys, &self.strict) {
            return None;
        }
        let places = c.places.get(ids);
        let place = match item.place {
            None => 1,
            Some(_) if places.is_empty() => 1,
            Some(p) if places.iter().any(|&q| self.places.same(p, q)) => 2,
            Some(_) => 0,
        };
        // with nobody named on one side, only the same place, or the same
        // article going on about it, says it is the same event
        let nameless = item.keys.is_empty() || keys.is_empty();
        // an election is seldom reported with names, but a story's polity holds
        // one at a time: reports of the very same date ("the 2020 election",
        // "May 11") agree without a place, unless they name different places
        let same_day_election = item.kind == EventKind::Election
            && c.kinds.contains(EventKind::Election)
            && place != 0
            && item.time.is_some_and(|t| {
                if c.uniform {
                    c.hull == Some(t)
                } else {
                    c.times.get(&self.pools.times).iter().all(|&(_, u)| u == t)
                }
            });
        if nameless
            && place != 2
            && !same_day_election
            && c.articles.get(ids).binary_search(&item.article).is_err()
        {
            return None;
        }
        let time = match item.time {
            Some(t) => {
                let (all_overlap, equal) = self.dates_agree(item.article, t, c)?;
                match (all_overlap, equal) {
                    // a conflict needs the same participants: names on both sides
                    (false, _) if nameless => return None,
                    (false, _) => 1,
                    (true, false) => 2,
                    (true, true) => 3,
                }
            }
            None => 0,
        };
        let common = shared(&item.keys, keys);
        let differ = item.keys.len() + keys.len() - 2 * common;
        Some((
            common,
            time,
            place,
            c.kinds.contains(item.kind),
            Reverse(differ),
        ))
    }

    /// Whether a report of `article` dated `t` may be of the occurrence of
    /// cluster `c`: whether `t` overlaps every date of it, and whether it
    /// equals one; `None` when a date of it rules `t` out.
    fn dates_agree(&self, article: u32, t: Secs, c: &Cluster) -> Option<(bool, bool)> {
        if let (true, Some(u)) = (c.uniform, c.hull) {
            // every member dated `u`: the articles of the dates are the
            // cluster's articles
            let overlap = overlaps(t, u);
            if !overlap
                && (c
                    .articles
                    .get(&self.pools.ids)
                    .binary_search(&article)
                    .is_ok()
                    || !within(t, u, self.tolerance))
            {
                return None;
            }
            return Some((overlap, t == u));
        }
        let times = c.times.get(&self.pools.times);
        if times.is_empty() {
            return None;
        }
        let mut all_overlap = true;
        let mut equal = false;
        for &(other, u) in times {
            if !overlaps(t, u) {
                // one article never reports one occurrence at two dates
                if other == article || !within(t, u, self.tolerance) {
                    return None;
                }
                all_overlap = false;
            }
            equal |= t == u;
        }
        Some((all_overlap, equal))
    }

    fn join(&mut self, cluster: u32, idx: u32) {
        let item = &self.items[idx as usize];
        let Some(c) = self.clusters.get_mut(cluster as usize) else {
            return;
        };
        let was_empty = c.keys.is_empty();
        if let Some(of) = self.cluster_of.get_mut(idx as usize) {
            *of = cluster;
        }
        if c.articles
            .get(&self.pools.ids)
            .binary_search(&item.article)
            .is_err()
        {
            match &mut self.article_log {
                Some(log) => log.push((item.article, item.class, cluster)),
                None => push_article(
                    &mut self.by_article,
                    &mut self.lists,
                    item.article,
                    (item.class, cluster),
                ),
            }
        }
        c.add(item, &mut self.pools);
        if let Some(t) = item.time {
            self.index.insert(item.class, ALL, t, cluster);
            for &k in item.keys.iter() {
                self.index.insert(item.class, k, t, cluster);
            }
            if was_empty && item.keys.is_empty() {
                self.index.insert(item.class, EMPTY, t, cluster);
            }
        }
    }

    /// Files the logged article entries, keeping their order within each article.
    fn settle_articles(&mut self) {
        let Some(log) = self.article_log.take() else {
            return;
        };
        // a counting sort by article, linear and stable: the entries of one
        // article stay in the order they came
        let articles = log.iter().map(|e| e.0 as usize + 1).max().unwrap_or(0);
        let (bounds, sorted) = bucket_sort(articles, || {
            log.iter()
                .map(|&(article, class, cluster)| (article as usize, (class, cluster)))
        });
        drop(log);
        if self.by_article.len() < articles {
            self.by_article.resize(articles, Run::empty());
        }
        self.lists.reserve(sorted.len() + 4 * articles);
        for (list, w) in self.by_article.iter_mut().zip(bounds.windows(2)) {
            let Some(run) = sorted.get(*w.first().unwrap_or(&0)..*w.get(1).unwrap_or(&0)) else {
                continue;
            };
            if list.len == 0 {
                // one run per article, in article order, with a little room for
                // the undated reports that join clusters later
                *list = Run::with(&mut self.lists, run, 4);
            } else {
                for &x in run {
                    list.push(&mut self.lists, x);
                }
            }
        }
    }

    fn open(&mut self, idx: u32) -> u32 {
        let id = self.clusters.len() as u32;
        self.clusters
            .push(Cluster::new(self.items[idx as usize].class));
        self.join(id, idx);
        id
    }

    /// Dated mentions, sharpest first: each joins the one cluster it fits best, or
    /// opens its own when none fits or two fit equally well.
    fn place_dated(&mut self, idx: u32) {
        let items = self.items;
        let item = &items[idx as usize];
        if item.keys.is_empty() {
            self.index.settle(item.class);
        }
        let mut cands = std::mem::take(&mut self.candidates);
        let best = if self.candidates_into(item, item.time, self.tolerance, &mut cands) {
            let scored = cands
                .iter()
                .filter_map(|&c| Some((self.fit(item, self.clusters.get(c as usize)?)?, c)));
            unique_best(scored)
        } else {
            None
        };
        self.candidates = cands;
        match best {
            Some(c) => self.join(c, idx),
            None => {
                self.open(idx);
            }
        }
    }

    /// Undated mentions join a dated cluster only when one cluster is the clear
    /// referent (see the module docs), else the undated entry of their own article.
    /// `undated`: the undated clusters of each article, runs of `lists`.
    fn place_undated(&mut self, idx: u32, undated: &mut Vec<Run>) {
        let items = self.items;
        let item = &items[idx as usize];
        if item.keys.is_empty() {
            self.index.settle(item.class);
        }
        let tol = self.tolerance;
        let window = self
            .days
            .get(item.published as usize)
            .map(|p| (p.0.saturating_sub(tol), p.1.saturating_add(tol)));
        // a dated event this report may be of, with its time hull
        let accept = |c: u32| -> Option<(u32, Secs, Score)> {
            let cluster = self.clusters.get(c as usize)?;
            let hull = cluster.hull?;
            let score = self.fit(item, cluster)?;
            // with no date and nobody named, only the same place identifies it
            if item.keys.is_empty() && score.2 != 2 {
                return None;
            }
            // the status points from the publication date to the event
            if let Some((lo, hi)) = window {
                let ok = match item.status {
                    Status::Planned | Status::Hypothetical => hull.1 > lo,
                    Status::Ongoing => overlaps(hull, (lo, hi)),
                    _ => hull.0 < hi,
                };
                if !ok {
                    return None;
                }
            }
            Some((c, hull, score))
        };
        let near = |h: &Secs| window.is_some_and(|w| overlaps(*h, w));
        // among several referents, the one that fits clearly best (the meeting
        // with both partners over a visit by one of them), never a tie
        let only = |v: Vec<(Score, u32)>| unique_best(v.into_iter());
        // the referent: the one event this article also dates; among several, the
        // best-fitting one around its publication; when it dates none, the
        // best-fitting event around its publication; with no publication date,
        // the one compatible event
        let same_article: Vec<(u32, Secs, Score)> = self
            .by_article
            .get(item.article as usize)
            .map_or(&[][..], |run| run.get(&self.lists))
            .iter()
            .filter(|(class, _)| *class == item.class)
            .filter_map(|&(_, c)| accept(c))
            .collect();
        let target = match (same_article.len(), window) {
            (1, _) => same_article.first().map(|x| x.0),
            (0, Some(w)) => self
                .candidates_near(item, Some(w), tol.saturating_mul(2))
                .and_then(|cands| {
                    only(
                        cands
                            .into_iter()
                            .filter_map(accept)
                            .filter(|x| near(&x.1))
                            .map(|x| (x.2, x.0))
                            .collect(),
                    )
                }),
            (0, None) => self.candidates_near(item, None, tol).and_then(|cands| {
                // with no date to go by, only a single compatible event
                let v: Vec<u32> = cands.into_iter().filter_map(accept).map(|x| x.0).collect();
                match v.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }
            }),
            _ => only(
                same_article
                    .iter()
                    .filter(|x| near(&x.1))
                    .map(|x| (x.2, x.0))
                    .collect(),
            ),
        };
        if let Some(c) = target {
            self.join(c, idx);
            return;
        }
        // the undated entries of this article: the one it fits best, if unique
        // (by article, each with its kind class: the article ids are dense)
        let own = undated
            .get(item.article as usize)
            .map_or(&[][..], |run| run.get(&self.lists));
        let scored = own
            .iter()
            .filter(|(class, _)| *class == item.class)
            .filter_map(|&(_, c)| Some((self.fit(item, self.clusters.get(c as usize)?)?, c)));
        match unique_best(scored) {
            Some(c) => self.join(c, idx),
            None => {
                let c = self.open(idx);
                push_article(undated, &mut self.lists, item.article, (item.class, c));
            }
        }
    }
}

/// The candidate with the highest score, when no other has the same score.
fn unique_best(scored: impl Iterator<Item = (Score, u32)>) -> Option<u32> {
    let mut best: Option<(Score, u32)> = None;
    let mut tied = false;
    for (s, c) in scored {
        match &best {
            Some((b, _)) if s < *b => {}
            Some((b, _)) if s == *b => tied = true,
            _ => {
                best = Some((s, c));
                tied = false;
            }
        }
    }
    if tied {
        None
    } else {
        best.map(|b| b.1)
    }
}

fn length_class(t: Secs) -> u32 {
    let len = u64::try_from(t.1.saturating_sub(t.0)).unwrap_or(1).max(1);
    63 - len.leading_zeros()
}

/// The rank of each id by first sight in the order of the strings: sorting a
/// million ids would chase a million pointers across the heap, sorting the
/// distinct ones chases few.
fn rank_of(seen: &Interner) -> Vec<u32> {
    let mut ids: Vec<(&str, u32)> = seen.strings().into_iter().zip(0u32..).collect();
    ids.sort_unstable();
    let mut rank_of = vec![0u32; ids.len()];
    for (rank, (_, id)) in ids.iter().enumerate() {
        if let Some(r) = rank_of.get_mut(*id as usize) {
            *r = rank as u32;
        }
    }
    rank_of
}

/// What the merge reads from each input mention, read in one pass over them in
/// input order: every string a mention points to is touched once, while the
/// mention is at hand, instead of once per phase (at a million mentions each
/// pass over the mentions and their strings misses the cache on every one).
/// Everything after works on these integers; only the tie-breaks of the sorts
/// and the output read the mentions again.
struct Scan {
    /// Article and source ids by first sight ([`NONE`]: no source), turned
    /// into ranks (the order of their strings) by [`canonical`].
    article: Vec<u32>,
    source: Vec<u32>,
    articles: Interner,
    sources: Interner,
    /// Each mention's time span, parsed once.
    spans: Vec<Option<Secs>>,
    /// Each mention's publication day, an index in `days` ([`NONE`]: none).
    published: Vec<u32>,
    /// Distinct publication days.
    days: Vec<Secs>,
    /// The name id of every participant of every mention, in order, with
    /// whether its report calls it an organisation or place.
    names: Vec<(u32, bool)>,
    /// How many participants each mention has (its run in `names`).
    participants: Vec<u32>,
    name_ids: Interner,
    /// The place of each mention as spelt, an id in `place_ids` ([`NONE`]:
    /// none).
    place: Vec<u32>,
    place_ids: Interner,
    /// Each mention's kind and status.
    kind: Vec<(EventKind, Status)>,
    /// What the entries read of each mention besides its item, in compact
    /// form: [`Facts`].
    facts: Vec<Facts>,
    times: Times,
}

/// What an entry reads of one mention besides its [`Item`], read by the scan
/// while the mention is at hand: an entry then reads a few bytes of a compact
/// array, not the mention and the strings it points to, wherever in the heap
/// those lie.
#[derive(Clone, Copy, Default)]
struct Facts {
    /// The trigger.
    trigger: crate::Span,
    /// The reported time, an id in [`Times`] ([`NONE`]: none, or none with a
    /// span).
    time: u32,
    /// The place as spelt, an id in the scan's place interner ([`NONE`]: none).
    place: u32,
}

/// Distinct reported times (value, granularity, interval), by first sight.
///
/// Most mentions repeat a time seen shortly before (a day is reported by
/// several articles): a small table, indexed by the span the scan parsed
/// anyway, holds the last time seen for each slot, so a repeat costs one
/// comparison of a few bytes. Only a miss hashes, by the span, which equal
/// times share.
struct Times {
    /// The last time id seen per slot ([`NONE`]: none yet).
    slots: Vec<u32>,
    /// The first time with each span; the others are chained by `next`.
    by_span: HashMap<Secs, u32>,
    /// By id.
    all: Vec<Time>,
    /// By id: the next time with the same span ([`NONE`]: none).
    next: Vec<u32>,
}

/// A distinct reported time and its span.
struct Time {
    span: Secs,
    value: Box<str>,
    granularity: Granularity,
    interval: Option<Interval>,
}

impl Time {
    fn is(&self, span: Secs, t: &EventTime) -> bool {
        self.span == span
            && (self.granularity, self.interval) == (t.granularity, t.interval)
            && *self.value == *t.value
    }
}

/// Bits of the index of [`Times`]' slots.
const SLOT_BITS: u32 = 12;

impl Default for Times {
    fn default() -> Times {
        Times {
            slots: vec![NONE; 1 << SLOT_BITS],
            by_span: HashMap::new(),
            all: Vec::new(),
            next: Vec::new(),
        }
    }
}

impl Times {
    /// The id of `t`, whose span is `span`.
    fn id(&mut self, span: Secs, t: &EventTime) -> u32 {
        // a multiplicative hash: a poor slot only costs a lookup below
        let mix = (span.0 as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (span.1 as u64);
        let slot = (mix.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - SLOT_BITS)) as usize;
        let last = self.slots.get(slot).copied().unwrap_or(NONE);
        if self.all.get(last as usize).is_some_and(|x| x.is(span, t)) {
            return last;
        }
        let id = self.lookup(span, t);
        if let Some(s) = self.slots.get_mut(slot) {
            *s = id;
        }
        id
    }

    fn lookup(&mut self, span: Secs, t: &EventTime) -> u32 {
        let id = self.all.len() as u32;
        let mut at = *self.by_span.entry(span).or_insert(id);
        let mut last = None;
        while let Some(x) = self.all.get(at as usize) {
            if x.is(span, t) {
                return at;
            }
            last = Some(at);
            at = self.next.get(at as usize).copied().unwrap_or(NONE);
        }
        self.all.push(Time {
            span,
            value: t.value.as_str().into(),
            granularity: t.granularity,
            interval: t.interval,
        });
        self.next.push(NONE);
        if let Some(link) = last.and_then(|l| self.next.get_mut(l as usize)) {
            *link = id;
        }
        id
    }
}

// called once: kept out of line, so that profiles show it
#[inline(never)]
fn scan(mentions: &[EventMention]) -> Scan {
    let n = mentions.len();
    let mut out = Scan {
        article: Vec::with_capacity(n),
        source: Vec::with_capacity(n),
        articles: Interner::default(),
        sources: Interner::default(),
        spans: Vec::with_capacity(n),
        published: Vec::with_capacity(n),
        days: Vec::new(),
        names: Vec::with_capacity(n.saturating_mul(2)),
        participants: Vec::with_capacity(n),
        name_ids: Interner::default(),
        place: Vec::with_capacity(n),
        place_ids: Interner::default(),
        kind: Vec::with_capacity(n),
        facts: Vec::with_capacity(n),
        times: Times::default(),
    };
    // a builder shares one copy of an article's id and source among its
    // mentions, which come together: the same copy as the mention before needs
    // no lookup
    let mut before: Option<(&EventMention, u32, u32)> = None;
    // publication days by their strings' own compact copies (a probe compares
    // against the interner's memory, not against a mention far away): the
    // day of each distinct string, each distinct parsed day once in `out.days`
    let mut dates = Interner::default();
    let mut day_of: Vec<u32> = Vec::new();
    let mut day_ids: HashMap<Secs, u32> = HashMap::new();
    let mut last_published: Option<(&str, u32)> = None;
    // The mentions are read in batches: see [`Batch`].
    let mut batch = Batch::default();
    let mut warmed = 0u64;
    for (i, m) in mentions.iter().enumerate() {
        if i % BATCH == 0 {
            let end = mentions.len().min(i.saturating_add(BATCH));
            let after = mentions.len().min(end.saturating_add(BATCH));
            warmed ^= batch.prepare(
                mentions.get(i..end).unwrap_or_default(),
                mentions.get(end..after).unwrap_or_default(),
                &out.articles,
                &out.name_ids,
            );
        }
        let same = |a: &SharedStr, b: &SharedStr| SharedStr::ptr_eq(a, b);
        let article = match before {
            Some((b, id, _)) if same(&b.article, &m.article) => id,
            _ => out
                .articles
                .id_hashed(&m.article, batch.article(i % BATCH, &m.article)),
        };
        let source = match (before, &m.source) {
            (Some((b, _, id)), Some(s)) if b.source.as_ref().is_some_and(|t| same(t, s)) => id,
            (_, s) => s.as_deref().map_or(NONE, |s| out.sources.id(s)),
        };
        before = Some((m, article, source));
        let span = m.time.as_deref().and_then(time_span);
        let time_id = match (m.time.as_deref(), span) {
            (Some(t), Some(span)) => out.times.id(span, t),
            _ => NONE,
        };
        let published = m
            .published
            .as_deref()
            .map_or(NONE, |p| match last_published {
                // an article's mentions come together: most repeat the previous
                // date, a short compare instead of a hash
                Some((q, day)) if q == p => day,
                _ => {
                    let date = dates.id(p) as usize;
                    let day = match day_of.get(date) {
                        Some(&day) => day,
                        None => {
                            let day = publication_day(Some(p)).map_or(NONE, |d| {
                                let next = out.days.len() as u32;
                                let id = *day_ids.entry(d).or_insert(next);
                                if id == next {
                                    out.days.push(d);
                                }
                                id
                            });
                            day_of.push(day);
                            day
                        }
                    };
                    last_published = Some((p, day));
                    day
                }
            });
        for p in &m.participants {
            let id = out.name_ids.id_hashed(&p.name, batch.next_name(&p.name));
            out.names.push((id, !names::is_strict(p.entity)));
        }
        out.participants
            .push(u32::try_from(m.participants.len()).unwrap_or(u32::MAX));
        let place = m.place.as_ref().map_or(NONE, |p| out.place_ids.id(&p.name));
        out.article.push(article);
        out.source.push(source);
        out.spans.push(span);
        out.published.push(published);
        out.place.push(place);
        out.kind.push((m.kind, m.status));
        out.facts.push(Facts {
            trigger: m.trigger,
            time: time_id,
            place,
        });
    }
    std::hint::black_box(warmed);
    out
}

/// How many mentions the scan prepares the article and name lookups of
/// together (see [`Batch`]).
const BATCH: usize = 16;

/// The hashes of the article ids and names of a batch of mentions, in the
/// order the scan looks them up, with what the lookups will read read ahead.
///
/// Two kinds of reads stall a scan over a million mentions: the strings of
/// each mention, wherever in the heap they lie, and, once the interners
/// outgrow the cache, the slot of each lookup and then the record it points
/// to. Done one mention at a time, each is a cache miss after the other. Here
/// each kind is done for a whole batch in a short loop of its own (read the
/// next batch's strings; hash this batch's keys; read their slots; read their
/// records): loads that do not wait on each other, whose misses overlap. The
/// lookups that follow find everything in cache. (Safe Rust has no prefetch
/// instruction; a load whose value is barely used serves as one.)
#[derive(Default)]
struct Batch {
    articles: Vec<u64>,
    names: Vec<u64>,
    next: usize,
    slots: Vec<u64>,
}

impl Batch {
    /// Reads the strings of `next` (one byte each), hashes the keys of
    /// `mentions` and reads their slots and records; returns a value made of
    /// what it read (for `black_box`).
    fn prepare(
        &mut self,
        mentions: &[EventMention],
        next: &[EventMention],
        articles: &Interner,
        names: &Interner,
    ) -> u64 {
        let touched = next.iter().fold(0, |x, m| x ^ touch(m));
        self.articles.clear();
        self.names.clear();
        self.next = 0;
        self.articles
            .extend(mentions.iter().map(|m| Interner::hash(&m.article)));
        self.names.extend(
            mentions
                .iter()
                .flat_map(|m| m.participants.iter().map(|p| Interner::hash(&p.name))),
        );
        self.slots.clear();
        self.slots
            .extend(self.articles.iter().map(|&h| articles.warm_slot(h)));
        let split = self.slots.len();
        self.slots
            .extend(self.names.iter().map(|&h| names.warm_slot(h)));
        let (a, n) = self.slots.split_at(split);
        a.iter()
            .map(|&s| articles.warm_record(s))
            .chain(n.iter().map(|&s| names.warm_record(s)))
            .fold(u64::from(touched), |x, y| x ^ y)
    }

    /// The hash of the `k`-th mention's article id, `article`.
    fn article(&self, k: usize, article: &str) -> u64 {
        self.articles
            .get(k)
            .copied()
            .unwrap_or_else(|| Interner::hash(article))
    }

    /// The hash of the next name, `name`.
    fn next_name(&mut self, name: &str) -> u64 {
        let h = self.names.get(self.next).copied();
        self.next += 1;
        h.unwrap_or_else(|| Interner::hash(name))
    }
}

/// One byte of each string a mention points to (and of its participants and
/// time), so that they are in cache when the mention is read in earnest.
fn touch(m: &EventMention) -> u8 {
    let first = |s: &str| s.as_bytes().first().copied().unwrap_or_default();
    let mut x = first(&m.article);
    x ^= m.source.as_deref().map_or(0, first);
    x ^= m.published.as_deref().map_or(0, first);
    x ^= m.place.as_ref().map_or(0, |p| first(&p.name));
    x ^= m.time.as_deref().map_or(0, |t| first(&t.value));
    for p in &m.participants {
        x ^= first(&p.name);
    }
    x
}

/// The canonical order of the mentions, identical ones once: the input index of
/// each. The article and source ids of the scan's lists become ranks (the
/// order of their strings).
///
/// The order is by kind class, start of the reported time (undated last),
/// article, kind and position first (cheap integer keys, sorted in place so the
/// sort streams through memory), then the full order of [`EventMention`]: a total
/// order that depends on the mentions only. Putting neighbours in time next to
/// each other keeps the clustering's memory accesses local. The mentions
/// themselves stay where they are: they move once, into their entries.
// called once: kept out of line, so that profiles show it
#[inline(never)]
fn canonical(mentions: &[EventMention], scan: &mut Scan) -> Vec<u32> {
    let article_rank = rank_of(&scan.articles);
    let source_rank = rank_of(&scan.sources);
    // the starts ranked: every dated mention's span is that of its time, so
    // the distinct times hold every distinct start (and undated sorts as the
    // latest start, as it did as i64::MAX)
    let mut starts: Vec<i64> = scan.times.all.iter().map(|t| t.span.0).collect();
    starts.push(i64::MAX);
    starts.sort_unstable();
    starts.dedup();
    let rank = |s: i64| starts.partition_point(|&x| x < s) as u64;
    let start_of: Vec<u64> = scan.times.all.iter().map(|t| rank(t.span.0)).collect();
    let undated = rank(i64::MAX);
    let bits = |n: u64| u64::BITS - n.leading_zeros();
    let (start_bits, article_bits) = (bits(undated), bits(article_rank.len() as u64));
    let mut ranked = scan
        .article
        .iter_mut()
        .zip(scan.source.iter_mut())
        .zip(scan.spans.iter().zip(&scan.facts))
        .zip(&scan.kind)
        .map(|(((article, source), (span, facts)), &(kind, _))| {
            *article = article_rank
                .get(*article as usize)
                .copied()
                .unwrap_or_default();
            if *source != NONE {
                *source = source_rank
                    .get(*source as usize)
                    .copied()
                    .unwrap_or_default();
            }
            let start = match span {
                Some(_) => start_of
                    .get(facts.time as usize)
                    .copied()
                    .unwrap_or(undated),
                None => undated,
            };
            (kind_class(kind), start, *article, kind as u8)
        });
    let key_bits = 16 + start_bits + article_bits;
    if key_bits <= u64::BITS {
        // (kind class, start rank, article rank, kind) packed into one integer
        // that orders as the tuple, sorted by its bytes (stable: equal keys
        // stay in input order), then the ties by the mentions
        let keyed: Vec<(u64, u32)> = ranked
            .by_ref()
            .zip(0u32..)
            .map(|((class, start, article, kind), i)| {
                let key = (u64::from(class) << (8 + article_bits + start_bits))
                    | (start << (8 + article_bits))
                    | (u64::from(article) << 8)
                    | u64::from(kind);
                (key, i)
            })
            .collect();
        sorted(keyed, key_bits, mentions)
    } else {
        // too many distinct starts and articles for 64 bits: the same order on
        // 128-bit keys (twice the bytes to move)
        let keyed: Vec<(u128, u32)> = ranked
            .zip(0u32..)
            .map(|((class, start, article, kind), i)| {
                let key = (u128::from(class) << 104)
                    | (u128::from(start) << 40)
                    | (u128::from(article) << 8)
                    | u128::from(kind);
                (key, i)
            })
            .collect();
        sorted(keyed, 112, mentions)
    }
}

/// The input indices of keyed mentions in key order, ties broken by [`tie`],
/// identical mentions once: sorted by the keys' bytes (keys below `2^bits`),
/// then only runs of equal keys compared by their mentions.
fn sorted<K: Copy + Default + Into<u128> + PartialEq>(
    mut keyed: Vec<(K, u32)>,
    bits: u32,
    mentions: &[EventMention],
) -> Vec<u32> {
    radix_sort(&mut keyed, bits);
    for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_unstable_by(|a, b| tie(mentions, a.1, b.1));
        }
    }
    unique(keyed, mentions)
}

/// The order of two mentions of equal sort keys: position, then the whole
/// mention, then the input index.
fn tie(mentions: &[EventMention], a: u32, b: u32) -> std::cmp::Ordering {
    match (mentions.get(a as usize), mentions.get(b as usize)) {
        (Some(ma), Some(mb)) => (ma.trigger, ma.sentence)
            .cmp(&(mb.trigger, mb.sentence))
            .then_with(|| ma.cmp(mb))
            .then(a.cmp(&b)),
        _ => a.cmp(&b),
    }
}

/// The input indices of sorted keyed mentions, identical mentions once (the key
/// is a function of the mention: only equal keys may hide a duplicate).
fn unique<K: PartialEq>(mut keyed: Vec<(K, u32)>, mentions: &[EventMention]) -> Vec<u32> {
    let mention = |i: u32| mentions.get(i as usize);
    keyed.dedup_by(|(ka, a), (kb, b)| ka == kb && mention(*a) == mention(*b));
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Sorts by key, stably, a byte at a time from the least significant: a few
/// passes that stream through memory, where a comparison sort of a million
/// keys compares each twenty times. Keys are below `2^bits`; a byte that is
/// the same in every key is skipped.
fn radix_sort<K: Copy + Default + Into<u128>>(v: &mut Vec<(K, u32)>, bits: u32) {
    let passes = bits.div_ceil(8) as usize;
    let mut counts = vec![[0usize; 256]; passes];
    for &(k, _) in v.iter() {
        let k: u128 = k.into();
        for (p, c) in counts.iter_mut().enumerate() {
            if let Some(n) = c.get_mut(((k >> (8 * p)) & 0xFF) as usize) {
                *n += 1;
            }
        }
    }
    let mut buf: Vec<(K, u32)> = vec![(K::default(), 0); v.len()];
    for (p, c) in counts.iter().enumerate() {
        if c.contains(&v.len()) {
            continue;
        }
        let mut at = [0usize; 256];
        let mut sum = 0;
        for (a, &n) in at.iter_mut().zip(c) {
            *a = sum;
            sum += n;
        }
        for &e in v.iter() {
            let k: u128 = e.0.into();
            if let Some(a) = at.get_mut(((k >> (8 * p)) & 0xFF) as usize) {
                if let Some(slot) = buf.get_mut(*a) {
                    *slot = e;
                }
                *a += 1;
            }
        }
        std::mem::swap(v, &mut buf);
    }
}

pub(super) fn build(
    mentions: Vec<EventMention>,
    mut articles: Vec<ArticleSummary>,
    tolerance_days: i64,
) -> Timeline {
    articles.sort();
    articles.dedup_by(|a, b| a.id == b.id);
    let tolerance = tolerance_days.max(0).saturating_mul(DAY);
    // `src[k]` is the input index of the k-th mention in canonical order. Whatever
    // reads the mentions' strings runs over them in input order, the order they
    // were built (and allocated) in, into compact ids that the clustering uses.
    let mut read = scan(&mentions);
    let src = canonical(&mentions, &mut read);
    let mut kept = vec![false; mentions.len()];
    for &j in &src {
        if let Some(k) = kept.get_mut(j as usize) {
            *k = true;
        }
    }

    // each distinct name and place once: the tables below see tens of thousands
    // of strings, not a million, and each mention keeps small ids. The names
    // of repeats were read too (an identical copy names the same), but only
    // kept mentions count.
    let mut name_use: Vec<(bool, usize)> = vec![(false, 0); read.name_ids.len()];
    {
        let mut names_left = read.names.as_slice();
        for (&k, &count) in kept.iter().zip(&read.participants) {
            let (own, rest) = names_left.split_at((count as usize).min(names_left.len()));
            names_left = rest;
            if !k {
                continue;
            }
            for &(id, soft) in own {
                if let Some(u) = name_use.get_mut(id as usize) {
                    u.0 |= soft;
                    u.1 += 1;
                }
            }
        }
    }
    let name_strings = read.name_ids.strings();
    let table = NameTable::from_counts(name_strings.iter().copied().zip(name_use));
    let entity_of: Vec<Option<u32>> = name_strings.iter().map(|s| table.id(s)).collect();
    let place_strings = read.place_ids.strings();
    let places = Places::build(place_strings.iter().copied());
    let place_entity: Vec<Option<u32>> = place_strings.iter().map(|s| places.id(s)).collect();
    // each mention's run in `read.names` starts at `name_start[j]`
    let mut name_start: Vec<u32> = Vec::with_capacity(read.participants.len() + 1);
    let mut total = 0u32;
    for &count in &read.participants {
        name_start.push(total);
        total = total.saturating_add(count);
    }
    name_start.push(total);
    // the items in canonical order, each read from the per-mention lists at its
    // input index: independent reads, where permuting items built in input
    // order would chase one cache miss after the other
    let mut ids: Vec<u32> = Vec::new();
    let items: Vec<Item> = src
        .iter()
        .map(|&j| {
            let j = j as usize;
            let own = name_start
                .get(j)
                .zip(name_start.get(j + 1))
                .and_then(|(&a, &b)| read.names.get(a as usize..b as usize))
                .unwrap_or_default();
            ids.clear();
            ids.extend(
                own.iter()
                    .filter_map(|&(n, _)| entity_of.get(n as usize).copied().flatten()),
            );
            ids.sort_unstable();
            ids.dedup();
            let place = read
                .place
                .get(j)
                .and_then(|&p| place_entity.get(p as usize).copied().flatten());
            let (kind, status) = read
                .kind
                .get(j)
                .copied()
                .unwrap_or((EventKind::Other, Status::Occurred));
            Item {
                class: kind_class(kind),
                kind,
                keys: Keys::new(&ids),
                place,
                time: read.spans.get(j).copied().flatten(),
                article: read.article.get(j).copied().unwrap_or_default(),
                status,
                published: read.published.get(j).copied().unwrap_or(NONE),
            }
        })
        .collect();
    // the per-mention lists are in the items now
    drop((read.spans, read.published, read.names, read.participants));
    drop((read.place, read.kind, name_start));
    let strict: Vec<bool> = (0..)
        .map_while(|i| table.entity(i).map(|e| e.strict))
        .collect();

    // canonical processing order: depends on the set only (items are sorted)
    // sorted as (key, index) pairs: a key function called inside the sort would
    // look the item up again at every comparison, all over memory
    // (class, length class, more keys first) packed in one integer that orders
    // as the tuple: 32 bytes a mention to sort, not 48
    let group = |it: &Item, lc: u32| {
        let fewer = !u32::try_from(it.keys.len()).unwrap_or(u32::MAX);
        (u64::from(it.class) << 40) | (u64::from(lc) << 32) | u64::from(fewer)
    };
    let mut dated: Vec<(u64, i64, i64, u32)> = items
        .iter()
        .zip(0u32..)
        .filter_map(|(it, i)| {
            let t = it.time?;
            Some((group(it, length_class(t)), t.0, t.1, i))
        })
        .collect();
    dated.sort_unstable();
    let dated: Vec<u32> = dated.into_iter().map(|(.., i)| i).collect();
    let mut undated: Vec<(u64, u32)> = items
        .iter()
        .zip(0u32..)
        .filter(|(it, _)| it.time.is_none())
        .map(|(it, i)| (group(it, 0), i))
        .collect();
    undated.sort_unstable();
    let undated: Vec<u32> = undated.into_iter().map(|(_, i)| i).collect();

    let mut nameless = [false; CLASSES];
    for it in items.iter().filter(|it| it.keys.is_empty()) {
        if let Some(n) = nameless.get_mut(class_slot(it.class)) {
            *n = true;
        }
    }
    let mut cl = Clusterer {
        items: &items,
        days: &read.days,
        strict,
        places: &places,
        tolerance,
        clusters: Vec::with_capacity(items.len()),
        index: Index::new(table.len(), nameless),
        pools: Pools::default(),
        by_article: Vec::new(),
        lists: Vec::new(),
        article_log: Some(Vec::new()),
        cluster_of: vec![NONE; items.len()],
        candidates: Vec::new(),
    };
    for &i in &dated {
        cl.place_dated(i);
    }
    cl.settle_articles();
    let mut undated_clusters = Vec::new();
    for &i in &undated {
        cl.place_undated(i, &mut undated_clusters);
    }

    // the entries are built at the clustering's peak: let the clustering state
    // go first, all but which cluster each mention went to
    let clusters = cl.clusters.len();
    let cluster_of = std::mem::take(&mut cl.cluster_of);
    drop(cl);
    drop(undated_clusters);
    // Entries read their items and [`Facts`] by canonical position: built in
    // the order their clusters were made, which follows the canonical order
    // (kind class, then time), each reads near where the one before read. The
    // mentions themselves are read only to break ties. Each entry keeps its
    // cluster id: the timeline's order below breaks ties by it.
    let (bounds, flat) = bucket_sort(clusters, || {
        cluster_of
            .iter()
            .zip(0u32..)
            .filter(|&(&c, _)| c != NONE)
            .map(|(&c, i)| (c as usize, i))
    });
    drop(cluster_of);
    // the facts and source ranks by canonical position
    let by_input = std::mem::take(&mut read.facts);
    let (facts, source_rank): (Vec<Facts>, Vec<u32>) = src
        .iter()
        .map(|&j| {
            let j = j as usize;
            (
                by_input.get(j).copied().unwrap_or_default(),
                read.source.get(j).copied().unwrap_or(NONE),
            )
        })
        .unzip();
    drop(by_input);
    // the strings the entries output, by id or rank (a rank orders as its
    // string: each distinct string once)
    let mut article_strings = read.articles.strings();
    article_strings.sort_unstable();
    let mut source_strings = read.sources.strings();
    source_strings.sort_unstable();
    let input = EntryInput {
        all: &mentions,
        src: &src,
        facts: &facts,
        source_rank: &source_rank,
        items: &items,
        table: &table,
        times: &read.times.all,
        articles: &article_strings,
        sources: &source_strings,
        places: &place_strings,
    };
    let mut scratch = Scratch::default();
    // the members of every entry (input indices, in entry order) one after
    // the other in one list: `members[ends[k - 1]..ends[k]]` for the k-th
    let mut members: Vec<usize> = Vec::with_capacity(src.len());
    let mut ends: Vec<usize> = Vec::with_capacity(clusters + 1);
    ends.push(0);
    let mut built: Vec<TimelineEvent> = Vec::with_capacity(clusters);
    // per entry: its cluster, and the article rank and trigger of its first
    // mention (the timeline's order breaks ties by them)
    let mut visit: Vec<(u32, u32, Option<crate::Span>)> = Vec::with_capacity(clusters);
    for (w, cluster) in bounds.windows(2).zip(0u32..) {
        let Some(own) = w
            .first()
            .zip(w.get(1))
            .and_then(|(&a, &b)| flat.get(a..b))
            .filter(|own| !own.is_empty())
        else {
            continue;
        };
        built.push(entry(own, input, &mut scratch, &mut members));
        ends.push(members.len());
        let first = scratch.order.first().copied();
        visit.push((
            cluster,
            first
                .and_then(|i| Some(items.get(i)?.article))
                .unwrap_or_default(),
            first.and_then(|i| Some(facts.get(i)?.trigger)),
        ));
    }
    drop(scratch);
    let members_of = |k: usize| -> &[usize] {
        ends.get(k)
            .zip(ends.get(k + 1))
            .and_then(|(&a, &b)| members.get(a..b))
            .unwrap_or_default()
    };
    drop(flat);
    drop(bounds);
    drop(items);
    drop(facts);
    drop(source_rank);
    // the timeline's order, on integer keys: the article rank orders as its id
    let mut order: Vec<(EventKey, u32, u32)> = built
        .iter()
        .zip(&visit)
        .zip(0u32..)
        .map(|((e, &(cluster, rank, trigger)), i)| (event_order(e, rank, trigger), cluster, i))
        .collect();
    drop(visit);
    order.sort_unstable();
    // entries and mentions are put in order in place: neither is held twice
    let order: Vec<usize> = order.into_iter().map(|(_, _, i)| i as usize).collect();
    super::permute(&mut built, &order);
    let groups = super::distribute_runs(mentions, order.iter().map(|&k| members_of(k)));
    drop(order);
    drop(ends);
    drop(members);
    for (e, group) in built.iter_mut().zip(groups) {
        e.mentions = group;
    }
    Timeline::from_sorted(tolerance_days, built, articles)
}

/// A stable counting sort: the values of `entries` (pairs of a bucket below
/// `buckets` and a value; the iterator is made twice) grouped by
/// bucket, each bucket's in the order given, the k-th bucket at
/// `sorted[bounds[k]..bounds[k + 1]]`. Entries outside the buckets are dropped.
fn bucket_sort<V: Copy + Default, I: Iterator<Item = (usize, V)>>(
    buckets: usize,
    entries: impl Fn() -> I,
) -> (Vec<usize>, Vec<V>) {
    let mut bounds = vec![0usize; buckets + 1];
    for (b, _) in entries() {
        if let Some(n) = bounds.get_mut(b + 1) {
            *n += 1;
        }
    }
    for k in 1..bounds.len() {
        let before = bounds.get(k - 1).copied().unwrap_or_default();
        if let Some(n) = bounds.get_mut(k) {
            *n += before;
        }
    }
    let mut fill = bounds.clone();
    let mut sorted = vec![V::default(); bounds.last().copied().unwrap_or_default()];
    for (b, v) in entries() {
        if let Some(at) = fill.get_mut(b) {
            if let Some(slot) = sorted.get_mut(*at) {
                *slot = v;
            }
            *at += 1;
        }
    }
    (bounds, sorted)
}

/// Undated last, then by interval, kind, and the first mention's article (by
/// rank) and trigger.
type EventKey = (bool, i64, i64, EventKind, u32, usize, usize);

fn event_order(e: &TimelineEvent, article_rank: u32, trigger: Option<crate::Span>) -> EventKey {
    let (s, t) = e
        .interval
        .map(|i| (secs(i.start), secs(i.end)))
        .unwrap_or((i64::MAX, i64::MAX));
    (
        e.interval.is_none(),
        s,
        t,
        e.kind,
        article_rank,
        trigger.map_or(0, |t| t.start),
        trigger.map_or(0, |t| t.end),
    )
}

/// The most frequent value, ties to the smallest. Sorts in place.
fn majority<T: Ord + Copy>(values: &mut [T]) -> Option<T> {
    values.sort_unstable();
    let mut best: Option<(usize, T)> = None;
    for run in values.chunk_by(|a, b| a == b) {
        if best.map_or(true, |(n, _)| run.len() > n) {
            best = Some((run.len(), run[0]));
        }
    }
    best.map(|b| b.1)
}

fn to_interval(t: Secs) -> Interval {
    let dt = |s: i64| {
        chrono::DateTime::from_timestamp(s, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    };
    Interval {
        start: dt(t.0),
        end: dt(t.1),
    }
}

/// One dated report of an entry.
#[derive(Clone, Copy)]
struct Dated<'m> {
    span: Secs,
    value: &'m str,
    /// The article's rank: it orders and compares as its id.
    rank: u32,
    article: &'m str,
    granularity: Granularity,
    interval: Option<Interval>,
}

/// The working lists of [`entry`], kept from one entry to the next: a
/// million mentions make hundreds of thousands of entries, each of which would
/// otherwise allocate and free each of these.
#[derive(Default)]
struct Scratch<'m> {
    order: Vec<usize>,
    kinds: Vec<EventKind>,
    per_article: Vec<(u32, Option<(u32, &'m str)>)>,
    source_keys: Vec<(bool, u32)>,
    dated: Vec<Dated<'m>>,
    agree: Vec<u32>,
    keys: Vec<u32>,
    people: Vec<(usize, &'m str)>,
    places: Vec<u32>,
    spellings: Vec<&'m str>,
}

/// What every entry reads: the mentions in input order (for tie-breaks only),
/// the input index, [`Facts`], source rank and item of each canonical
/// position, the names, and the strings the facts and items stand for.
#[derive(Clone, Copy)]
struct EntryInput<'m> {
    all: &'m [EventMention],
    src: &'m [u32],
    facts: &'m [Facts],
    source_rank: &'m [u32],
    items: &'m [Item],
    table: &'m NameTable,
    /// [`Times`] by id.
    times: &'m [Time],
    /// Article ids and source names by rank.
    articles: &'m [&'m str],
    sources: &'m [&'m str],
    /// Place spellings by id.
    places: &'m [&'m str],
}

/// The entry of the cluster with `members` (canonical positions), without its
/// mentions (moved in afterwards); the input indices of those mentions, in
/// entry order, are appended to `out`.
fn entry<'m>(
    members: &[u32],
    input: EntryInput<'m>,
    scratch: &mut Scratch<'m>,
    out: &mut Vec<usize>,
) -> TimelineEvent {
    let EntryInput {
        all,
        src,
        facts,
        source_rank,
        items,
        table,
        times,
        articles,
        sources,
        places: spelt,
    } = input;
    let Scratch {
        order,
        kinds,
        per_article,
        source_keys,
        dated,
        agree,
        keys,
        people,
        places,
        spellings,
    } = scratch;
    // canonical positions of the members, in entry order
    order.clear();
    order.extend(members.iter().map(|&i| i as usize).filter(|&i| {
        i < items.len() && i < facts.len() && src.get(i).is_some_and(|&j| (j as usize) < all.len())
    }));
    let mentions = |i: usize| -> &'m EventMention { &all[src[i] as usize] };
    // the article rank orders as the article id does; the mentions themselves
    // are read only when article and trigger tie
    order.sort_unstable_by(|&a, &b| {
        (items[a].article, facts[a].trigger)
            .cmp(&(items[b].article, facts[b].trigger))
            .then_with(|| mentions(a).cmp(mentions(b)))
    });
    let order: &[usize] = order;

    kinds.clear();
    kinds.extend(order.iter().map(|i| items[*i].kind));
    let kind = majority(kinds).unwrap_or(EventKind::Other);

    // articles, in order; each counts once, under its source name when one of its
    // mentions gives it (the smallest, should they disagree), else as its own.
    // Ranks stand for the ids and the source names: integers compared, not
    // strings; the strings are read only for the output.
    per_article.clear();
    for i in order {
        let rank = items[*i].article;
        let r = source_rank.get(*i).copied().unwrap_or(NONE);
        let source = sources.get(r as usize).map(|s| (r, *s));
        match per_article.last_mut() {
            Some((last, s)) if *last == rank => {
                if let Some(new) = source {
                    if s.map_or(true, |old| new.0 < old.0) {
                        *s = Some(new);
                    }
                }
            }
            _ => per_article.push((rank, source)),
        }
    }
    let source_of = |rank: u32| {
        per_article
            .binary_search_by(|(a, _)| a.cmp(&rank))
            .ok()
            .and_then(|i| per_article.get(i)?.1.map(|s| s.1))
    };
    source_keys.clear();
    source_keys.extend(per_article.iter().map(|(a, s)| match s {
        Some(s) => (true, s.0),
        None => (false, *a),
    }));
    source_keys.sort_unstable();
    source_keys.dedup();

    // dates: the sharpest reported ones (containing no other) compete; an article
    // agrees with a date when one of its reports overlaps it
    dated.clear();
    dated.extend(order.iter().filter_map(|i| {
        let time = times.get(facts.get(*i)?.time as usize)?;
        let item = items.get(*i)?;
        Some(Dated {
            // the item holds the mention's span, parsed once
            span: item.time?,
            value: &time.value,
            rank: item.article,
            article: articles.get(item.article as usize)?,
            granularity: time.granularity,
            interval: time.interval,
        })
    }));
    dated.sort_unstable_by(|a, b| (a.span, a.value, a.rank).cmp(&(b.span, b.value, b.rank)));
    // Repeats of one date by one article add nothing to the choice below, which
    // compares dates pairwise: drop them so a huge cluster stays cheap.
    dated.dedup_by(|a, b| {
        (a.span, a.value, a.rank, a.granularity, a.interval)
            == (b.span, b.value, b.rank, b.granularity, b.interval)
    });
    let dated: &[Dated<'m>] = dated;
    let chosen = dated
        .iter()
        .filter(|d| !dated.iter().any(|o| strictly_contains(d.span, o.span)))
        .map(|d| {
            agree.clear();
            agree.extend(
                dated
                    .iter()
                    .filter(|o| overlaps(o.span, d.span))
                    .map(|o| o.rank),
            );
            agree.sort_unstable();
            agree.dedup();
            let key = (
                Reverse(agree.len()),
                d.span.1.saturating_sub(d.span.0),
                d.span.0,
                d.value,
            );
            (key, d)
        })
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|x| *x.1);
    let disagree = dated
        .iter()
        .any(|a| dated.iter().any(|b| !overlaps(a.span, b.span)));
    let mut conflicts = Vec::new();
    if disagree {
        for d in dated {
            let own_sharper = dated
                .iter()
                .any(|o| o.rank == d.rank && strictly_contains(d.span, o.span));
            if !own_sharper {
                conflicts.push(Conflict {
                    article: d.article.to_owned(),
                    source: source_of(d.rank).map(str::to_owned),
                    when: d.value.to_owned(),
                });
            }
        }
        conflicts.sort();
        conflicts.dedup();
    }

    // participants: the most often named first, then by name
    keys.clear();
    keys.extend(order.iter().flat_map(|i| items[*i].keys.iter().copied()));
    keys.sort_unstable();
    people.clear();
    people.extend(
        keys.chunk_by(|a, b| a == b)
            .filter_map(|run| Some((run.len(), table.entity(run[0])?.name.as_str()))),
    );
    people.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut participants: Vec<String> = Vec::with_capacity(people.len());
    for &(_, name) in people.iter() {
        if !participants.iter().any(|p| p == name) {
            participants.push(name.to_owned());
        }
    }

    // place: the most reported one, in its most frequent, then longest, spelling
    places.clear();
    places.extend(order.iter().filter_map(|i| items[*i].place));
    let place = majority(places).and_then(|pid| {
        spellings.clear();
        spellings.extend(
            order
                .iter()
                .filter(|i| items[**i].place == Some(pid))
                .filter_map(|i| Some(spelt.get(facts[*i].place as usize)?.trim())),
        );
        spellings.sort_unstable();
        spellings
            .chunk_by(|a, b| a == b)
            .min_by(|a, b| {
                b.len()
                    .cmp(&a.len())
                    .then(b[0].len().cmp(&a[0].len()))
                    .then_with(|| a[0].cmp(b[0]))
            })
            .map(|run| run[0].to_owned())
    });

    let status = merged_status(order.iter().map(|i| items[*i].status));
    let event = TimelineEvent {
        kind,
        when: chosen.map(|d| d.value.to_owned()),
        granularity: chosen.map(|d| d.granularity),
        interval: chosen.map(|d| d.interval.unwrap_or_else(|| to_interval(d.span))),
        participants,
        place,
        status,
        mentions: Vec::new(),
        articles: per_article.len(),
        sources: source_keys.len(),
        conflicts,
    };
    out.extend(order.iter().map(|&i| src[i] as usize));
    event
}

/// Occurred once any report says it happened; then ongoing, planned, reported,
/// hypothetical; negated only when every report denies it.
pub(crate) fn merged_status(all: impl Iterator<Item = Status>) -> Status {
    let rank = |s: Status| match s {
        Status::Occurred => 0,
        Status::Ongoing => 1,
        Status::Planned => 2,
        Status::Reported => 3,
        Status::Hypothetical => 4,
        _ => 5,
    };
    all.min_by_key(|s| rank(*s)).unwrap_or(Status::Occurred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_sort_is_a_stable_sort_by_key() {
        // keys that share some bytes (skipped passes) and differ in others
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut v: Vec<(u64, u32)> = (0..5000u32)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x & 0x00FF_0000_0F0F) | 0x1100_0000_0000, i)
            })
            .collect();
        let mut want = v.clone();
        want.sort_by_key(|e| e.0);
        radix_sort(&mut v, 48);
        assert_eq!(v, want);
        let mut none: Vec<(u64, u32)> = Vec::new();
        radix_sort(&mut none, 64);
        assert!(none.is_empty());
        // the same order on 128-bit keys, with bytes past 64 bits set
        let mut wide: Vec<(u128, u32)> = want
            .iter()
            .map(|&(k, i)| ((u128::from(k % 7) << 100) | u128::from(k), i))
            .collect();
        let mut want_wide = wide.clone();
        want_wide.sort_by_key(|e| e.0);
        radix_sort(&mut wide, 112);
        assert_eq!(wide, want_wide);
    }

    fn span(v: &str) -> Option<(String, String)> {
        parse_value(v).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    #[test]
    fn plain_values_have_intervals() {
        let s = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(
            span("2019"),
            s("2019-01-01 00:00:00", "2020-01-01 00:00:00")
        );
        assert_eq!(
            span("2019-12"),
            s("2019-12-01 00:00:00", "2020-01-01 00:00:00")
        );
        assert_eq!(
            span("2019-02-28"),
            s("2019-02-28 00:00:00", "2019-03-01 00:00:00")
        );
        assert_eq!(
            span("2018-12-03T21:59"),
            s("2018-12-03 21:59:00", "2018-12-03 22:00:00")
        );
        assert_eq!(
            span("2019-Q4"),
            s("2019-10-01 00:00:00", "2020-01-01 00:00:00")
        );
        assert_eq!(
            span("2019-W01"),
            s("2018-12-31 00:00:00", "2019-01-07 00:00:00")
        );
        assert_eq!(
            span("1998-FA"),
            s("1998-09-01 00:00:00", "1998-12-01 00:00:00")
        );
        assert_eq!(
            span("1998-SP"),
            s("1998-03-01 00:00:00", "1998-06-01 00:00:00")
        );
        assert_eq!(
            span("1994-WI"),
            s("1993-12-01 00:00:00", "1995-03-01 00:00:00")
        );
        for bad in [
            "PRESENT_REF",
            "XXXX-09-24",
            "2019-13",
            "2019-02-30",
            "P1M",
            "",
            "20190",
            "2019-AU",
            "XXXX-SU",
        ] {
            assert_eq!(span(bad), None, "{bad}");
        }
    }

    #[test]
    fn tolerance_is_between_midpoints() {
        let d = |n: i64| (n * DAY, (n + 1) * DAY);
        assert!(within(d(3), d(4), DAY));
        assert!(!within(d(3), d(5), DAY));
        assert!(!within(d(3), d(4), 0));
        assert!(within(d(3), (0, 10 * DAY), 0));
    }

    #[test]
    fn occurred_beats_planned_and_negated_needs_all() {
        use Status::*;
        assert_eq!(merged_status([Planned, Occurred].into_iter()), Occurred);
        assert_eq!(merged_status([Negated, Planned].into_iter()), Planned);
        assert_eq!(merged_status([Negated, Negated].into_iter()), Negated);
    }

    #[test]
    fn clusters_keep_their_dates_once_they_are_not_uniform() {
        // members at one date from several articles, then another date, an
        // undated one, more: once not uniform, the dates kept are those of
        // every dated member, as if kept from the start
        let item = |article: u32, time: Option<Secs>| Item {
            class: 0,
            kind: EventKind::Meeting,
            keys: Keys::new(&[1]),
            place: None,
            time,
            article,
            status: Status::Occurred,
            published: NONE,
        };
        let day = Some((0, DAY));
        let next = Some((DAY, 2 * DAY));
        for members in [
            vec![
                item(3, day),
                item(1, day),
                item(5, day),
                item(2, day),
                item(4, next),
            ],
            vec![item(3, day), item(1, day), item(7, None), item(2, next)],
            vec![item(3, None), item(1, day), item(1, day), item(2, next)],
            vec![item(3, day), item(3, day), item(4, day)],
        ] {
            let mut pools = Pools::default();
            let mut c = Cluster::new(0);
            let mut want = BTreeSet::new();
            for (n, m) in members.iter().enumerate() {
                c.add(m, &mut pools);
                if let Some(t) = m.time {
                    want.insert((m.article, t));
                }
                let all_at_hull = members[..=n]
                    .iter()
                    .all(|m| m.time.is_some() && m.time == c.hull);
                assert_eq!(c.uniform, all_at_hull);
                let have: BTreeSet<(u32, Secs)> = if c.uniform {
                    let h = c.hull.unwrap_or_default();
                    c.articles.get(&pools.ids).iter().map(|&a| (a, h)).collect()
                } else {
                    c.times.get(&pools.times).iter().copied().collect()
                };
                assert_eq!(have, want, "after {} members", n + 1);
            }
        }
    }

    #[test]
    fn small_sets_stay_sorted_and_distinct_past_their_inline_room() {
        // a fixed scramble of 0..40 with repeats, so the set spills to the heap
        let input: Vec<u32> = (0..120u32).map(|i| (i * 37 + 11) % 40).collect();
        // two sets share one pool, their runs moving past each other as they grow
        let mut set: SmallSet<u32, 4> = SmallSet::new();
        let mut other: SmallSet<u32, 4> = SmallSet::new();
        let mut pool = Vec::new();
        for (n, &x) in input.iter().enumerate() {
            set.insert(&mut pool, x);
            other.insert(&mut pool, 1000 - x);
            let mut want: Vec<u32> = input.get(..=n).unwrap_or_default().to_vec();
            want.sort_unstable();
            want.dedup();
            assert_eq!(set.get(&pool), want.as_slice(), "after {} inserts", n + 1);
            let mirrored: Vec<u32> = want.iter().rev().map(|x| 1000 - x).collect();
            assert_eq!(other.get(&pool), mirrored.as_slice());
        }
        assert!(matches!(set, SmallSet::Spilled(_)));
    }

    #[test]
    fn article_lists_keep_their_order_as_their_runs_move() {
        let mut lists = Vec::new();
        let mut pool = Vec::new();
        let mut want: Vec<Vec<(u8, u32)>> = vec![Vec::new(); 3];
        for i in 0..50u32 {
            let article = (i * 7) % 3;
            let x = ((i % 5) as u8, 100 - i);
            push_article(&mut lists, &mut pool, article, x);
            want[article as usize].push(x);
            for (run, w) in lists.iter().zip(&want) {
                assert_eq!(run.get(&pool), w.as_slice(), "after {} pushes", i + 1);
            }
        }
        // a run made with room takes pushes where it is
        let mut run = Run::with(&mut pool, &[(1, 1), (2, 2)], 4);
        let at = run.at;
        run.push(&mut pool, (0, 3));
        assert_eq!(run.at, at);
        assert_eq!(run.get(&pool), &[(1, 1), (2, 2), (0, 3)]);
    }

    #[test]
    fn index_probes_find_every_posting_in_their_window() {
        // postings mostly in time order, some behind, some repeated, of several
        // lengths: the header's shortcut must answer as a full scan would
        let mut index = Index::new(4, [false; CLASSES]);
        let mut all: Vec<(i64, i64, u32)> = Vec::new();
        for i in 0..400i64 {
            let start = if i % 7 == 3 { (i * 13) % 300 } else { i * 3 };
            let len = [1, 1, 2, 30][(i % 4) as usize];
            let cluster = (i % 11) as u32;
            index.insert(0, 2, (start, start + len), cluster);
            all.push((start, start + len, cluster));
            for (t, tol) in [
                ((start, start + 1), 2),
                ((start + 5, start + 6), 1),
                ((0, 1), 0),
            ] {
                let mut got = Vec::new();
                let mut budget = SCAN_LIMIT;
                assert!(index.query(0, 2, Some(t), tol, &mut got, &mut budget));
                let max_len = all.iter().map(|p| p.1 - p.0).max().unwrap_or(0);
                let (lo, hi) = (t.0 - tol - max_len, t.1 + tol);
                // one unit of budget per distinct posting in the window
                let postings: BTreeSet<(i64, u32)> = all
                    .iter()
                    .filter(|p| lo <= p.0 && p.0 <= hi)
                    .map(|p| (p.0, p.2))
                    .collect();
                assert_eq!(SCAN_LIMIT - budget, postings.len());
                assert_eq!(got.len(), postings.len());
                got.sort_unstable();
                got.dedup();
                let mut want: Vec<u32> = all
                    .iter()
                    .filter(|p| lo <= p.0 && p.0 <= hi)
                    .map(|p| p.2)
                    .collect();
                want.sort_unstable();
                want.dedup();
                assert_eq!(got, want, "after {} postings, probe {t:?} +- {tol}", i + 1);
            }
        }
        // a block nobody posted to answers nothing
        let mut got = Vec::new();
        let mut budget = SCAN_LIMIT;
        assert!(index.query(0, 1, None, 0, &mut got, &mut budget));
        assert!(got.is_empty());
    }

    #[test]
    fn posting_sets_answer_the_same_as_flat_and_as_trees() {
        let mut set = Postings::default();
        let mut pool = Vec::new();
        let mut trees = Vec::new();
        let mut all = BTreeSet::new();
        for i in 0..(3 * FLAT_MAX as i64) {
            let p = ((i * 7919) % 1000, (i % 13) as u32);
            set.insert(&mut pool, &mut trees, p);
            all.insert(p);
            let greatest = all.last().copied().unwrap_or_default();
            assert_eq!((set.last, set.last_cluster), greatest);
            let second = all.iter().rev().nth(1).map_or(i64::MIN, |p| p.0);
            assert!(set.before_last() >= second);
            if i % 97 == 0 || i == FLAT_MAX as i64 {
                for (lo, hi) in [(0, 999), (100, 100), (250, 260), (990, 2000), (-5, -1)] {
                    let mut got = Vec::new();
                    assert!(set.scan(&pool, &trees, lo, hi, |c| {
                        got.push(c);
                        true
                    }));
                    let want: Vec<u32> = all.range((lo, 0)..=(hi, u32::MAX)).map(|p| p.1).collect();
                    assert_eq!(got, want, "{i} postings, {lo}..={hi}");
                }
            }
        }
        assert_eq!(set.len, TREE);
        // a scan stops when asked to
        let mut seen = 0;
        assert!(!set.scan(&pool, &trees, 0, 999, |_| {
            seen += 1;
            seen < 5
        }));
        assert_eq!(seen, 5);
    }

    #[test]
    fn flat_runs_take_postings_in_and_out_of_order() {
        // appended past the greatest, in between, repeated: the run stays
        // sorted and distinct as it moves and grows
        let mut set = Postings::default();
        let mut pool = Vec::new();
        let mut trees = Vec::new();
        let mut all = BTreeSet::new();
        for i in 0..200i64 {
            let p = if i % 5 == 4 {
                ((i * 31) % (i + 1), (i % 3) as u32)
            } else {
                (i * 10, (i % 7) as u32)
            };
            for _ in 0..(1 + i % 2) {
                set.insert(&mut pool, &mut trees, p);
            }
            all.insert(p);
            assert_eq!(
                set.run(&pool),
                all.iter().copied().collect::<Vec<_>>().as_slice()
            );
            assert!(u64::from(set.len) <= run_room(set.len));
        }
        assert!(trees.is_empty());
    }

    #[test]
    fn headers_keep_a_bound_on_gaps_too_wide_for_them() {
        // starts centuries apart, and at the ends of time: the header's bound
        // on the posting before the last may be loose, never too low
        let mut set = Postings::default();
        let mut pool = Vec::new();
        let mut trees = Vec::new();
        let mut all = BTreeSet::new();
        for p in [
            (0, 1),
            (i64::MIN, 2),
            (1 << 40, 3),
            (i64::MAX, 4),
            ((1 << 40) + 5, 5),
            (i64::MIN + 7, 6),
            (i64::MAX, 1),
        ] {
            set.insert(&mut pool, &mut trees, p);
            all.insert(p);
            let second = all.iter().rev().nth(1).map_or(i64::MIN, |p| p.0);
            assert!(set.before_last() >= second, "{p:?}");
            assert!(set.before_last() <= set.last || all.len() < 2);
        }
    }

    /// Triggers past 32 bits order entries and their mentions as small ones
    /// do: the compact facts keep whole offsets.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn wide_triggers_order_as_narrow_ones() {
        use crate::event::{EntityKind, Participant, Role};
        use crate::Span;
        const BIG: usize = 1 << 33;
        const SMALL: usize = 1 << 20;
        let report = |article: &str, at: usize, day: &str| EventMention {
            article: article.into(),
            source: None,
            published: None,
            kind: EventKind::Vote,
            trigger: Span::new(at, at + 5),
            sentence: Span::new(at, at + 40),
            participants: vec![Participant {
                name: "Senate".into(),
                entity: EntityKind::Organization,
                role: Role::Agent,
                span: Span::new(at, at + 6),
            }],
            place: None,
            status: Status::Occurred,
            time: Some(Box::new(EventTime {
                value: day.into(),
                granularity: Granularity::Day,
                interval: None,
                zone: None,
                timex: None,
            })),
            quote: "".into(),
        };
        let mentions = |far: usize| {
            vec![
                report("a", far, "2021-11-21"),
                report("a", 7, "2021-11-21"),
                report("b", far, "2021-11-21"),
                report("b", 9, "2021-11-21"),
                report("c", far, "2022-03-01"),
                report("c", 3, "2022-03-01"),
            ]
        };
        // each event as its mentions' (article, trigger start), wide ones
        // written as the narrow run's
        let shape = |t: &Timeline| -> Vec<Vec<(String, usize)>> {
            t.events()
                .iter()
                .map(|e| {
                    e.mentions
                        .iter()
                        .map(|m| {
                            let at = if m.trigger.start == BIG {
                                SMALL
                            } else {
                                m.trigger.start
                            };
                            (m.article.to_string(), at)
                        })
                        .collect()
                })
                .collect()
        };
        let wide = build(mentions(BIG), Vec::new(), 1);
        let narrow = build(mentions(SMALL), Vec::new(), 1);
        assert_eq!(shape(&wide), shape(&narrow));
        let first = shape(&narrow);
        assert_eq!(
            first.first().and_then(|e| e.first()),
            Some(&("a".to_owned(), 7))
        );
        assert!(first.iter().all(|e| e.windows(2).all(|w| w[0] <= w[1])));
    }
}
