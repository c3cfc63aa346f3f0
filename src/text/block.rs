//! Lines to blocks.
//!
//! Blank lines separate paragraphs. Inside a paragraph a line starts a block of
//! its own when it is a list item ("•", "-", "*", "–", "1.", "2)") or when it is
//! a short heading-like line (no final punctuation, noticeably shorter than the
//! paragraph's longest line); the line after a heading-like line starts a block
//! too. Other lines continue the block, so a multi-line comment stays one block.
//! Pages whose paragraphs are mostly separated by single line breaks (more single
//! breaks than twice the blank separators) also cut after a line that ends a
//! sentence when the next one starts like a sentence.

use super::token::is_space;
use memchr::memchr2;

/// A block before classification.
#[derive(Clone, Debug)]
pub(crate) struct RawBlock {
    /// Trimmed extent of the block.
    pub start: usize,
    pub end: usize,
    /// Where the text proper starts, after a list marker.
    pub body: usize,
    /// Whether the block is a list item.
    pub list: bool,
    /// Number of lines.
    pub lines: u32,
    /// Whether the block is one heading-like line.
    pub heading: bool,
}

#[derive(Copy, Clone, Debug)]
struct Line {
    start: usize,
    end: usize,
    /// After the list marker, or `start`.
    body: usize,
    indent: usize,
    list: bool,
    heading: bool,
    terminal: bool,
    lower: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.start >= self.end
    }
    fn len(&self) -> usize {
        self.end - self.start
    }
}

fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (start, start);
    };
    let t1 = s.trim_start_matches(is_space);
    let a = start + (s.len() - t1.len());
    let t2 = t1.trim_end_matches(is_space);
    (a, a + t2.len())
}

/// The byte length of a list marker at the start of `line` (marker and the
/// white space after it), if there is one.
pub(crate) fn list_marker(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    let after = if matches!(
        c,
        '•' | '·'
            | '▪'
            | '◦'
            | '●'
            | '‣'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '-'
            | '*'
            | '–'
            | '—'
            | '+'
            | '✓'
            | '✔'
            | '→'
    ) {
        c.len_utf8()
    } else if c.is_ascii_digit() || c == '(' {
        // "1." "12)" "(3)" "a)" with at most three digits.
        let b = line.as_bytes();
        let mut i = usize::from(c == '(');
        let d0 = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == d0 || i - d0 > 3 {
            return None;
        }
        match b.get(i) {
            Some(b'.') if d0 == 0 => i + 1,
            Some(b')') => i + 1,
            _ => return None,
        }
    } else {
        return None;
    };
    let rest = line.get(after..)?;
    let body = rest.trim_start_matches(is_space);
    // A marker needs white space after it and text after that.
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    Some(line.len() - body.len())
}

