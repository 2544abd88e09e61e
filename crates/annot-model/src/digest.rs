//! Text digests that tie records to the exact text they were made on.

/// Hex digest of a document's text: the first 128 bits of its BLAKE3 hash.
///
/// Used both as `Document::hash` and as `Record::hash`, and as the id of a
/// document that has no better one.
#[must_use]
pub fn text_hash(text: &str) -> String {
    let hash = blake3::hash(text.as_bytes());
    let bytes = hash.as_bytes();
    let mut out = String::with_capacity(32);
    for b in &bytes[..16] {
        use std::fmt::Write;
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_and_short() {
        let h = super::text_hash("abc");
        assert_eq!(h.len(), 32);
        assert_eq!(h, super::text_hash("abc"));
        assert_ne!(h, super::text_hash("abd"));
    }
}
