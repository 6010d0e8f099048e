#!/usr/bin/env bash
# Builds the upstream binaries of the capi-console "lab" (etcd, kube-apiserver,
# Cluster API managers, clusterctl, CAPD manager) from the Go module proxy.
#
# Usage:
#   build-lab.sh [options] [binary...]
#
#   binary     one or more of the names below (or an alias); default: all.
#                etcd
#                kube-apiserver                                  (alias: apiserver)
#                kubectl
#                capi-controller-manager                         (alias: core, capi)
#                capi-kubeadm-bootstrap-controller-manager       (alias: kubeadm-bootstrap, cabpk)
#                capi-kubeadm-control-plane-controller-manager   (alias: kubeadm-control-plane, kcp)
#                clusterctl
#                capd-controller-manager                         (alias: capd, docker)
#                template-peer   (our test peer: clusterctl's template code behind a JSON-lines protocol)
#
# Options:
#   --force      rebuild even when a binary is already present
#   --sync       rewrite the wrapper go.mod/go.sum files from versions.env
#                (go mod edit + go mod tidy), then build
#   --bin-dir    only print the bin directory (no build)
#   --check      build nothing; print what is built and what a build needs, as
#                key=value lines (bin-dir, missing, go, go-version, go-min-version,
#                go-problem); exit 0 when the wanted binaries are all built, 3 if not
#   --list       list the binaries and their upstream packages
#   -h, --help   this help
#
# Environment:
#   CAPI_CONSOLE_LAB_CACHE  cache root (default: $HOME/.cache/capi-console/lab)
#   LAB_BUILD_NICE          niceness of the compiler (default: 10)
#   LAB_BUILD_GO            the go command to use (default: go on PATH, else the first of
#                           /usr/local/go/bin, /usr/lib/go/bin, /snap/bin, /opt/homebrew/bin,
#                           /usr/local/bin, ~/.local/go/bin, ~/sdk/go*/bin that has one:
#                           an app started from a desktop menu often has a short PATH)
#
# Output: binaries in $CAPI_CONSOLE_LAB_CACHE/<key>/bin, a sources.env file
# next to bin/ pointing into the Go module cache (CRDs, webhook configs,
# templates), and (once kubectl is built) the release's provider component
# files in $CAPI_CONSOLE_LAB_CACHE/<key>/components, laid out as a clusterctl
# overrides folder (<provider-label>/<version>/<file>): core, kubeadm bootstrap,
# kubeadm control plane and docker, made from the module sources as the
# release does (kustomize build, release images, IfNotPresent pull policy).
# Beside them, in the same overrides layout, the add-on manifests whose Go modules
# the proxy serves: Flannel's Documentation/kube-flannel.yml as
# addon-flannel/<version>/kube-flannel.yml. The components of an older release
# ($CAPI_UPGRADE_FROM_VERSION, for provider upgrade tests) lie beside the pinned
# release's, made the same way from its downloaded module sources.
# The Cluster API managers are built from edited copies of two modules (in
# <key>/loopback-patch) so that every server they open listens on 127.0.0.1
# only: see "loopback-only patch" below.
# Progress goes to stderr; the last stdout line is the bin dir.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULES_DIR="$SCRIPT_DIR/modules"
# shellcheck source=versions.env
source "$SCRIPT_DIR/versions.env"

log() { printf '[lab-build] %s\n' "$*" >&2; }
die() { printf '[lab-build] ERROR: %s\n' "$*" >&2; exit 1; }

