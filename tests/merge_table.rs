//! The text timeline: dated entries first in order, undated last, one quote per
//! source, conflicting dates shown.

mod merge_common;

use merge_common::{load_cases, timeline_of};
use storyline::output::table;

const CASE: &str = r#"[{
  "name": "table",
  "mentions": [
    {"article": "b", "source": "Wire", "kind": "meeting", "trigger": [10, 15], "participants": ["Ana Costa", "Piet Jansen"], "place": "Oslo", "when": "2021-05-04"},
    {"article": "c", "source": "Wire", "kind": "meeting", "trigger": [10, 15], "participants": ["Costa"], "place": "Oslo", "when": "2021-05-04"},
    {"article": "a", "kind": "meeting", "trigger": [10, 15], "participants": ["Piet Jansen"], "status": "planned", "when": "2021-05-03"},
    {"article": "d", "kind": "arrival", "trigger": [20, 25], "participants": ["Mei Chen"]},
    {"article": "d", "kind": "vote", "trigger": [40, 45], "when": "2020"}
  ],
  "expect": []
}]"#;

#[test]
fn merge_table_shows_dates_sources_quotes_and_undated_last() {
    let case = &load_cases(CASE)[0];
    let text = table::render(&timeline_of(case));
    let heads: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(heads.len(), 3, "{text}");
    assert!(
        heads[0].starts_with("2020 ") && heads[0].contains("vote"),
        "{text}"
    );
    assert!(
        heads[1].starts_with("2021-05-04") && heads[1].contains("Ana Costa, Piet Jansen"),
        "{text}"
    );
    assert!(
        heads[2].starts_with("undated") && heads[2].contains("arrival"),
        "{text}"
    );
    assert!(
        text.contains("where Oslo · occurred · 2 sources, 3 articles"),
        "{text}"
    );
    assert!(
        text.contains("dates differ: 2021-05-03 (a); 2021-05-04 (Wire (b)); 2021-05-04 (Wire (c))"),
        "{text}"
    );
    // one quote per source: Wire once (its first article), article a once
    assert_eq!(text.matches("- Wire (").count(), 1, "{text}");
    assert_eq!(text.matches("- a: ").count(), 1, "{text}");
    assert!(
        text.contains("where - · occurred · 1 source, 1 article"),
        "{text}"
    );
}
