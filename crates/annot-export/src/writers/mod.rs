//! Writers: one file format each, behind [`Writer`].
//!
//! A writer gets the documents of one split in id order, one [`Example`] at a
//! time, and writes each to the split's stream as it comes (constant memory).
//! A format whose file is not a stream of records (spaCy's DocBin: one
//! msgpack map whose lengths come first, then zlib) keeps what it needs
//! between [`Writer::write`] calls (in temporary files) and writes the file
//! in [`Writer::finish`]; one that writes a directory per split (brat) is
//! given the split's temporary directory by [`writer`]; one that writes files
//! beside the splits (`labels.json`) returns them from [`side_files`]. To add
//! a format, add a module here, a [`Format`] variant, and a line in [`writer`].

mod brat;
mod conll;
mod csv;
mod hf;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
pub mod spacy;

use std::collections::BTreeMap;
use std::io::{self, Write};

use annot_model::offsets::OffsetMap;
use annot_model::tokenize::Token;
use annot_model::{Meta, Schema};
use serde::Serialize;

use crate::config::{Format, Scheme};
use crate::preflight::AlignedSpan;

/// One document as the writers see it: the written text, its tokens and aligned spans.
#[derive(Debug, Clone, Copy)]
pub struct Example<'a> {
    /// Document id.
    pub id: &'a str,
    /// The written text (the kept zones, joined).
    pub text: &'a str,
    /// Offsets of `text`.
    pub map: &'a OffsetMap,
    /// Tokens of `text` (no white-space tokens), code point offsets.
    pub tokens: &'a [Token],
    /// Sentences of `text`.
    pub sentences: &'a [Token],
    /// Spans, sorted, token-aligned (and without overlaps for token-tag formats).
    pub spans: &'a [AlignedSpan],
    /// Document labels: layer -> values.
    pub labels: &'a BTreeMap<String, Vec<String>>,
    /// Document metadata.
    pub meta: &'a Meta,
    /// Whether spans carry the annotators who had them (several annotators combined).
    pub provenance: bool,
    /// Whether a record decided the document (false for one written by
    /// `--include-unannotated` that nobody decided: its spans are unknown, not none).
    pub decided: bool,
}

impl Example<'_> {
    /// `text[start:end]` in code points (empty when out of range, which aligned offsets never are).
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.map
            .to_bytes(start, end)
            .and_then(|(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }
}

/// A token as spaCy has it: a word of the project tokenizer, or the white
/// space between two words when it is more than the one space `ws` says.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct SpacyToken<'a> {
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) id: usize,
    pub(crate) ws: bool,
}

/// spaCy's tokens of the example: its words, and white-space tokens where a
/// gap is more than one space (so that words and `ws` rebuild the text).
/// Returns them and the index of each word among them.
pub(crate) fn spacy_tokens<'a>(ex: &Example<'a>) -> (Vec<SpacyToken<'a>>, Vec<usize>) {
    let mut out = Vec::with_capacity(ex.tokens.len() + ex.tokens.len() / 8);
    let mut index = Vec::with_capacity(ex.tokens.len());
    let text_end = ex.map.char_len();
    let gap = |out: &mut Vec<SpacyToken<'a>>, start: usize, end: usize| {
        if start < end {
            let id = out.len();
            out.push(SpacyToken {
                text: slice(ex, start, end),
                start,
                end,
                id,
                ws: false,
            });
        }
    };
    if let Some(first) = ex.tokens.first() {
        gap(&mut out, 0, first.start);
    }
    for (i, t) in ex.tokens.iter().enumerate() {
        let next = ex.tokens.get(i + 1).map_or(text_end, |n| n.start);
        let ws = next > t.end && slice(ex, t.end, t.end + 1) == " ";
        index.push(out.len());
        let id = out.len();
        out.push(SpacyToken {
            text: slice(ex, t.start, t.end),
            start: t.start,
            end: t.end,
            id,
            ws,
        });
        gap(&mut out, t.end + usize::from(ws), next);
    }
    (out, index)
}

