package com.callpulse.ingest;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;
import org.apache.flink.core.fs.Path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Hands out files in name order (then by full path). Input files are named by the time they cover, and a reader's
 * watermark can never go back, so reading a later file before an earlier one would make the earlier one's events
 * late. (Flink's default assigner takes splits from the end of its list.)
 */
public final class OrderedSplitAssigner implements FileSplitAssigner {
    /** The order of input files: by name, then by full path. */
    public static final Comparator<Path> FILE_ORDER = Comparator.comparing(Path::getName).thenComparing(Path::toString);
    private static final Comparator<FileSourceSplit> ORDER =
            Comparator.comparing(FileSourceSplit::path, FILE_ORDER).thenComparingLong(FileSourceSplit::offset);

    private final TreeSet<FileSourceSplit> pending = new TreeSet<>(ORDER);

    public OrderedSplitAssigner(Collection<FileSourceSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(pending.pollFirst());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        return new ArrayList<>(pending);
    }
}
