package dev.capiconsole.topology;

/** The options of {@code clusterctl describe cluster}, with its defaults. */
public record DescribeOptions(String showConditions, boolean showMachineSets, boolean showTemplates,
                              boolean showResourceSets, boolean echo, boolean grouping) {

    public static DescribeOptions defaults() {
        return new DescribeOptions("", false, false, false, false, true);
    }

    public DescribeOptions withShowConditions(String value) {
        return new DescribeOptions(value, showMachineSets, showTemplates, showResourceSets, echo, grouping);
    }

    public DescribeOptions withShowMachineSets(boolean value) {
        return new DescribeOptions(showConditions, value, showTemplates, showResourceSets, echo, grouping);
    }

    public DescribeOptions withShowTemplates(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, value, showResourceSets, echo, grouping);
    }

    public DescribeOptions withShowResourceSets(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, value, echo, grouping);
    }

    public DescribeOptions withEcho(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, showResourceSets, value, grouping);
    }

    public DescribeOptions withGrouping(boolean value) {
        return new DescribeOptions(showConditions, showMachineSets, showTemplates, showResourceSets, echo, value);
    }
}
