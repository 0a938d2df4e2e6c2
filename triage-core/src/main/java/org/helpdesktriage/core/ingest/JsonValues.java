package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON tokens into plain Java values straight from the parser (no tree in between):
 * strings, {@code Long} (or {@code BigInteger} past the long range), {@code Double},
 * {@code Boolean}, {@code null}, {@code List} and {@code LinkedHashMap}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** Reads the value at the parser's current token, leaving it on the value's last token. */
    static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = p.getNumberType();
                return type == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    /** Reads the object whose {@code START_OBJECT} is the current token. */
    static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            map.put(name, read(p));
        }
        return map;
    }

    /** Returns Jackson's message without its source-location suffix, which names no file. */
    static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m == null ? e.getClass().getSimpleName()
                : m.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "");
    }
}
