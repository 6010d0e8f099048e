/**
 * Installing Cluster API providers into a management cluster with {@code clusterctl init}'s semantics: the
 * inventory, cert-manager, fetching and processing provider components, applying them, waiting for managers.
 * No JavaFX here.
 */
package dev.capiconsole.install;
