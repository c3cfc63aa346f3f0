//! Criterion benches, one group per stage. Each asserts its answer inside the loop.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use storyline::{read_jsonl, text, Extractor};

const SEEDS: &str = include_str!("../examples/data/seeds.jsonl");

fn segment(c: &mut Criterion) {
    let articles = read_jsonl(SEEDS.as_bytes()).expect("seed articles parse");
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| text::segment(black_box(&a.text)).sentences().len())
                .sum();
            assert!(n > 50);
        })
    });
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    let articles = read_jsonl(SEEDS.as_bytes()).expect("seed articles parse");
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let extractor = Extractor::default();
    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seeds", |b| {
        b.iter(|| {
            let t = storyline::Timeline::from_articles(black_box(&articles), &extractor);
            assert_eq!(t.articles().len(), 5);
        })
    });
    group.finish();
}

criterion_group!(benches, segment, end_to_end);
criterion_main!(benches);
