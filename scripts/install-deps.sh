#!/usr/bin/env bash
# Installs everything Koers needs to build, run and test on Debian 12:
# Debian packages with apt, front-end and test tools with npm (from the
# lock files). Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config         # C++ toolchain
  libboost-dev                                         # Boost.Beast/Asio: HTTP server
  libsqlite3-dev                                       # embedded store
  libpq-dev                                            # PostgreSQL store (libpq, the server's own C client)
  nlohmann-json3-dev                                   # JSON
  libcli11-dev                                         # command line
  libsodium-dev                                        # hashing, random ids, argon2id
  libssl-dev libcurl4-openssl-dev                      # OpenID Connect: RS256 checks, calls to the provider
  libxapian-dev                                        # full-text search
  hunspell-nl                                          # Dutch word list: compound splitting in search
  libyaml-cpp-dev                                      # the knowledge base (data/kennis/*.yaml)
  libzip-dev libexpat1-dev                             # reading .xlsx uploads (zip container, XML parts)
  libxlsxwriter-dev                                    # writing .xlsx exports
  libgtest-dev libgmock-dev                            # unit tests
  chromium                                             # browser tests (no browser download)
  poppler-utils                                        # pdftotext: reading printed reports in the browser tests
  wrk nginx-light                                      # benchmark and its reference
  postgresql                                           # the PostgreSQL store's tests; search benchmark reference
  sqlite3 curl ca-certificates                         # tools used by scripts
)

# Node.js and npm build the front end and run the browser tests; a machine
# may already have them from elsewhere (then Debian's would conflict).
command -v node > /dev/null || PACKAGES+=(nodejs)
command -v npm > /dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Debian-pakketten installeren: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, exactly as locked. Reinstall only when the lock file changed.
for dir in web tests bench; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.koers-lock"; then
    echo "npm-pakketten installeren in $dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.koers-lock)
  fi
done
