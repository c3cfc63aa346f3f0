//! Pathological inputs at 1x, 2x and 4x their size (issue 7): time per byte should
//! stay flat (linear time). `tests/robust_scaling.rs` checks the answers of the
//! same shapes at sizes where their old quadratic passes took minutes; timing
//! them is this bench's job, not a test's. Scaled-down sizes so `cargo bench` stays short; the
//! full sizes (a 20 MB article, 800,000 noisy chars, 400,000-word sentence) run in
//! `scripts/pathological.sh`. Each iteration checks its answer against the one
//! computed before timing, so a broken fast path cannot look fast.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use storyline::{Article, Extractor};

#[path = "../tests/shared_inputs/long_sentence.rs"]
mod long_sentence;
use long_sentence::long_sentence;

/// A small deterministic generator (xorshift), so inputs are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn repeated_word(bytes: usize) -> String {
    "yesterday ".repeat(bytes / 10)
}

/// Random scalar values, three in ten of them bidi controls, zero-width characters,
/// NUL or separators.
fn noise(chars: usize) -> String {
    const SPECIAL: &[char] = &[
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{200B}', '\u{200C}', '\u{200D}',
        '\u{2060}', '\u{FEFF}', '\0', '\n', ' ', '.', '\u{2028}', '\u{301}',
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..chars)
        .map(|_| {
            let r = rng.next();
            if r % 10 < 3 {
                SPECIAL[(r >> 8) as usize % SPECIAL.len()]
            } else {
                char::from_u32((r >> 8) as u32 % 0x11_0000).unwrap_or('\u{FFFD}')
            }
        })
        .collect()
}

/// Short sentences, each with a date: "It was yesterday." repeated.
fn dated_sentences(bytes: usize) -> String {
    "It was yesterday. ".repeat(bytes / 18)
}

/// Short sentences, each with an event and its date.
fn dated_events(bytes: usize) -> String {
    "He arrived yesterday. ".repeat(bytes / 22)
}

/// Sentences opening with a capitalised word the article never writes in lower
/// case, which the entity finder must judge once per word, not once per sentence.
fn sentence_openers(bytes: usize) -> String {
    const OPENERS: &[&str] = &["Critics", "Analysts", "Reporters", "Police"];
    let mut text = String::with_capacity(bytes + 64);
    let mut k = 0;
    while text.len() < bytes {
        text.push_str(OPENERS[k % OPENERS.len()]);
        text.push_str(" said the minister met officials in the capital. ");
        k += 1;
    }
    text
}

/// A case: its name, how to make its text from a size, and its 1x size.
type Case = (&'static str, fn(usize) -> String, usize);

fn pathological(c: &mut Criterion) {
    let extractor = Extractor::default();
    let cases: [Case; 6] = [
        ("repeated_word", repeated_word, 1 << 20),
        ("unicode_noise", noise, 50_000),
        ("long_sentence", long_sentence, 25_000),
        ("dated_sentences", dated_sentences, 1 << 20),
        ("dated_events", dated_events, 1 << 20),
        ("sentence_openers", sentence_openers, 1 << 20),
    ];
    for (name, make, base) in cases {
        let mut group = c.benchmark_group(format!("robust/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        for mult in [1, 2, 4] {
            let article = Article::new("p", make(base * mult))
                .with_published_str("2011-03-04")
                .expect("a valid date");
            let expected = extractor.extract(&article);
            group.throughput(Throughput::Bytes(article.text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{mult}x")),
                &article,
                |b, a| {
                    b.iter(|| {
                        let x = extractor.extract(black_box(a));
                        assert_eq!(x.record.timexes.len(), expected.record.timexes.len());
                        assert_eq!(x.events.len(), expected.events.len());
                    })
                },
            );
        }
        group.finish();
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);
