package dev.capiconsole.templates;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * String behaviour of Go that clusterctl's substitutions inherit: lengths and offsets count UTF-8 bytes,
 * bytes that are not valid UTF-8 (after cutting inside a character) read as U+FFFD one byte at a time,
 * and an empty search string matches before every character.
 */
final class GoStrings {

    static final int RUNE_ERROR = 0xFFFD;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GoStrings() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes like Go: every byte that does not start a valid sequence becomes one U+FFFD. */
    static String string(byte[] b, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            long decoded = decodeRune(b, i, to);
            out.appendCodePoint(rune(decoded));
            i += width(decoded);
        }
        return out.toString();
    }

    static String string(byte[] b) {
        return string(b, 0, b.length);
    }

    /** The rune at {@code i} and its width in bytes, packed as {@code rune << 8 | width}. */
    static long decodeRune(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return pack(b0, 1);
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        int rune;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
            rune = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            rune = b0 & 0x0F;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            rune = b0 & 0x07;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return pack(RUNE_ERROR, 1);
        }
        if (i + need >= end) {
            return pack(RUNE_ERROR, 1);
        }
        for (int k = 1; k <= need; k++) {
            int c = b[i + k] & 0xFF;
            int min = k == 1 ? lo : 0x80;
            int max = k == 1 ? hi : 0xBF;
            if (c < min || c > max) {
                return pack(RUNE_ERROR, 1);
            }
            rune = rune << 6 | (c & 0x3F);
        }
        return pack(rune, need + 1);
    }

    static int rune(long decoded) {
        return (int) (decoded >>> 8);
    }

    static int width(long decoded) {
        return (int) (decoded & 0xFF);
    }

    private static long pack(int rune, int width) {
        return ((long) rune << 8) | width;
    }

    /** Go's strconv.Atoi: an optional sign and decimal digits that fit in 64 bits, nothing else. */
    static OptionalLong atoi(String s) {
        if (!DECIMAL.matcher(s).matches()) {
            return OptionalLong.empty();
        }
        BigInteger value = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValueExact());
    }

    /** Go's strings.Replace with at most {@code limit} replacements ({@code -1}: all). */
    static String replace(String s, String old, String replacement, int limit) {
        if (old.equals(replacement) || limit == 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int done = 0;
        if (old.isEmpty()) {
            int i = 0;
            while (i <= s.length()) {
                if (limit < 0 || done < limit) {
                    out.append(replacement);
                    done++;
                }
                if (i == s.length()) {
                    break;
                }
                int c = s.codePointAt(i);
                out.appendCodePoint(c);
                i += Character.charCount(c);
            }
            return out.toString();
        }
        int from = 0;
        int at;
        while ((limit < 0 || done < limit) && (at = s.indexOf(old, from)) >= 0) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
            done++;
        }
        return out.append(s, from, s.length()).toString();
    }

    static String reverse(String s) {
        int[] runes = s.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = runes.length - 1; i >= 0; i--) {
            out.appendCodePoint(runes[i]);
        }
        return out.toString();
    }
}
