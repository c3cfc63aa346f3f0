//! Ways to show a timeline: the evaluation contract's JSON, a text table, TimeML,
//! and a self-contained HTML page.

pub mod html;
pub mod json;
pub mod table;
pub mod timeml;
