package dev.capiconsole.upgradeplan;

/**
 * A worker group of a topology Cluster as the upgrade plan needs it: its topology name, the Kubernetes version its
 * object declares (empty while it does not exist yet), and the upgrade annotations on its topology entry.
 */
public record WorkerGroup(PlanStep.Target kind, String name, String version, boolean deferUpgrade,
                          boolean holdUpgradeSequence) {
}
