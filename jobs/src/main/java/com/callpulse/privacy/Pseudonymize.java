package com.callpulse.privacy;

import com.callpulse.ingest.Ingested;
import com.callpulse.model.Event;
import com.callpulse.model.Stream;
import com.callpulse.schema.Column;
import com.callpulse.schema.RecordSchema;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Removes personal data right behind the source, before any record is shuffled, stored in state or written:
 * each {@code @Personal} field is replaced by its pseudonym, {@code @FreeText} fields and the raw text and reason
 * of refused records are scrubbed of phone numbers.
 */
public class Pseudonymize extends RichMapFunction<Ingested, Ingested> {
    private static final long serialVersionUID = 1L;

    private final String secret;
    private transient Pseudonymizer pseudonymizer;
    private transient PersonalDataScrubber scrubber;
    private transient Map<Stream, Fields> fields;

    public Pseudonymize(String secret) {
        this.secret = secret;
    }

    /** The columns to treat, per stream. */
    private static final class Fields {
        final List<Column[]> personal = new ArrayList<>(); // {personal column, its pseudonym column}
        final List<Column> freeText = new ArrayList<>();
    }

    @Override
    public void open(OpenContext openContext) {
        pseudonymizer = new Pseudonymizer(secret);
        scrubber = new PersonalDataScrubber(pseudonymizer);
        fields = new EnumMap<>(Stream.class);
        for (Stream s : Stream.values()) {
            RecordSchema<?> schema = RecordSchema.of(s.eventClass());
            Fields f = new Fields();
            for (Column c : schema.columns()) {
                if (c.personal()) {
                    f.personal.add(new Column[] {c, schema.byJavaName(c.pseudonymField())});
                }
                if (c.freeText()) {
                    f.freeText.add(c);
                }
            }
            fields.put(s, f);
        }
    }

    @Override
    public Ingested map(Ingested r) {
        if (r.isRefused()) {
            r.raw = scrubber.scrubRaw(r.tenantId, r.raw);
            r.detail = scrubber.scrubNumbers(r.tenantId, r.detail);
            return r;
        }
        Event e = r.event();
        Fields f = fields.get(r.stream);
        for (Column[] pair : f.personal) {
            Object value = pair[0].get(e);
            if (value != null) {
                pair[1].set(e, pseudonymizer.pseudonym(e.tenantId, (String) value));
                pair[0].set(e, null);
            }
        }
        for (Column c : f.freeText) {
            Object value = c.get(e);
            if (value != null) {
                c.set(e, scrubber.scrubFreeText(e.tenantId, (String) value));
            }
        }
        return r;
    }
}
