package dev.capiconsole.operations;

import dev.capiconsole.connection.FieldManager;
import dev.capiconsole.topology.CapiObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/**
 * Applies a reviewed {@link ObjectEdit} when the fields it sets are as they were when the edit began. Controllers
 * bump the resourceVersion with every status update, so what matters is whether the edited fields moved: if they did,
 * the outcome shows how; if not, the edit is applied against the live object.
 */
public final class EditApplier {

    /** How an edit ended; on a conflict, the diff from where the edit began to the object as it is now. */
    public record Outcome(ChangeFailed.Reason failure, String message, List<String> diff, CapiObject live) {
        public boolean applied() {
            return failure == null;
        }
    }

    /** Controllers settling after a scale write status several times a second; ten fresh reads outlast that. */
    private static final int CONFLICT_RETRIES = 10;

    private EditApplier() {
    }

    public static Outcome apply(KubernetesClient client, ObjectEdit edit, boolean takeOver, CapiObject original) {
        try {
            try {
                applyToLive(client, edit, takeOver, original);
                return new Outcome(null, "Applied to " + edit.target().display() + " as field manager "
                        + FieldManager.NAME + (takeOver ? ", taking over the conflicting fields." : "."),
                        List.of(), null);
            } catch (ChangeFailed e) {
                if (e.reason() != ChangeFailed.Reason.CHANGED) {
                    return new Outcome(e.reason(), e.getMessage(), List.of(), null);
                }
                Map<String, Object> now = read(client, edit);
                if (now == null) {
                    return new Outcome(e.reason(), e.getMessage(), List.of(), null);
                }
                return new Outcome(e.reason(), e.getMessage(), ObjectEdit.diff(ObjectEdit.editableYaml(original),
                        ObjectEdit.editableYaml(now), edit.target().display() + " as the edit began / now"),
                        CapiObject.unstructured(now));
            }
        } catch (KubernetesClientException e) {
            return new Outcome(ChangeFailed.Reason.REFUSED, "Failed: " + e.getMessage(), List.of(), null);
        }
    }

    /**
     * Reads the object, checks the edited fields, and applies at the resourceVersion just read. A busy controller can
     * write status between that read and the apply; each such conflict is met with a fresh read, a few times.
     */
    private static void applyToLive(KubernetesClient client, ObjectEdit edit, boolean takeOver, CapiObject original) {
        for (int tries = 1; ; tries++) {
            Map<String, Object> live = read(client, edit);
            if (live == null) {
                throw new ChangeFailed(edit.target().display() + " no longer exists", 404,
                        ChangeFailed.Reason.REFUSED);
            }
            if (!edit.stillApplies(original.raw(), live)) {
                throw new ChangeFailed(edit.target().display() + " changed while you edited it, in fields your "
                        + "edit sets; nothing was applied", 409, ChangeFailed.Reason.CHANGED);
            }
            String resourceVersion = String.valueOf(((Map<?, ?>) live.get("metadata")).get("resourceVersion"));
            try {
                ChangeApplier.apply(client, edit.at(resourceVersion), takeOver);
                return;
            } catch (ChangeFailed e) {
                if (e.reason() != ChangeFailed.Reason.CHANGED || tries == CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(KubernetesClient client, ObjectEdit edit) {
        GenericKubernetesResource found = client.genericKubernetesResources(edit.target().apiVersion(),
                edit.target().kind()).inNamespace(edit.target().namespace()).withName(edit.target().name()).get();
        return found == null ? null : Serialization.jsonMapper().convertValue(found, Map.class);
    }
}
