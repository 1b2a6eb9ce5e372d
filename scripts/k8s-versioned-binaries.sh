#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and kube-scheduler from the same Debian source as
# scripts/k8s-test-binaries.sh, once per version stamp (component-base/client-go version ldflags: gitVersion, gitMajor,
# gitMinor), so two "releases" exist for the upgrade tests: $KUBEADM_K8S_CACHE/k8s-<pkg>-versioned/bin/<stamp>/.
# The code is v1.20.2 in every stamp; only what the binaries report (--version, /version, user agents) differs.
#
#   bash scripts/k8s-versioned-binaries.sh       # prints the bin root (…/bin, holding v1.33.5/ v1.34.2/) on stdout
#
# The source tree and the Go build cache are kept next to the binaries, so another stamp only re-links
# (KUBEADM_K8S_STAMPS="v1.33.5 v1.34.2 v1.34.0" bash scripts/k8s-versioned-binaries.sh). Idempotent: when every stamp
# is complete it only prints the path. Called by scripts/k8s-test-binaries.sh; docs/testing-multi-node.md.
#
# Environment:
#   KUBEADM_K8S_CACHE    cache root (default /var/cache/kubeadm-dotnet)
#   KUBEADM_K8S_STAMPS   versions to stamp (default "v1.33.5 v1.34.2": one minor below and at kubeadm's own version)
set -euo pipefail

log() { echo "k8s-versioned-binaries: $*" >&2; }
die() { echo "k8s-versioned-binaries: ERROR: $*" >&2; exit 1; }
# shellcheck source=lib/k8s-source.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/k8s-source.sh"

read -r -a stamps <<<"${KUBEADM_K8S_STAMPS:-v1.33.5 v1.34.2}"
components=(kube-apiserver kube-controller-manager kube-scheduler)

cache_root="${KUBEADM_K8S_CACHE:-/var/cache/kubeadm-dotnet}"
prefix="$cache_root/k8s-$pkg_version-versioned"
bin_root="$prefix/bin"
work="$prefix/work"

stamp_complete() {
  local dir="$bin_root/$1" c
  [[ -f "$dir/.complete" ]] || return 1
  for c in "${components[@]}"; do [[ -x "$dir/$c" ]] || return 1; done
}
all_complete() {
  local s
  for s in "${stamps[@]}"; do stamp_complete "$s" || return 1; done
}

for s in "${stamps[@]}"; do
  [[ $s =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "KUBEADM_K8S_STAMPS: '$s' is not a version like v1.34.2"
done
if all_complete; then echo "$bin_root"; exit 0; fi

[[ $(id -u) -eq 0 ]] || die "the versioned binaries are not cached in $bin_root and building them needs root (apt-get)"
mkdir -p "$prefix"
exec 8>"$prefix/.lock"
log "waiting for the build lock $prefix/.lock"
flock 8
if all_complete; then echo "$bin_root"; exit 0; fi

start=$(date +%s)
k8s_build_tools
export GOPATH="$work/gopath" GOCACHE="$prefix/gocache" GO111MODULE=off GOFLAGS= GOTOOLCHAIN=local
tree="$GOPATH/src/k8s.io/kubernetes"
if [[ ! -f "$work/.prepared" ]]; then
  k8s_ensure_deb_src
  rm -rf "$work"
  mkdir -p "$work"
  k8s_prepare_tree "$work"
  touch "$work/.prepared"
fi

build_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for s in "${stamps[@]}"; do
  stamp_complete "$s" && continue
  out="$work/out/$s"
  mkdir -p "$out"
  ldflags=$(k8s_version_ldflags "$s" "$git_commit" "$build_date")
  for c in "${components[@]}"; do
    t0=$(date +%s)
    log "go build ./cmd/$c stamped $s"
    (cd "$tree" && go build -trimpath -ldflags "-s -w $ldflags" -o "$out/$c" "./cmd/$c") >"$work/build-$s-$c.log" 2>&1 || {
      tail -n 40 "$work/build-$s-$c.log" >&2
      die "go build ./cmd/$c ($s) failed (full log: $work/build-$s-$c.log)"
    }
    v=$("$out/$c" --version 2>&1 || true)
    [[ "$v" == "Kubernetes $s" ]] || die "$c --version printed '$v', expected 'Kubernetes $s'"
    log "$c $s built in $(($(date +%s) - t0))s"
  done
  mkdir -p "$bin_root/$s"
  for c in "${components[@]}"; do install -m 0755 "$out/$c" "$bin_root/$s/$c"; done
  rm -rf "$out"
  echo "kubernetes source $pkg_version stamped $s, $(go version), built $build_date" >"$bin_root/$s/.complete"
done
log "built ${components[*]} for ${stamps[*]} in $(($(date +%s) - start))s into $bin_root"
echo "$bin_root"
