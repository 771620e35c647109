package com.callpulse.generator;

import com.callpulse.config.TenantConfig;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: the settings of a generated data set and, per stream, the lines written, the files and what
 * ingestion is expected to make of them. It holds nothing that changes between identical runs (no wall time).
 */
final class Manifest {
    private Manifest() {}

    static void write(Path file, GeneratorSettings s, double[] shares, HotlineSimulator.Summary summary, ExpectedTally tally, List<FileLineSink.FileInfo> files) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("date", s.date().toString());
        settings.put("days", s.days());
        settings.put("contacts_per_day", s.contactsPerDay());
        settings.put("seed", s.seed());
        settings.put("faults", s.faultRate());
        settings.put("shard_hours", s.shardHours());
        List<Object> tenants = new ArrayList<>();
        for (int i = 0; i < s.tenants().size(); i++) {
            TenantConfig t = s.tenants().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("time_zone", t.timeZone().getId());
            m.put("share", Math.round(shares[i] * 10_000) / 10_000.0);
            tenants.add(m);
        }
        settings.put("tenants", tenants);
        settings.put("max_out_of_orderness_seconds", s.config().ingest().maxOutOfOrderness().toSeconds());
        settings.put("allowed_lateness_seconds", s.config().ingest().allowedLateness().toSeconds());
        root.put("settings", settings);

        Map<String, Object> sim = new LinkedHashMap<>();
        sim.put("inbound_contacts", summary.inboundContacts());
        sim.put("outbound_callbacks", summary.outboundCallbacks());
        sim.put("agents", summary.agents());
        sim.put("complaints", summary.complaints());
        sim.put("survey_responses", summary.surveys());
        root.put("simulation", sim);

        root.put("lines", tally.total().lines);
        root.put("expected", counts(tally.total()));
        Map<String, Object> faults = new LinkedHashMap<>();
        for (Map.Entry<Fault, Long> e : tally.faults().entrySet()) {
            faults.put(e.getKey().code(), e.getValue());
        }
        root.put("faults", faults);

        Map<String, Object> streams = new LinkedHashMap<>();
        for (Stream st : Stream.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lines", tally.of(st).lines);
            m.putAll(counts(tally.of(st)));
            List<Object> list = new ArrayList<>();
            for (FileLineSink.FileInfo f : files) {
                if (f.stream() == st) {
                    Map<String, Object> fm = new LinkedHashMap<>();
                    fm.put("path", f.path());
                    fm.put("lines", f.lines());
                    list.add(fm);
                }
            }
            m.put("files", list);
            streams.put(st.code(), m);
        }
        root.put("streams", streams);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> counts(ExpectedTally.Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", c.accepted);
        m.put("late_kept", c.lateKept);
        m.put("duplicates", c.duplicates);
        Map<String, Object> rejected = new LinkedHashMap<>();
        for (Map.Entry<QuarantineReason, Long> e : c.rejected.entrySet()) {
            rejected.put(e.getKey().code(), e.getValue());
        }
        m.put("rejected", c.rejectedTotal());
        m.put("rejected_by_reason", rejected);
        return m;
    }
}
