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
set -euo pipefail

pkg_version="1.20.5+really1.20.2-1.1+deb12u1"
git_version="v1.20.2"
git_commit="faecb196815e248d3ecfb03c680a4507229c2a56" # upstream v1.20.2, as in the tarball's base.go
reflect2_version="1.0.2"
components=(kube-apiserver kube-controller-manager kube-scheduler kubelet kubeadm)

cache_root="${KUBEADM_K8S_CACHE:-/var/cache/kubeadm-dotnet}"
prefix="$cache_root/k8s-$pkg_version"
bin_dir="$prefix/bin"
stamp="$bin_dir/.complete"

log() { echo "k8s-test-binaries: $*" >&2; }
die() { echo "k8s-test-binaries: ERROR: $*" >&2; exit 1; }

complete() {
  [[ -f "$stamp" ]] || return 1
  local c
  for c in "${components[@]}"; do [[ -x "$bin_dir/$c" ]] || return 1; done
  return 0
}

ensure_kubectl() {
  if ! command -v kubectl >/dev/null; then
    log "installing kubectl (Debian kubernetes-client)"
    apt_install kubernetes-client
  fi
}

apt_updated=0
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $apt_updated -eq 0 ]]; then apt-get update -qq >&2; apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

if complete; then
  ensure_kubectl
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
  echo "$bin_dir"
  exit 0
fi

start=$(date +%s)
apt_install golang-go rsync make dpkg-dev gcc libc6-dev git golang-github-modern-go-reflect2-dev ca-certificates
ensure_kubectl

# A deb-src entry for bookworm, mirroring the machine's deb entry (deb822 .sources or one-line sources.list).
if ! grep -rqsE '^(deb-src\s+\S+\s+bookworm\s|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  src_file=/etc/apt/sources.list.d/kubeadm-dotnet-deb-src.sources
  uri=$(grep -rhsE '^URIs:\s*\S*/debian/?$' /etc/apt/sources.list.d/*.sources | head -1 | awk '{print $2}')
  [[ -n "$uri" ]] || uri=$(grep -hsE '^deb\s+\S*/debian/?\s+bookworm\s' /etc/apt/sources.list | head -1 | awk '{print $2}')
  [[ -n "$uri" ]] || uri=http://deb.debian.org/debian
  log "adding deb-src for bookworm ($uri) in $src_file"
  cat >"$src_file" <<EOF
# Added by kubeadm-dotnet scripts/k8s-test-binaries.sh to fetch the kubernetes source package.
Types: deb-src
URIs: $uri
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt_updated=0
fi
has_source() { apt-cache showsrc kubernetes 2>/dev/null | grep -qx "Version: $pkg_version"; }
if [[ $apt_updated -eq 0 ]] || ! has_source; then
  apt-get update -qq >&2
  apt_updated=1
fi
has_source || die "apt does not offer source package kubernetes=$pkg_version (check the deb-src entry for bookworm)"

work="$cache_root/work-$pkg_version"
rm -rf "$work"
mkdir -p "$work/dl"
export GOPATH="$work/gopath" GOCACHE="$cache_root/gocache" GO111MODULE=off GOFLAGS= GOTOOLCHAIN=local
tree="$GOPATH/src/k8s.io/kubernetes"

log "apt-get source kubernetes=$pkg_version (in $work/dl)"
(cd "$work/dl" && apt-get source -qq "kubernetes=$pkg_version" >&2) || die "apt-get source kubernetes failed"
src=$(find "$work/dl" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -1)
[[ -n "$src" && -d "$src/vendor" ]] || die "unpacked source has no vendor/ tree ($src)"
mkdir -p "$(dirname "$tree")"
mv "$src" "$tree"
rm -rf "$work/dl"

# reflect2 < 1.0.2 reads runtime internals that changed in Go 1.18 and crashes at start; use Debian's 1.0.2.
r2=/usr/share/gocode/src/github.com/modern-go/reflect2
[[ -f "$r2/reflect2.go" ]] || die "$r2 missing (golang-github-modern-go-reflect2-dev $reflect2_version)"
log "replacing vendor/github.com/modern-go/reflect2 with Debian's $reflect2_version"
rm -rf "$tree/vendor/github.com/modern-go/reflect2"
mkdir -p "$tree/vendor/github.com/modern-go/reflect2"
cp -a "$r2/." "$tree/vendor/github.com/modern-go/reflect2/"
find "$tree/vendor/github.com/modern-go/reflect2" -name '*_test.go' -delete

log "go: $(go version)"
cd "$tree"
log "make generated_files (OpenAPI definitions etc.; several minutes)"
make generated_files >"$work/generated_files.log" 2>&1 || {
  tail -n 40 "$work/generated_files.log" >&2
  die "make generated_files failed (full log: $work/generated_files.log)"
}

build_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ldflags=""
# GOPATH mode: vendored packages are linked under k8s.io/kubernetes/vendor/...; hack/lib/version.sh sets the same
# variables in component-base (--version, /version) and client-go (user agents; /version on some paths).
for pkgpath in k8s.io/kubernetes/vendor/k8s.io/component-base/version k8s.io/kubernetes/vendor/k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkgpath.gitVersion=$git_version -X $pkgpath.gitMajor=1 -X $pkgpath.gitMinor=20"
  ldflags+=" -X $pkgpath.gitTreeState=clean -X $pkgpath.buildDate=$build_date"
  ldflags+=" -X $pkgpath.gitCommit=$git_commit"
done

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
echo "$bin_dir"
