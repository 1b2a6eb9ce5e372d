#!/usr/bin/env bash
# The project's test command (README.md): install what the tests need (scripts/test-deps.sh), build with warnings as
# errors, publish the native AOT binary (which must produce zero trim/AOT warnings; the real-node test runs it), build
# the packages from it (.deb, .NET tool, libraries; the package tests install them), run every test project, then
# smoke-test the binary; under CI=true also install both packages on this machine (scripts/install-packages.sh). The last line is the test count summed over all test projects: "N passed, N failed, N skipped".
# Under CI=true a skipped test fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/test-deps.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT

passed=0 failed=0 skipped=0
# Sums dotnet test's per-project result lines ("Passed!  - Failed: 0, Passed: 121, Skipped: 0, Total: 121, …").
count() {
  local line numbers
  while IFS= read -r line; do
    numbers=$(sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+),.*/\1 \2 \3/' <<<"$line")
    read -r f p s <<<"$numbers"
    failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + s))
  done < <(grep -E '(Passed|Failed|Skipped)! +- Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+,' "$log" || true)
}
summary() { echo "$passed passed, $failed failed, $skipped skipped"; }

dotnet build Kubeadm.slnx -c Release
# Published before the tests: the real-node test (docs/testing-real-node.md) runs this native AOT binary.
bash scripts/publish.sh
# Packaged before the tests: the Category=Packaging tests install these, and the real-node test runs the kubelet
# through the .deb's drop-in.
bash scripts/build-packages.sh
status=0
# Category=Bench is the real-node benchmark (scripts/bench-init.sh --real-node), not a test.
dotnet test Kubeadm.slnx -c Release --no-build --filter "Category!=Bench" 2>&1 | tee "$log" || status=$?
count
if [[ $status -ne 0 ]]; then
  summary
  exit "$status"
fi

bash scripts/publish.sh
bash scripts/smoke.sh artifacts/publish/kubeadm

if [[ "${CI:-}" == "true" ]]; then
  # Install the built packages on this machine as a user would (the .deb with dpkg, the tool with dotnet tool), check
  # them, report sizes and install times, and remove them again.
  bash scripts/install-packages.sh
fi

if [[ "${CI:-}" == "true" && $skipped -gt 0 ]]; then
  echo "ERROR: $skipped test(s) skipped under CI=true; every test must run in CI (see the skip reasons above)" >&2
  summary
  exit 1
fi
summary
