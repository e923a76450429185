#!/usr/bin/env bash
# Builds the file system the services' images add on top of an empty base (Jib's "scratch"): a jlinked Java runtime in
# /opt/java, the C libraries it needs from Debian packages, a non-root user, /tmp. The build machines reach Maven
# Central, Debian and npm but no container registry, so no base image can be pulled; this replaces one.
# See docs/deployment.md, "Images".
#
# usage: rootfs.sh <JDK home> <output directory> <comma-separated Java modules>
#
# The output is reused while the JDK, the module list and this script stay the same (a stamp file records them), so
# only the first build after a `clean` fetches the packages (the current versions of the machine's Debian release).
set -euo pipefail

JDK=${1:?usage: rootfs.sh <JDK home> <output directory> <modules>}
OUT=${2:?usage: rootfs.sh <JDK home> <output directory> <modules>}
MODULES=${3:?usage: rootfs.sh <JDK home> <output directory> <modules>}

# What the JDK's native libraries link against (ldd of lib/*.so and lib/server/libjvm.so): libc, libm, libdl,
# libpthread, librt and the loader are all in libc6; Temurin carries its own zlib, and libgcc_s is loaded by glibc
# when a thread is cancelled or unwinds. The recorder's state stores are RocksDB, whose JNI library needs libstdc++.
# gcc-12-base holds the copyright of both. libc-bin brings the C.UTF-8 locale: without it the JVM's native encoding
# is ASCII and a prompt's non-ASCII text is logged as '?'.
PACKAGES=(libc6 libc-bin libgcc-s1 libstdc++6 gcc-12-base)
# The user every service runs as; deploy/k8s runs the pods as the same id.
USER_ID=65532

die() {
    echo "rootfs.sh: $*" >&2
    exit 1
}

stamp() {
    sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1
    cat "$JDK/release"
    echo "$MODULES ${PACKAGES[*]}"
}

[[ -x "$JDK/bin/jlink" ]] || die "$JDK has no bin/jlink: the images need a full JDK (set JAVA_HOME to the Temurin 25 JDK)"
if [[ -f "$OUT/.stamp" ]] && diff -q <(stamp) "$OUT/.stamp" >/dev/null; then
    exit 0
fi
for tool in apt-get dpkg-deb; do
    command -v "$tool" >/dev/null || die "the images take their C libraries from Debian packages and need $tool" \
        "(build them on Debian or Ubuntu, or skip them with -Djib.skip)"
done

rm -rf "$OUT"
ROOT="$OUT/rootfs"
DEBS="$OUT/debs"
mkdir -p "$ROOT" "$DEBS"

echo "rootfs.sh: fetching ${PACKAGES[*]} from Debian"
# apt's download sandbox user cannot write to a root-owned directory; as root, download as root.
sandbox=()
(( EUID == 0 )) && sandbox=(-o APT::Sandbox::User=root)
if ! (cd "$DEBS" && apt-get download -q "${sandbox[@]}" "${PACKAGES[@]}" >/dev/null); then
    # A fresh machine may not have the package lists yet.
    (( EUID == 0 )) || die "apt-get download ${PACKAGES[*]} failed; run apt-get update (as root) and build again"
    apt-get update -q </dev/null >/dev/null
    (cd "$DEBS" && apt-get download -q "${sandbox[@]}" "${PACKAGES[@]}" >/dev/null) || die "apt-get download ${PACKAGES[*]} failed"
fi
mkdir -p "$ROOT/var/lib/dpkg/status.d"
for deb in "$DEBS"/*.deb; do
    dpkg-deb -x "$deb" "$ROOT"
    # Where distroless images keep theirs, so image scanners (trivy, syft, grype) see the packages and versions.
    dpkg-deb -f "$deb" >"$ROOT/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
done
# Only the libraries, the locale and the copyrights stay: no shell, no tools (ldd, ldconfig, iconv...), no gconv
# modules (Java does its own charsets), no manual pages.
rm -rf "$ROOT/bin" "$ROOT/sbin" "$ROOT/usr/bin" "$ROOT/usr/sbin" "$ROOT/usr/libexec" "$ROOT"/usr/lib/*/gconv \
    "$ROOT/usr/share/man" "$ROOT/usr/share/lintian" "$ROOT/usr/share/libc-bin" "$ROOT/usr/share/gcc" "$ROOT/usr/share/gdb"
find "$ROOT/usr/share/doc" -type f ! -name copyright -delete
find "$ROOT" -depth -type d -empty -delete
# Jib copies what a symbolic link points to, resolved on the build machine: /lib64/ld-linux-x86-64.so.2 points to
# /lib/..., which would be the build machine's loader. Each link becomes a copy of its target inside the rootfs.
while IFS= read -r link; do
    target=$(readlink "$link")
    [[ "$target" == /* ]] && target="$ROOT$target" || target="$(dirname "$link")/$target"
    rm "$link"
    cp -a "$target" "$link"
done < <(find "$ROOT" -type l)

echo "rootfs.sh: linking a Java runtime with $MODULES"
mkdir -p "$ROOT/opt"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --output "$ROOT/opt/java"

mkdir -p "$ROOT/etc" "$ROOT/tmp"
chmod 1777 "$ROOT/tmp"
cat >"$ROOT/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
aigw:x:$USER_ID:$USER_ID:aigw:/tmp:/sbin/nologin
PASSWD
cat >"$ROOT/etc/group" <<GROUP
root:x:0:
aigw:x:$USER_ID:
GROUP
cat >"$ROOT/etc/nsswitch.conf" <<NSS
passwd: files
group: files
hosts: files dns
NSS
stamp >"$OUT/.stamp"
