//! Found by the `articles_timeline` fuzz target (issue 7): a local publication
//! date-time with fractional seconds (`2011-03-05T10:00:00.250`) was read with its
//! fraction but written without it, so an article changed through JSON and an
//! article record no longer named the instant it was given.

use storyline::{Article, JsonLines, Published};

#[test]
fn local_published_with_fraction_round_trips() {
    let line = br#"{"id": "a20", "text": "Two days later he left.", "published": "2011-03-05T10:00:00.250"}"#;
    let article = JsonLines::new(&line[..])
        .next()
        .expect("one item")
        .expect("a good line");
    let json = serde_json::to_string(&article).unwrap();
    let back: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(back, article, "changed through JSON: {json}");
    assert!(json.contains("2011-03-05T10:00:00.250"), "{json}");
}

#[test]
fn every_published_form_displays_what_it_parses() {
    for s in [
        "2011-03-05",
        "2011-03-05T10:00:00",
        "2011-03-05T10:00:00.250",
        "2011-03-05T10:00:00.000000001",
        "2013-02-12T04:30:00-02:00",
        "2013-02-12T04:30:00.5+05:45",
        "0001-01-01",
        "9999-12-31T23:59:59.999999999",
    ] {
        let p = Published::parse(s).unwrap();
        assert_eq!(Published::parse(&p.to_string()), Ok(p), "{s} -> {p}");
    }
}
