//! One text, zoned and described, as a [`Document`].

use std::borrow::Cow;

use annot_model::offsets::OffsetMap;
use annot_model::tokenize::Lang;
use annot_model::{Document, ZoneSpan};

use crate::lang::detect_lang;
use annot_model::Meta;

use crate::dates::publication_date;
use crate::meta::RecordMeta;
use crate::zone::{Recurrence, ZoneKind, Zoning, zone_article};

/// Makes the document of a scraped article: zones, title, date, section,
/// byline and language (`lang` when given, else detected from the body).
///
/// `text` must already be normalised ([`crate::decode`]); `source` goes into
/// `meta.source`.
#[must_use]
pub fn article_document(
    id: &str,
    text: String,
    source: &str,
    lang: Option<Lang>,
    recurrence: Option<Recurrence<'_>>,
) -> Document {
    let zoning = zone_article(&text, recurrence);
    let lang = lang.or_else(|| detect_lang(&body_sample(&text, &zoning)));
    let meta = article_meta(&zoning, lang, source);
    let mut doc = Document::new(id, text);
    doc.meta = meta;
    doc.zones = zoning.zones;
    doc
}

/// The metadata of an article, from its zoning and language.
fn article_meta(zoning: &Zoning, lang: Option<Lang>, source: &str) -> Meta {
    Meta {
        source: Some(source.to_string()),
        title: zoning.title.clone(),
        date: zoning
            .dateline
            .as_deref()
            .and_then(|d| publication_date(d, lang)),
        section: zoning.section.clone(),
        byline: zoning.byline.clone(),
        lang: lang.map(|l| l.code().to_string()),
        extra: serde_json::Map::new(),
    }
}

/// Makes the document of a JSONL record or CSV row: one body zone over the
/// text; the record's own `lang` wins over `lang`, which wins over detection.
/// Returns a warning when the record's date cannot be read.
pub(crate) fn record_document(
    id: Option<String>,
    text: String,
    fields: RecordMeta,
    source: &str,
    lang: Option<Lang>,
) -> (Document, Option<String>) {
    let lang = if fields.meta.lang.is_some() {
        None
    } else {
        lang.or_else(|| detect_lang(&text))
    };
    let (mut meta, warning) = fields.finish(lang);
    if meta.source.is_none() {
        meta.source = Some(source.to_string());
    }
    let id = id.unwrap_or_else(|| annot_model::text_hash(&text));
    let zones = whole_text_zone(&text);
    let mut doc = Document::new(id, text);
    doc.meta = meta;
    doc.zones = zones;
    (doc, warning)
}

/// One body zone from the first to the last non-blank character.
fn whole_text_zone(text: &str) -> Vec<ZoneSpan> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    if start >= end {
        return Vec::new();
    }
    let map = OffsetMap::new(text);
    map.to_chars(start, end)
        .map(|(start, end)| ZoneSpan {
            start,
            end,
            zone: ZoneKind::Body.name().into(),
        })
        .into_iter()
        .collect()
}

/// The body's text (or the whole text when there is no body), enough to tell the language.
fn body_sample<'a>(text: &'a str, zoning: &Zoning) -> Cow<'a, str> {
    const ENOUGH: usize = 1_000;
    match zoning.body_bytes.as_slice() {
        [] => Cow::Borrowed(text),
        [only] => Cow::Borrowed(&text[only.clone()]),
        ranges => {
            let mut out = String::new();
            for r in ranges {
                out.push_str(&text[r.clone()]);
                out.push('\n');
                if out.len() >= ENOUGH {
                    break;
                }
            }
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_zone_skips_surrounding_whitespace() {
        let (doc, _) = record_document(
            None,
            "  Été.\n".into(),
            RecordMeta::default(),
            "a.jsonl",
            None,
        );
        assert_eq!(
            doc.zones,
            vec![ZoneSpan {
                start: 2,
                end: 6,
                zone: "body".into()
            }]
        );
        assert_eq!(doc.id, doc.hash);
        assert_eq!(doc.meta.source.as_deref(), Some("a.jsonl"));
    }
}
