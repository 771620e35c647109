package com.callpulse.generator;

import com.callpulse.model.Stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes each stream to {@code DIR/<stream>/<stream>-<yyyyMMdd'T'HH>.jsonl.gz}, one file per {@code shardHours} of
 * emission time (named by the shard's UTC start), lines in the order received. Each stream has its own writer thread
 * doing the compression, with fast gzip, so the simulation does not wait for deflate.
 */
public final class FileLineSink implements LineSink {
    private static final int BATCH = 2048;

    /** A file written: its path relative to the output directory and its number of lines. */
    public record FileInfo(Stream stream, String path, long lines) {}

    private final Path dir;
    private final long shardMillis;
    private final StreamWriter[] writers = new StreamWriter[Stream.values().length];

    /** Prepares the directory, removing the stream files and manifest of an earlier run there. */
    public FileLineSink(Path dir, int shardHours) {
        this.dir = dir;
        this.shardMillis = shardHours * 3_600_000L;
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve("manifest.json"));
            for (Stream s : Stream.values()) {
                Path sub = dir.resolve(s.code());
                if (Files.isDirectory(sub)) {
                    try (DirectoryStream<Path> old = Files.newDirectoryStream(sub, s.code() + "-*.jsonl.gz")) {
                        for (Path p : old) {
                            Files.delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(Stream stream, long emitAt, String partitionKey, String line, Expectation expectation) {
        StreamWriter w = writers[stream.ordinal()];
        if (w == null) {
            w = writers[stream.ordinal()] = new StreamWriter(stream);
        }
        w.add(Math.floorDiv(emitAt, shardMillis) * shardMillis, line);
    }

    /** Flushes and closes every file; throws if any write failed. */
    @Override
    public void close() {
        IOException failure = null;
        for (StreamWriter w : writers) {
            if (w != null) {
                IOException e = w.finish();
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("writing " + dir + " failed: " + failure.getMessage(), failure);
        }
    }

    /** The files written, by stream then time. Complete after {@link #close()}. */
    public List<FileInfo> files() {
        List<FileInfo> all = new ArrayList<>();
        for (StreamWriter w : writers) {
            if (w != null) {
                all.addAll(w.files);
            }
        }
        return all;
    }

    static String fileName(Stream s, long shardStart) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(shardStart / 1000, 0, ZoneOffset.UTC);
        return String.format("%s-%04d%02d%02dT%02d.jsonl.gz", s.code(), t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
    }

    /** One stream's current file, fed in batches to its writer thread. */
    private final class StreamWriter {
        private final Stream stream;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private final List<FileInfo> files = new ArrayList<>();
        private volatile IOException failure;
        private long shardStart = Long.MIN_VALUE;
        private String currentPath;
        private long currentLines;
        private String[] batch = new String[BATCH];
        private int size;

        StreamWriter(Stream stream) {
            this.stream = stream;
            this.thread = new Thread(this::drain, "generate-" + stream.code());
            thread.setDaemon(true);
            thread.start();
        }

        void add(long shard, String line) {
            if (shard != shardStart) {
                if (shard < shardStart) {
                    throw new IllegalStateException(stream.code() + " lines went back in time to an earlier file");
                }
                endFile();
                shardStart = shard;
                currentPath = stream.code() + "/" + fileName(stream, shard);
                currentLines = 0;
                put(dir.resolve(currentPath));
            }
            batch[size++] = line;
            currentLines++;
            if (size == BATCH) {
                flushBatch();
            }
        }

        private void endFile() {
            if (currentPath != null) {
                flushBatch();
                files.add(new FileInfo(stream, currentPath, currentLines));
            }
        }

        private void flushBatch() {
            IOException failed = failure;
            if (failed != null) {
                throw new UncheckedIOException("writing " + stream.code() + " failed: " + failed.getMessage(), failed);
            }
            if (size > 0) {
                put(new Batch(batch, size));
                batch = new String[BATCH];
                size = 0;
            }
        }

        IOException finish() {
            endFile();
            put(End.END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new IOException("interrupted while closing " + stream.code());
            }
            return failure;
        }

        private void put(Object message) {
            try {
                queue.put(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        /** Writer thread: opens, fills and closes files as told; after a failure it only drains. */
        private void drain() {
            Writer out = null;
            while (true) {
                Object m;
                try {
                    m = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (m == End.END) {
                        if (out != null) {
                            out.close();
                        }
                        return;
                    }
                    if (failure != null) {
                        continue;
                    }
                    if (m instanceof Path) {
                        if (out != null) {
                            out.close();
                        }
                        out = open((Path) m);
                    } else {
                        Batch b = (Batch) m;
                        for (int i = 0; i < b.size; i++) {
                            out.write(b.lines[i]);
                            out.write('\n');
                        }
                    }
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
    }

    private static Writer open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream raw = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        return new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
    }

    private record Batch(String[] lines, int size) {}

    private enum End { END }
}
