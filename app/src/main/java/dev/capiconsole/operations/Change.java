package dev.capiconsole.operations;

import dev.capiconsole.topology.CapiObject;
import java.util.List;

/**
 * One change to one object, worked out before anything is sent, so that it can be shown first: what it does (in
 * an operator's words), which fields go from what to what, the patch itself, and warnings. Patches carry the
 * object's {@code resourceVersion}: if the object changed after it was read, the server refuses with a conflict
 * instead of overwriting.
 */
public record Change(String summary, Target target, Kind kind, String patch, List<FieldChange> fields,
                     List<String> warnings) {

    public enum Kind { MERGE_PATCH, JSON_PATCH, DELETE }

    /** The object changed, as it was read. */
    public record Target(String apiVersion, String kind, String namespace, String name, String resourceVersion) {
        public String display() {
            return CapiObject.display(kind, namespace, name);
        }
    }

    /** One field, before and after ({@code <unset>} when absent). */
    public record FieldChange(String path, String before, String after) {
    }

    public Change {
        fields = List.copyOf(fields);
        warnings = List.copyOf(warnings);
    }

    /** The text shown before the change is made (the CLI prints it; the window shows it in the confirmation). */
    public String describe() {
        StringBuilder text = new StringBuilder(summary).append('\n');
        if (kind == Kind.DELETE) {
            text.append("  delete ").append(target.display()).append('\n');
        } else {
            text.append("  ").append(target.display()).append(" (").append(target.apiVersion()).append(")\n");
            for (FieldChange field : fields) {
                text.append("    ").append(field.path()).append(": ").append(field.before()).append(" -> ")
                        .append(field.after()).append('\n');
            }
        }
        for (String warning : warnings) {
            text.append("  ! ").append(warning).append('\n');
        }
        return text.toString();
    }
}
