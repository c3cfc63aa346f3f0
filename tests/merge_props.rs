//! Property tests for the merge invariants of DESIGN.md, over small mention sets
//! drawn from a small vocabulary so that merges, conflicts and ambiguities happen.

mod merge_common;

use chrono::NaiveDate;
use merge_common::{mention, Who, M};
use proptest::prelude::*;
use storyline::event::{EntityKind, EventMention};
use storyline::merge::Timeline;
use storyline::{Config, EventKind, Status};

const KINDS: &[EventKind] = &[
    EventKind::Meeting,
    EventKind::Visit,
    EventKind::Arrival,
    EventKind::Announcement,
];
const NAMES: &[&str] = &[
    "Ana Costa",
    "Costa",
    "ANA COSTA",
    "Piet Jansen",
    "Jansen",
    "Mei Chen",
    "Norway",
];
const PLACES: &[Option<&str>] = &[None, Some("Oslo"), Some("Bergen"), Some("Oslo, Norway")];
/// Values with their intervals in whole hours from 2021-05-01T00:00 (computed
/// here independently of the crate).
const WHENS: &[(Option<&str>, i64, i64)] = &[
    (None, 0, 0),
    (Some("2021-05-03"), 48, 72),
    (Some("2021-05-04"), 72, 96),
    (Some("2021-05-05"), 96, 120),
    (Some("2021-05-03T10:00"), 58, 59),
    (Some("2021-05"), 0, 31 * 24),
    (Some("2021"), -120 * 24, 245 * 24),
    (Some("2020-01-10"), -477 * 24, -476 * 24),
];
const ARTICLES: &[&str] = &["a", "b", "c", "d"];
const STATUSES: &[Status] = &[Status::Occurred, Status::Planned, Status::Negated];

fn arb_mention() -> impl Strategy<Value = M> {
    (
        0..ARTICLES.len(),
        0..KINDS.len(),
        0usize..6,
        proptest::collection::vec(0..NAMES.len(), 0..3),
        0..PLACES.len(),
        0..WHENS.len(),
        0..STATUSES.len(),
        any::<bool>(),
    )
        .prop_map(|(a, k, t, names, p, w, s, sourced)| M {
            article: ARTICLES[a].to_owned(),
            source: (sourced && a < 2).then(|| "Wire".to_owned()),
            published: Some(format!("2021-05-0{}", a + 3)),
            kind: KINDS[k],
            trigger: [t * 10, t * 10 + 5],
            participants: names
                .into_iter()
                .map(|n| {
                    if NAMES[n] == "Norway" {
                        Who::Full {
                            name: "Norway".to_owned(),
                            entity: EntityKind::Place,
                        }
                    } else {
                        Who::Name(NAMES[n].to_owned())
                    }
                })
                .collect(),
            place: PLACES[p].map(str::to_owned),
            status: STATUSES[s],
            when: WHENS[w].0.map(str::to_owned),
        })
}

fn arb_set() -> impl Strategy<Value = (Vec<M>, i64)> {
    (proptest::collection::vec(arb_mention(), 0..14), 0i64..3)
}

fn build(ms: &[M], tolerance: i64) -> Timeline {
    Timeline::from_parts(
        ms.iter().map(mention).collect(),
        Vec::new(),
        &Config::default().conflict_tolerance_days(tolerance),
    )
}

fn json(t: &Timeline) -> String {
    serde_json::to_string(t).expect("timeline serializes")
}

fn hours(m: &EventMention) -> Option<(i64, i64)> {
    let v = m.time.as_ref()?.value.as_str();
    WHENS
        .iter()
        .find(|w| w.0 == Some(v))
        .map(|w| (w.1 * 3600, w.2 * 3600))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_order_gives_the_same_bytes((ms, tol) in arb_set(), seed in any::<u64>()) {
        let mut shuffled = ms.clone();
        // a deterministic shuffle from the seed
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(json(&build(&ms, tol)), json(&build(&shuffled, tol)));
    }

    #[test]
    fn merge_is_associative_and_commutative((ms, tol) in arb_set(), cut in proptest::collection::vec(0usize..3, 14)) {
        let part = |p: usize| -> Vec<M> {
            ms.iter().zip(&cut).filter(|(_, c)| **c == p).map(|(m, _)| m.clone()).collect()
        };
        let (a, b, c) = (build(&part(0), tol), build(&part(1), tol), build(&part(2), tol));
        let left = a.merge(&b).merge(&c);
        let right = a.merge(&b.merge(&c));
        prop_assert_eq!(json(&left), json(&right));
        prop_assert_eq!(json(&a.merge(&b)), json(&b.merge(&a)));
        prop_assert_eq!(json(&left), json(&build(&ms, tol)));
    }

    #[test]
    fn merging_with_itself_changes_nothing((ms, tol) in arb_set()) {
        let t = build(&ms, tol);
        prop_assert_eq!(json(&t.merge(&t)), json(&t));
        prop_assert_eq!(json(&t.merge(&Timeline::default())), json(&t));
    }

    #[test]
    fn every_mention_lands_in_exactly_one_entry((ms, tol) in arb_set()) {
        let t = build(&ms, tol);
        let mut want: Vec<EventMention> = ms.iter().map(mention).collect();
        want.sort();
        want.dedup();
        let mut got: Vec<EventMention> = t.mentions().cloned().collect();
        got.sort();
        prop_assert_eq!(got, want);
        for e in t.events() {
            prop_assert!(!e.mentions.is_empty());
            let arts: std::collections::BTreeSet<_> = e.mentions.iter().map(|m| &m.article).collect();
            prop_assert_eq!(e.articles, arts.len());
            prop_assert!(e.sources >= 1 && e.sources <= e.articles);
        }
    }

    #[test]
    fn no_entry_spans_dates_further_apart_than_the_tolerance((ms, tol) in arb_set()) {
        let t = build(&ms, tol);
        let limit = tol * 24 * 3600;
        for e in t.events() {
            for a in &e.mentions {
                for b in &e.mentions {
                    let (Some(x), Some(y)) = (hours(a), hours(b)) else { continue };
                    let overlap = x.0 < y.1 && y.0 < x.1;
                    if a.article == b.article {
                        prop_assert!(overlap, "one article at two dates in one entry: {:?}", e);
                    }
                    let mid = ((x.0 + x.1) - (y.0 + y.1)).abs();
                    prop_assert!(overlap || mid <= 2 * limit, "entry spans {:?} and {:?}", x, y);
                }
            }
            // the entry's own date is one of its reports' dates
            if let Some(w) = &e.when {
                prop_assert!(e.mentions.iter().any(|m| m.time.as_ref().map(|t| &t.value) == Some(w)));
            }
            prop_assert_eq!(e.when.is_none(), e.mentions.iter().all(|m| hours(m).is_none()));
        }
        // chronological, undated last
        let starts: Vec<_> = t.events().iter().map(|e| e.interval.map(|i| i.start)).collect();
        let dated = starts.iter().take_while(|s| s.is_some()).count();
        prop_assert!(starts[dated..].iter().all(Option::is_none));
        prop_assert!(starts[..dated].windows(2).all(|w| w[0] <= w[1]));
        let _ = NaiveDate::from_ymd_opt(2021, 5, 1);
    }
}
