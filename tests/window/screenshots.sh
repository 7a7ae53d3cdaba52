#!/bin/sh
# Renders every blueprint in a folder with `stagemap-gui FILE --screenshot OUT.png --size 1600x900`,
# and the first one in presentation mode at 1920x1080 (projector light in English, projector dark
# in Chinese; a light image must be mostly bright, a dark one mostly dark),
# under Xvfb and checks each image: 1600x900, and not blank (the pixels' standard deviation,
# measured by ImageMagick, is well above that of a flat or nearly flat image).
# Usage: screenshots.sh STAGEMAP_GUI BLUEPRINT_DIR OUT_DIR
# STAGEMAP_GUI_PRELOAD, when set, is preloaded into stagemap-gui alone (the sanitizer build keeps
# Mesa's driver loaded that way; see CMakeLists.txt).
set -u
gui=$1
dir=$2
out=$3
mkdir -p "$out"
# Keep the user's settings and autosaves out of it.
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state"
status=0
count=0
# shot NAME FILE WxH [stagemap-gui options...]: renders, then checks the size and that it is not blank.
shot() {
  name=$1 file=$2 want=$3
  shift 3
  png="$out/$name.png"
  rm -f "$png"
  if ! xvfb-run -a -s "-screen 0 1920x1080x24" env ${STAGEMAP_GUI_PRELOAD:+"LD_PRELOAD=$STAGEMAP_GUI_PRELOAD"} "$gui" "$file" --screenshot "$png" --size "$want" "$@" >"$out/$name.log" 2>&1; then
    echo "FAIL $name: stagemap-gui failed"; cat "$out/$name.log"; status=1; return 1
  fi
  if [ ! -s "$png" ]; then
    echo "FAIL $name: no screenshot written"; status=1; return 1
  fi
  size=$(convert "$png" -format '%wx%h' info:)
  sd=$(convert "$png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  # A blank window is ~0; a blueprint with text and lines is far above 0.05.
  if [ "$size" != "$want" ]; then
    echo "FAIL $name: image is $size, not $want"; status=1; return 1
  elif ! awk -v sd="$sd" 'BEGIN { exit !(sd > 0.05) }'; then
    echo "FAIL $name: image looks blank (standard deviation $sd)"; status=1; return 1
  fi
  echo "ok   $name: $size, standard deviation $sd"
}
# brightness NAME LOW HIGH: the image's mean grey level lies between LOW and HIGH (0..1).
brightness() {
  mean=$(convert "$out/$1.png" -colorspace Gray -format '%[fx:mean]' info:)
  if awk -v m="$mean" -v lo="$2" -v hi="$3" 'BEGIN { exit !(m >= lo && m <= hi) }'; then
    echo "ok   $1: mean brightness $mean"
  else
    echo "FAIL $1: mean brightness $mean, not within $2..$3"; status=1
  fi
}
first=""
for f in "$dir"/*.json; do
  [ -e "$f" ] || continue
  count=$((count + 1))
  [ -n "$first" ] || first=$f
  shot "$(basename "$f" .json)" "$f" 1600x900
done
if [ "$count" -eq 0 ]; then
  echo "FAIL: no blueprints in $dir"; exit 1
fi
# Presentation mode on a 1080p projector, in both themes and both languages: a light theme is
# mostly bright, a dark one mostly dark.
if shot present-light-en "$first" 1920x1080 --present --theme projector-light --lang en; then
  brightness present-light-en 0.6 1.0
fi
if shot present-dark-zh "$first" 1920x1080 --present --theme projector-dark --lang zh-CN; then
  brightness present-dark-zh 0.0 0.35
fi
exit $status
