//! `kryo5 decode` and `kryo5 encode`: Kryo bytes to JSON and back through
//! a schema file (docs/schema-format.md), with the dynamic codec.

use std::path::{Path, PathBuf};

use clap::Args;
use kryo5::dynamic::{Codec, JType, Root, Schema, json};
use kryo5::io::{Input, Output};

/// How the root was written, as in Java; shared by both subcommands.
#[derive(Args)]
pub(crate) struct RootArgs {
    /// The schema file (TOML, docs/schema-format.md).
    #[arg(long, value_name = "S.toml")]
    schema: PathBuf,
    /// The root was written with `writeObject` as this class.
    #[arg(long, value_name = "CLASS", conflicts_with = "root_or_null")]
    root: Option<String>,
    /// The root was written with `writeObjectOrNull` as this class.
    #[arg(long, value_name = "CLASS")]
    root_or_null: Option<String>,
}

impl RootArgs {
    fn codec_and_root(&self) -> Result<(Codec, Root), String> {
        let schema = Schema::load(&self.schema).map_err(|e| e.to_string())?;
        let class = |c: &str| JType::parse(c).map_err(|e| format!("--root {c:?}: {e}"));
        let root = match (&self.root, &self.root_or_null) {
            (Some(c), _) => Root::Object(class(c)?),
            (None, Some(c)) => Root::ObjectOrNull(class(c)?),
            (None, None) => Root::ClassAndObject,
        };
        let mut codec = Codec::new(schema);
        // The main thread's stack is 8 MiB: let deep graphs use half.
        codec.set_max_stack(4 << 20);
        Ok((codec, root))
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Decodes one graph from `file` and prints its JSON form.
pub(crate) fn decode(args: &RootArgs, file: &Path) -> Result<(), String> {
    let (mut codec, root) = args.codec_and_root()?;
    let bytes = read_file(file)?;
    let mut input = Input::new(&bytes);
    let value = codec.read(&mut input, &root).map_err(|e| {
        format!(
            "{}: {e}\nhint: check the schema's classes and registration order, and how the root was written (--root, --root-or-null, or neither for writeClassAndObject)",
            file.display()
        )
    })?;
    let left = bytes.len() - input.position();
    if left > 0 {
        return Err(format!(
            "{}: {left} bytes left after the graph at byte {}\nhint: the root may have been written another way (--root, --root-or-null)",
            file.display(),
            input.position()
        ));
    }
    let j = json::to_json(&codec, &value, &root).map_err(|e| e.to_string())?;
    let text = serde_json::to_string_pretty(&j).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

/// Encodes the JSON form in `file` and writes the bytes to `output` (or
/// standard output).
pub(crate) fn encode(args: &RootArgs, file: &Path, output: Option<&Path>) -> Result<(), String> {
    let (mut codec, root) = args.codec_and_root()?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let j: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let value =
        json::from_json(&codec, &j, &root).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut out = Output::new();
    codec
        .write(&mut out, &value, &root)
        .map_err(|e| format!("{}: {e}\nhint: the JSON must follow the schema (docs/schema-format.md, \"The JSON form\")", file.display()))?;
    match output {
        Some(path) => {
            std::fs::write(path, out.as_slice()).map_err(|e| format!("{}: {e}", path.display()))
        }
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(out.as_slice())
                .map_err(|e| e.to_string())
        }
    }
}
