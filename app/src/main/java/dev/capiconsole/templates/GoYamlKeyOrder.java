package dev.capiconsole.templates;

import java.util.Comparator;

/**
 * The order in which Go's YAML printer (go-yaml v2, behind clusterctl's output) writes map keys: a "natural"
 * order in which, at the first differing character, letters sort by code point, anything else comes before a
 * letter, and runs of digits compare as numbers.
 */
final class GoYamlKeyOrder implements Comparator<String> {

    static final GoYamlKeyOrder INSTANCE = new GoYamlKeyOrder();

    @Override
    public int compare(String left, String right) {
        if (left.equals(right)) {
            return 0;
        }
        return less(left, right) ? -1 : 1;
    }

    private static boolean less(String left, String right) {
        int[] a = left.codePoints().toArray();
        int[] b = right.codePoints().toArray();
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                continue;
            }
            boolean aLetter = Character.isLetter(a[i]);
            boolean bLetter = Character.isLetter(b[i]);
            if (aLetter && bLetter) {
                return a[i] < b[i];
            }
            if (aLetter || bLetter) {
                return bLetter;
            }
            long aNumber = 0;
            long bNumber = 0;
            if (a[i] == '0' || b[i] == '0') {
                // A zero inside a number that already started (in the left key) counts from one.
                for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
                    if (a[j] != '0') {
                        aNumber = 1;
                        bNumber = 1;
                        break;
                    }
                }
            }
            int aEnd = i;
            for (; aEnd < a.length && Character.isDigit(a[aEnd]); aEnd++) {
                aNumber = aNumber * 10 + (a[aEnd] - '0');
            }
            int bEnd = i;
            for (; bEnd < b.length && Character.isDigit(b[bEnd]); bEnd++) {
                bNumber = bNumber * 10 + (b[bEnd] - '0');
            }
            if (aNumber != bNumber) {
                return aNumber < bNumber;
            }
            if (aEnd != bEnd) {
                return aEnd < bEnd;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }
}
