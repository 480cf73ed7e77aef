#!/usr/bin/env bash
# The one test command: CI (.ci/run) and developers run this. It installs the browser that the
# simulator page's test drives (Debian's chromium and chromedriver) when it is missing, so that a
# fresh machine runs that test too; installs the WeChat bridge's npm dependencies when they are
# missing or older than its package-lock.json and runs its tests (bridges/wechaty, node:test);
# then runs every Maven test, among them the end-to-end test through that bridge. Extra
# arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "test.sh: installing chromium and chromium-driver (Debian packages) for the /sim page test" >&2
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  # quiet, but apt's errors still reach stderr. A failed install does not stop the other tests:
  # SimPageTest then says what is missing (and fails when CI is set, so CI cannot pass without it).
  if ! { "${sudo[@]}" apt-get update -qq >/dev/null &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
           chromium chromium-driver >/dev/null; }; then
    echo "test.sh: could not install chromium and chromium-driver; see the errors above" >&2
  fi
fi

bridge=bridges/wechaty
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [[ ! -f $bridge/node_modules/.package-lock.json || $bridge/package-lock.json -nt $bridge/node_modules/.package-lock.json ]]; then
    echo "test.sh: installing the WeChat bridge's dependencies (npm ci in $bridge)" >&2
    (cd "$bridge" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  (cd "$bridge" && npm test)
elif [[ -n ${CI:-} && ${CI:-} != false ]]; then
  echo "test.sh: node and npm are needed for the WeChat bridge's tests ($bridge) and are not installed" >&2
  exit 1
else
  echo "test.sh: node/npm not found: skipping the WeChat bridge's tests ($bridge); its Maven end-to-end test skips too" >&2
fi

exec mvn -B -ntp verify "$@"