/// `ex.text[start:end]` in code points, borrowed from the text.
fn slice<'a>(ex: &Example<'a>, start: usize, end: usize) -> &'a str {
    ex.map
        .to_bytes(start, end)
        .and_then(|(a, b)| ex.text.get(a..b))
        .unwrap_or("")
}

/// The example's `cats`: every value of every label layer of `vocab` (its
/// [`Vocab::cat_key`]) and whether the document has it.
pub(crate) fn cats(ex: &Example<'_>, vocab: &Vocab) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for (layer, values) in &vocab.layers {
        let chosen = ex.labels.get(layer);
        for v in values {
            out.push((
                vocab.cat_key(layer, v),
                chosen.is_some_and(|c| c.contains(v)),
            ));
        }
    }
    out
}

/// Whether each token (of `ex.tokens`) starts a sentence: the first token,
/// and the first token at or after the start of each next sentence, unless
/// it is inside an entity (a sentence break never falls inside an entity:
/// the sentence goes on to the entity's end). `ents` is [`token_entities`].
pub(crate) fn sentence_starts(ex: &Example<'_>, ents: &[Option<(usize, Position)>]) -> Vec<bool> {
    let mut out = vec![false; ex.tokens.len()];
    let mut sentence = 0;
    for (i, t) in ex.tokens.iter().enumerate() {
        let mut crossed = i == 0;
        while sentence + 1 < ex.sentences.len() && ex.sentences[sentence + 1].start <= t.start {
            sentence += 1;
            crossed = true;
        }
        let inside = matches!(
            ents.get(i),
            Some(Some((_, Position::Inside | Position::Last)))
        );
        out[i] = i == 0 || (crossed && !inside);
    }
    out
}

/// Span labels and document label values in a fixed order: the schema's,
/// then any others in the order the export meets them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocab {
    /// Span labels.
    pub span_labels: Vec<String>,
    /// Document label layers and their values.
    pub layers: Vec<(String, Vec<String>)>,
}

impl Vocab {
    /// The labels of `schema`.
    #[must_use]
    pub fn from_schema(schema: &Schema) -> Self {
        Self {
            span_labels: schema.spans.labels.iter().map(|l| l.name.clone()).collect(),
            layers: schema
                .labels
                .iter()
                .map(|l| (l.name.clone(), l.values.clone()))
                .collect(),
        }
    }

    /// Adds the labels of a document the schema does not list.
    pub(crate) fn observe(
        &mut self,
        spans: &[AlignedSpan],
        labels: &BTreeMap<String, Vec<String>>,
    ) {
        for s in spans {
            if !self.span_labels.contains(&s.label) {
                self.span_labels.push(s.label.clone());
            }
        }
        for (layer, values) in labels {
            let i = match self.layers.iter().position(|(l, _)| l == layer) {
                Some(i) => i,
                None => {
                    self.layers.push((layer.clone(), Vec::new()));
                    self.layers.len() - 1
                }
            };
            for v in values {
                if !self.layers[i].1.contains(v) {
                    self.layers[i].1.push(v.clone());
                }
            }
        }
    }

    /// Index of a span label.
    #[must_use]
    pub fn label_index(&self, label: &str) -> Option<usize> {
        self.span_labels.iter().position(|l| l == label)
    }

    /// Tag names in tag-id order: `O`, then each label's prefixes (`B-PER`, `I-PER`, ...).
    #[must_use]
    pub fn tag_names(&self, scheme: Scheme) -> Vec<String> {
        let mut out = vec!["O".to_owned()];
        for l in &self.span_labels {
            for p in scheme.prefixes() {
                out.push(format!("{p}-{l}"));
            }
        }
        out
    }

