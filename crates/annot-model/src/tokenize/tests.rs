//! Unit tests of the tokenizer rules and the sentence splitter.

use super::*;

fn toks(text: &str, lang: Lang) -> Vec<&str> {
    let map = OffsetMap::new(text);
    tokenize(text, lang)
        .iter()
        .map(|t| {
            let (a, b) = map.to_bytes(t.start, t.end).expect("in range");
            &text[a..b]
        })
        .collect()
}

#[test]
fn smoke() {
    assert_eq!(
        toks("L'armée d'Israël", Lang::Fr),
        ["L'", "armée", "d'", "Israël"]
    );
}
