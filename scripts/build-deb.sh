#!/usr/bin/env bash
# Builds the Debian package kubeadm-dotnet from the published native binary (no network, no rebuild):
#   bash scripts/build-deb.sh [BINARY] [OUT_DIR]     (defaults: artifacts/publish/kubeadm, artifacts/packages)
# It holds /usr/bin/kubeadm, the kubelet.service drop-in, bash and zsh completion (from `kubeadm completion`),
# the man page, copyright and changelog. Prints the path of the .deb on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-artifacts/publish/kubeadm}")
out=$(realpath -m "${2:-artifacts/packages}")
[ -x "$binary" ] || { echo "build-deb: $binary is missing; run scripts/publish.sh first" >&2; exit 1; }

package=kubeadm-dotnet
maintainer="kubeadm for .NET developers <kubeadm-dotnet@example.org>"
version=$("$binary" version -o short)
version=${version#v}
platform=$("$binary" version -o yaml | sed -n 's/^  platform: //p')
arch=${platform#linux/}
# Timestamps come from the last commit, so the same commit gives the same package.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
doc=$root/usr/share/doc/$package
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/systemd/system/kubelet.service.d" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" "$root/usr/share/man/man1" "$doc" \
  "$root/usr/share/lintian/overrides"

install -m 0755 "$binary" "$root/usr/bin/kubeadm"
install -m 0644 packaging/deb/10-kubeadm.conf "$root/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"
"$binary" completion bash > "$root/usr/share/bash-completion/completions/kubeadm"
"$binary" completion zsh > "$root/usr/share/zsh/vendor-completions/_kubeadm"
chmod 0644 "$root/usr/share/bash-completion/completions/kubeadm" "$root/usr/share/zsh/vendor-completions/_kubeadm"
gzip -9n < packaging/man/kubeadm.1 > "$root/usr/share/man/man1/kubeadm.1.gz"
install -m 0644 packaging/deb/copyright "$doc/copyright"
install -m 0644 packaging/deb/lintian-overrides "$root/usr/share/lintian/overrides/kubeadm-dotnet"
{
  echo "$package ($version) unstable; urgency=medium"
  echo
  echo "  * kubeadm for .NET $version, built from commit $commit."
  echo
  echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$root/usr/share/man/man1/kubeadm.1.gz" "$doc/changelog.gz"

# The shared libraries the binary links against, as package dependencies (dpkg-shlibdeps wants a debian/control).
install -d "$work/src/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$package" "$package" > "$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O "$root/usr/bin/kubeadm" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies for $binary" >&2; exit 1; }

install -m 0755 packaging/deb/postinst packaging/deb/postrm "$root/DEBIAN/"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/g" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s/@DEPENDS@/$depends/" \
  packaging/deb/control.in > "$root/DEBIAN/control"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out"
deb=$out/${package}_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build-deb: $(du -k "$deb" | cut -f1) KiB (installed $installed_size KiB)" >&2
echo "$deb"
