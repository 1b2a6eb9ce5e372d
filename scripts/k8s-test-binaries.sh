#!/usr/bin/env bash
# Builds the Kubernetes binaries the end-to-end tests run (kube-apiserver, kube-controller-manager, kube-scheduler as
# host processes or in test images, the kubelet for the real-node path, Go kubeadm for side-by-side benchmarks) from Debian bookworm's `kubernetes` source package with Debian's Go,
# and installs them into a cache OUTSIDE the repository. Idempotent: when the cache is complete it only prints it.
#
#   bash scripts/k8s-test-binaries.sh            # prints the bin dir on stdout (all progress goes to stderr)
#   bin=$(bash scripts/k8s-test-binaries.sh)
#
# Environment:
#   KUBEADM_K8S_CACHE   cache root (default /var/cache/kubeadm-dotnet); binaries go to $KUBEADM_K8S_CACHE/k8s-<ver>/bin
#   KUBEADM_K8S_KEEP_WORK=1  keep the build tree (default: removed after a successful build)
# The tests find the binaries through the same default path, or KUBEADM_K8S_BIN if set.
# See docs/testing-control-plane.md. Needs root (apt-get) unless everything is already installed and cached.
# It then makes sure of the version-stamped set for the upgrade tests (scripts/k8s-versioned-binaries.sh).
set -euo pipefail

log() { echo "k8s-test-binaries: $*" >&2; }
die() { echo "k8s-test-binaries: ERROR: $*" >&2; exit 1; }
scripts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/k8s-source.sh
source "$scripts_dir/lib/k8s-source.sh"

git_version="v1.20.2"
components=(kube-apiserver kube-controller-manager kube-scheduler kubelet kubeadm)

cache_root="${KUBEADM_K8S_CACHE:-/var/cache/kubeadm-dotnet}"
prefix="$cache_root/k8s-$pkg_version"
bin_dir="$prefix/bin"
stamp="$bin_dir/.complete"

complete() {
  [[ -f "$stamp" ]] || return 1
  local c
  for c in "${components[@]}"; do [[ -x "$bin_dir/$c" ]] || return 1; done
  return 0
}

ensure_kubectl() {
  if ! command -v kubectl >/dev/null; then
    log "installing kubectl (Debian kubernetes-client)"
    k8s_apt_install kubernetes-client
  fi
}

# The stamped v1.33/v1.34 set for the upgrade tests, from the same source (its own cache dir, lock and Go cache).
ensure_versioned() {
  bash "$scripts_dir/k8s-versioned-binaries.sh" >/dev/null || die "building the version-stamped binaries failed"
}

if complete; then
  ensure_kubectl
  ensure_versioned
  echo "$bin_dir"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || die "the binaries are not cached in $bin_dir and building them needs root (apt-get)"
mkdir -p "$cache_root"
exec 9>"$cache_root/.lock"
log "waiting for the build lock $cache_root/.lock"
flock 9
# Another run may have finished the build while we waited.
if complete; then
  ensure_kubectl
  ensure_versioned
  echo "$bin_dir"
  exit 0
fi

start=$(date +%s)
k8s_build_tools
ensure_kubectl
k8s_ensure_deb_src

work="$cache_root/work-$pkg_version"
rm -rf "$work"
mkdir -p "$work"
export GOPATH="$work/gopath" GOCACHE="$cache_root/gocache" GO111MODULE=off GOFLAGS= GOTOOLCHAIN=local
tree="$GOPATH/src/k8s.io/kubernetes"
k8s_prepare_tree "$work"
cd "$tree"

build_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ldflags=$(k8s_version_ldflags "$git_version" "$git_commit" "$build_date")

mkdir -p "$work/out"
for c in "${components[@]}"; do
  log "go build ./cmd/$c"
  go build -trimpath -ldflags "-s -w $ldflags" -o "$work/out/$c" "./cmd/$c" >"$work/build-$c.log" 2>&1 || {
    tail -n 40 "$work/build-$c.log" >&2
    die "go build ./cmd/$c failed (full log: $work/build-$c.log)"
  }
done

for c in "${components[@]}"; do
  if [[ $c == kubeadm ]]; then v=$("$work/out/$c" version -o short 2>&1 || true); else v=$("$work/out/$c" --version 2>&1 || true); fi
  [[ "$v" == *"$git_version"* ]] || die "$c --version printed '$v', expected $git_version"
done

mkdir -p "$bin_dir"
for c in "${components[@]}"; do install -m 0755 "$work/out/$c" "$bin_dir/$c"; done
echo "kubernetes source $pkg_version, $(go version), built $build_date" >"$stamp"
if [[ "${KUBEADM_K8S_KEEP_WORK:-0}" != 1 ]]; then
  chmod -R u+w "$work" "$GOCACHE" 2>/dev/null || true
  rm -rf "$work" "$GOCACHE"
fi
log "built ${components[*]} in $(($(date +%s) - start))s into $bin_dir"
ensure_versioned
echo "$bin_dir"