fmt_secs() { # seconds -> 1m05s
  local s=$1
  if ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# ---------------------------------------------------------------- binaries ---
# name | wrapper module dir | main package | ldflags kind | version shown
BINARIES=(
  "etcd|etcd|go.etcd.io/etcd/server/v3|etcd|$ETCD_VERSION"
  "kube-apiserver|kubernetes|k8s.io/kubernetes/cmd/kube-apiserver|kube|$KUBERNETES_VERSION"
  "kubectl|kubernetes|k8s.io/kubernetes/cmd/kubectl|kube|$KUBERNETES_VERSION"
  "capi-controller-manager|capi|sigs.k8s.io/cluster-api/core|capi|$CAPI_VERSION"
  "capi-kubeadm-bootstrap-controller-manager|capi|sigs.k8s.io/cluster-api/bootstrap/kubeadm|capi|$CAPI_VERSION"
  "capi-kubeadm-control-plane-controller-manager|capi|sigs.k8s.io/cluster-api/controlplane/kubeadm|capi|$CAPI_VERSION"
  "clusterctl|capi|sigs.k8s.io/cluster-api/cmd/clusterctl|capi|$CAPI_VERSION"
  "capd-controller-manager|capi-test|sigs.k8s.io/cluster-api/test/infrastructure/docker|capi|$CAPI_VERSION"
  "template-peer|capi|capi-console.local/lab-build/capi/templatepeer|plain|$CAPI_VERSION"
)

resolve_alias() {
  case "$1" in
    apiserver) echo kube-apiserver ;;
    core | capi) echo capi-controller-manager ;;
    kubeadm-bootstrap | cabpk) echo capi-kubeadm-bootstrap-controller-manager ;;
    kubeadm-control-plane | kcp) echo capi-kubeadm-control-plane-controller-manager ;;
    capd | docker) echo capd-controller-manager ;;
    *) echo "$1" ;;
  esac
}

FORCE=0 SYNC=0 ONLY_BIN_DIR=0 ONLY_CHECK=0
WANTED=()
while (($#)); do
  case "$1" in
    --force) FORCE=1 ;;
    --sync) SYNC=1 ;;
    --bin-dir) ONLY_BIN_DIR=1 ;;
    --check) ONLY_CHECK=1 ;;
    --list)
      for b in "${BINARIES[@]}"; do IFS='|' read -r n _ p _ v <<<"$b"; printf '%-48s %-10s %s\n' "$n" "$v" "$p"; done
      exit 0 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *)
      name="$(resolve_alias "$1")"
      found=0
      for b in "${BINARIES[@]}"; do [[ "${b%%|*}" == "$name" ]] && found=1; done
      ((found)) || die "unknown binary: $1 (see --list)"
      WANTED+=("$name") ;;
  esac
  shift
done

# ---------------------------------------------------------------- cache key --
CACHE_ROOT="${CAPI_CONSOLE_LAB_CACHE:-$HOME/.cache/capi-console/lab}"
KEY="etcd-${ETCD_VERSION}_k8s-${KUBERNETES_VERSION}_capi-${CAPI_VERSION}_r${LAB_BUILD_REV}"
OUT_DIR="$CACHE_ROOT/$KEY"
BIN_DIR="$OUT_DIR/bin"

if ((ONLY_BIN_DIR)); then echo "$BIN_DIR"; exit 0; fi

# ---------------------------------------------------------------- Go check ---
# Finds the go command (LAB_BUILD_GO, else go on PATH, else a usual install folder) and checks its version.
# Sets GO_CMD and GO_VERSION; GO_PROBLEM says what is wrong, empty when Go is usable.
GO_CMD="" GO_VERSION="" GO_PROBLEM=""
GO_INSTALL_HINT="Install it (Debian: apt-get install golang-go, if its version is new enough; else https://go.dev/dl/) and put 'go' on PATH, or set LAB_BUILD_GO to its go command."
find_go() {
  local candidate
  if [[ -n "${LAB_BUILD_GO:-}" ]]; then
    [[ -x "$LAB_BUILD_GO" ]] || { GO_PROBLEM="Go is not installed at LAB_BUILD_GO=$LAB_BUILD_GO: Go >= $GO_MIN_VERSION is needed to build the lab. $GO_INSTALL_HINT"; return; }
    GO_CMD="$LAB_BUILD_GO"
  elif command -v go >/dev/null 2>&1; then
    GO_CMD="$(command -v go)"
  else
    for candidate in /usr/local/go/bin/go /usr/lib/go/bin/go /snap/bin/go /opt/homebrew/bin/go /usr/local/bin/go \
      "$HOME/.local/go/bin/go" $(ls -d "$HOME"/sdk/go*/bin/go 2>/dev/null | sort -rV); do
      if [[ -x "$candidate" ]]; then GO_CMD="$candidate"; break; fi
    done
    [[ -n "$GO_CMD" ]] || { GO_PROBLEM="Go is not installed (not on PATH nor in the usual folders): Go >= $GO_MIN_VERSION is needed to build the lab. $GO_INSTALL_HINT"; return; }
  fi
  GO_VERSION="$(GOTOOLCHAIN=local "$GO_CMD" env GOVERSION 2>/dev/null || true)"
  GO_VERSION="${GO_VERSION#go}"
  GO_VERSION="${GO_VERSION%%[ -]*}"
  if [[ -z "$GO_VERSION" ]]; then
    GO_PROBLEM="cannot determine the Go version of $GO_CMD"
  elif [[ "$(printf '%s\n%s\n' "$GO_MIN_VERSION" "$GO_VERSION" | sort -V | head -n1)" != "$GO_MIN_VERSION" ]]; then
    GO_PROBLEM="Go $GO_VERSION at $GO_CMD is too old: Go >= $GO_MIN_VERSION is needed (GO_MIN_VERSION in versions.env; the upstream go.mod files declare it). $GO_INSTALL_HINT"
  fi
}

