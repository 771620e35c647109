package com.callpulse.app;

import com.callpulse.reconcile.RunSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The runs of one lake, as far as resuming them goes. Each run keeps, until it completes,
 * {@code <lake>/_checkpoints/<run id>/} with its Flink checkpoints, {@value #RUN_FILE} (what it reads: the source and
 * the input files with their sizes and times, and when it started) and {@value #LOCK_FILE} (held while a process runs
 * it). A completed run deletes the directory; one that is still there with a checkpoint is unfinished.
 */
final class Runs {
    static final String CHECKPOINTS_DIR = "_checkpoints";
    static final String RUN_FILE = "run.json";
    static final String LOCK_FILE = "run.lock";

    /** What a run reads and when it started. */
    record RunInfo(String runId, String source, List<String> inputs, String startedAt) {}

    private final String lake;
    private final ObjectMapper json = new ObjectMapper();

    Runs(String lake) {
        this.lake = lake;
    }

    /** The run's directory, with its file system's scheme ({@code file:/...}), which Flink's checkpoint storage insists on. */
    Path dir(String runId) {
        Path p = new Path(new Path(lake, CHECKPOINTS_DIR), runId);
        try {
            return p.makeQualified(p.getFileSystem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the lake's file system for " + p, e);
        }
    }

    Optional<RunInfo> info(String runId) throws IOException {
        Path file = new Path(dir(runId), RUN_FILE);
        if (!file.getFileSystem().exists(file)) {
            return Optional.empty();
        }
        try (FSDataInputStream in = file.getFileSystem().open(file)) {
            JsonNode n = json.readTree(in);
            List<String> inputs = new ArrayList<>();
            n.path("inputs").forEach(i -> inputs.add(i.asText()));
            return Optional.of(new RunInfo(n.path("run_id").asText(), n.path("source").asText(), inputs, n.path("started_at").asText()));
        }
    }

    void record(RunInfo info) throws IOException {
        ObjectNode n = json.createObjectNode().put("run_id", info.runId()).put("source", info.source()).put("started_at", info.startedAt());
        info.inputs().forEach(n.putArray("inputs")::add);
        Path file = new Path(dir(info.runId()), RUN_FILE);
        try (FSDataOutputStream out = file.getFileSystem().create(file, FileSystem.WriteMode.OVERWRITE)) {
            out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
        }
    }

    /** Whether {@code <lake>/_runs/<run id>.json} exists: the id was used in this lake. */
    boolean hasSummary(String runId) throws IOException {
        Path p = new Path(new Path(lake, RunSummary.RUNS_DIR), runId + ".json");
        return p.getFileSystem().exists(p);
    }

    /** Unfinished runs of a source, newest first (run ids start with their start time). */
    List<RunInfo> unfinished(String source) throws IOException {
        Path all = new Path(lake, CHECKPOINTS_DIR);
        FileSystem fs = all.getFileSystem();
        List<RunInfo> out = new ArrayList<>();
        if (!fs.exists(all)) {
            return out;
        }
        for (FileStatus f : fs.listStatus(all)) {
            if (!f.isDir()) {
                continue;
            }
            Optional<RunInfo> info = info(f.getPath().getName());
            if (info.isPresent() && info.get().source().equals(source) && latestCheckpoint(info.get().runId()).isPresent()) {
                out.add(info.get());
            }
        }
        out.sort(Comparator.comparing(RunInfo::runId).reversed());
        return out;
    }

    /** {@code <run dir>/<job id>/chk-N} with the highest N whose metadata was written. */
    Optional<Path> latestCheckpoint(String runId) {
        Path dir = dir(runId);
        try {
            FileSystem fs = dir.getFileSystem();
            if (!fs.exists(dir)) {
                return Optional.empty();
            }
            Path best = null;
            long bestN = -1;
            for (FileStatus job : fs.listStatus(dir)) {
                if (!job.isDir()) {
                    continue;
                }
                for (FileStatus chk : fs.listStatus(job.getPath())) {
                    String name = chk.getPath().getName();
                    if (chk.isDir() && name.matches("chk-\\d+") && fs.exists(new Path(chk.getPath(), "_metadata"))) {
                        long n = Long.parseLong(name.substring(4));
                        if (n > bestN) {
                            bestN = n;
                            best = chk.getPath();
                        }
                    }
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a run's checkpoints and records: it can no longer be resumed. */
    void retire(String runId) throws IOException {
        Path dir = dir(runId);
        FileSystem fs = dir.getFileSystem();
        // Flink may still be disposing of a subsumed checkpoint in its I/O threads when the job has returned; a
        // recursive delete racing with that fails, so it is tried again until the directory is gone
        for (int attempt = 0; attempt < 50; attempt++) {
            fs.delete(dir, true);
            if (!fs.exists(dir)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IOException("cannot delete the checkpoints of run " + runId + " at " + dir);
    }

    /**
     * Takes the run's lock, so that two processes never run (or resume) the same run at once. On a local lake it is
     * an operating-system file lock, released when the process ends however it ends; elsewhere (object stores have
     * no locks) there is none and one run per source at a time is up to the operator.
     *
     * @return the lock to close when the run is over, empty on a non-local lake
     * @throws IllegalStateException when another process holds it
     */
    Optional<AutoCloseable> lock(String runId) throws IOException {
        Path dir = dir(runId);
        if (!"file".equals(dir.toUri().getScheme())) {
            return Optional.empty();
        }
        java.nio.file.Path file = Paths.get(dir.toUri()).resolve(LOCK_FILE);
        java.nio.file.Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("run " + runId + " is being run by another process on this lake");
        }
        channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        return Optional.of(() -> {
            lock.release();
            channel.close();
        });
    }
}
