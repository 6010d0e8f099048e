package dev.capiconsole.controllerlogs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two formats Cluster API managers log in: klog's text format, their default
 * ({@code I1201 12:00:00.123456   1 machine_controller.go:123] "Reconciling" Machine="ns/name" ...}), and the JSON
 * format of {@code --logging-format=json} ({@code {"ts":1701432000123.4,"msg":"Reconciling","v":0,
 * "Machine":{"name":"name","namespace":"ns"}}}). An object key's value becomes {@code namespace/name} in both.
 * A line in neither format (a continuation of a multi-line value, a panic's stack) keeps its text with no keys.
 */
public final class LogLineParser {

    private static final Pattern KLOG_HEADER = Pattern.compile(
            "^([IWEF])(\\d{2})(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{6})\\s+\\d+ [^\\]]*\\] ?(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZoneId zone;
    private final Clock clock;

    /**
     * @param zone the time zone the manager writes klog times in (klog writes local time without a zone or year)
     * @param clock the current time, to give a klog time its year
     */
    public LogLineParser(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public LogLine parse(String manager, String text) {
        if (text.startsWith("{")) {
            LogLine json = parseJson(manager, text);
            if (json != null) {
                return json;
            }
        }
        Matcher header = KLOG_HEADER.matcher(text);
        if (!header.matches()) {
            return new LogLine(manager, text, LogLevel.INFO, null, text, Map.of());
        }
        Instant time = klogTime(Integer.parseInt(header.group(2)), Integer.parseInt(header.group(3)),
                Integer.parseInt(header.group(4)), Integer.parseInt(header.group(5)),
                Integer.parseInt(header.group(6)), Integer.parseInt(header.group(7)));
        String body = header.group(8);
        Map<String, String> keys = new LinkedHashMap<>();
        String message = body;
        if (body.startsWith("\"")) {
            TextScanner scanner = new TextScanner(body);
            message = scanner.quoted();
            scanner.keyValues(keys);
        }
        return new LogLine(manager, text, LogLevel.ofKlog(text.charAt(0)), time, message, keys);
    }

    /** klog's month, day and time in the manager's zone, in the year that puts it no later than tomorrow. */
    private Instant klogTime(int month, int day, int hour, int minute, int second, int micros) {
        Instant now = clock.instant();
        int year = LocalDateTime.ofInstant(now, zone).getYear();
        try {
            Instant time = LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000).atZone(zone)
                    .toInstant();
            return time.isAfter(now.plus(Duration.ofDays(1)))
                    ? LocalDateTime.of(year - 1, month, day, hour, minute, second, micros * 1000).atZone(zone)
                    .toInstant()
                    : time;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private LogLine parseJson(String manager, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            keys.put(field.getKey(), jsonValue(field.getValue()));
        }
        String message = keys.getOrDefault("msg", keys.getOrDefault("message", ""));
        return new LogLine(manager, text, jsonLevel(keys), jsonTime(root.get("ts")), message, keys);
    }

    /**
     * The component-base JSON logger writes no level: info lines carry their verbosity {@code v}, error lines an
     * {@code err}. Other zap setups write {@code level}.
     */
    private static LogLevel jsonLevel(Map<String, String> keys) {
        String level = keys.get("level");
        if (level != null) {
            try {
                return LogLevel.named(level);
            } catch (IllegalArgumentException e) {
                return LogLevel.INFO;
            }
        }
        return !keys.containsKey("v") && keys.containsKey("err") ? LogLevel.ERROR : LogLevel.INFO;
    }

    /** {@code ts} as epoch milliseconds (component-base), epoch seconds (older releases) or an RFC 3339 text. */
    private static Instant jsonTime(JsonNode ts) {
        if (ts == null) {
            return null;
        }
        if (ts.isNumber()) {
            double value = ts.asDouble();
            double micros = value > 1e11 ? value * 1_000 : value * 1_000_000;
            return Instant.EPOCH.plus(Duration.ofNanos(Math.round(micros) * 1_000));
        }
        try {
            return Instant.parse(ts.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An object reference ({@code {"name":..,"namespace":..}}) as {@code namespace/name}; other values as text. */
    private static String jsonValue(JsonNode value) {
        if (value.isObject() && value.has("name") && value.get("name").isTextual()) {
            JsonNode namespace = value.get("namespace");
            String name = value.get("name").asText();
            return namespace == null || namespace.asText().isEmpty() ? name : namespace.asText() + "/" + name;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Reads klog's {@code "message" key="value" key=value key={...}} after the header. */
    private static final class TextScanner {
        private final String text;
        private int position;

        TextScanner(String text) {
            this.text = text;
        }

        /** A Go-quoted string at the position; without its closing quote, the rest of the text. */
        String quoted() {
            StringBuilder out = new StringBuilder();
            position++;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\' || position >= text.length()) {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'x' -> appendHex(out, 2);
                    case 'u' -> appendHex(out, 4);
                    case 'U' -> appendHex(out, 8);
                    default -> out.append(escaped);
                }
            }
            return out.toString();
        }

        private void appendHex(StringBuilder out, int digits) {
            int end = Math.min(text.length(), position + digits);
            String hex = text.substring(position, end);
            position = end;
            try {
                out.appendCodePoint(Integer.parseInt(hex, 16));
            } catch (IllegalArgumentException e) {
                out.append(hex);
            }
        }

        void keyValues(Map<String, String> keys) {
            while (true) {
                while (position < text.length() && text.charAt(position) == ' ') {
                    position++;
                }
                int equals = text.indexOf('=', position);
                int space = text.indexOf(' ', position);
                if (position >= text.length() || equals < 0 || (space >= 0 && space < equals)) {
                    return;
                }
                String key = text.substring(position, equals);
                position = equals + 1;
                keys.put(key, value());
            }
        }

        private String value() {
            if (position >= text.length()) {
                return "";
            }
            char first = text.charAt(position);
            if (first == '"') {
                return quoted();
            }
            if (first == '<') {
                String rest = text.substring(position);
                position = text.length();
                return rest;
            }
            int start = position;
            if (first == '{' || first == '[') {
                skipBracketed();
            } else {
                while (position < text.length() && text.charAt(position) != ' ') {
                    position++;
                }
            }
            return text.substring(start, position);
        }

        /** Past a {@code {...}} or {@code [...]} value, nested and with quoted parts. */
        private void skipBracketed() {
            int depth = 0;
            boolean inQuotes = false;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (inQuotes) {
                    if (c == '\\') {
                        position++;
                    } else if (c == '"') {
                        inQuotes = false;
                    }
                } else if (c == '"') {
                    inQuotes = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return;
                }
            }
        }
    }
}
