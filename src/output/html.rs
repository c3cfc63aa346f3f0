//! A self-contained HTML page that draws a timeline on a time axis.
//!
//! One file, inline CSS and SVG, no network and no script needed (a few lines of
//! inline script only open the source lists before printing). The page has:
//!
//! - a chart: one mark per event, placed and sized by its interval (a day, a month,
//!   a year are drawn as what they are), coloured by kind, styled by status
//!   (planned dashed, negated crossed, conflicting striped, each with a text cue);
//!   long empty stretches are cut out of the axis (a broken axis: one segment per
//!   cluster of events, with a marker that says how long the gap is), and each
//!   segment picks its own ticks, from hours to decades;
//! - dense stretches aggregated into one mark with a count when the marks would need
//!   more rows than [`HtmlOptions::max_rows`];
//! - undated events in their own lane;
//! - the full list of events grouped by date, each with its sources, quotes and
//!   publication dates; under 700 px wide the list is the whole timeline.
//!
//! Marks and list entries are links or focusable; details show on hover and on
//! keyboard focus. Every text is escaped.
//!
//! ```
//! use storyline::{output::html, Article, Extractor, Timeline};
//! let articles = [Article::new("a", "Putin met Maduro in Moscow <today>.").with_published_str("2019-09-25")?];
//! let timeline = Timeline::from_articles(&articles, &Extractor::default());
//! let page = html::render(&timeline);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(!page.contains("<today>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::event::{EventKind, Status};
use crate::merge::{Timeline, TimelineEvent};
use crate::timex::Granularity;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use std::fmt::Write;

/// Settings of the HTML page.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// The page title.
    pub title: String,
    /// Most rows of marks a chart segment may use before dense stretches are
    /// aggregated into one mark with a count.
    pub max_rows: usize,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            title: "Timeline".to_owned(),
            max_rows: 10,
        }
    }
}

impl HtmlOptions {
    /// Sets the page title.
    pub fn title(mut self, title: impl Into<String>) -> HtmlOptions {
        self.title = title.into();
        self
    }

    /// Sets the most rows of marks per segment (at least 1).
    pub fn max_rows(mut self, rows: usize) -> HtmlOptions {
        self.max_rows = rows.max(1);
        self
    }
}

/// Renders the timeline as one self-contained HTML page with default options.
pub fn render(timeline: &Timeline) -> String {
    render_with(timeline, &HtmlOptions::default())
}

/// Renders the timeline as one self-contained HTML page.
pub fn render_with(timeline: &Timeline, options: &HtmlOptions) -> String {
    let events = timeline.events();
    let mut placed = Vec::new();
    let mut undated = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match span_of(e) {
            Some((start, end)) => placed.push(Placed { idx: i, start, end }),
            None => undated.push(i),
        }
    }
    placed.sort_by_key(|p| (p.start, p.end, p.idx));
    let segments = segments(&placed);
    // The list follows the axis: by start, then undated, whatever order the
    // timeline came in.
    let order: Vec<usize> = placed
        .iter()
        .map(|p| p.idx)
        .chain(undated.iter().copied())
        .collect();
    let groups = groups(events, &order);
    let group_of = {
        let mut g = vec![0usize; events.len()];
        for (gi, grp) in groups.iter().enumerate() {
            for &i in &grp.members {
                g[i] = gi;
            }
        }
        g
    };

    let mut out = String::with_capacity(4096 + events.len() * 1500);
    head(&mut out, &options.title);
    let _ = write!(out, "<header><h1>{}</h1>", esc(&options.title));
    summary(&mut out, timeline, &placed, undated.len());
    out.push_str("</header>\n");
    legend(&mut out, events);
    out.push_str(
        "<main>\n<section class=\"chart\" aria-label=\"Time axis of the events (the list below has the same events)\">\n",
    );
    if segments.is_empty() && undated.is_empty() {
        out.push_str("<p class=\"empty\">No events were found.</p>\n");
    }
    if !segments.is_empty() {
        chart(
            &mut out,
            events,
            &placed,
            &segments,
            &group_of,
            options.max_rows.max(1),
        );
    }
    if !undated.is_empty() {
        undated_lane(&mut out, events, &undated);
    }
    out.push_str("</section>\n");
    list(&mut out, timeline, &groups);
    out.push_str("</main>\n");
    out.push_str(SCRIPT);
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes text for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`).
///
/// ```
/// assert_eq!(storyline::output::html::escape("<a href=\"x\">&'</a>"),
///            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
/// ```
pub fn escape(s: &str) -> String {
    esc(s)
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than whitespace are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A dated event on the axis, in seconds since 1970 (local time of the articles).
#[derive(Copy, Clone, Debug)]
struct Placed {
    idx: usize,
    start: i64,
    end: i64,
}

fn secs(dt: NaiveDateTime) -> i64 {
    dt.and_utc().timestamp()
}

fn datetime(ts: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp(ts, 0).map(|d| d.naive_utc())
}

/// The interval an event covers, from the merge stage or, failing that, read off
/// its TIMEX3 value (`2019`, `2019-09`, `2019-09-25`, `2019-09-25T21:59`).
fn span_of(e: &TimelineEvent) -> Option<(i64, i64)> {
    let (start, end) = match e.interval {
        Some(iv) => (secs(iv.start), secs(iv.end)),
        None => parse_when(e.when.as_deref()?)?,
    };
    // A point or a reversed interval still gets a visible mark.
    Some((start, end.max(start.saturating_add(1))))
}

fn parse_when(v: &str) -> Option<(i64, i64)> {
    let b = v.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = v.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    let day_start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(secs);
    match b.len() {
        4 => {
            let s = day_start(NaiveDate::from_ymd_opt(year, 1, 1)?)?;
            let e = day_start(NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?)?;
            Some((s, e))
        }
        7 if b[4] == b'-' => {
            let m = num(5..7)?;
            let s = NaiveDate::from_ymd_opt(year, m, 1)?;
            let e = if m == 12 {
                NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)?
            };
            Some((day_start(s)?, day_start(e)?))
        }
        n if n >= 10 && b[4] == b'-' && b[7] == b'-' => {
            let d = NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)?;
            let s = day_start(d)?;
            if n == 10 {
                return Some((s, s + 86_400));
            }
            if b.get(10) != Some(&b'T') {
                return None;
            }
            let h = i64::from(num(11..13)?);
            if n == 13 {
                return Some((s + h * 3600, s + h * 3600 + 3600));
            }
            let m = i64::from(num(14..16)?);
            let t = s + h * 3600 + m * 60;
            Some((t, t + 60))
        }
        _ => None,
    }
}

