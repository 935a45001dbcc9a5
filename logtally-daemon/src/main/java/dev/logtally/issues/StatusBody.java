package dev.logtally.issues;

import dev.logtally.aggregate.StatusChange;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The body of {@code POST /api/issues/<fingerprint>/status}:
 * {@code {"status":"resolved|ignored|unresolved","in_release":"2.4.2"|null,"in_next_release":false}}
 * ({@code in_release} and {@code in_next_release} optional), as the error groups' {@link StatusChange}
 * ({@code resolved} = resolve, {@code ignored} = ignore, {@code unresolved} = reopen). Anything else is an
 * {@link IllegalArgumentException} saying what is wrong (the server answers 400).
 *
 * <pre>{@code
 * StatusChange c = StatusBody.parse("9c1f2e0a4b7d3c55", "{\"status\":\"resolved\",\"in_release\":\"2.4.2\"}");
 * }</pre>
 */
final class StatusBody {
    private static final JsonFactory JSON = new JsonFactory();

    private StatusBody() {
    }

    static StatusChange parse(String fingerprint, String body) {
        String status = null;
        String inRelease = null;
        boolean inNext = false;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "status" -> status = string(v, p, name);
                    case "in_release" -> inRelease = string(v, p, name);
                    case "in_next_release" -> {
                        if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                            throw new IllegalArgumentException("in_next_release must be true or false");
                        }
                        inNext = v == JsonToken.VALUE_TRUE;
                    }
                    default -> throw new IllegalArgumentException("unknown field '" + name
                            + "' (fields: status, in_release, in_next_release)");
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("the body must hold one JSON object");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (status == null) {
            throw new IllegalArgumentException("status is required (unresolved, resolved or ignored)");
        }
        StatusChange.Action action = switch (status) {
            case "resolved" -> StatusChange.Action.RESOLVE;
            case "ignored" -> StatusChange.Action.IGNORE;
            case "unresolved" -> StatusChange.Action.REOPEN;
            default -> throw new IllegalArgumentException("status must be unresolved, resolved or ignored, not '" + status + "'");
        };
        if (action != StatusChange.Action.RESOLVE && (inRelease != null || inNext)) {
            throw new IllegalArgumentException("in_release and in_next_release go only with status resolved");
        }
        return new StatusChange(fingerprint, action, inRelease, inNext);
    }

    private static String string(JsonToken v, JsonParser p, String name) {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(name + " must be a string or null");
        }
        return p.getString();
    }
}
