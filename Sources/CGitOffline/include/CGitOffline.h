#ifndef ACCTPLAN_CGITOFFLINE_H
#define ACCTPLAN_CGITOFFLINE_H

/* How many times libgit2 asked to set TLS or SSH up since the process started (each such request
   is answered by setting nothing up: see offline_network.c). */
int acctplan_network_setup_requests(void);

/* Between begin and end, the object-id checks of the objects this thread reads use plain SHA-1
   (OpenSSL) instead of libgit2's SHA-1 with collision detection (read_check_sha1.c says why).
   Nested brackets count; every hash begun outside a bracket is libgit2's own. */
void acctplan_git_plain_read_check_begin(void);
void acctplan_git_plain_read_check_end(void);
/* How many hashes the calling thread finished with plain SHA-1 (object-id checks, and the checksums
   of the index or a pack index read inside a bracket); for tests. */
long acctplan_git_plain_read_check_count(void);

/* How many objects libdeflate inflated whole in this process (inflate_whole.c); for tests. */
long acctplan_git_whole_inflations(void);

#endif
