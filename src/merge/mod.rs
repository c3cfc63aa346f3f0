//! One deduplicated timeline across articles.
//!
//! A [`Timeline`] is a pure function of the set of mentions (and article records)
//! it holds: merging two timelines takes the union and clusters again, so merging
//! is commutative, associative and idempotent, and the same articles in any order
//! give the same bytes.
//!
//! ```
//! use storyline::event::{EntityKind, EventMention, EventTime, Participant, Place, Role};
//! use storyline::timex::Granularity;
//! use storyline::{Config, EventKind, Span, Status, Timeline};
//!
//! let report = |article: &str, value: &str| EventMention {
//!     article: article.into(),
//!     source: None,
//!     published: None,
//!     kind: EventKind::Vote,
//!     trigger: Span::new(0, 8),
//!     sentence: Span::new(0, 40),
//!     participants: vec![Participant {
//!         name: "Senate".into(),
//!         entity: EntityKind::Organization,
//!         role: Role::Agent,
//!         span: Span::new(0, 6),
//!     }],
//!     place: Some(Place { name: "Chile".into(), span: Span::new(12, 17) }),
//!     status: Status::Occurred,
//!     time: Some(Box::new(EventTime {
//!         value: value.into(),
//!         granularity: if value.len() == 4 { Granularity::Year } else { Granularity::Day },
//!         interval: None,
//!         zone: None,
//!         timex: None,
//!     })),
//!     quote: "".into(),
//! };
//! let config = Config::default();
//! let a = Timeline::from_parts(vec![report("a", "2021-11-21")], vec![], &config);
//! let b = Timeline::from_parts(vec![report("b", "2021"), report("c", "2021-11-22")], vec![], &config);
//! let merged = a.merge(&b);
//! assert_eq!(merged, b.merge(&a));
//! // one vote: the year report joins the day reports, whose dates differ by a day
//! assert_eq!(merged.events().len(), 1);
//! let event = &merged.events()[0];
//! assert_eq!(event.when.as_deref(), Some("2021-11-21"));
//! assert_eq!(event.conflicts.len(), 3);
//! ```
//!
//! # How mentions become events
//!
//! The mentions are first put in a canonical order (a total order on their
//! content), identical mentions kept once, so nothing below depends on the order
//! they were given in. Then:
//!
//! - **Names** are folded across articles (accents, case, leading titles) and a
//!   name contained in exactly one longer name is that name: "Maduro" is
//!   "Nicolás Maduro" when no other known name holds "Maduro". An entry shows the
//!   most complete spelling (fewest titles, not in capitals, accents kept).
//! - **Kinds** must match, except that a meeting and a visit may be one event (a
//!   trip where two leaders meet is reported either way). An announcement of a
//!   meeting is never the meeting.
//! - **Participants** must nest: the people one report names are all among the
//!   people the other names ("X met Y" and "Y was received"), so two meetings of X
//!   with different partners stay apart. Organisations and places count only when
//!   one side names no person ("Russia received X" and "Y received X" agree).
//! - **Places** are names without a gazetteer: "Berlin" and "Berlin, Germany" are
//!   the same place; "Berlin" and "Germany" merely differ. A different place never
//!   splits reports that name the same people. A report that names nobody (or an
//!   event that names nobody) joins only when the place is the same or the event
//!   already has a report from the same article, and never across a date
//!   conflict: kind and time alone do not make two reports one event.
//! - **Time** decides between occurrences. Two reported times are compatible when
//!   their intervals share an instant or their midpoints lie no further apart
//!   than the conflict tolerance ([`Config::conflict_tolerance_days`], one day by
//!   default). Every pair of dated reports in one event is compatible (complete
//!   link), so three meetings a year apart are three events. Two reports of one
//!   article never disagree on the date of one event: they must overlap.
//! - **Sharper first.** Dated mentions are placed from the sharpest interval to
//!   the vaguest, each joining the one existing event it fits best (more shared
//!   participants, then same date over a conflicting one, an equal interval over a
//!   containing one, a matching place, the same kind), or opening its own. When
//!   two events fit equally well the mention opens its own event rather than
//!   guess: "met in 2021" with two day-dated meetings of the same people in 2021
//!   becomes a third, year-dated entry, while with one such meeting it joins it
//!   ("earlier this year" and "last January" → one event dated January).
//! - **Undated mentions** come last. One joins a dated event when exactly one
//!   compatible event also has a report from the same article (among several
//!   such, the only one within the tolerance of the publication date); when the
//!   article dates none, the only compatible event within the tolerance of its
//!   publication date; with no publication date, the only compatible event.
//!   "Compatible" also reads the status against the publication date (a planned
//!   event lies after it, one that occurred before it), and a report naming
//!   nobody must name the event's place. Otherwise it joins the undated entry of
//!   its own article that fits best, or starts one; undated reports of different
//!   articles never merge.
//!
//! Candidates are found through an index by kind class, participant and interval
//! start, so each mention looks at the few events near it in time that share a
//! participant: the cost grows near-linearly with the number of mentions. A
//! mention whose block holds more than a few thousand candidates stays apart.
//!
//! # What an entry says
//!
//! - `kind`: the kind most reports give, ties to the first in declaration order.
//! - `when`: among the sharpest reported dates (those that contain no other
//!   reported date), the one most articles agree with (an article agrees with a
//!   date when one of its reports overlaps it), then the finer, then the earlier,
//!   then the smaller value. A year report and a January report give January; two
//!   articles saying the 4th and one the 3rd give the 4th; one each gives the 3rd.
//!   `None` when no report has an anchored date (relative values such as
//!   `PAST_REF` or `XXXX-09-24` do not date an event).
//! - `participants`: the most often named first, then by name.
//! - `place`: the most reported place, in its most frequent spelling.
//! - `status`: occurred once any report says it happened; else ongoing, planned,
//!   reported, hypothetical in that order; negated only when every report denies it.
//! - `mentions`: by article id, then trigger position.
//! - `articles`, `sources`: distinct articles, and distinct source names (an
//!   article without a source counts as its own).
//! - `conflicts`: empty when all dated reports overlap; otherwise each article's
//!   sharpest date, so a reader sees who said what.
//!
//! Events are ordered by interval start (then end), kind and first mention;
//! undated events come last.

