//! The merge stage on synthetic mentions: 10k, 100k and 1M, to show that the cost
//! grows near-linearly (blocking by kind, participant and time). Each iteration
//! asserts the answer: every mention kept, and the same number of entries as the
//! first run, inside a band around the number of generated events.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use storyline::event::{EntityKind, EventMention, EventTime, Participant, Place, Role};
use storyline::merge::Timeline;
use storyline::timex::{Granularity, Interval};
use storyline::{Config, EventKind, Span, Status};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const KINDS: [EventKind; 6] = [
    EventKind::Meeting,
    EventKind::Visit,
    EventKind::Arrival,
    EventKind::Announcement,
    EventKind::Vote,
    EventKind::Agreement,
];
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ra", "te", "vu", "sa", "no", "di", "pe", "zo", "ha", "ri", "mu", "be", "ga",
];

fn word(rng: &mut Rng, syllables: usize, cap: bool) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    if cap {
        w[..1].make_ascii_uppercase();
    }
    w
}

/// `count` people (given name, surname). Every 30th shares the surname of someone
/// before them, so that a report by surname alone is ambiguous at the same rate
/// whatever the size of the cast; the other surnames are distinct. (Drawn at
/// random from a fixed set of names, a cast ten times larger would share ten
/// times more surnames, and each larger corpus would hold proportionally more
/// mentions that no reader could attach to one person.)
fn cast(count: usize, rng: &mut Rng) -> Vec<(String, String)> {
    // surnames from a set at least eight times the cast: few redraws
    let mut syllables = 4;
    while SYLLABLES.len().pow(syllables as u32) < count.saturating_mul(8) {
        syllables += 1;
    }
    let mut taken = std::collections::HashSet::new();
    let mut people: Vec<(String, String)> = Vec::with_capacity(count);
    for i in 0..count {
        let given = word(rng, 3, true);
        let surname = if i % 30 == 29 {
            people[rng.below(people.len())].1.clone()
        } else {
            loop {
                let s = word(rng, syllables, true);
                if taken.insert(s.clone()) {
                    break s;
                }
            }
        };
        people.push((given, surname));
    }
    people
}

/// `n` mentions of about `n / 5` events over five years: most reports at the
/// day, some at the month or the year, some a day off in another article
/// (conflicts), some undated, some by surname only.
///
/// A bigger corpus is a corpus about more people (one per 50 mentions: 200 for
/// 10k, 2,000 for 100k, 20,000 for 1M), so the number of events per person and
/// year stays that of a news story; with a fixed cast, ten times the mentions
/// would mean ten times the meetings of each person each year, and any reader,
/// not only this one, would need longer to tell them apart.
fn synthetic(n: usize) -> (Vec<EventMention>, usize) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let people = cast((n / 50).max(100), &mut rng);
    let places: Vec<String> = (0..300).map(|_| word(&mut rng, 3, true)).collect();
    let base = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    let articles = (n / 20).max(1);
    let events = (n / 5).max(1);
    let mut out = Vec::with_capacity(n);
    let mut e = 0;
    while out.len() < n {
        let kind = KINDS[rng.below(KINDS.len())];
        let a = rng.below(people.len());
        let b = rng.below(people.len());
        let place = &places[rng.below(places.len())];
        let day = base + chrono::Days::new(rng.below(5 * 365) as u64);
        let reports = 1 + rng.below(9);
        for r in 0..reports {
            if out.len() >= n {
                break;
            }
            let article = (e * 7 + r * 13 + rng.below(3)) % articles;
            let roll = rng.below(100);
            let (value, gran, interval) = match roll {
                0..=69 => (
                    day.format("%Y-%m-%d").to_string(),
                    Granularity::Day,
                    Some(Interval::day(day)),
                ),
                70..=79 => (day.format("%Y-%m").to_string(), Granularity::Month, None),
                80..=84 => (day.format("%Y").to_string(), Granularity::Year, None),
                85..=89 => {
                    let d = day + chrono::Days::new(1);
                    (
                        d.format("%Y-%m-%d").to_string(),
                        Granularity::Day,
                        Some(Interval::day(d)),
                    )
                }
                _ => (String::new(), Granularity::Day, None),
            };
            let full = rng.below(3) > 0;
            let name = |p: &(String, String)| {
                if full {
                    format!("{} {}", p.0, p.1)
                } else {
                    p.1.clone()
                }
            };
            let trigger = Span::new(r * 100 + e % 50, r * 100 + e % 50 + 5);
            let person = |name: String, role| Participant {
                name: name.into(),
                entity: EntityKind::Person,
                role,
                span: trigger,
            };
            let mut participants = vec![person(name(&people[a]), Role::Agent)];
            if kind != EventKind::Arrival && rng.below(4) > 0 {
                participants.push(person(name(&people[b]), Role::Patient));
            }
            out.push(EventMention {
                article: format!("a{article:06}").into(),
                source: Some(format!("s{}", article % 40).into()),
                published: Some(day.format("%Y-%m-%d").to_string().into()),
                kind,
                trigger,
                sentence: Span::new(trigger.start, trigger.end + 40),
                participants,
                place: (rng.below(2) == 0).then(|| Place {
                    name: place.as_str().into(),
                    span: trigger,
                }),
                status: if rng.below(3) == 0 {
                    Status::Planned
                } else {
                    Status::Occurred
                },
                time: (!value.is_empty())
                    .then_some(EventTime {
                        value,
                        granularity: gran,
                        interval,
                        zone: None,
                        timex: None,
                    })
                    .map(Box::new),
                quote: "".into(),
            });
        }
        e += 1;
    }
    (out, events.min(e))
}

