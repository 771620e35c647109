package com.callpulse.dashboards.lake;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a query result as an aligned text table for the terminal. */
public final class TextTable {
    private TextTable() {}

    public static String render(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> header = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            header.add(md.getColumnLabel(i + 1));
            numeric.add(isNumeric(md.getColumnType(i + 1)));
        }
        List<List<Object>> rows = new ArrayList<>();
        int total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() < maxRows) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    row.add(rs.getObject(i + 1));
                }
                rows.add(row);
            }
        }
        String table = render(header, numeric, rows);
        return total > rows.size() ? table + String.format(Locale.ROOT, "(%,d more rows)%n", total - rows.size()) : table;
    }

    /** Rows already read (values as JDBC gives them); {@code numeric} columns align right. */
    public static String render(List<String> header, List<Boolean> numeric, List<List<Object>> values) {
        int n = header.size();
        List<String[]> rows = new ArrayList<>();
        for (List<Object> v : values) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                row[i] = format(v.get(i));
            }
            rows.add(row);
        }
        String[] head = header.toArray(new String[0]);
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            right[i] = numeric.get(i);
        }
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = head[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, width, right);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (String[] r : rows) {
            line(sb, r, width, right);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, boolean[] numeric) {
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(i == 0 ? "" : "  ").append(numeric[i] ? pad + cells[i] : cells[i] + pad);
        }
        sb.append('\n');
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
            return String.format(Locale.ROOT, "%,.2f", ((Number) v).doubleValue());
        }
        if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger) {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        return v.toString();
    }

    /** Whether a JDBC column type holds numbers (aligned right, and numbers in JSON). */
    public static boolean isNumeric(int sqlType) {
        switch (sqlType) {
            case java.sql.Types.INTEGER:
            case java.sql.Types.BIGINT:
            case java.sql.Types.SMALLINT:
            case java.sql.Types.TINYINT:
            case java.sql.Types.DOUBLE:
            case java.sql.Types.FLOAT:
            case java.sql.Types.DECIMAL:
            case java.sql.Types.NUMERIC:
            case java.sql.Types.REAL:
                return true;
            default:
                return false;
        }
    }
}
