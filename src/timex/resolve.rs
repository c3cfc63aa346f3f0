//! Resolving: pieces + anchor -> TIMEX3 value, granularity, interval.

use super::{Annotation, Timex};
use crate::{text::Document, Config, Prefer, Published};
use chrono::NaiveDateTime;

pub(super) fn annotate(
    _doc: &Document<'_>,
    _published: Option<&Published>,
    _config: &Config,
) -> Annotation {
    Annotation::default()
}

pub(super) fn resolve_phrase(
    _phrase: &str,
    _reference: NaiveDateTime,
    _prefer: Prefer,
) -> Option<Timex> {
    None
}
