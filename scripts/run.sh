#!/usr/bin/env bash
# `make run`: install, build a Release binary and the web app, and serve on 127.0.0.1:8080 with data in ./data.
# The first start creates admin@example.com (password from FRONTLINE_ADMIN_PASSWORD, else
# generated and printed once).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
bin=$(./scripts/build.sh release)
./web/build.sh  # the web app into web/dist, which serve finds there
mkdir -p data
exec "$bin" serve --data "${FRONTLINE_DATA:-./data}" --listen "${FRONTLINE_LISTEN:-127.0.0.1:8080}"
