//! One input shared by `tests/robust_scaling.rs` (answers at a large size) and
//! `benches/robust.rs` (throughput): included by path in both.

/// One sentence of `words` words drawn from news words, triggers and date parts
/// ("met", "voted", "Monday", "three days ago", "9:30 a.m."), with a fixed seed.
pub fn long_sentence(words: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "minister",
        "met",
        "officials",
        "in",
        "capital",
        "on",
        "Monday",
        "and",
        "said",
        "talks",
        "would",
        "resume",
        "next",
        "week",
        "after",
        "she",
        "arrived",
        "yesterday",
        "from",
        "a",
        "visit",
        "three",
        "days",
        "ago",
        "announced",
        "sanctions",
        "March",
        "3",
        "voted",
        "signed",
        "at",
        "9:30",
        "a.m.",
    ];
    // xorshift: reproducible without a dependency
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut s = String::from("The");
    for _ in 0..words {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push(' ');
        s.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
    }
    s.push('.');
    s
}