find_go
if ((ONLY_CHECK)); then
  missing=()
  for b in "${BINARIES[@]}"; do
    name="${b%%|*}"
    if ((${#WANTED[@]})) && [[ " ${WANTED[*]} " != *" $name "* ]]; then continue; fi
    [[ -x "$BIN_DIR/$name" ]] || missing+=("$name")
  done
  echo "bin-dir=$BIN_DIR"
  echo "missing=${missing[*]}"
  echo "go=$GO_CMD"
  echo "go-version=$GO_VERSION"
  echo "go-min-version=$GO_MIN_VERSION"
  echo "go-problem=$GO_PROBLEM"
  ((${#missing[@]} == 0)) && exit 0 || exit 3
fi
[[ -z "$GO_PROBLEM" ]] || die "$GO_PROBLEM"
PATH="$(dirname "$GO_CMD"):$PATH"
export GOTOOLCHAIN=local # never download another toolchain
export CGO_ENABLED=0 # static binaries, as upstream releases them; no C compiler needed
export GOFLAGS="-mod=readonly -buildvcs=false"
NICE="${LAB_BUILD_NICE:-10}"

# ---------------------------------------------------------------- helpers ----
# Effective version of a module in a wrapper module's build list (after replace).
mod_version() { # dir module
  (cd "$MODULES_DIR/$1" && go list -m -f '{{if .Replace}}{{.Replace.Version}}{{else}}{{.Version}}{{end}}' "$2")
}
mod_dir() { # dir module
  (cd "$MODULES_DIR/$1" && go list -m -f '{{if .Replace}}{{.Replace.Dir}}{{else}}{{.Dir}}{{end}}' "$2")
}
mod_time() { # dir module -> ISO8601 publish time from the proxy's .info
  (cd "$MODULES_DIR/$1" && go list -m -f '{{if .Time}}{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}{{end}}' "$2")
}

sync_modules() {
  log "syncing wrapper modules with versions.env"
  export GOFLAGS="-buildvcs=false"
  (cd "$MODULES_DIR/etcd" && go mod edit -require="go.etcd.io/etcd/server/v3@$ETCD_VERSION" && go mod tidy)

  # k8s.io/kubernetes requires its staging modules at v0.0.0 (replaced by
  # ./staging upstream): replace each one with the published release.
  local kgomod
  kgomod="$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  [[ -f "$kgomod" ]] || die "cannot download k8s.io/kubernetes@$KUBERNETES_VERSION"
  (
    cd "$MODULES_DIR/kubernetes"
    local m
    for m in $(go mod edit -json | sed -n 's/^[[:space:]]*"Path": "\(k8s\.io\/[^"]*\)"$/\1/p' | sort -u); do
      go mod edit -dropreplace="$m"
    done
    go mod edit -require="k8s.io/kubernetes@$KUBERNETES_VERSION"
    {
      printf '\nreplace (\n'
      for m in $(awk '/^require[[:space:]]*\(/{r=1;next} r&&/^\)/{r=0} r&&$2=="v0.0.0"{print $1}' "$kgomod"); do
        printf '\t%s => %s %s\n' "$m" "$m" "$KUBERNETES_STAGING_VERSION"
      done
      printf ')\n'
    } >>go.mod
    go mod edit -fmt
    go mod tidy
  )
  (cd "$MODULES_DIR/capi" && go mod edit -require="sigs.k8s.io/cluster-api@$CAPI_VERSION" \
    -require="sigs.k8s.io/cluster-api/api@$CAPI_VERSION" && go mod tidy)
  (cd "$MODULES_DIR/capi-test" && go mod edit -require="sigs.k8s.io/cluster-api@$CAPI_VERSION" \
    -require="sigs.k8s.io/cluster-api/api@$CAPI_VERSION" \
    -require="sigs.k8s.io/cluster-api/test@$CAPI_VERSION" && go mod tidy)
  export GOFLAGS="-mod=readonly -buildvcs=false"
}

check_pin() { # dir module expected
  local got
  got="$(mod_version "$1" "$2" 2>&1)" || die "cannot resolve $2 in modules/$1: $got"
  [[ "$got" == "$3" ]] ||
    die "modules/$1 uses $2 $got but versions.env pins $3: run '$0 --sync' to update the wrapper go.mod/go.sum."
}

check_module_pins() { # dir
  case "$1" in
    etcd) check_pin etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION" ;;
    kubernetes)
      check_pin kubernetes k8s.io/kubernetes "$KUBERNETES_VERSION"
      check_pin kubernetes k8s.io/component-base "$KUBERNETES_STAGING_VERSION" ;;
    capi)
      check_pin capi sigs.k8s.io/cluster-api "$CAPI_VERSION"
      check_pin capi sigs.k8s.io/cluster-api/api "$CAPI_VERSION" ;;
    capi-test)
      check_pin capi-test sigs.k8s.io/cluster-api "$CAPI_VERSION"
      check_pin capi-test sigs.k8s.io/cluster-api/api "$CAPI_VERSION"
      check_pin capi-test sigs.k8s.io/cluster-api/test "$CAPI_VERSION" ;;
  esac
}

ldflags_for() { # kind
  local flags="-s -w" k v date
  local commit="0000000000000000000000000000000000000000"
  case "$1" in
    etcd)
      flags+=" -X go.etcd.io/etcd/api/v3/version.GitSHA=module-$ETCD_VERSION" ;;
    kube)
      date="$(mod_time kubernetes k8s.io/kubernetes)"
      local ver="${KUBERNETES_VERSION#v}"
      for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
        for kv in "gitVersion=$KUBERNETES_VERSION" "gitMajor=${ver%%.*}" "gitMinor=$(cut -d. -f2 <<<"$ver")" \
          "gitTreeState=clean" "gitCommit=$commit" "buildDate=${date:-1970-01-01T00:00:00Z}"; do
          flags+=" -X $pkg.$kv"
        done
      done ;;
    capi)
      date="$(mod_time capi sigs.k8s.io/cluster-api)"
      local ver="${CAPI_VERSION#v}"
      for kv in "gitVersion=$CAPI_VERSION" "gitMajor=${ver%%.*}" "gitMinor=$(cut -d. -f2 <<<"$ver")" \
        "gitTreeState=clean" "gitCommit=$commit" "buildDate=${date:-1970-01-01T00:00:00Z}"; do
        flags+=" -X sigs.k8s.io/cluster-api/version.$kv"
      done ;;
  esac
  printf '%s' "$flags"
}

