//! The Java interop rig: real Java Kryo 5.6 beside kryo5, byte for byte.
//!
//! kryo5 promises the bytes Java Kryo 5.6.2 writes and reads. This crate
//! checks that promise against the real thing rather than against kryo5's
//! own reader:
//!
//! - [`java`]: finds the Kryo jar and a JDK, compiles the driver
//!   (`java/KryoDriver.java`, a dumb executor of line-based scripts) and
//!   runs [`Script`]s in one JVM each.
//! - [`ops`]: the typed op model. A [`WriteOp`] holds its values and gives
//!   its Java script line, its kryo5 call and the [`ReadOp`]s (with expected
//!   [`Value`]s) that read it back; tests are tables of ops.
//! - [`kryo5_side`]: runs the same ops on the matching kryo5 types
//!   ([`kryo5_write`], [`kryo5_read`]), configured by the same
//!   [`WriteConfig`]/[`ReadConfig`] as the Java side.
//! - [`check`]: compares runs and points at the op that differs;
//!   [`oracle`] judges string bytes independently of both.
//! - [`generate`]: seeded generators over `kryo5_testdata`.
//!
//! The jar is `$KRYO5_JAR`, else `<workspace>/target/kryo5-java/kryo-5.6.2.jar`
//! (`bash scripts/fetch-kryo.sh` creates it); the JDK is `$JAVA_HOME` or
//! `java`/`javac` on `PATH`. When either is missing every test using the rig
//! fails and says how to install it: nothing is skipped silently.
//!
//! ```no_run
//! use kryo5_interop::{check, jvm, kryo5_write, OutputClass, OutputSink, Script, WriteConfig, WriteOp};
//!
//! let cfg = WriteConfig { class: OutputClass::Output, var_len: true, sink: OutputSink::Stream { buffer_size: 16 } };
//! let ops = [WriteOp::VarInt(300, true), WriteOp::StringUtf8(Some("héllo".into()))];
//! let mut script = Script::new();
//! let case = script.write(&cfg, &ops);
//! let java = jvm().run(&script);
//! check::compare_writes(&ops, java.write(case), &kryo5_write(&cfg, &ops)).unwrap();
//! ```
//!
//! [`graph`] extends the rig to object graphs: cases defined in Java
//! (`java/Cases*.java`) and mirrored in Rust by `#[derive(Kryo)]` types,
//! written and read by both sides, bytes compared exactly. [`media`] is
//! one such model, jvm-serializers' MediaContent, shared with the
//! benchmarks.

pub mod check;
pub mod config;
pub mod generate;
pub mod graph;
pub mod java;
pub mod kryo5_side;
pub mod media;
pub mod media_ref;
pub mod ops;
pub mod oracle;
pub mod outcome;
pub mod value;

pub use config::{InputClass, InputSource, OutputClass, OutputSink, ReadConfig, WriteConfig};
pub use java::{Jvm, Results, Script, jvm};
pub use kryo5_side::{kryo5_read, kryo5_write};
pub use ops::{ArrayApi, ReadOp, StrApi, WriteOp};
pub use outcome::{ReadRun, Step, WriteFailure, WriteRun};
pub use value::{Failure, Value};
