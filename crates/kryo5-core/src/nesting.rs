//! How deep a walk of a graph is, and how much stack it has used: the one
//! guard against hostile nesting, shared by [`Kryo`](crate::Kryo) and the
//! dynamic codec.

use crate::error::{Error, ErrorKind, Result};

/// A walk's nesting: its depth and the stack address where it started.
/// [`Nesting::enter`] fails past the depth limit or once the walk has used
/// more stack than allowed, so deep input ends in [`ErrorKind::MaxDepth`]
/// or [`ErrorKind::MaxStack`], never a stack overflow, however large the
/// frames of the types walked.
///
/// ```
/// use kryo5_core::nesting::Nesting;
/// use kryo5_core::ErrorKind;
///
/// let mut n = Nesting::default();
/// n.enter(2, 1 << 20)?;
/// n.enter(2, 1 << 20)?;
/// assert!(matches!(n.enter(2, 1 << 20).unwrap_err().kind(), ErrorKind::MaxDepth(2)));
/// assert_eq!((n.exit(), n.exit()), (1, 0));
/// # Ok::<(), kryo5_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Nesting {
    depth: u32,
    /// The stack address at depth 0.
    stack_base: usize,
}

impl Nesting {
    /// One level deeper.
    ///
    /// # Errors
    /// [`ErrorKind::MaxDepth`] at `max_depth`; [`ErrorKind::MaxStack`] when
    /// more than `max_stack` bytes of stack lie between here and the start.
    #[inline]
    pub fn enter(&mut self, max_depth: u32, max_stack: usize) -> Result<()> {
        if self.depth >= max_depth {
            return Err(Error::new(ErrorKind::MaxDepth(max_depth)));
        }
        // Where the stack is now: the address of a local. Stacks grow down
        // here (x86_64, aarch64); growing up, only the depth limit applies.
        let marker = 0u8;
        let here = std::ptr::addr_of!(marker) as usize;
        if self.depth == 0 {
            self.stack_base = here;
        } else if self.stack_base.saturating_sub(here) > max_stack {
            return Err(Error::new(ErrorKind::MaxStack {
                depth: self.depth,
                bytes: max_stack,
            }));
        }
        self.depth += 1;
        Ok(())
    }

    /// One level back up; returns the depth left.
    #[inline]
    pub fn exit(&mut self) -> u32 {
        self.depth = self.depth.saturating_sub(1);
        self.depth
    }

    /// The current depth.
    #[must_use]
    pub fn depth(&self) -> u32 {
        self.depth
    }
}
