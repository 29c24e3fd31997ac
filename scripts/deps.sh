#!/bin/sh
# Ensure the Debian packages listed in the given files are installed.
# As root on Debian: installs the missing ones with apt-get.
# Otherwise: prints the exact command and exits 1.
set -u
missing=""
for list in "$@"; do
	for entry in $(sed -e 's/#.*//' "$list"); do
		# "pkg@cmd": satisfied when the command exists (e.g. npm comes
		# with NodeSource's nodejs, whose package conflicts with Debian's npm)
		pkg=${entry%@*}
		if [ "$pkg" != "$entry" ] && command -v "${entry#*@}" >/dev/null 2>&1; then
			continue
		fi
		status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)
		case "$status" in
		*"install ok installed"*) ;;
		*) missing="$missing $pkg" ;;
		esac
	done
done
[ -z "$missing" ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "ovc: dit is geen Debian-systeem; installeer zelf:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "ovc: ontbrekende pakketten installeren:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >&2 && exit 0
	echo "ovc: installeren mislukt" >&2
	exit 1
fi
echo "ovc: deze pakketten ontbreken. Installeer ze met:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 1
