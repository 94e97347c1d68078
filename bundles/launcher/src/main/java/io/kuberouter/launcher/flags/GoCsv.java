package io.kuberouter.launcher.flags;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV handling of pflag's string-slice values: {@code readAsCSV} (the first record of Go's
 * {@code encoding/csv} reader with default settings) and {@code writeAsCSV} (used to print defaults).
 * Error texts are Go's, e.g. {@code parse error on line 1, column 2: bare " in non-quoted-field}.
 */
final class GoCsv {

    private GoCsv() {
    }

    /**
     * Splits one flag value into fields. The empty string gives no fields; only the first record (line) counts;
     * fields may be double-quoted, with {@code ""} standing for a quote.
     *
     * @throws IllegalArgumentException with Go's CSV parse error text
     */
    static List<String> readRecord(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        String text = value.replace("\r\n", "\n");
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return new RecordReader(text).read();
    }

    /** Joins fields as one CSV record without the line ending, quoting only where Go's writer would. */
    static String writeRecord(List<String> fields) {
        List<String> written = new ArrayList<>(fields.size());
        for (String field : fields) {
            written.add(needsQuotes(field) ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return String.join(",", written);
    }

    private static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.equals("\\.") || field.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '"' || c == ',')) {
            return true;
        }
        return Character.isWhitespace(field.codePointAt(0)) || Character.isSpaceChar(field.codePointAt(0));
    }

    /** Scans the first record of a text whose line endings are already {@code \n}. */
    private static final class RecordReader {
        private final String text;
        private final List<String> fields = new ArrayList<>();
        private int position;
        private int line = 1;
        private int lineStart;
        private int recordLine;

        RecordReader(String text) {
            this.text = text;
        }

        List<String> read() {
            while (position < text.length() && text.charAt(position) == '\n') {
                position++;
                line++;
                lineStart = position;
            }
            if (position == text.length()) {
                throw new IllegalArgumentException("EOF");
            }
            recordLine = line;
            boolean more = true;
            while (more) {
                more = position < text.length() && text.charAt(position) == '"' ? quotedField() : plainField();
            }
            return fields;
        }

        /** Reads a field up to a comma or the end of the line; true when another field follows. */
        private boolean plainField() {
            int end = position;
            while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '\n') {
                end++;
            }
            String field = text.substring(position, end);
            int quote = field.indexOf('"');
            if (quote >= 0) {
                throw error(position + quote, "bare \" in non-quoted-field");
            }
            fields.add(field);
            position = end + 1;
            return end < text.length() && text.charAt(end) == ',';
        }

        /** Reads a quoted field starting at its opening quote; true when another field follows. */
        private boolean quotedField() {
            StringBuilder field = new StringBuilder();
            position++;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\n') {
                    field.append(c);
                    line++;
                    lineStart = position;
                } else if (c != '"') {
                    field.append(c);
                } else if (position < text.length() && text.charAt(position) == '"') {
                    field.append('"');
                    position++;
                } else {
                    return endOfQuotedField(field.toString());
                }
            }
            throw error(position, "extraneous or missing \" in quoted-field");
        }

        private boolean endOfQuotedField(String field) {
            if (position == text.length() || text.charAt(position) == '\n') {
                fields.add(field);
                return false;
            }
            if (text.charAt(position) == ',') {
                fields.add(field);
                position++;
                return true;
            }
            throw error(position - 1, "extraneous or missing \" in quoted-field");
        }

        private IllegalArgumentException error(int offset, String problem) {
            String where = "parse error on line " + line + ", column " + (offset - lineStart + 1) + ": " + problem;
            return new IllegalArgumentException(recordLine == line ? where : "record on line " + recordLine + "; " + where);
        }
    }
}
