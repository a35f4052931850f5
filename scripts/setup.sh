#!/usr/bin/env bash
# Installs the Debian packages Frontline builds and tests with; skips what is present.
# Usage: scripts/setup.sh [--test|--bench|--coverage]   (--test adds what only the test suite needs)
# Node.js and npm build the web app; Debian's nodejs is installed only when no node is on PATH
# (Vite 7 needs Node 20.19 or newer; these machines come with Node 20).
set -euo pipefail
packages=(cmake ninja-build ccache g++ pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-context1.81-dev
  libsqlite3-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libgmime-3.0-dev libcurl4-openssl-dev libhowardhinnant-date-dev libpq-dev libyaml-cpp-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev clang libclang-rt-14-dev python3 python3-websockets curl clang-format
    libpython3.11-testsuite python3-aiosmtpd swaks dovecot-imapd postfix
    chromium fonts-dejavu-core postgresql)
fi
if [[ "${1:-}" == "--coverage" ]]; then
  packages+=(libgtest-dev gcovr)
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk nginx-light python3 curl)
fi
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # Services the tests need (Dovecot) are started by the tests themselves, on loopback: keep
  # the packages from starting system-wide daemons at install time.
  own_policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null
    $sudo_cmd chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  # Postfix asks what kind of mail system this is; the tests bring their own configuration.
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo_cmd debconf-set-selections
  status=0
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" || status=$?
  if [[ -n $own_policy ]]; then $sudo_cmd rm -f /usr/sbin/policy-rc.d; fi
  ((status == 0)) || exit "$status"
fi
