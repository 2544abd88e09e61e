//! Zone names: what a part of an article is (title, lede, meta, body,
//! boilerplate), or a name a schema defines.
//!
//! A [`Zone`] is written to files as its plain name (`"zone":"body"`), so the
//! corpus and record JSON read exactly as before zones were typed. Equality,
//! order and hashing go by that name too: `Zone::Other("body".into())` is
//! [`Zone::Body`], and zones sort as their names do.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The name of a zone: one the importer knows, or one a schema defines.
#[derive(Debug, Clone)]
pub enum Zone {
    /// The headline.
    Title,
    /// The standfirst or first paragraph set apart.
    Lede,
    /// Byline, date, section and the like.
    Meta,
    /// The article text.
    Body,
    /// Navigation, share buttons, footers: what the site added around the article.
    Boilerplate,
    /// Any other name, as a schema lists it.
    Other(String),
}

impl Zone {
    /// The zones the importer recognises, in the order they come in an article.
    pub const KNOWN: [Zone; 5] = [
        Zone::Title,
        Zone::Lede,
        Zone::Meta,
        Zone::Body,
        Zone::Boilerplate,
    ];

    /// The name written to files and shown on screen.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Zone::Title => "title",
            Zone::Lede => "lede",
            Zone::Meta => "meta",
            Zone::Body => "body",
            Zone::Boilerplate => "boilerplate",
            Zone::Other(name) => name,
        }
    }

    /// The zone of a name: a known zone when it is one, else [`Zone::Other`].
    #[must_use]
    pub fn new(name: Cow<'_, str>) -> Self {
        match Self::KNOWN.iter().find(|z| z.as_str() == name) {
            Some(known) => known.clone(),
            None => Zone::Other(name.into_owned()),
        }
    }
}

impl From<&str> for Zone {
    fn from(name: &str) -> Self {
        Self::new(Cow::Borrowed(name))
    }
}

impl From<String> for Zone {
    fn from(name: String) -> Self {
        Self::new(Cow::Owned(name))
    }
}

impl std::str::FromStr for Zone {
    type Err = std::convert::Infallible;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(name))
    }
}

impl AsRef<str> for Zone {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, not `write_str`, so width and alignment work as they did on strings.
        f.pad(self.as_str())
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Zone {}

impl PartialEq<str> for Zone {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Zone {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Hash for Zone {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Zone {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Zone {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = Cow::<'de, str>::deserialize(deserializer)?;
        Ok(Self::new(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_known_names_are_known() {
        for z in Zone::KNOWN {
            let json = serde_json::to_string(&z).unwrap();
            assert_eq!(json, format!("\"{}\"", z.as_str()));
            assert!(!matches!(
                serde_json::from_str::<Zone>(&json).unwrap(),
                Zone::Other(_)
            ));
        }
        let caption: Zone = serde_json::from_str("\"caption\"").unwrap();
        assert_eq!(caption, Zone::Other("caption".into()));
        assert_eq!(serde_json::to_string(&caption).unwrap(), "\"caption\"");
        assert_eq!(Zone::from("body"), Zone::Body);
        assert_eq!(Zone::Other("body".into()), Zone::Body);
        assert_eq!(Zone::Body, "body");
        assert_eq!(format!("[{:>6}]", Zone::Meta), "[  meta]");
    }

    #[test]
    fn zones_sort_by_name() {
        let mut zones = [
            Zone::Title,
            Zone::Body,
            Zone::Other("aside".into()),
            Zone::Lede,
        ];
        zones.sort();
        let names: Vec<&str> = zones.iter().map(Zone::as_str).collect();
        assert_eq!(names, ["aside", "body", "lede", "title"]);
    }
}
