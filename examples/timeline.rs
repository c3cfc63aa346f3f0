//! The main job: one deduplicated, dated timeline from JSON Lines articles.
//!
//! ```text
//! cargo run --release --example timeline                      # the embedded seed articles
//! cargo run --release --example timeline -- a.jsonl b.jsonl   # your own articles
//! cargo run --release --example timeline -- --json a.jsonl    # the SCHEMA.md JSON
//! cargo run --release --example timeline -- --blocks          # segmentation: blocks and sentences
//! cargo run --release --example timeline -- --html seeds.html  # a self-contained HTML page
//! cargo run --release --example timeline -- --timeml out/      # each article as TimeML 1.2
//! ```

mod common;

use common::{for_each_article, usage, OnBadLine};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline::{output, text, Article, DiagnosticKind, Extractor, TimelineBuilder};

/// Articles extracted together: enough to keep every core busy, few enough that
/// their texts stay a small part of memory.
const BATCH: usize = 256;

const HELP: &str =
    "usage: timeline [--json] [--html FILE] [--timeml DIR] [--blocks] [--strict] [FILE.jsonl ...]

Reads articles as JSON Lines (one {\"id\", \"published\", \"text\"} object per line; `-`
is standard input) and prints one deduplicated timeline. With no FILE, runs on the
five seed articles embedded in the crate.

  --json     print the timeline as JSON (events and timexes, see SCHEMA.md)
  --html FILE    also write the timeline as one self-contained HTML page
  --timeml DIR   also write each article, as it is read, as TimeML 1.2 (DIR/<id>.tml)
  --blocks   print each article's blocks with their tags, and its sentences
  --strict   stop at the first bad input line (default: warn and skip it)
  -h, --help this text

exit status: 0 success, 2 usage error, 3 input error";

fn main() -> ExitCode {
    let mut json = false;
    let mut blocks = false;
    let mut on_bad = OnBadLine::Skip;
    let mut paths = Vec::new();
    let mut html: Option<PathBuf> = None;
    let mut timeml: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--html" | "--timeml" => {
                let Some(value) = args.next() else {
                    return usage(&format!("{arg} needs a path"), HELP);
                };
                if arg == "--html" {
                    html = Some(value.into());
                } else {
                    timeml = Some(value.into());
                }
            }
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

    if let Some(dir) = &timeml {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }

    let extractor = Extractor::default();
    let mut builder = TimelineBuilder::new(&extractor);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut stems = HashSet::new();
    let mut write_failed = false;
    // Articles are extracted in bounded batches, in parallel (the `rayon` feature),
    // then pushed in input order: memory holds one batch of texts plus the
    // timeline's mentions, never the whole input.
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    // The closure borrows `write_failed`; the block ends that borrow.
    let result = {
        let mut flush = |batch: &mut Vec<Article>, builder: &mut TimelineBuilder| {
            for (article, extraction) in batch.iter().zip(extractor.extract_many(batch)) {
                if let Some(dir) = &timeml {
                    let xml = output::timeml::article_to_timeml(
                        article,
                        &extraction.record.timexes,
                        &extraction.events,
                    );
                    let path = unique_path(dir, &article.id, &mut stems);
                    if let Err(e) = std::fs::write(&path, xml) {
                        eprintln!("error: cannot write {}: {e}", path.display());
                        write_failed = true;
                    }
                }
                builder.push(extraction);
            }
            batch.clear();
        };
        let result = for_each_article(&paths, on_bad, |article| {
            if blocks {
                print_blocks(&mut out, &article.id, &article.text);
                return;
            }
            batch.push(article);
            if batch.len() == BATCH {
                flush(&mut batch, &mut builder);
            }
        });
        flush(&mut batch, &mut builder);
        result
    };
    let skipped = match result {
        Ok(n) => n,
        Err(code) => return code,
    };
    if write_failed {
        return ExitCode::FAILURE;
    }
    if !blocks {
        // Limits reached and inferred publication dates are said, so a cut article
        // never looks whole; unresolvable values stay quiet (see the timex example).
        for (id, d) in builder.diagnostics() {
            match d.kind {
                DiagnosticKind::LimitReached | DiagnosticKind::InferredPublication => {
                    eprintln!("note: article {id}: {}", d.message)
                }
                _ => {}
            }
        }
        let timeline = builder.build();
        if let Some(path) = &html {
            if let Err(e) = std::fs::write(path, output::html::render(&timeline)) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        if json {
            // Written straight to the output: no second copy of a large timeline.
            match output::json::write_contract(&mut out, &timeline) {
                Ok(()) => {
                    let _ = writeln!(out);
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

/// `DIR/<safe id>.tml`, with `-2`, `-3`... when two ids map to the same name.
fn unique_path(dir: &Path, id: &str, used: &mut HashSet<String>) -> PathBuf {
    let stem = output::timeml::file_stem(id);
    let mut name = stem.clone();
    let mut n = 1u32;
    while !used.insert(name.to_ascii_lowercase()) {
        n += 1;
        name = format!("{stem}-{n}");
    }
    dir.join(format!("{name}.tml"))
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
