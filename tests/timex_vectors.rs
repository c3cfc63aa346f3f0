//! Data-driven timex vectors: every file `tests/data/timex*.json` holds a list of
//! `{name, text, published, prefer, expected: [{text, type, value}]}` (optionally
//! `inferred_published` and `diagnostics`, a list of diagnostic kinds). Every
//! vector runs and every failure is reported; `STORYLINE_FILTER=substring` runs
//! only the vectors whose name contains it.

use serde::Deserialize;
use storyline::{text::segment, timex, Config, DiagnosticKind, Prefer, Published};

#[derive(Deserialize)]
struct Vector {
    name: String,
    text: String,
    published: Option<String>,
    #[serde(default)]
    prefer: Option<String>,
    expected: Vec<Expected>,
    #[serde(default)]
    inferred_published: Option<String>,
    #[serde(default)]
    diagnostics: Option<Vec<String>>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

fn kind_name(k: DiagnosticKind) -> &'static str {
    match k {
        DiagnosticKind::LimitReached => "limit_reached",
        DiagnosticKind::Unresolvable => "unresolvable",
        DiagnosticKind::InferredPublication => "inferred_publication",
        _ => "other",
    }
}

fn run(v: &Vector) -> Result<(), String> {
    let prefer: Prefer = v.prefer.as_deref().unwrap_or("tense").parse()?;
    let published = match &v.published {
        Some(p) => Some(Published::parse(p).map_err(|e| e.to_string())?),
        None => None,
    };
    let doc = segment(&v.text);
    let ann = timex::annotate(&doc, published.as_ref(), &Config::default().prefer(prefer));
    let got: Vec<Expected> = ann
        .timexes
        .iter()
        .map(|t| Expected {
            text: t.text.clone(),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
        })
        .collect();
    let mut problems = Vec::new();
    for t in &ann.timexes {
        if v.text.get(t.span.start..t.span.end) != Some(t.text.as_str()) {
            problems.push(format!("span {:?} does not hold {:?}", t.span, t.text));
        }
    }
    if got != v.expected {
        problems.push(format!("expected {:?}\n      got {:?}", v.expected, got));
    }
    if let Some(want) = &v.inferred_published {
        let have = ann.inferred_published.as_ref().map(|i| i.date.to_string());
        if have.as_deref() != Some(want.as_str()) {
            problems.push(format!("inferred publication {have:?}, expected {want:?}"));
        }
    }
    if let Some(want) = &v.diagnostics {
        let have: Vec<&str> = ann.diagnostics.iter().map(|d| kind_name(d.kind)).collect();
        if have != *want {
            problems.push(format!("diagnostics {have:?}, expected {want:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n    "))
    }
}

#[test]
fn timex_vectors() {
    let filter = std::env::var("STORYLINE_FILTER").unwrap_or_default();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("timex") && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no timex vector files");
    let (mut ran, mut failures) = (0, Vec::new());
    for file in &files {
        let data = std::fs::read_to_string(file).expect("vector file readable");
        let vectors: Vec<Vector> =
            serde_json::from_str(&data).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for v in vectors.iter().filter(|v| v.name.contains(&filter)) {
            ran += 1;
            if let Err(e) = run(v) {
                failures.push(format!("  {}: {}", v.name, e));
            }
        }
    }
    assert!(ran > 0, "no vector matched the filter {filter:?}");
    assert!(
        failures.is_empty(),
        "{} of {ran} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
