//! `kryo5`: the command-line tool.
//!
//! `kryo5 demo` (the default) writes a built-in sample through every buffer
//! flavour, reads it back, and prints the bytes and the throughput.
//! `kryo5 decode` and `kryo5 encode` turn Kryo bytes into JSON and back
//! through a schema file (docs/schema-format.md), one graph or a stream of
//! them (`--many`).

mod codec;
mod color;
mod demo;
mod dump;
mod inspect;
mod many;
mod progress;

use std::path::PathBuf;

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
    /// Print the object graph in FILE as JSON (docs/schema-format.md).
    #[command(after_help = "Examples:
  kryo5 decode --schema media.toml --root com.example.MediaContent media.bin
  kryo5 decode --schema media.toml media.bin -o media.json
  kryo5 decode --schema media.toml --many stream.bin -o stream.jsonl")]
    Decode {
        #[command(flatten)]
        root: codec::RootArgs,
        /// FILE holds consecutive graphs (one top-level Kryo call each):
        /// print one JSON line per graph, in constant memory.
        #[arg(long)]
        many: bool,
        /// With --many: the largest graph accepted, in MiB.
        #[arg(long, value_name = "MIB", default_value_t = 256, requires = "many")]
        max_graph: usize,
        /// The Kryo bytes.
        file: PathBuf,
        /// Where the JSON goes (standard output if not given).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the JSON form in FILE as Kryo bytes.
    #[command(after_help = "Examples:
  kryo5 encode --schema media.toml --root com.example.MediaContent media.json -o media.bin
  kryo5 encode --schema media.toml --many stream.jsonl -o stream.bin")]
    Encode {
        #[command(flatten)]
        root: codec::RootArgs,
        /// FILE holds JSON lines, one graph each: write them as consecutive
        /// graphs.
        #[arg(long)]
        many: bool,
        /// The JSON form of one graph (JSON lines with --many).
        file: PathBuf,
        /// Where the bytes go (standard output if not given).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print an annotated dump of the bytes in FILE: offset, raw bytes and
    /// meaning (class ids and names, reference markers, field names,
    /// values) as an indented tree, graph after graph.
    ///
    /// Without a schema, shows what the bytes alone reveal under Kryo's
    /// defaults (the classes every Kryo registers, ids 0-8, and classes
    /// written by name), then the rest as raw bytes.
    #[command(after_help = "Examples:
  kryo5 inspect media.bin
  kryo5 inspect --schema media.toml media.bin
  kryo5 inspect --schema media.toml --root com.example.MediaContent --color always media.bin | less -R")]
    Inspect {
        /// The schema file (TOML, docs/schema-format.md).
        #[arg(long, value_name = "S.toml")]
        schema: Option<PathBuf>,
        #[command(flatten)]
        root: codec::RootSel,
        /// When to colour the output.
        #[arg(long, value_enum, default_value_t = color::When::Auto)]
        color: color::When,
        /// The Kryo bytes.
        file: PathBuf,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Demo {
        records: 1000,
        seconds: 0.2,
    }) {
        Command::Demo { records, seconds } => {
            demo::run(records, seconds).map_err(|e| e.to_string())
        }
        Command::Decode {
            root,
            many: false,
            file,
            output,
            ..
        } => codec::decode(&root, &file, output.as_deref()),
        Command::Decode {
            root,
            many: true,
            max_graph,
            file,
            output,
        } => many::decode(&root, &file, output.as_deref(), max_graph),
        Command::Encode {
            root,
            many: false,
            file,
            output,
        } => codec::encode(&root, &file, output.as_deref()),
        Command::Encode {
            root,
            many: true,
            file,
            output,
        } => many::encode(&root, &file, output.as_deref()),
        Command::Inspect {
            schema,
            root,
            color,
            file,
        } => inspect::run(schema.as_deref(), &root, &file, color),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kryo5: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
