//! Helpers shared by the tool tests: scratch directories and running the
//! real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A fresh scratch directory for this test process.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kryo5-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `kryo5 args...`.
pub(crate) fn kryo5(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kryo5"))
        .args(args)
        .output()
        .expect("the kryo5 binary runs")
}
