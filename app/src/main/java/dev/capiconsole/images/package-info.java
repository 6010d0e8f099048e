/**
 * The container images a quickstart needs, in one list: the providers and cert-manager (as {@code init list-images}
 * lists them), MetalLB, the CNI add-on, the kind node image and the images kubeadm pulls for the workload cluster's
 * Kubernetes version; written as text or as a script that mirrors them to a private registry. No JavaFX here.
 */
package dev.capiconsole.images;
