//! Near misses: a bounded edit distance for "did you mean ...?".

/// The optimal-string-alignment distance between `a` and `b` (insertions,
/// deletions, substitutions and swaps of two neighbours each cost one), or
/// `None` when it is more than `bound`.
#[must_use]
pub(crate) fn distance(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let w = b.len() + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut row = vec![0usize; w];
    for i in 1..=a.len() {
        row[0] = i;
        let mut low = row[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            row[j] = d;
            low = low.min(d);
        }
        if low > bound {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[b.len()];
    (d <= bound).then_some(d)
}

/// The one of `names` that `typed` nearly is (one edit, or two for names of
/// six letters or more), compared without case; `None` when it is one of
/// them exactly or near none.
#[must_use]
pub(crate) fn near_miss<'a>(
    typed: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let t: Vec<char> = typed.to_lowercase().chars().collect();
    let bound = if t.len() >= 6 { 2 } else { 1 };
    let mut best: Option<(usize, &str)> = None;
    for name in names {
        let n: Vec<char> = name.to_lowercase().chars().collect();
        if n == t {
            return None;
        }
        if let Some(d) = distance(&t, &n, bound)
            && best.is_none_or(|(b, _)| d < b)
        {
            best = Some((d, name));
        }
    }
    best.map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        distance(&a, &b, 3)
    }

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(d("topci", "topic"), Some(1));
        assert_eq!(d("LCO", "LOC"), Some(1));
        assert_eq!(d("kerbrean", "kerbraen"), Some(1));
        assert_eq!(d("abc", "abc"), Some(0));
        assert_eq!(d("marseille", "kerbrean"), None);
    }

    #[test]
    fn near_miss_names_the_closest_and_not_an_exact_name() {
        assert_eq!(near_miss("topci", ["topic", "genre"]), Some("topic"));
        assert_eq!(near_miss("LCO", ["PER", "ORG", "LOC"]), Some("LOC"));
        assert_eq!(near_miss("LOC", ["PER", "ORG", "LOC"]), None);
        assert_eq!(near_miss("Paris", ["PER", "ORG", "LOC"]), None);
    }
}
