//! The iteration order of a `java.util.concurrent.ConcurrentHashMap`,
//! computed by replaying its table on the keys' hash codes (one thread,
//! no removals).
//!
//! It differs from `HashMap`'s (see [`hash_order`](super::hash_order)) in
//! four ways: the table grows when the count *reaches* three quarters of
//! it; a resize moves a bin's nodes before its last run (the longest tail
//! going to one half) to the front of their half in reverse order; a bin
//! that would become a tree in a table under 64 buckets presizes the table
//! for twice its length (which, from 16 buckets, grows it to 128); and a
//! tree bin iterates its `first` list, where each new key goes in front.

/// `ConcurrentHashMap.TREEIFY_THRESHOLD`.
const TREEIFY_THRESHOLD: usize = 8;
/// `ConcurrentHashMap.UNTREEIFY_THRESHOLD`.
const UNTREEIFY_THRESHOLD: usize = 6;
/// `ConcurrentHashMap.MIN_TREEIFY_CAPACITY`.
const MIN_TREEIFY_CAPACITY: usize = 64;
/// `ConcurrentHashMap.MAXIMUM_CAPACITY`.
const MAX_CAPACITY: usize = 1 << 30;
/// `ConcurrentHashMap.DEFAULT_CAPACITY`.
const DEFAULT_CAPACITY: usize = 16;

/// One bin: (spread hash, key index) in iteration order.
#[derive(Clone, Default)]
struct Bin {
    nodes: Vec<(u32, usize)>,
    tree: bool,
}

struct Table {
    bins: Vec<Bin>,
    /// `sizeCtl` once the table exists: the count that triggers a resize.
    size_ctl: usize,
    count: usize,
}

/// Java's iteration order of a `new ConcurrentHashMap<>()` after putting
/// distinct keys with hash codes `hashes` in order, as indices into
/// `hashes`.
///
/// ```
/// use kryo5_core::serializers::concurrent_order::concurrent_iteration_order;
/// // "a" (97) and "b" (98) by bucket; "Aa" and "BB" (both 2112) share bucket 0.
/// assert_eq!(concurrent_iteration_order(&[98, 97, 2112, 2112]), [2, 3, 1, 0]);
/// ```
#[must_use]
pub fn concurrent_iteration_order(hashes: &[i32]) -> Vec<usize> {
    let mut t = Table {
        bins: vec![Bin::default(); DEFAULT_CAPACITY],
        size_ctl: DEFAULT_CAPACITY - (DEFAULT_CAPACITY >> 2),
        count: 0,
    };
    for (key, &h) in hashes.iter().enumerate() {
        t.put(spread(h), key);
    }
    t.bins
        .iter()
        .flat_map(|b| b.nodes.iter().map(|&(_, k)| k))
        .collect()
}

/// `ConcurrentHashMap.spread`.
fn spread(h: i32) -> u32 {
    (h as u32 ^ (h as u32 >> 16)) & 0x7fff_ffff
}

/// `ConcurrentHashMap.tableSizeFor`.
fn table_size_for(c: usize) -> usize {
    c.max(1).next_power_of_two().min(MAX_CAPACITY)
}

impl Table {
    /// `putVal` of a new key, then `addCount`.
    fn put(&mut self, hash: u32, key: usize) {
        let n = self.bins.len();
        let bin = &mut self.bins[hash as usize & (n - 1)];
        // `binCount`: the nodes already in a list bin (2 for a tree bin).
        let bin_count = if bin.tree {
            bin.nodes.insert(0, (hash, key));
            2
        } else {
            bin.nodes.push((hash, key));
            bin.nodes.len() - 1
        };
        if bin_count >= TREEIFY_THRESHOLD {
            self.treeify_bin(hash as usize & (n - 1));
        }
        self.count += 1;
        while self.count >= self.size_ctl && self.bins.len() < MAX_CAPACITY {
            self.transfer();
        }
    }

