package dev.capiconsole.operations;

import dev.capiconsole.connection.FieldManager;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** Sends a planned {@link Change}; a conflict or a refusal comes back as {@link ChangeFailed}, never retried blindly. */
public final class ChangeApplier {

    /** Busy controllers can move an object between a read and the write more than once. */
    private static final int CONFLICT_RETRIES = 5;

    private ChangeApplier() {
    }

    /** The server's message with its causes (webhooks and patch errors put the useful part there). */
    static String serverMessage(KubernetesClientException e) {
        if (e.getStatus() == null || e.getStatus().getMessage() == null) {
            return String.valueOf(e.getMessage());
        }
        StringBuilder text = new StringBuilder(e.getStatus().getMessage());
        if (e.getStatus().getDetails() != null && e.getStatus().getDetails().getCauses() != null) {
            e.getStatus().getDetails().getCauses().stream().map(c -> c.getMessage())
                    .filter(m -> m != null && !text.toString().contains(m))
                    .forEach(m -> text.append("; ").append(m));
        }
        return text.toString();
    }

    /**
     * Applies a change the operator reviewed. Controllers update objects all the time (status, resourceVersion):
     * when the change conflicts, it is planned again from fresh reads; if the fields it changes still read as
     * reviewed, the fresh change is applied; if they moved, nothing is applied and the failure carries the fresh
     * change for a new review.
     */
    public static void applyReviewed(KubernetesClient client, Change reviewed, java.util.function.Supplier<Change> replan) {
        Change attempt = reviewed;
        for (int tries = 1; ; tries++) {
            try {
                apply(client, attempt);
                return;
            } catch (ChangeFailed e) {
                if (!e.conflict()) {
                    throw e;
                }
                Change fresh;
                try {
                    fresh = replan.get();
                } catch (OperationRefused refused) {
                    throw new ChangeFailed(reviewed.target().display() + " changed after it was read; nothing was "
                            + "changed: " + refused.getMessage(), 409, ChangeFailed.Reason.CHANGED);
                }
                boolean stillAsReviewed = fresh.target().kind().equals(reviewed.target().kind())
                        && fresh.target().name().equals(reviewed.target().name())
                        && reads(fresh).equals(reads(reviewed));
                if (!stillAsReviewed || tries == CONFLICT_RETRIES) {
                    throw new ChangeFailed(reviewed.target().display() + " changed after it was read; nothing was "
                            + "changed. Review the change again:\n" + fresh.describe(), 409,
                            ChangeFailed.Reason.CHANGED, fresh);
                }
                attempt = fresh; // only status moved meanwhile (controllers at work): the review still holds
            }
        }
    }

    /** What a change found (each field and its value before): equal reads mean the review still holds. */
    private static java.util.List<String> reads(Change change) {
        return change.fields().stream().map(f -> f.path() + "=" + f.before()).toList();
    }

    public static void apply(KubernetesClient client, Change change) {
        Change.Target target = change.target();
        Resource<GenericKubernetesResource> resource = client.genericKubernetesResources(target.apiVersion(),
                target.kind()).inNamespace(target.namespace()).withName(target.name());
        try {
            switch (change.kind()) {
                case MERGE_PATCH -> resource.patch(PatchContext.of(PatchType.JSON_MERGE), change.patch());
                case JSON_PATCH -> resource.patch(PatchContext.of(PatchType.JSON), change.patch());
                case DELETE -> {
                    if (resource.delete().isEmpty()) {
                        throw new ChangeFailed(target.display() + " is already gone", 404, ChangeFailed.Reason.REFUSED);
                    }
                }
                default -> throw new IllegalStateException("unknown change kind " + change.kind());
            }
        } catch (KubernetesClientException e) {
            String message = serverMessage(e);
            // A stale resourceVersion is a 409.
            // The only tests in our JSON patches guard list positions: a 422 there means the list moved meanwhile.
            boolean conflict = e.getCode() == 409 || (e.getCode() == 422 && change.kind() == Change.Kind.JSON_PATCH);
            if (conflict) {
                throw new ChangeFailed(target.display() + " changed after it was read (resourceVersion "
                        + target.resourceVersion() + "); nothing was changed. Read it again and review the change: "
                        + message, e.getCode(), ChangeFailed.Reason.CHANGED);
            }
            throw new ChangeFailed(target.display() + ": the server refused the change: " + message, e.getCode(),
                    ChangeFailed.Reason.REFUSED);
        }
    }

    /**
     * Server-side applies an edit as field manager {@code capi-console}: only the fields the edit changed, with the
     * resourceVersion it started from. With {@code takeOver}, fields another manager owns are taken over (the
     * operator saw the conflict and chose so).
     */
    public static void apply(KubernetesClient client, ObjectEdit edit, boolean takeOver) {
        Change.Target target = edit.target();
        GenericKubernetesResource body = io.fabric8.kubernetes.client.utils.Serialization.jsonMapper()
                .convertValue(edit.applyConfiguration(), GenericKubernetesResource.class);
        try {
            var apply = client.genericKubernetesResources(target.apiVersion(), target.kind())
                    .inNamespace(target.namespace()).resource(body).fieldManager(FieldManager.NAME);
            if (takeOver) {
                apply.forceConflicts().serverSideApply();
            } else {
                apply.serverSideApply();
            }
        } catch (KubernetesClientException e) {
            String message = serverMessage(e);
            if (e.getCode() == 409 && message.contains("Apply failed")) {
                throw new ChangeFailed(target.display() + ": other field managers own fields this edit sets: "
                        + message, 409, ChangeFailed.Reason.FIELDS_OWNED);
            }
            if (e.getCode() == 409) {
                throw new ChangeFailed(target.display() + " changed after the edit began (resourceVersion "
                        + target.resourceVersion() + "); nothing was changed: " + message, 409,
                        ChangeFailed.Reason.CHANGED);
            }
            throw new ChangeFailed(target.display() + ": the server refused the edit: " + message, e.getCode(),
                    ChangeFailed.Reason.REFUSED);
        }
    }
}
