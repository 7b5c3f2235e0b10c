#ifndef ACCTPLAN_CRENAMEEXCHANGE_H
#define ACCTPLAN_CRENAMEEXCHANGE_H

/* Swaps the two paths atomically (Linux renameat2 with RENAME_EXCHANGE): afterwards each name
   holds what the other held. 0 on success; -1 with errno set otherwise (EINVAL or ENOSYS where
   the file system or kernel cannot exchange: the caller renames instead). */
int acctplan_rename_exchange(const char *first, const char *second);

#endif
