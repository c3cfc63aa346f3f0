//! Criterion benches for the timex stage: `timex/scan` finds expressions,
//! `timex/resolve` finds and resolves them against each article. Each asserts its
//! answer inside the loop so a broken fast path cannot look fast.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use storyline::{read_jsonl, text, timex, Config};

const SEEDS: &str = include_str!("../examples/data/seeds.jsonl");

fn timex_stage(c: &mut Criterion) {
    let articles = read_jsonl(SEEDS.as_bytes()).expect("seed articles parse");
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let docs: Vec<_> = articles.iter().map(|a| text::segment(&a.text)).collect();
    let config = Config::default();
    let mut group = c.benchmark_group("timex");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("scan", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| timex::find(black_box(&a.text)).len())
                .sum();
            assert!(n >= 25, "found {n}");
        })
    });
    group.bench_function("resolve", |b| {
        b.iter(|| {
            let mut n = 0;
            for (a, doc) in articles.iter().zip(&docs) {
                let ann = timex::annotate(black_box(doc), a.published.as_ref(), &config);
                n += ann.timexes.len();
            }
            assert!(n >= 25, "resolved {n}");
        })
    });
    group.finish();
}

criterion_group!(benches, timex_stage);
criterion_main!(benches);
