//! The examples as a user runs them (issue 7): a bad input line is reported with its
//! line number and its problem and skipped, with every good article before and
//! after it kept (the documented default); `--strict` stops at it instead; invalid
//! UTF-8 names its byte offset; a missing file names its path; usage errors and
//! input errors have distinct exit codes (2 and 3).
//!
//! The examples are built once (`cargo build --example ...`), then run directly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const EXIT_USAGE: i32 = 2;
const EXIT_INPUT: i32 = 3;

struct Examples {
    timeline: PathBuf,
    timex: PathBuf,
}

/// Builds both examples once, and finds their executables from cargo's own report.
fn examples() -> &'static Examples {
    static BUILT: OnceLock<Examples> = OnceLock::new();
    BUILT.get_or_init(|| {
        let out = Command::new(env!("CARGO"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "build",
                "--quiet",
                "--example",
                "timeline",
                "--example",
                "timex",
                "--message-format=json",
            ])
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "building the examples failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut found = (None, None);
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let name = msg["target"]["name"].as_str();
            let exe = msg["executable"].as_str().map(PathBuf::from);
            match name {
                Some("timeline") if exe.is_some() => found.0 = exe,
                Some("timex") if exe.is_some() => found.1 = exe,
                _ => {}
            }
        }
        Examples {
            timeline: found.0.expect("cargo reports the timeline example"),
            timex: found.1.expect("cargo reports the timex example"),
        }
    })
}

/// A file in the temp directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("storyline-cli-{}-{name}.jsonl", std::process::id()));
        std::fs::write(&path, bytes).expect("temp file written");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run(exe: &Path, args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(exe).args(args).output().expect("example runs");
    (
        status.code().expect("exited, not killed"),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// The ids of the `timex --jsonl` output lines, in order.
fn timex_ids(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("each output line is JSON");
            v["id"].as_str().expect("each line has an id").to_owned()
        })
        .collect()
}

/// The ids `timeline --blocks` prints, in order.
fn block_ids(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("== article "))
        .collect()
}

const GOOD_A: &str =
    r#"{"id": "a", "published": "2011-03-04", "text": "The minister arrived yesterday."}"#;
const GOOD_B: &str = r#"{"id": "b", "text": "Officials met on Monday."}"#;
const GOOD_C: &str = r#"{"id": "c", "published": "2011-03-05", "text": "Talks end today."}"#;

#[test]
fn bad_lines_are_named_and_skipped_and_nothing_else_is_lost() {
    let input = format!(
        "{GOOD_A}\n{{\"id\": \"x\", \"text\": oops}}\n{GOOD_B}\n{{\"id\": \"a\", \"text\": \"again\"}}\n\n{GOOD_C}\n"
    );
    let file = TempFile::new("malformed", input.as_bytes());
    let ex = examples();

    let (code, stdout, stderr) = run(&ex.timex, &["--jsonl", file.path()]);
    assert_eq!(code, 0, "a skipped line is not a failure: {stderr}");
    assert_eq!(timex_ids(&stdout), ["a", "b", "c"], "{stderr}");
    let warning = stderr
        .lines()
        .find(|l| l.contains("line 2"))
        .unwrap_or_else(|| panic!("no warning names line 2:\n{stderr}"));
    assert!(warning.contains(file.path()), "names the file: {warning}");
    assert!(
        warning.contains("expected value"),
        "names the problem: {warning}"
    );
    assert!(
        stderr.contains("line 4") && stderr.contains("duplicate article id \"a\""),
        "the repeated id on line 4 is named: {stderr}"
    );
    assert!(stderr.contains("2 input line(s) skipped") || stderr.matches("skipped").count() >= 2);

    let (code, stdout, stderr) = run(&ex.timeline, &["--blocks", file.path()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(block_ids(&stdout), ["a", "b", "c"], "{stderr}");
    assert!(
        stderr.contains("line 2") && stderr.contains("line 4"),
        "{stderr}"
    );

    let (code, stdout, stderr) = run(&ex.timeline, &["--json", file.path()]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str::<serde_json::Value>(&stdout).expect("the timeline is JSON");
}

#[test]
fn strict_stops_at_the_first_bad_line() {
    let input = format!("{GOOD_A}\nnot json\n{GOOD_B}\n");
    let file = TempFile::new("strict", input.as_bytes());
    let (code, stdout, stderr) = run(&examples().timex, &["--strict", "--jsonl", file.path()]);
    assert_eq!(code, EXIT_INPUT, "{stderr}");
    assert!(stderr.contains("line 2"), "{stderr}");
    assert_eq!(timex_ids(&stdout), ["a"], "the good line before is printed");
    let (code, _, stderr) = run(&examples().timeline, &["--strict", file.path()]);
    assert_eq!(code, EXIT_INPUT, "{stderr}");
    assert!(stderr.contains("line 2"), "{stderr}");
}

#[test]
fn invalid_utf8_names_its_byte_offset() {
    let mut input = Vec::new();
    input.extend_from_slice(GOOD_A.as_bytes());
    input.extend_from_slice(b"\n{\"id\": \"u\", \"text\": \"caf");
    let offset = input.len();
    input.extend_from_slice(b"\xE9\"}\n");
    input.extend_from_slice(GOOD_B.as_bytes());
    let file = TempFile::new("utf8", &input);
    let (code, stdout, stderr) = run(&examples().timex, &["--jsonl", file.path()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(timex_ids(&stdout), ["a", "b"]);
    assert!(
        stderr.contains(&format!("byte offset {offset}")) && stderr.contains("line 2"),
        "names line 2 and byte offset {offset}: {stderr}"
    );
}

#[test]
fn invalid_utf8_on_standard_input_names_its_byte_offset() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(&examples().timex)
        .args(["--published", "2011-03-04"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("example runs");
    let input = b"He left yesterday, caf\xC3\x28 closed.";
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(EXIT_INPUT), "{stderr}");
    assert!(stderr.contains("byte offset 22"), "{stderr}");
}

#[test]
fn missing_files_and_usage_errors_have_distinct_exit_codes() {
    let missing = std::env::temp_dir().join("storyline-cli-no-such-file.jsonl");
    let missing = missing.to_str().unwrap();
    let ex = examples();
    for (exe, args) in [
        (&ex.timeline, vec![missing]),
        (&ex.timex, vec!["--jsonl", missing]),
    ] {
        let (code, _, stderr) = run(exe, &args);
        assert_eq!(code, EXIT_INPUT, "missing file: {stderr}");
        assert!(stderr.contains(missing), "names the path: {stderr}");
    }
    for (exe, args) in [
        (&ex.timeline, vec!["--no-such-option"]),
        (&ex.timex, vec!["--no-such-option"]),
        (&ex.timex, vec!["--prefer", "sideways"]),
        (&ex.timex, vec!["--jsonl"]),
    ] {
        let (code, _, stderr) = run(exe, &args);
        assert_eq!(code, EXIT_USAGE, "usage error {args:?}: {stderr}");
        assert!(stderr.contains("usage:"), "shows the usage: {stderr}");
    }
    assert_ne!(EXIT_USAGE, EXIT_INPUT);
}
