//! `kryo5 decode` and `kryo5 encode`: Kryo bytes to JSON and back through
//! a schema file (docs/schema-format.md), with the dynamic codec; one graph
//! per file, or a stream of them with `--many` (`many.rs`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use kryo5::dynamic::{Codec, JType, Root, Schema, json};
use kryo5::io::{Input, Output};

/// How the root was written, as in Java.
#[derive(Args, Clone, Default)]
pub(crate) struct RootSel {
    /// The root was written with `writeObject` as this class.
    #[arg(long, value_name = "CLASS", conflicts_with = "root_or_null")]
    root: Option<String>,
    /// The root was written with `writeObjectOrNull` as this class.
    #[arg(long, value_name = "CLASS")]
    root_or_null: Option<String>,
}

impl RootSel {
    /// The root's entry point (`writeClassAndObject` when no class is given).
    pub(crate) fn root(&self) -> Result<Root, String> {
        let class = |c: &str| JType::parse(c).map_err(|e| format!("--root {c:?}: {e}"));
        Ok(match (&self.root, &self.root_or_null) {
            (Some(c), _) => Root::Object(class(c)?),
            (None, Some(c)) => Root::ObjectOrNull(class(c)?),
            (None, None) => Root::ClassAndObject,
        })
    }
}

/// The schema and the root; shared by decode, encode and inspect.
#[derive(Args)]
pub(crate) struct RootArgs {
    /// The schema file (TOML, docs/schema-format.md).
    #[arg(long, value_name = "S.toml")]
    schema: PathBuf,
    #[command(flatten)]
    sel: RootSel,
}

impl RootArgs {
    pub(crate) fn codec_and_root(&self) -> Result<(Codec, Root), String> {
        Ok((load_codec(&self.schema)?, self.sel.root()?))
    }
}

/// A codec for the schema file at `path`.
pub(crate) fn load_codec(path: &Path) -> Result<Codec, String> {
    let schema = Schema::load(path).map_err(|e| e.to_string())?;
    let mut codec = Codec::new(schema);
    // The main thread's stack is 8 MiB: let deep graphs use half.
    codec.set_max_stack(4 << 20);
    Ok(codec)
}

/// Hint for bytes the schema does not read.
pub(crate) const READ_HINT: &str = "hint: check the schema's classes and registration order, and how the root was written (--root, --root-or-null, or neither for writeClassAndObject)";
/// Hint for JSON the schema does not accept.
pub(crate) const JSON_HINT: &str =
    "hint: the JSON must follow the schema (docs/schema-format.md, \"The JSON form\")";

/// A codec error as the tool prints it: what, at which byte of the file
/// (`base` is where the graph's bytes start in it), and the path through
/// the graph.
pub(crate) fn describe(e: &kryo5::Error, base: u64) -> String {
    let mut text = e.kind().to_string();
    if let Some(offset) = e.offset() {
        text += &format!(" at byte {}", base + offset);
    }
    let path: Vec<&str> = e.trace().collect();
    if !path.is_empty() {
        text += &format!(" (path: {})", path.join(" > "));
    }
    text
}

/// The input `path` names (`-`: standard input) and its size when known.
pub(crate) fn open(path: &Path) -> Result<(Box<dyn Read>, Option<u64>), String> {
    if path == Path::new("-") {
        return Ok((Box::new(std::io::stdin().lock()), None));
    }
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let len = f.metadata().ok().map(|m| m.len());
    Ok((Box::new(f), len))
}

/// All the bytes of the input `path` names (`-`: standard input).
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    open(path)?
        .0
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(bytes)
}

/// Where output goes: `path`, or standard output; buffered.
pub(crate) fn sink(path: Option<&Path>) -> Result<Box<dyn Write>, String> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        )),
    })
}

/// Decodes one graph from `file` and prints its JSON form.
pub(crate) fn decode(args: &RootArgs, file: &Path, output: Option<&Path>) -> Result<(), String> {
    let (mut codec, root) = args.codec_and_root()?;
    let bytes = read_file(file)?;
    let mut input = Input::new(&bytes);
    let value = codec
        .read(&mut input, &root)
        .map_err(|e| format!("{}: {}\n{READ_HINT}", file.display(), describe(&e, 0)))?;
    let left = bytes.len() - input.position();
    if left > 0 {
        return Err(format!(
            "{}: {left} bytes left after the graph at byte {}\nhint: the root may have been written another way (--root, --root-or-null), or the file holds several graphs (--many)",
            file.display(),
            input.position()
        ));
    }
    let j = json::to_json(&codec, &value, &root).map_err(|e| e.to_string())?;
    let mut out = sink(output)?;
    serde_json::to_writer_pretty(&mut out, &j).map_err(|e| e.to_string())?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())
}

/// Encodes the JSON form in `file` and writes the bytes to `output` (or
/// standard output).
pub(crate) fn encode(args: &RootArgs, file: &Path, output: Option<&Path>) -> Result<(), String> {
    let (mut codec, root) = args.codec_and_root()?;
    let text = read_file(file)?;
    let j: serde_json::Value = serde_json::from_slice(&text).map_err(|e| {
        format!(
            "{}: {e}\nhint: one JSON document (--many for JSON lines)",
            file.display()
        )
    })?;
    let mut out = Output::new();
    encode_one(&mut codec, &root, &j, &mut out).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut w = sink(output)?;
    w.write_all(out.as_slice())
        .and_then(|()| w.flush())
        .map_err(|e| e.to_string())
}

/// Appends the graph of the JSON form `j` to `out`.
pub(crate) fn encode_one(
    codec: &mut Codec,
    root: &Root,
    j: &serde_json::Value,
    out: &mut Output,
) -> Result<(), String> {
    let value =
        json::from_json(codec, j, root).map_err(|e| format!("{}\n{JSON_HINT}", describe(&e, 0)))?;
    codec
        .write(out, &value, root)
        .map_err(|e| format!("{}\n{JSON_HINT}", describe(&e, 0)))
}
