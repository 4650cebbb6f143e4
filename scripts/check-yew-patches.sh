#!/bin/sh
# Checks that vendor/yew is Yew 0.23.0 as published plus exactly the patches in vendor/yew/patches/.
#
# Copies vendor/yew, takes the patches off again in reverse order (`git apply -R`; a patch that no
# longer matches the tree stops the check), and compares what is left with the checksums of the
# unchanged crate (vendor/yew/patches/pristine.sha256, written from the commit that vendored it).
# So a change to vendor/yew without its patch file fails, and so does a patch file the tree lacks.
# Needs only git and sha256sum, no network and no git history: it still holds after a squash.
#
#   scripts/check-yew-patches.sh          # from the repository root; exit 1 on a mismatch
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
yew="$root/vendor/yew"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$tmp.files"' EXIT

# The crate's files: everything but our own notes (PATCHES.md, patches/).
(cd "$yew" && find . -type f ! -name PATCHES.md ! -path './patches/*' | tar -cf - -T -) | (cd "$tmp" && tar -xf -)

for p in $(ls "$yew"/patches/*.patch | sort -r); do
  # The patches name their files vendor/yew/…: strip those two parts.
  if ! (cd "$tmp" && git apply -R -p3 --whitespace=nowarn "$p"); then
    echo "check-yew-patches: $(basename "$p") does not come off vendor/yew cleanly (changed without its patch file?)" >&2
    exit 1
  fi
done

cd "$tmp"
if ! sha256sum --quiet -c "$yew/patches/pristine.sha256"; then
  echo "check-yew-patches: vendor/yew without its patches is not Yew 0.23.0 as vendored (a change without a patch file?)" >&2
  exit 1
fi
find . -type f | sed 's|^\./||' | LC_ALL=C sort > "$tmp.files"
if ! cut -c67- "$yew/patches/pristine.sha256" | LC_ALL=C sort | diff - "$tmp.files" >&2; then
  echo "check-yew-patches: files added or removed in vendor/yew without a patch file (> added, < missing)" >&2
  exit 1
fi
echo "check-yew-patches: vendor/yew = Yew 0.23.0 + $(ls "$yew"/patches/*.patch | wc -l) patches"
