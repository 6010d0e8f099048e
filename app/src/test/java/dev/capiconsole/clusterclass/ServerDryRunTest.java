package dev.capiconsole.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerDryRunTest {

    @Test
    void readsTheFieldErrorsOfAWebhookDenialAndTheVariablesTheyName() {
        String message = "admission webhook \"default.cluster.cluster.x-k8s.io\" denied the request: "
                + "Cluster.cluster.x-k8s.io \"demo\" is invalid: [spec.topology.variables[maxPods].value: Invalid "
                + "value: \"5\": should be greater than or equal to 10, spec.topology.variables: Required value: "
                + "required variable \"environment\" must be set, spec.topology.workers.machineDeployments[md-0]"
                + ".variables.overrides[nodePool].value: Invalid value: \"\\\"Bad\\\"\": should match '^[a-z]+$']";

        List<SchemaError> errors = ServerDryRun.fromMessage(message);

        assertThat(errors).extracting(SchemaError::path).containsExactly("spec.topology.variables[maxPods].value",
                "spec.topology.variables", "spec.topology.workers.machineDeployments[md-0].variables.overrides"
                        + "[nodePool].value");
        assertThat(errors.get(0).message()).isEqualTo("Invalid value: \"5\": should be greater than or equal to 10");
        assertThat(errors).extracting(e -> ServerDryRun.variableOf(e).orElse("-"))
                .containsExactly("maxPods", "environment", "nodePool");
    }
}
