//! `event/extract`: event extraction alone, on TimeBank news texts and the seeds.
//!
//! Segmentation and timexes are computed once outside the loop; the loop runs
//! `event::extract` and asserts the number of mentions, so a broken fast path
//! cannot look fast.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use storyline::{event, read_jsonl, text, timex, Config};

const TIMEBANK: &str = include_str!("../tests/data/timebank_sample.jsonl");
const SEEDS: &str = include_str!("../examples/data/seeds.jsonl");

fn bench_corpus(c: &mut Criterion, name: &str, data: &str) {
    let config = Config::default();
    let articles = read_jsonl(data.as_bytes()).expect("articles parse");
    let docs: Vec<_> = articles.iter().map(|a| text::segment(&a.text)).collect();
    let timexes: Vec<_> = docs
        .iter()
        .zip(&articles)
        .map(|(d, a)| timex::annotate(d, a.published.as_ref(), &config).timexes)
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let run = || -> usize {
        docs.iter()
            .zip(&articles)
            .zip(&timexes)
            .map(|((d, a), t)| {
                event::extract(&a.id, None, d, a.published.as_ref(), t, &config).len()
            })
            .sum()
    };
    let expected = run();
    assert!(expected > 0, "{name}: no mentions at all");
    let mut group = c.benchmark_group("event/extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            let n = black_box(run());
            assert_eq!(n, expected);
        })
    });
    group.finish();
}

fn extract(c: &mut Criterion) {
    bench_corpus(c, "timebank", TIMEBANK);
    bench_corpus(c, "seeds", SEEDS);
}

criterion_group!(benches, extract);
criterion_main!(benches);
