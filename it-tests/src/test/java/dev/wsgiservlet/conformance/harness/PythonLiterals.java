package dev.wsgiservlet.conformance.harness;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the assignments of a gunicorn expectation file ({@code tests/requests/valid/*.py}): a
 * small subset of Python with dict, list and tuple displays, str and bytes literals (both as Java
 * strings, a byte being the char of the same value), ints, {@code True/False/None}, the
 * {@code uri("...")} helper (its argument), names of earlier assignments, and the string methods
 * {@code decode}, {@code encode} and {@code replace}. Import lines are
 * ignored; any use of {@code cfg} is noted, as it marks a non-default gunicorn setting.
 */
public final class PythonLiterals {

    private final String source;
    private int position;
    private final Map<String, Object> variables = new HashMap<>();
    private boolean usesConfig;

    private PythonLiterals(String source) {
        this.source = source;
    }

    /** The module's variables, and whether it sets gunicorn configuration. */
    public record Module(Map<String, Object> variables, boolean usesConfig) { }

    /** Parses a module. */
    public static Module parse(String source) {
        StringBuilder kept = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("from ") && !trimmed.startsWith("import ")) {
                kept.append(line).append('\n');
            }
        }
        PythonLiterals parser = new PythonLiterals(kept.toString());
        parser.statements();
        return new Module(parser.variables, parser.usesConfig);
    }

    private void statements() {
        while (skipSpace()) {
            String name = identifier();
            if (name.equals("cfg")) {
                usesConfig = true;
            }
            if (peek() == '.') {
                position++;
                identifier();
            }
            skipSpace();
            if (peek() == '(') {
                arguments();
            } else {
                expect('=');
                variables.put(name, expression());
            }
        }
    }

    private Object expression() {
        Object value = primary();
        skipSpace();
        while (peek() == '.' && value instanceof String text) {
            position++;
            String method = identifier();
            List<Object> args = arguments();
            value = switch (method) {
                case "decode" -> new String(text.getBytes(StandardCharsets.ISO_8859_1), charset(args));
                case "encode" -> new String(text.getBytes(charset(args)), StandardCharsets.ISO_8859_1);
                case "replace" -> text.replace((String) args.get(0), (String) args.get(1));
                default -> throw error("unsupported method " + method);
            };
            skipSpace();
        }
        return value;
    }

    private static Charset charset(List<Object> args) {
        return args.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName((String) args.get(0));
    }

    private Object primary() {
        skipSpace();
        char c = peek();
        if (c == '{') {
            return dict();
        }
        if (c == '[') {
            return sequence('[', ']');
        }
        if (c == '(') {
            return sequence('(', ')');
        }
        if (c == '"' || c == '\'' || ((c == 'b' || c == 'r') && isQuote(position + 1))) {
            StringBuilder joined = new StringBuilder();
            // Adjacent literals concatenate, as in Python.
            while (true) {
                skipSpace();
                char d = peek();
                if (d == '"' || d == '\'' || ((d == 'b' || d == 'r') && isQuote(position + 1))) {
                    joined.append(string());
                } else {
                    return joined.toString();
                }
            }
        }
        if (Character.isDigit(c) || c == '-') {
            int start = position++;
            while (Character.isDigit(peek())) {
                position++;
            }
            return Long.parseLong(source.substring(start, position));
        }
        String name = identifier();
        skipSpace();
        if (peek() == '(') {
            List<Object> args = arguments();
            if (name.equals("uri")) {
                return args.get(0);
            }
            if (name.equals("Config")) {
                usesConfig = true;
            }
            return null;
        }
        switch (name) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                if (!variables.containsKey(name)) {
                    throw error("unknown name " + name);
                }
                return variables.get(name);
        }
    }

    private Map<String, Object> dict() {
        Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        while (true) {
            skipSpace();
            if (peek() == '}') {
                position++;
                return map;
            }
            Object key = expression();
            skipSpace();
            expect(':');
            map.put((String) key, expression());
            skipSpace();
            if (peek() == ',') {
                position++;
            }
        }
    }

    private List<Object> sequence(char open, char close) {
        List<Object> items = new ArrayList<>();
        expect(open);
        while (true) {
            skipSpace();
            if (peek() == close) {
                position++;
                return items;
            }
            items.add(expression());
            skipSpace();
            if (peek() == ',') {
                position++;
            }
        }
    }

    private List<Object> arguments() {
        return sequence('(', ')');
    }

    private String string() {
        boolean raw = false;
        while (peek() == 'b' || peek() == 'r') {
            raw |= peek() == 'r';
            position++;
        }
        char quote = source.charAt(position++);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(2), position);
        if (triple) {
            position += 2;
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = source.charAt(position++);
            if (c == quote && (!triple || source.startsWith(String.valueOf(quote).repeat(2), position))) {
                position += triple ? 2 : 0;
                return out.toString();
            }
            if (c != '\\' || raw) {
                out.append(c);
                continue;
            }
            char e = source.charAt(position++);
            switch (e) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case 'x' -> {
                    out.append((char) Integer.parseInt(source.substring(position, position + 2), 16));
                    position += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(source.substring(position, position + 4), 16));
                    position += 4;
                }
                case '\n' -> { }
                default -> out.append(e);
            }
        }
    }

    private String identifier() {
        skipSpace();
        int start = position;
        while (position < source.length()
                && (Character.isLetterOrDigit(source.charAt(position)) || source.charAt(position) == '_')) {
            position++;
        }
        if (start == position) {
            throw error("expected a name");
        }
        return source.substring(start, position);
    }

    private boolean isQuote(int at) {
        return at < source.length() && (source.charAt(at) == '"' || source.charAt(at) == '\'');
    }

    /** Skips blanks and comments; {@code false} at the end of the source. */
    private boolean skipSpace() {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == '#') {
                while (position < source.length() && source.charAt(position) != '\n') {
                    position++;
                }
            } else if (Character.isWhitespace(c) || c == '\\') {
                position++;
            } else {
                return true;
            }
        }
        return false;
    }

    private char peek() {
        return position < source.length() ? source.charAt(position) : '\0';
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private IllegalArgumentException error(String problem) {
        int from = Math.max(0, position - 40);
        return new IllegalArgumentException(problem + " at " + position + ": ..."
                + source.substring(from, Math.min(source.length(), position + 40)));
    }
}
