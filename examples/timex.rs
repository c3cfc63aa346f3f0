//! Temporal expressions of articles, resolved against each article (TIMEX3).
//!
//! ```text
//! cargo run --release --example timex -- --jsonl articles.jsonl        # one JSON line per article
//! echo "He left yesterday." | cargo run --release --example timex -- --published 2019-09-25
//! ```

mod common;

use common::{for_each_article, usage, OnBadLine, EXIT_INPUT};
use std::io::{Read, Write};
use std::process::ExitCode;
use storyline::{output::json::contract_timex, Article, Config, Extractor, Prefer, Published};

const HELP: &str = "usage: timex --jsonl FILE [--prefer tense|past|future|nearest] [--strict]
       timex [--published DATE] [--prefer ...] < TEXT

With --jsonl, prints one JSON line per article: {\"id\", \"timexes\": [{start, end, text,
type, value}]} (see SCHEMA.md). Otherwise reads text on standard input and prints a
table, resolving against --published (YYYY-MM-DD or RFC 3339) when given.

  --prefer P   direction for expressions the text does not fix (default: tense)
  --strict     stop at the first bad input line (default: warn and skip it)

exit status: 0 success, 2 usage error, 3 input error";

fn main() -> ExitCode {
    let mut jsonl = Vec::new();
    let mut published = None;
    let mut prefer = Prefer::Tense;
    let mut on_bad = OnBadLine::Skip;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--jsonl" => match value("--jsonl") {
                Ok(v) => jsonl.push(v),
                Err(e) => return usage(&e, HELP),
            },
            "--published" => match value("--published").map(|v| Published::parse(&v)) {
                Ok(Ok(p)) => published = Some(p),
                Ok(Err(e)) => return usage(&e.to_string(), HELP),
                Err(e) => return usage(&e, HELP),
            },
            "--prefer" => match value("--prefer").map(|v| v.parse::<Prefer>()) {
                Ok(Ok(p)) => prefer = p,
                Ok(Err(e)) | Err(e) => return usage(&e, HELP),
            },
            "--strict" => on_bad = OnBadLine::Stop,
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            other => return usage(&format!("unexpected argument {other}"), HELP),
        }
    }
    let extractor = Extractor::new(Config::default().prefer(prefer));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());

    if jsonl.is_empty() {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("error: cannot read standard input: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                eprintln!("error: standard input: invalid UTF-8 at byte offset {at}");
                return ExitCode::from(EXIT_INPUT);
            }
        };
        let mut article = Article::new("stdin", text);
        article.published = published;
        let (timexes, diagnostics) = extractor.timexes(&article);
        for t in &timexes {
            let _ = writeln!(
                out,
                "{:>6}..{:<6} {:<9} {:<22} {}",
                t.span.start,
                t.span.end,
                t.kind.as_str(),
                t.value,
                t.text
            );
        }
        for d in diagnostics {
            eprintln!("note: {}", d.message);
        }
        return if out.flush().is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }

    let result = for_each_article(&jsonl, on_bad, |article| {
        let (timexes, _) = extractor.timexes(&article);
        let line = serde_json::json!({
            "id": article.id,
            "timexes": timexes.iter().map(|t| contract_timex(None, t)).collect::<Vec<_>>(),
        });
        let _ = writeln!(out, "{line}");
    });
    if let Err(code) = result {
        return code;
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
