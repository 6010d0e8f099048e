package dev.capiconsole.controllerlogs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the lines about one object: those whose keys name it, and the other lines of the same reconciles (the same
 * {@code reconcileID}), which tell what the controller was doing around them. Lines arrive in batches (a file read
 * at once, then what was appended since); within a batch a reconcile's earlier lines are found too, across batches
 * only its later ones. Remembers a bounded number of reconciles. Not thread-safe.
 */
public final class SubjectMatcher {

    private static final int REMEMBERED_RECONCILES = 10_000;
    private static final String RECONCILE_ID = "reconcileID";

    private final LogSubject subject;
    private final Set<String> reconciles = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_RECONCILES;
        }
    });

    public SubjectMatcher(LogSubject subject) {
        this.subject = subject;
    }

    public LogSubject subject() {
        return subject;
    }

    /** The lines of {@code batch} about the subject, in their order. */
    public List<LogLine> select(List<LogLine> batch) {
        for (LogLine line : batch) {
            String reconcile = line.key(RECONCILE_ID);
            if (reconcile != null && subject.namedBy(line)) {
                reconciles.add(reconcile);
            }
        }
        List<LogLine> selected = new ArrayList<>();
        for (LogLine line : batch) {
            if (subject.namedBy(line) || (line.key(RECONCILE_ID) != null
                    && reconciles.contains(line.key(RECONCILE_ID)))) {
                selected.add(line);
            }
        }
        return selected;
    }
}
