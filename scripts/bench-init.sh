#!/usr/bin/env bash
# Side-by-side figures for our AOT kubeadm and, when given, Go kubeadm, measured in one run on this machine and
# printed as ratios (ours / Go). Nothing here asserts a time; it only measures.
#
# Usage: scripts/bench-init.sh [--ours PATH] [--go PATH] [--runs N] [--real-node [--node-runs N]]
#   --ours       our binary (default: artifacts/publish/kubeadm, published first if missing)
#   --go         Go kubeadm (default: the v1.20.2 one scripts/k8s-test-binaries.sh builds, if present)
#   --runs       runs per figure, alternating the two binaries; the median is shown (default 5)
#   --real-node  also the whole `init --skip-phases=preflight --upload-certs` of both binaries on the real node
#                (as root; containerd + runc, the real kubelet 1.20, control-plane images built locally — the
#                machinery of docs/testing-real-node.md), each init on a fresh node, the two alternating. Runs the
#                Category=Bench test of tests/Kubeadm.Cli.Tests (RealNode/RealNodeBenchTests.cs), which needs what
#                the real-node test needs (scripts/k8s-test-binaries.sh, Go for the image shim).
#   --node-runs  inits per binary on the real node (default 3; each takes about a minute)
#
# Rows (each binary on its own fresh --rootfs under a temp dir; the real /etc is never touched):
#   version                     `version -o short`
#   config print init-defaults
#   file phases (4 calls)       `init phase certs all`, `kubeconfig all`, `etcd local`, `control-plane all` as four
#                               processes, RSA-2048 keys: the sum of their wall and CPU (user+sys) seconds
#   init --dry-run              the whole `init --dry-run --skip-phases=preflight` (every phase; API calls printed)
# For each: wall seconds, CPU seconds (user+sys), user CPU seconds, peak RSS (MiB, the largest of the calls), all
# from /usr/bin/time. Each binary gets its own config: Go kubeadm 1.20 reads kubeadm.k8s.io/v1beta2, we read
# v1beta3/v1beta4; both say the same (node n1, 10.0.0.1, RSA-2048, a pinned version so nothing is fetched).
set -euo pipefail
cd "$(dirname "$0")/.."

ours="" go="" runs=5 real_node=false node_runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ours) ours="$2"; shift 2 ;;
    --go) go="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --real-node) real_node=true; shift ;;
    --node-runs) node_runs="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

if [[ -z "$ours" ]]; then
  [[ -x artifacts/publish/kubeadm ]] || bash scripts/publish.sh >&2
  ours=artifacts/publish/kubeadm
fi
ours="$(realpath "$ours")"
if [[ -z "$go" ]]; then
  go="$(ls -1 "${KUBEADM_K8S_CACHE:-/var/cache/kubeadm-dotnet}"/k8s-*/bin/kubeadm 2>/dev/null | head -1 || true)"
fi
[[ -n "$go" ]] && go="$(realpath "$go")"
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat >"$work/ours.yaml" <<'YAML'
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: 10.0.0.1
nodeRegistration:
  name: n1
  criSocket: unix:///run/containerd/containerd.sock
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.34.2
encryptionAlgorithm: RSA-2048
YAML
cat >"$work/go.yaml" <<'YAML'
apiVersion: kubeadm.k8s.io/v1beta2
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: 10.0.0.1
nodeRegistration:
  name: n1
  criSocket: /run/containerd/containerd.sock
---
apiVersion: kubeadm.k8s.io/v1beta2
kind: ClusterConfiguration
kubernetesVersion: v1.20.2
YAML

# measure WHO ROW CMD... : runs the commands (';'-separated groups) on a fresh rootfs and appends
# "wall cpu user rss_kib" for this run to $work/WHO.ROW.
measure() {
  local who="$1" row="$2"; shift 2
  local root="$work/root-$who" bin config
  bin="$([[ "$who" == ours ]] && echo "$ours" || echo "$go")"
  config="$work/$who.yaml"
  rm -rf "$root" && mkdir -p "$root"
  local wall=0 cpu=0 user=0 rss=0 line
  local calls=()
  case "$row" in
    version) calls=("version -o short") ;;
    defaults) calls=("config print init-defaults") ;;
    files) calls=("init phase certs all" "init phase kubeconfig all" "init phase etcd local" "init phase control-plane all") ;;
    dryrun) calls=("init --dry-run --skip-phases=preflight") ;;
  esac
  for call in "${calls[@]}"; do
    local args=($call)
    if [[ "$row" == files || "$row" == dryrun ]]; then
      # Go kubeadm chroots into --rootfs before reading --config, so its config lives inside the rootfs.
      if [[ "$who" == go ]]; then
        cp "$config" "$root/kubeadm.yaml"
        args+=(--config /kubeadm.yaml --rootfs "$root")
      else
        args+=(--config "$config" --rootfs "$root")
      fi
    fi
    if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" "${args[@]}" >"$work/out" 2>&1; then
      echo "FAILED ($who): $bin ${args[*]}" >&2
      tail -5 "$work/out" >&2
      return 1
    fi
    read -r e u s m <"$work/time"
    wall=$(echo "$wall + $e" | bc) cpu=$(echo "$cpu + $u + $s" | bc) user=$(echo "$user + $u" | bc)
    ((m > rss)) && rss=$m
  done
  echo "$wall $cpu $user $rss" >>"$work/$who.$row"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
