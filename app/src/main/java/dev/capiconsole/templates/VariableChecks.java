package dev.capiconsole.templates;

import java.util.regex.Pattern;

/**
 * Inline checks for template variables, chosen by the variable's name as the upstream templates name them:
 * {@code *_CIDR}/{@code *_CIDRS} hold CIDRs (alone or as a YAML list), {@code *_COUNT} and {@code *_REPLICAS}
 * non-negative counts, {@code *_VERSION} Kubernetes versions, {@code *NAMESPACE*} namespaces.
 */
public final class VariableChecks {

    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*/(12[0-8]|1[01]\\d|[1-9]?\\d)");
    private static final Pattern COUNT = Pattern.compile("\\d+");

    private VariableChecks() {
    }

    /** What is wrong with {@code value} for the variable {@code name}, or an empty string. */
    public static String problem(String name, String value, boolean required) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return required ? "required: the template has no default for it" : "";
        }
        if (name.endsWith("_CIDR") || name.endsWith("_CIDRS") || name.endsWith("_CIDR_BLOCKS")) {
            return cidrProblem(v);
        }
        if (name.endsWith("_COUNT") || name.endsWith("_REPLICAS")) {
            return COUNT.matcher(v).matches() ? "" : "a whole number, 0 or more";
        }
        if (name.endsWith("KUBERNETES_VERSION") || name.endsWith("_K8S_VERSION")) {
            return KubernetesNames.versionProblem(v).orElse("");
        }
        if (name.endsWith("_NAMESPACE")) {
            return KubernetesNames.namespaceProblem(v).orElse("");
        }
        return "";
    }

    /** A CIDR, or a list of them as the templates write it: {@code ["10.0.0.0/16"]} or {@code 10.0.0.0/16,...}. */
    static String cidrProblem(String value) {
        String inner = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        for (String part : inner.split(",")) {
            String cidr = part.trim().replaceAll("^[\"']|[\"']$", "");
            if (!IPV4_CIDR.matcher(cidr).matches() && !IPV6_CIDR.matcher(cidr).matches()) {
                return "\"" + cidr + "\" is not a CIDR such as 192.168.0.0/16";
            }
        }
        return "";
    }
}
