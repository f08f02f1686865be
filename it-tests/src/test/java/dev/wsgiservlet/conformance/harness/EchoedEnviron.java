package dev.wsgiservlet.conformance.harness;

import java.util.Map;
import java.util.Set;

/**
 * The environ as the {@code EnvironEcho} fixture reported it: string values as they were,
 * other values by class name (and value for booleans, numbers and lists).
 */
public final class EchoedEnviron {

    private final String environClass;
    private final Map<String, Object> entries;
    private final String json;

    private EchoedEnviron(String environClass, Map<String, Object> entries, String json) {
        this.environClass = environClass;
        this.entries = entries;
        this.json = json;
    }

    /** Reads the echo fixture's JSON answer. */
    @SuppressWarnings("unchecked")
    public static EchoedEnviron parse(String json) {
        Map<String, Object> root = (Map<String, Object>) Json.parse(json);
        return new EchoedEnviron((String) root.get("environClass"), (Map<String, Object>) root.get("environ"), json);
    }

    /** The class of the environ map itself. */
    public String environClass() {
        return environClass;
    }

    /** The keys. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** Whether the key is present (with any value, even null). */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The raw echoed entry: a {@code String}, a {@code Map} describing another object, or {@code null}. */
    public Object entry(String key) {
        return entries.get(key);
    }

    /** The value of a key that must be a {@code String}. */
    public String string(String key) {
        Object value = entries.get(key);
        if (!(value instanceof String s)) {
            throw new AssertionError(key + " is not a String in the environ but " + value + "; environ: " + json);
        }
        return s;
    }

    /** The class name of a key's value ({@code java.lang.String} for strings). */
    public String className(String key) {
        Object value = entries.get(key);
        if (value instanceof String) {
            return String.class.getName();
        }
        if (value instanceof Map<?, ?> described) {
            return (String) described.get("class");
        }
        throw new AssertionError(key + " is " + (has(key) ? "null" : "absent") + " in the environ: " + json);
    }

    /** Whether a key's value is an instance of the class or interface named {@code type}. */
    public boolean isA(String key, String type) {
        Object value = entries.get(key);
        if (value instanceof String) {
            return type.equals(String.class.getName()) || type.equals(CharSequence.class.getName());
        }
        return value instanceof Map<?, ?> described && described.get("types") instanceof java.util.List<?> types
                && types.contains(type);
    }

    /** {@code String.valueOf} of a Boolean, Number or List value. */
    public String shown(String key) {
        Object value = entries.get(key);
        if (value instanceof Map<?, ?> described && described.containsKey("value")) {
            return (String) described.get("value");
        }
        throw new AssertionError(key + " has no shown value in the environ: " + json);
    }

    @Override
    public String toString() {
        return json;
    }
}
