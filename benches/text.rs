//! The text stage alone: segmentation throughput on news text.
//!
//! `text/segment/seeds` runs the five seed articles one by one;
//! `text/segment/large` runs one 1 MB page made of the seeds repeated, to show
//! throughput holds on long inputs. Each asserts its answer in the loop.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use storyline::{read_jsonl, text};

const SEEDS: &str = include_str!("../examples/data/seeds.jsonl");

fn segment(c: &mut Criterion) {
    let articles = read_jsonl(SEEDS.as_bytes()).expect("seed articles parse");
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let want: usize = articles
        .iter()
        .map(|a| text::segment(&a.text).sentences().len())
        .sum();
    assert!(want > 100);

    let mut large = String::new();
    while large.len() < 1 << 20 {
        for a in &articles {
            large.push_str(&a.text);
            large.push_str("\n\n");
        }
    }
    let large_want = text::segment(&large).sentences().len();

    let mut group = c.benchmark_group("text/segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seeds", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| text::segment(black_box(&a.text)).sentences().len())
                .sum();
            assert_eq!(n, want);
        })
    });
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.bench_function("large", |b| {
        b.iter(|| {
            let doc = text::segment(black_box(&large));
            assert_eq!(doc.sentences().len(), large_want);
        })
    });
    group.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
