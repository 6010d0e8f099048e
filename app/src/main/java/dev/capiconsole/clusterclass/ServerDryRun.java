package dev.capiconsole.clusterclass;

import dev.capiconsole.connection.ServerErrors;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server-side dry-run create of a Cluster: the API server runs its defaulting and the Cluster webhooks (which
 * default and validate the variables, CEL rules included) and stores nothing. Its refusal is read back into
 * {@link SchemaError}s at the fields the server names, so each can be shown at its variable.
 */
public final class ServerDryRun {

    /** {@code spec.topology.variables[name]...: message} inside the server's one-line list. */
    private static final Pattern FIELD = Pattern.compile("(?:^|[\\[ ,])((?:metadata|spec)\\.[^\\s:]*): ");

    private static final Pattern VARIABLE_PATH = Pattern.compile("variables(?:\\.overrides)?\\[([^\\]]+)]");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("required variable \\\\?\"([^\"\\\\]+)");

    private final KubernetesClient client;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public ServerDryRun(KubernetesClient client) {
        this.client = client;
    }

    /** The server's errors for creating {@code cluster}; empty when it would accept it. */
    public List<SchemaError> create(Map<String, Object> cluster) {
        GenericKubernetesResource resource = serialization.convertValue(cluster, GenericKubernetesResource.class);
        try {
            client.resource(resource).inNamespace(resource.getMetadata().getNamespace()).dryRun().create();
            return List.of();
        } catch (KubernetesClientException e) {
            return errors(e);
        }
    }

    static List<SchemaError> errors(KubernetesClientException e) {
        Status status = e.getStatus();
        List<SchemaError> errors = new ArrayList<>();
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
            for (StatusCause cause : status.getDetails().getCauses()) {
                if (cause.getField() != null && !cause.getField().isEmpty()) {
                    errors.add(new SchemaError(cause.getField(), "server", cause.getMessage()));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(fromMessage(ServerErrors.message(e)));
        }
        if (errors.isEmpty()) {
            errors.add(new SchemaError("", "server", ServerErrors.explain(e)));
        }
        return errors;
    }

    /** The field errors of a message such as {@code ... is invalid: [spec.a: Invalid value: ..., spec.b: ...]}. */
    static List<SchemaError> fromMessage(String message) {
        List<SchemaError> errors = new ArrayList<>();
        Matcher matcher = FIELD.matcher(message);
        List<int[]> starts = new ArrayList<>();
        while (matcher.find()) {
            starts.add(new int[] {matcher.start(1), matcher.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : message.length();
            String text = message.substring(starts.get(i)[1], end).strip();
            text = text.replaceAll("[,\\]]+$", "").strip();
            errors.add(new SchemaError(message.substring(starts.get(i)[0], starts.get(i)[1] - 2), "server", text));
        }
        return errors;
    }

    /**
     * The variable an error is about: the one its path names ({@code spec.topology.variables[name]...}, overrides
     * too), or the required variable its message names; empty for other fields.
     */
    public static Optional<String> variableOf(SchemaError error) {
        Matcher path = VARIABLE_PATH.matcher(error.path());
        if (path.find()) {
            return Optional.of(path.group(1));
        }
        Matcher required = REQUIRED_VARIABLE.matcher(error.message());
        return required.find() ? Optional.of(required.group(1)) : Optional.empty();
    }
}
