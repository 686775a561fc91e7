//! The iteration order of a `java.util.HashMap` (and so of a `HashSet`),
//! computed by replaying Java's table on the keys' hash codes.
//!
//! Java iterates a `HashMap` bucket by bucket (bucket = spread hash &
//! (capacity - 1)); inside a bucket, a list bin keeps insertion order
//! (resizes split a bin into two without reordering), and a bin of nine or
//! more colliding keys in a table of at least 64 buckets becomes a
//! red-black tree whose linked order is changed by each insertion (the new
//! node follows its tree parent, the root moves to the front). So the order
//! depends on the keys' hash codes, the order they were put in, the
//! table's capacity history, and for tree bins on `compareTo`. This module
//! replays exactly that: capacity 16 and load factor 0.75 for a
//! default-constructed map (or an initial capacity), doubling resizes,
//! treeification, tree splits on resize, `putTreeVal`'s link order and the
//! red-black rebalancing that decides which node is the root.

use std::cmp::Ordering;

/// `HashMap.MAXIMUM_CAPACITY`.
const MAX_CAPACITY: i32 = 1 << 30;
/// `HashMap.TREEIFY_THRESHOLD`: a bin becomes a tree when a put makes it
/// longer than this.
const TREEIFY_THRESHOLD: usize = 8;
/// `HashMap.UNTREEIFY_THRESHOLD`: a split tree half this small becomes a
/// list again.
const UNTREEIFY_THRESHOLD: usize = 6;
/// `HashMap.MIN_TREEIFY_CAPACITY`: smaller tables resize instead.
const MIN_TREEIFY_CAPACITY: usize = 64;

const NIL: u32 = u32::MAX;

/// How the Java map was constructed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capacity {
    /// `new HashMap<>()` / `new HashSet<>()`: 16 buckets on first put.
    Default,
    /// `new HashMap<>(n)` / `new HashSet<>(n)`.
    Initial(i32),
}

/// Java would order two keys by their identity hash codes (equal hash
/// codes, not `Comparable`, in a tree bin): its order is not reproducible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unordered;

/// Java's iteration order of a `HashMap` built with `capacity` by putting
/// keys `0..hashes.len()` in order, where `hashes[i]` is key `i`'s
/// `hashCode()`, `same(a, b)` is `equals` and `compare(a, b)` is
/// [`JavaHash::java_compare`](super::java_hash::JavaHash::java_compare).
///
/// Returns, per distinct key in iteration order, the index of its first
/// put (the key Java keeps) and of its last (the value Java keeps).
///
/// # Errors
/// [`Unordered`] when Java's order depends on identity hash codes.
pub fn iteration_order(
    hashes: &[i32],
    same: impl Fn(usize, usize) -> bool,
    compare: impl Fn(usize, usize) -> Option<Ordering>,
    capacity: Capacity,
) -> Result<Vec<(usize, usize)>, Unordered> {
    let mut table = Table {
        tab: Vec::new(),
        threshold: match capacity {
            Capacity::Default => 0,
            Capacity::Initial(n) => table_size_for(n),
        },
        size: 0,
        nodes: Vec::with_capacity(hashes.len()),
        same: &same,
        compare: &compare,
    };
    for (i, &h) in hashes.iter().enumerate() {
        table.put(h ^ ((h as u32) >> 16) as i32, i as u32)?;
    }
    Ok(table.iter())
}

/// `HashMap.tableSizeFor`: the power of two at or above `cap` (at least 1).
fn table_size_for(cap: i32) -> i32 {
    let n = u32::MAX.wrapping_shr((cap.wrapping_sub(1) as u32).leading_zeros()) as i32;
    if n < 0 {
        1
    } else if n >= MAX_CAPACITY {
        MAX_CAPACITY
    } else {
        n + 1
    }
}

/// A `HashMap.Node` or `TreeNode`.
#[derive(Clone, Copy)]
struct Node {
    hash: i32,
    key: u32,
    value: u32,
    next: u32,
    tree: bool,
    prev: u32,
    parent: u32,
    left: u32,
    right: u32,
    red: bool,
}

struct Table<'a> {
    tab: Vec<u32>,
    threshold: i32,
    size: usize,
    nodes: Vec<Node>,
    same: &'a dyn Fn(usize, usize) -> bool,
    compare: &'a dyn Fn(usize, usize) -> Option<Ordering>,
}