/// Whether a line ends like a sentence (after closing quotes and brackets).
pub(crate) fn ends_terminal(line: &str) -> bool {
    let t = line.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»', '›', '*', '_']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Whether a line ends with punctuation that continues or ends a sentence.
fn ends_punct(line: &str) -> bool {
    let t = line.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»', '›', '*', '_']);
    t.ends_with([
        '.', '!', '?', '…', ',', ';', ':', '。', '！', '？', '，', '：', '；',
    ])
}

/// Whether a line looks like a heading: short, no final punctuation (a short
/// question or exclamation is allowed), not starting in lower case.
pub(crate) fn heading_like(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if first.is_lowercase() || line.len() > 220 {
        return false;
    }
    // The end first: most lines of prose end with punctuation.
    let bare = line.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»', '›']);
    let question = bare.ends_with(['?', '!']);
    if !question && ends_punct(line) {
        return false;
    }
    // ASCII white space is enough to count words for this estimate.
    let words = line.split_ascii_whitespace().count();
    if words > 25 || (question && (words > 15 || bare.ends_with("..."))) {
        return false;
    }
    // "Total dead: 192" is a line of a data table, not a heading.
    !line.match_indices(": ").any(|(at, _)| {
        line[at + 2..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The lines of a text, one at a time (`\n`, `\r\n` and `\r` end a line), so
/// that only one paragraph's lines are ever held at once.
struct Lines<'t> {
    text: &'t str,
    pos: usize,
    done: bool,
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize);

    /// The raw extent of the next line.
    fn next(&mut self) -> Option<(usize, usize)> {
        if self.done {
            return None;
        }
        let bytes = self.text.as_bytes();
        let from = self.pos;
        let nl = memchr2(b'\n', b'\r', bytes.get(from..)?).map_or(bytes.len(), |k| from + k);
        if nl >= bytes.len() {
            self.done = true;
        } else {
            self.pos = nl + 1;
            if bytes[nl] == b'\r' && bytes.get(self.pos) == Some(&b'\n') {
                self.pos += 1;
            }
        }
        Some((from, nl))
    }
}

fn lines(text: &str) -> Lines<'_> {
    Lines {
        text,
        pos: 0,
        done: false,
    }
}

/// A line with its cues; blank when it holds only white space.
fn read_line(text: &str, from: usize, to: usize) -> Line {
    let (start, end) = trim(text, from, to);
    let mut line = Line {
        start,
        end,
        body: start,
        indent: start - from,
        list: false,
        heading: false,
        terminal: false,
        lower: false,
    };
    if let Some(s) = text.get(start..end).filter(|s| !s.is_empty()) {
        let marker = list_marker(s);
        line.list = marker.is_some();
        line.body = start + marker.unwrap_or(0);
        let body = text.get(line.body..end).unwrap_or("");
        line.heading = heading_like(body);
        line.terminal = ends_terminal(body);
        line.lower = body.chars().next().is_some_and(char::is_lowercase);
    }
    line
}

/// Whether a raw line holds only white space.
fn blank(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).map_or(true, |s| s.chars().all(is_space))
}

/// Splits text into raw blocks, in order.
pub(crate) fn split_blocks(text: &str) -> Vec<RawBlock> {
    // First pass: are paragraphs mostly separated by single line breaks?
    let mut single = 0usize;
    let mut separated = 0usize;
    let mut prev_blank = true;
    let mut seen = false;
    for (from, to) in lines(text) {
        if blank(text, from, to) {
            prev_blank = true;
            continue;
        }
        if seen {
            if prev_blank {
                separated += 1;
            } else {
                single += 1;
            }
        }
        seen = true;
        prev_blank = false;
    }
    let single_mode = single > 2 * separated;

    // Second pass: one paragraph at a time.
    // Room for a block per short paragraph of news text.
    let mut blocks = Vec::with_capacity(text.len() / 128 + 4);
    let mut para: Vec<Line> = Vec::new();
    for (from, to) in lines(text) {
        let line = read_line(text, from, to);
        if line.is_blank() {
            if !para.is_empty() {
                paragraph(&para, single_mode, &mut blocks);
                para.clear();
            }
        } else {
            para.push(line);
        }
    }
    if !para.is_empty() {
        paragraph(&para, single_mode, &mut blocks);
    }
    blocks
}

fn paragraph(lines: &[Line], single_mode: bool, out: &mut Vec<RawBlock>) {
    let max = lines.iter().map(Line::len).max().unwrap_or(0);
    let short = |l: &Line| lines.len() == 1 || l.len() * 10 <= max * 7;
    let mut cur: Option<RawBlock> = None;
    // Indent of the current block's first line when it is a list item: lines
    // indented deeper continue the item (a reader comment with its byline).
    let mut item_indent: Option<usize> = None;
    for (k, l) in lines.iter().enumerate() {
        let cut = match k.checked_sub(1).and_then(|p| lines.get(p)) {
            None => true,
            Some(_) if !l.list && item_indent.is_some_and(|i| l.indent > i) => false,
            Some(p) => {
                l.list
                    || (p.heading && short(p) && !l.lower)
                    || (l.heading && short(l) && (p.terminal || p.heading))
                    || (single_mode && p.terminal && !l.lower && l.indent <= p.indent)
            }
        };
        if cut {
            item_indent = l.list.then_some(l.indent);
            out.extend(cur.take());
            cur = Some(RawBlock {
                start: l.start,
                end: l.end,
                body: l.body,
                list: l.list,
                lines: 1,
                heading: l.heading,
            });
        } else if let Some(b) = cur.as_mut() {
            b.end = l.end;
            b.lines = b.lines.saturating_add(1);
            b.heading = false;
        }
    }
    out.extend(cur);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(t: &str) -> Vec<&str> {
        split_blocks(t).iter().map(|b| &t[b.start..b.end]).collect()
    }

    #[test]
    fn paragraphs_and_lists() {
        assert_eq!(
            blocks("Title\n\nFirst para\ncontinues here.\n\n  • one\n  • two\n    more of two.\n"),
            [
                "Title",
                "First para\ncontinues here.",
                "• one",
                "• two\n    more of two."
            ]
        );
    }

    #[test]
    fn heading_lines_inside_a_paragraph() {
        assert_eq!(
            blocks("Subscribe to our newsletter\nSign up here to get the latest news delivered to your inbox every day.\n"),
            [
                "Subscribe to our newsletter",
                "Sign up here to get the latest news delivered to your inbox every day."
            ]
        );
    }

    #[test]
    fn single_line_break_pages() {
        assert_eq!(
            blocks("One sentence here.\nAnother one here.\nA third one.\n"),
            ["One sentence here.", "Another one here.", "A third one."]
        );
    }

    #[test]
    fn markers() {
        assert_eq!(list_marker("• Russia"), Some("• ".len()));
        assert_eq!(list_marker("12) Item"), Some(4));
        assert_eq!(list_marker("2019. Year"), None);
        assert_eq!(list_marker("-5 degrees"), None);
        assert_eq!(list_marker("•"), None);
    }
}
