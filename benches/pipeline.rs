//! Criterion benches on the bench corpus (at least 5 MB, built in `corpus/`):
//!
//! - `end_to_end/corpus`: segment, timexes, events and merge, on one thread
//!   (`Timeline::from_articles`), reported in articles/s and MB/s;
//! - `end_to_end/parallel`: the same with `Extractor::extract_many` (rayon) for the
//!   per-article map step;
//! - `corpus/*`: each stage alone on the corpus, on one thread, to see where the
//!   end-to-end time goes (the stage benches in `text.rs`, `timex.rs`,
//!   `event.rs`, `merge.rs` run on smaller inputs).
//!
//! Every iteration asserts its answer (the counts of a first run), so a broken
//! fast path cannot look fast.

mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::time::Duration;
use storyline::{event, text, timex, Article, Config, Extractor, Timeline};

fn count(t: &Timeline) -> (usize, usize) {
    (t.events().len(), t.mentions().count())
}

fn end_to_end(c: &mut Criterion) {
    let articles = corpus::build(corpus::MIN_BYTES);
    let bytes = corpus::bytes(&articles);
    let extractor = Extractor::default();
    let want = count(&Timeline::from_articles(&articles, &extractor));
    assert!(want.0 > 100 && want.1 > want.0, "{want:?}");

    let mut group = c.benchmark_group("end_to_end");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    let run = |b: &mut criterion::Bencher| {
        b.iter(|| {
            let t = Timeline::from_articles(black_box(&articles), &extractor);
            assert_eq!(count(&t), want);
        })
    };
    // Reported both in articles/s and in MB/s.
    group.throughput(Throughput::ElementsAndBytes {
        elements: articles.len() as u64,
        bytes: bytes as u64,
    });
    group.bench_function("corpus", run);
    group.bench_function("parallel", |b| {
        b.iter(|| {
            let extractions = extractor.extract_many(black_box(&articles));
            let mut mentions = Vec::new();
            let mut records = Vec::new();
            for x in extractions {
                mentions.extend(x.events);
                records.push(x.record);
            }
            let t = Timeline::from_parts(mentions, records, extractor.config());
            assert_eq!(count(&t), want);
        })
    });
    group.finish();
}

/// Each stage alone on the corpus, inputs of later stages prepared outside the loop.
fn stages(c: &mut Criterion) {
    let articles: Vec<Article> = corpus::build(corpus::MIN_BYTES);
    let bytes = corpus::bytes(&articles) as u64;
    let elements = articles.len() as u64;
    let config = Config::default();
    let docs: Vec<_> = articles.iter().map(|a| text::segment(&a.text)).collect();
    let sentences: usize = docs.iter().map(|d| d.sentences().len()).sum();
    let found: usize = articles.iter().map(|a| timex::find(&a.text).len()).sum();
    let timexes: Vec<_> = docs
        .iter()
        .zip(&articles)
        .map(|(d, a)| timex::annotate(d, a.published.as_ref(), &config).timexes)
        .collect();
    let resolved: usize = timexes.iter().map(Vec::len).sum();
    let extract = || -> Vec<Vec<event::EventMention>> {
        docs.iter()
            .zip(&articles)
            .zip(&timexes)
            .map(|((d, a), t)| {
                event::extract(
                    &a.id,
                    a.source.as_deref(),
                    d,
                    a.published.as_ref(),
                    t,
                    &config,
                )
            })
            .collect()
    };
    let mentions = extract();
    let mention_count: usize = mentions.iter().map(Vec::len).sum();
    assert!(sentences > 10_000 && found > 1_000 && resolved > 1_000 && mention_count > 1_000);
    let extractor = Extractor::default();
    let records: Vec<_> = articles
        .iter()
        .map(|a| extractor.extract(a).record)
        .collect();
    let flat: Vec<_> = mentions.iter().flatten().cloned().collect();
    let merged = Timeline::from_parts(flat.clone(), records.clone(), &config)
        .events()
        .len();

    let mut group = c.benchmark_group("corpus");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::ElementsAndBytes { elements, bytes });
    group.bench_function("text/segment", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| text::segment(black_box(&a.text)).sentences().len())
                .sum();
            assert_eq!(n, sentences);
        })
    });
    group.bench_function("timex/scan", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| timex::find(black_box(&a.text)).len())
                .sum();
            assert_eq!(n, found);
        })
    });
    group.bench_function("timex/resolve", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .zip(&articles)
                .map(|(d, a)| {
                    timex::annotate(black_box(d), a.published.as_ref(), &config)
                        .timexes
                        .len()
                })
                .sum();
            assert_eq!(n, resolved);
        })
    });
    group.bench_function("event/extract", |b| {
        b.iter(|| {
            let n: usize = black_box(extract()).iter().map(Vec::len).sum();
            assert_eq!(n, mention_count);
        })
    });
    group.bench_function("merge", |b| {
        b.iter_batched(
            || (flat.clone(), records.clone()),
            |(m, r)| {
                let t = Timeline::from_parts(m, r, &config);
                assert_eq!(t.events().len(), merged);
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, end_to_end, stages);
criterion_main!(benches);
