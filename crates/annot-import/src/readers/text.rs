//! Scraped article text: one document a file, zoned, its id the file's stem.

use crate::article::article_document;
use crate::decode::decode_owned;
use crate::error::{ErrorKind, ImportError};
use crate::sources::Source;
use std::borrow::Cow;

use super::{Context, Event, Reader};

/// Reads a `.txt` file as one scraped article.
pub(super) struct TextReader;

impl Reader for TextReader {
    fn read(
        &self,
        src: &Source,
        cx: Context<'_>,
        emit: &mut dyn FnMut(Vec<Event>) -> bool,
    ) -> bool {
        emit(text_events(src, cx))
    }

    fn one_document_a_file(&self) -> bool {
        true
    }
}

/// The most a file's bytes can shrink by on decoding: UTF-16 `\r\n` (four
/// bytes) becomes `\n` (one). Other changes shrink less (UTF-8 `\r\n` by 2,
/// NFC composition of Hangul jamo by 3) or grow (Windows-1252).
const MAX_SHRINK: u64 = 4;

/// The events of one text file: its document (or failure) and warnings.
fn text_events(src: &Source, cx: Context<'_>) -> Vec<Event> {
    let opts = cx.opts;
    let mut events = Vec::with_capacity(2);
    let done = Event::Read {
        bytes: src.size,
        file_done: true,
    };
    // A file whose text cannot fit the limit, whatever its encoding, is not read.
    let limit = u64::try_from(opts.max_doc_bytes).unwrap_or(u64::MAX);
    let bom = 3;
    if src.size.saturating_sub(bom) > limit.saturating_mul(MAX_SHRINK) {
        let kind = ErrorKind::FileTooLarge {
            bytes: src.size,
            limit: opts.max_doc_bytes,
        };
        events.push(Event::Failure(ImportError::new(src.name(), kind).into()));
        events.push(done);
        return events;
    }
    // The name and the id from the file name, made once (each is a path
    // built and converted).
    let name = src.name();
    let file_id = src.id();
    let decoded = src
        .bytes()
        .and_then(|bytes| decode_owned(bytes, &name, opts.strict));
    match decoded {
        Err(e) => events.push(Event::Failure(e.into())),
        Ok((text, _)) if text.len() > opts.max_doc_bytes => {
            let kind = ErrorKind::TooLarge {
                bytes: text.len(),
                limit: opts.max_doc_bytes,
            };
            events.push(Event::Failure(ImportError::new(src.name(), kind).into()));
        }
        Ok(_) if bad_file_id(file_id.as_deref()).is_some() => {
            if let Some(problem) = bad_file_id(file_id.as_deref()) {
                let kind = ErrorKind::BadFileId { problem };
                events.push(Event::Failure(ImportError::new(src.name(), kind).into()));
            }
        }
        Ok((text, warning)) => {
            events.extend(warning.map(Event::Warning));
            let digest_id = file_id.is_none();
            let id = file_id.map_or_else(|| annot_model::text_hash(&text), Cow::into_owned);
            let doc = article_document(&id, text, &src.meta_source(), opts.lang, cx.recurrence);
            events.push(Event::Item {
                item: Box::new(doc.into()),
                location: name.into_owned(),
                digest_id,
            });
        }
    }
    events.push(done);
    events
}

/// What is wrong with the id a text file's name gives (`id`), if anything.
fn bad_file_id(id: Option<&str>) -> Option<String> {
    annot_model::document::check_id(id?).err()
}
