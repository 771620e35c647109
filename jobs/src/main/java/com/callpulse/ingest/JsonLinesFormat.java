package com.callpulse.ingest;

import com.callpulse.config.IngestConfig;
import com.callpulse.model.QuarantineReason;
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
 * record and are skipped (they still count as lines, so line numbers match any editor). A file that cannot be read to
 * its end (a truncated gzip) yields one {@code unreadable} record at the first line it could not read, instead of
 * failing the run over and over.
 */
public final class JsonLinesFormat implements BulkFormat<Ingested, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 512;

    private final Stream stream;
    private final Set<String> tenants;
    private final IngestConfig config;
    private final int maxRecordBytes;
    private final String root;

    /** @param inputRoot the replayed directory: origins are file paths below it */
    public JsonLinesFormat(Stream stream, Set<String> tenants, IngestConfig config, String inputRoot) {
        this.stream = stream;
        this.tenants = Set.copyOf(tenants);
        this.config = config;
        this.maxRecordBytes = config.maxRecordBytes();
        String r = new org.apache.flink.core.fs.Path(inputRoot).toUri().getPath();
        this.root = r.endsWith("/") ? r : r + "/";
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
        private final EventParser parser = EventParser.of(tenants, config);
        private final byte[] buf = new byte[1 << 16];
        private int bufPos;
        private int bufLimit;
        private byte[] line = new byte[4096];
        private long lineNumber;
        private boolean eof;
        /** Set when the file could not even be opened as what its name says (e.g. a .gz that is no gzip). */
        private IOException failure;

        LineReader(FileSourceSplit split, long linesToSkip) throws IOException {
            String path = split.path().toUri().getPath();
            this.origin = path.startsWith(root) ? path.substring(root.length()) : split.path().getName();
            FileSystem fs = split.path().getFileSystem();
            FSDataInputStream raw = fs.open(split.path());
            InputStream s;
            try {
                s = split.path().getName().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            } catch (IOException notGzip) {
                raw.close();
                s = InputStream.nullInputStream();
                failure = notGzip;
            }
            this.in = s;
            try {
                while (lineNumber < linesToSkip && !eof) {
                    readLine();
                }
            } catch (IOException e) {
                eof = true; // the unreadable rest was reported before the checkpoint this reader restores
            }
        }

        @Override
        public RecordIterator<Ingested> readBatch() {
            if (eof) {
                return null;
            }
            Ingested[] records = new Ingested[BATCH];
            long[] lines = new long[BATCH];
            int n = 0;
            while (n < BATCH) {
                long len;
                try {
                    if (failure != null) {
                        throw failure;
                    }
                    len = readLine();
                } catch (IOException e) {
                    eof = true;
                    lineNumber++;
                    records[n] = Ingested.refused(stream, origin, lineNumber, QuarantineReason.UNREADABLE,
                            "the file could not be read from line " + lineNumber + " on: " + e, "");
                    lines[n++] = lineNumber;
                    break;
                }
                if (len < 0) {
                    break;
                }
                int start = 0;
                if (lineNumber == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                    start = 3; // UTF-8 byte order mark
                }
                if (len > maxRecordBytes) {
                    records[n] = parser.tooLarge(stream, line, start, (int) Math.min(len, maxRecordBytes + 1L) - start, len, origin, lineNumber);
                } else if (isBlank(start, (int) len)) {
                    continue;
                } else {
                    records[n] = parser.parse(stream, line, start, (int) len - start, origin, lineNumber);
                }
                lines[n] = lineNumber;
                n++;
            }
            if (n == 0) {
                return null;
            }
            return new Batch(records, lines, n);
        }

        /**
         * Reads the next line into {@link #line}; returns its length (without the line break), or -1 at the end. Of a
         * line over the size limit only the start is kept; its length is counted in full, beyond 2 GiB too.
         */
        private long readLine() throws IOException {
            long len = 0;
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
                int copy = (int) Math.min(chunk, Math.max(0, maxRecordBytes + 1 - len)); // beyond the limit only the length matters
                if (copy > 0) {
                    ensureCapacity((int) len + copy);
                    System.arraycopy(buf, bufPos, line, (int) len, copy);
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
            if (len > 0 && len <= line.length && line[(int) len - 1] == '\r') {
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
