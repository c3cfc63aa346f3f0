//! Settings shared by every stage, set once on a builder.

use serde::{Deserialize, Serialize};

/// How to resolve an expression whose direction the text does not fix: a bare
/// "Monday" with no verb, "March", "December 20".
///
/// ```
/// use storyline::{Config, Prefer};
/// let config = Config::default().prefer(Prefer::Future);
/// assert_eq!(config.direction(), Prefer::Future);
/// assert_eq!("nearest".parse::<Prefer>(), Ok(Prefer::Nearest));
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Prefer {
    /// Read the governing clause: future tense looks ahead, past tense looks back,
    /// a present tense in the body looks ahead for a weekday (a schedule), and the
    /// article's own day or period when nothing says otherwise. The news default.
    #[default]
    Tense,
    /// Always the last such day or month before the reference (archives).
    Past,
    /// Always the next one after the reference (the dialogue convention).
    Future,
    /// Whichever is closest to the reference.
    Nearest,
}

impl std::str::FromStr for Prefer {
    type Err = String;
    fn from_str(s: &str) -> Result<Prefer, String> {
        match s {
            "tense" => Ok(Prefer::Tense),
            "past" => Ok(Prefer::Past),
            "future" => Ok(Prefer::Future),
            "nearest" => Ok(Prefer::Nearest),
            other => Err(format!(
                "unknown direction {other:?}: expected tense, past, future or nearest"
            )),
        }
    }
}

/// Settings for extraction and merging. Build with the setters, which take and
/// return `self`.
///
/// ```
/// use storyline::Config;
/// let config = Config::default().conflict_tolerance_days(2).max_article_bytes(1 << 20);
/// assert_eq!(config.tolerance_days(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    prefer: Prefer,
    conflict_tolerance_days: i64,
    max_article_bytes: usize,
    max_expression_bytes: usize,
    min_year: i32,
    max_year: i32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            prefer: Prefer::Tense,
            conflict_tolerance_days: 1,
            max_article_bytes: 32 << 20,
            max_expression_bytes: 120,
            min_year: 1,
            max_year: 9999,
        }
    }
}

impl Config {
    /// Sets the direction policy (default [`Prefer::Tense`]).
    pub fn prefer(mut self, prefer: Prefer) -> Config {
        self.prefer = prefer;
        self
    }

    /// Sets how far apart two reports of one event may date it and still be merged
    /// as one event with a conflict (default one day). Mentions further apart never
    /// merge.
    pub fn conflict_tolerance_days(mut self, days: i64) -> Config {
        self.conflict_tolerance_days = days.clamp(0, 3650);
        self
    }

    /// Sets the largest article text processed, in bytes (default 32 MiB). Larger
    /// texts are processed up to the limit and a diagnostic says so.
    pub fn max_article_bytes(mut self, bytes: usize) -> Config {
        self.max_article_bytes = bytes;
        self
    }

    /// Sets the longest temporal expression accepted, in bytes (default 120).
    pub fn max_expression_bytes(mut self, bytes: usize) -> Config {
        self.max_expression_bytes = bytes.max(1);
        self
    }

    /// Sets the range of years a resolved value may fall in (default 1 to 9999).
    /// Values outside are reported as unresolvable.
    pub fn year_range(mut self, min: i32, max: i32) -> Config {
        self.min_year = min.clamp(1, 9999);
        self.max_year = max.clamp(self.min_year, 9999);
        self
    }

    /// The direction policy.
    pub fn direction(&self) -> Prefer {
        self.prefer
    }

    /// The conflict tolerance in days.
    pub fn tolerance_days(&self) -> i64 {
        self.conflict_tolerance_days
    }

    /// The largest article processed, in bytes.
    pub fn article_limit(&self) -> usize {
        self.max_article_bytes
    }

    /// The longest expression accepted, in bytes.
    pub fn expression_limit(&self) -> usize {
        self.max_expression_bytes
    }

    /// The accepted years, inclusive.
    pub fn years(&self) -> (i32, i32) {
        (self.min_year, self.max_year)
    }
}

/// A note about the input that did not stop extraction: a limit reached, a value
/// that could not be resolved, a publication date inferred from the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where in the article, when it is about a place in the text.
    pub span: Option<crate::Span>,
    /// What kind of note it is.
    pub kind: DiagnosticKind,
    /// A sentence that says what happened.
    pub message: String,
}

/// The kinds of [`Diagnostic`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A configured limit was reached; the text past it was not processed.
    LimitReached,
    /// An expression was found but its value could not be computed (an invalid date,
    /// a year out of range, an overflowing number).
    Unresolvable,
    /// The publication date was missing and was inferred from the text.
    InferredPublication,
}
