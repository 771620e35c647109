package com.callpulse.schema;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/**
 * A record's columns in Flink's binary form: a null bitmap, then each non-null value (codes as their ordinal).
 * The binary sibling of the JSON reader and the Parquet writer, driven by the same {@link RecordSchema}. Used where
 * records cross the network inside an envelope: Flink's own POJO serializer first fills every field of a new
 * object with a default (a nested POJO, an empty string) only to overwrite it, which doubles the work.
 */
public final class RecordBinaryCodec {
    private RecordBinaryCodec() {}

    public static void write(RecordSchema<?> schema, Object record, DataOutputView out) throws IOException {
        long present = 0;
        for (Column c : schema.columns()) {
            if (c.isPrimitive() || c.get(record) != null) {
                present |= 1L << c.index();
            }
        }
        out.writeLong(present);
        for (Column c : schema.columns()) {
            if ((present & (1L << c.index())) == 0) {
                continue;
            }
            switch (c.kind()) {
                case STRING:
                    StringValue.writeString((String) c.get(record), out);
                    break;
                case CODE:
                    out.writeByte(((Enum<?>) c.get(record)).ordinal());
                    break;
                case INT:
                    out.writeInt(c.isPrimitive() ? c.getInt(record) : (Integer) c.get(record));
                    break;
                case LONG:
                case TIMESTAMP:
                    out.writeLong(c.isPrimitive() ? c.getLong(record) : (Long) c.get(record));
                    break;
                case DOUBLE:
                    out.writeDouble((Double) c.get(record));
                    break;
                case BOOLEAN:
                    out.writeBoolean((Boolean) c.get(record));
                    break;
                case STRING_LIST: {
                    String[] items = (String[]) c.get(record);
                    out.writeInt(items.length);
                    for (String s : items) {
                        StringValue.writeString(s, out);
                    }
                    break;
                }
                default:
                    throw new IllegalStateException(c.toString());
            }
        }
    }

    /** Fills {@code target} (a new instance of the schema's class) from what {@link #write} wrote. */
    public static <T> T read(RecordSchema<?> schema, T target, DataInputView in) throws IOException {
        long present = in.readLong();
        for (Column c : schema.columns()) {
            if ((present & (1L << c.index())) == 0) {
                continue;
            }
            switch (c.kind()) {
                case STRING:
                    c.set(target, StringValue.readString(in));
                    break;
                case CODE:
                    c.set(target, c.javaType().getEnumConstants()[in.readByte()]);
                    break;
                case INT:
                    c.setInt(target, in.readInt());
                    break;
                case LONG:
                case TIMESTAMP:
                    c.setLong(target, in.readLong());
                    break;
                case DOUBLE:
                    c.set(target, in.readDouble());
                    break;
                case BOOLEAN:
                    c.set(target, in.readBoolean());
                    break;
                case STRING_LIST: {
                    String[] items = new String[in.readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = StringValue.readString(in);
                    }
                    c.set(target, items);
                    break;
                }
                default:
                    throw new IllegalStateException(c.toString());
            }
        }
        return target;
    }
}
