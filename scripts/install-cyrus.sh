#!/usr/bin/env bash
# Installs what imaptest.StartCyrus needs on Debian/Ubuntu (run as root).
#
# Debian's cyrus-imapd package conflicts with dovecot-imapd (both provide
# imap-server), and the integration tests need both servers. So only
# cyrus-common (master, tools, shared libraries) is installed through apt,
# and the imapd and idled binaries are unpacked from the cyrus-imapd
# package into $CYRUS_PREFIX (default /opt/cyrus-imapd) without
# registering it with dpkg. StartCyrus looks there by default; with another
# prefix, set IMAPTEST_CYRUS_BIN=$CYRUS_PREFIX/usr/lib/cyrus/bin for tests.
# Safe to run again: it does nothing when everything is in place.
set -euo pipefail

prefix=${CYRUS_PREFIX:-/opt/cyrus-imapd}
export DEBIAN_FRONTEND=noninteractive

# Refresh the package lists only when apt does not know Cyrus yet.
apt-cache show cyrus-imapd >/dev/null 2>&1 || apt-get update -qq

if [ ! -x /usr/lib/cyrus/bin/master ] || ! command -v saslpasswd2 >/dev/null; then
  apt-get install -y -qq --no-install-recommends cyrus-common sasl2-bin >/dev/null
fi

# Unpack imapd/idled matching the installed cyrus-common version.
version=$(dpkg-query -W -f='${Version}' cyrus-common)
if [ "$(cat "$prefix/VERSION" 2>/dev/null || true)" != "$version" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # Download as root: apt's sandbox user could not write to $work.
  download() {
    (cd "$work" && apt-get download -qq -o APT::Sandbox::User=root "cyrus-imapd=$version" >/dev/null)
  }
  if ! download; then
    # The archive moved on since cyrus-common was installed: catch up.
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends cyrus-common >/dev/null
    version=$(dpkg-query -W -f='${Version}' cyrus-common)
    download
  fi
  rm -rf "$prefix"
  mkdir -p "$prefix"
  dpkg-deb -x "$work"/cyrus-imapd_*.deb "$prefix"
  echo "$version" >"$prefix/VERSION"
fi

# The package's init script would start a system-wide Cyrus that the tests
# do not use; it cannot run anyway without imapd in /usr/lib/cyrus/bin.
if command -v systemctl >/dev/null && systemctl is-enabled --quiet cyrus-imapd 2>/dev/null; then
  systemctl disable --now cyrus-imapd >/dev/null 2>&1 || true
fi

test -x "$prefix/usr/lib/cyrus/bin/imapd"
test -x "$prefix/usr/lib/cyrus/bin/idled"
