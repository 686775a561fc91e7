//! A progress bar on standard error for long runs over large files: shown
//! only when standard error is a terminal and the input is large.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Inputs smaller than this finish too fast to need a bar.
const LARGE: u64 = 64 << 20;

/// Bytes done of a known total; a no-op when hidden.
pub(crate) struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for `total` bytes, if worth showing.
    pub(crate) fn new(total: u64) -> Progress {
        if total < LARGE || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Progress(Some(bar))
    }

    /// `done` bytes are processed.
    pub(crate) fn set(&self, done: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(done);
        }
    }

    /// Clears the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