/// One stretch of the broken axis.
#[derive(Clone, Debug)]
struct Segment {
    /// Padded bounds, seconds.
    lo: i64,
    hi: i64,
    /// Range of `placed` indices in this segment.
    first: usize,
    last: usize,
    /// Share of the chart width.
    weight: f64,
    /// The empty stretch before this segment that was cut out, seconds.
    gap_before: i64,
}

/// Nominal chart width in CSS px, used to choose ticks and estimate label room.
const CHART_PX: f64 = 1240.0;
const GAP_PX: f64 = 34.0;
const ROW_PX: u32 = 36;
const MAX_SEGMENTS: usize = 8;

/// Cuts the axis around clusters of events: a stretch with no event that is long
/// against the whole range and against the events' own lengths is left out.
fn segments(placed: &[Placed]) -> Vec<Segment> {
    if placed.is_empty() {
        return Vec::new();
    }
    // Clusters of overlapping intervals, with the gaps between them.
    let mut clusters: Vec<(i64, i64, usize, usize)> = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        match clusters.last_mut() {
            Some(c) if p.start <= c.1 => {
                c.1 = c.1.max(p.end);
                c.3 = i;
            }
            _ => clusters.push((p.start, p.end, i, i)),
        }
    }
    let first = clusters.first().map_or(0, |c| c.0);
    let last = clusters.iter().map(|c| c.1).max().unwrap_or(first);
    let range = (last - first).max(1) as f64;
    let mut widths: Vec<i64> = placed.iter().map(|p| p.end - p.start).collect();
    widths.sort_unstable();
    let median = widths.get(widths.len() / 2).copied().unwrap_or(1) as f64;
    let mut cuts: Vec<(i64, usize)> = clusters
        .windows(2)
        .enumerate()
        .map(|(i, w)| (w[1].0 - w[0].1, i + 1))
        .filter(|&(gap, _)| {
            let gap = gap as f64;
            gap > range * 0.04 && gap > median * 10.0
        })
        .collect();
    cuts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    cuts.truncate(MAX_SEGMENTS - 1);
    let mut starts: Vec<usize> = cuts.iter().map(|c| c.1).collect();
    starts.sort_unstable();

    let mut segs = Vec::new();
    let mut from = 0usize;
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for &s in starts.iter().chain(std::iter::once(&clusters.len())) {
        bounds.push((from, s));
        from = s;
    }
    for (k, &(a, b)) in bounds.iter().enumerate() {
        let Some(ca) = clusters.get(a) else { continue };
        let Some(cb) = clusters.get(b.saturating_sub(1)) else {
            continue;
        };
        let s = ca.0;
        let e = clusters[a..b].iter().map(|c| c.1).max().unwrap_or(cb.1);
        let shortest = placed[ca.2..=cb.3]
            .iter()
            .map(|p| p.end - p.start)
            .min()
            .unwrap_or(1);
        let mut pad = ((e - s) / 20).max(shortest / 2).max(1);
        let gap_before = if k == 0 {
            0
        } else {
            s - bounds
                .get(k - 1)
                .and_then(|&(pa, pb)| clusters[pa..pb].iter().map(|c| c.1).max())
                .unwrap_or(s)
        };
        if k > 0 {
            pad = pad.min((gap_before / 3).max(1));
        }
        if let Some(&(na, _)) = bounds.get(k + 1) {
            if let Some(nc) = clusters.get(na) {
                pad = pad.min(((nc.0 - e) / 3).max(1));
            }
        }
        segs.push(Segment {
            lo: s.saturating_sub(pad),
            hi: e.saturating_add(pad),
            first: ca.2,
            last: cb.3,
            weight: 0.0,
            gap_before,
        });
    }
    // Width: half by (square-rooted) duration, half by number of events, so a busy
    // day is not squeezed next to a long quiet year.
    let n = placed.len() as f64;
    let root: f64 = segs.iter().map(|s| ((s.hi - s.lo) as f64).sqrt()).sum();
    for s in &mut segs {
        let d = ((s.hi - s.lo) as f64).sqrt() / root.max(1e-9);
        let c = (s.last + 1 - s.first) as f64 / n;
        s.weight = (0.5 * d + 0.5 * c).max(0.1);
    }
    let total: f64 = segs.iter().map(|s| s.weight).sum();
    for s in &mut segs {
        s.weight /= total;
    }
    segs
}

fn chart_px(segs: &[Segment]) -> f64 {
    CHART_PX - GAP_PX * segs.len().saturating_sub(1) as f64
}

/// A tick step on the axis.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Unit {
    Minutes(i64),
    Hours(i64),
    Days(i64),
    Week,
    Months(i32),
    Years(i32),
}

impl Unit {
    fn approx_secs(self) -> f64 {
        match self {
            Unit::Minutes(n) => (n * 60) as f64,
            Unit::Hours(n) => (n * 3600) as f64,
            Unit::Days(n) => (n * 86_400) as f64,
            Unit::Week => 604_800.0,
            Unit::Months(n) => f64::from(n) * 2_629_746.0,
            Unit::Years(n) => f64::from(n) * 31_556_952.0,
        }
    }
}

