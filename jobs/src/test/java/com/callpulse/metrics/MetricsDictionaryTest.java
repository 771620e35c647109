package com.callpulse.metrics;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.lake.ParquetLake;
import com.callpulse.live.LiveSink;
import com.callpulse.model.Partitioned;
import com.callpulse.model.Stream;
import com.callpulse.pipeline.CallPulsePipeline;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.reconcile.TallyDelta;
import com.callpulse.schema.Column;
import com.callpulse.schema.RecordSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/metrics.md and the code agree: every metric table the job writes has its section, and the section's column
 * table is the one generated from the row class's {@code @Doc}s. Run with {@code -Dcallpulse.docs.update=true} to
 * rewrite the column tables from the code (then read the diff).
 */
class MetricsDictionaryTest {
    private static final Path DOC = Path.of("..", "docs", "metrics.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- columns: ([a-z_]+) -->\\n(.*?)<!-- /columns -->\\n", Pattern.DOTALL);

    /** Every lake table the whole job writes, with its row class, found by building the job graph. */
    static Map<String, Class<?>> metricTables() {
        Map<String, Class<?>> tables = new LinkedHashMap<>();
        LakeSinks recorder = new LakeSinks() {
            @Override
            public <T extends Partitioned> void table(String name, Class<T> rowClass, DataStream<T> rows) {
                tables.put(name, rowClass);
            }

            @Override
            public void runSummary(DataStream<TallyDelta> deltas) {}
        };
        CallPulsePipeline.build(StreamExecutionEnvironment.getExecutionEnvironment(), CallPulseConfig.defaults(),
                new FileIngestSource(Path.of("..", "sample-data").toString()), recorder, LiveSink.none());
        for (Stream s : Stream.values()) {
            tables.remove(s.code()); // fact tables: docs/events.md
        }
        tables.remove(ParquetLake.QUARANTINE);
        return tables;
    }

    /** The generated column table of a row class: column, type, meaning (required columns say so). */
    static String columns(Class<?> rowClass) {
        StringBuilder sb = new StringBuilder("| column | type | meaning |\n|---|---|---|\n");
        for (Column c : RecordSchema.of(rowClass).lakeColumns()) {
            String type = c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            sb.append("| `").append(c.name()).append("` | ").append(type).append(c.required() ? ", never null" : "").append(" | ")
                    .append(c.doc() == null ? "" : c.doc().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void everyMetricTableHasItsSectionAndItsGeneratedColumns() throws Exception {
        Map<String, Class<?>> tables = metricTables();
        assertThat(tables).containsKeys("queue_intervals", "demand_intervals", "satisfaction_intervals", "marketing_intervals");
        String doc = Files.readString(DOC);
        if (Boolean.getBoolean("callpulse.docs.update")) {
            doc = update(doc, tables);
            Files.writeString(DOC, doc);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        for (Map.Entry<String, Class<?>> t : tables.entrySet()) {
            String table = t.getKey();
            if (!doc.contains("### `" + table + "`")) {
                problems.add("no section ### `" + table + "`");
            }
            if (!blocks.containsKey(table)) {
                problems.add("no <!-- columns: " + table + " --> block");
            } else if (!blocks.get(table).equals(columns(t.getValue()))) {
                problems.add("the columns of " + table + " differ from " + t.getValue().getSimpleName() + "'s @Doc (run with -Dcallpulse.docs.update=true)");
            }
            for (Column c : RecordSchema.of(t.getValue()).lakeColumns()) {
                if (c.doc() == null || c.doc().isBlank()) {
                    problems.add(table + "." + c.name() + " has no @Doc");
                }
            }
        }
        for (String documented : blocks.keySet()) {
            if (!tables.containsKey(documented)) {
                problems.add("docs/metrics.md documents " + documented + ", which the job does not write");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Fills every existing block with the generated columns (sections and prose are written by hand). */
    private static String update(String doc, Map<String, Class<?>> tables) {
        Matcher m = BLOCK.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Class<?> row = tables.get(m.group(1));
            String body = row == null ? m.group(2) : columns(row);
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- columns: " + m.group(1) + " -->\n" + body + "<!-- /columns -->\n"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
