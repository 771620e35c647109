package com.callpulse.lake;

import com.callpulse.schema.Code;
import com.callpulse.schema.Column;
import com.callpulse.schema.RecordSchema;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes record classes to Parquet straight from their fields, using the same {@link RecordSchema} as the
 * parser: no Avro detour and no per-record conversion object. Column types: strings and codes as UTF-8 strings
 * (dictionary-encoded by Parquet), timestamps as TIMESTAMP(MILLIS, UTC) so DuckDB reads them as
 * {@code TIMESTAMP WITH TIME ZONE}, string arrays as LIST. {@code @Personal} fields are never written.
 */
public final class PojoParquet {
    /** Columns whose values (nearly) never repeat: a dictionary would only cost time before Parquet gives up on it. */
    private static final java.util.Set<String> NO_DICTIONARY =
            java.util.Set.of("event_id", "contact_id", "complaint_id", "linked_contact_id", "caller_key", "raw", "detail", "comment");

    private PojoParquet() {}

    public static <T> ParquetWriterFactory<T> writerFactory(Class<T> type, String compression) {
        return new ParquetWriterFactory<>(new Builder<>(type, compression));
    }

    /** The Parquet schema of a record class's lake columns. */
    public static MessageType messageType(RecordSchema<?> schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : schema.lakeColumns()) {
            b.addField(type(c));
        }
        return b.named(schema.type().getSimpleName());
    }

    private static Type type(Column c) {
        Type.Repetition rep = c.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
        switch (c.kind()) {
            case STRING:
            case CODE:
                return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(c.name());
            case INT:
                return Types.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
            case LONG:
                return Types.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
            case DOUBLE:
                return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
            case BOOLEAN:
                return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
            case TIMESTAMP:
                return Types.primitive(PrimitiveTypeName.INT64, rep)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(c.name());
            case STRING_LIST:
                return Types.list(rep).optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            default:
                throw new IllegalStateException(c.toString());
        }
    }

    private static final class Builder<T> implements ParquetBuilder<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final String compression;

        Builder(Class<T> type, String compression) {
            this.type = type;
            this.compression = compression;
        }

        @Override
        public ParquetWriter<T> createWriter(OutputFile out) throws java.io.IOException {
            WriterBuilder<T> b = new WriterBuilder<>(out, type)
                    .withCompressionCodec(CompressionCodecName.valueOf(compression))
                    .withConf(new Configuration(false));
            for (Column c : RecordSchema.of(type).lakeColumns()) {
                if (NO_DICTIONARY.contains(c.name())) {
                    b.withDictionaryEncoding(c.name(), false);
                }
            }
            return b.build();
        }
    }

    private static final class WriterBuilder<T> extends ParquetWriter.Builder<T, WriterBuilder<T>> {
        private final Class<T> type;

        WriterBuilder(OutputFile file, Class<T> type) {
            super(file);
            this.type = type;
        }

        @Override
        protected WriterBuilder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new RecordWriteSupport<>(RecordSchema.of(type));
        }
    }

    /** Streams one record's columns into Parquet's record consumer. */
    static final class RecordWriteSupport<T> extends WriteSupport<T> {
        private final RecordSchema<T> schema;
        private final Column[] columns;
        /** Code constants encoded once: codes repeat on every row. */
        private final Map<Enum<?>, Binary> codeBinaries = new HashMap<>();
        private RecordConsumer consumer;

        RecordWriteSupport(RecordSchema<T> schema) {
            this.schema = schema;
            List<Column> lake = schema.lakeColumns();
            this.columns = lake.toArray(new Column[0]);
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(messageType(schema), Map.of("callpulse.record", schema.type().getName()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(T record) {
            consumer.startMessage();
            for (int i = 0; i < columns.length; i++) {
                Column c = columns[i];
                if (c.isPrimitive()) {
                    consumer.startField(c.name(), i);
                    writePrimitive(c, record);
                    consumer.endField(c.name(), i);
                    continue;
                }
                Object v = c.get(record);
                if (v == null) {
                    continue;
                }
                consumer.startField(c.name(), i);
                writeValue(c, v);
                consumer.endField(c.name(), i);
            }
            consumer.endMessage();
        }

        private void writePrimitive(Column c, Object record) {
            switch (c.kind()) {
                case INT:
                    consumer.addInteger(c.getInt(record));
                    break;
                case LONG:
                case TIMESTAMP:
                    consumer.addLong(c.getLong(record));
                    break;
                default:
                    writeValue(c, c.get(record));
            }
        }

        private void writeValue(Column c, Object v) {
            switch (c.kind()) {
                case STRING:
                    consumer.addBinary(Binary.fromString((String) v));
                    break;
                case CODE:
                    consumer.addBinary(codeBinaries.computeIfAbsent((Enum<?>) v,
                            e -> Binary.fromConstantByteArray(((Code) e).code().getBytes(StandardCharsets.UTF_8))));
                    break;
                case INT:
                    consumer.addInteger((Integer) v);
                    break;
                case LONG:
                case TIMESTAMP:
                    consumer.addLong((Long) v);
                    break;
                case DOUBLE:
                    consumer.addDouble((Double) v);
                    break;
                case BOOLEAN:
                    consumer.addBoolean((Boolean) v);
                    break;
                case STRING_LIST:
                    writeList((String[]) v);
                    break;
                default:
                    throw new IllegalStateException(c.toString());
            }
        }

        /** Standard three-level LIST: group {repeated group list {optional element}}. */
        private void writeList(String[] items) {
            consumer.startGroup();
            if (items.length > 0) {
                consumer.startField("list", 0);
                for (String item : items) {
                    consumer.startGroup();
                    if (item != null) {
                        consumer.startField("element", 0);
                        consumer.addBinary(Binary.fromString(item));
                        consumer.endField("element", 0);
                    }
                    consumer.endGroup();
                }
                consumer.endField("list", 0);
            }
            consumer.endGroup();
        }
    }
}