    /// The `cats` key of a value: the value itself, or `layer:value` when
    /// another layer has a value of that name.
    #[must_use]
    pub fn cat_key(&self, layer: &str, value: &str) -> String {
        let shared = self
            .layers
            .iter()
            .filter(|(l, values)| l != layer && values.iter().any(|v| v == value))
            .count();
        if shared > 0 {
            format!("{layer}:{value}")
        } else {
            value.to_owned()
        }
    }
}

/// Where a token is in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// The entity of each token: (index into `ex.spans`, position), `None` outside.
pub(crate) fn token_entities(ex: &Example<'_>) -> Vec<Option<(usize, Position)>> {
    let mut out = vec![None; ex.tokens.len()];
    for (i, s) in ex.spans.iter().enumerate() {
        if s.token_end >= out.len() || out[s.token_start..=s.token_end].iter().any(Option::is_some)
        {
            continue;
        }
        for (t, slot) in out[s.token_start..=s.token_end].iter_mut().enumerate() {
            let t = s.token_start + t;
            *slot = Some((
                i,
                match (t == s.token_start, t == s.token_end) {
                    (true, true) => Position::Unit,
                    (true, false) => Position::Begin,
                    (false, true) => Position::Last,
                    (false, false) => Position::Inside,
                },
            ));
        }
    }
    out
}

/// The tag of every token: its prefix index into [`Scheme::prefixes`] and label, `None` for `O`.
pub(crate) fn token_tags<'e>(ex: &'e Example<'_>, scheme: Scheme) -> Vec<Option<(usize, &'e str)>> {
    tags_of(ex, &token_entities(ex), scheme)
}

/// [`token_tags`] from the [`token_entities`] already found.
pub(crate) fn tags_of<'e>(
    ex: &'e Example<'_>,
    ents: &[Option<(usize, Position)>],
    scheme: Scheme,
) -> Vec<Option<(usize, &'e str)>> {
    (0..ents.len())
        .map(|t| {
            let (span, pos) = ents[t]?;
            let label = ex.spans[span].label.as_str();
            let prefix = match scheme {
                Scheme::Iob2 => match pos {
                    Position::Begin | Position::Unit => 0,
                    Position::Inside | Position::Last => 1,
                },
                Scheme::Iob1 => {
                    let follows_same = t > 0
                        && ents[t - 1]
                            .is_some_and(|(prev, _)| prev != span && ex.spans[prev].label == label);
                    match pos {
                        Position::Begin | Position::Unit if follows_same => 0,
                        _ => 1,
                    }
                }
                Scheme::Bioes | Scheme::Bilou => match pos {
                    Position::Begin => 0,
                    Position::Inside => 1,
                    Position::Last => 2,
                    Position::Unit => 3,
                },
            };
            Some((prefix, label))
        })
        .collect()
}

/// Writes one split of one format.
pub trait Writer {
    /// Writes what comes before the first document (a CSV header, a byte-order mark).
    ///
    /// # Errors
    /// I/O errors of `out`.
    fn start(&mut self, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        let _ = (vocab, out);
        Ok(())
    }

    /// Writes one document.
    ///
    /// # Errors
    /// I/O errors of `out`.
    fn write(&mut self, ex: &Example<'_>, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()>;

    /// Writes what comes after the last document.
    ///
    /// # Errors
    /// I/O errors of `out`.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let _ = out;
        Ok(())
    }

    /// The folder the split was written as instead of its file, and the
    /// parts in it, when the split outgrew one file of its format (a spaCy
    /// split past one DocBin): the export puts it at the split's path.
    /// Asked once, after [`Writer::finish`].
    fn take_folder(&mut self) -> Option<(annot_model::atomic::TempDir, usize)> {
        None
    }
}

