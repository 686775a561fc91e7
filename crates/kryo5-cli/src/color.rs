//! ANSI colour for terminal output, dependency-free: on when asked
//! (`--color always`), or with `auto` when standard output is a terminal
//! and `NO_COLOR` is unset.

use std::io::IsTerminal;

/// `--color`: when to colour.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub(crate) enum When {
    /// When standard output is a terminal and NO_COLOR is unset.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl When {
    /// Whether output to standard output is coloured.
    pub(crate) fn on(self) -> bool {
        match self {
            When::Always => true,
            When::Never => false,
            When::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// A style of text.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Style {
    /// Offsets and headings.
    Dim,
    /// Raw bytes.
    Bytes,
    /// Field names and element labels.
    Name,
    /// Class names.
    Class,
    /// Reference markers and ids.
    Marker,
    /// Values.
    Value,
    /// Failures.
    Error,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Dim => "2",
            Style::Bytes => "36",
            Style::Name => "1",
            Style::Class => "32",
            Style::Marker => "35",
            Style::Value => "33",
            Style::Error => "1;31",
        }
    }
}

/// Paints text in styles, or leaves it plain.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Paint(pub(crate) bool);

impl Paint {
    /// `text` in `style`.
    pub(crate) fn paint(self, style: Style, text: &str) -> String {
        if self.0 && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", style.code())
        } else {
            text.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_unless_on() {
        assert_eq!(Paint(false).paint(Style::Error, "x"), "x");
        assert_eq!(Paint(true).paint(Style::Error, "x"), "\x1b[1;31mx\x1b[0m");
        assert!(!When::Never.on());
        assert!(When::Always.on());
    }
}
