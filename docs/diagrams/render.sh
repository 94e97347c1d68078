#!/bin/sh
# Renders every docs/diagrams/*.dot into docs/img/*.svg (needs Graphviz: apt-get install graphviz).
set -e
cd "$(dirname "$0")"
for f in *.dot; do dot -Tsvg "$f" -o "../img/${f%.dot}.svg"; done
