#!/usr/bin/env bash
# Installs the packages scripts/build-packages.sh built on THIS machine, as a user would, checks what each put where,
# prints the package sizes and install times, and removes them again (KEEP_INSTALLED=1 keeps them).
#   .deb:        dpkg -i  -> /usr/bin/kubeadm, the kubelet drop-in, completion, man page
#   .NET tool:   dotnet tool install -g --add-source <feed>  -> ~/.dotnet/tools/kubeadm
# Needs root for dpkg. Refuses to replace a kubeadm package that is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
packages=artifacts/packages
deb=$(find "$packages" -maxdepth 1 -name 'kubeadm-dotnet_*.deb' | sort | tail -1)
feed=$(realpath "$packages/feed")
pointer=$(find "$feed" -maxdepth 1 -name 'kubeadm-dotnet.1.*.nupkg' | sort | tail -1)
[ -n "$deb" ] && [ -n "$pointer" ] || { echo "install-packages: run scripts/build-packages.sh first" >&2; exit 1; }
version=$(basename "$pointer" .nupkg)
version=${version#kubeadm-dotnet.}
if dpkg-query -W -f='${Status}' kubeadm 2>/dev/null | grep -q 'ok installed'; then
  echo "install-packages: the Go kubeadm package is installed; not replacing it on this machine" >&2
  exit 1
fi
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

t0=$(now)
dpkg -i "$deb" >/dev/null
t1=$(now)
[ "$(/usr/bin/kubeadm version -o short)" = "v$version" ]
[ -f /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf ]
[ -f /usr/share/man/man1/kubeadm.1.gz ] && { ! command -v man >/dev/null || man -w kubeadm >/dev/null; }
bash --norc -c 'source /usr/share/bash-completion/completions/kubeadm
  COMP_WORDS=(kubeadm init phase ""); COMP_CWORD=3; _kubeadm; [[ " ${COMPREPLY[*]} " == *" kubelet-start "* ]]'
if command -v systemd-analyze >/dev/null; then
  units=$(mktemp -d)
  printf '[Service]\nExecStart=/usr/bin/true\n' > "$units/kubelet.service"
  mkdir "$units/kubelet.service.d"
  sed 's|^ExecStart=/usr/bin/kubelet |ExecStart=/usr/bin/true |' /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf \
    > "$units/kubelet.service.d/10-kubeadm.conf"
  SYSTEMD_UNIT_PATH="$units:" systemd-analyze verify --man=no "$units/kubelet.service"
  rm -rf "$units"
fi
if [ "${KEEP_INSTALLED:-}" != 1 ]; then
  dpkg -r kubeadm-dotnet >/dev/null
  [ ! -e /usr/bin/kubeadm ] && [ ! -e /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf ]
fi

tools=${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools
dotnet tool uninstall -g kubeadm-dotnet >/dev/null 2>&1 || true
t2=$(now)
dotnet tool install -g kubeadm-dotnet --version "$version" --add-source "$feed" >/dev/null
t3=$(now)
[ "$("$tools/kubeadm" version -o short)" = "v$version" ]
if [ "${KEEP_INSTALLED:-}" != 1 ]; then
  dotnet tool uninstall -g kubeadm-dotnet >/dev/null
fi

echo "installed on this machine and checked:"
printf '  %-52s %6s KiB  dpkg -i %s s\n' "$(basename "$deb")" "$(du -k "$deb" | cut -f1)" "$(seconds "$t0" "$t1")"
printf '  %-52s %6s KiB  dotnet tool install -g %s s\n' "kubeadm-dotnet $version (+ linux-x64)" \
  "$(du -kc "$feed"/kubeadm-dotnet.*.nupkg | tail -1 | cut -f1)" "$(seconds "$t2" "$t3")"
