//! Published two-coder tables that several measures' tests share.

/// Cohen (1960), p. 37: 100 units, three categories (as DKPro Statistics' Cohen1960Test gives it).
pub(crate) const COHEN_1960_P37: [(u32, u32, usize); 9] = [
    (1, 1, 25),
    (1, 2, 12),
    (1, 3, 3),
    (2, 1, 13),
    (2, 2, 2),
    (2, 3, 15),
    (3, 1, 12),
    (3, 2, 16),
    (3, 3, 2),
];

/// Cohen (1960), p. 45: 200 units, three categories.
pub(crate) const COHEN_1960_P45: [(u32, u32, usize); 9] = [
    (1, 1, 88),
    (1, 2, 14),
    (1, 3, 18),
    (2, 1, 10),
    (2, 2, 40),
    (2, 3, 10),
    (3, 1, 2),
    (3, 2, 6),
    (3, 3, 12),
];

/// Artstein & Poesio (2008), p. 558: STAT (0) / IReq (1), 100 utterances.
pub(crate) const ARTSTEIN_POESIO_1: [(u32, u32, usize); 4] =
    [(0, 0, 20), (1, 0, 20), (0, 1, 10), (1, 1, 50)];

/// Artstein & Poesio (2008), p. 568: STAT (0) / IReq (1) / Chck (2), 100 utterances.
pub(crate) const ARTSTEIN_POESIO_2: [(u32, u32, usize); 5] =
    [(0, 0, 46), (1, 0, 6), (1, 1, 32), (1, 2, 6), (2, 2, 10)];