/// A new writer for one split of `format`; `dir` is the split's directory
/// for a format that writes one (brat), the directory its file goes into for
/// spaCy (where a folder of parts is made), unused by the others.
#[must_use]
pub fn writer(format: &Format, dir: &std::path::Path) -> Box<dyn Writer> {
    match format {
        Format::Jsonl { tokens } => Box::new(jsonl::JsonlWriter {
            tokens: *tokens,
            buf: Vec::new(),
        }),
        Format::Csv { layout, excel } => Box::new(csv::CsvWriter::new(*layout, *excel)),
        Format::Conll {
            scheme,
            docstart,
            columns,
        } => Box::new(conll::ConllWriter {
            scheme: *scheme,
            docstart: *docstart,
            columns: columns.clone(),
            buf: Vec::new(),
        }),
        Format::Hf { scheme } => Box::new(hf::HfWriter { scheme: *scheme }),
        Format::Spacy { part_tokens } => Box::new(spacy::SpacyWriter::new(*part_tokens, dir)),
        Format::Brat => Box::new(brat::BratWriter::new(dir)),
        #[cfg(feature = "parquet")]
        Format::Parquet { table, scheme } => Box::new(parquet::ParquetWriter::new(*table, *scheme)),
        #[cfg(not(feature = "parquet"))]
        Format::Parquet { .. } => Box::new(NoParquet),
    }
}

/// A new writer of `format` for a stream: as [`writer`], but brat's files
/// are lines of the output (`{"file","text"}`), not files of a directory.
#[must_use]
pub fn stream_writer(format: &Format) -> Box<dyn Writer> {
    match format {
        Format::Brat => Box::new(brat::BratWriter::lines()),
        f => writer(f, std::path::Path::new(".")),
    }
}

/// What stands for the Parquet writer in a build without it
/// ([`ExportConfig::check`](crate::ExportConfig::check) refuses before).
#[cfg(not(feature = "parquet"))]
struct NoParquet;

#[cfg(not(feature = "parquet"))]
impl Writer for NoParquet {
    fn write(&mut self, _: &Example<'_>, _: &Vocab, _: &mut dyn Write) -> io::Result<()> {
        Err(io::Error::other(
            "this annot was built without the parquet feature",
        ))
    }
}

/// The names of the files [`side_files`] writes for `format`.
#[must_use]
pub fn side_file_names(format: &Format) -> &'static [&'static str] {
    match format {
        Format::Hf { .. }
        | Format::Parquet {
            table: crate::config::ParquetTable::Hf,
            ..
        } => &["labels.json"],
        _ => &[],
    }
}

