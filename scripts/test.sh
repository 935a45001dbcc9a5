#!/usr/bin/env bash
# Installs what logtally's tests need from Debian's packages (as root, or through sudo), then runs the
# whole test suite: unit tests and the integration tests against the real Prometheus programs.
#
#   scripts/test.sh            install what is missing, then mvn verify
#   scripts/test.sh -Dtest=X   extra arguments go to Maven
set -euo pipefail
cd "$(dirname "$0")/.."

# program -> Debian package that ships it
declare -A need=(
  [java]=openjdk-17-jdk-headless
  [javac]=openjdk-17-jdk-headless
  [mvn]=maven
  [prometheus]=prometheus
  [promtool]=prometheus
  [prometheus-pushgateway]=prometheus-pushgateway
  [prometheus-alertmanager]=prometheus-alertmanager
  [amtool]=prometheus-alertmanager
  [systemd-analyze]=systemd
  [dpkg-deb]=dpkg
  [strace]=strace
  [gzip]=gzip
  [curl]=curl
  [victoria-metrics]=victoria-metrics
  [logrotate]=logrotate
  [chromium]=chromium
  [chromedriver]=chromium-driver
  [docker-compose]=docker-compose
)
missing=()
for program in "${!need[@]}"; do
  command -v "$program" >/dev/null 2>&1 || missing+=("${need[$program]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "test.sh: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec mvn -B -ntp verify "$@"
