package io.kuberouter.capabilities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal RFC 8259 reader for the feature descriptors: objects become {@code Map<String,Object>}
 * in document order, arrays {@code List<Object>}, numbers {@code Long} or {@code Double}, plus
 * {@code String}, {@code Boolean} and {@code null}. The launcher reads the descriptors before any
 * bundle runs and the feature manager reads them inside the framework, so the one reader carries no
 * JSON library.
 */
final class Json {

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException with the offset of the first syntax error
     */
    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipSpace();
        if (json.pos != text.length()) {
            throw json.error("trailing characters");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        if (peekAfterSpace() == '}') {
            pos++;
            return map;
        }
        do {
            skipSpace();
            String key = string();
            expect(':');
            map.put(key, value());
        } while (next(',', '}') == ',');
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        if (peekAfterSpace() == ']') {
            pos++;
            return list;
        }
        do {
            list.add(value());
        } while (next(',', ']') == ',');
        return list;
    }

    private String string() {
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw error("expected a string");
        }
        StringBuilder b = new StringBuilder();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return b.toString();
            }
            b.append(c == '\\' ? escape() : c);
        }
        throw error("unterminated string");
    }

    private char escape() {
        char e = text.charAt(++pos);
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                char u = (char) Integer.parseInt(text.substring(pos + 1, pos + 5), 16);
                pos += 4;
                yield u;
            }
            default -> throw error("bad escape \\" + e);
        };
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        try {
            return n.matches("-?\\d+") ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("unexpected character '" + (n.isEmpty() ? text.charAt(start) : n) + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peekAfterSpace() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char next(char a, char b) {
        char c = peekAfterSpace();
        if (c != a && c != b) {
            throw error("expected '" + a + "' or '" + b + "'");
        }
        pos++;
        return c;
    }

    private char peekAfterSpace() {
        skipSpace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at offset " + pos);
    }
}
