package dev.capiconsole.problems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problem rules, as data: each names what it looks at and points at its check. */
public final class Rules {

    public static final List<Rule> ALL = List.of(
            new Rule("machine-not-provisioned", "Machine has no Node after the provision timeout",
                    List.of("Machine"), MachineRules::notProvisioned),
            new Rule("control-plane-unhealthy", "Control plane not Available, or etcd or its components unhealthy",
                    List.of("Cluster", "KubeadmControlPlane"), ControlPlaneRules::unhealthy),
            new Rule("machines-not-created", "MachineDeployment or MachineSet cannot create Machines",
                    List.of("MachineDeployment", "MachineSet"), WorkerRules::cannotCreateMachines),
            new Rule("rollout-not-progressing", "MachineDeployment rolling out or scaling up for too long",
                    List.of("MachineDeployment"), WorkerRules::notProgressing),
            new Rule("missing-reference", "Reference to a template or object that does not exist",
                    List.of("Cluster", "MachineDeployment", "MachineSet", "Machine", "ClusterClass",
                            "referenced provider kinds"), ReferenceRules::missing),
            new Rule("remediation-blocked", "MachineHealthCheck may not remediate (RemediationAllowed False)",
                    List.of("MachineHealthCheck"), ClusterRules::remediationBlocked),
            new Rule("nodes-not-ready-no-cni", "Nodes NotReady and no ClusterResourceSet selects the Cluster",
                    List.of("Cluster", "Machine", "ClusterResourceSet", "ClusterResourceSetBinding"),
                    ClusterRules::notReadyWithoutCni),
            new Rule("certificates-expiring", "Control-plane Machine certificates expire within 30 days",
                    List.of("Machine"), MachineRules::certificatesExpiring),
            new Rule("cluster-paused", "Cluster paused (spec.paused)", List.of("Cluster"),
                    LifecycleRules::pausedCluster),
            new Rule("object-paused", "Object paused by the cluster.x-k8s.io/paused annotation",
                    List.of("every kind read"), LifecycleRules::pausedObjects),
            new Rule("deletion-stuck", "Deletion held up by a finalizer", List.of("every kind read"),
                    LifecycleRules::deletionStuck),
            new Rule("kubeconfig-missing", "Kubeconfig Secret missing for a Cluster whose control plane is initialized",
                    List.of("Cluster", "Secret"), ClusterRules::kubeconfigMissing),
            new Rule("provider-not-available", "Provider controller Deployment not Available",
                    List.of("Provider", "Deployment"), ProviderRules::controllersNotAvailable),
            new Rule("infrastructure-provider-missing", "Cluster's infrastructure provider not installed",
                    List.of("Cluster", "CustomResourceDefinition", "Provider"), ProviderRules::infrastructureMissing));

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::severity)
            .thenComparing(Problem::namespace).thenComparing(Problem::cluster).thenComparing(Problem::kind)
            .thenComparing(Problem::name).thenComparing(Problem::ruleId);

    private Rules() {
    }

    /** Every rule's problems, errors first, then by namespace, cluster and object. */
    public static List<Problem> evaluate(ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : ALL) {
            problems.addAll(rule.find(objects, options));
        }
        problems.sort(ORDER);
        return problems;
    }

    /**
     * The problems of one Cluster (or of every Cluster when {@code cluster} is null), with the management cluster's
     * own problems (provider controllers), which hold up every Cluster.
     */
    public static List<Problem> ofCluster(List<Problem> problems, String cluster) {
        return problems.stream().filter(p -> cluster == null || p.cluster().isEmpty() || p.cluster().equals(cluster))
                .toList();
    }
}
