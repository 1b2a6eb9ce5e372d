#!/usr/bin/env bash
# Installs what the tests check against (idempotent; a no-op when everything is there), so `bash scripts/test.sh`
# works on a fresh Debian machine: the Debian packages below, then the Kubernetes test binaries
# (scripts/k8s-test-binaries.sh, cached under /var/cache/kubeadm-dotnet; one retry).
# Without root it uses sudo when available. Under CI=true anything missing afterwards is an error; elsewhere it is a
# warning and the tests that need it report themselves as skipped (the test summary counts them).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use, as "package:probe" (probe = a command on PATH or an absolute path that shows the
# package is installed). Extend this list when a test needs another package.
TEST_PACKAGES=(
  "openssl:openssl"
  "kubernetes-client:kubectl"
  "etcd-server:/usr/bin/etcd"
  "etcd-client:/usr/bin/etcdctl"
  # CRI tests: a real containerd + runc, a real registry filled by skopeo (docs/testing-runtime.md).
  "containerd:/usr/bin/containerd"
  "runc:/usr/sbin/runc"
  "skopeo:/usr/bin/skopeo"
  "docker-registry:/usr/bin/docker-registry"
  # The real-node test: namespaces and a veth for the test node, Go for the test images' entrypoint shim
  # (docs/testing-real-node.md).
  "iproute2:/usr/sbin/ip"
  "util-linux:/usr/bin/nsenter"
  "golang-go:/usr/bin/go"
  # Packaging (scripts/build-packages.sh and the Category=Packaging tests): dpkg-shlibdeps, lintian,
  # systemd-analyze, and zsh for the completion test.
  "dpkg-dev:dpkg-shlibdeps"
  "lintian:lintian"
  "systemd:systemd-analyze"
  "zsh:zsh"
)

strict() { [[ "${CI:-}" == "true" ]]; }
warn() { echo "test-deps: WARNING: $*" >&2; }
fail() { echo "test-deps: ERROR: $*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else return 1
  fi
}

installed() {
  local probe=$1
  if [[ $probe == /* ]]; then [[ -x $probe ]]; else command -v "$probe" >/dev/null; fi
}

need=()
for entry in "${TEST_PACKAGES[@]}"; do
  installed "${entry#*:}" || need+=("${entry%%:*}")
done
if [[ ${#need[@]} -gt 0 ]]; then
  echo "test-deps: installing ${need[*]}" >&2
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; }; then
    if strict; then fail "could not install ${need[*]} (needs root or sudo and a reachable Debian mirror)"; fi
    warn "could not install ${need[*]}; the tests that use them will be skipped"
  fi
fi
# The etcd package may start its own service; the tests run their own etcd on other loopback ports.
as_root systemctl stop etcd >/dev/null 2>&1 || true
# Same for the registry package; the tests start their own on free loopback ports.
as_root systemctl stop docker-registry >/dev/null 2>&1 || true

# kube-apiserver & co. for the end-to-end tests (a no-op when cached), and through it scripts/k8s-versioned-binaries.sh:
# the same components stamped v1.33.5 / v1.34.2 for the upgrade tests (docs/testing-multi-node.md; first build ~40 min
# on 2 cores, cached). A failed build is retried once: the usual cause is a transient mirror error while fetching the
# source package.
if ! as_root bash scripts/k8s-test-binaries.sh >/dev/null; then
  warn "building the Kubernetes test binaries failed; retrying once"
  if ! as_root bash scripts/k8s-test-binaries.sh >/dev/null; then
    if strict; then fail "building the Kubernetes test binaries failed twice (see the log above)"; fi
    warn "building the Kubernetes test binaries failed; Category=ControlPlane tests will be skipped"
  fi
fi
