# Shared by scripts/k8s-test-binaries.sh and scripts/k8s-versioned-binaries.sh (sourced, not run): fetching Debian
# bookworm's `kubernetes` source package into a GOPATH tree ready for `go build`, and the version ldflags.
# The caller defines log and die.

# The source both scripts build from.
pkg_version="1.20.5+really1.20.2-1.1+deb12u1"
git_commit="faecb196815e248d3ecfb03c680a4507229c2a56" # upstream v1.20.2, as in the tarball's base.go
reflect2_version="1.0.2"

k8s_apt_updated=0
k8s_apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $k8s_apt_updated -eq 0 ]]; then apt-get update -qq >&2; k8s_apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

k8s_build_tools() {
  k8s_apt_install golang-go rsync make dpkg-dev gcc libc6-dev git golang-github-modern-go-reflect2-dev ca-certificates
}

# A deb-src entry for bookworm, mirroring the machine's deb entry (deb822 .sources or one-line sources.list).
k8s_ensure_deb_src() {
  if ! grep -rqsE '^(deb-src\s+\S+\s+bookworm\s|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    local src_file=/etc/apt/sources.list.d/kubeadm-dotnet-deb-src.sources uri
    uri=$(grep -rhsE '^URIs:\s*\S*/debian/?$' /etc/apt/sources.list.d/*.sources | head -1 | awk '{print $2}')
    [[ -n "$uri" ]] || uri=$(grep -hsE '^deb\s+\S*/debian/?\s+bookworm\s' /etc/apt/sources.list | head -1 | awk '{print $2}')
    [[ -n "$uri" ]] || uri=http://deb.debian.org/debian
    log "adding deb-src for bookworm ($uri) in $src_file"
    cat >"$src_file" <<SRC
# Added by kubeadm-dotnet scripts/k8s-test-binaries.sh to fetch the kubernetes source package.
Types: deb-src
URIs: $uri
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    k8s_apt_updated=0
  fi
  if [[ $k8s_apt_updated -eq 0 ]] || ! k8s_has_source; then
    apt-get update -qq >&2
    k8s_apt_updated=1
  fi
  k8s_has_source || die "apt does not offer source package kubernetes=$pkg_version (check the deb-src entry for bookworm)"
}
k8s_has_source() { apt-cache showsrc kubernetes 2>/dev/null | grep -qx "Version: $pkg_version"; }

# k8s_prepare_tree WORK: unpacks the source into WORK/gopath/src/k8s.io/kubernetes, swaps in Debian's reflect2 and runs
# `make generated_files`. Needs GOPATH=WORK/gopath and GOCACHE exported by the caller.
k8s_prepare_tree() {
  local work=$1 tree src r2
  tree="$work/gopath/src/k8s.io/kubernetes"
  mkdir -p "$work/dl"
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
  log "make generated_files (OpenAPI definitions etc.; several minutes)"
  (cd "$tree" && make generated_files) >"$work/generated_files.log" 2>&1 || {
    tail -n 40 "$work/generated_files.log" >&2
    die "make generated_files failed (full log: $work/generated_files.log)"
  }
}

# k8s_version_ldflags GITVERSION GITCOMMIT BUILDDATE: the -X flags hack/lib/version.sh sets. GOPATH mode: vendored
# packages are linked under k8s.io/kubernetes/vendor/...; component-base (--version, /version) and client-go (user
# agents; /version on some paths). Major and minor come from GITVERSION ("v1.33.5" -> 1, 33).
k8s_version_ldflags() {
  local git_version=$1 git_commit=$2 build_date=$3 mm major minor flags="" pkgpath
  mm=${git_version#v}
  major=${mm%%.*}
  mm=${mm#*.}
  minor=${mm%%.*}
  for pkgpath in k8s.io/kubernetes/vendor/k8s.io/component-base/version k8s.io/kubernetes/vendor/k8s.io/client-go/pkg/version; do
    flags+=" -X $pkgpath.gitVersion=$git_version -X $pkgpath.gitMajor=$major -X $pkgpath.gitMinor=$minor"
    flags+=" -X $pkgpath.gitTreeState=clean -X $pkgpath.buildDate=$build_date"
    flags+=" -X $pkgpath.gitCommit=$git_commit"
  done
  echo "$flags"
}
