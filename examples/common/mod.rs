//! Input handling shared by the examples: streaming JSON Lines from files or the
//! embedded seed articles, with errors that name the file, the line and the problem.
#![allow(dead_code)]

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;
use storyline::{Article, JsonLines};

/// The five seed articles, embedded so the examples run with no arguments.
pub const SEEDS: &str = include_str!("../data/seeds.jsonl");

/// Exit code for a command line that cannot be understood.
pub const EXIT_USAGE: u8 = 2;
/// Exit code for input that cannot be read (missing file, bad line with `--strict`).
pub const EXIT_INPUT: u8 = 3;

/// How to treat a bad input line.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum OnBadLine {
    /// Warn on stderr, skip the line, go on (the default): no good article before or
    /// after it is lost.
    Skip,
    /// Stop at the first bad line with [`EXIT_INPUT`].
    Stop,
}

/// Feeds every article of `paths` (or of the embedded seeds when `paths` is empty)
/// to `each`, one at a time. Returns the number of skipped lines, or the exit code
/// to stop with.
pub fn for_each_article(
    paths: &[String],
    on_bad: OnBadLine,
    mut each: impl FnMut(Article),
) -> Result<usize, ExitCode> {
    let mut skipped = 0;
    if paths.is_empty() {
        stream(
            "embedded seeds",
            SEEDS.as_bytes(),
            on_bad,
            &mut skipped,
            &mut each,
        )?;
        return Ok(skipped);
    }
    for path in paths {
        let reader: Box<dyn BufRead> = if path == "-" {
            Box::new(BufReader::new(std::io::stdin().lock()))
        } else {
            match File::open(path) {
                Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    eprintln!("error: cannot open {path}: {e}");
                    return Err(ExitCode::from(EXIT_INPUT));
                }
            }
        };
        stream(path, reader, on_bad, &mut skipped, &mut each)?;
    }
    Ok(skipped)
}

fn stream(
    name: &str,
    reader: impl BufRead,
    on_bad: OnBadLine,
    skipped: &mut usize,
    each: &mut impl FnMut(Article),
) -> Result<(), ExitCode> {
    for item in JsonLines::new(reader) {
        match item {
            Ok(article) => each(article),
            Err(e) => {
                if on_bad == OnBadLine::Stop {
                    eprintln!("error: {name}: {e}");
                    return Err(ExitCode::from(EXIT_INPUT));
                }
                eprintln!("warning: {name}: {e}; line skipped");
                *skipped += 1;
            }
        }
    }
    Ok(())
}

/// Prints a usage error and returns its exit code.
pub fn usage(message: &str, help: &str) -> ExitCode {
    eprintln!("error: {message}\n\n{help}");
    ExitCode::from(EXIT_USAGE)
}
