//! Issue 6, bounded memory: a timeline legitimately holds every mention and every
//! timex of its articles, so what each costs decides the peak (`scripts/memory.sh`:
//! 100 MB of articles, 316k mentions, 584k timexes, under 300 MB). These guard
//! the per-item costs that got it there.

use storyline::event::{EventMention, SharedStr};
use storyline::{Article, Extractor, TimelineBuilder};

/// Growing the mention struct grows every timeline by that much per mention
/// (and twice that for a moment while the build reorders them).
#[cfg(target_pointer_width = "64")]
#[test]
fn event_mention_stays_small() {
    assert!(
        std::mem::size_of::<EventMention>() <= 168,
        "EventMention is {} bytes",
        std::mem::size_of::<EventMention>()
    );
    assert_eq!(std::mem::size_of::<SharedStr>(), 16);
}

/// Many articles of one story: each distinct name, place, source and date is
/// kept once however many mentions repeat it.
#[test]
fn repeated_strings_are_kept_once() {
    let extractor = Extractor::default();
    let mut builder = TimelineBuilder::new(&extractor);
    for i in 0..50 {
        let text = format!(
            "Putin met Maduro in Moscow on Tuesday, report {i} says. \
             Maduro arrived in Moscow on Monday."
        );
        let article = Article::new(format!("a{i:02}"), text)
            .with_published_str("2019-09-25")
            .unwrap()
            .with_source("Wire");
        builder.add(&article);
    }
    let timeline = builder.build();
    let mentions: Vec<&EventMention> = timeline.mentions().collect();
    assert!(mentions.len() >= 100, "{} mentions", mentions.len());
    let mut kept: Vec<&SharedStr> = Vec::new();
    for m in &mentions {
        let strings = m
            .participants
            .iter()
            .map(|p| &p.name)
            .chain(m.place.as_ref().map(|p| &p.name))
            .chain(&m.source)
            .chain(&m.published);
        for s in strings {
            match kept.iter().find(|k| **k == s) {
                Some(k) => assert!(SharedStr::ptr_eq(k, s), "{s} kept twice"),
                None => kept.push(s),
            }
        }
    }
    let names: Vec<&str> = kept.iter().map(|s| s.as_str()).collect();
    assert!(
        names.contains(&"Maduro") || names.iter().any(|n| n.contains("Maduro")),
        "{names:?}"
    );
    assert!(names.contains(&"Wire"), "{names:?}");
}
