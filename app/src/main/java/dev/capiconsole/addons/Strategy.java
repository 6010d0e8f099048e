package dev.capiconsole.addons;

import java.util.Locale;

/** How the ClusterResourceSet controller applies the resources: once per cluster, or again whenever they change. */
public enum Strategy {
    ApplyOnce, Reconcile;

    /** {@code reconcile}, {@code ApplyOnce}, ... in any case. */
    public static Strategy parse(String text) {
        for (Strategy strategy : values()) {
            if (strategy.name().toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return strategy;
            }
        }
        throw new AddonException("unknown strategy '" + text + "': ApplyOnce or Reconcile");
    }
}
