#!/usr/bin/env bash
# Gets a real Luanti server of the given version as a Debian root folder,
# without compiling and without root: Debian 13 (trixie) ships 5.10, sid
# ships 5.15. The server then runs on this machine through the folder's own
# dynamic loader (DIR/luantiserver is a small launcher doing that).
#
#   scripts/get-engine.sh VERSION DIR     VERSION: 5.10 or 5.15
#
# Idempotent: a DIR whose launcher already reports VERSION is left alone.
# When ~/.cache exists, the root folder is kept there and DIR links to it, so
# a second checkout (or CI's next run) gets it at once.
set -euo pipefail

usage() { echo "usage: $0 5.10|5.15 DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
version=$1
dir=$2
case "$version" in
  5.10) suite=trixie ;;
  5.15) suite=sid ;;
  *) usage ;;
esac

# The launcher: the server binary with the folder's loader and libraries.
# `exec` so that signals sent to the launcher reach the server itself.
write_launcher() {
  local root=$1
  cat >"$root/luantiserver.tmp" <<'LAUNCH'
#!/bin/sh
root=$(cd "$(dirname "$0")" && pwd -P)
exec "$root/usr/lib64/ld-linux-x86-64.so.2" --library-path "$root/usr/lib/x86_64-linux-gnu" \
  "$root/usr/libexec/luanti/luantiserver" "$@"
LAUNCH
  chmod +x "$root/luantiserver.tmp"
  mv "$root/luantiserver.tmp" "$root/luantiserver"
}

# True when the folder's server answers `--version` with the wanted version.
has_version() {
  [ -x "$1/luantiserver" ] || return 1
  local said
  said=$("$1/luantiserver" --version 2>&1) || return 1
  [[ "$said" == "Luanti $version."* ]]
}

# The first line of `--version` (read whole: no pipe to close early).
first_line() {
  local said
  said=$("$1/luantiserver" --version 2>&1 || true)
  echo "${said%%$'\n'*}"
}

if has_version "$dir"; then
  echo "$dir: $(first_line "$dir")"
  exit 0
fi

# Where the root folder is built: the cache when there is one.
if [ -d "$HOME/.cache" ]; then
  root="$HOME/.cache/mtedu/luanti-$version"
else
  root="$dir"
fi

if ! has_version "$root"; then
  command -v mmdebstrap >/dev/null || {
    echo "$0: mmdebstrap is missing (apt-get install mmdebstrap)" >&2
    exit 2
  }
  # The mirror this machine's apt already uses, else Debian's own.
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -v '^[[:space:]]*#' | grep -oE 'https?://[^ ]*/debian/?( |$)' | head -n1 | tr -d ' ' || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  building="$root.building.$$"
  rm -rf "$building"
  mkdir -p "$(dirname "$root")"
  trap 'rm -rf "$building"' EXIT
  # As root mmdebstrap builds directly; otherwise it needs user namespaces.
  mmdebstrap --quiet --mode=auto --variant=apt --components=main \
    --include=luanti-server,luanti-game-minetest \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    "$suite" "$building" "$mirror"
  # The server looks for its share folder beside its own `lib` folder.
  ln -sfn ../share "$building/usr/lib/share"
  write_launcher "$building"
  if ! has_version "$building"; then
    echo "$0: $suite gave $(first_line "$building"), not Luanti $version" >&2
    exit 1
  fi
  rm -rf "$root"
  mv "$building" "$root"
  trap - EXIT
fi

if [ "$root" != "$dir" ]; then
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir"
  ln -sfn "$root" "$dir"
fi
echo "$dir: $(first_line "$dir")"
