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
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
            numeric[i] = isNumeric(md.getColumnType(i + 1));
        }
        int total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() < maxRows) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = format(v);
                }
                rows.add(row);
            }
        }
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width, numeric);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (String[] r : rows) {
            line(sb, r, width, numeric);
        }
        if (total > rows.size()) {
            sb.append(String.format(Locale.ROOT, "(%,d more rows)%n", total - rows.size()));
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

    private static boolean isNumeric(int sqlType) {
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
