#!/usr/bin/env bash
# Installs what run.mjs needs: Debian's chromium, ripgrep and libkrb5-dev, then code-server and
# playwright-core from package-lock.json with `npm ci` (code-server's postinstall refuses pnpm, so
# this folder stays outside the pnpm workspace). Idempotent: a second run returns at once.
# Where it cannot install (no apt-get, not root, no password-less sudo, npm ci failing) it says why
# and exits 0, and run.mjs then skips; under CI=true that is a failure.
set -euo pipefail
cd "$(dirname "$0")"

apt_packages=(chromium ripgrep libkrb5-dev)
stamp=node_modules/.sitrep-installed
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)

cannot() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "vscode-e2e install: $1; CI needs it" >&2
    exit 1
  fi
  echo "vscode-e2e install: $1; the real-editor test will be skipped" >&2
  exit 0
}

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

# libkrb5-dev only matters while npm compiles code-server's kerberos module.
if [[ -x /usr/bin/chromium && -f $stamp && $(cat "$stamp") == "$lock_hash" ]]; then
  echo "vscode-e2e install: already installed (code-server $(node -p 'require("./node_modules/code-server/package.json").version'))"
  exit 0
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ((${#missing[@]})); then
  command -v apt-get >/dev/null || cannot "no apt-get to install ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo -n true 2>/dev/null || cannot "not root and no password-less sudo to install ${missing[*]}"
    sudo=(sudo -n)
  fi
  echo "vscode-e2e install: apt-get install ${missing[*]} (once)..."
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    cannot "apt-get could not install ${missing[*]}"
  fi
fi

# VS Code's @vscode/ripgrep postinstall downloads rg from GitHub, which these machines cannot reach.
# It first looks in its cache, so put Debian's rg there. The versions are those code-server 4.100.3
# (pinned in package-lock.json) ships; change them together.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) rg_target="" ;;
esac
if [[ -n $rg_target ]]; then
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  rg_tarball="$rg_cache/ripgrep-v13.0.0-10-$rg_target.tar.gz"
  if [[ ! -s $rg_tarball ]]; then
    mkdir -p "$rg_cache"
    tar -czf "$rg_tarball" -C "$(dirname "$(command -v rg)")" rg
  fi
fi

echo "vscode-e2e install: npm ci (code-server, playwright-core; about 80 s)..."
# As root, code-server's postinstall wants unsafe-perm, and node-pty's calls `npx node-gyp`.
# Run from `pnpm test`, the environment says pnpm is the package manager (npm_config_user_agent,
# npm_execpath and friends), and code-server's postinstall refuses pnpm. Drop what pnpm says about
# itself; keep the user's settings for reaching the registry and building (registry, proxy, CA,
# nodedir, …), which npm would otherwise lose.
keep='^npm_config_(registry|proxy|https_proxy|http_proxy|noproxy|no_proxy|cafile|ca|cert|key|strict_ssl|nodedir|devdir|python|userconfig|globalconfig|cache|fetch_[a-z_]*|always_auth|maxsockets|local_address)$'
for name in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do
  [[ $name =~ $keep ]] || unset "$name"
done
# Closed networks: compile argon2 and friends against this Node's local headers (see the script).
if [[ -z ${npm_config_nodedir:-} ]] && ! npm config get nodedir 2>/dev/null | grep -q '^/'; then
  headers=$(node ../../scripts/local-node-headers.cjs)
  [[ -n $headers ]] && export npm_config_nodedir=$headers
fi
if ! npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  cannot "npm ci failed (last 60 lines of its log above)"
fi
echo "$lock_hash" >"$stamp"
echo "vscode-e2e install: done (code-server $(node -p 'require("./node_modules/code-server/package.json").version'))"
