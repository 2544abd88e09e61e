//! Text digests that tie records to the exact text they were made on.

/// Hex digest of a document's text: the first 128 bits of its BLAKE3 hash.
///
/// Used both as `Document::hash` and as `Record::hash`, and as the id of a
/// document that has no better one.
#[must_use]
pub fn text_hash(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hash = blake3::hash(text.as_bytes());
    // Two hex digits a byte from a table (`write!` with `{:02x}` went
    // through the formatting machinery sixteen times a document).
    let mut out = String::with_capacity(32);
    for &b in &hash.as_bytes()[..16] {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

/// A 64-bit hash of `key` under a `domain` (so that two uses of one key do not
/// agree by construction): the first 8 bytes of BLAKE3, little-endian. The same
/// on every machine, so that jobs on different machines that decide by it decide alike.
#[must_use]
pub fn key_hash(domain: &str, key: &str) -> u64 {
    let mut h = blake3::Hasher::new();
    h.update(domain.as_bytes());
    h.update(b"\0");
    h.update(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&h.finalize().as_bytes()[..8]);
    u64::from_le_bytes(first)
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_and_short() {
        let h = super::text_hash("abc");
        assert_eq!(h.len(), 32);
        assert_eq!(h, super::text_hash("abc"));
        assert_ne!(h, super::text_hash("abd"));
        // The hex of BLAKE3's first 16 bytes, as `{:02x}` writes them.
        let want: String = blake3::hash(b"abc").as_bytes()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(h, want);
    }
}
