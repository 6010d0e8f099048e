package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import java.time.Instant;

/**
 * One thing wrong on the management cluster, found by a rule.
 *
 * @param what one line saying what is wrong
 * @param since when it started (a condition's last transition, a creation or deletion time); null when unknown
 * @param cluster the Cluster the object belongs to; empty for the management cluster's own objects
 * @param evidence the condition ({@code type=status reason: message}) or field ({@code path=value}) that shows it
 * @param nextStep what to run or check next
 */
public record Problem(String ruleId, Severity severity, String what, Instant since, String kind, String namespace,
                      String name, String cluster, String evidence, String nextStep) {

    /** "Kind namespace/name". */
    public String object() {
        return CapiObject.display(kind, namespace, name);
    }

    /** A stable identity across evaluations (the same rule on the same object). */
    public String key() {
        return ruleId + "|" + kind + "|" + namespace + "|" + name;
    }
}
