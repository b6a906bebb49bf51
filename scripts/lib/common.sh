# Shared shell helpers for scripts/test, scripts/bench/* and scripts/dev/*.
# Source it from bash; it defines functions and a cleanup stack, nothing runs on load.
# shellcheck shell=bash

hw_log()  { printf '==> %s\n' "$*"; }
hw_warn() { printf 'warning: %s\n' "$*" >&2; }
hw_die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Cleanup stack. Every script registers "undo" commands as it starts things;
# one EXIT trap runs them newest-first, whether the script succeeds, fails
# under `set -e`, or is interrupted (INT/TERM are turned into a normal exit
# so that the EXIT trap is what does the work, exactly once).
# ---------------------------------------------------------------------------
HW_CLEANUP=()

hw_on_exit() { HW_CLEANUP+=("$*"); }

hw_run_cleanup() {
    local rc=$? i
    trap - EXIT INT TERM HUP
    set +e
    for ((i = ${#HW_CLEANUP[@]} - 1; i >= 0; i--)); do
        eval "${HW_CLEANUP[i]}"
    done
    HW_CLEANUP=()
    exit "$rc"
}

hw_install_traps() {
    trap hw_run_cleanup EXIT
    trap 'echo; hw_warn "interrupted"; exit 130' INT
    trap 'hw_warn "terminated"; exit 143' TERM HUP
}

# hw_tempdir VAR NAME: make a fresh temp dir, store its path in VAR, and have it
# removed on exit. (Sets a variable instead of printing, because a $(...)
# subshell could not register the cleanup.)
hw_tempdir() {
    local __dir
    __dir=$(mktemp -d -t "hotlistwatch-${2:-tmp}.XXXXXX")
    printf -v "$1" '%s' "$__dir"
    hw_on_exit "rm -rf '$__dir'"
}

# ---------------------------------------------------------------------------
# Privileges and packages. CI runs as root with no tty; a developer may not be
# root, in which case we fall back to sudo (and fail clearly without it).
# ---------------------------------------------------------------------------
hw_as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        hw_die "need root to run: $* (run as root or install sudo)"
    fi
}

hw_pkg_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

HW_APT_UPDATED=0
# Install the given Debian packages that are not installed yet. `apt-get update`
# runs at most once per script and only if something is actually missing, so a
# warm machine pays nothing.
hw_apt_ensure() {
    local missing=() p
    for p in "$@"; do
        hw_pkg_installed "$p" || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    hw_log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Lock timeout: on a fresh machine another apt run may still hold the lock.
    local apt=(apt-get -q -o DPkg::Lock::Timeout=300)
    if ((HW_APT_UPDATED == 0)); then
        hw_as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" update </dev/null >/dev/null
        HW_APT_UPDATED=1
    fi
    hw_as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends \
        "${missing[@]}" </dev/null >/dev/null
}

# ---------------------------------------------------------------------------
# Networking helpers (loopback only).
# ---------------------------------------------------------------------------

# Print a TCP port on 127.0.0.1 that is free right now. The kernel picks it
# (bind to port 0), which avoids clashing with whatever else runs on the box.
hw_free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
        return
    fi
    # Fallback without python: probe upwards from a random high port.
    local p=$((20000 + RANDOM % 20000))
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}

# hw_wait_http URL TIMEOUT_SECONDS [PID]
# Poll URL until it answers 2xx/3xx. If PID is given and that process dies,
# give up at once instead of waiting for the timeout.
hw_wait_http() {
    local url=$1 timeout=$2 pid=${3:-} deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        if curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then
            return 0
        fi
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            hw_warn "process $pid exited while waiting for $url"
            return 1
        fi
        sleep 0.5
    done
    hw_warn "no answer from $url within ${timeout}s"
    return 1
}

# hw_start_bg LOGFILE CMD...: start CMD in the background in its own process
# group (setsid), so that stopping it also stops anything it spawned. Sets
# HW_BG_PID. stdin is /dev/null: CI has none, and a server must not read it.
HW_BG_PID=
hw_start_bg() {
    local log=$1
    shift
    setsid "$@" >"$log" 2>&1 </dev/null &
    # shellcheck disable=SC2034 # read by the scripts that source this file
    HW_BG_PID=$!
}

# hw_stop_pid PID [NAME]: TERM the process (and its process group, if it leads
# one), wait up to 10 s, then KILL. Safe to call on a dead or empty pid.
hw_stop_pid() {
    local pid=$1 name=${2:-process} i target
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
    target=$pid
    [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]] && target=-$pid
    kill -TERM -- "$target" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        hw_warn "$name ($pid) ignored TERM; killing"
    fi
    # KILL whatever is left of the group (children that ignored TERM, too).
    kill -KILL -- "$target" 2>/dev/null || true
    # Reap it if it is our child, so bash does not print "Terminated" later.
    wait "$pid" 2>/dev/null || true
}
