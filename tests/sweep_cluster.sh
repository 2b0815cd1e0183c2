#!/bin/sh
# A cluster of two pserver hosts on this machine, for tests/sweep_cluster.tst
# (issue 14, item 6).  pserver listens on ports 12501/12502 of every address
# (without SO_REUSEADDR: a port in TIME-WAIT from an earlier run stops it)
# and keeps its pid in /tmp/.octave-<hostname>.pid, so each server gets a
# fresh network namespace and a hostname of its own:
#   host A: namespace nnlab-swa-<tag>, address 10.231.77.2, hostname nnlab-swa-<tag>
#   host B: namespace nnlab-swb-<tag>, address 10.231.77.3, hostname nnlab-swb-<tag>
#   this machine (the client): 10.231.77.1 on a bridge that joins the three
# Each namespace's /etc/netns/<ns>/hosts (ip netns exec mounts it as its
# /etc/hosts) names the client and both hosts.  The servers run as nobody
# (pserver refuses root) with one BLAS thread and large arrays on huge
# pages (as sweep_run starts local workers), without TLS (Debian's
# octave-parallel is built without it).  Needs root, iproute2 and util-linux.
#   sh tests/sweep_cluster.sh start TAG    prints "10.231.77.2 10.231.77.3"
#   sh tests/sweep_cluster.sh stop TAG     stops both, removes namespaces and links
set -u
what=$1
tag=$2
br=nnswbr$tag
log=/tmp/nnlab-sweep-cluster-$tag.log
server="runuser -u nobody -- env OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1 /usr/libexec/octave-pserver --octave-binary=/usr/bin/octave-cli --no-auth"
client=$(hostname)

stop() {
  for h in a b; do
    ns=nnlab-sw$h-$tag
    if [ -f /tmp/.octave-$ns.pid ]; then
      kill "$(cat /tmp/.octave-$ns.pid)" 2>/dev/null
      rm -f /tmp/.octave-$ns.pid
    fi
    ip link del nnsw$h$tag 2>/dev/null
    ip netns del $ns 2>/dev/null
    rm -rf /etc/netns/$ns
  done
  ip link del $br 2>/dev/null
  rmdir /etc/netns 2>/dev/null
}

host() {  # host NAME ADDRESS
  ns=nnlab-sw$1-$tag
  ip netns add $ns &&
  ip link add nnsw$1$tag type veth peer name nnsw$1${tag}p &&
  ip link set nnsw$1${tag}p netns $ns &&
  ip link set nnsw$1$tag master $br &&
  ip link set nnsw$1$tag up &&
  ip netns exec $ns ip addr add $2/24 dev nnsw$1${tag}p &&
  ip netns exec $ns ip link set nnsw$1${tag}p up &&
  ip netns exec $ns ip link set lo up || return 1
  mkdir -p /etc/netns/$ns
  printf '127.0.0.1 localhost %s\n10.231.77.1 %s\n10.231.77.2 nnlab-swa-%s\n10.231.77.3 nnlab-swb-%s\n' \
    "$ns" "$client" "$tag" "$tag" > /etc/netns/$ns/hosts
  ip netns exec $ns unshare -u sh -c "hostname $ns && exec $server" >>$log 2>&1 </dev/null
}

listening() {
  ip netns exec nnlab-swa-$tag ss -ltn | grep -q ':12502 ' &&
  ip netns exec nnlab-swb-$tag ss -ltn | grep -q ':12502 '
}

case $what in
  start)
    [ "$(id -u)" = 0 ] || { echo "needs root" >&2; exit 1; }
    stop
    { ip link add $br type bridge && ip addr add 10.231.77.1/24 dev $br && ip link set $br up &&
      host a 10.231.77.2 && host b 10.231.77.3; } || { echo "could not make the namespaces" >&2; stop; exit 1; }
    # wait (at most 10 s) until both listen
    i=0
    while [ $i -lt 50 ]; do
      if listening; then
        echo 10.231.77.2 10.231.77.3
        exit 0
      fi
      sleep 0.2
      i=$((i + 1))
    done
    echo "the servers did not start; see $log" >&2
    stop
    exit 1
    ;;
  stop)
    stop
    ;;
esac
