/* The one call Swift's Glibc module does not declare (it needs _GNU_SOURCE): used by
   AtomicFile to replace a plan and see, after the fact, exactly what it replaced. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#include "CRenameExchange.h"

int acctplan_rename_exchange(const char *first, const char *second) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}