use crate::event::{EventKind, EventMention, SharedStr, Status};
use crate::timex::{Granularity, Interval, Timex, TimexList};
use crate::{Article, Config, Extractor};
use serde::{Deserialize, Serialize};

/// What one source said of an event's date when sources disagree.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Conflict {
    /// The article.
    pub article: String,
    /// Its source name, when known.
    pub source: Option<String>,
    /// The date that article gives.
    pub when: String,
}

/// One real-world event with every report of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// What kind of event.
    pub kind: EventKind,
    /// TIMEX3 value at the finest granularity the reports support, or `None`.
    pub when: Option<String>,
    /// How fine `when` is.
    pub granularity: Option<Granularity>,
    /// The instants `when` covers.
    pub interval: Option<Interval>,
    /// Participants, most complete names, in a stable order.
    pub participants: Vec<String>,
    /// Where, when the reports say.
    pub place: Option<String>,
    /// Occurred beats planned once any report says it happened.
    pub status: Status,
    /// Every report, ordered by article id and position.
    pub mentions: Vec<EventMention>,
    /// How many articles report it.
    pub articles: usize,
    /// How many distinct sources report it (articles with no source count as their
    /// own source).
    pub sources: usize,
    /// Each source's date where sources disagree; empty when they agree.
    pub conflicts: Vec<Conflict>,
}

/// What an extraction says of its article: id, source, publication date and every
/// temporal expression in full.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article's id.
    pub id: String,
    /// Its source name, when known.
    pub source: Option<String>,
    /// Its publication date as given, when known.
    pub published: Option<String>,
    /// Its temporal expressions.
    pub timexes: Vec<Timex>,
}

/// What the timeline keeps of each article: enough to show its dates, with its
/// temporal expressions in compact form (span, text, type, value).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// The article's id.
    pub id: SharedStr,
    /// Its source name, when known.
    pub source: Option<SharedStr>,
    /// Its publication date as given, when known.
    pub published: Option<SharedStr>,
    /// Its temporal expressions.
    pub timexes: TimexList,
}

impl From<ArticleRecord> for ArticleSummary {
    fn from(r: ArticleRecord) -> ArticleSummary {
        ArticleSummary {
            timexes: TimexList::new(&r.timexes),
            id: r.id.into(),
            source: r.source.map(Into::into),
            published: r.published.map(Into::into),
        }
    }
}

/// A deduplicated, chronological timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    tolerance_days: i64,
    events: Vec<TimelineEvent>,
    articles: Vec<ArticleSummary>,
}

mod cluster;
mod intern;
mod names;