column_of() { awk -v c="$2" '{print $c}' "$1" | median; }
ratio() { [[ -n "$2" && "$2" != 0 ]] && echo "scale=2; $1 / $2" | bc | sed 's/^\./0./' || echo "-"; }

rows=(version defaults files dryrun)
$real_node && rows+=(node)
declare -A title=(
  [node]="init on the real node"
  [version]="version"
  [defaults]="config print init-defaults"
  [files]="file phases, 4 calls (RSA-2048)"
  [dryrun]="init --dry-run (whole)"
)
# The real node first (it is the slow part): one tab-separated line per init from the Category=Bench test,
# "who run wall user sys rss_kib<TAB>kubelet-healthy-after<TAB>control-plane-healthy-after".
if $real_node; then
  [[ -n "$go" ]] || { echo "--real-node needs a Go kubeadm (--go PATH)" >&2; exit 1; }
  [[ $EUID -eq 0 ]] || { echo "--real-node needs root (namespaces, cgroups, containerd)" >&2; exit 1; }
  dotnet build tests/Kubeadm.Cli.Tests -c Release -v quiet -nologo >&2
  KUBEADM_BINARY="$ours" KUBEADM_BENCH_GO="$go" KUBEADM_BENCH_RUNS="$node_runs" KUBEADM_BENCH_RESULTS="$work/node.tsv" \
    dotnet test tests/Kubeadm.Cli.Tests -c Release --no-build --filter "Category=Bench" >"$work/node.log" 2>&1 \
    || { tail -60 "$work/node.log" >&2; echo "the real-node bench failed (log above)" >&2; exit 1; }
  for who in ours go; do
    awk -F'\t' -v w="$who" '$1 == w { split($3, t, " "); print t[1], t[2] + t[3], t[2], t[4] }' "$work/node.tsv" >"$work/$who.node"
  done
fi

for ((i = 0; i < runs; i++)); do
  for row in version defaults files dryrun; do
    measure ours "$row"
    if [[ -n "$go" ]]; then measure go "$row" || rm -f "$work/go.$row"; fi
  done
done

echo "kubeadm side by side: ours=$ours"
echo "                      go=${go:-(none given)}"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (wall times mean little when the load exceeds the cores)"
echo "median of $runs runs (real node: $node_runs inits each, fresh node every time), the two binaries alternating; cpu = user + sys; ratio = ours / Go"
printf '%-34s %-8s %9s %9s %7s\n' "" "" "ours" "Go" "ratio"
for row in "${rows[@]}"; do
  for metric in "wall s:1" "cpu s:2" "user s:3" "RSS MiB:4"; do
    name="${metric%%:*}" column="${metric##*:}"
    a="$(column_of "$work/ours.$row" "$column")"
    b=""
    [[ -f "$work/go.$row" ]] && b="$(column_of "$work/go.$row" "$column")"
    if [[ "$column" == 4 ]]; then
      a="$(echo "scale=1; $a / 1024" | bc)"
      [[ -n "$b" ]] && b="$(echo "scale=1; $b / 1024" | bc)"
    fi
    r="$(ratio "$a" "$b")"
    a="$(printf '%.2f' "$a")"
    [[ -n "$b" ]] && b="$(printf '%.2f' "$b")"
    printf '%-34s %-8s %9s %9s %7s\n' "${title[$row]}" "$name" "$a" "${b:--}" "$r"
  done
done
if $real_node; then
  echo
  echo "noticing health on the real node (each binary's own report of its wait; median over the inits):"
  for who in ours go; do
    kubelet="$(awk -F'\t' -v w="$who" '$1 == w { print $4 }' "$work/node.tsv" | median)"
    plane="$(awk -F'\t' -v w="$who" '$1 == w { print $5 }' "$work/node.tsv" | median)"
    [[ "$kubelet" == - ]] && kubelet="(not reported)" || kubelet="${kubelet}s"
    [[ "$plane" == - ]] && plane="(not reported)" || plane="${plane}s"
    printf '  %-5s kubelet healthy after %s, control plane healthy after %s\n' "$who" "$kubelet" "$plane"
  done
  echo "  polling: ours every 100 ms (kubelet /healthz, each component's health endpoint); Go kubeadm 1.20 every 500 ms"
  echo "  (the API server's /healthz; it prints no kubelet line, and its figure counts from the start of its wait)"
fi