write_sources_env() {
  local f="$OUT_DIR/sources.env" tmp
  tmp="$(mktemp "$OUT_DIR/.sources.env.XXXXXX")"
  local capi capi_api capi_test k8s etcd
  capi="$(mod_dir capi sigs.k8s.io/cluster-api 2>/dev/null || true)"
  capi_api="$(mod_dir capi sigs.k8s.io/cluster-api/api 2>/dev/null || true)"
  capi_test="$(mod_dir capi-test sigs.k8s.io/cluster-api/test 2>/dev/null || true)"
  k8s="$(mod_dir kubernetes k8s.io/kubernetes 2>/dev/null || true)"
  etcd="$(mod_dir etcd go.etcd.io/etcd/server/v3 2>/dev/null || true)"
  {
    echo "# Written by build-lab.sh: upstream module sources in the Go module cache (read-only)."
    echo "LAB_KEY=$KEY"
    echo "BIN_DIR=$BIN_DIR"
    echo "ETCD_VERSION=$ETCD_VERSION"
    echo "KUBERNETES_VERSION=$KUBERNETES_VERSION"
    echo "CAPI_VERSION=$CAPI_VERSION"
    echo "ETCD_DIR=$etcd"
    echo "KUBERNETES_DIR=$k8s"
    echo "CAPI_DIR=$capi"
    echo "CAPI_API_DIR=$capi_api"
    echo "CAPI_TEST_DIR=$capi_test"
    echo "COMPONENTS_DIR=$OUT_DIR/components"
    if [[ -n "$capi" ]]; then
      echo "CAPI_CORE_CONFIG_DIR=$capi/core/config"
      echo "CAPI_KUBEADM_BOOTSTRAP_CONFIG_DIR=$capi/bootstrap/kubeadm/config"
      echo "CAPI_KUBEADM_CONTROL_PLANE_CONFIG_DIR=$capi/controlplane/kubeadm/config"
    fi
    if [[ -n "$capi_test" ]]; then
      echo "CAPD_CONFIG_DIR=$capi_test/infrastructure/docker/config"
      echo "CAPD_TEMPLATES_DIR=$capi_test/infrastructure/docker/templates"
    fi
  } >"$tmp"
  mv -f "$tmp" "$f"
}

