package dev.capiconsole.lab;

/** Receives the lab's progress: one line per step or build message, in order. */
@FunctionalInterface
public interface LabProgress {

    LabProgress NONE = line -> { };

    void report(String line);
}