impl Timeline {
    /// Builds the timeline of a set of articles.
    ///
    /// ```
    /// use storyline::{Article, Extractor, Timeline};
    /// let articles = [Article::new("a", "Maduro met Putin in Moscow.").with_published_str("2019-09-25")?];
    /// let timeline = Timeline::from_articles(&articles, &Extractor::default());
    /// assert!(timeline.events().len() <= 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_articles<'a>(
        articles: impl IntoIterator<Item = &'a Article>,
        extractor: &Extractor,
    ) -> Timeline {
        let mut builder = TimelineBuilder::new(extractor);
        for article in articles {
            builder.add(article);
        }
        builder.build()
    }

    /// Clusters mentions into a timeline, with article records for output.
    ///
    /// The result depends on the set of mentions only (identical mentions count
    /// once; records are kept once per article id), never on their order; the
    /// rules are in the [module docs](self). Conflicting dates are merged within
    /// `config`'s [`Config::tolerance_days`].
    pub fn from_parts(
        mentions: Vec<EventMention>,
        articles: Vec<ArticleRecord>,
        config: &Config,
    ) -> Timeline {
        let articles = articles.into_iter().map(ArticleSummary::from).collect();
        cluster::build(mentions, articles, config.tolerance_days())
    }

    /// Merges two partial timelines: the union of their mentions and article
    /// records, clustered again with the larger of the two tolerances.
    /// Commutative, associative and idempotent, so partial timelines can be
    /// reduced in any grouping and order (a distributed engine's combine step).
    pub fn merge(&self, other: &Timeline) -> Timeline {
        let mentions = self
            .mentions()
            .chain(other.mentions())
            .cloned()
            .collect::<Vec<_>>();
        let articles = self
            .articles
            .iter()
            .chain(other.articles.iter())
            .cloned()
            .collect::<Vec<_>>();
        let tolerance = self.tolerance_days.max(other.tolerance_days);
        cluster::build(mentions, articles, tolerance)
    }

    /// The events, chronological; undated events last.
    pub fn events(&self) -> &[TimelineEvent] {
        &self.events
    }

    /// The article records, ordered by id.
    pub fn articles(&self) -> &[ArticleSummary] {
        &self.articles
    }

    /// Every mention of every event.
    pub fn mentions(&self) -> impl Iterator<Item = &EventMention> + '_ {
        self.events.iter().flat_map(|e| e.mentions.iter())
    }

    /// The conflict tolerance the timeline was built with, in days.
    pub fn tolerance_days(&self) -> i64 {
        self.tolerance_days
    }

    pub(crate) fn from_sorted(
        tolerance_days: i64,
        events: Vec<TimelineEvent>,
        articles: Vec<ArticleSummary>,
    ) -> Timeline {
        Timeline {
            tolerance_days,
            events,
            articles,
        }
    }
}

/// Builds a timeline one article at a time.
///
/// ```
/// use storyline::{Article, Extractor, TimelineBuilder};
/// let extractor = Extractor::default();
/// let mut builder = TimelineBuilder::new(&extractor);
/// builder.add(&Article::new("a", "Putin will meet Maduro on Wednesday."));
/// let timeline = builder.build();
/// assert_eq!(timeline.articles().len(), 1);
/// ```
pub struct TimelineBuilder<'x> {
    extractor: &'x Extractor,
    mentions: Vec<EventMention>,
    articles: Vec<ArticleSummary>,
    diagnostics: Vec<(String, crate::Diagnostic)>,
    strings: Interner,
}

/// One shared copy of each string a builder keeps: ids, sources and dates repeat
/// in every mention of an article, names and places across articles. A new
/// string is copied on the builder's thread, so what the timeline keeps is not
/// scattered among the extraction's temporaries.
#[derive(Default)]
struct Interner(std::collections::HashSet<SharedStr>);

impl Interner {
    fn get(&mut self, s: &str) -> SharedStr {
        if let Some(shared) = self.0.get(s) {
            return shared.clone();
        }
        let shared = SharedStr::from(s);
        self.0.insert(shared.clone());
        shared
    }

    fn share(&mut self, s: &mut SharedStr) {
        *s = self.get(s);
    }

    fn share_opt(&mut self, s: &mut Option<SharedStr>) {
        if let Some(s) = s {
            self.share(s);
        }
    }

