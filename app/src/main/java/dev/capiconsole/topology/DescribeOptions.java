package dev.capiconsole.topology;

/**
 * The options of {@code clusterctl describe cluster}, with its defaults, and one of our own:
 * {@code showMachineHealthChecks} (off by default, so the default tree stays clusterctl's).
 */
public record DescribeOptions(String showConditions, boolean showMachineSets, boolean showTemplates,
                              boolean showResourceSets, boolean echo, boolean grouping, boolean v1beta1,
                              boolean showMachineHealthChecks) {

    /** clusterctl's options only. */
    public DescribeOptions(String showConditions, boolean showMachineSets, boolean showTemplates,
                           boolean showResourceSets, boolean echo, boolean grouping, boolean v1beta1) {
        this(showConditions, showMachineSets, showTemplates, showResourceSets, echo, grouping, v1beta1, false);
    }

    public static DescribeOptions defaults() {
        return new DescribeOptions("", false, false, false, false, true, false, false);
    }

    /** clusterctl's deprecated {@code --v1beta2=false}: the deprecated v1beta1 conditions and columns. */
    public DescribeOptions withV1Beta1(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, showResourceSets, echo, grouping,
                value, showMachineHealthChecks);
    }

    public DescribeOptions withShowConditions(String value) {
        return new DescribeOptions(value, showMachineSets, showTemplates, showResourceSets, echo, grouping, v1beta1,
                showMachineHealthChecks);
    }

    public DescribeOptions withShowMachineSets(boolean value) {
        return new DescribeOptions(showConditions, value, showTemplates, showResourceSets, echo, grouping, v1beta1,
                showMachineHealthChecks);
    }

    public DescribeOptions withShowTemplates(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, value, showResourceSets, echo, grouping, v1beta1,
                showMachineHealthChecks);
    }

    public DescribeOptions withShowResourceSets(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, value, echo, grouping, v1beta1,
                showMachineHealthChecks);
    }

    public DescribeOptions withEcho(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, showResourceSets, value, grouping,
                v1beta1, showMachineHealthChecks);
    }

    public DescribeOptions withGrouping(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, showResourceSets, echo, value,
                v1beta1, showMachineHealthChecks);
    }

    /** Our extension: each MachineHealthCheck under its Cluster, and under each Machine the checks selecting it. */
    public DescribeOptions withShowMachineHealthChecks(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, showResourceSets, echo, grouping,
                v1beta1, value);
    }
}
