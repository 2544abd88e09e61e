//! brat standoff: per split a directory of `<id>.txt` (the written text)
//! and `<id>.ann` pairs, and the `annotation.conf` that makes brat show the
//! labels.
//!
//! - `T<n>\t<LABEL> <start> <end>\t<text>` per span, offsets in code points
//!   of the `.txt` (what brat counts); a span over a line break is written
//!   as brat's fragments, `start end;start end`, its pieces joined by a space.
//! - Document labels: brat has no document-level annotation, so a document
//!   with labels gets a `Document` annotation over its first line (the
//!   title) and one `A<n>\t<layer> T<k> <value>` line per value.
//! - File names: the id itself when it is only letters, digits, `-`, `_`
//!   and `.` (not first); otherwise those characters kept, the rest `_`, and
//!   `-` and 8 hex digits of the id's BLAKE3 hash, so two ids never share a name.
//!   Labels and values with white space get `_` for it (brat names cannot hold it).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Example, Vocab, Writer};

/// The type of the annotation that carries a document's labels.
pub(crate) const DOCUMENT_TYPE: &str = "Document";

pub(crate) struct BratWriter {
    /// The split's directory; `None` for a stream, where each file is a line
    /// `{"file": NAME, "text": CONTENT}` of the output instead.
    dir: Option<PathBuf>,
    line: String,
}

/// A file of a brat export as a line of a stream (`annot stream export --format brat`).
#[derive(serde::Serialize)]
struct FileLine<'a> {
    /// Its name in the split's directory.
    file: &'a str,
    /// Its content.
    text: &'a str,
}

impl BratWriter {
    pub(crate) fn new(dir: &Path) -> Self {
        Self {
            dir: Some(dir.to_owned()),
            line: String::new(),
        }
    }

    /// The writer of a stream: the files as lines of the output.
    pub(crate) fn lines() -> Self {
        Self {
            dir: None,
            line: String::new(),
        }
    }

    /// Writes the file `name` of the split: into the directory, or as a line of `out`.
    fn file(&self, name: &str, text: &str, out: &mut dyn Write) -> io::Result<()> {
        match &self.dir {
            Some(dir) => write_file(&dir.join(name), text.as_bytes()),
            None => {
                serde_json::to_writer(&mut *out, &FileLine { file: name, text })?;
                out.write_all(b"\n")
            }
        }
    }
}

/// A file name (without extension) for document `id`.
#[must_use]
pub(crate) fn file_stem(id: &str) -> String {
    let ok = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    let safe = id.chars().all(ok) && !id.starts_with(['.', '-']) && id.len() <= 200;
    if safe {
        return id.to_owned();
    }
    let mut stem: String = id
        .chars()
        .take(100)
        .map(|c| if ok(c) { c } else { '_' })
        .collect();
    if stem.starts_with(['.', '-']) {
        stem.insert(0, '_');
    }
    let hash = blake3::hash(id.as_bytes()).to_hex();
    format!("{stem}-{}", &hash[..8])
}

/// A label as a brat type or attribute name: white space becomes `_`.
fn name(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// Writes `path` (the whole folder is put on disk once, before it is renamed
/// into place: `annot_model::atomic::sync_files_in`). Once an interrupt began,
/// no new file is made: the interrupt is removing the folder.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if annot_model::atomic::is_interrupted() {
        return Err(io::Error::new(
            io::ErrorKind::Interrupted,
            "interrupted: no new file is written",
        ));
    }
    let f = fs_err::File::create(path)?;
    let mut w = BufWriter::new(f);
    w.write_all(bytes)?;
    w.flush()
}

impl Writer for BratWriter {
    fn start(&mut self, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        let mut conf = String::from("[entities]\n");
        for l in &vocab.span_labels {
            conf.push_str(&name(l));
            conf.push('\n');
        }
        if !vocab.layers.is_empty() {
            conf.push_str(DOCUMENT_TYPE);
            conf.push('\n');
        }
        conf.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
        for (layer, values) in &vocab.layers {
            let values: Vec<String> = values.iter().map(|v| name(v)).collect();
            conf.push_str(&format!(
                "{}\tArg:{DOCUMENT_TYPE}, Value:{}\n",
                name(layer),
                values.join("|")
            ));
        }
        self.file("annotation.conf", &conf, out)
    }

