//! `kryo5`: the command-line tool.
//!
//! `kryo5 demo` (the default) writes a built-in sample through every buffer
//! flavour, reads it back, and prints the bytes and the throughput.

mod demo;

use clap::{Parser, Subcommand};

/// Kryo 5 bytes from the command line.
#[derive(Parser)]
#[command(name = "kryo5", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Write and read a built-in sample through every buffer flavour,
    /// printing the bytes and the throughput.
    Demo {
        /// Records in the sample.
        #[arg(long, default_value_t = 1000)]
        records: usize,
        /// Seconds spent timing each flavour and direction.
        #[arg(long, default_value_t = 0.2)]
        seconds: f64,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Demo {
        records: 1000,
        seconds: 0.2,
    }) {
        Command::Demo { records, seconds } => demo::run(records, seconds),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kryo5: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