const UNITS: [Unit; 22] = [
    Unit::Minutes(5),
    Unit::Minutes(15),
    Unit::Minutes(30),
    Unit::Hours(1),
    Unit::Hours(3),
    Unit::Hours(6),
    Unit::Hours(12),
    Unit::Days(1),
    Unit::Days(2),
    Unit::Week,
    Unit::Months(1),
    Unit::Months(2),
    Unit::Months(3),
    Unit::Months(6),
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
    Unit::Years(20),
    Unit::Years(50),
    Unit::Years(100),
    Unit::Years(500),
];

/// The finest step that leaves about 80 px between ticks.
fn unit_for(lo: i64, hi: i64, px: f64) -> Unit {
    let want = (hi - lo) as f64 * 80.0 / px.max(1.0);
    UNITS
        .iter()
        .copied()
        .find(|u| u.approx_secs() >= want)
        .unwrap_or(Unit::Years(1000))
}

/// Tick positions (seconds) in `[lo, hi)` with their labels.
fn ticks(lo: i64, hi: i64, unit: Unit) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    let fixed = |step: i64, origin: i64| -> Vec<i64> {
        let mut v = Vec::new();
        let mut t = origin + (lo - origin).div_euclid(step) * step;
        if t < lo {
            t += step;
        }
        while t < hi && v.len() < 200 {
            v.push(t);
            t += step;
        }
        v
    };
    let label = |t: i64, f: &str| datetime(t).map(|d| d.format(f).to_string());
    match unit {
        Unit::Minutes(n) | Unit::Hours(n) => {
            let step = if let Unit::Minutes(_) = unit {
                n * 60
            } else {
                n * 3600
            };
            for t in fixed(step, 0) {
                let f = if t.rem_euclid(86_400) == 0 {
                    "%-d %b"
                } else {
                    "%H:%M"
                };
                if let Some(l) = label(t, f) {
                    out.push((t, l));
                }
            }
        }
        Unit::Days(n) => {
            for t in fixed(n * 86_400, 0) {
                let f = if label(t, "%j").as_deref() == Some("001") {
                    "%-d %b %Y"
                } else {
                    "%-d %b"
                };
                if let Some(l) = label(t, f) {
                    out.push((t, l));
                }
            }
        }
        Unit::Week => {
            // 1970-01-05 was a Monday.
            for t in fixed(604_800, 4 * 86_400) {
                if let Some(l) = label(t, "%-d %b") {
                    out.push((t, l));
                }
            }
        }
        Unit::Months(n) => {
            let Some(d) = datetime(lo) else { return out };
            let mut k = d.year() * 12 + d.month0() as i32;
            k = k.div_euclid(n) * n;
            while out.len() < 200 {
                let (y, m) = (k.div_euclid(12), k.rem_euclid(12) as u32 + 1);
                let Some(t) = NaiveDate::from_ymd_opt(y, m, 1)
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(secs)
                else {
                    break;
                };
                if t >= hi {
                    break;
                }
                if t >= lo {
                    let f = if m == 1 || out.is_empty() {
                        "%b %Y"
                    } else {
                        "%b"
                    };
                    if let Some(l) = label(t, f) {
                        out.push((t, l));
                    }
                }
                k += n;
            }
        }
        Unit::Years(n) => {
            let Some(d) = datetime(lo) else { return out };
            let mut y = d.year().div_euclid(n) * n;
            while out.len() < 200 {
                let Some(t) = NaiveDate::from_ymd_opt(y, 1, 1)
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(secs)
                else {
                    break;
                };
                if t >= hi {
                    break;
                }
                if t >= lo {
                    out.push((t, y.to_string()));
                }
                y += n;
            }
        }
    }
    out
}

/// A human length for a cut-out stretch.
fn gap_text(secs: i64) -> String {
    let days = secs / 86_400;
    if days >= 730 {
        format!("{} years", days / 365)
    } else if days >= 60 {
        format!("{} months", days / 30)
    } else if days >= 14 {
        format!("{} weeks", days / 7)
    } else if days >= 2 {
        format!("{days} days")
    } else {
        format!("{} hours", (secs / 3600).max(1))
    }
}

/// What the segment covers, at the coarsest grain that tells it: "2011",
/// "Jun – Jul 2015", "3–9 Jun 2015", "Wed 3 Jun 2015".
fn caption(start: i64, end: i64) -> String {
    let (Some(a), Some(b)) = (datetime(start), datetime(end.saturating_sub(1).max(start))) else {
        return String::new();
    };
    let midnight = |d: NaiveDateTime| d.time() == chrono::NaiveTime::MIN;
    let Some(after) = datetime(end) else {
        return String::new();
    };
    let whole_days = midnight(a) && midnight(after);
    let whole_months = whole_days && a.day() == 1 && after.day() == 1;
    let whole_years = whole_months && a.month() == 1 && after.month() == 1;
    if whole_years {
        if a.year() == b.year() {
            return a.format("%Y").to_string();
        }
        return format!("{}–{}", a.year(), b.year());
    }
    if whole_months {
        if a.year() == b.year() && a.month() == b.month() {
            return a.format("%b %Y").to_string();
        }
        if a.year() == b.year() {
            return format!("{} – {}", a.format("%b"), b.format("%b %Y"));
        }
        return format!("{} – {}", a.format("%b %Y"), b.format("%b %Y"));
    }
    if a.date() == b.date() {
        if whole_days {
            a.format("%a %-d %b %Y").to_string()
        } else {
            format!("{}–{}", a.format("%a %-d %b %Y %H:%M"), b.format("%H:%M"))
        }
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{}–{}", a.format("%-d"), b.format("%-d %b %Y"))
    } else if a.year() == b.year() {
        format!("{} – {}", a.format("%-d %b"), b.format("%-d %b %Y"))
    } else {
        format!("{} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
    }
}

/// A mark in the chart: one event or several aggregated.
struct Mark {
    start: i64,
    end: i64,
    members: Vec<usize>,
}

fn kind_label(k: EventKind) -> String {
    k.as_str().replace('_', " ")
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Occurred => "occurred",
        Status::Ongoing => "ongoing",
        Status::Planned => "planned",
        Status::Negated => "negated",
        Status::Hypothetical => "hypothetical",
        Status::Reported => "reported",
    }
}