    /// Shares the mention's strings and drops the spare room of its vectors.
    fn mention(&mut self, m: &mut EventMention) {
        self.share(&mut m.article);
        self.share_opt(&mut m.source);
        self.share_opt(&mut m.published);
        self.share(&mut m.quote);
        for p in &mut m.participants {
            self.share(&mut p.name);
        }
        if let Some(p) = &mut m.place {
            self.share(&mut p.name);
        }
        m.participants.shrink_to_fit();
    }
}

impl<'x> TimelineBuilder<'x> {
    /// An empty builder that extracts with `extractor`.
    pub fn new(extractor: &'x Extractor) -> TimelineBuilder<'x> {
        TimelineBuilder {
            extractor,
            mentions: Vec::new(),
            articles: Vec::new(),
            diagnostics: Vec::new(),
            strings: Interner::default(),
        }
    }

    /// The diagnostics of every article added so far, with the article's id: limits
    /// reached, unresolvable values, inferred publication dates. A timeline cut
    /// short by a limit never looks whole: the note is here.
    pub fn diagnostics(&self) -> &[(String, crate::Diagnostic)] {
        &self.diagnostics
    }

    /// Extracts one article and keeps its mentions.
    pub fn add(&mut self, article: &Article) -> &mut Self {
        let extraction = self.extractor.extract(article);
        self.push(extraction);
        self
    }

    /// Keeps an extraction made elsewhere (another thread, another machine).
    pub fn push(&mut self, extraction: crate::Extraction) -> &mut Self {
        let id = &extraction.record.id;
        self.diagnostics
            .extend(extraction.diagnostics.into_iter().map(|d| (id.clone(), d)));
        let mut record = ArticleSummary::from(extraction.record);
        self.strings.share(&mut record.id);
        self.strings.share_opt(&mut record.source);
        self.strings.share_opt(&mut record.published);
        self.articles.push(record);
        let mut events = extraction.events;
        for m in &mut events {
            self.strings.mention(m);
        }
        self.mentions.extend(events);
        self
    }

    /// Clusters everything added into a timeline.
    pub fn build(self) -> Timeline {
        let TimelineBuilder {
            extractor,
            mentions,
            articles,
            diagnostics,
            strings,
        } = self;
        // the clustering's peak is the builder's peak: let go of what it does not need
        drop(strings);
        drop(diagnostics);
        cluster::build(mentions, articles, extractor.config().tolerance_days())
    }
}

/// Reorders `items` in place so that position `k` holds the item that was at
/// `order[k]`; items `order` does not name are dropped (so are repeated and out
/// of range indices). Linear swaps and one index vector: no second array of the
/// large items exists at any time.
pub(crate) fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let n = items.len();
    // dest[old] = new position: the kept items first, in `order`, then the rest
    let mut dest = vec![usize::MAX; n];
    let mut next = 0;
    for &old in order {
        if let Some(d) = dest.get_mut(old) {
            if *d == usize::MAX {
                *d = next;
                next += 1;
            }
        }
    }
    let kept = next;
    for d in dest.iter_mut().filter(|d| **d == usize::MAX) {
        *d = next;
        next += 1;
    }
    // each swap puts one item in its final place
    for i in 0..n {
        while let Some(&j) = dest.get(i) {
            if j == i || j >= n {
                break;
            }
            items.swap(i, j);
            dest.swap(i, j);
        }
    }
    items.truncate(kept);
}

/// Splits `items` into one vector per group, group `g` holding the items whose
/// indices `groups[g]` lists, in that order (an index listed twice or out of
/// range is skipped; an item no group lists is dropped). The items are first put
/// in group order in place, then cut off from the end, the big vector giving its
/// room back as it shrinks: at no point are the items held twice.
#[cfg(test)]
pub(crate) fn distribute<T>(items: Vec<T>, groups: &[Vec<usize>]) -> Vec<Vec<T>> {
    distribute_runs(items, groups.iter().map(Vec::as_slice))
}