    fn write(&mut self, ex: &Example<'_>, _vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        let stem = file_stem(ex.id);
        self.file(&format!("{stem}.txt"), ex.text, out)?;
        let mut ann = std::mem::take(&mut self.line);
        ann.clear();
        let mut t = 0;
        for s in ex.spans {
            t += 1;
            let mut frags = Vec::new();
            let mut piece_start = s.start;
            let text: Vec<char> = s.text.chars().collect();
            for (i, c) in text.iter().enumerate() {
                let at = s.start + i;
                if *c == '\n' || *c == '\r' {
                    if piece_start < at {
                        frags.push((piece_start, at));
                    }
                    piece_start = at + 1;
                }
            }
            if piece_start < s.end {
                frags.push((piece_start, s.end));
            }
            let offsets: Vec<String> = frags.iter().map(|(a, b)| format!("{a} {b}")).collect();
            let pieces: Vec<&str> = frags.iter().map(|(a, b)| ex.slice(*a, *b)).collect();
            ann.push_str(&format!(
                "T{t}\t{} {}\t{}\n",
                name(&s.label),
                offsets.join(";"),
                pieces.join(" ")
            ));
        }
        let first_line = ex.text.split('\n').next().unwrap_or("").trim_end();
        let has_labels = ex.labels.values().any(|v| !v.is_empty());
        if has_labels && !first_line.is_empty() {
            t += 1;
            let end = first_line.chars().count();
            ann.push_str(&format!("T{t}\t{DOCUMENT_TYPE} 0 {end}\t{first_line}\n"));
            let mut a = 0;
            for (layer, values) in ex.labels {
                for v in values {
                    a += 1;
                    ann.push_str(&format!("A{a}\t{} T{t} {}\n", name(layer), name(v)));
                }
            }
        }
        let written = self.file(&format!("{stem}.ann"), &ann, out);
        self.line = ann;
        written
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::writers::tests::{Owned, vocab};

    #[test]
    fn txt_and_ann_per_document_with_labels_on_the_title() {
        let tmp = tempfile::tempdir().unwrap();
        let o = Owned::new(
            "Été à Boukamal\n\nLe Hezbollah, à\nBoukamal.",
            &[(2, 2, "LOC"), (4, 4, "ORG")],
        );
        let mut w = BratWriter::new(tmp.path());
        let v = vocab();
        let mut sink = Vec::new();
        w.start(&v, &mut sink).unwrap();
        let mut o2 = Owned::new("Kfar  Selwan\nprivée", &[(0, 2, "LOC")]);
        o2.labels.clear();
        w.write(&o.example(), &v, &mut sink).unwrap();
        let mut ex2 = o2.example();
        ex2.id = "../a b:c";
        w.write(&ex2, &v, &mut sink).unwrap();
        assert!(sink.is_empty());
        let read = |f: &str| std::fs::read_to_string(tmp.path().join(f)).unwrap();
        assert_eq!(read("d1.txt"), o.text);
        assert_eq!(
            read("d1.ann"),
            "T1\tLOC 6 14\tBoukamal\nT2\tORG 19 28\tHezbollah\nT3\tDocument 0 14\tÉté à Boukamal\nA1\ttopic T3 conflict\n"
        );
        let stem = file_stem("../a b:c");
        assert!(stem.starts_with("_.._a_b_c-") && stem.len() == 18, "{stem}");
        assert_eq!(
            read(&format!("{stem}.ann")),
            "T1\tLOC 0 12;13 19\tKfar  Selwan privée\n",
            "a span over a line break is two fragments; no labels, no Document"
        );
        let conf = read("annotation.conf");
        assert!(conf.starts_with("[entities]\nPER\nORG\nLOC\n"), "{conf}");
        assert!(conf.contains("\ntopic\tArg:Document, Value:politics|conflict|"));
        assert_eq!(file_stem("01_fr-levant.v2"), "01_fr-levant.v2");
        assert_ne!(file_stem("a/b"), file_stem("a:b"));
    }
}
