package dev.capiconsole.controllerlogs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managers' log lines about one object: read once (the CLI), or followed live (the window, {@code get
 * controller-logs -f}). Each manager's lines are parsed in its own zone and matched by a {@link SubjectMatcher} of
 * its own.
 */
public final class ObjectLogs implements ManagerLog.Follow {

    /** Orders lines by their time; a line without one goes last, the order of equal times kept. */
    public static final Comparator<LogLine> BY_TIME =
            Comparator.comparing(LogLine::time, Comparator.nullsLast(Comparator.naturalOrder()));
    private static final Logger LOG = LoggerFactory.getLogger(ObjectLogs.class);

    private final List<ManagerLog.Follow> follows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ObjectLogs() {
    }

    /** The lines about {@code subject} that pass {@code filter}, from every manager, by time. Blocking. */
    public static List<LogLine> read(List<ManagerLog> logs, LogSubject subject, LogFilter filter, Clock clock) {
        List<LogLine> lines = new ArrayList<>();
        for (ManagerLog log : logs) {
            LogLineParser parser = new LogLineParser(log.zone(), clock);
            List<LogLine> parsed = log.read(filter.from()).stream().map(text -> parser.parse(log.manager(), text))
                    .toList();
            new SubjectMatcher(subject).select(parsed).stream().filter(filter).forEach(lines::add);
        }
        lines.sort(BY_TIME);
        return lines;
    }

    /**
     * Follows every manager's log from {@code from} (null: all of it) and hands each batch of lines about
     * {@code subject} to {@code matched}, on the followers' threads, until closed. A log that cannot be followed is
     * left out and named in {@link #problems()}.
     */
    public static ObjectLogs follow(List<ManagerLog> logs, LogSubject subject, Instant from, Clock clock,
                                    Consumer<List<LogLine>> matched) {
        ObjectLogs following = new ObjectLogs();
        for (ManagerLog log : logs) {
            LogLineParser parser = new LogLineParser(log.zone(), clock);
            SubjectMatcher matcher = new SubjectMatcher(subject);
            try {
                following.follows.add(log.follow(from, batch -> {
                    List<LogLine> selected;
                    synchronized (matcher) {
                        selected = matcher.select(batch.stream().map(text -> parser.parse(log.manager(), text))
                                .toList());
                    }
                    if (!selected.isEmpty()) {
                        matched.accept(selected);
                    }
                }));
            } catch (ControllerLogsException e) {
                LOG.info("Not following {}: {}", log.manager(), e.getMessage());
                following.problems.add(e.getMessage());
            }
        }
        return following;
    }

    /** What could not be followed, one sentence each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        follows.forEach(ManagerLog.Follow::close);
    }
}
