//! Scanning: find temporal expressions as unresolved pieces.
