package dev.telephony.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.Route;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a command's result: aligned tables and label/value blocks for people, JSON for scripts
 * ({@code --json}). Progress and notes go to stderr, so stdout holds only the result.
 */
final class Output {
    private static final String GAP = "  ";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Whether the result is to be printed as JSON. */
    boolean json() {
        return json;
    }

    /** Prints {@code node} as indented JSON. */
    void json(JsonNode node) {
        try {
            out.println(Json.MAPPER.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Prints a line of the result. */
    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** A note beside the result (progress, counts, hints): on stderr. */
    void note(String text) {
        err.println(text);
        err.flush();
    }

    /** Prints rows under headers, each column as wide as its widest cell; the last column is not padded. */
    void table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        out.println(row(headers, widths));
        rows.forEach(r -> out.println(row(r, widths)));
        out.flush();
    }

    /** Prints label/value lines with the values aligned. */
    void details(List<Map.Entry<String, String>> lines) {
        int width = lines.stream().map(Map.Entry::getKey).mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> line : lines) {
            out.println(pad(line.getKey(), width) + GAP + cell(line.getValue()));
        }
        out.flush();
    }

    /** A table printed row by row as rows arrive, with fixed column widths: nothing is held back. */
    StreamingTable streamingTable(List<String> headers, int... widths) {
        return new StreamingTable(headers, widths);
    }

    /** A JSON array printed element by element as elements arrive. */
    JsonArrayStream jsonArray() {
        return new JsonArrayStream();
    }

    final class StreamingTable {
        private final List<String> headers;
        private final int[] widths;
        private boolean started;

        private StreamingTable(List<String> headers, int[] widths) {
            this.headers = headers;
            this.widths = widths;
        }

        void add(List<String> cells) {
            if (!started) {
                out.println(row(headers, widths));
                started = true;
            }
            out.println(row(cells, widths));
            out.flush();
        }
    }

    final class JsonArrayStream implements AutoCloseable {
        private final JsonGenerator generator;

        private JsonArrayStream() {
            try {
                generator = Json.MAPPER.getFactory().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                generator.useDefaultPrettyPrinter();
                generator.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(JsonNode node) {
            try {
                Json.MAPPER.writeTree(generator, node);
                generator.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                generator.writeEndArray();
                generator.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
            out.flush();
        }
    }

    // ---- cell formats -------------------------------------------------------------------------

    static String features(Set<NumberFeature> features) {
        return features.isEmpty() ? "-" : features.stream().sorted(Comparator.comparingInt(Enum::ordinal))
                .map(Enum::name).collect(Collectors.joining(","));
    }

    static String route(Optional<Route> route) {
        return route.map(r -> r.method() + " " + r.url()
                + r.fallbackUrl().map(f -> " (fallback " + r.fallbackMethod() + " " + f + ")").orElse("")).orElse("-");
    }

    /** An instant for people: to the second. */
    static String time(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    static Map.Entry<String, String> entry(String label, String value) {
        return Map.entry(label, cell(value));
    }

    static List<Map.Entry<String, String>> lines() {
        return new ArrayList<>();
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cell(cells.get(i));
            line.append(i == cells.size() - 1 ? cell : pad(cell, widths[i]) + GAP);
        }
        return line.toString().stripTrailing();
    }

    private static String cell(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
