#!/usr/bin/env bash
# Times `kubeadm init phase certs all` on fresh --rootfs temp directories, for RSA-2048 and ECDSA-P256.
# Usage: scripts/bench-certs.sh [path-to-kubeadm] [runs]   (default: build the CLI in Release, 10 runs each)
# Never touches the real /etc: every run gets its own rootfs under a temp directory.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${2:-10}"
bin="${1:-}"
if [[ -z "$bin" ]]; then
  if [[ -x artifacts/publish/kubeadm ]]; then
    bin=artifacts/publish/kubeadm
  else
    out="$(mktemp -d)"
    dotnet build src/Kubeadm.Cli -c Release --artifacts-path "$out" -v quiet -nologo >/dev/null
    bin="$out/bin/Kubeadm.Cli/release/kubeadm"
  fi
fi
bin="$(realpath "$bin")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for algorithm in RSA-2048 ECDSA-P256; do
  config="$work/$algorithm.yaml"
  cat >"$config" <<YAML
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: 10.0.0.1
nodeRegistration:
  name: n1
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.34.2
encryptionAlgorithm: $algorithm
YAML
  # encryptionAlgorithm has no flag; and --apiserver-advertise-address cannot be mixed with --config, so the
  # config file carries the same values for ECDSA.
  if [[ "$algorithm" == RSA-2048 ]]; then
    cmd=("$bin" init phase certs all --apiserver-advertise-address 10.0.0.1 --node-name n1)
  else
    cmd=("$bin" init phase certs all --config "$config")
  fi
  echo "== $algorithm: kubeadm init phase certs all ($runs runs, $(nproc) cores)"
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --warmup 1 --prepare "rm -rf '$work/root' && mkdir -p '$work/root'" \
      "${cmd[*]} --rootfs '$work/root'"
  else
    times=()
    for ((i = 0; i < runs; i++)); do
      root="$work/root-$algorithm-$i"
      mkdir -p "$root"
      start=$(date +%s%N)
      "${cmd[@]}" --rootfs "$root" >/dev/null 2>&1
      end=$(date +%s%N)
      times+=($(((end - start) / 1000000)))
      rm -rf "$root"
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    sum=0
    for t in "${times[@]}"; do sum=$((sum + t)); done
    echo "  runs (ms): ${times[*]}"
    echo "  min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, mean $((sum / runs)) ms, max ${sorted[$((runs - 1))]} ms"
  fi
done
