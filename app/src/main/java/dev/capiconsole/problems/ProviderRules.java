package dev.capiconsole.problems;

import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/** Provider controllers that are not available, and Clusters whose infrastructure provider is not installed. */
final class ProviderRules {

    private ProviderRules() {
    }

    static List<Problem> controllersNotAvailable(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        if (!objects.read("apps", "Deployment")) {
            return problems;
        }
        for (InstalledProvider provider : objects.providers()) {
            List<ProviderDeployment> deployments = objects.deployments().stream()
                    .filter(d -> d.namespace().equals(provider.namespace()) && d.provider().equals(provider.name()))
                    .toList();
            String logs = "kubectl -n " + provider.namespace() + " logs deployment/";
            if (deployments.isEmpty()) {
                problems.add(new Problem(rule.id(), Severity.ERROR, "Provider " + provider.name() + " "
                        + provider.version() + " has no controller Deployment", null, "Provider", provider.namespace(),
                        provider.name(), "", "no Deployment labelled cluster.x-k8s.io/provider=" + provider.name()
                        + " in namespace " + provider.namespace(), "Install the provider again: capi-console init --"
                        + provider.type().prefix() + " " + provider.providerName() + ":" + provider.version()));
            }
            for (ProviderDeployment deployment : deployments) {
                if ("True".equals(deployment.available())) {
                    continue;
                }
                problems.add(new Problem(rule.id(), Severity.ERROR, "Controller of provider " + provider.name()
                        + " is not available", deployment.since(), "Deployment", deployment.namespace(),
                        deployment.name(), "", deployment.ready() + "/" + deployment.wanted() + " replicas ready; Available="
                        + (deployment.available().isEmpty() ? "<none>" : deployment.available())
                        + (deployment.reason().isEmpty() ? "" : "; " + deployment.reason()),
                        "Every Cluster it serves waits: kubectl -n " + deployment.namespace() + " describe deployment "
                                + deployment.name() + "; " + logs + deployment.name()));
            }
        }
        return problems;
    }

    static List<Problem> infrastructureMissing(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        List<String> installed = objects.providers().stream().filter(p -> p.type() == ProviderType.INFRASTRUCTURE)
                .map(InstalledProvider::name).toList();
        for (CapiObject cluster : objects.core("Cluster")) {
            ObjectRef ref = ObjectRef.of(cluster.map("spec", "infrastructureRef"), cluster.namespace());
            if (ref == null || ref.kind().isEmpty() || cluster.deleting()) {
                continue;
            }
            String field = "spec.infrastructureRef = " + ref.kind() + "/" + ref.name() + " (" + ref.apiGroup() + ")";
            String inventory = objects.providers().isEmpty() ? "no clusterctl inventory"
                    : "infrastructure providers in the inventory: " + (installed.isEmpty() ? "none" : installed);
            if (!objects.served(ref.apiGroup(), ref.kind())) {
                problems.add(Facts.problem(rule, Severity.ERROR, cluster, "No installed infrastructure provider "
                        + "serves " + ref.kind(), Facts.created(cluster), field + ": no CustomResourceDefinition "
                        + "serves it; " + inventory, "Install the infrastructure provider: capi-console init "
                        + "--infrastructure NAME (capi-console get providers lists what is installed)"));
                continue;
            }
            String owner = objects.providerOfKind(ref.apiGroup(), ref.kind());
            if (owner != null && !objects.providers().isEmpty() && !installed.contains(owner)) {
                problems.add(Facts.problem(rule, Severity.ERROR, cluster, "Infrastructure provider " + owner
                        + " is not installed", Facts.created(cluster), field + ": its CustomResourceDefinition "
                        + "belongs to " + owner + "; " + inventory, "Its CRDs are left but its controller is not "
                        + "in the inventory: capi-console init --infrastructure " + owner.substring(owner.indexOf('-') + 1)));
            }
        }
        return problems;
    }
}
