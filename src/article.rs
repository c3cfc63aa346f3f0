//! Articles, their publication dates, and the JSON Lines input format.
//!
//! One article per line, UTF-8, as in the evaluation contract:
//!
//! ```json
//! {"id": "003", "published": "2019-09-25", "source": "El Mundo", "text": "..."}
//! ```
//!
//! `published` may be absent or `null`; it may be a date (`2019-09-25`), a local
//! date-time (`2019-09-25T10:00:00`) or an RFC 3339 date-time whose offset is kept
//! (`2013-02-12T04:30:00-02:00`).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, Read};

/// When an article was published, at the precision its source gives.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Published {
    /// A calendar date with no time of day.
    Date(NaiveDate),
    /// A date and time with no stated offset.
    Local(NaiveDateTime),
    /// A date and time with its UTC offset, as given.
    Zoned(DateTime<FixedOffset>),
}

impl Published {
    /// The calendar date of publication, in the article's own offset.
    pub fn date(&self) -> NaiveDate {
        match self {
            Published::Date(d) => *d,
            Published::Local(dt) => dt.date(),
            Published::Zoned(dt) => dt.date_naive(),
        }
    }

    /// The local date-time of publication, if the source gives a time of day.
    pub fn datetime(&self) -> Option<NaiveDateTime> {
        match self {
            Published::Date(_) => None,
            Published::Local(dt) => Some(*dt),
            Published::Zoned(dt) => Some(dt.naive_local()),
        }
    }

    /// The UTC offset, when the source states one.
    pub fn offset(&self) -> Option<FixedOffset> {
        match self {
            Published::Zoned(dt) => Some(*dt.offset()),
            _ => None,
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or RFC 3339.
    ///
    /// ```
    /// use storyline::Published;
    /// let p = Published::parse("2013-02-12T04:30:00-02:00").unwrap();
    /// assert_eq!(p.date().to_string(), "2013-02-12");
    /// assert_eq!(p.offset().map(|o| o.local_minus_utc()), Some(-7200));
    /// assert!(Published::parse("2019-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Published, PublishedError> {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Published::Date(d));
        }
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Ok(Published::Zoned(dt));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
                return Ok(Published::Local(dt));
            }
        }
        Err(PublishedError {
            value: s.chars().take(64).collect(),
        })
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Published::Local(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S%.f")),
            Published::Zoned(dt) => write!(f, "{}", dt.to_rfc3339()),
        }
    }
}

impl From<NaiveDate> for Published {
    fn from(d: NaiveDate) -> Published {
        Published::Date(d)
    }
}

impl From<NaiveDateTime> for Published {
    fn from(dt: NaiveDateTime) -> Published {
        Published::Local(dt)
    }
}

impl From<DateTime<FixedOffset>> for Published {
    fn from(dt: DateTime<FixedOffset>) -> Published {
        Published::Zoned(dt)
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Published, D::Error> {
        let s = String::deserialize(d)?;
        Published::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A publication date that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid publication date {value:?}: expected YYYY-MM-DD or an RFC 3339 date-time")]
pub struct PublishedError {
    value: String,
}

/// One news article as scraped: headlines, bylines, comments and furniture included.
///
/// ```
/// use storyline::Article;
/// let a = Article::new("003", "Putin today received Maduro in Moscow.")
///     .with_published_str("2019-09-25")?
///     .with_source("El Mundo");
/// assert_eq!(a.published.unwrap().date().to_string(), "2019-09-25");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Any string, unique in one input.
    pub id: String,
    /// Publication date or date-time, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// The publishing site or agency, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article as scraped.
    pub text: String,
}

impl Article {
    /// An article with no publication date and no source.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            published: None,
            source: None,
            text: text.into(),
        }
    }

    /// Sets the publication date or date-time.
    pub fn with_published(mut self, published: impl Into<Published>) -> Article {
        self.published = Some(published.into());
        self
    }

    /// Parses and sets the publication date (see [`Published::parse`]).
    pub fn with_published_str(mut self, published: &str) -> Result<Article, PublishedError> {
        self.published = Some(Published::parse(published)?);
        Ok(self)
    }