/// The text cue that says what colour alone must not: status and conflicts.
fn cue(e: &TimelineEvent) -> String {
    let mut parts = Vec::new();
    match e.status {
        Status::Occurred => {}
        Status::Ongoing => parts.push("ongoing"),
        Status::Planned => parts.push("planned"),
        Status::Negated => parts.push("did not happen"),
        Status::Hypothetical => parts.push("hypothetical"),
        Status::Reported => parts.push("reported"),
    }
    if !e.conflicts.is_empty() {
        parts.push("dates disagree");
    }
    parts.join(", ")
}

/// Who and what: "Putin, Maduro: meeting in Moscow".
fn who_what(e: &TimelineEvent) -> String {
    let mut s = String::new();
    let names = &e.participants;
    if !names.is_empty() {
        s.push_str(&names.iter().take(3).cloned().collect::<Vec<_>>().join(", "));
        if names.len() > 3 {
            let _ = write!(s, " +{}", names.len() - 3);
        }
        s.push_str(": ");
    }
    s.push_str(&kind_label(e.kind));
    if let Some(p) = &e.place {
        let _ = write!(s, " in {p}");
    }
    s
}

/// The event's date for people: "Wed 25 Sep 2019", "Sep 2019", or the raw value.
fn when_text(e: &TimelineEvent) -> String {
    let Some(w) = e.when.as_deref() else {
        return "undated".to_owned();
    };
    let start = e
        .interval
        .map(|i| i.start)
        .or_else(|| parse_when(w).and_then(|(s, _)| datetime(s)));
    let (Some(g), Some(d)) = (e.granularity, start) else {
        return w.to_owned();
    };
    match g {
        Granularity::Year => d.format("%Y").to_string(),
        Granularity::Month => d.format("%b %Y").to_string(),
        Granularity::Day => d.format("%a %-d %b %Y").to_string(),
        Granularity::Hour | Granularity::Minute | Granularity::Second => {
            d.format("%a %-d %b %Y %H:%M").to_string()
        }
        _ => w.to_owned(),
    }
}

fn clip(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn aria(e: &TimelineEvent) -> String {
    let c = cue(e);
    let mut s = format!("{}, {}", when_text(e), who_what(e));
    if !c.is_empty() {
        let _ = write!(s, " ({c})");
    }
    let _ = write!(s, ", {} source(s)", e.sources);
    s
}

fn classes(e: &TimelineEvent) -> String {
    let mut c = format!("k-{} s-{}", e.kind.as_str(), status_name(e.status));
    if !e.conflicts.is_empty() {
        c.push_str(" conflict");
    }
    c
}

/// The sources of an event: source name, article, publication date, quote.
fn sources_html(out: &mut String, e: &TimelineEvent, max: usize, quote_chars: usize) {
    out.push_str("<ul class=\"src\">");
    for m in e.mentions.iter().take(max) {
        out.push_str("<li>");
        if let Some(s) = &m.source {
            let _ = write!(out, "<cite>{}</cite> · ", esc(s));
        }
        let _ = write!(out, "article {}", esc(&m.article));
        match &m.published {
            Some(p) => {
                let _ = write!(out, " · published <time>{}</time>", esc(p));
            }
            None => out.push_str(" · publication date unknown"),
        }
        if let Some(t) = &m.time {
            let _ = write!(out, " · says {}", esc(&t.value));
        }
        let _ = write!(
            out,
            "<q>{}</q></li>",
            esc(&clip(m.quote.trim(), quote_chars))
        );
    }
    if e.mentions.len() > max {
        let _ = write!(out, "<li>… and {} more</li>", e.mentions.len() - max);
    }
    out.push_str("</ul>");
    if !e.conflicts.is_empty() {
        out.push_str("<p class=\"conf\">Sources disagree on the date: ");
        let parts: Vec<String> = e
            .conflicts
            .iter()
            .map(|c| {
                format!(
                    "{} says {}",
                    esc(c.source.as_deref().unwrap_or(&c.article)),
                    esc(&c.when)
                )
            })
            .collect();
        out.push_str(&parts.join("; "));
        out.push_str("</p>");
    }
}

/// Where a mark goes: its row, where its box starts and how wide it is (fractions
/// of the segment). The box starts before the bar when the label would not fit
/// between the bar and the segment's end: the label then ends under the bar.
#[derive(Copy, Clone, Debug, Default)]
struct Slot {
    row: usize,
    left: f64,
    room: f64,
}

/// Rows for marks, greedily: each mark takes the first row free where its box
/// starts. A label may use what is left before the next box in its row. Returns
/// `None` when `max_rows` is not enough (unless `force`, which then overlaps).
fn layout(
    marks: &[Mark],
    events: &[TimelineEvent],
    seg: &Segment,
    seg_px: f64,
    max_rows: usize,
    force: bool,
) -> Option<Vec<Slot>> {
    let span = (seg.hi - seg.lo).max(1) as f64;
    let px = seg_px.max(1.0);
    let pad = 6.0 / px;
    let mut row_end: Vec<f64> = Vec::new();
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut place = vec![Slot::default(); marks.len()];
    for (mi, m) in marks.iter().enumerate() {
        let x = ((m.start - seg.lo) as f64 / span).clamp(0.0, 1.0);
        let w = (m.end - m.start) as f64 / span;
        let label_chars = match m.members.as_slice() {
            [one] => events.get(*one).map_or(10, |e| who_what(e).chars().count()),
            _ => 12,
        }
        .min(34) as f64;
        let need = w.max((label_chars * 6.4 + 8.0) / px).min(1.0);
        let left = x.min(1.0 - need).max(0.0);
        let row = match row_end.iter().position(|&end| end + pad <= left) {
            Some(r) => r,
            None if row_end.len() < max_rows => {
                row_end.push(f64::MIN);
                rows.push(Vec::new());
                row_end.len() - 1
            }
            None if force => row_end
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(i, _)| i),
            None => return None,
        };
        row_end[row] = row_end[row].max(left + need);
        rows[row].push(mi);
        place[mi] = Slot {
            row,
            left,
            room: need,
        };
    }
    for row in &rows {
        for (k, &mi) in row.iter().enumerate() {
            let left = place[mi].left;
            let next = row.get(k + 1).map_or(1.0, |&n| place[n].left);
            place[mi].room = (next - left - pad).clamp(2.0 / px, 1.0 - left);
        }
    }
    Some(place)
}

