//! A stable insertion sort for the engine's few short lists whose order must be
//! the stable one (a route table, a connection's SACK blocks).
//!
//! Why not `sort_by_key`: the standard stable sort (driftsort, with its quicksort
//! and small-sort networks) is ~3.5 KB of wasm per element type, and these lists
//! hold a handful of entries (issue 15, docs/size.md). A stable sort's result is
//! unique, so this gives exactly what `sort_by_key` gave.

/// Sorts `v` by `key`, keeping equal keys in their order. O(n²): for short lists.
pub(crate) fn stable_sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stable_sort_by_key;

    #[test]
    fn matches_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in 0..40 {
            let v: Vec<(u8, u32)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v);
            stable_sort_by_key(&mut ours, |e| e.0);
            std.sort_by_key(|e| e.0);
            assert_eq!(ours, std);
        }
    }
}