    /// Sets the source name.
    pub fn with_source(mut self, source: impl Into<String>) -> Article {
        self.source = Some(source.into());
        self
    }
}

/// What went wrong reading JSON Lines; every variant says where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The reader failed.
    #[error("line {line}: read error: {source}")]
    Io {
        /// 1-based line number being read.
        line: u64,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The line is not valid UTF-8.
    #[error("line {line}: invalid UTF-8 at byte offset {byte_offset} of the input")]
    Utf8 {
        /// 1-based line number.
        line: u64,
        /// Offset of the first invalid byte from the start of the input.
        byte_offset: u64,
    },
    /// The line is not a JSON article.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// 1-based line number.
        line: u64,
        /// 1-based column within the line, as serde_json reports it.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The id was already used on an earlier line.
    #[error("line {line}: duplicate article id {id:?} (first on line {first_line})")]
    DuplicateId {
        /// 1-based line number of the repeat.
        line: u64,
        /// The repeated id.
        id: String,
        /// Where the id was first seen.
        first_line: u64,
    },
    /// The line is longer than the configured limit.
    #[error("line {line}: longer than the limit of {limit} bytes")]
    LineTooLong {
        /// 1-based line number.
        line: u64,
        /// The limit in bytes.
        limit: usize,
    },
}

impl ReadError {
    /// The 1-based line number the error is about.
    pub fn line(&self) -> u64 {
        match self {
            ReadError::Io { line, .. }
            | ReadError::Utf8 { line, .. }
            | ReadError::Json { line, .. }
            | ReadError::DuplicateId { line, .. }
            | ReadError::LineTooLong { line, .. } => *line,
        }
    }
}

/// Default limit on one JSON Lines line: 64 MiB.
pub const DEFAULT_MAX_LINE_BYTES: usize = 64 << 20;

/// Streams articles from JSON Lines, one at a time, so memory is bounded by the
/// longest line rather than the input.
///
/// A bad line yields an error naming its line number; the iterator then goes on with
/// the next line, so the caller decides whether to stop or to skip. Blank lines are
/// ignored.
///
/// ```
/// use storyline::JsonLines;
/// let input = "{\"id\":\"a\",\"published\":\"2019-09-25\",\"text\":\"Today.\"}\n\
///              not json\n\
///              {\"id\":\"b\",\"text\":\"Yesterday.\"}\n";
/// let results: Vec<_> = JsonLines::new(input.as_bytes()).collect();
/// assert!(results[0].is_ok());
/// assert_eq!(results[1].as_ref().unwrap_err().line(), 2);
/// assert_eq!(results[2].as_ref().unwrap().id, "b");
/// ```
pub struct JsonLines<R> {
    reader: R,
    line: u64,
    offset: u64,
    max_line: usize,
    seen: HashMap<String, u64>,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads from `reader`.
    pub fn new(reader: R) -> JsonLines<R> {
        JsonLines {
            reader,
            line: 0,
            offset: 0,
            max_line: DEFAULT_MAX_LINE_BYTES,
            seen: HashMap::new(),
            buf: Vec::new(),
            done: false,
        }
    }

    /// Sets the longest line accepted, in bytes.
    pub fn max_line_bytes(mut self, limit: usize) -> JsonLines<R> {
        self.max_line = limit;
        self
    }

