//! Byte spans into an article's text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range `[start, end)` of UTF-8 byte offsets into an article's text.
///
/// Every value the crate extracts carries spans like this one as its evidence, so a
/// reader can always go back to the words that support it.
///
/// ```
/// use storyline::Span;
/// let text = "Ms. Berg arrived yesterday.";
/// let span = Span::new(17, 26);
/// assert_eq!(span.slice(text), Some("yesterday"));
/// ```
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive). `end` is raised to `start` if smaller.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or `None` when it is out of bounds or not on char
    /// boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// The span as a `Range`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
