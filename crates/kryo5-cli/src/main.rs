//! `kryo5`: the command-line tool.
//!
//! `kryo5 bench` (the default) runs the embedded sample data through the
//! engine and prints sizes and throughput. `kryo5 decode` and `kryo5
//! encode` turn Kryo bytes into JSON and back through a schema file
//! (docs/schema-format.md), one graph or a stream of them (`--many`);
//! `kryo5 inspect` prints an annotated dump of the bytes (docs/tool.md).

mod bench;
mod codec;
mod color;
mod dump;
mod inspect;
mod many;
mod progress;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Seconds `kryo5 bench` runs by default.
const DEFAULT_SECONDS: f64 = 5.0;

/// Kryo 5 bytes from the command line: benchmark the engine, decode and
/// encode graphs through a schema, inspect bytes.
#[derive(Parser)]
#[command(
    name = "kryo5",
    version,
    after_help = "With no command, runs `kryo5 bench`.

Examples:
  kryo5 bench --seconds 2
  kryo5 decode --schema media.toml media.bin
  kryo5 decode --schema media.toml --many stream.bin -o stream.jsonl
  kryo5 encode --schema media.toml --many stream.jsonl -o stream.bin
  kryo5 inspect --schema media.toml media.bin"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Write and read the embedded sample data (MediaContent, primitive,
    /// string and array families) and print bytes per item and throughput.
    #[command(after_help = "Examples:
  kryo5 bench
  kryo5 bench --seconds 20")]
    Bench {
        /// Seconds for the whole run, shared by the cases.
        #[arg(long, default_value_t = DEFAULT_SECONDS)]
        seconds: f64,
    },
    /// Print the object graph in FILE as JSON (docs/schema-format.md).
    #[command(after_help = "Examples:
  kryo5 decode --schema media.toml --root com.example.MediaContent media.bin
  kryo5 decode --schema media.toml media.bin -o media.json
  kryo5 decode --schema media.toml --many stream.bin -o stream.jsonl
  cat stream.bin | kryo5 decode --schema media.toml --many - | head")]
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
        /// With --many: print the graphs and bytes decoded and the peak
        /// resident memory (Linux) on standard error at the end.
        #[arg(long, requires = "many")]
        stats: bool,
        /// The Kryo bytes (`-`: standard input).
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
        /// The JSON form of one graph (JSON lines with --many; `-`:
        /// standard input).
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
        /// The Kryo bytes (`-`: standard input).
        file: PathBuf,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Bench {
        seconds: DEFAULT_SECONDS,
    }) {
        Command::Bench { seconds } => bench::run(seconds),
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
            stats,
            file,
            output,
        } => many::decode(&root, &file, output.as_deref(), max_graph, stats),
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
