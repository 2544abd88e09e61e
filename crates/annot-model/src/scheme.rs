//! The tag schemes of token-level files (CoNLL and the like): what an export writes
//! (`annot export --scheme`) and what an import reads (`annot import --scheme`).

/// A tag scheme of token-per-line files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scheme {
    /// IOB1 (CoNLL-2003): `I-` inside (and beginning) entities, `B-` only to begin
    /// one right after another of its label.
    Iob1,
    /// IOB2: `B-` begins every entity, `I-` continues it (the default).
    #[default]
    Iob2,
    /// BIOES: `B-` begin, `I-` inside, `E-` end, `S-` single-token entity.
    Bioes,
    /// BILOU (spaCy's): BIOES spelled `B-`, `I-`, `L-` (last), `U-` (unit).
    Bilou,
}

impl Scheme {
    /// The scheme of a name as a user gives it (`iob1`, `iob2`, `iob`, `bio`,
    /// `bioes`, `iobes`, `bilou`; any case).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "iob1" => Some(Self::Iob1),
            "iob2" | "iob" | "bio" => Some(Self::Iob2),
            "bioes" | "iobes" => Some(Self::Bioes),
            "bilou" => Some(Self::Bilou),
            _ => None,
        }
    }

    /// The lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Iob1 => "iob1",
            Self::Iob2 => "iob2",
            Self::Bioes => "bioes",
            Self::Bilou => "bilou",
        }
    }

    /// The tag prefixes used, in tag-id order after `O`.
    #[must_use]
    pub fn prefixes(self) -> &'static [&'static str] {
        match self {
            Self::Iob1 | Self::Iob2 => &["B", "I"],
            Self::Bioes => &["B", "I", "E", "S"],
            Self::Bilou => &["B", "I", "L", "U"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for s in [Scheme::Iob1, Scheme::Iob2, Scheme::Bioes, Scheme::Bilou] {
            assert_eq!(Scheme::from_name(s.as_str()), Some(s));
            assert_eq!(Scheme::from_name(&s.as_str().to_uppercase()), Some(s));
        }
        assert_eq!(Scheme::from_name("bio"), Some(Scheme::Iob2));
        assert_eq!(Scheme::from_name("iobes"), Some(Scheme::Bioes));
        assert_eq!(Scheme::from_name("bilu"), None);
    }
}
