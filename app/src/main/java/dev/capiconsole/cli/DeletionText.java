package dev.capiconsole.cli;

import dev.capiconsole.install.ProviderDeletion;
import java.util.Map;

/** A provider deletion plan as text: per provider what is deleted, what goes with its namespace, what stays. */
final class DeletionText {

    private DeletionText() {
    }

    static String describe(String context, ProviderDeletion.Plan plan) {
        StringBuilder text = new StringBuilder("Deleting from ").append(context).append(": ")
                .append(plan.providers().size()).append(" provider(s), ").append(plan.objectCount())
                .append(" object(s)\n");
        for (ProviderDeletion.ProviderPlan provider : plan.providers()) {
            text.append('\n').append(provider.provider().name()).append(' ').append(provider.provider().version())
                    .append(" (namespace ").append(provider.provider().namespace()).append(")\n");
            text.append("  deleted (").append(provider.deleted().size()).append("):\n");
            provider.deleted().forEach(o -> text.append("    - ").append(o).append('\n'));
            if (!provider.withNamespace().isEmpty()) {
                text.append("  deleted with the namespace (").append(provider.withNamespace().size()).append("):\n");
                provider.withNamespace().forEach(o -> text.append("    - ").append(o).append('\n'));
            }
            if (!provider.kept().isEmpty()) {
                text.append("  kept (").append(provider.kept().size()).append("):\n");
                for (Map.Entry<ProviderDeletion.ObjectRef, String> kept : provider.kept().entrySet()) {
                    text.append("    = ").append(kept.getKey()).append(": ").append(kept.getValue()).append('\n');
                }
            }
        }
        if (!plan.warnings().isEmpty()) {
            text.append('\n');
            plan.warnings().forEach(w -> text.append("! ").append(w).append('\n'));
        }
        return text.toString();
    }
}
