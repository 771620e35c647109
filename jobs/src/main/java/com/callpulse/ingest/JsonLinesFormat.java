package com.callpulse.ingest;

import com.callpulse.model.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code .jsonl} or {@code .jsonl.gz} file of one stream, one event per line, into {@link Ingested}
 * records that know their file and line number. A file is one split (gzip cannot be split); the checkpointed
 * position is the number of lines already read, so a restored reader skips exactly those.
 *
 * <p>Lines are parsed straight from the byte buffer; a String is made only for refused lines. Blank lines carry no
 * record and are skipped (they still count as lines, so line numbers match any editor).
 */
public final class JsonLinesFormat implements BulkFormat<Ingested, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 512;

    private final Stream stream;
    private final Set<String> tenants;
    private final int schemaVersion;
    private final int maxRecordBytes;

    public JsonLinesFormat(Stream stream, Set<String> tenants, int schemaVersion, int maxRecordBytes) {
        this.stream = stream;
        this.tenants = Set.copyOf(tenants);
        this.schemaVersion = schemaVersion;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Reader<Ingested> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new LineReader(split, 0);
    }

    @Override
    public Reader<Ingested> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long linesDone = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return new LineReader(split, linesDone);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return TypeInformation.of(Ingested.class);
    }

    /** Whether a file name belongs to a stream: {@code <stream>[-anything].jsonl[.gz]}. */
    public static boolean isFileOf(Stream s, String fileName) {
        boolean jsonl = fileName.endsWith(".jsonl") || fileName.endsWith(".jsonl.gz");
        return jsonl && (fileName.startsWith(s.code() + "-") || fileName.startsWith(s.code() + "."));
    }

    private final class LineReader implements BulkFormat.Reader<Ingested> {
        private final InputStream in;
        private final String origin;
        private final EventParser parser = new EventParser(tenants, schemaVersion, maxRecordBytes);
        private final byte[] buf = new byte[1 << 16];
        private int bufPos;
        private int bufLimit;
        private byte[] line = new byte[4096];
        private long lineNumber;
        private boolean eof;

        LineReader(FileSourceSplit split, long linesToSkip) throws IOException {
            FileSystem fs = split.path().getFileSystem();
            FSDataInputStream raw = fs.open(split.path());
            InputStream s = split.path().getName().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            this.in = s;
            this.origin = split.path().getName();
            while (lineNumber < linesToSkip && !eof) {
                readLine();
            }
        }

        @Override
        public RecordIterator<Ingested> readBatch() throws IOException {
            if (eof) {
                return null;
            }
            Ingested[] records = new Ingested[BATCH];
            long[] lines = new long[BATCH];
            int n = 0;
            while (n < BATCH) {
                int len = readLine();
                if (len < 0) {
                    break;
                }
                int start = 0;
                if (lineNumber == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                    start = 3; // UTF-8 byte order mark
                }
                if (isBlank(start, len)) {
                    continue;
                }
                records[n] = len > maxRecordBytes
                        ? parser.tooLarge(stream, line, start, Math.min(len, line.length) - start, len, origin, lineNumber)
                        : parser.parse(stream, line, start, len - start, origin, lineNumber);
                lines[n] = lineNumber;
                n++;
            }
            if (n == 0) {
                return null;
            }
            return new Batch(records, lines, n);
        }

        /** Reads the next line into {@link #line}; returns its length (without the line break), or -1 at the end. */
        private int readLine() throws IOException {
            int len = 0;
            boolean any = false;
            while (true) {
                if (bufPos == bufLimit) {
                    bufLimit = in.read(buf, 0, buf.length);
                    bufPos = 0;
                    if (bufLimit <= 0) {
                        bufLimit = 0;
                        break;
                    }
                }
                any = true;
                int nl = bufPos;
                while (nl < bufLimit && buf[nl] != '\n') {
                    nl++;
                }
                int chunk = nl - bufPos;
                int room = Math.max(0, maxRecordBytes + 1 - len); // beyond the limit only the length matters
                int copy = Math.min(chunk, room);
                if (copy > 0) {
                    ensureCapacity(len + copy);
                    System.arraycopy(buf, bufPos, line, len, copy);
                }
                len += chunk;
                bufPos = nl;
                if (nl < bufLimit) {
                    bufPos++; // consume the line break
                    break;
                }
            }
            if (!any) {
                eof = true;
                return -1;
            }
            lineNumber++;
            if (len > 0 && len <= line.length && line[len - 1] == '\r') {
                len--;
            }
            return len;
        }

        private void ensureCapacity(int n) {
            if (n > line.length) {
                byte[] bigger = new byte[Math.max(n, Math.min(line.length * 2, maxRecordBytes + 1))];
                System.arraycopy(line, 0, bigger, 0, line.length);
                line = bigger;
            }
        }

        private boolean isBlank(int from, int len) {
            for (int i = from; i < Math.min(len, line.length); i++) {
                byte c = line[i];
                if (c != ' ' && c != '\t' && c != '\r') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A batch of records, each positioned after its own line so a restore resumes at the next line. */
    private static final class Batch implements RecordIterator<Ingested> {
        private final Ingested[] records;
        private final long[] lines;
        private final int size;
        private int next;

        Batch(Ingested[] records, long[] lines, int size) {
            this.records = records;
            this.lines = lines;
            this.size = size;
        }

        @Override
        public RecordAndPosition<Ingested> next() {
            if (next == size) {
                return null;
            }
            int i = next++;
            return new RecordAndPosition<>(records[i], CheckpointedPosition.NO_OFFSET, lines[i]);
        }

        @Override
        public void releaseBatch() {}
    }
}
