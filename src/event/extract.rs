//! Trigger lexicons, arguments, status and time link.

use super::EventMention;
use crate::timex::Timex;
use crate::{text::Document, Config, Published};

pub(super) fn extract(
    _article_id: &str,
    _source: Option<&str>,
    _doc: &Document<'_>,
    _published: Option<&Published>,
    _timexes: &[Timex],
    _config: &Config,
) -> Vec<EventMention> {
    Vec::new()
}
