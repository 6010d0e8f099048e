//go:build tools

// Package tools pins the upstream main packages that build-lab.sh compiles.
// It is never built; it only keeps the requirements in go.mod.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
