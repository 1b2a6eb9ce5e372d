#!/usr/bin/env bash
# Runs the published binary the way a new user would, in a throw-away --rootfs, and checks what it says.
set -euo pipefail
bin=$(readlink -f "${1:?usage: smoke.sh PATH-TO-kubeadm}")
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "smoke: $*" >&2; exit 1; }

[ "$("$bin" version -o short)" = "v1.34.2" ] || fail "version -o short"
"$bin" init --help | grep -q 'Phases of "init", in the order they run:' || fail "init --help lists phases"
"$bin" init phase certs --help | grep -q 'apiserver-etcd-client' || fail "init phase certs --help"
"$bin" config print init-defaults > "$root/defaults.yaml" || fail "config print init-defaults"
"$bin" config validate --config "$root/defaults.yaml" | grep -qx ok || fail "config validate of printed defaults"
[ "$("$bin" config images list | wc -l)" = 7 ] || fail "config images list"

# A dry run writes nothing outside its dry-run directory.
set +e
"$bin" init --dry-run --rootfs "$root/host" --apiserver-advertise-address 10.0.0.10 >"$root/out" 2>"$root/err"
code=$?
set -e
# The empty rootfs has no /proc/meminfo, kubelet or CRI socket, so preflight must fail with kubeadm's error block.
[ "$code" = 1 ] || fail "init --dry-run should fail preflight in an empty rootfs (exit $code)"
grep -q '^\[init\] Using Kubernetes version: v1.34.2' "$root/out" || fail "init --dry-run version line"
grep -q '^\[preflight\] Running pre-flight checks' "$root/out" || fail "init --dry-run preflight line"
grep -q '^\[preflight\] Some fatal errors occurred:' "$root/err" || fail "init --dry-run preflight error block"
grep -q '^error execution phase preflight: preflight checks failed' "$root/err" || fail "init --dry-run error line"
unexpected=$(find "$root/host" -type f ! -path "$root/host/etc/kubernetes/tmp/kubeadm-init-dryrun*" | head -1)
[ -z "$unexpected" ] || fail "dry-run wrote $unexpected"

# Bad input: one clear error, exit 1, no stack trace, nothing written.
set +e
"$bin" init --rootfs "$root/bad" --apiserver-advertise-address 300.1.1.1 >"$root/out" 2>"$root/err"
code=$?
set -e
[ "$code" = 1 ] || fail "bad input exit code $code"
grep -q 'localAPIEndpoint.advertiseAddress' "$root/err" || fail "bad input names the field"
if grep -q '   at ' "$root/err"; then fail "bad input printed a stack trace"; fi
[ ! -e "$root/bad" ] || [ -z "$(find "$root/bad" -type f)" ] || fail "bad input wrote files"
echo "smoke: all checks passed"