/// Bucket sizes tried, finest first, when a segment is too dense to draw every
/// event: an hour, six hours, a day, a week, a month, a quarter, a year, a decade,
/// a century.
const BUCKETS: [i64; 9] = [
    3_600,
    21_600,
    86_400,
    604_800,
    2_629_746,
    7_889_238,
    31_556_952,
    315_569_520,
    3_155_695_200,
];

/// Aggregates the marks of one segment into buckets of `step` seconds. Events much
/// longer than the bucket (a month among days) are grouped apart, by their own
/// length, so a long event is not hidden in a cluster of short ones.
fn aggregate(placed: &[Placed], step: i64) -> Vec<Mark> {
    let step = step.max(1);
    let mut buckets: std::collections::BTreeMap<(i64, u32), Mark> = Default::default();
    for p in placed {
        let width = (p.end - p.start).max(1);
        let class = if width <= step {
            0
        } else {
            (width / step).max(1).ilog2() + 1
        };
        buckets
            .entry((p.start.div_euclid(step), class))
            .and_modify(|m| {
                m.start = m.start.min(p.start);
                m.end = m.end.max(p.end);
                m.members.push(p.idx);
            })
            .or_insert_with(|| Mark {
                start: p.start,
                end: p.end,
                members: vec![p.idx],
            });
    }
    let mut marks: Vec<Mark> = buckets.into_values().collect();
    marks.sort_by_key(|m| (m.start, m.end));
    marks
}

fn pct(x: f64) -> String {
    format!("{:.3}%", (x * 100.0).clamp(0.0, 100.0))
}

