/**
 * The embedded management plane ("lab"): upstream etcd, kube-apiserver and Cluster API controllers,
 * built from the Go module proxy by {@code lab-build/build-lab.sh} and run as local processes on loopback.
 */
package dev.capiconsole.lab;
