package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wizard's inline checks, chosen by variable name. */
class VariableChecksTest {

    @ParameterizedTest(name = "{0}={1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "POD_CIDR|[\"192.168.0.0/16\"]|false|",
        "POD_CIDR|10.0.0.0/8, 172.16.0.0/12|false|",
        "SERVICE_CIDR|fd00::/108|false|",
        "POD_CIDR|[\"10.0.0.0/99\"]|false|is not a CIDR",
        "POD_CIDR|10.0.0.0|false|is not a CIDR",
        "WORKER_MACHINE_COUNT|3|false|",
        "WORKER_MACHINE_COUNT|-1|false|a whole number",
        "NODE_REPLICAS|two|false|a whole number",
        "KUBERNETES_VERSION|v1.33.0|true|",
        "KUBERNETES_VERSION|1.33|true|is not a Kubernetes version",
        "TARGET_NAMESPACE|Team_A|false|is not a valid namespace",
        "CRI_PATH||true|required",
        "SERVICE_DOMAIN||false|",
        "ANYTHING|whatever: value|true|",
    })
    void checks(String name, String value, boolean required, String problem) {
        String found = VariableChecks.problem(name, value, required);
        if (problem == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).contains(problem);
        }
    }
}