impl Table<'_> {
    fn n(&self, i: u32) -> &Node {
        &self.nodes[i as usize]
    }
    fn m(&mut self, i: u32) -> &mut Node {
        &mut self.nodes[i as usize]
    }
    fn index(&self, hash: i32) -> usize {
        hash as u32 as usize & (self.tab.len() - 1)
    }

    fn new_node(&mut self, hash: i32, key: u32, next: u32) -> u32 {
        self.nodes.push(Node {
            hash,
            key,
            value: key,
            next,
            tree: false,
            prev: NIL,
            parent: NIL,
            left: NIL,
            right: NIL,
            red: false,
        });
        (self.nodes.len() - 1) as u32
    }

    /// Direction of `key` (hash `h`) from node `p` in a tree bin: Java's
    /// hash comparison, then `compareTo`, then (unreproducible) identity.
    fn dir(&self, h: i32, key: u32, p: u32) -> Result<Ordering, Unordered> {
        let ph = self.n(p).hash;
        if ph != h {
            return Ok(h.cmp(&ph));
        }
        match (self.compare)(key as usize, self.n(p).key as usize) {
            Some(Ordering::Equal) | None => Err(Unordered),
            Some(o) => Ok(o),
        }
    }

    /// `HashMap.putVal`.
    fn put(&mut self, hash: i32, key: u32) -> Result<(), Unordered> {
        if self.tab.is_empty() {
            self.resize()?;
        }
        let i = self.index(hash);
        let first = self.tab[i];
        if first == NIL {
            self.tab[i] = self.new_node(hash, key, NIL);
        } else {
            // An equal key keeps its place and takes the new value.
            let mut e = first;
            let mut last = first;
            let mut count = 0;
            while e != NIL {
                if self.n(e).hash == hash && (self.same)(self.n(e).key as usize, key as usize) {
                    self.m(e).value = key;
                    return Ok(());
                }
                last = e;
                count += 1;
                e = self.n(e).next;
            }
            if self.n(first).tree {
                self.put_tree(first, hash, key)?;
            } else {
                let x = self.new_node(hash, key, NIL);
                self.m(last).next = x;
                if count >= TREEIFY_THRESHOLD {
                    self.treeify_bin(hash)?;
                }
            }
        }
        self.size += 1;
        if self.size > self.threshold as usize {
            self.resize()?;
        }
        Ok(())
    }

    /// `HashMap.resize`: first allocation or doubling, splitting each bin
    /// into a low and a high half in order.
    fn resize(&mut self) -> Result<(), Unordered> {
        let old_cap = self.tab.len() as i32;
        let old_thr = self.threshold;
        let mut new_thr = 0;
        let new_cap;
        if old_cap > 0 {
            if old_cap >= MAX_CAPACITY {
                self.threshold = i32::MAX;
                return Ok(());
            }
            new_cap = old_cap << 1;
            if new_cap < MAX_CAPACITY && old_cap >= 16 {
                new_thr = old_thr << 1;
            }
        } else if old_thr > 0 {
            new_cap = old_thr;
        } else {
            new_cap = 16;
            new_thr = 12;
        }
        if new_thr == 0 {
            let ft = new_cap as f32 * 0.75;
            new_thr = if new_cap < MAX_CAPACITY && ft < MAX_CAPACITY as f32 {
                ft as i32
            } else {
                i32::MAX
            };
        }
        self.threshold = new_thr;
        let old = std::mem::replace(&mut self.tab, vec![NIL; new_cap as usize]);
        let bit = old_cap as u32;
        for (j, &e) in old.iter().enumerate() {
            if e == NIL {
                continue;
            }
            if self.n(e).next == NIL {
                let i = self.index(self.n(e).hash);
                self.tab[i] = e;
            } else if self.n(e).tree {
                self.split(e, j, bit)?;
            } else {
                let (lo, hi, _, _) = self.relink(e, bit, false);
                self.tab[j] = lo;
                self.tab[j + bit as usize] = hi;
            }
        }
        Ok(())
    }

    /// Splits the list from `e` by `hash & bit`, keeping order: (low head,
    /// high head, low count, high count). Tree nodes get `prev` links.
    fn relink(&mut self, mut e: u32, bit: u32, tree: bool) -> (u32, u32, usize, usize) {
        let (mut heads, mut tails, mut counts) = ([NIL; 2], [NIL; 2], [0usize; 2]);
        while e != NIL {
            let next = self.n(e).next;
            self.m(e).next = NIL;
            let side = usize::from(self.n(e).hash as u32 & bit != 0);
            if tree {
                self.m(e).prev = tails[side];
            }
            if tails[side] == NIL {
                heads[side] = e;
            } else {
                self.m(tails[side]).next = e;
            }
            tails[side] = e;
            counts[side] += 1;
            e = next;
        }
        (heads[0], heads[1], counts[0], counts[1])
    }

    /// `TreeNode.split` after a resize.
    fn split(&mut self, b: u32, index: usize, bit: u32) -> Result<(), Unordered> {
        let (lo, hi, lc, hc) = self.relink(b, bit, true);
        for (head, count, other, at) in [(lo, lc, hi, index), (hi, hc, lo, index + bit as usize)] {
            if head == NIL {
                continue;
            }
            if count <= UNTREEIFY_THRESHOLD {
                self.untreeify(head);
                self.tab[at] = head;
            } else {
                self.tab[at] = head;
                // With nothing split off, the tree stays as it was.
                if other != NIL {
                    self.treeify(head)?;
                }
            }
        }
        Ok(())
    }

    fn untreeify(&mut self, mut e: u32) {
        while e != NIL {
            self.m(e).tree = false;
            e = self.n(e).next;
        }
    }

    /// `HashMap.treeifyBin`: a small table resizes instead.
    fn treeify_bin(&mut self, hash: i32) -> Result<(), Unordered> {
        if self.tab.len() < MIN_TREEIFY_CAPACITY {
            return self.resize();
        }
        let head = self.tab[self.index(hash)];
        let (mut e, mut tail) = (head, NIL);
        while e != NIL {
            let node = self.m(e);
            node.tree = true;
            node.prev = tail;
            tail = e;
            e = node.next;
        }
        self.treeify(head)
    }

    /// `TreeNode.treeify`: builds the tree by inserting the list's nodes in
    /// order, then moves the root to the front of the bin.
    fn treeify(&mut self, head: u32) -> Result<(), Unordered> {
        let mut root = NIL;
        let mut x = head;
        while x != NIL {
            let next = self.n(x).next;
            let node = self.m(x);
            node.left = NIL;
            node.right = NIL;
            if root == NIL {
                node.parent = NIL;
                node.red = false;
                root = x;
            } else {
                let (h, key) = (self.n(x).hash, self.n(x).key);
                let (p, left) = self.descend(root, h, key)?;
                self.m(x).parent = p;
                self.attach(p, x, left);
                root = self.balance_insertion(root, x);
            }
            x = next;
        }
        self.move_root_to_front(root);
        Ok(())
    }

    /// `TreeNode.putTreeVal` for a key not in the bin: the new node is
    /// linked right after its tree parent.
    fn put_tree(&mut self, first: u32, h: i32, key: u32) -> Result<(), Unordered> {
        let mut root = first;
        while self.n(root).parent != NIL {
            root = self.n(root).parent;
        }
        let (p, left) = self.descend(root, h, key)?;
        let xpn = self.n(p).next;
        let x = self.new_node(h, key, xpn);
        {
            let node = self.m(x);
            node.tree = true;
            node.parent = p;
            node.prev = p;
        }
        self.attach(p, x, left);
        self.m(p).next = x;
        if xpn != NIL {
            self.m(xpn).prev = x;
        }
        let root = self.balance_insertion(root, x);
        self.move_root_to_front(root);
        Ok(())
    }

    /// Where a key goes in the tree from `root`: the parent-to-be and
    /// whether the key is its left child.
    fn descend(&self, root: u32, h: i32, key: u32) -> Result<(u32, bool), Unordered> {
        let mut p = root;
        loop {
            let left = self.dir(h, key, p)? == Ordering::Less;
            let child = if left {
                self.n(p).left
            } else {
                self.n(p).right
            };
            if child == NIL {
                return Ok((p, left));
            }
            p = child;
        }
    }

    /// Makes `x` the left or right child of `p`.
    fn attach(&mut self, p: u32, x: u32, left: bool) {
        if left {
            self.m(p).left = x;
        } else {
            self.m(p).right = x;
        }
    }

    /// `TreeNode.moveRootToFront`: the bin's first node is its root.
    fn move_root_to_front(&mut self, root: u32) {
        let index = self.index(self.n(root).hash);
        let first = self.tab[index];
        if root == first {
            return;
        }
        self.tab[index] = root;
        let (rp, rn) = (self.n(root).prev, self.n(root).next);
        if rn != NIL {
            self.m(rn).prev = rp;
        }
        if rp != NIL {
            self.m(rp).next = rn;
        }
        if first != NIL {
            self.m(first).prev = root;
        }
        let r = self.m(root);
        r.next = first;
        r.prev = NIL;
    }

    fn red(&self, i: u32) -> bool {
        i != NIL && self.n(i).red
    }

    /// Red-black insertion fix-up (`TreeNode.balanceInsertion`); returns
    /// the root.
    fn balance_insertion(&mut self, mut root: u32, mut x: u32) -> u32 {
        self.m(x).red = true;
        loop {
            let mut xp = self.n(x).parent;
            if xp == NIL {
                self.m(x).red = false;
                return x;
            }
            let mut xpp = self.n(xp).parent;
            if !self.n(xp).red || xpp == NIL {
                return root;
            }
            let xppl = self.n(xpp).left;
            let parent_is_left = xp == xppl;
            let uncle = if parent_is_left {
                self.n(xpp).right
            } else {
                xppl
            };
            if self.red(uncle) {
                self.m(uncle).red = false;
                self.m(xp).red = false;
                self.m(xpp).red = true;
                x = xpp;
                continue;
            }
            let inner = if parent_is_left {
                self.n(xp).right
            } else {
                self.n(xp).left
            };
            if x == inner {
                x = xp;
                root = self.rotate(root, x, parent_is_left);
                xp = self.n(x).parent;
                xpp = if xp == NIL { NIL } else { self.n(xp).parent };
            }
            if xp != NIL {
                self.m(xp).red = false;
                if xpp != NIL {
                    self.m(xpp).red = true;
                    root = self.rotate(root, xpp, !parent_is_left);
                }
            }
        }
    }

    /// `rotateLeft` (`left`) or `rotateRight` around `p`; returns the root.
    fn rotate(&mut self, mut root: u32, p: u32, left: bool) -> u32 {
        if p == NIL {
            return root;
        }
        let pivot = if left {
            self.n(p).right
        } else {
            self.n(p).left
        };
        if pivot == NIL {
            return root;
        }
        let inner = if left {
            self.n(pivot).left
        } else {
            self.n(pivot).right
        };
        if left {
            self.m(p).right = inner;
        } else {
            self.m(p).left = inner;
        }
        if inner != NIL {
            self.m(inner).parent = p;
        }
        let pp = self.n(p).parent;
        self.m(pivot).parent = pp;
        if pp == NIL {
            root = pivot;
            self.m(pivot).red = false;
        } else if self.n(pp).left == p {
            self.m(pp).left = pivot;
        } else {
            self.m(pp).right = pivot;
        }
        if left {
            self.m(pivot).left = p;
        } else {
            self.m(pivot).right = p;
        }
        self.m(p).parent = pivot;
        root
    }

    /// Bucket by bucket, each bin in its linked order.
    fn iter(&self) -> Vec<(usize, usize)> {
        let mut order = Vec::with_capacity(self.size);
        for &head in &self.tab {
            let mut e = head;
            while e != NIL {
                let n = self.n(e);
                order.push((n.key as usize, n.value as usize));
                e = n.next;
            }
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(hashes: &[i32]) -> Vec<usize> {
        iteration_order(
            hashes,
            |a, b| a == b,
            |a, b| Some(a.cmp(&b)),
            Capacity::Default,
        )
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect()
    }

    #[test]
    fn table_sizes_match_java() {
        assert_eq!(table_size_for(0), 1);
        assert_eq!(table_size_for(1), 1);
        assert_eq!(table_size_for(2), 2);
        assert_eq!(table_size_for(3), 4);
        assert_eq!(table_size_for(17), 32);
        assert_eq!(table_size_for(i32::MAX), MAX_CAPACITY);
    }

    #[test]
    fn small_integer_keys_iterate_in_numeric_order() {
        assert_eq!(order(&[5, 3, 9, 0]), [3, 1, 0, 2]);
    }

    #[test]
    fn collisions_keep_insertion_order_and_resizes_split_in_order() {
        // 1, 17 and 33 share bucket 1 of 16; after growing to 32 buckets
        // 17 moves to bucket 17 while 1 and 33 stay together in order.
        let mut hashes = vec![33, 1, 17];
        assert_eq!(order(&hashes), [0, 1, 2]);
        hashes.extend(100..111); // 14 keys: resize to 32
        let o = order(&hashes);
        assert_eq!(&o[..2], &[0, 1]);
        assert!(o.iter().position(|&k| k == 2) > o.iter().position(|&k| k == 1));
    }

    #[test]
    fn duplicate_keys_keep_first_position_and_last_value() {
        let o = iteration_order(
            &[7, 3, 7],
            |a, b| [7, 3, 7][a] == [7, 3, 7][b],
            |_, _| None,
            Capacity::Default,
        )
        .unwrap();
        assert_eq!(o, [(1, 1), (0, 2)]);
    }

    #[test]
    fn identity_tie_breaks_are_reported() {
        // Nine equal hashes in a 64-bucket table, not comparable.
        let mut hashes: Vec<i32> = (0..60).map(|i| i * 64 + 1).collect();
        hashes.extend([5; 9]);
        let r = iteration_order(&hashes, |a, b| a == b, |_, _| None, Capacity::Initial(64));
        assert_eq!(r, Err(Unordered));
    }
}
