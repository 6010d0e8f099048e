package dev.capiconsole.problems;

import java.time.Instant;

/**
 * A provider's controller Deployment as the rules need it.
 *
 * @param provider the inventory name it belongs to ({@code cluster.x-k8s.io/provider} label), e.g. {@code infrastructure-docker}
 * @param available its {@code Available} condition status ({@code True}, {@code False}, {@code Unknown}, or empty)
 * @param reason the reason and message of its first condition that is not True, if any
 * @param since that condition's last transition, or the Deployment's creation
 */
public record ProviderDeployment(String namespace, String name, String provider, int wanted, int ready,
                                 String available, String reason, Instant since) {
}
