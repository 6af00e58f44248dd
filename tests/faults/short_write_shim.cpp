// An LD_PRELOAD library that makes writes to the log fail part-way, for the
// fault tests. It only touches descriptors whose file name ends in ".jsonl",
// and only when asked through the environment:
//
//   LIFTLOG_SHIM_SHORT_WRITE=1  write() writes the first half of the bytes and
//                               returns that short count
//   LIFTLOG_SHIM_ENOSPC=1       write() writes the first half, then fails with
//                               ENOSPC (as a filling disk does)
//   LIFTLOG_SHIM_FSYNC_EIO=1    fsync() and fdatasync() fail with EIO
//   LIFTLOG_SHIM_FTRUNCATE_EPERM=1
//                               ftruncate() fails with EPERM (as on a file
//                               with the append-only attribute)
//   LIFTLOG_SHIM_KILL_AFTER_BYTES=N
//                               write() writes only the first N bytes, then
//                               the process kills itself with SIGKILL (a
//                               crash in the middle of a write)
//   LIFTLOG_SHIM_CLOCK=SECONDS  the wall clock (time(), gettimeofday() and
//                               clock_gettime() of CLOCK_REALTIME) stands still
//                               at SECONDS since 1970 (negative for earlier)
//
// Everything else is passed to the real functions found with dlsym(RTLD_NEXT).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

using WriteFunction = ssize_t (*)(int, const void*, size_t);
using SyncFunction = int (*)(int);
using TruncateFunction = int (*)(int, off_t);

bool enabled(const char* name) {
    const char* value = getenv(name);
    return value != nullptr && strcmp(value, "1") == 0;
}

bool is_log(int fd) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[PATH_MAX];
    const ssize_t length = readlink(link, target, sizeof target - 1);
    if (length < 0) return false;
    target[length] = '\0';
    const size_t suffix = strlen(".jsonl");
    return static_cast<size_t>(length) >= suffix && strcmp(target + length - suffix, ".jsonl") == 0;
}

template <typename Function>
Function real(const char* name) {
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

// The byte count after which LIFTLOG_SHIM_KILL_AFTER_BYTES kills, or -1.
long long kill_after_bytes() {
    const char* value = getenv("LIFTLOG_SHIM_KILL_AFTER_BYTES");
    return value == nullptr ? -1 : atoll(value);
}

}  // namespace

extern "C" ssize_t write(int fd, const void* data, size_t size) {
    static const WriteFunction real_write = real<WriteFunction>("write");
    if (const long long limit = kill_after_bytes(); limit >= 0 && is_log(fd)) {
        if (static_cast<unsigned long long>(limit) < size) {
            real_write(fd, data, static_cast<size_t>(limit));
            raise(SIGKILL);
        }
        return real_write(fd, data, size);
    }
    const bool short_write = enabled("LIFTLOG_SHIM_SHORT_WRITE");
    const bool no_space = enabled("LIFTLOG_SHIM_ENOSPC");
    if ((!short_write && !no_space) || size < 2 || !is_log(fd)) return real_write(fd, data, size);
    const ssize_t written = real_write(fd, data, size / 2);
    if (written < 0 || short_write) return written;
    errno = ENOSPC;
    return -1;
}

extern "C" int fsync(int fd) {
    static const SyncFunction real_fsync = real<SyncFunction>("fsync");
    if (enabled("LIFTLOG_SHIM_FSYNC_EIO") && is_log(fd)) {
        errno = EIO;
        return -1;
    }
    return real_fsync(fd);
}

extern "C" int fdatasync(int fd) {
    static const SyncFunction real_fdatasync = real<SyncFunction>("fdatasync");
    if (enabled("LIFTLOG_SHIM_FSYNC_EIO") && is_log(fd)) {
        errno = EIO;
        return -1;
    }
    return real_fdatasync(fd);
}

extern "C" int ftruncate(int fd, off_t length) {
    static const TruncateFunction real_ftruncate = real<TruncateFunction>("ftruncate");
    if (enabled("LIFTLOG_SHIM_FTRUNCATE_EPERM") && is_log(fd)) {
        errno = EPERM;
        return -1;
    }
    return real_ftruncate(fd, length);
}
// ---- LIFTLOG_SHIM_CLOCK: a system clock pinned at any second, for the clock
// tests (a dead battery's 1970, years before 1900 or after 9999). ----

#include <sys/time.h>
#include <time.h>

namespace {

using ClockGettimeFunction = int (*)(clockid_t, struct timespec*);
using GettimeofdayFunction = int (*)(struct timeval*, void*);

// The pinned second, or false when LIFTLOG_SHIM_CLOCK is unset or not a number.
bool pinned_clock(time_t* seconds) {
    const char* value = getenv("LIFTLOG_SHIM_CLOCK");
    if (value == nullptr || *value == '\0') return false;
    char* end = nullptr;
    const long long parsed = strtoll(value, &end, 10);
    if (*end != '\0') return false;
    *seconds = static_cast<time_t>(parsed);
    return true;
}

bool is_wall_clock(clockid_t clock) {
    return clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE;
}

}  // namespace

extern "C" time_t time(time_t* result) {
    time_t seconds = 0;
    if (!pinned_clock(&seconds)) {
        struct timespec now {};
        clock_gettime(CLOCK_REALTIME, &now);
        seconds = now.tv_sec;
    }
    if (result != nullptr) *result = seconds;
    return seconds;
}

extern "C" int gettimeofday(struct timeval* now, void* zone) {
    static const GettimeofdayFunction real_gettimeofday =
        real<GettimeofdayFunction>("gettimeofday");
    time_t seconds = 0;
    if (now == nullptr || !pinned_clock(&seconds)) return real_gettimeofday(now, zone);
    now->tv_sec = seconds;
    now->tv_usec = 0;
    return 0;
}

extern "C" int clock_gettime(clockid_t clock, struct timespec* now) {
    static const ClockGettimeFunction real_clock_gettime =
        real<ClockGettimeFunction>("clock_gettime");
    time_t seconds = 0;
    if (now == nullptr || !is_wall_clock(clock) || !pinned_clock(&seconds))
        return real_clock_gettime(clock, now);
    now->tv_sec = seconds;
    now->tv_nsec = 0;
    return 0;
}

// ---- end of LIFTLOG_SHIM_CLOCK ----