# Builds the component files a Cluster API release publishes, from the module
# sources: what `make release-manifests` and `release-manifests-dev` do.
write_components() {
  local capi capi_test dest
  [[ -x "$BIN_DIR/kubectl" ]] || { log "components: kubectl not built; skipped"; return 0; }
  capi="$(mod_dir capi sigs.k8s.io/cluster-api 2>/dev/null || true)"
  capi_test="$(mod_dir capi-test sigs.k8s.io/cluster-api/test 2>/dev/null || true)"
  [[ -n "$capi" && -n "$capi_test" ]] || { log "components: module sources missing; skipped"; return 0; }
  dest="$OUT_DIR/components"
  if [[ -f "$dest/.complete" && $FORCE -eq 0 ]]; then
    log "components $CAPI_VERSION already made"
    return 0
  fi
  rm -rf "$dest" && mkdir -p "$dest"
  make_components "$CAPI_VERSION" "$capi" "$capi_test" "$dest"
  touch "$dest/.complete"
}

# The older release that provider upgrade tests start from, beside the pinned
# one in the same overrides layout. Its modules are only downloaded (no build).
write_upgrade_from_components() {
  local dest="$OUT_DIR/components" capi capi_test
  [[ -f "$dest/.complete" ]] || return 0
  if [[ -f "$dest/.complete-$CAPI_UPGRADE_FROM_VERSION" && $FORCE -eq 0 ]]; then
    return 0
  fi
  capi="$(module_download "sigs.k8s.io/cluster-api@$CAPI_UPGRADE_FROM_VERSION")"
  capi_test="$(module_download "sigs.k8s.io/cluster-api/test@$CAPI_UPGRADE_FROM_VERSION")"
  if [[ -z "$capi" || -z "$capi_test" ]]; then
    log "components: Cluster API $CAPI_UPGRADE_FROM_VERSION not available from the module proxy; skipped"
    return 0
  fi
  make_components "$CAPI_UPGRADE_FROM_VERSION" "$capi" "$capi_test" "$dest"
  touch "$dest/.complete-$CAPI_UPGRADE_FROM_VERSION"
}