fn chart(
    out: &mut String,
    events: &[TimelineEvent],
    placed: &[Placed],
    segs: &[Segment],
    group_of: &[usize],
    max_rows: usize,
) {
    let total_px = chart_px(segs);
    // Lay every segment out first: the chart is as tall as its tallest segment.
    let mut laid = Vec::new();
    for seg in segs {
        let seg_px = seg.weight * total_px;
        let items = &placed[seg.first..=seg.last];
        let mut marks: Vec<Mark> = items
            .iter()
            .map(|p| Mark {
                start: p.start,
                end: p.end,
                members: vec![p.idx],
            })
            .collect();
        let mut place = layout(&marks, events, seg, seg_px, max_rows, false);
        // Too dense: aggregate by ever coarser buckets until the marks fit.
        for step in BUCKETS {
            if place.is_some() {
                break;
            }
            marks = aggregate(items, step);
            place = layout(&marks, events, seg, seg_px, max_rows, false);
        }
        let place = match place {
            Some(p) => p,
            None => layout(&marks, events, seg, seg_px, max_rows, true).unwrap_or_default(),
        };
        let rows = place.iter().map(|p| p.row + 1).max().unwrap_or(1);
        laid.push((marks, place, rows, seg_px));
    }
    let rows = laid.iter().map(|l| l.2).max().unwrap_or(1);
    let height = rows as u32 * ROW_PX + 8;
    let _ = writeln!(out, "<div class=\"axis\" style=\"--h:{height}px\">");
    for (si, (seg, (marks, place, _, seg_px))) in segs.iter().zip(&laid).enumerate() {
        if si > 0 {
            let g = gap_text(seg.gap_before);
            let _ = write!(
                out,
                "<div class=\"gap\" role=\"separator\" aria-label=\"{} with no events left out\" title=\"{} left out\"><svg viewBox=\"0 0 20 40\" width=\"20\" height=\"40\" aria-hidden=\"true\"><path d=\"M2 26 L12 10 M8 30 L18 14\"/></svg><span>{}</span></div>",
                esc(&g),
                esc(&g),
                esc(&g)
            );
        }
        let first = placed.get(seg.first).map_or(seg.lo, |p| p.start);
        let last = placed[seg.first..=seg.last]
            .iter()
            .map(|p| p.end)
            .max()
            .unwrap_or(seg.hi);
        let _ = write!(
            out,
            "<div class=\"seg\" style=\"flex-grow:{:.4}\"><div class=\"cap\">{}</div><div class=\"plot\">",
            seg.weight,
            esc(&caption(first, last))
        );
        let span = (seg.hi - seg.lo).max(1) as f64;
        // Gridlines and axis in SVG, labels in HTML so they stay crisp at any width.
        let unit = unit_for(seg.lo, seg.hi, *seg_px);
        let tks = ticks(seg.lo, seg.hi, unit);
        out.push_str("<svg class=\"grid\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">");
        for (t, _) in &tks {
            let x = (*t - seg.lo) as f64 / span * 1000.0;
            let _ = write!(
                out,
                "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"0\" y2=\"10\" vector-effect=\"non-scaling-stroke\"/>"
            );
        }
        out.push_str("</svg>");
        for (mi, m) in marks.iter().enumerate() {
            let slot = place.get(mi).copied().unwrap_or_default();
            let (row, room) = (slot.row, slot.room.max(1e-6));
            let x = ((m.start - seg.lo) as f64 / span).clamp(0.0, 1.0);
            let w = ((m.end - m.start) as f64 / span).min(1.0 - x);
            // The bar inside the box: its offset and width, as shares of the box.
            let bar = format!(
                "margin-left:{};width:{}",
                pct(((x - slot.left) / room).min(1.0)),
                pct((w / room).min(1.0))
            );
            let flipped = x - slot.left > 1e-9;
            let right = match (x > 0.5, flipped) {
                (true, true) => " r flip",
                (true, false) => " r",
                (false, true) => " flip",
                (false, false) => "",
            };
            let top = row as u32 * ROW_PX + 4;
            match m.members.as_slice() {
                [one] => {
                    let Some(e) = events.get(*one) else { continue };
                    let c = cue(e);
                    let _ = write!(
                        out,
                        "<a class=\"mk {}{right}\" href=\"#ev-{one}\" data-mark-for=\"{one}\" aria-label=\"{}\" style=\"left:{};top:{top}px;width:{}\"><span class=\"bar\" style=\"{bar}\"></span><span class=\"lb\">{}{}</span><span class=\"tip\" role=\"tooltip\"><b>{}</b> {}",
                        classes(e),
                        esc(&aria(e)),
                        pct(slot.left),
                        pct(room),
                        if c.is_empty() { String::new() } else { format!("<i>{}</i> ", esc(&c)) },
                        esc(&who_what(e)),
                        esc(&when_text(e)),
                        esc(&who_what(e)),
                    );
                    if !c.is_empty() {
                        let _ = write!(out, " <i>({})</i>", esc(&c));
                    }
                    sources_html(out, e, 3, 220);
                    out.push_str("</span></a>");
                }
                members => {
                    let n = members.len();
                    let mut kinds: Vec<(EventKind, usize)> = Vec::new();
                    for &i in members {
                        if let Some(e) = events.get(i) {
                            match kinds.iter_mut().find(|k| k.0 == e.kind) {
                                Some(k) => k.1 += 1,
                                None => kinds.push((e.kind, 1)),
                            }
                        }
                    }
                    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    let dominant = kinds.first().map_or(EventKind::Other, |k| k.0);
                    let first = members.first().copied().unwrap_or(0);
                    let target = group_of.get(first).copied().unwrap_or(0);
                    let summary: Vec<String> = kinds
                        .iter()
                        .map(|(k, c)| format!("{} ×{c}", kind_label(*k)))
                        .collect();
                    let _ = write!(
                        out,
                        "<a class=\"mk cluster k-{}{right}\" href=\"#g-{target}\" data-count=\"{n}\" aria-label=\"{n} events, {}: {}\" style=\"left:{};top:{top}px;width:{}\"><span class=\"bar\" style=\"{bar}\"></span><span class=\"lb\"><b>{n}</b> events</span><span class=\"tip\" role=\"tooltip\"><b>{n} events</b>, {}<br>{}<ul class=\"src\">",
                        dominant.as_str(),
                        esc(&caption(m.start, m.end)),
                        esc(&summary.join(", ")),
                        pct(slot.left),
                        pct(room),
                        esc(&caption(m.start, m.end)),
                        esc(&summary.join(", ")),
                    );
                    for &i in members.iter().take(8) {
                        if let Some(e) = events.get(i) {
                            let _ = write!(out, "<li>{}</li>", esc(&who_what(e)));
                        }
                    }
                    if n > 8 {
                        let _ = write!(out, "<li>… and {} more</li>", n - 8);
                    }
                    out.push_str("</ul></span></a>");
                }
            }
        }
        out.push_str("</div><div class=\"ticks\" aria-hidden=\"true\">");
        for (t, l) in &tks {
            let x = (*t - seg.lo) as f64 / span;
            // A label that would run past the segment's end is left out.
            if (1.0 - x) * seg_px < 7.0 * l.chars().count() as f64 {
                continue;
            }
            let _ = write!(out, "<span style=\"left:{}\">{}</span>", pct(x), esc(l));
        }
        out.push_str("</div></div>");
    }
    out.push_str("</div>\n");
}

fn undated_lane(out: &mut String, events: &[TimelineEvent], undated: &[usize]) {
    // Past a couple of lines of chips, one chip per kind with a count reads better.
    const SHOWN: usize = 24;
    let _ = write!(
        out,
        "<div class=\"undated\"><h2>Undated <span class=\"n\">({})</span></h2><ul>",
        undated.len()
    );
    if undated.len() <= SHOWN {
        for &i in undated {
            let Some(e) = events.get(i) else { continue };
            let c = cue(e);
            let _ = write!(
                out,
                "<li><a class=\"chip {}\" href=\"#ev-{i}\" data-mark-for=\"{i}\" aria-label=\"{}\"><span class=\"bar\"></span>{}{}</a></li>",
                classes(e),
                esc(&aria(e)),
                if c.is_empty() { String::new() } else { format!("<i>{}</i> ", esc(&c)) },
                esc(&clip(&who_what(e), 48)),
            );
        }
    } else {
        for k in EventKind::ALL {
            let n = undated
                .iter()
                .filter(|&&i| events.get(i).is_some_and(|e| e.kind == k))
                .count();
            if n == 0 {
                continue;
            }
            let _ = write!(
                out,
                "<li><a class=\"chip k-{}\" href=\"#undated\" data-count=\"{n}\" aria-label=\"{n} undated {} events\"><span class=\"bar\"></span>{} <b>×{n}</b></a></li>",
                k.as_str(),
                esc(&kind_label(k)),
                esc(&kind_label(k)),
            );
        }
    }
    out.push_str("</ul></div>\n");
}

/// A heading of the list and the events under it.
struct Group {
    title: String,
    undated: bool,
    members: Vec<usize>,
}

/// Consecutive events with the same displayed date form a group.
fn groups(events: &[TimelineEvent], order: &[usize]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for &i in order {
        let Some(e) = events.get(i) else { continue };
        let undated = span_of(e).is_none();
        let title = if undated {
            match &e.when {
                Some(w) => format!("Not placed on the axis ({w})"),
                None => "Undated".to_owned(),
            }
        } else {
            when_text(e)
        };
        match out.last_mut() {
            Some(g) if g.title == title => g.members.push(i),
            _ => out.push(Group {
                title,
                undated,
                members: vec![i],
            }),
        }
    }
    out
}

fn list(out: &mut String, timeline: &Timeline, groups: &[Group]) {
    let events = timeline.events();
    let _ = writeln!(
        out,
        "<section class=\"list\" aria-labelledby=\"list-h\"><h2 id=\"list-h\">All {} events with their sources</h2>",
        events.len()
    );
    let mut undated_anchor = false;
    for (gi, g) in groups.iter().enumerate() {
        let id = if g.undated && !undated_anchor {
            undated_anchor = true;
            " id=\"undated\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<section class=\"day\"{id}><h3 id=\"g-{gi}\">{}</h3><ol>",
            esc(&g.title)
        );
        for &i in &g.members {
            let Some(e) = events.get(i) else { continue };
            let c = cue(e);
            let _ = write!(
                out,
                "<li class=\"ev {}\" id=\"ev-{i}\" data-event-id=\"{i}\" data-kind=\"{}\" data-when=\"{}\" data-status=\"{}\" tabindex=\"0\" aria-label=\"{}\"><span class=\"bar\" aria-hidden=\"true\"></span> <span class=\"kind\">{}</span> {}<span class=\"who\">{}</span> <span class=\"when\">{}</span>",
                classes(e),
                e.kind.as_str(),
                esc(e.when.as_deref().unwrap_or("")),
                status_name(e.status),
                esc(&aria(e)),
                esc(&kind_label(e.kind)),
                if c.is_empty() { String::new() } else { format!("<i class=\"cue\">{}</i> ", esc(&c)) },
                esc(&who_what(e)),
                esc(&when_text(e)),
            );
            let _ = write!(
                out,
                "<details><summary>{} mention(s) in {} article(s), {} source(s)</summary>",
                e.mentions.len(),
                e.articles,
                e.sources
            );
            sources_html(out, e, usize::MAX, 400);
            out.push_str("</details></li>");
        }
        out.push_str("</ol></section>\n");
    }
    out.push_str("</section>\n");
}

fn summary(out: &mut String, timeline: &Timeline, placed: &[Placed], undated: usize) {
    let n = timeline.events().len();
    let _ = write!(
        out,
        "<p class=\"sum\">{n} event(s) from {} article(s)",
        timeline.articles().len()
    );
    let first = placed.iter().map(|p| p.start).min();
    let last = placed.iter().map(|p| p.end).max();
    if let (Some(a), Some(b)) = (first, last) {
        let _ = write!(out, ", {}", esc(&caption(a, b)));
    }
    if undated > 0 {
        let _ = write!(out, "; {undated} undated");
    }
    out.push_str(".</p>");
}

fn colour(k: EventKind) -> &'static str {
    match k {
        EventKind::Departure => "#1f77b4",
        EventKind::Arrival => "#17a2b8",
        EventKind::Meeting => "#d62728",
        EventKind::Visit => "#ff7f0e",
        EventKind::Announcement => "#9467bd",
        EventKind::Statement => "#8c564b",
        EventKind::Vote => "#2ca02c",
        EventKind::TreatyActivation => "#b8a000",
        EventKind::Sanctions => "#e377c2",
        EventKind::Agreement => "#393b79",
        EventKind::Proclamation => "#ad494a",
        EventKind::Election => "#637939",
        _ => "#7f7f7f",
    }
}

