#!/usr/bin/env bash
# The one test command: CI (.ci/run) and developers run this. It installs the browser that the
# simulator page's test drives (Debian's chromium and chromedriver) when it is missing, so that a
# fresh machine runs that test too, then runs every test. Extra arguments go to Maven.
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

exec mvn -B -ntp verify "$@"