module_download() { # module@version -> its directory in the module cache, empty when not served
  (cd "$OUT_DIR" && GOFLAGS=-buildvcs=false go mod download -json "$1" 2>/dev/null \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') || true
}

make_components() { # version capi-dir capi-test-dir dest
  local version="$1" capi="$2" capi_test="$3" dest="$4" work entry label config file
  work="$(mktemp -d "$OUT_DIR/.components.XXXXXX")"
  # label | config dir | file
  for entry in \
    "cluster-api|$capi/core/config|core-components.yaml" \
    "bootstrap-kubeadm|$capi/bootstrap/kubeadm/config|bootstrap-components.yaml" \
    "control-plane-kubeadm|$capi/controlplane/kubeadm/config|control-plane-components.yaml" \
    "infrastructure-docker|$capi_test/infrastructure/docker/config|infrastructure-components-development.yaml"; do
    IFS='|' read -r label config file <<<"$entry"
    cp -r "$config" "$work/$label" && chmod -R u+w "$work/$label"
    # The release points the manager at the published image and pulls it only when absent.
    sed -i -e "s#gcr.io/k8s-staging-cluster-api/\([a-z0-9-]*\):main#registry.k8s.io/cluster-api/\1:$version#" \
      "$work/$label/default/manager_image_patch.yaml"
    sed -i -e 's#imagePullPolicy: Always#imagePullPolicy: IfNotPresent#' "$work/$label/default/manager_pull_policy.yaml"
    mkdir -p "$dest/$label/$version"
    "$BIN_DIR/kubectl" kustomize "$work/$label/default" >"$dest/$label/$version/$file" \
      || die "components: kustomize build of $config/default failed"
    cp "$capi/metadata.yaml" "$dest/$label/$version/metadata.yaml"
  done
  cp "$capi_test"/infrastructure/docker/templates/*.yaml "$dest/infrastructure-docker/$version/"
  chmod -R u+w "$dest"
  rm -rf "$work"
  log "components $version made in $dest"
}

# Lays out the CNI manifests that ship in a Go module served by the proxy, as
# overrides (addon-<name>/<version>/<file>) next to the components. Runs after
# write_components (which starts its folder afresh). Without the proxy it says
# so and skips: the console then reads them from their release URLs.
write_addons() {
  local dest="$OUT_DIR/components/addon-flannel/$FLANNEL_VERSION" dir
  if [[ -f "$dest/kube-flannel.yml" && $FORCE -eq 0 ]]; then
    return 0
  fi
  dir="$(cd "$OUT_DIR" && GOFLAGS=-buildvcs=false go mod download -json "github.com/flannel-io/flannel@$FLANNEL_VERSION" \
    2>/dev/null | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" || true
  if [[ -z "$dir" || ! -f "$dir/Documentation/kube-flannel.yml" ]]; then
    log "add-ons: github.com/flannel-io/flannel@$FLANNEL_VERSION (Documentation/kube-flannel.yml) not available from the module proxy; skipped"
    return 0
  fi
  mkdir -p "$dest"
  cp "$dir/Documentation/kube-flannel.yml" "$dest/kube-flannel.yml"
  chmod u+w "$dest/kube-flannel.yml"
  log "add-ons: flannel $FLANNEL_VERSION laid out in $dest"
}

# ------------------------------------------------------ loopback-only patch --
# The managers' webhook servers (controller-runtime's webhook.Options has a Host, but the Cluster API
# mains set only the Port: "" means all interfaces) and the in-memory backend's debug and workload API
# servers (net.Listen(":port")) would listen on every interface of the machine. No flag changes that, so
# the lab builds them from a copy of those two upstream modules, taken from the module cache and edited
# here (an empty webhook host means 127.0.0.1; the in-memory listeners bind 127.0.0.1), through a copy of
# the wrapper go.mod with a replace pointing at the copy (go build -modfile). The committed wrapper
# modules stay untouched and no upstream source is kept in this repository.
PATCH_DIR="$OUT_DIR/loopback-patch"

prepare_loopback_patch() {
  local cr crt server mux
  cr="$(mod_dir capi sigs.k8s.io/controller-runtime)" || die "cannot resolve controller-runtime in modules/capi"
  crt="$(mod_dir capi-test sigs.k8s.io/cluster-api/test)" || die "cannot resolve cluster-api/test in modules/capi-test"
  rm -rf "$PATCH_DIR" && mkdir -p "$PATCH_DIR"
  cp -r "$cr" "$PATCH_DIR/controller-runtime" && cp -r "$crt" "$PATCH_DIR/cluster-api-test"
  chmod -R u+w "$PATCH_DIR"
  server="$PATCH_DIR/controller-runtime/pkg/webhook/server.go"
  sed -i 's/^\tif o.Port <= 0 {$/\tif o.Host == "" {\n\t\to.Host = "127.0.0.1"\n\t}\n\n\tif o.Port <= 0 {/' "$server"
  grep -q 'o.Host = "127.0.0.1"' "$server" || die "loopback patch: the webhook Options defaulting in $server has changed; update prepare_loopback_patch"
  mux="$PATCH_DIR/cluster-api-test/infrastructure/inmemory/pkg/server/mux.go"
  sed -i 's/net.Listen("tcp", fmt.Sprintf(":%d", /net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", /' "$mux"
  [[ "$(grep -c 'net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", ' "$mux")" == 3 && "$(grep -c 'net.Listen(' "$mux")" == 3 ]] \
    || die "loopback patch: the in-memory listeners in $mux have changed; update prepare_loopback_patch"
  local m
  for m in capi capi-test; do
    cp "$MODULES_DIR/$m/go.mod" "$PATCH_DIR/$m.mod" && cp "$MODULES_DIR/$m/go.sum" "$PATCH_DIR/$m.sum"
    (cd "$MODULES_DIR/$m" && go mod edit -modfile="$PATCH_DIR/$m.mod" \
      -replace="sigs.k8s.io/controller-runtime=$PATCH_DIR/controller-runtime")
  done
  (cd "$MODULES_DIR/capi-test" && go mod edit -modfile="$PATCH_DIR/capi-test.mod" \
    -replace="sigs.k8s.io/cluster-api/test=$PATCH_DIR/cluster-api-test")
  touch "$PATCH_DIR/.complete"
  log "loopback patch prepared in $PATCH_DIR"
}

# ---------------------------------------------------------------- main -------
((SYNC)) && sync_modules

mkdir -p "$BIN_DIR"

# Serialise concurrent runs for the same key.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$OUT_DIR/.lock"
  if ! flock -n 9; then
    log "another build-lab.sh is running for $KEY; waiting for it..."
    flock 9
  fi
fi

SELECTED=()
for b in "${BINARIES[@]}"; do
  name="${b%%|*}"
  if ((${#WANTED[@]} == 0)); then SELECTED+=("$b"); continue; fi
  for w in "${WANTED[@]}"; do [[ "$w" == "$name" ]] && { SELECTED+=("$b"); break; }; done
done

TOTAL=${#SELECTED[@]}
START_ALL=$SECONDS
BUILT=0
CHECKED_MODULES=" "
HEARTBEAT_PID=""
cleanup() { [[ -n "$HEARTBEAT_PID" ]] && kill "$HEARTBEAT_PID" 2>/dev/null; rm -f "$BIN_DIR"/.*.tmp 2>/dev/null; true; }
trap cleanup EXIT

i=0
for b in "${SELECTED[@]}"; do
  i=$((i + 1))
  IFS='|' read -r name moddir pkg kind version <<<"$b"
  if [[ -x "$BIN_DIR/$name" && $FORCE -eq 0 ]]; then
    log "$name $version already built ($i/$TOTAL)"
    continue
  fi
  if [[ "$CHECKED_MODULES" != *" $moddir "* ]]; then
    check_module_pins "$moddir"
    CHECKED_MODULES+="$moddir "
  fi
  log "building $name $version ($i/$TOTAL)... [elapsed $(fmt_secs $((SECONDS - START_ALL)))]"
  start=$SECONDS
  ( # heartbeat for long compiles
    trap 'kill "$sp" 2>/dev/null; exit 0' TERM
    while :; do
      sleep 60 & sp=$!
      wait "$sp"
      log "  ... still building $name ($(fmt_secs $((SECONDS - start))))"
    done
  ) &
  HEARTBEAT_PID=$!
  tmp="$BIN_DIR/.$name.tmp"
  ldflags="$(ldflags_for "$kind")"
  modfile=()
  case "$moddir" in
    capi | capi-test)
      [[ -f "$PATCH_DIR/.complete" ]] || prepare_loopback_patch
      modfile=("-modfile=$PATCH_DIR/$moddir.mod") ;;
  esac
  if ! (cd "$MODULES_DIR/$moddir" && nice -n "$NICE" go build ${modfile[@]+"${modfile[@]}"} -trimpath -ldflags "$ldflags" -o "$tmp" "$pkg"); then
    kill "$HEARTBEAT_PID" 2>/dev/null || true; HEARTBEAT_PID=""
    die "building $name failed: (cd $MODULES_DIR/$moddir && go build ${modfile[*]+"${modfile[*]}"} -trimpath -ldflags '$ldflags' -o $tmp $pkg)"
  fi
  kill "$HEARTBEAT_PID" 2>/dev/null || true
  wait "$HEARTBEAT_PID" 2>/dev/null || true
  HEARTBEAT_PID=""
  mv -f "$tmp" "$BIN_DIR/$name"
  BUILT=$((BUILT + 1))
  log "built $name in $(fmt_secs $((SECONDS - start))) ($(du -h "$BIN_DIR/$name" | cut -f1))"
done

write_sources_env
write_components
write_upgrade_from_components
write_addons
log "done: $BUILT built, $((TOTAL - BUILT)) already present, total $(fmt_secs $((SECONDS - START_ALL)))"
log "sources: $OUT_DIR/sources.env"
echo "$BIN_DIR"
