#!/usr/bin/env bash
# Builds every package from what scripts/test.sh already built, into artifacts/packages:
#   kubeadm-dotnet_<version>_<arch>.deb          the Debian package (scripts/build-deb.sh, from artifacts/publish/kubeadm)
#   feed/kubeadm-dotnet.<version>.nupkg          the .NET tool (pointer package)
#   feed/kubeadm-dotnet.linux-x64.<version>.nupkg  the tool's native AOT binary for linux-x64
#   feed/Kubeadm.{Workflow,Core,App}.<version>.nupkg  the embeddable libraries
# Needs scripts/publish.sh (the native binary) and a Release build of the solution first; it compiles nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out=artifacts/packages
rm -rf "$out"
mkdir -p "$out/feed"

start=$(date +%s)
bash scripts/build-deb.sh artifacts/publish/kubeadm "$out" >/dev/null
deb_done=$(date +%s)
# The RID package is meant to reuse the native code scripts/publish.sh compiled (same project, configuration and RID).
# It leaves out the XML docs; the native symbols (kubeadm.dbg) still go in: CopyOutputSymbolsToPublishDirectory does
# not cover them.
dotnet pack src/Kubeadm.Cli/Kubeadm.Cli.csproj -c Release -r linux-x64 -o "$out/feed" --nologo -v:q \
  -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true -p:CopyOutputSymbolsToPublishDirectory=false \
  -p:PublishReferencesDocumentationFiles=false -p:PublishDocumentationFile=false
dotnet pack src/Kubeadm.Cli/Kubeadm.Cli.csproj -c Release -o "$out/feed" --nologo -v:q
tool_done=$(date +%s)
for library in Workflow Core App; do
  dotnet pack "src/Kubeadm.$library/Kubeadm.$library.csproj" -c Release --no-build -o "$out/feed" --nologo -v:q
done
end=$(date +%s)

echo "packages (built in $((end - start)) s: deb $((deb_done - start)) s, tool $((tool_done - deb_done)) s, libraries $((end - tool_done)) s):"
(cd "$out" && find . -type f \( -name '*.deb' -o -name '*.nupkg' \) -printf '  %-52P %6k KiB\n' | sort)
