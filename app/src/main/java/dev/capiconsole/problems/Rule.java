package dev.capiconsole.problems;

import java.util.List;

/**
 * A problem rule: what it is called, which kinds it looks at, and the check that finds its problems.
 *
 * @param kinds the kinds the check reads, for a person choosing what to watch
 */
public record Rule(String id, String title, List<String> kinds, Check check) {

    /** Finds the rule's problems among objects read at one moment. */
    @FunctionalInterface
    public interface Check {
        List<Problem> find(Rule rule, ManagementObjects objects, ProblemOptions options);
    }

    public List<Problem> find(ManagementObjects objects, ProblemOptions options) {
        return check.find(this, objects, options);
    }
}
