package com.callpulse.dashboards.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an analyst may query: the lake's tables and their columns with the types DuckDB reads, described by the metric
 * dictionary (docs/metrics.md, shipped as the resource {@value #DICTIONARY}), whose {@code <!-- columns: table -->}
 * blocks are the one place a column's meaning is written down.
 */
public record Catalog(List<Table> tables) {
    public static final String DICTIONARY = "/docs/metrics.md";

    public record Table(String name, String description, List<Column> columns) {}

    public record Column(String name, String type, String description) {}

    /** The dictionary's descriptions: per table, its first paragraph ("" key) and each documented column's meaning. */
    public record Dictionary(Map<String, Map<String, String>> tables) {
        private static final Pattern BLOCK = Pattern.compile("<!-- columns: ([a-z0-9_]+) -->(.*?)<!-- /columns -->", Pattern.DOTALL);
        private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|\\s*(.*?)\\s*\\|\\s*$");

        public static Dictionary load() {
            try (InputStream in = Catalog.class.getResourceAsStream(DICTIONARY)) {
                if (in == null) {
                    throw new IllegalStateException(DICTIONARY + " is missing from the classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Dictionary parse(String markdown) {
            Map<String, Map<String, String>> tables = new LinkedHashMap<>();
            Matcher b = BLOCK.matcher(markdown);
            while (b.find()) {
                Map<String, String> columns = new LinkedHashMap<>();
                columns.put("", firstParagraphAfterHeading(markdown, b.group(1)));
                Matcher r = ROW.matcher(b.group(2));
                while (r.find()) {
                    columns.put(r.group(1), r.group(2));
                }
                tables.put(b.group(1), columns);
            }
            return new Dictionary(Map.copyOf(tables));
        }

        private static String firstParagraphAfterHeading(String markdown, String table) {
            Matcher h = Pattern.compile("(?m)^#{2,4} `" + table + "`\\s*$").matcher(markdown);
            if (!h.find()) {
                return "";
            }
            StringBuilder p = new StringBuilder();
            for (String line : markdown.substring(h.end()).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("|") || t.startsWith("<!--") || t.startsWith("```")) {
                    if (p.length() > 0) {
                        break;
                    }
                    if (t.isEmpty()) {
                        continue;
                    }
                    break;
                }
                p.append(p.length() == 0 ? "" : " ").append(t);
            }
            return p.toString();
        }

        public String table(String table) {
            return tables.getOrDefault(table, Map.of()).getOrDefault("", "");
        }

        public String column(String table, String column) {
            return tables.getOrDefault(table, Map.of()).getOrDefault(column, "");
        }
    }
}
