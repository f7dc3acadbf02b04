// Swapping two paths in one step, which Swift's Glibc module does not expose.
#ifndef DBAG_FOLDER_SWAP_H
#define DBAG_FOLDER_SWAP_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>

/// Exchanges two existing paths atomically (renameat2 RENAME_EXCHANGE).
static inline int dbag_exchange(const char *a, const char *b) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 1u << 1);
}

/// Renames `from` to `to`, failing with EEXIST when `to` exists (RENAME_NOREPLACE).
static inline int dbag_rename_new(const char *from, const char *to) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1u << 0);
}
#elif defined(__APPLE__)
/// Exchanges two existing paths atomically (renamex_np RENAME_SWAP).
static inline int dbag_exchange(const char *a, const char *b) {
    return renamex_np(a, b, RENAME_SWAP);
}

/// Renames `from` to `to`, failing with EEXIST when `to` exists (RENAME_EXCL).
static inline int dbag_rename_new(const char *from, const char *to) {
    return renamex_np(from, to, RENAME_EXCL);
}
#endif

#endif
