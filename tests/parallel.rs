//! The parallel path (`Extractor::extract_many`, rayon) gives byte-identical
//! output to the sequential one: every extraction, and the timeline built from
//! them, serialized, on the seed articles and a few hundred synthetic articles
//! (the bench corpus builder, copies with shifted dates and rotated paragraphs).

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use storyline::{output, read_jsonl, Article, Extraction, Extractor, Timeline};

const SEEDS: &str = include_str!("../examples/data/seeds.jsonl");

fn articles() -> Vec<Article> {
    let mut all = read_jsonl(SEEDS.as_bytes()).expect("seed articles parse");
    // About 300 articles: every base text copied with variations.
    all.extend(corpus::build(700_000));
    all
}

fn serialize(extractions: &[Extraction]) -> Vec<String> {
    extractions
        .iter()
        .map(|x| serde_json::to_string(x).expect("extraction serializes"))
        .collect()
}

fn timeline_json(extractions: Vec<Extraction>, extractor: &Extractor) -> String {
    let mut mentions = Vec::new();
    let mut records = Vec::new();
    for x in extractions {
        mentions.extend(x.events);
        records.push(x.record);
    }
    let timeline = Timeline::from_parts(mentions, records, extractor.config());
    serde_json::to_string(&output::json::contract(&timeline)).expect("timeline serializes")
}

/// Runs `extract_many` on a pool of several threads, even on a one-core machine,
/// so the parallel path really interleaves articles.
fn parallel(extractor: &Extractor, articles: &[Article]) -> Vec<Extraction> {
    #[cfg(feature = "rayon")]
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .expect("thread pool");
        pool.install(|| extractor.extract_many(articles))
    }
    #[cfg(not(feature = "rayon"))]
    {
        extractor.extract_many(articles)
    }
}

#[test]
fn parallel_and_sequential_extractions_are_identical() {
    let articles = articles();
    assert!(articles.len() >= 250, "{} articles", articles.len());
    let extractor = Extractor::default();
    let seq = extractor.extract_sequential(&articles);
    let par = parallel(&extractor, &articles);
    assert_eq!(seq.len(), articles.len());
    assert_eq!(par.len(), articles.len());
    let (s, p) = (serialize(&seq), serialize(&par));
    let differ: Vec<&str> = articles
        .iter()
        .zip(s.iter().zip(&p))
        .filter(|(_, (a, b))| a != b)
        .map(|(art, _)| art.id.as_str())
        .collect();
    assert!(differ.is_empty(), "extractions differ for {differ:?}");
    // The output is not trivially empty: the comparison means something.
    let mentions: usize = seq.iter().map(|x| x.events.len()).sum();
    let timexes: usize = seq.iter().map(|x| x.record.timexes.len()).sum();
    assert!(mentions > articles.len() && timexes > articles.len());

    // Ids and order are the input's.
    for (x, a) in par.iter().zip(&articles) {
        assert_eq!(x.record.id, a.id);
    }

    let t_seq = timeline_json(seq, &extractor);
    let t_par = timeline_json(par, &extractor);
    assert!(t_seq == t_par, "timelines differ");
    // And both equal the one-by-one builder's.
    let t_builder = serde_json::to_string(&output::json::contract(&Timeline::from_articles(
        &articles, &extractor,
    )))
    .expect("timeline serializes");
    assert!(t_builder == t_seq, "builder timeline differs");
}

#[test]
fn parallel_on_the_seeds_alone_is_identical() {
    let articles = read_jsonl(SEEDS.as_bytes()).expect("seed articles parse");
    let extractor = Extractor::default();
    let seq = serialize(&extractor.extract_sequential(&articles));
    let par = serialize(&parallel(&extractor, &articles));
    assert_eq!(seq, par);
}

#[test]
fn extractor_is_shareable() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Extractor>();
}
