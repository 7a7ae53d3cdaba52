#!/bin/sh
# Renders every blueprint in a folder with `stagemap-gui FILE --screenshot OUT.png --size 1600x900`
# under Xvfb and checks each image: 1600x900, and not blank (the pixels' standard deviation,
# measured by ImageMagick, is well above that of a flat or nearly flat image).
# Usage: screenshots.sh STAGEMAP_GUI BLUEPRINT_DIR OUT_DIR
set -u
gui=$1
dir=$2
out=$3
mkdir -p "$out"
# Keep the user's settings and autosaves out of it.
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state"
status=0
count=0
for f in "$dir"/*.json; do
  [ -e "$f" ] || continue
  count=$((count + 1))
  name=$(basename "$f" .json)
  png="$out/$name.png"
  rm -f "$png"
  if ! xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" "$f" --screenshot "$png" --size 1600x900 >"$out/$name.log" 2>&1; then
    echo "FAIL $name: stagemap-gui failed"; cat "$out/$name.log"; status=1; continue
  fi
  if [ ! -s "$png" ]; then
    echo "FAIL $name: no screenshot written"; status=1; continue
  fi
  size=$(convert "$png" -format '%wx%h' info:)
  sd=$(convert "$png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  # A blank window is ~0; a blueprint with text and lines is far above 0.05.
  if [ "$size" != "1600x900" ]; then
    echo "FAIL $name: image is $size, not 1600x900"; status=1
  elif ! awk -v sd="$sd" 'BEGIN { exit !(sd > 0.05) }'; then
    echo "FAIL $name: image looks blank (standard deviation $sd)"; status=1
  else
    echo "ok   $name: $size, standard deviation $sd"
  fi
done
if [ "$count" -eq 0 ]; then
  echo "FAIL: no blueprints in $dir"; exit 1
fi
exit $status
