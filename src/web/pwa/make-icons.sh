#!/bin/sh
# Renders the PNG icons and favicon from the SVG sources. Needs ImageMagick (apt-get install -y imagemagick)
# and, for smooth curves, rsvg-convert (apt-get install -y librsvg2-bin). Run from the repository root; commit the output.
set -eu
cd "$(dirname "$0")/../../.."
render() { # svg size out
  if command -v rsvg-convert >/dev/null 2>&1; then rsvg-convert -w "$2" -h "$2" "$1" -o "$3"
  else convert -background none -density 384 "$1" -resize "$2x$2" "$3"; fi
}
render public/icon.svg 192 public/icon-192.png
render public/icon.svg 512 public/icon-512.png
render src/web/pwa/icon-maskable.svg 180 public/apple-touch-icon.png  # iOS fills transparent corners with black
render src/web/pwa/icon-maskable.svg 512 public/icon-maskable-512.png
render public/icon.svg 32 /tmp/kindred-favicon-32.png
render public/icon.svg 16 /tmp/kindred-favicon-16.png
convert /tmp/kindred-favicon-16.png /tmp/kindred-favicon-32.png public/favicon.ico
rm -f /tmp/kindred-favicon-16.png /tmp/kindred-favicon-32.png
echo "icons written to public/"