/// Files a format writes beside the splits, once the vocabulary is complete: name and bytes.
///
/// # Errors
/// Serialisation errors (none for the types used).
pub fn side_files(format: &Format, vocab: &Vocab) -> serde_json::Result<Vec<(String, Vec<u8>)>> {
    let names = side_file_names(format);
    match format {
        Format::Hf { scheme }
        | Format::Parquet {
            table: crate::config::ParquetTable::Hf,
            scheme,
        } => Ok(vec![(
            names[0].to_owned(),
            hf::labels_json(vocab, *scheme)?,
        )]),
        _ => Ok(Vec::new()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use annot_model::tokenize::{Lang, tokens_and_sentences};

    /// An example over `text` with spans given as (first token, last token, label).
    pub(crate) struct Owned {
        pub(crate) text: String,
        pub(crate) map: OffsetMap,
        pub(crate) tokens: Vec<Token>,
        pub(crate) sentences: Vec<Token>,
        pub(crate) spans: Vec<AlignedSpan>,
        pub(crate) labels: BTreeMap<String, Vec<String>>,
        pub(crate) meta: Meta,
    }

    impl Owned {
        pub(crate) fn new(text: &str, spans: &[(usize, usize, &str)]) -> Self {
            let (tokens, sentences) = tokens_and_sentences(text, Lang::Fr);
            let map = OffsetMap::new(text);
            let spans = spans
                .iter()
                .map(|&(a, b, l)| {
                    let (s, e) = (tokens[a].start, tokens[b].end);
                    let (x, y) = map.to_bytes(s, e).unwrap();
                    AlignedSpan {
                        start: s,
                        end: e,
                        label: l.into(),
                        text: text[x..y].into(),
                        token_start: a,
                        token_end: b,
                        annotators: vec!["alice".into()],
                    }
                })
                .collect();
            Self {
                text: text.into(),
                map,
                tokens,
                sentences,
                spans,
                labels: BTreeMap::from([("topic".into(), vec!["conflict".into()])]),
                meta: Meta {
                    lang: Some("fr".into()),
                    ..Meta::default()
                },
            }
        }

        pub(crate) fn example(&self) -> Example<'_> {
            Example {
                id: "d1",
                text: &self.text,
                map: &self.map,
                tokens: &self.tokens,
                sentences: &self.sentences,
                spans: &self.spans,
                labels: &self.labels,
                meta: &self.meta,
                provenance: false,
                decided: true,
            }
        }
    }

    pub(crate) fn vocab() -> Vocab {
        Vocab::from_schema(&Schema::news())
    }

    /// What `format` writes for `owned` as one split.
    pub(crate) fn written(format: &Format, owned: &Owned) -> String {
        let mut w = writer(format, std::path::Path::new("."));
        let mut out = Vec::new();
        let v = vocab();
        w.start(&v, &mut out).unwrap();
        w.write(&owned.example(), &v, &mut out).unwrap();
        w.finish(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tags_in_every_scheme() {
        // Le Hezbollah et l' armée syrienne à Boukamal .
        let o = Owned::new(
            "Le Hezbollah et l'armée syrienne à Boukamal.",
            &[(1, 1, "ORG"), (4, 5, "ORG"), (7, 7, "LOC")],
        );
        let ex = o.example();
        let show = |scheme: Scheme| -> Vec<String> {
            token_tags(&ex, scheme)
                .into_iter()
                .map(|t| t.map_or("O".into(), |(p, l)| format!("{}-{l}", scheme.prefixes()[p])))
                .collect()
        };
        assert_eq!(
            show(Scheme::Iob2),
            ["O", "B-ORG", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]
        );
        assert_eq!(
            show(Scheme::Bioes),
            ["O", "S-ORG", "O", "O", "B-ORG", "E-ORG", "O", "S-LOC", "O"]
        );
        assert_eq!(
            show(Scheme::Bilou),
            ["O", "U-ORG", "O", "O", "B-ORG", "L-ORG", "O", "U-LOC", "O"]
        );
        assert_eq!(
            show(Scheme::Iob1),
            ["O", "I-ORG", "O", "O", "I-ORG", "I-ORG", "O", "I-LOC", "O"]
        );
        let o = Owned::new("Paris Londres", &[(0, 0, "LOC"), (1, 1, "LOC")]);
        let ex = o.example();
        let iob1: Vec<Option<usize>> = token_tags(&ex, Scheme::Iob1)
            .into_iter()
            .map(|t| t.map(|(p, _)| p))
            .collect();
        assert_eq!(
            iob1,
            [Some(1), Some(0)],
            "B- only after an entity of the same label"
        );
    }

    #[test]
    fn vocab_grows_in_order_and_names_tags() {
        let mut v = vocab();
        let o = Owned::new("Ici", &[(0, 0, "EVENT")]);
        let labels = BTreeMap::from([("tone".to_owned(), vec!["conflict".to_owned()])]);
        v.observe(&o.spans, &labels);
        assert_eq!(v.label_index("EVENT"), Some(4));
        assert_eq!(&v.tag_names(Scheme::Iob2)[..3], ["O", "B-PER", "I-PER"]);
        assert_eq!(v.tag_names(Scheme::Bioes).len(), 1 + 5 * 4);
        assert_eq!(v.cat_key("topic", "conflict"), "topic:conflict");
        assert_eq!(v.cat_key("topic", "economy"), "economy");
    }
}
