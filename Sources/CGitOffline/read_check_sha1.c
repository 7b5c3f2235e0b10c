/*
 * Every object libgit2 reads is checked against its id (strict hash verification, set in
 * PlanGit's GitError.swift): zlib's checksum covers only one compressed object's bytes, so a
 * damaged pack index leads to another object's intact bytes, which only the id check refuses.
 *
 * Debian's libgit2 hashes with SHA-1DC, SHA-1 with collision detection, about five times the
 * cost of the plain SHA-1 that OpenSSL computes with the CPU's SHA instructions — a tenth of a
 * `diff`'s CPU went to that check (docs/performance.md, "Issue 17, tenth round"). Detecting a
 * crafted collision protects what a repository *records*: an id given to new content, which git
 * checks when it takes objects in. The check on reading asks whether these bytes are the object
 * with this id — damage, a pack index pointing elsewhere — and the plain hash answers that as
 * well. What it no longer does is refuse a SHAttered-style colliding object already in the
 * repository; git itself does not check objects on reading at all.
 *
 * So: while a thread is inside acctplan_git_plain_read_check_begin/_end (PlanGit brackets its
 * object lookups with them), the hashes that thread starts are plain SHA-1 (OpenSSL). Everything
 * else — objects, trees and commits that acctplan writes, and every hash begun outside such a
 * bracket — is left to libgit2's SHA-1DC. The linker's `--wrap` (Package.swift) sends libgit2's
 * calls of its five SHA-1 functions here; hash.c is their only caller.
 *
 * A plain hash keeps its OpenSSL state in a small per-thread table of the contexts this thread
 * began plainly, never in libgit2's context (whatever its backend keeps there is left alone); a
 * context not in the table is libgit2's. The table is updated at every begin, so a context's
 * memory reused for another hash is never mistaken, and a full table falls back to libgit2.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <git2/errors.h>
#include <openssl/sha.h>
#include <stddef.h>

#include "CGitOffline.h"

struct git_hash_sha1_ctx;

int __real_git_hash_sha1_ctx_init(struct git_hash_sha1_ctx *ctx);
void __real_git_hash_sha1_ctx_cleanup(struct git_hash_sha1_ctx *ctx);
int __real_git_hash_sha1_init(struct git_hash_sha1_ctx *ctx);
int __real_git_hash_sha1_update(struct git_hash_sha1_ctx *ctx, const void *data, size_t len);
int __real_git_hash_sha1_final(unsigned char *out, struct git_hash_sha1_ctx *ctx);

int __wrap_git_hash_sha1_ctx_init(struct git_hash_sha1_ctx *ctx);
void __wrap_git_hash_sha1_ctx_cleanup(struct git_hash_sha1_ctx *ctx);
int __wrap_git_hash_sha1_init(struct git_hash_sha1_ctx *ctx);
int __wrap_git_hash_sha1_update(struct git_hash_sha1_ctx *ctx, const void *data, size_t len);
int __wrap_git_hash_sha1_final(unsigned char *out, struct git_hash_sha1_ctx *ctx);

enum { plain_slots = 4 };

static _Thread_local int read_check_depth;
static _Thread_local struct git_hash_sha1_ctx *plain_contexts[plain_slots];
static _Thread_local SHA_CTX plain_states[plain_slots];
static _Thread_local long plain_hashes;

void acctplan_git_plain_read_check_begin(void) { read_check_depth += 1; }

void acctplan_git_plain_read_check_end(void) {
    if (read_check_depth > 0) read_check_depth -= 1;
}

long acctplan_git_plain_read_check_count(void) { return plain_hashes; }

static int plain_slot(const struct git_hash_sha1_ctx *ctx) {
    if (ctx == NULL) return -1;
    for (int slot = 0; slot < plain_slots; slot++)
        if (plain_contexts[slot] == ctx) return slot;
    return -1;
}

static void forget(const struct git_hash_sha1_ctx *ctx) {
    int slot = plain_slot(ctx);
    if (slot >= 0) plain_contexts[slot] = NULL;
}

/* Begins a plain hash in `ctx` when this thread is inside a read check and has a free slot. */
static int began_plainly(struct git_hash_sha1_ctx *ctx) {
    if (ctx == NULL) return 0;
    forget(ctx);
    if (read_check_depth == 0) return 0;
    int slot = -1;
    for (int free = 0; free < plain_slots && slot < 0; free++)
        if (plain_contexts[free] == NULL) slot = free;
    if (slot < 0 || SHA1_Init(&plain_states[slot]) != 1) return 0;
    plain_contexts[slot] = ctx;
    return 1;
}

static int failed(void) {
    git_error_set_str(GIT_ERROR_SHA, "plain SHA-1 failed");
    return -1;
}

/* libgit2's own context is always set up and cleaned up, so that its cleanup finds what its
   set-up made whichever kind of hash ran in between. */
int __wrap_git_hash_sha1_ctx_init(struct git_hash_sha1_ctx *ctx) {
    int error = __real_git_hash_sha1_ctx_init(ctx);
    if (error == 0) began_plainly(ctx);
    return error;
}

int __wrap_git_hash_sha1_init(struct git_hash_sha1_ctx *ctx) {
    return began_plainly(ctx) ? 0 : __real_git_hash_sha1_init(ctx);
}

int __wrap_git_hash_sha1_update(struct git_hash_sha1_ctx *ctx, const void *data, size_t len) {
    int slot = plain_slot(ctx);
    if (slot < 0) return __real_git_hash_sha1_update(ctx, data, len);
    return SHA1_Update(&plain_states[slot], data, len) == 1 ? 0 : failed();
}

int __wrap_git_hash_sha1_final(unsigned char *out, struct git_hash_sha1_ctx *ctx) {
    int slot = plain_slot(ctx);
    if (slot < 0) return __real_git_hash_sha1_final(out, ctx);
    plain_contexts[slot] = NULL;
    plain_hashes += 1;
    return SHA1_Final(out, &plain_states[slot]) == 1 ? 0 : failed();
}

void __wrap_git_hash_sha1_ctx_cleanup(struct git_hash_sha1_ctx *ctx) {
    forget(ctx);
    __real_git_hash_sha1_ctx_cleanup(ctx);
}
