#!/usr/bin/env bash
# Rebuild the vendored browser assets from the npm registry.
#
# Run by hand when a version below changes; nothing runs it at install time, and the
# built files are committed, so paperkg serves GraphiQL and the explorer with no network.
# graphiql's published "graphiql.min.js" is not minified, so esbuild minifies it here.
set -euo pipefail

GRAPHIQL=3.8.3
REACT=18.3.1      # the last React with UMD builds, which graphiql 3 expects as globals
CYTOSCAPE=3.35.0
ESBUILD=0.25.12

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" "cytoscape@$CYTOSCAPE" >/dev/null
npm install --silent --no-save "esbuild@$ESBUILD" >/dev/null
for tarball in *.tgz; do
    mkdir -p "${tarball%.tgz}"
    tar xzf "$tarball" -C "${tarball%.tgz}"
done

esbuild=./node_modules/.bin/esbuild
$esbuild "graphiql-$GRAPHIQL/package/graphiql.min.js" --minify --log-level=error --outfile="$here/graphiql.min.js"
$esbuild "graphiql-$GRAPHIQL/package/graphiql.min.css" --minify --log-level=error --outfile="$here/graphiql.min.css"
cp "react-$REACT/package/umd/react.production.min.js" "$here/react.production.min.js"
cp "react-dom-$REACT/package/umd/react-dom.production.min.js" "$here/react-dom.production.min.js"
cp "cytoscape-$CYTOSCAPE/package/dist/cytoscape.esm.min.mjs" "$here/cytoscape.esm.min.mjs"

for package in "graphiql-$GRAPHIQL" "react-$REACT" "react-dom-$REACT" "cytoscape-$CYTOSCAPE"; do
    cp "$package/package/LICENSE" "$here/LICENSE.${package%-*}"
done
cat > "$here/VERSIONS" <<VERSIONS
graphiql $GRAPHIQL (MIT)
react $REACT (MIT)
react-dom $REACT (MIT)
cytoscape $CYTOSCAPE (MIT)
built with esbuild $ESBUILD
VERSIONS
echo "vendored assets rebuilt in $here"
