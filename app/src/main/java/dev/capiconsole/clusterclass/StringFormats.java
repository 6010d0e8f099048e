package dev.capiconsole.clusterclass;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The string formats the API server checks for a schema's {@code format} (apiextensions-apiserver's supported list;
 * other names are ignored, and names are compared without dashes, so {@code date-time} is {@code datetime}). Those
 * checked here follow the server's rules; the rest of the supported list (isbn, creditcard, ssn, rgbcolor,
 * bsonobjectid, duration, k8s-short-name, k8s-long-name) is left to the server's dry-run.
 */
final class StringFormats {

    private static final Set<String> SUPPORTED = Set.of("bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6",
            "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5", "isbn", "isbn10", "isbn13", "creditcard", "ssn",
            "hexcolor", "rgbcolor", "byte", "password", "date", "duration", "datetime", "k8s-short-name",
            "k8s-long-name");
    private static final Pattern HOSTNAME = Pattern.compile("^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)"
            + "|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}"
            + "([a-zA-Z\\p{L}]){2,63})$");
    private static final Pattern UUID = Pattern.compile(
            "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static final Pattern UUID3 = Pattern.compile(
            "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static final Pattern UUID4 = Pattern.compile(
            "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern UUID5 = Pattern.compile(
            "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern MAC = Pattern.compile("^([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\2[0-9A-Fa-f]{2}){4}"
            + "|[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\4[0-9A-Fa-f]{2}){6}"
            + "|[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\6[0-9A-Fa-f]{2}){18}"
            + "|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}"
            + "|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}"
            + "|[0-9A-Fa-f]{4}(\\.[0-9A-Fa-f]{4}){9})$");
    private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern TIME = Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+$");

    private static final Map<String, Predicate<String>> CHECKS = Map.ofEntries(
            Map.entry("uri", StringFormats::isRequestUri),
            Map.entry("email", s -> EMAIL.matcher(s).matches()),
            Map.entry("hostname", StringFormats::isHostname),
            Map.entry("ipv4", s -> isIpv4(s) || (s.contains(".") && isIpv6(s))),
            Map.entry("ipv6", StringFormats::isIpv6),
            Map.entry("cidr", StringFormats::isCidr),
            Map.entry("mac", s -> MAC.matcher(s).matches()),
            Map.entry("uuid", s -> UUID.matcher(s).matches()),
            Map.entry("uuid3", s -> UUID3.matcher(s).matches()),
            Map.entry("uuid4", s -> UUID4.matcher(s).matches()),
            Map.entry("uuid5", s -> UUID5.matcher(s).matches()),
            Map.entry("hexcolor", s -> HEX_COLOR.matcher(s).matches()),
            Map.entry("byte", StringFormats::isBase64),
            Map.entry("password", s -> true),
            Map.entry("date", StringFormats::isDate),
            Map.entry("datetime", StringFormats::isDateTime));

    private StringFormats() {
    }

    /** The format's name as the server compares it, or empty when the server ignores this format. */
    static Optional<String> effective(String format) {
        if (format == null || format.isEmpty()) {
            return Optional.empty();
        }
        String normalized = format.startsWith("k8s-") ? format : format.replace("-", "");
        return SUPPORTED.contains(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /** Whether this console checks the (effective) format itself. */
    static boolean checkedLocally(String effectiveFormat) {
        return CHECKS.containsKey(effectiveFormat);
    }

    static boolean valid(String effectiveFormat, String value) {
        return CHECKS.getOrDefault(effectiveFormat, s -> true).test(value);
    }

    private static boolean isRequestUri(String s) {
        if (s.isEmpty() || s.contains(" ") || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        String withoutFragment = s.contains("#") ? s.substring(0, s.indexOf('#')) : s;
        try {
            URI uri = new URI(withoutFragment);
            return uri.isAbsolute() || withoutFragment.startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isHostname(String s) {
        if (!HOSTNAME.matcher(s).matches() || s.length() > 255) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.length() > 63) {
                return false;
            }
        }
        return true;
    }

    /** IPv4 as Go's sloppy parser reads it: four decimal parts up to 255, leading zeros tolerated. */
    private static boolean isIpv4(String s) {
        var matcher = IPV4.matcher(s);
        if (!matcher.matches()) {
            return false;
        }
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(matcher.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String s) {
        if (!s.contains(":") || s.contains("%") || s.startsWith("[")) {
            return false;
        }
        int lastColon = s.lastIndexOf(':');
        String tail = s.substring(lastColon + 1);
        String head = s;
        if (tail.contains(".")) {
            if (!isIpv4(tail) || tail.matches(".*\\b0\\d.*")) {
                return false;
            }
            head = s.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = head.indexOf("::");
        if (doubleColon >= 0 && head.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] parts = head.split(":", -1);
        int groups = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                if (doubleColon < 0) {
                    return false;
                }
                continue;
            }
            if (part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            groups++;
        }
        if (doubleColon < 0) {
            return groups == 8 && parts.length == 8;
        }
        String before = head.substring(0, doubleColon);
        String after = head.substring(doubleColon + 2);
        if (before.startsWith(":") || before.endsWith(":") || after.startsWith(":") || after.endsWith(":")) {
            return false;
        }
        return groups < 8;
    }

    private static boolean isCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = s.substring(0, slash);
        String bits = s.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int prefix = Integer.parseInt(bits);
        if (isIpv4(address)) {
            return prefix <= 32;
        }
        return isIpv6(address) && prefix <= 128;
    }

    private static boolean isBase64(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDate(String s) {
        if (!DATE.matcher(s).matches()) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String s) {
        if (s.length() < 4) {
            return false;
        }
        String[] parts = s.toLowerCase(Locale.ROOT).split("t", -1);
        if (parts.length < 2 || !isDate(parts[0])) {
            return false;
        }
        var matcher = TIME.matcher(parts[1]);
        if (!matcher.matches()) {
            return false;
        }
        return matcher.group(1).compareTo("23") <= 0 && matcher.group(2).compareTo("59") <= 0
                && matcher.group(3).compareTo("59") <= 0;
    }
}