    /// `treeifyBin`: a small table grows instead.
    fn treeify_bin(&mut self, index: usize) {
        let n = self.bins.len();
        if n < MIN_TREEIFY_CAPACITY {
            self.try_presize(n << 1);
        } else {
            self.bins[index].tree = true;
        }
    }

    /// `tryPresize(size)` on an existing table.
    fn try_presize(&mut self, size: usize) {
        let c = if size >= MAX_CAPACITY >> 1 {
            MAX_CAPACITY
        } else {
            table_size_for(size + (size >> 1) + 1)
        };
        while c > self.size_ctl && self.bins.len() < MAX_CAPACITY {
            self.transfer();
        }
    }

    /// `transfer`: doubles the table, splitting each bin into its low and
    /// high halves.
    fn transfer(&mut self) {
        let n = self.bins.len();
        let mut next = vec![Bin::default(); n << 1];
        for (i, bin) in self.bins.iter().enumerate() {
            if bin.nodes.is_empty() {
                continue;
            }
            let (lo, hi) = if bin.tree {
                split_tree(bin, n)
            } else {
                split_list(bin, n)
            };
            next[i] = lo;
            next[i + n] = hi;
        }
        self.bins = next;
        self.size_ctl = (n << 1) - (n >> 1);
    }
}

/// A list bin's split: the nodes before the last run are prepended, one by
/// one, to the half they go to; the last run stays linked at the end.
fn split_list(bin: &Bin, n: usize) -> (Bin, Bin) {
    let half = |&(h, _): &(u32, usize)| h as usize & n != 0;
    let nodes = &bin.nodes;
    let last_run = (1..nodes.len())
        .rev()
        .find(|&i| half(&nodes[i]) != half(&nodes[i - 1]))
        .unwrap_or(0);
    let (mut lo, mut hi) = (Vec::new(), Vec::new());
    for node in nodes[..last_run].iter().rev() {
        if half(node) {
            hi.push(*node);
        } else {
            lo.push(*node);
        }
    }
    let run = &nodes[last_run..];
    if half(&nodes[last_run]) {
        hi.extend_from_slice(run);
    } else {
        lo.extend_from_slice(run);
    }
    let list = |nodes| Bin { nodes, tree: false };
    (list(lo), list(hi))
}

/// A tree bin's split: both halves keep the `first` order; a half of at
/// most [`UNTREEIFY_THRESHOLD`] nodes becomes a list.
fn split_tree(bin: &Bin, n: usize) -> (Bin, Bin) {
    let (hi, lo): (Vec<_>, Vec<_>) = bin.nodes.iter().partition(|&&(h, _)| h as usize & n != 0);
    let half = |nodes: Vec<(u32, usize)>| Bin {
        tree: nodes.len() > UNTREEIFY_THRESHOLD,
        nodes,
    };
    (half(lo), half(hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resize_reverses_nodes_before_the_last_run() {
        // Bin 0 of 16 holds hashes 0, 16, 32, 48 (halves lo, hi, lo, hi
        // at n = 16); the 12th key resizes to 32. The last run is just 48:
        // hi = [16 prepended before 48] = 16, 48; lo = 32, 0 (reversed).
        let mut hashes = vec![0, 16, 32, 48];
        hashes.extend((1..=8).map(|i| i * 2 + 1)); // 3, 5, ..., 17: other bins
        let order = concurrent_iteration_order(&hashes);
        let pos = |h: i32| order.iter().position(|&k| hashes[k] == h).unwrap();
        assert!(pos(32) < pos(0), "{order:?}");
        assert!(pos(16) < pos(48), "{order:?}");
    }

    #[test]
    fn nine_colliding_keys_in_a_small_table_presize_to_128() {
        // Nine keys with hash 0: treeifyBin at n = 16 presizes to 128 (the
        // bin stays a list; all nine stay in bin 0, in insertion order
        // apart from the splits).
        let hashes = [0; 9];
        let order = concurrent_iteration_order(&hashes);
        assert_eq!(order.len(), 9);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..9).collect::<Vec<_>>());
    }
}
