package dev.capiconsole.templates;

/**
 * The shell pattern matching behind {@code ${V#p}}, {@code ${V##p}}, {@code ${V%p}} and {@code ${V%%p}}: the
 * path-style glob of drone/envsubst, in which {@code *} and {@code ?} also match {@code /} and a trailing
 * {@code *} matches everything that is left. It works on UTF-8 bytes and reports a malformed pattern only when
 * matching reaches the malformed part, as the library does.
 */
final class GlobPattern {

    /** Thrown when matching reaches a malformed part of the pattern. */
    static final class BadPattern extends Exception {
        BadPattern() {
            super("syntax error in pattern", null, false, false);
        }
    }

    private static final int NO_MATCH = -1;

    private GlobPattern() {
    }

    static boolean matches(byte[] pattern, byte[] name, int nameEnd) throws BadPattern {
        int p = 0;
        int n = 0;
        chunks:
        while (p < pattern.length) {
            boolean star = false;
            while (p < pattern.length && pattern[p] == '*') {
                p++;
                star = true;
            }
            int chunkStart = p;
            p = chunkEnd(pattern, p);
            if (star && chunkStart == p) {
                return true;
            }
            boolean last = p == pattern.length;
            int rest = matchChunk(pattern, chunkStart, p, name, n, nameEnd);
            if (rest != NO_MATCH && (rest == nameEnd || !last)) {
                n = rest;
                continue;
            }
            if (star) {
                for (int i = n; i < nameEnd; i++) {
                    rest = matchChunk(pattern, chunkStart, p, name, i + 1, nameEnd);
                    if (rest != NO_MATCH) {
                        if (last && rest != nameEnd) {
                            continue;
                        }
                        n = rest;
                        continue chunks;
                    }
                }
            }
            return false;
        }
        return n == nameEnd;
    }

    /** End of the chunk that starts at {@code from}: the next {@code *} outside a character class. */
    private static int chunkEnd(byte[] pattern, int from) {
        boolean inClass = false;
        int i = from;
        for (; i < pattern.length; i++) {
            byte c = pattern[i];
            if (c == '\\') {
                if (i + 1 < pattern.length) {
                    i++;
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '*' && !inClass) {
                break;
            }
        }
        return i;
    }

    /** Matches a chunk without stars at the start of {@code name[n..end)}; returns where the match ends. */
    private static int matchChunk(byte[] pattern, int c, int chunkEnd, byte[] name, int n, int end)
            throws BadPattern {
        while (c < chunkEnd) {
            if (n >= end) {
                return NO_MATCH;
            }
            byte op = pattern[c];
            if (op == '[') {
                long decoded = GoStrings.decodeRune(name, n, end);
                int r = GoStrings.rune(decoded);
                n += GoStrings.width(decoded);
                c++;
                boolean negated = c < chunkEnd && pattern[c] == '^';
                if (negated) {
                    c++;
                }
                boolean matched = false;
                int ranges = 0;
                while (true) {
                    if (c < chunkEnd && pattern[c] == ']' && ranges > 0) {
                        c++;
                        break;
                    }
                    long lo = classChar(pattern, c, chunkEnd);
                    c = (int) (lo & 0xFFFFFFFFL);
                    int low = (int) (lo >>> 32);
                    int high = low;
                    if (pattern[c] == '-') {
                        long hi = classChar(pattern, c + 1, chunkEnd);
                        c = (int) (hi & 0xFFFFFFFFL);
                        high = (int) (hi >>> 32);
                    }
                    if (low <= r && r <= high) {
                        matched = true;
                    }
                    ranges++;
                }
                if (matched == negated) {
                    return NO_MATCH;
                }
            } else if (op == '?') {
                n += GoStrings.width(GoStrings.decodeRune(name, n, end));
                c++;
            } else {
                if (op == '\\') {
                    c++;
                    if (c >= chunkEnd) {
                        throw new BadPattern();
                    }
                }
                if (pattern[c] != name[n]) {
                    return NO_MATCH;
                }
                n++;
                c++;
            }
        }
        return n;
    }

    /** One possibly escaped character of a class, packed as {@code rune << 32 | offset after it}. */
    private static long classChar(byte[] pattern, int c, int chunkEnd) throws BadPattern {
        if (c >= chunkEnd || pattern[c] == '-' || pattern[c] == ']') {
            throw new BadPattern();
        }
        if (pattern[c] == '\\') {
            c++;
            if (c >= chunkEnd) {
                throw new BadPattern();
            }
        }
        long decoded = GoStrings.decodeRune(pattern, c, chunkEnd);
        int rune = GoStrings.rune(decoded);
        if (rune == GoStrings.RUNE_ERROR && GoStrings.width(decoded) == 1) {
            throw new BadPattern();
        }
        c += GoStrings.width(decoded);
        if (c >= chunkEnd) {
            throw new BadPattern();
        }
        return ((long) rune << 32) | c;
    }
}
