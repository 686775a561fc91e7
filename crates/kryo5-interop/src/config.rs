//! Which Java class, and which matching kryo5 type, a case runs on.

use std::fmt;

/// A Java output class. Each maps to a kryo5 output of the same flavour:
/// the safe classes to `Output`, the Unsafe ones to `NativeOutput`,
/// `OutputChunked` to `Output::chunked`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputClass {
    /// `com.esotericsoftware.kryo.io.Output`.
    Output,
    /// `io.ByteBufferOutput` (byte-identical to `Output`).
    ByteBufferOutput,
    /// `unsafe.UnsafeOutput`.
    UnsafeOutput,
    /// `unsafe.UnsafeByteBufferOutput`.
    UnsafeByteBufferOutput,
    /// `io.OutputChunked` (stream sinks only).
    OutputChunked,
}

impl OutputClass {
    /// The four non-chunked classes.
    pub const PLAIN: [OutputClass; 4] = [
        OutputClass::Output,
        OutputClass::ByteBufferOutput,
        OutputClass::UnsafeOutput,
        OutputClass::UnsafeByteBufferOutput,
    ];

    /// Simple class name, as the driver expects it.
    #[must_use]
    pub fn java_name(self) -> &'static str {
        match self {
            OutputClass::Output => "Output",
            OutputClass::ByteBufferOutput => "ByteBufferOutput",
            OutputClass::UnsafeOutput => "UnsafeOutput",
            OutputClass::UnsafeByteBufferOutput => "UnsafeByteBufferOutput",
            OutputClass::OutputChunked => "OutputChunked",
        }
    }

    /// Whether the class writes the native ("unsafe") flavour.
    #[must_use]
    pub fn native(self) -> bool {
        matches!(
            self,
            OutputClass::UnsafeOutput | OutputClass::UnsafeByteBufferOutput
        )
    }

    /// The input class that reads what this class writes.
    ///
    /// ```
    /// use kryo5_interop::{InputClass, OutputClass};
    /// assert_eq!(OutputClass::UnsafeOutput.input(), InputClass::UnsafeInput);
    /// ```
    #[must_use]
    pub fn input(self) -> InputClass {
        match self {
            OutputClass::Output => InputClass::Input,
            OutputClass::ByteBufferOutput => InputClass::ByteBufferInput,
            OutputClass::UnsafeOutput => InputClass::UnsafeInput,
            OutputClass::UnsafeByteBufferOutput => InputClass::UnsafeByteBufferInput,
            OutputClass::OutputChunked => InputClass::InputChunked,
        }
    }
}

/// Where an output's bytes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputSink {
    /// In memory: Java `new X(bufferSize, maxBufferSize)` (`max: None` is
    /// `-1`), kryo5 `with_capacity(buffer_size)` or
    /// `bounded(buffer_size, max)`.
    Memory {
        /// Initial buffer size.
        buffer_size: usize,
        /// Maximum buffer size, `None` for unbounded.
        max: Option<usize>,
    },
    /// Through a stream: Java `new X(outputStream, bufferSize)`, kryo5
    /// `with_writer_capacity(Vec::new(), buffer_size)` (or
    /// `Output::chunked(Writer::new(Vec::new()), buffer_size)`).
    Stream {
        /// The fixed buffer size.
        buffer_size: usize,
    },
}

/// A write case's setup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WriteConfig {
    /// The Java class.
    pub class: OutputClass,
    /// `setVariableLengthEncoding`.
    pub var_len: bool,
    /// Memory or stream.
    pub sink: OutputSink,
}

impl WriteConfig {
    /// The driver's `WRITE` header line.
    ///
    /// ```
    /// use kryo5_interop::{OutputClass, OutputSink, WriteConfig};
    /// let cfg = WriteConfig { class: OutputClass::Output, var_len: true, sink: OutputSink::Stream { buffer_size: 16 } };
    /// assert_eq!(cfg.java_header(), "WRITE Output 1 stream:16");
    /// ```
    #[must_use]
    pub fn java_header(&self) -> String {
        let sink = match self.sink {
            OutputSink::Memory { buffer_size, max } => match max {
                Some(max) => format!("mem:{buffer_size}:{max}"),
                None => format!("mem:{buffer_size}:-1"),
            },
            OutputSink::Stream { buffer_size } => format!("stream:{buffer_size}"),
        };
        format!(
            "WRITE {} {} {sink}",
            self.class.java_name(),
            u8::from(self.var_len)
        )
    }
}

impl fmt::Display for WriteConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.java_header()["WRITE ".len()..])
    }
}

/// A Java input class. The safe classes map to kryo5 `Input`, the Unsafe
/// ones to `NativeInput`, `InputChunked` to `Input::chunked`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputClass {
    /// `io.Input`.
    Input,
    /// `io.ByteBufferInput`.
    ByteBufferInput,
    /// `unsafe.UnsafeInput`.
    UnsafeInput,
    /// `unsafe.UnsafeByteBufferInput`.
    UnsafeByteBufferInput,
    /// `io.InputChunked` (stream sources only).
    InputChunked,
}

impl InputClass {
    /// The four non-chunked classes.
    pub const PLAIN: [InputClass; 4] = [
        InputClass::Input,
        InputClass::ByteBufferInput,
        InputClass::UnsafeInput,
        InputClass::UnsafeByteBufferInput,
    ];

    /// Simple class name, as the driver expects it.
    #[must_use]
    pub fn java_name(self) -> &'static str {
        match self {
            InputClass::Input => "Input",
            InputClass::ByteBufferInput => "ByteBufferInput",
            InputClass::UnsafeInput => "UnsafeInput",
            InputClass::UnsafeByteBufferInput => "UnsafeByteBufferInput",
            InputClass::InputChunked => "InputChunked",
        }
    }

    /// Whether the class reads the native ("unsafe") flavour.
    #[must_use]
    pub fn native(self) -> bool {
        matches!(
            self,
            InputClass::UnsafeInput | InputClass::UnsafeByteBufferInput
        )
    }
}

/// Where an input's bytes come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputSource {
    /// The whole byte array: Java `new X(bytes)`, kryo5 `new(&bytes)`.
    Array,
    /// A stream: Java `new X(new ByteArrayInputStream(bytes), bufferSize)`,
    /// kryo5 `from_reader_capacity(&bytes[..], buffer_size)` (or
    /// `Input::chunked(Reader::new(&bytes[..]), buffer_size)`).
    Stream {
        /// The buffer size (at least 16 keeps Java from "Buffer too small").
        buffer_size: usize,
    },
}

/// A read case's setup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReadConfig {
    /// The Java class.
    pub class: InputClass,
    /// `setVariableLengthEncoding`.
    pub var_len: bool,
    /// Array or stream.
    pub source: InputSource,
}

impl ReadConfig {
    /// The driver's `READ` header line, without the data.
    ///
    /// ```
    /// use kryo5_interop::{InputClass, InputSource, ReadConfig};
    /// let cfg = ReadConfig { class: InputClass::UnsafeInput, var_len: false, source: InputSource::Array };
    /// assert_eq!(cfg.java_header(), "READ UnsafeInput 0 array");
    /// ```
    #[must_use]
    pub fn java_header(&self) -> String {
        let source = match self.source {
            InputSource::Array => "array".to_owned(),
            InputSource::Stream { buffer_size } => format!("stream:{buffer_size}"),
        };
        format!(
            "READ {} {} {source}",
            self.class.java_name(),
            u8::from(self.var_len)
        )
    }
}

impl fmt::Display for ReadConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.java_header()["READ ".len()..])
    }
}
