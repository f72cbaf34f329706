#!/usr/bin/env bash
# Makes sure Debian's chromium and chromium-driver are installed: the chain explorer's browser tests
# (functions/local-app, ChainExplorerBrowserIT) drive them headless and run this first. Installs them with apt when
# missing, keeping the downloaded .debs in apt's archive so a second install needs no download. Exits non-zero when
# they cannot be installed, so the tests fail instead of being skipped.
#   infra/browser/ensure-chromium.sh        prints the browser's and the driver's paths and versions
set -euo pipefail

installed() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
}

if ! installed; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "ensure-chromium: chromium and chromium-driver are missing and this user cannot install them:" \
      "run 'apt-get install chromium chromium-driver' as root" >&2
    exit 1
  fi
  echo "ensure-chromium: installing chromium and chromium-driver with apt..." >&2
  apt_options=(-y -q -o APT::Keep-Downloaded-Packages=true -o Dpkg::Use-Pty=0)
  # A fresh machine may have no package lists yet; an old list may name .debs the mirror no longer has.
  if ! DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install "${apt_options[@]}" \
      --no-install-recommends chromium chromium-driver fonts-dejavu-core >&2; then
    "${as_root[@]}" apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install "${apt_options[@]}" \
      --no-install-recommends chromium chromium-driver fonts-dejavu-core >&2
  fi
  installed || { echo "ensure-chromium: apt finished but chromium or chromedriver is still missing" >&2; exit 1; }
fi

echo "chromium $(command -v chromium) $(chromium --version 2>/dev/null | head -1)"
echo "chromedriver $(command -v chromedriver) $(chromedriver --version 2>/dev/null | head -1)"
