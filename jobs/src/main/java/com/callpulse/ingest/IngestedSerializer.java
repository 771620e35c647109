package com.callpulse.ingest;

import com.callpulse.model.Event;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.callpulse.schema.RecordBinaryCodec;
import com.callpulse.schema.RecordSchema;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Binary form of the {@link Ingested} envelope for its one trip over the network (to the de-duplication step):
 * a flag byte, where the record came from, then either its event (through {@link RecordBinaryCodec}) or why it was
 * refused. Only the one event that is set is written, and nothing is created that is not kept.
 */
public final class IngestedSerializer extends TypeSerializer<Ingested> {
    private static final long serialVersionUID = 1L;
    public static final IngestedSerializer INSTANCE = new IngestedSerializer();

    private static final int REFUSED = 1;
    private static final int LATE = 2;
    private static final Stream[] STREAMS = Stream.values();
    private static final QuarantineReason[] REASONS = QuarantineReason.values();

    @Override
    public void serialize(Ingested r, DataOutputView out) throws IOException {
        out.writeByte(r.stream.ordinal());
        out.writeByte((r.isRefused() ? REFUSED : 0) | (r.late ? LATE : 0));
        StringValue.writeString(r.origin, out);
        out.writeLong(r.position);
        out.writeLong(r.eventTime);
        out.writeLong(r.streamTime);
        if (r.isRefused()) {
            out.writeByte(r.reason.ordinal());
            nullable(r.detail, out);
            nullable(r.raw, out);
            nullable(r.tenantId, out);
            nullable(r.eventId, out);
            Event e = r.event();
            out.writeBoolean(e != null);
            if (e != null) {
                RecordBinaryCodec.write(RecordSchema.of(e.getClass()), e, out);
            }
        } else {
            Event e = r.event();
            RecordBinaryCodec.write(RecordSchema.of(e.getClass()), e, out);
        }
    }

    @Override
    public Ingested deserialize(DataInputView in) throws IOException {
        Ingested r = new Ingested();
        r.stream = STREAMS[in.readByte()];
        int flags = in.readByte();
        r.late = (flags & LATE) != 0;
        r.origin = StringValue.readString(in);
        r.position = in.readLong();
        r.eventTime = in.readLong();
        r.streamTime = in.readLong();
        if ((flags & REFUSED) != 0) {
            r.reason = REASONS[in.readByte()];
            r.detail = nullable(in);
            r.raw = nullable(in);
            r.tenantId = nullable(in);
            r.eventId = nullable(in);
            if (in.readBoolean()) {
                r.attach(readEvent(r.stream, in));
            }
        } else {
            r.attach(readEvent(r.stream, in));
        }
        return r;
    }

    private static Event readEvent(Stream s, DataInputView in) throws IOException {
        return RecordBinaryCodec.read(RecordSchema.of(s.eventClass()), s.newEvent(), in);
    }

    private static void nullable(String s, DataOutputView out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            StringValue.writeString(s, out);
        }
    }

    private static String nullable(DataInputView in) throws IOException {
        return in.readBoolean() ? StringValue.readString(in) : null;
    }

    @Override
    public Ingested deserialize(Ingested reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public Ingested copy(Ingested from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(512);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Ingested copy(Ingested from, Ingested reuse) {
        return copy(from);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Ingested> duplicate() {
        return this; // stateless
    }

    @Override
    public Ingested createInstance() {
        return new Ingested();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof IngestedSerializer;
    }

    @Override
    public int hashCode() {
        return IngestedSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<Ingested> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Needed by Flink's API; the envelope is never kept in state. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Ingested> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Makes Flink use this serializer wherever {@link Ingested} appears (see the annotation on the class). */
    public static final class Factory extends TypeInfoFactory<Ingested> {
        @Override
        public TypeInformation<Ingested> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new Info();
        }
    }

    /** The type information that hands out {@link IngestedSerializer}. */
    public static final class Info extends TypeInformation<Ingested> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<Ingested> getTypeClass() {
            return Ingested.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<Ingested> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "Ingested(envelope)";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Info;
        }

        @Override
        public int hashCode() {
            return Info.class.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof Info;
        }
    }
}
