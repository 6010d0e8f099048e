package dev.capiconsole.problems;

/** A Cluster's Available condition that changed status between two readings. */
public record AvailabilityChange(String namespace, String name, String from, String to, String message) {
}
