#!/usr/bin/env bash
# The main job on any machine, even one without a container runtime, kubelet or root: builds the native binary if
# needed (scripts/publish.sh, a few minutes the first time), then runs `kubeadm init --dry-run`, which prints every
# file and API call `kubeadm init` would make without changing the host.
#
#   bash scripts/dry-run.sh [more kubeadm init flags]     # e.g. --apiserver-advertise-address 10.0.0.10
#
# A machine that is not prepared for Kubernetes fails several pre-flight checks (no container runtime, no kubelet,
# swap on, not root, …); they are turned into warnings here (--ignore-preflight-errors=all) so the rest is shown.
# Without root the dry-run directory goes to a temp dir (KUBEADM_INIT_DRYRUN_DIR) instead of /etc/kubernetes/tmp.
set -euo pipefail
cd "$(dirname "$0")/.."

kubeadm=${KUBEADM:-artifacts/publish/kubeadm}
if [[ ! -x $kubeadm ]]; then
  bash scripts/publish.sh >&2
fi
if [[ $(id -u) -ne 0 && -z ${KUBEADM_INIT_DRYRUN_DIR:-} ]]; then
  export KUBEADM_INIT_DRYRUN_DIR
  KUBEADM_INIT_DRYRUN_DIR=$(mktemp -d -t kubeadm-init-dryrun.XXXXXX)
  echo "dry-run directory: $KUBEADM_INIT_DRYRUN_DIR" >&2
fi
exec "$kubeadm" init --dry-run --ignore-preflight-errors=all "$@"