    /// Skips the rest of an over-long line without holding it in memory.
    fn skip_rest_of_line(&mut self) -> std::io::Result<()> {
        loop {
            let (found, used) = {
                let available = self.reader.fill_buf()?;
                if available.is_empty() {
                    return Ok(());
                }
                match memchr::memchr(b'\n', available) {
                    Some(i) => (true, i + 1),
                    None => (false, available.len()),
                }
            };
            self.reader.consume(used);
            self.offset += used as u64;
            if found {
                return Ok(());
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Article, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let line = self.line;
            let start = self.offset;
            self.buf.clear();
            let limit = self.max_line as u64 + 1;
            let read = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf);
            let n = match read {
                Ok(n) => n,
                Err(source) => {
                    self.done = true;
                    return Some(Err(ReadError::Io { line, source }));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            self.offset += n as u64;
            let ended = self.buf.last() == Some(&b'\n');
            if !ended && n as u64 >= limit {
                if let Err(source) = self.skip_rest_of_line() {
                    self.done = true;
                    return Some(Err(ReadError::Io { line, source }));
                }
                return Some(Err(ReadError::LineTooLong {
                    line,
                    limit: self.max_line,
                }));
            }
            let body: &[u8] = if ended {
                &self.buf[..n - 1]
            } else {
                &self.buf[..]
            };
            let body = body.strip_suffix(b"\r").unwrap_or(body);
            let text = match std::str::from_utf8(body) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(ReadError::Utf8 {
                        line,
                        byte_offset: start + e.valid_up_to() as u64,
                    }))
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            let article: Article = match serde_json::from_str(text) {
                Ok(a) => a,
                Err(e) => {
                    return Some(Err(ReadError::Json {
                        line,
                        column: e.column(),
                        message: e.to_string(),
                    }))
                }
            };
            if let Some(&first_line) = self.seen.get(&article.id) {
                return Some(Err(ReadError::DuplicateId {
                    line,
                    id: article.id,
                    first_line,
                }));
            }
            self.seen.insert(article.id.clone(), line);
            return Some(Ok(article));
        }
    }
}

/// Reads every article of a JSON Lines input, stopping at the first bad line.
///
/// Use [`JsonLines`] to stream, or to skip bad lines instead.
pub fn read_jsonl<R: BufRead>(reader: R) -> Result<Vec<Article>, ReadError> {
    JsonLines::new(reader).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        assert!(matches!(
            Published::parse("2019-09-25"),
            Ok(Published::Date(_))
        ));
        assert!(matches!(
            Published::parse("2019-09-25T10:00:00"),
            Ok(Published::Local(_))
        ));
        let z = Published::parse("2013-02-12T04:30:00-02:00").unwrap();
        assert_eq!(z.to_string(), "2013-02-12T04:30:00-02:00");
        assert!(Published::parse("yesterday").is_err());
        assert!(Published::parse("9999-12-31").is_ok());
    }

    #[test]
    fn null_and_absent_published() {
        let a: Article = serde_json::from_str(r#"{"id":"x","published":null,"text":"t"}"#).unwrap();
        assert_eq!(a.published, None);
        let b: Article = serde_json::from_str(r#"{"id":"x","text":"t"}"#).unwrap();
        assert_eq!(b.published, None);
        let bad =
            serde_json::from_str::<Article>(r#"{"id":"x","published":"2019-13-01","text":"t"}"#);
        assert!(bad
            .unwrap_err()
            .to_string()
            .contains("invalid publication date"));
    }

    #[test]
    fn errors_name_their_line_and_nothing_is_lost() {
        let input = b"{\"id\":\"a\",\"text\":\"one\"}\n\n{\"id\":\"a\",\"text\":\"two\"}\n{\"id\":\"b\",\"text\":\"t\xff\"}\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"four\"}";
        let got: Vec<_> = JsonLines::new(&input[..]).collect();
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        match &got[1] {
            Err(ReadError::DuplicateId {
                line: 3,
                first_line: 1,
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
        match &got[2] {
            Err(ReadError::Utf8 {
                line: 4,
                byte_offset,
            }) => assert_eq!(input[*byte_offset as usize], 0xff),
            other => panic!("{other:?}"),
        }
        let json_err = got[3].as_ref().unwrap_err();
        assert_eq!(json_err.line(), 5);
        assert!(json_err.to_string().contains("text"), "{json_err}");
        assert_eq!(got[4].as_ref().unwrap().id, "d");
    }

    #[test]
    fn long_lines_are_refused_and_skipped() {
        let input = format!(
            "{{\"id\":\"a\",\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"ok\"}}\n",
            "x".repeat(100)
        );
        let got: Vec<_> = JsonLines::new(input.as_bytes())
            .max_line_bytes(50)
            .collect();
        assert!(matches!(
            got[0],
            Err(ReadError::LineTooLong { line: 1, limit: 50 })
        ));
        assert_eq!(got[1].as_ref().unwrap().id, "b");
        assert_eq!(got.len(), 2);
    }
}