/// [`distribute`] with the groups given as slices, in order (one output vector
/// per group): the caller may keep them all in one list.
pub(crate) fn distribute_runs<'g, T>(
    mut items: Vec<T>,
    groups: impl ExactSizeIterator<Item = &'g [usize]>,
) -> Vec<Vec<T>> {
    let mut seen = vec![false; items.len()];
    let mut flat = Vec::with_capacity(items.len());
    let mut lens = Vec::with_capacity(groups.len());
    for group in groups {
        let before = flat.len();
        for &i in group {
            if let Some(s) = seen.get_mut(i) {
                if !*s {
                    *s = true;
                    flat.push(i);
                }
            }
        }
        lens.push(flat.len() - before);
    }
    drop(seen);
    permute(&mut items, &flat);
    drop(flat);
    let mut out = Vec::with_capacity(lens.len());
    for &len in lens.iter().rev() {
        let at = items.len().saturating_sub(len);
        out.push(if at == 0 {
            std::mem::take(&mut items)
        } else {
            items.split_off(at)
        });
        if items.len() <= items.capacity() / 4 * 3 {
            items.shrink_to_fit();
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::{distribute, permute, Timeline, TimelineBuilder};
    use crate::event::SharedStr;
    use crate::{Article, Extractor};

    fn builder_timeline() -> Timeline {
        let extractor = Extractor::default();
        let mut builder = TimelineBuilder::new(&extractor);
        let texts = [
            (
                "a",
                "Putin will meet Maduro on Wednesday. Putin met Maduro in Moscow on Tuesday.",
            ),
            (
                "b",
                "Maduro arrived in Moscow on Tuesday. Putin met Maduro in Moscow on Tuesday.",
            ),
        ];
        for (id, text) in texts {
            let article = Article::new(id, text)
                .with_published_str("2019-09-25")
                .unwrap()
                .with_source("Wire");
            builder.add(&article);
        }
        builder.build()
    }

    /// The builder keeps one copy of each string: an article's id in all its
    /// mentions, a name, source, date or quote across articles.
    #[test]
    fn builder_shares_repeated_strings() {
        let timeline = builder_timeline();
        let mentions: Vec<_> = timeline.mentions().collect();
        assert!(mentions.len() >= 4, "{mentions:?}");
        let same = |pick: &dyn Fn(&crate::EventMention) -> Option<&SharedStr>| {
            let all: Vec<&SharedStr> = mentions.iter().filter_map(|m| pick(m)).collect();
            assert!(all.len() >= 2);
            all.iter()
                .all(|x| all.iter().all(|y| x != y || SharedStr::ptr_eq(x, y)))
        };
        assert!(same(&|m| Some(&m.article)));
        assert!(same(&|m| m.source.as_ref()));
        assert!(same(&|m| m.published.as_ref()));
        assert!(same(&|m| Some(&m.quote)));
        assert!(same(&|m| m.participants.first().map(|p| &p.name)));
        // the same sentence in both articles: one quote shared by both
        let quotes: Vec<&SharedStr> = mentions
            .iter()
            .filter(|m| m.quote.starts_with("Putin met"))
            .map(|m| &m.quote)
            .collect();
        assert!(quotes.len() >= 2 && quotes.iter().all(|q| SharedStr::ptr_eq(q, quotes[0])));
        let ids: Vec<&str> = timeline.articles().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(timeline.articles().iter().all(|a| !a.timexes.is_empty()));
    }

    /// The compact forms read back: a timeline survives its own serde form.
    #[test]
    fn timeline_round_trips_through_serde() {
        let timeline = builder_timeline();
        let json = serde_json::to_string(&timeline).unwrap();
        let back: Timeline = serde_json::from_str(&json).unwrap();
        assert_eq!(back, timeline);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }

    #[test]
    fn permute_reorders_and_drops() {
        let mut v: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        permute(&mut v, &[3, 0, 4, 0, 9]);
        assert_eq!(v, ["d", "a", "e"]);
        let mut v = vec![1, 2, 3];
        permute(&mut v, &[]);
        assert!(v.is_empty());
        let mut v: Vec<u32> = (0..1000).collect();
        let order: Vec<usize> = (0..1000).map(|i| (i * 7919) % 1000).collect();
        permute(&mut v, &order);
        assert!(v.iter().zip(&order).all(|(x, o)| *x as usize == *o));
    }

    #[test]
    fn distribute_groups_in_order() {
        let v: Vec<String> = (0..6).map(|i| i.to_string()).collect();
        let groups = vec![vec![5, 1], vec![], vec![0, 2, 2, 7], vec![4]];
        let out = distribute(v, &groups);
        assert_eq!(out, vec![vec!["5", "1"], vec![], vec!["0", "2"], vec!["4"]]);
        let many: Vec<usize> = (0..10_000).collect();
        let groups: Vec<Vec<usize>> = (0..100)
            .map(|g| (0..100).map(|i| i * 100 + g).collect())
            .collect();
        let out = distribute(many, &groups);
        assert!(out.iter().zip(&groups).all(|(o, g)| o == g));
    }
}
