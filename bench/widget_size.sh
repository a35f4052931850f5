#!/usr/bin/env bash
# The chat widget's weight on a customer's site: the gzipped size (gzip -9) of the loader
# web/dist/widget.js and of every file web/dist/widget.html loads (its scripts, module preloads
# and stylesheets, and the modules those scripts import statically), in a small table. Exits
# non-zero when the loader is over 10 KB or the widget page's files together over 60 KB.
# Builds the web app first unless WIDGET_SIZE_NO_BUILD=1 (then it measures web/dist as it is).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${WIDGET_SIZE_NO_BUILD:-0} == 1 ]] || ./web/build.sh
dist=web/dist
LOADER_LIMIT=$((10 * 1024))
PAGE_LIMIT=$((60 * 1024))

gz() { gzip -9c "$1" | wc -c; }

[[ -f $dist/widget.js && -f $dist/widget.html ]] || { echo "widget_size.sh: no widget in $dist" >&2; exit 1; }

# The page's own references, then the static imports of each script (breadth first, once each).
mapfile -t queue < <(grep -oE '(src|href)="/[^"]+"' "$dist/widget.html" | sed -E 's/^[a-z]+="\/(.*)"$/\1/')
declare -A seen=()
files=()
while ((${#queue[@]})); do
  f=${queue[0]}
  queue=("${queue[@]:1}")
  [[ -n ${seen[$f]:-} ]] && continue
  seen[$f]=1
  [[ -f $dist/$f ]] || { echo "widget_size.sh: widget.html refers to a missing file: $f" >&2; exit 1; }
  files+=("$f")
  if [[ $f == *.js ]]; then
    dir=$(dirname "$f")
    # Static imports in the minified output: import"./x.js", from"./x.js" (not import("…")).
    while read -r dep; do
      [[ -n $dep ]] && queue+=("$(realpath -m --relative-to=. "$dir/$dep")")
    done < <(grep -oE '(from|import) ?"\./[^"]+\.js"' "$dist/$f" | sed -E 's/^[a-z]+ ?"(.*)"$/\1/')
  fi
done

printf '%-44s %10s %10s\n' 'file' 'bytes' 'gzipped'
loader=$(gz "$dist/widget.js")
printf '%-44s %10d %10d\n' 'widget.js (loader)' "$(wc -c <"$dist/widget.js")" "$loader"
total=$(gz "$dist/widget.html")
printf '%-44s %10d %10d\n' 'widget.html' "$(wc -c <"$dist/widget.html")" "$total"
for f in "${files[@]}"; do
  g=$(gz "$dist/$f")
  total=$((total + g))
  printf '%-44s %10d %10d\n' "$f" "$(wc -c <"$dist/$f")" "$g"
done
printf '%-44s %10s %10d\n' 'widget page total (widget.html + its files)' '' "$total"
printf 'limits: loader %d bytes gzipped, widget page %d bytes gzipped\n' "$LOADER_LIMIT" "$PAGE_LIMIT"

status=0
if ((loader > LOADER_LIMIT)); then echo "widget_size.sh: the loader is over 10 KB gzipped" >&2; status=1; fi
if ((total > PAGE_LIMIT)); then echo "widget_size.sh: the widget page is over 60 KB gzipped" >&2; status=1; fi
exit $status