fn legend(out: &mut String, events: &[TimelineEvent]) {
    out.push_str("<aside class=\"legend\" aria-label=\"Legend\"><h2>Kinds</h2><ul>");
    for k in EventKind::ALL {
        let n = events.iter().filter(|e| e.kind == k).count();
        if n == 0 {
            continue;
        }
        let _ = write!(
            out,
            "<li class=\"k-{}\"><span class=\"bar\" aria-hidden=\"true\"></span>{} <span class=\"n\">{n}</span></li>",
            k.as_str(),
            esc(&kind_label(k))
        );
    }
    out.push_str("</ul><h2>Status</h2><ul>");
    for (class, text) in [
        ("s-occurred", "happened"),
        ("s-planned", "planned (dashed)"),
        ("s-negated", "did not happen (crossed)"),
        ("s-hypothetical", "hypothetical (dotted)"),
        ("s-reported", "reported by others (faded)"),
        ("s-occurred conflict", "dates disagree (striped)"),
        ("cluster", "several events (with a count)"),
    ] {
        let _ = write!(
            out,
            "<li class=\"k-other {class}\"><span class=\"bar\" aria-hidden=\"true\"></span>{text}</li>"
        );
    }
    out.push_str("</ul></aside>\n");
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n",
        esc(title)
    );
    for k in EventKind::ALL {
        let _ = writeln!(out, ".k-{}{{--c:{}}}", k.as_str(), colour(k));
    }
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
}

