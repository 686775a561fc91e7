/*
 * KryoDriver: runs scripted Output/Input calls against real Java Kryo 5.6.
 *
 * Part of kryo5's interop rig (crate kryo5-interop). Java is a dumb executor:
 * the Rust side generates the script, knows what every op means and compares
 * the results. One JVM runs any number of cases; input and output are
 * buffered, one line per op or result.
 *
 * PROTOCOL (stdin, one item per line, ISO-8859-1, fields separated by one space)
 *
 * Values use one self-describing text form, in both directions:
 *   123, -5                 integer (byte, short, char, int, long)
 *   true, false             boolean
 *   f7fc00001               float, raw IEEE bits as 8 hex digits
 *   d7ff8000000000001       double, raw IEEE bits as 16 hex digits
 *   N                       null string
 *   S00610062               string as hex UTF-16 units, 4 digits each ("S" is "")
 *   x0a0b                   bytes as hex ("x" is empty)
 *   [1,2,3]                 list of the above ("[]" is empty)
 *   -                       no value
 *
 * A write case:
 *   WRITE <class> <varlen 0|1> <sink>
 *     class: Output | ByteBufferOutput | UnsafeOutput | UnsafeByteBufferOutput | OutputChunked
 *     sink:  mem:<bufferSize>:<maxBufferSize or -1>   new <class>(bufferSize, maxBufferSize)
 *            stream:<bufferSize>                      new <class>(byteArrayOutputStream, bufferSize)
 *   <write op>...
 *   END
 * prints exactly one line:
 *   OK x<all bytes> <total()> [<int results of the ops that return one>]
 *   ERR <op index> <total() before that op> x<bytes so far> [<int results so far>] <exception class> <message>
 * At END a stream sink is flushed and the stream's bytes are printed; a memory
 * sink prints toBytes(). After an exception the remaining ops are skipped.
 *
 * Write ops (the Java call in brackets; arrays are always passed whole, offset 0):
 *   writeByte v [writeByte(byte)]        writeBytes x.. [writeBytes(b, 0, n)]
 *   writeBoolean b    writeShort v    writeChar v    writeInt v    writeLong v
 *   writeFloat f..    writeDouble d..
 *   writeIntCount v c [writeInt(int, int)]   writeLongCount v c [writeLong(long, int)]
 *   writeVarInt v opt    writeVarLong v opt    writeVarIntFlag flag v opt
 *   writeIntOpt v opt [writeInt(int, boolean)]   writeLongOpt v opt [writeLong(long, boolean)]
 *   writeVarFloat f.. f.. opt    writeVarDouble d.. d.. opt
 *   writeString N|S..    writeAscii N|S..
 *   writeInts [..]    writeLongs [..]    writeFloats [f..]    writeDoubles [d..]
 *   writeShorts [..]  writeChars [..]    writeBooleans [..]
 *   writeIntsOpt [..] opt [writeInts(a, 0, n, opt)]   writeLongsOpt [..] opt
 *   writeVarInts [..] opt, writeVarLongs [..] opt     (writeVarInt/writeVarLong per element)
 *   intLength v opt   longLength v opt [longLength(int, boolean)]   (write nothing;
 *   varIntLength v opt   varLongLength v opt [static]                 return the length)
 *   flush    endChunk [OutputChunked.endChunk()]
 *   push n   (a new OutputChunked(current, n) becomes current: nested chunking)
 *   pop      (drops the current nested OutputChunked; call endChunk first)
 *
 * A read case:
 *   READ <class> <varlen 0|1> <source> x<bytes>
 *     class:  Input | ByteBufferInput | UnsafeInput | UnsafeByteBufferInput | InputChunked
 *     source: array                  new <class>(bytes)
 *             stream:<bufferSize>    new <class>(new ByteArrayInputStream(bytes), bufferSize)
 *   <read op>...
 *   END
 * prints one line per op, then POS:
 *   V <total() after the op> <value>
 *   E <exception class> <message>        (the remaining ops are skipped; an
 *                                         OutOfMemoryError is reported too)
 *   POS <total() of the outermost input>
 *
 * Read ops: readByte readByteUnsigned readBoolean readShort readShortUnsigned
 *   readChar readInt readLong readFloat readDouble
 *   readIntCount c [readInt(int)]   readLongCount c [readLong(int)]
 *   readVarInt opt   readVarLong opt
 *   readVarIntFlagPeek [readVarIntFlag()]   readVarIntFlag opt [readVarIntFlag(boolean)]
 *   readIntOpt opt [readInt(boolean)]   readLongOpt opt [readLong(boolean)]
 *   readVarFloat f.. opt   readVarDouble d.. opt   readString
 *   readBytes n  readInts n  readLongs n  readFloats n  readDoubles n  readShorts n
 *   readChars n  readBooleans n  readIntsOpt n opt  readLongsOpt n opt
 *   readVarInts n opt  readVarLongs n opt  skipVarInts n  skipVarLongs n
 *   canReadVarInt  canReadVarLong  canReadInt  canReadLong  skip n  end  nextChunk
 *   push n   (a new InputChunked(current, n) becomes current)    pop
 *
 * A benchmark (timing Kryo itself, for kryo5's benchmark suite):
 *   BENCH <op> <class> <data file> <warm-up ms> <reps> <min rep ms>
 *     op:    writeVarInt readVarInt      n single calls, optimizePositive true (int values)
 *            writeVarInts readVarInts    writeInts(a, 0, n, true) / readInts(n, true)
 *            writeVarLong readVarLong writeVarLongs readVarLongs    the same for long values
 *            writeInts readInts writeLongs readLongs writeDoubles readDoubles
 *                                        fixed width: writeInts(a, 0, n) / readInts(n) ...
 *            writeString readString      one string
 *            writeObject readObject      kryo.writeObject(out, value) / kryo.readObject(in,
 *                                        class of the value), the value and Kryo of a graph case
 *     class: the output class for write ops, the input class for read ops:
 *            Output ByteBufferOutput UnsafeOutput UnsafeByteBufferOutput
 *            Input ByteBufferInput UnsafeInput UnsafeByteBufferInput
 *     data file: the values, little-endian: int32s (the int ops), int64s (the
 *            long ops), float64 bits (the double ops) or one string's UTF-16
 *            units (the string ops), or a graph case name in UTF-8 ("refs.media",
 *            see Graphs.java; the object ops). Read ops read what Output wrote
 *            from them (written before timing starts).
 * runs whole ops (the op over all the file's values, e.g. n writeVarInt calls
 * or one writeString) for <warm-up ms>, then <reps> timed repetitions of a
 * batch of ops sized so that one lasts at least <min rep ms>, and prints:
 *   BENCH <median ns/op> <min ns/op> <max ns/op> <ops per rep> <wire bytes per op> <check>
 * check is the FNV-1a 64-bit hash (16 hex digits) of the bytes one op writes
 * (write ops) or of the values one op reads, little-endian as in the data file
 * (read ops: equal to the file's hash; readObject: of the bytes writeObject
 * gives for the value read). Outputs are reused (reset()), inputs
 * rewound (setPosition(0)); what Kryo's API allocates (readInts(n) returns a
 * new array, readString a new String) is part of the op. Run one benchmark
 * per JVM with the JIT on: the Rust side (Jvm::bench) does.
 *
 * Object graphs (cases defined in Java by Cases* classes; see Graphs.java):
 *   GRAPH WRITE <case> <entry>            -> OK x<bytes> | ERR <exception> <message>
 *   GRAPH READ <case> <entry> x<bytes>    -> OK x<bytes written again>
 *                                          | MISMATCH <path>: <reason> | ERR <exception> <message>
 *
 * Anything else is a protocol error: "FATAL <reason>" on stdout, exit status 2.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.ByteBufferInput;
import com.esotericsoftware.kryo.io.ByteBufferOutput;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.InputChunked;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.io.OutputChunked;
import com.esotericsoftware.kryo.unsafe.UnsafeByteBufferInput;
import com.esotericsoftware.kryo.unsafe.UnsafeByteBufferOutput;
import com.esotericsoftware.kryo.unsafe.UnsafeInput;
import com.esotericsoftware.kryo.unsafe.UnsafeOutput;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Arrays;

public final class KryoDriver {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final BufferedReader in;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    private KryoDriver(BufferedReader in, Writer out) {
        this.in = in;
        this.out = out;
    }

    /** Thrown for a malformed script: the Rust side has a bug. */
    static final class ProtocolError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProtocolError(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws IOException {
        // Spec Appendix B: a Kryo instance must exist before any Unsafe class loads.
        new Kryo();
        // Kryo logs to System.out, which would interleave with the results.
        com.esotericsoftware.minlog.Log.set(com.esotericsoftware.minlog.Log.LEVEL_NONE);
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.ISO_8859_1), 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.ISO_8859_1), 1 << 16);
        KryoDriver driver = new KryoDriver(in, out);
        try {
            driver.run();
        } catch (ProtocolError e) {
            out.write("FATAL " + e.getMessage() + "\n");
            out.flush();
            System.exit(2);
        }
        out.flush();
    }

    private void run() throws IOException {
        String header;
        while ((header = in.readLine()) != null) {
            if (header.isEmpty()) {
                continue;
            }
            String[] h = header.split(" ");
            switch (h[0]) {
                case "WRITE":
                    writeCase(h);
                    break;
                case "READ":
                    readCase(h);
                    break;
                case "BENCH":
                    benchCase(h);
                    break;
                case "GRAPH":
                    line.setLength(0);
                    line.append(Graphs.command(h));
                    emit();
                    break;
                default:
                    throw new ProtocolError("unknown case header: " + header);
            }
        }
    }

    // ----- write cases -----------------------------------------------------

    private void writeCase(String[] h) throws IOException {
        if (h.length != 4) {
            throw new ProtocolError("bad WRITE header");
        }
        String[] sink = h[3].split(":");
        ByteArrayOutputStream stream = null;
        Output base;
        if (sink[0].equals("mem")) {
            base = newOutput(h[1], Integer.parseInt(sink[1]), Integer.parseInt(sink[2]));
        } else if (sink[0].equals("stream")) {
            stream = new ByteArrayOutputStream();
            base = newOutput(h[1], stream, Integer.parseInt(sink[1]));
        } else {
            throw new ProtocolError("bad sink " + h[3]);
        }
        base.setVariableLengthEncoding(flag(h[2]));
        ArrayDeque<Output> stack = new ArrayDeque<>();
        stack.push(base);
        StringBuilder rets = new StringBuilder("[");
        int index = 0;
        Throwable failure = null;
        int failedAt = -1;
        long totalBefore = 0;
        String op;
        while (!(op = next()).equals("END")) {
            if (failure == null) {
                Output top = stack.peek();
                totalBefore = top.total();
                try {
                    int ret = writeOp(top, stack, op.split(" "));
                    if (ret >= 0) {
                        if (rets.length() > 1) {
                            rets.append(',');
                        }
                        rets.append(ret);
                    }
                } catch (ProtocolError e) {
                    throw e;
                } catch (RuntimeException | OutOfMemoryError e) {
                    failure = e;
                    failedAt = index;
                }
            }
            index++;
        }
        line.setLength(0);
        if (failure == null) {
            if (stream != null) {
                base.flush();
            }
            byte[] bytes = stream != null ? stream.toByteArray() : base.toBytes();
            line.append("OK ");
            hex(bytes);
            line.append(' ').append(base.total()).append(' ').append(rets).append(']');
        } else {
            line.append("ERR ").append(failedAt).append(' ').append(totalBefore).append(' ');
            if (stream != null) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.write(stream.toByteArray());
                all.write(base.toBytes());
                hex(all.toByteArray());
            } else {
                hex(base.toBytes());
            }
            line.append(' ').append(rets).append("] ");
            exception(failure);
        }
        emit();
    }

    private static Output newOutput(String cls, int size, int max) {
        switch (cls) {
            case "Output":
                return new Output(size, max);
            case "ByteBufferOutput":
                return new ByteBufferOutput(size, max);
            case "UnsafeOutput":
                return new UnsafeOutput(size, max);
            case "UnsafeByteBufferOutput":
                return new UnsafeByteBufferOutput(size, max);
            default:
                throw new ProtocolError("no in-memory output class " + cls);
        }
    }

    private static Output newOutput(String cls, ByteArrayOutputStream s, int size) {
        switch (cls) {
            case "Output":
                return new Output(s, size);
            case "ByteBufferOutput":
                return new ByteBufferOutput(s, size);
            case "UnsafeOutput":
                return new UnsafeOutput(s, size);
            case "UnsafeByteBufferOutput":
                return new UnsafeByteBufferOutput(s, size);
            case "OutputChunked":
                return new OutputChunked(s, size);
            default:
                throw new ProtocolError("no stream output class " + cls);
        }
    }

    /** Runs one write op; returns the method's int result, or -1 for none. */
    private static int writeOp(Output o, ArrayDeque<Output> stack, String[] t) {
        switch (t[0]) {
            case "writeByte":
                o.writeByte((byte) Integer.parseInt(t[1]));
                return -1;
            case "writeBytes": {
                byte[] b = bytes(t[1]);
                o.writeBytes(b, 0, b.length);
                return -1;
            }
            case "writeBoolean":
                o.writeBoolean(bool(t[1]));
                return -1;
            case "writeShort":
                o.writeShort(Integer.parseInt(t[1]));
                return -1;
            case "writeChar":
                o.writeChar((char) Integer.parseInt(t[1]));
                return -1;
            case "writeInt":
                o.writeInt(Integer.parseInt(t[1]));
                return -1;
            case "writeLong":
                o.writeLong(Long.parseLong(t[1]));
                return -1;
            case "writeFloat":
                o.writeFloat(f32(t[1]));
                return -1;
            case "writeDouble":
                o.writeDouble(f64(t[1]));
                return -1;
            case "writeIntCount":
                o.writeInt(Integer.parseInt(t[1]), Integer.parseInt(t[2]));
                return -1;
            case "writeLongCount":
                o.writeLong(Long.parseLong(t[1]), Integer.parseInt(t[2]));
                return -1;
            case "writeVarInt":
                return o.writeVarInt(Integer.parseInt(t[1]), bool(t[2]));
            case "writeVarLong":
                return o.writeVarLong(Long.parseLong(t[1]), bool(t[2]));
            case "writeVarIntFlag":
                return o.writeVarIntFlag(bool(t[1]), Integer.parseInt(t[2]), bool(t[3]));
            case "writeIntOpt":
                return o.writeInt(Integer.parseInt(t[1]), bool(t[2]));
            case "writeLongOpt":
                return o.writeLong(Long.parseLong(t[1]), bool(t[2]));
            case "writeVarFloat":
                return o.writeVarFloat(f32(t[1]), f32(t[2]), bool(t[3]));
            case "writeVarDouble":
                return o.writeVarDouble(f64(t[1]), f64(t[2]), bool(t[3]));
            case "writeString":
                o.writeString(string(t[1]));
                return -1;
            case "writeAscii":
                o.writeAscii(string(t[1]));
                return -1;
            case "writeInts": {
                int[] a = ints(t[1]);
                o.writeInts(a, 0, a.length);
                return -1;
            }
            case "writeLongs": {
                long[] a = longs(t[1]);
                o.writeLongs(a, 0, a.length);
                return -1;
            }
            case "writeFloats": {
                String[] l = list(t[1]);
                float[] a = new float[l.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = f32(l[i]);
                }
                o.writeFloats(a, 0, a.length);
                return -1;
            }
            case "writeDoubles": {
                String[] l = list(t[1]);
                double[] a = new double[l.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = f64(l[i]);
                }
                o.writeDoubles(a, 0, a.length);
                return -1;
            }
            case "writeShorts": {
                int[] v = ints(t[1]);
                short[] a = new short[v.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (short) v[i];
                }
                o.writeShorts(a, 0, a.length);
                return -1;
            }
            case "writeChars": {
                int[] v = ints(t[1]);
                char[] a = new char[v.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (char) v[i];
                }
                o.writeChars(a, 0, a.length);
                return -1;
            }
            case "writeBooleans": {
                String[] l = list(t[1]);
                boolean[] a = new boolean[l.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = bool(l[i]);
                }
                o.writeBooleans(a, 0, a.length);
                return -1;
            }
            case "writeIntsOpt": {
                int[] a = ints(t[1]);
                o.writeInts(a, 0, a.length, bool(t[2]));
                return -1;
            }
            case "writeLongsOpt": {
                long[] a = longs(t[1]);
                o.writeLongs(a, 0, a.length, bool(t[2]));
                return -1;
            }
            case "writeVarInts": {
                boolean opt = bool(t[2]);
                for (int v : ints(t[1])) {
                    o.writeVarInt(v, opt);
                }
                return -1;
            }
            case "writeVarLongs": {
                boolean opt = bool(t[2]);
                for (long v : longs(t[1])) {
                    o.writeVarLong(v, opt);
                }
                return -1;
            }
            case "intLength":
                return o.intLength(Integer.parseInt(t[1]), bool(t[2]));
            case "longLength":
                return o.longLength(Integer.parseInt(t[1]), bool(t[2]));
            case "varIntLength":
                return Output.varIntLength(Integer.parseInt(t[1]), bool(t[2]));
            case "varLongLength":
                return Output.varLongLength(Long.parseLong(t[1]), bool(t[2]));
            case "flush":
                o.flush();
                return -1;
            case "endChunk":
                chunked(o).endChunk();
                return -1;
            case "push":
                stack.push(new OutputChunked(o, Integer.parseInt(t[1])));
                return -1;
            case "pop":
                if (stack.size() < 2) {
                    throw new ProtocolError("pop without push");
                }
                stack.pop();
                return -1;
            default:
                throw new ProtocolError("unknown write op " + t[0]);
        }
    }

    private static OutputChunked chunked(Output o) {
        if (!(o instanceof OutputChunked)) {
            throw new ProtocolError("endChunk on " + o.getClass().getSimpleName());
        }
        return (OutputChunked) o;
    }

    // ----- read cases --------------------------------------------------------

    private void readCase(String[] h) throws IOException {
        if (h.length != 5) {
            throw new ProtocolError("bad READ header");
        }
        byte[] data = bytes(h[4]);
        Input base;
        if (h[3].equals("array")) {
            base = newInput(h[1], data);
        } else if (h[3].startsWith("stream:")) {
            int size = Integer.parseInt(h[3].substring(7));
            base = newInput(h[1], new ByteArrayInputStream(data), size);
        } else {
            throw new ProtocolError("bad source " + h[3]);
        }
        base.setVariableLengthEncoding(flag(h[2]));
        ArrayDeque<Input> stack = new ArrayDeque<>();
        stack.push(base);
        boolean failed = false;
        String op;
        while (!(op = next()).equals("END")) {
            if (failed) {
                continue;
            }
            line.setLength(0);
            try {
                String[] t = op.split(" ");
                StringBuilder value = new StringBuilder();
                readOp(stack.peek(), stack, t, value);
                line.append("V ").append(stack.peek().total()).append(' ').append(value);
            } catch (ProtocolError e) {
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) {
                // OutOfMemoryError: Kryo allocates declared lengths before
                // reading (a string header of 2^30 chars); the JVM runs
                // with a small heap so such allocations fail at once.
                failed = true;
                line.setLength(0);
                line.append("E ");
                exception(e);
            }
            emit();
        }
        line.setLength(0);
        line.append("POS ").append(base.total());
        emit();
    }

    private static Input newInput(String cls, byte[] data) {
        switch (cls) {
            case "Input":
                return new Input(data);
            case "ByteBufferInput":
                return new ByteBufferInput(data);
            case "UnsafeInput":
                return new UnsafeInput(data);
            case "UnsafeByteBufferInput":
                return new UnsafeByteBufferInput(data);
            default:
                throw new ProtocolError("no array input class " + cls);
        }
    }

    private static Input newInput(String cls, InputStream s, int size) {
        switch (cls) {
            case "Input":
                return new Input(s, size);
            case "ByteBufferInput":
                return new ByteBufferInput(s, size);
            case "UnsafeInput":
                return new UnsafeInput(s, size);
            case "UnsafeByteBufferInput":
                return new UnsafeByteBufferInput(s, size);
            case "InputChunked":
                return new InputChunked(s, size);
            default:
                throw new ProtocolError("no stream input class " + cls);
        }
    }

    /** Runs one read op, appending its value to v. */
    private static void readOp(Input i, ArrayDeque<Input> stack, String[] t, StringBuilder v) {
        switch (t[0]) {
            case "readByte":
                v.append(i.readByte());
                return;
            case "readByteUnsigned":
                v.append(i.readByteUnsigned());
                return;
            case "readBoolean":
                v.append(i.readBoolean());
                return;
            case "readShort":
                v.append(i.readShort());
                return;
            case "readShortUnsigned":
                v.append(i.readShortUnsigned());
                return;
            case "readChar":
                v.append((int) i.readChar());
                return;
            case "readInt":
                v.append(i.readInt());
                return;
            case "readLong":
                v.append(i.readLong());
                return;
            case "readFloat":
                f32(v, i.readFloat());
                return;
            case "readDouble":
                f64(v, i.readDouble());
                return;
            case "readIntCount":
                v.append(i.readInt(Integer.parseInt(t[1])));
                return;
            case "readLongCount":
                v.append(i.readLong(Integer.parseInt(t[1])));
                return;
            case "readVarInt":
                v.append(i.readVarInt(bool(t[1])));
                return;
            case "readVarLong":
                v.append(i.readVarLong(bool(t[1])));
                return;
            case "readVarIntFlagPeek":
                v.append(i.readVarIntFlag());
                return;
            case "readVarIntFlag":
                v.append(i.readVarIntFlag(bool(t[1])));
                return;
            case "readIntOpt":
                v.append(i.readInt(bool(t[1])));
                return;
            case "readLongOpt":
                v.append(i.readLong(bool(t[1])));
                return;
            case "readVarFloat":
                f32(v, i.readVarFloat(f32(t[1]), bool(t[2])));
                return;
            case "readVarDouble":
                f64(v, i.readVarDouble(f64(t[1]), bool(t[2])));
                return;
            case "readString": {
                String s = i.readString();
                if (s == null) {
                    v.append('N');
                } else {
                    v.append('S');
                    for (int k = 0; k < s.length(); k++) {
                        char c = s.charAt(k);
                        v.append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 15])
                                .append(HEX[(c >>> 4) & 15]).append(HEX[c & 15]);
                    }
                }
                return;
            }
            case "readBytes": {
                byte[] b = i.readBytes(Integer.parseInt(t[1]));
                v.append('x');
                for (byte x : b) {
                    v.append(HEX[(x >>> 4) & 15]).append(HEX[x & 15]);
                }
                return;
            }
            case "readInts":
                ints(v, i.readInts(Integer.parseInt(t[1])));
                return;
            case "readIntsOpt":
                ints(v, i.readInts(Integer.parseInt(t[1]), bool(t[2])));
                return;
            case "readLongs":
                longs(v, i.readLongs(Integer.parseInt(t[1])));
                return;
            case "readLongsOpt":
                longs(v, i.readLongs(Integer.parseInt(t[1]), bool(t[2])));
                return;
            case "readFloats": {
                float[] a = i.readFloats(Integer.parseInt(t[1]));
                v.append('[');
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) {
                        v.append(',');
                    }
                    f32(v, a[k]);
                }
                v.append(']');
                return;
            }
            case "readDoubles": {
                double[] a = i.readDoubles(Integer.parseInt(t[1]));
                v.append('[');
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) {
                        v.append(',');
                    }
                    f64(v, a[k]);
                }
                v.append(']');
                return;
            }
            case "readShorts": {
                short[] a = i.readShorts(Integer.parseInt(t[1]));
                v.append('[');
                for (int k = 0; k < a.length; k++) {
                    v.append(k > 0 ? "," : "").append(a[k]);
                }
                v.append(']');
                return;
            }
            case "readChars": {
                char[] a = i.readChars(Integer.parseInt(t[1]));
                v.append('[');
                for (int k = 0; k < a.length; k++) {
                    v.append(k > 0 ? "," : "").append((int) a[k]);
                }
                v.append(']');
                return;
            }
            case "readBooleans": {
                boolean[] a = i.readBooleans(Integer.parseInt(t[1]));
                v.append('[');
                for (int k = 0; k < a.length; k++) {
                    // `a[k] ? ..` tests "non-zero": UnsafeInput stores raw bytes in the array.
                    v.append(k > 0 ? "," : "").append(a[k] ? "true" : "false");
                }
                v.append(']');
                return;
            }
            case "readVarInts": {
                int n = Integer.parseInt(t[1]);
                boolean opt = bool(t[2]);
                int[] a = new int[n];
                for (int k = 0; k < n; k++) {
                    a[k] = i.readVarInt(opt);
                }
                ints(v, a);
                return;
            }
            case "readVarLongs": {
                int n = Integer.parseInt(t[1]);
                boolean opt = bool(t[2]);
                long[] a = new long[n];
                for (int k = 0; k < n; k++) {
                    a[k] = i.readVarLong(opt);
                }
                longs(v, a);
                return;
            }
            case "skipVarInts":
                for (int k = Integer.parseInt(t[1]); k > 0; k--) {
                    i.readVarInt(true);
                }
                v.append('-');
                return;
            case "skipVarLongs":
                for (int k = Integer.parseInt(t[1]); k > 0; k--) {
                    i.readVarLong(true);
                }
                v.append('-');
                return;
            case "canReadVarInt":
                v.append(i.canReadVarInt());
                return;
            case "canReadVarLong":
                v.append(i.canReadVarLong());
                return;
            case "canReadInt":
                v.append(i.canReadInt());
                return;
            case "canReadLong":
                v.append(i.canReadLong());
                return;
            case "skip":
                i.skip(Integer.parseInt(t[1]));
                v.append('-');
                return;
            case "end":
                v.append(i.end());
                return;
            case "nextChunk":
                if (!(i instanceof InputChunked)) {
                    throw new ProtocolError("nextChunk on " + i.getClass().getSimpleName());
                }
                ((InputChunked) i).nextChunk();
                v.append('-');
                return;
            case "push":
                stack.push(new InputChunked(i, Integer.parseInt(t[1])));
                v.append('-');
                return;
            case "pop":
                if (stack.size() < 2) {
                    throw new ProtocolError("pop without push");
                }
                stack.pop();
                v.append('-');
                return;
            default:
                throw new ProtocolError("unknown read op " + t[0]);
        }
    }

    // ----- benchmarks ----------------------------------------------------------

    /** One benchmarked op and its check. */
    private abstract static class Bench {
        /** Wire bytes one op writes or reads. */
        int wireBytes;

        /** Runs one op; the result only keeps the JIT from discarding it. */
        abstract long run();

        /** FNV-1a of what one op writes or reads (see the protocol above). */
        abstract long check();
    }

    private void benchCase(String[] h) throws IOException {
        if (h.length != 7) {
            throw new ProtocolError("bad BENCH header");
        }
        byte[] file = Files.readAllBytes(Paths.get(h[3]));
        long warmUpNs = Long.parseLong(h[4]) * 1_000_000L;
        int reps = Integer.parseInt(h[5]);
        long minRepNs = Long.parseLong(h[6]) * 1_000_000L;
        if (reps < 1) {
            throw new ProtocolError("BENCH needs at least one repetition");
        }
        Bench b = bench(h[1], h[2], file);
        long acc = 0;
        long ops = 0;
        long start = System.nanoTime();
        do {
            acc += b.run();
            ops++;
        } while (System.nanoTime() - start < warmUpNs);
        double estimate = Math.max(1.0, (System.nanoTime() - start) / (double) ops);
        long batch = Math.max(1L, (long) Math.ceil(minRepNs / estimate));
        double[] times = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < batch; i++) {
                acc += b.run();
            }
            times[r] = (System.nanoTime() - t0) / (double) batch;
        }
        sink = acc;
        Arrays.sort(times);
        double median = reps % 2 == 1 ? times[reps / 2]
                : (times[reps / 2 - 1] + times[reps / 2]) / 2;
        line.setLength(0);
        line.append("BENCH ").append(median).append(' ').append(times[0]).append(' ')
                .append(times[reps - 1]).append(' ').append(batch).append(' ')
                .append(b.wireBytes).append(' ');
        long check = b.check();
        for (int shift = 60; shift >= 0; shift -= 4) {
            line.append(HEX[(int) (check >>> shift) & 15]);
        }
        emit();
        out.flush();
    }

    /** Keeps benchmark results observable. */
    static volatile long sink;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static long fnv(long h, byte b) {
        return (h ^ (b & 0xff)) * FNV_PRIME;
    }

    private static long fnv(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h = fnv(h, b);
        }
        return h;
    }

    private static long fnvLe(long h, long v, int size) {
        for (int k = 0; k < size; k++) {
            h = fnv(h, (byte) (v >>> (8 * k)));
        }
        return h;
    }

    private static long fnvInts(int[] a) {
        long h = FNV_OFFSET;
        for (int v : a) {
            h = fnvLe(h, v, 4);
        }
        return h;
    }

    private static long fnvLongs(long[] a) {
        long h = FNV_OFFSET;
        for (long v : a) {
            h = fnvLe(h, v, 8);
        }
        return h;
    }

    private static long fnvDoubles(double[] a) {
        long h = FNV_OFFSET;
        for (double v : a) {
            h = fnvLe(h, Double.doubleToRawLongBits(v), 8);
        }
        return h;
    }

    private static long fnvString(String s) {
        long h = FNV_OFFSET;
        for (int k = 0; k < s.length(); k++) {
            h = fnvLe(h, s.charAt(k), 2);
        }
        return h;
    }

    private static ByteBuffer le(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The benchmark for op over class, with the values of file. */
    private static Bench bench(String op, String cls, byte[] file) {
        boolean write = op.startsWith("write");
        if (write && !cls.endsWith("Output") || !write && !cls.endsWith("Input")) {
            throw new ProtocolError("BENCH " + op + " on " + cls);
        }
        switch (op) {
            case "writeVarInt":
            case "writeVarInts":
            case "writeInts":
            case "readVarInt":
            case "readVarInts":
            case "readInts": {
                int[] a = new int[file.length / 4];
                le(file).asIntBuffer().get(a);
                return intBench(op, cls, a);
            }
            case "writeVarLong":
            case "writeVarLongs":
            case "writeLongs":
            case "readVarLong":
            case "readVarLongs":
            case "readLongs": {
                long[] a = new long[file.length / 8];
                le(file).asLongBuffer().get(a);
                return longBench(op, cls, a);
            }
            case "writeDoubles":
            case "readDoubles": {
                double[] a = new double[file.length / 8];
                le(file).asDoubleBuffer().get(a);
                return doubleBench(op, cls, a);
            }
            case "writeString":
            case "readString": {
                char[] c = new char[file.length / 2];
                le(file).asCharBuffer().get(c);
                return stringBench(op, cls, new String(c));
            }
            case "writeObject":
            case "readObject":
                return objectBench(op, cls, new String(file, StandardCharsets.UTF_8).trim());
            default:
                throw new ProtocolError("unknown BENCH op " + op);
        }
    }

    /** The bytes Kryo's Output writes for one op (the read ops' input). */
    private static byte[] encoded(Bench writer) {
        writer.run();
        return ((WriteBench) writer).out.toBytes();
    }

    /** A write op on a reused output. */
    private abstract static class WriteBench extends Bench {
        final Output out;

        WriteBench(String cls, int capacity) {
            out = newOutput(cls, capacity, -1);
        }

        @Override
        long check() {
            run();
            return fnv(out.toBytes());
        }
    }

    /** A read op on an input rewound for every op. */
    private abstract static class ReadBench extends Bench {
        final Input in;

        ReadBench(String cls, byte[] bytes) {
            in = newInput(cls, bytes);
            wireBytes = bytes.length;
        }
    }

    private static Bench intBench(String op, String cls, int[] a) {
        int n = a.length;
        int cap = 5 * n + 16;
        switch (op) {
            case "writeVarInt":
                return sized(new WriteBench(cls, cap) {
                    @Override
                    long run() {
                        out.reset();
                        for (int i = 0; i < n; i++) {
                            out.writeVarInt(a[i], true);
                        }
                        return out.position();
                    }
                });
            case "writeVarInts":
                return sized(new WriteBench(cls, cap) {
                    @Override
                    long run() {
                        out.reset();
                        out.writeInts(a, 0, n, true);
                        return out.position();
                    }
                });
            case "writeInts":
                return sized(new WriteBench(cls, 4 * n + 16) {
                    @Override
                    long run() {
                        out.reset();
                        out.writeInts(a, 0, n);
                        return out.position();
                    }
                });
            case "readVarInt":
                return new ReadBench(cls, encoded(intBench("writeVarInt", "Output", a))) {
                    @Override
                    long run() {
                        in.setPosition(0);
                        long acc = 0;
                        for (int i = 0; i < n; i++) {
                            acc += in.readVarInt(true);
                        }
                        return acc;
                    }

                    @Override
                    long check() {
                        in.setPosition(0);
                        int[] got = new int[n];
                        for (int i = 0; i < n; i++) {
                            got[i] = in.readVarInt(true);
                        }
                        return fnvInts(got);
                    }
                };
            case "readVarInts":
                return new ReadBench(cls, encoded(intBench("writeVarInts", "Output", a))) {
                    @Override
                    long run() {
                        in.setPosition(0);
                        return in.readInts(n, true)[n - 1];
                    }

                    @Override
                    long check() {
                        in.setPosition(0);
                        return fnvInts(in.readInts(n, true));
                    }
                };
            case "readInts":
                return new ReadBench(cls, encoded(intBench("writeInts", "Output", a))) {
                    @Override
                    long run() {
                        in.setPosition(0);
                        return in.readInts(n)[n - 1];
                    }

                    @Override
                    long check() {
                        in.setPosition(0);
                        return fnvInts(in.readInts(n));
                    }
                };
            default:
                throw new ProtocolError("unknown BENCH op " + op);
        }
    }

    private static Bench longBench(String op, String cls, long[] a) {
        int n = a.length;
        int cap = 9 * n + 16;
        switch (op) {
            case "writeVarLong":
                return sized(new WriteBench(cls, cap) {
                    @Override
                    long run() {
                        out.reset();
                        for (int i = 0; i < n; i++) {
                            out.writeVarLong(a[i], true);
                        }
                        return out.position();
                    }
                });
            case "writeVarLongs":
                return sized(new WriteBench(cls, cap) {
                    @Override
                    long run() {
                        out.reset();
                        out.writeLongs(a, 0, n, true);
                        return out.position();
                    }
                });
            case "writeLongs":
                return sized(new WriteBench(cls, 8 * n + 16) {
                    @Override
                    long run() {
                        out.reset();
                        out.writeLongs(a, 0, n);
                        return out.position();
                    }
                });
            case "readVarLong":
                return new ReadBench(cls, encoded(longBench("writeVarLong", "Output", a))) {
                    @Override
                    long run() {
                        in.setPosition(0);
                        long acc = 0;
                        for (int i = 0; i < n; i++) {
                            acc += in.readVarLong(true);
                        }
                        return acc;
                    }

                    @Override
                    long check() {
                        in.setPosition(0);
                        long[] got = new long[n];
                        for (int i = 0; i < n; i++) {
                            got[i] = in.readVarLong(true);
                        }
                        return fnvLongs(got);
                    }
                };
            case "readVarLongs":
                return new ReadBench(cls, encoded(longBench("writeVarLongs", "Output", a))) {
                    @Override
                    long run() {
                        in.setPosition(0);
                        return in.readLongs(n, true)[n - 1];
                    }

                    @Override
                    long check() {
                        in.setPosition(0);
                        return fnvLongs(in.readLongs(n, true));
                    }
                };
            case "readLongs":
                return new ReadBench(cls, encoded(longBench("writeLongs", "Output", a))) {
                    @Override
                    long run() {
                        in.setPosition(0);
                        return in.readLongs(n)[n - 1];
                    }

                    @Override
                    long check() {
                        in.setPosition(0);
                        return fnvLongs(in.readLongs(n));
                    }
                };
            default:
                throw new ProtocolError("unknown BENCH op " + op);
        }
    }

    private static Bench doubleBench(String op, String cls, double[] a) {
        int n = a.length;
        if (op.equals("writeDoubles")) {
            return sized(new WriteBench(cls, 8 * n + 16) {
                @Override
                long run() {
                    out.reset();
                    out.writeDoubles(a, 0, n);
                    return out.position();
                }
            });
        }
        return new ReadBench(cls, encoded(doubleBench("writeDoubles", "Output", a))) {
            @Override
            long run() {
                in.setPosition(0);
                return (long) in.readDoubles(n)[n - 1];
            }

            @Override
            long check() {
                in.setPosition(0);
                return fnvDoubles(in.readDoubles(n));
            }
        };
    }

    private static Bench stringBench(String op, String cls, String s) {
        if (op.equals("writeString")) {
            return sized(new WriteBench(cls, 3 * s.length() + 16) {
                @Override
                long run() {
                    out.reset();
                    out.writeString(s);
                    return out.position();
                }
            });
        }
        return new ReadBench(cls, encoded(stringBench("writeString", "Output", s))) {
            @Override
            long run() {
                in.setPosition(0);
                return in.readString().length();
            }

            @Override
            long check() {
                in.setPosition(0);
                return fnvString(in.readString());
            }
        };
    }

    /** writeObject / readObject of a graph case's value with the case's Kryo. */
    private static Bench objectBench(String op, String cls, String name) {
        Object value;
        Kryo kryo;
        try {
            value = Graphs.value(name);
            kryo = Graphs.kryo(name);
        } catch (ReflectiveOperationException e) {
            throw new ProtocolError("graph case " + name + ": " + e);
        }
        if (op.equals("writeObject")) {
            return sized(new WriteBench(cls, 256) {
                @Override
                long run() {
                    out.reset();
                    kryo.writeObject(out, value);
                    return out.position();
                }
            });
        }
        Class<?> type = value.getClass();
        return new ReadBench(cls, encoded(objectBench("writeObject", "Output", name))) {
            Object last;

            @Override
            long run() {
                in.setPosition(0);
                last = kryo.readObject(in, type);
                return in.position();
            }

            @Override
            long check() {
                run();
                Output again = new Output(256, -1);
                kryo.writeObject(again, last);
                return fnv(again.toBytes());
            }
        };
    }

    /** Sets a write benchmark's wire bytes from one run. */
    private static Bench sized(WriteBench b) {
        b.wireBytes = (int) b.run();
        return b;
    }

    // ----- text forms ----------------------------------------------------------

    private String next() throws IOException {
        String s = in.readLine();
        if (s == null) {
            throw new ProtocolError("script ended inside a case");
        }
        return s;
    }

    private void emit() throws IOException {
        line.append('\n');
        out.append(line);
    }

    private void exception(Throwable e) {
        line.append(describe(e));
    }

    /** "<simple class name> <message on one line>". */
    static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage()).replace('\n', ' ').replace('\r', ' ');
        return e.getClass().getSimpleName() + " " + message;
    }

    private void hex(byte[] b) {
        hex(line, b);
    }

    /** Appends {@code x<hex>}. */
    static void hex(StringBuilder s, byte[] b) {
        s.append('x');
        for (byte x : b) {
            s.append(HEX[(x >>> 4) & 15]).append(HEX[x & 15]);
        }
    }

    private static boolean flag(String s) {
        switch (s) {
            case "0":
                return false;
            case "1":
                return true;
            default:
                throw new ProtocolError("bad flag " + s);
        }
    }

    private static boolean bool(String s) {
        switch (s) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new ProtocolError("bad boolean " + s);
        }
    }

    private static float f32(String s) {
        if (s.length() != 9 || s.charAt(0) != 'f') {
            throw new ProtocolError("bad float " + s);
        }
        return Float.intBitsToFloat(Integer.parseUnsignedInt(s.substring(1), 16));
    }

    private static double f64(String s) {
        if (s.length() != 17 || s.charAt(0) != 'd') {
            throw new ProtocolError("bad double " + s);
        }
        return Double.longBitsToDouble(Long.parseUnsignedLong(s.substring(1), 16));
    }

    private static void f32(StringBuilder v, float f) {
        int bits = Float.floatToRawIntBits(f);
        v.append('f');
        for (int shift = 28; shift >= 0; shift -= 4) {
            v.append(HEX[(bits >>> shift) & 15]);
        }
    }

    private static void f64(StringBuilder v, double d) {
        long bits = Double.doubleToRawLongBits(d);
        v.append('d');
        for (int shift = 60; shift >= 0; shift -= 4) {
            v.append(HEX[(int) (bits >>> shift) & 15]);
        }
    }

    private static int nibble(char c) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new ProtocolError("bad hex digit " + c);
        }
        return d;
    }

    static byte[] bytes(String s) {
        if (s.isEmpty() || s.charAt(0) != 'x' || s.length() % 2 != 1) {
            throw new ProtocolError("bad bytes");
        }
        byte[] b = new byte[s.length() / 2];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (nibble(s.charAt(1 + 2 * k)) << 4 | nibble(s.charAt(2 + 2 * k)));
        }
        return b;
    }

    private static String string(String s) {
        if (s.equals("N")) {
            return null;
        }
        if (s.isEmpty() || s.charAt(0) != 'S' || s.length() % 4 != 1) {
            throw new ProtocolError("bad string " + s);
        }
        char[] c = new char[s.length() / 4];
        for (int k = 0; k < c.length; k++) {
            int p = 1 + 4 * k;
            c[k] = (char) (nibble(s.charAt(p)) << 12 | nibble(s.charAt(p + 1)) << 8
                    | nibble(s.charAt(p + 2)) << 4 | nibble(s.charAt(p + 3)));
        }
        return new String(c);
    }

    private static String[] list(String s) {
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            throw new ProtocolError("bad list " + s);
        }
        if (s.length() == 2) {
            return new String[0];
        }
        return s.substring(1, s.length() - 1).split(",");
    }

    private static int[] ints(String s) {
        String[] l = list(s);
        int[] a = new int[l.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = Integer.parseInt(l[k]);
        }
        return a;
    }

    private static long[] longs(String s) {
        String[] l = list(s);
        long[] a = new long[l.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = Long.parseLong(l[k]);
        }
        return a;
    }

    private static void ints(StringBuilder v, int[] a) {
        v.append('[');
        for (int k = 0; k < a.length; k++) {
            v.append(k > 0 ? "," : "").append(a[k]);
        }
        v.append(']');
    }

    private static void longs(StringBuilder v, long[] a) {
        v.append('[');
        for (int k = 0; k < a.length; k++) {
            v.append(k > 0 ? "," : "").append(a[k]);
        }
        v.append(']');
    }
}
