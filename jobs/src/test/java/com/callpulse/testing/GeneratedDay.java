package com.callpulse.testing;

import com.callpulse.generator.Expectation;
import com.callpulse.generator.FileLineSink;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.generator.LineSink;
import com.callpulse.model.Stream;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample day (2026-11-20, 10,000 contacts, seed 7, 1 % faults) generated into files, with the lines the
 * generator expects ingestion to accept: what the oracles compute from, and what replays in delivery order use.
 */
public final class GeneratedDay {
    /** The directory of the day's {@code .jsonl.gz} files. */
    public final Path dir;
    /** {stream code, line} of every line ingestion must accept. */
    public final List<String[]> accepted = new ArrayList<>();
    /** {stream, emitAt (Long), line} of every accepted line, in delivery order. */
    public final List<Object[]> delivered = new ArrayList<>();

    private GeneratedDay(Path dir) {
        this.dir = dir;
    }

    public static GeneratedDay sampleDay(Path dir) {
        GeneratorSettings settings = GeneratorSettings.of(LocalDate.parse("2026-11-20"), 1, 10_000, 7, 0.01);
        GeneratedDay day = new GeneratedDay(dir);
        LineSink files = new FileLineSink(dir, settings.shardHours());
        new HotlineSimulator(settings).run(new LineSink() {
            @Override
            public void accept(Stream stream, long emitAt, String key, String line, Expectation e) {
                if (e.accepted()) {
                    day.accepted.add(new String[] {stream.code(), line});
                    day.delivered.add(new Object[] {stream, emitAt, line});
                }
                files.accept(stream, emitAt, key, line, e);
            }

            @Override
            public void close() {
                files.close();
            }
        }, n -> {}, null);
        return day;
    }
}