const CSS: &str = r#"
:root{--ink:#1d2330;--muted:#5b6475;--line:#c9cfda;--bg:#fff;--paper:#f6f7f9;--row:36px}
*{box-sizing:border-box}
body{margin:0;padding:16px 24px 48px;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
h1{font-size:22px;margin:0 0 2px}
h2{font-size:15px;margin:18px 0 6px}
h3{font-size:14px;margin:14px 0 4px;color:var(--muted)}
.sum{margin:0 0 8px;color:var(--muted)}
a{color:inherit}
:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}
.legend{display:grid;grid-template-columns:auto 1fr;gap:4px 14px;align-items:center;padding:6px 10px;background:var(--paper);border-radius:6px}
.legend h2{font-size:12px;margin:0;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.legend ul{display:flex;flex-wrap:wrap;gap:4px 14px;margin:0;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:5px;font-size:13px}
.legend .bar{display:inline-block;width:26px;height:11px}
.n{color:var(--muted);font-size:12px}
.bar{background:var(--c);border:2px solid var(--c);border-radius:3px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.s-planned .bar{background:transparent;border-style:dashed}
.s-hypothetical .bar{background:transparent;border-style:dotted}
.s-reported .bar{opacity:.5;border-style:dotted}
.s-negated .bar{background:linear-gradient(to top right,transparent calc(50% - 1.5px),var(--c) calc(50% - 1.5px) calc(50% + 1.5px),transparent calc(50% + 1.5px)),linear-gradient(to bottom right,transparent calc(50% - 1.5px),var(--c) calc(50% - 1.5px) calc(50% + 1.5px),transparent calc(50% + 1.5px))}
.conflict .bar{background:repeating-linear-gradient(135deg,var(--c) 0 3px,#fff 3px 6px)}
.s-negated .lb,.s-negated .who{text-decoration:line-through}
i,.cue{font-style:italic;color:#8a3b00}
.chart{margin-top:10px}
.axis{display:flex;align-items:stretch;border:1px solid var(--line);border-radius:6px;padding:6px 6px 0;background:#fff}
.seg{flex:1 1 0;min-width:0;display:flex;flex-direction:column}
.cap{font-size:12px;font-weight:600;color:var(--muted);padding:0 2px 2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.plot{position:relative;height:var(--h);border-bottom:2px solid var(--ink);background:var(--paper)}
.grid{position:absolute;inset:0;width:100%;height:100%;stroke:var(--line);stroke-width:1}
.ticks{position:relative;height:22px;font-size:11px;color:var(--muted)}
.ticks span{position:absolute;top:2px;white-space:nowrap;transform:translateX(-1px);border-left:1px solid var(--ink);padding-left:3px;line-height:14px}
.gap{flex:0 0 34px;display:flex;flex-direction:column;align-items:center;justify-content:flex-end;padding-bottom:2px;color:var(--muted);font-size:10px;text-align:center;line-height:1.1}
.gap svg{stroke:var(--ink);stroke-width:2;fill:none;margin-bottom:2px}
.gap span{writing-mode:vertical-rl;transform:rotate(180deg);margin-bottom:auto;order:-1;padding-top:6px}
.mk{position:absolute;display:block;height:calc(var(--row) - 4px);text-decoration:none;min-width:10px;z-index:1}
.mk .bar{display:block;height:12px;min-width:8px}
.mk.flip .lb{text-align:right}
.mk .lb{display:block;font-size:12px;line-height:16px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding-right:2px}
.cluster .bar{background:repeating-linear-gradient(90deg,var(--c) 0 2px,transparent 2px 4px);border-style:solid}
.mk.cluster .lb b{font-weight:700}
.mk:hover,.mk:focus{z-index:5}
.mk:focus .lb,.mk:hover .lb{overflow:visible;background:#fff}
.tip{display:none;position:absolute;top:calc(var(--row) - 4px);left:0;width:min(360px,80vw);padding:8px 10px;background:#fff;border:1px solid var(--ink);border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.2);font-size:12px;white-space:normal;z-index:10}
.mk.r .tip{left:auto;right:0}
.mk:hover .tip,.mk:focus .tip,.mk:focus-within .tip{display:block}
.src{margin:4px 0 0;padding-left:16px}
.src li{margin:3px 0}
.src q{display:block;color:var(--muted);font-style:italic}
.conf{margin:4px 0;color:#8a3b00}
.undated{margin-top:10px;padding:6px 10px;border:1px dashed var(--line);border-radius:6px}
.undated h2{margin:0 0 4px;font-size:13px}
.undated ul{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.chip{display:inline-flex;align-items:center;gap:5px;padding:2px 8px 2px 4px;border:1px solid var(--line);border-radius:12px;font-size:12px;text-decoration:none;background:#fff}
.chip .bar{display:inline-block;width:14px;height:10px}
.list ol{list-style:none;margin:0;padding:0 0 0 14px;border-left:3px solid var(--line)}
.ev{position:relative;margin:4px 0;padding:4px 8px;border-radius:6px}
.ev:hover,.ev:focus,.ev:focus-within,.ev:target{background:var(--paper)}
.ev>.bar{display:inline-block;width:22px;height:11px;vertical-align:-1px}
.ev .kind{font-weight:600}
.ev .when{color:var(--muted);font-size:12px}
.ev details{margin:2px 0 0 28px;font-size:13px}
.ev summary{cursor:pointer;color:var(--muted)}
.empty{color:var(--muted)}
@media (max-width:700px){
 body{padding:10px}
 .axis,.undated{display:none}
 .legend{display:block}
 .legend ul{margin-bottom:4px}
 .list ol{padding-left:10px}
 .ev details{margin-left:0}
}
@media print{
 body{padding:0;font-size:11px}
 .tip,.gap svg{display:none}
 .mk .lb{font-size:10px}
 .ticks span{font-size:8px}
 .axis{break-inside:avoid}
 .ev{break-inside:avoid}
 details>*{display:block}
 details::details-content{content-visibility:visible;display:block}
 summary{list-style:none}
 :focus-visible{outline:none}
}
"#;

/// Optional: opens every source list for printing. The page works without it.
const SCRIPT: &str = "<script>addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});</script>\n";
