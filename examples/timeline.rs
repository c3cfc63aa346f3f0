//! The main job: one deduplicated, dated timeline from JSON Lines articles.
//!
//! ```text
//! cargo run --release --example timeline                      # the embedded seed articles
//! cargo run --release --example timeline -- a.jsonl b.jsonl   # your own articles
//! cargo run --release --example timeline -- --json a.jsonl    # the SCHEMA.md JSON
//! cargo run --release --example timeline -- --blocks          # segmentation: blocks and sentences
//! ```

mod common;

use common::{for_each_article, usage, OnBadLine};
use std::io::Write;
use std::process::ExitCode;
use storyline::{output, text, Extractor, TimelineBuilder};

const HELP: &str = "usage: timeline [--json] [--blocks] [--strict] [FILE.jsonl ...]

Reads articles as JSON Lines (one {\"id\", \"published\", \"text\"} object per line; `-`
is standard input) and prints one deduplicated timeline. With no FILE, runs on the
five seed articles embedded in the crate.

  --json     print the timeline as JSON (events and timexes, see SCHEMA.md)
  --blocks   print each article's blocks with their tags, and its sentences
  --strict   stop at the first bad input line (default: warn and skip it)
  -h, --help this text

exit status: 0 success, 2 usage error, 3 input error";

fn main() -> ExitCode {
    let mut json = false;
    let mut blocks = false;
    let mut on_bad = OnBadLine::Skip;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--blocks" => blocks = true,
            "--strict" => on_bad = OnBadLine::Stop,
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => return usage(&format!("unknown option {s}"), HELP),
            _ => paths.push(arg),
        }
    }

    let extractor = Extractor::default();
    let mut builder = TimelineBuilder::new(&extractor);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = for_each_article(&paths, on_bad, |article| {
        if blocks {
            print_blocks(&mut out, &article.id, &article.text);
        } else {
            builder.add(&article);
        }
    });
    let skipped = match result {
        Ok(n) => n,
        Err(code) => return code,
    };
    if !blocks {
        let timeline = builder.build();
        if json {
            match serde_json::to_string_pretty(&output::json::contract(&timeline)) {
                Ok(s) => {
                    let _ = writeln!(out, "{s}");
                }
                Err(e) => {
                    eprintln!("error: cannot serialize the timeline: {e}");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            let _ = write!(out, "{}", output::table::render(&timeline));
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if skipped > 0 {
        eprintln!("warning: {skipped} input line(s) skipped");
    }
    ExitCode::SUCCESS
}

fn print_blocks(out: &mut impl Write, id: &str, article_text: &str) {
    let doc = text::segment(article_text);
    let _ = writeln!(out, "== article {id}");
    for block in doc.blocks() {
        let _ = writeln!(
            out,
            "[{}] {}..{}",
            block.kind.as_str(),
            block.span.start,
            block.span.end
        );
        for sentence in &doc.sentences()[block.sentences.clone()] {
            let _ = writeln!(out, "    | {}", doc.slice(sentence.span));
        }
    }
}
