//! Data-driven merge cases: `tests/data/merge_cases.json` holds sets of mentions
//! and the timeline entries they must give. Every failing case is reported, not
//! just the first; `STORYLINE_FILTER=substring` runs only the cases whose name
//! contains it.

mod merge_common;

use merge_common::{load_cases, mention_ids, timeline_of, Case};

fn check(case: &Case) -> Vec<String> {
    let timeline = timeline_of(case);
    let mut errors = Vec::new();
    let events = timeline.events();
    if events.len() != case.expect.len() {
        errors.push(format!(
            "{} entries, expected {}: {:#?}",
            events.len(),
            case.expect.len(),
            events
                .iter()
                .map(|e| (e.kind.as_str(), e.when.clone(), mention_ids(e)))
                .collect::<Vec<_>>()
        ));
    }
    for (i, (got, want)) in events.iter().zip(&case.expect).enumerate() {
        let mut bad = |field: &str, g: String, w: String| {
            if g != w {
                errors.push(format!("entry {i}: {field} is {g}, expected {w}"));
            }
        };
        bad(
            "mentions",
            format!("{:?}", mention_ids(got)),
            format!("{:?}", want.mentions),
        );
        if let Some(k) = &want.kind {
            bad("kind", got.kind.as_str().to_owned(), k.clone());
        }
        if let Some(w) = &want.when {
            bad("when", format!("{:?}", got.when), format!("{w:?}"));
        }
        if let Some(p) = &want.participants {
            bad(
                "participants",
                format!("{:?}", got.participants),
                format!("{p:?}"),
            );
        }
        if let Some(p) = &want.place {
            bad("place", format!("{:?}", got.place), format!("{p:?}"));
        }
        if let Some(s) = &want.status {
            bad(
                "status",
                format!("{:?}", got.status).to_lowercase(),
                s.clone(),
            );
        }
        if let Some(n) = want.articles {
            bad("articles", got.articles.to_string(), n.to_string());
        }
        if let Some(n) = want.sources {
            bad("sources", got.sources.to_string(), n.to_string());
        }
        if let Some(c) = &want.conflicts {
            let g: Vec<(String, String)> = got
                .conflicts
                .iter()
                .map(|c| (c.article.clone(), c.when.clone()))
                .collect();
            bad("conflicts", format!("{g:?}"), format!("{c:?}"));
        }
    }
    errors
}

#[test]
fn merge_cases() {
    let cases = load_cases(include_str!("data/merge_cases.json"));
    let filter = std::env::var("STORYLINE_FILTER").unwrap_or_default();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases.iter().filter(|c| c.name.contains(&filter)) {
        ran += 1;
        for e in check(case) {
            failures.push(format!("{}: {e}", case.name));
        }
    }
    assert!(ran > 0, "no case matches STORYLINE_FILTER={filter:?}");
    assert!(
        failures.is_empty(),
        "{} failure(s) in {ran} case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Reversing the mentions of every case, or feeding them one article at a time
/// through `merge`, gives the same bytes.
#[test]
fn merge_cases_are_order_independent() {
    let cases = load_cases(include_str!("data/merge_cases.json"));
    let mut failures = Vec::new();
    for case in &cases {
        let forward = serde_json::to_string(&timeline_of(case)).unwrap();
        let mut reversed = case.clone();
        reversed.mentions.reverse();
        if serde_json::to_string(&timeline_of(&reversed)).unwrap() != forward {
            failures.push(format!("{}: reversed input differs", case.name));
        }
        let merged = merge_common::merged_per_article(case);
        if serde_json::to_string(&merged).unwrap() != forward {
            failures.push(format!("{}: per-article merge differs", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
