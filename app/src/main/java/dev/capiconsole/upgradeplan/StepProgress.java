package dev.capiconsole.upgradeplan;

import java.util.List;

/** A step of a running upgrade: done, in progress (the version is applied, machines are being replaced), or waiting. */
public record StepProgress(PlanStep step, State state, int machinesAtVersion, int machines, List<Blocker> blockers) {

    public enum State { DONE, IN_PROGRESS, WAITING }

    public StepProgress {
        blockers = List.copyOf(blockers);
    }
}
