package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.ingest.Ingested;
import com.callpulse.ingest.JsonLinesFormat;
import com.callpulse.ingest.OrderedSplitAssigner;
import com.callpulse.model.Stream;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Bounded replay of a directory of {@code .jsonl[.gz]} files. A file belongs to the stream its name starts with
 * ({@code contact_events-2026-11-20.jsonl.gz}), anywhere below the directory. Each stream gets its own source,
 * reading its files in name order (names sort by time; the same name in two directories by path), so each stream's
 * watermark only moves forward. A file's origin in the quarantine is its path below the directory.
 */
public final class FileIngestSource implements IngestSource {
    private static final long serialVersionUID = 1L;

    private final String directory;

    public FileIngestSource(String directory) {
        this.directory = directory;
    }

    /** The input files of each stream, sorted; fails when the directory holds none at all. */
    public Map<Stream, List<Path>> files() {
        Map<Stream, List<Path>> byStream = new EnumMap<>(Stream.class);
        for (Stream s : Stream.values()) {
            byStream.put(s, new ArrayList<>());
        }
        try {
            Path root = new Path(directory);
            FileSystem fs = root.getFileSystem();
            if (!fs.exists(root)) {
                throw new IllegalArgumentException("input directory " + directory + " does not exist");
            }
            collect(fs, root, byStream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        byStream.values().forEach(l -> l.sort(OrderedSplitAssigner.FILE_ORDER));
        if (byStream.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no input files in " + directory
                    + ": expected files named <stream>-*.jsonl[.gz] for the streams contact_events, contact_records, agent_state_events, complaint_events, survey_responses");
        }
        return byStream;
    }

    private static void collect(FileSystem fs, Path dir, Map<Stream, List<Path>> byStream) throws IOException {
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (f.isDir()) {
                collect(fs, f.getPath(), byStream);
                continue;
            }
            for (Stream s : Stream.values()) {
                if (JsonLinesFormat.isFileOf(s, name)) {
                    byStream.get(s).add(f.getPath());
                }
            }
        }
    }

    @Override
    public Map<String, DataStream<Ingested>> open(StreamExecutionEnvironment env, CallPulseConfig config) {
        Map<String, DataStream<Ingested>> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<Stream, List<Path>> e : files().entrySet()) {
            Stream s = e.getKey();
            List<Path> paths = e.getValue();
            if (paths.isEmpty()) {
                continue;
            }
            FileSource<Ingested> source = FileSource
                    .forBulkFileFormat(new JsonLinesFormat(s, config.tenantsById().keySet(), config.ingest(), directory), paths.toArray(new Path[0]))
                    .setSplitAssigner(OrderedSplitAssigner::new)
                    .build();
            int parallelism = Math.min(paths.size(), config.ingest().parallelism());
            out.put(s.code(), env.fromSource(source, Watermarks.forIngest(config.ingest(), false), "read " + s.code() + " files")
                    .uid("source-" + s.code())
                    .setParallelism(parallelism));
        }
        return out;
    }

    @Override
    public List<String> inputs() {
        List<String> out = new ArrayList<>();
        String root = new Path(directory).toUri().getPath();
        try {
            for (List<Path> paths : files().values()) {
                for (Path p : paths) {
                    FileStatus st = p.getFileSystem().getFileStatus(p);
                    String rel = p.toUri().getPath().startsWith(root + "/") ? p.toUri().getPath().substring(root.length() + 1) : p.toString();
                    out.add(rel + " " + st.getLen() + " bytes, modified " + st.getModificationTime());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return out;
    }

    @Override
    public String describe() {
        return "files:" + directory;
    }

    @Override
    public boolean bounded() {
        return true;
    }
}