fn merge(c: &mut Criterion) {
    let config = Config::default();
    // STORYLINE_MERGE_SIZES=10000,100000 runs only those sizes (setting up 1M
    // mentions takes a while even when criterion's filter skips it)
    let sizes: Vec<usize> = std::env::var("STORYLINE_MERGE_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    for n in sizes {
        let (mentions, events) = synthetic(n);
        let mut unique = mentions.clone();
        unique.sort();
        unique.dedup();
        let kept = unique.len();
        let first = Timeline::from_parts(mentions.clone(), Vec::new(), &config);
        let entries = first.events().len();
        // the generated events, give or take split ambiguous and undated reports
        assert!(
            entries >= events * 8 / 10 && entries <= events * 2,
            "{entries} entries for {events} generated events"
        );
        // STORYLINE_MERGE_HASH=1 prints a hash of the contract JSON, to check
        // that a change to the merge keeps its output byte-identical
        if std::env::var_os("STORYLINE_MERGE_HASH").is_some() {
            use std::hash::Hasher;
            let mut json = Vec::new();
            storyline::output::json::write_contract(&mut json, &first).expect("json");
            let mut h = std::collections::hash_map::DefaultHasher::new();
            h.write(&json);
            eprintln!("merge {n}: {} bytes, hash {:016x}", json.len(), h.finish());
        }
        drop(first);
        let mut group = c.benchmark_group("merge");
        group.sample_size(10);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("{n}"), |b| {
            b.iter_batched(
                || mentions.clone(),
                |ms| {
                    let t = Timeline::from_parts(black_box(ms), Vec::new(), &config);
                    assert_eq!(t.events().len(), entries);
                    assert_eq!(t.mentions().count(), kept);
                    t
                },
                BatchSize::LargeInput,
            )
        });
        group.finish();
        yardsticks(c, n, &mentions);
    }
}

/// What a pass over the same input costs on this machine without the merge, to
/// read the merge's growth against: reading every string of every mention once,
/// a textbook hash blocking pass (mentions grouped by kind, first participant
/// and time value), and the same blocking partitioned first, as cache-conscious
/// joins do. Both get the input the way the merge does,
/// cloned just before each run, so each size starts with the same part of it
/// in cache as the merge's runs do. Neither is a merge; their growth from one
/// size to the next is what the memory hierarchy alone costs such passes.
fn yardsticks(c: &mut Criterion, n: usize, mentions: &[EventMention]) {
    // the length and the first byte of each string: its pointer followed, as
    // any pass that compares or hashes it must (the length alone lies next to
    // the pointer, and would not read the string at all)
    let read = |ms: &[EventMention]| -> usize {
        let at = |s: &str| s.len() + usize::from(s.as_bytes().first().copied().unwrap_or(0));
        ms.iter()
            .map(|m| {
                let time = m.time.as_ref().map_or(0, |t| at(&t.value));
                let place = m.place.as_ref().map_or(0, |p| at(&p.name));
                let names: usize = m.participants.iter().map(|p| at(&p.name)).sum();
                at(&m.article)
                    + m.source.as_deref().map_or(0, at)
                    + m.published.as_deref().map_or(0, at)
                    + names
                    + time
                    + place
            })
            .sum()
    };
    let group_by = |ms: &[EventMention]| -> usize {
        let mut groups: std::collections::HashMap<(EventKind, &str, &str), Vec<u32>> =
            std::collections::HashMap::new();
        for (m, i) in ms.iter().zip(0u32..) {
            let name = m.participants.first().map_or("", |p| &*p.name);
            let value = m.time.as_ref().map_or("", |t| t.value.as_str());
            groups.entry((m.kind, name, value)).or_default().push(i);
        }
        groups.len()
    };
    // the same blocking, cache-consciously: one pass in input order hashes
    // each key into one of `n / 1024` partitions (appends to a few hundred
    // streams at most), then each partition, a thousand keys or so, is
    // grouped on its own in a table that stays in cache
    let partitioned = |ms: &[EventMention]| -> usize {
        use std::hash::{Hash, Hasher};
        let bits = (ms.len() / 1024).max(1).ilog2();
        let mut parts: Vec<Vec<(u64, u32)>> = vec![Vec::new(); 1 << bits];
        for (m, i) in ms.iter().zip(0u32..) {
            let name = m.participants.first().map_or("", |p| &*p.name);
            let value = m.time.as_ref().map_or("", |t| t.value.as_str());
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (m.kind, name, value).hash(&mut h);
            let h = h.finish();
            let part = h.checked_shr(64 - bits).unwrap_or(0) as usize;
            parts[part].push((h, i));
        }
        let mut groups: std::collections::HashMap<u64, Vec<u32>> = std::collections::HashMap::new();
        let mut total = 0;
        for part in &parts {
            groups.clear();
            for &(h, i) in part {
                groups.entry(h).or_default().push(i);
            }
            total += groups.len();
        }
        total
    };
    let (bytes, blocks) = (read(mentions), group_by(mentions));
    // (keys told apart by a 64-bit hash: a collision would stop the bench)
    assert_eq!(partitioned(mentions), blocks);
    let mut group = c.benchmark_group("merge_yardstick");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function(format!("read/{n}"), |b| {
        b.iter_batched(
            || mentions.to_vec(),
            |ms| {
                assert_eq!(read(black_box(&ms)), bytes);
                ms
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function(format!("group_by/{n}"), |b| {
        b.iter_batched(
            || mentions.to_vec(),
            |ms| {
                assert_eq!(group_by(black_box(&ms)), blocks);
                ms
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function(format!("partitioned/{n}"), |b| {
        b.iter_batched(
            || mentions.to_vec(),
            |ms| {
                assert_eq!(partitioned(black_box(&ms)), blocks);
                ms
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, merge);
criterion_main!(benches);
