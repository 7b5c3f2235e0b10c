/*
 * Objects are inflated whole by libdeflate instead of zlib's streaming inflate: packed ones as
 * below, loose ones further down.
 *
 * libgit2 inflates an object from a pack in one call when the object's compressed bytes lie in
 * one mapped window of the pack (every pack under 1 GiB on a 64-bit machine): packfile_unpack_
 * compressed gives git_zstream_get_output_chunk the rest of the window as input and a buffer of
 * exactly the object's size as output. zlib inflates that as a stream, building its Huffman
 * tables for every object; libdeflate inflates a whole buffer at once, about twice as fast, and
 * checks the same Adler-32. Inflating was a sixth of a 100-plan `diff`'s CPU, about what git
 * itself spends (docs/performance.md, "Issue 17, eleventh round").
 *
 * The linker's `--wrap` (Package.swift) sends libgit2's calls of git_zstream_set_input and
 * git_zstream_get_output_chunk here. A call is answered by libdeflate only when all of these hold:
 *   - libgit2 is 1.5, whose git_zstream (src/util/zstream.h, not installed) is mirrored below,
 *     and every git_zstream_set_input so far stored its input where the mirror says (checked
 *     against the arguments at every call: one mismatch and libdeflate is never used again);
 *   - the stream inflates and has not started (zlib has taken no input and given no output);
 *   - the output buffer is larger than 64 bytes: a loose object's first read takes its 64-byte
 *     header and a pack stream reads a delta's header 16 bytes at a time, parts of a stream that
 *     only zlib can give;
 *   - libdeflate inflates a complete zlib stream from the input into the buffer, its checksum
 *     right.
 * Otherwise — a stream cut by the window's end, a buffer too small, damaged bytes — the call goes
 * to zlib as before, on a stream libdeflate has not touched, so what libgit2 returns (its data or
 * its error) is what it always returned. On success the stream is left as zlib leaves a finished
 * one: the input advanced past what was used and the stream at its end.
 *
 * Loose objects go the same way. libgit2 reads one (odb_loose.c, read_loose_standard) in two
 * calls of git_zstream_get_output: its 64-byte header, then exactly the rest. The first call on
 * a fresh stream inflates the whole file with libdeflate into a buffer of this thread's, gives
 * the header from it, and the calls that follow on the same stream are given the rest from that
 * buffer; the stream is marked ended when the last byte is given, as zlib marks it, so the
 * caller's own checks (trailing garbage, a stream cut short, a size that does not match) see
 * what they saw with zlib. An object libdeflate refuses (damaged, or larger than 64 MiB
 * inflated) is read by zlib from the start: the stream is untouched until libdeflate succeeded.
 * git_zstream_free forgets the buffer's stream.
 *
 * Everything libgit2 deflates (objects acctplan writes) is not affected.
 */
#include <git2/errors.h>
#include <git2/version.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "CGitOffline.h"

#if LIBGIT2_VER_MAJOR == 1 && LIBGIT2_VER_MINOR == 5
#define INFLATE_WHOLE_KNOWS_LAYOUT 1
#else
#define INFLATE_WHOLE_KNOWS_LAYOUT 0
#endif

/* libgit2 1.5's git_zstream. */
typedef struct {
    z_stream z;
    int type; /* git_zstream_t: 0 inflates, 1 deflates */
    const char *in;
    size_t in_len;
    int flush;
    int zerr;
} mirrored_zstream;

enum { mirrored_inflate = 0, largest_partial_read = 64 };

int __real_git_zstream_set_input(mirrored_zstream *zstream, const void *in, size_t in_len);
int __real_git_zstream_get_output_chunk(void *out, size_t *out_len, mirrored_zstream *zstream);
int __real_git_zstream_get_output(void *out, size_t *out_len, mirrored_zstream *zstream);
void __real_git_zstream_free(mirrored_zstream *zstream);
int __wrap_git_zstream_set_input(mirrored_zstream *zstream, const void *in, size_t in_len);
int __wrap_git_zstream_get_output_chunk(void *out, size_t *out_len, mirrored_zstream *zstream);
int __wrap_git_zstream_get_output(void *out, size_t *out_len, mirrored_zstream *zstream);
void __wrap_git_zstream_free(mirrored_zstream *zstream);

/* 1: every git_zstream_set_input matched the mirror; -1: one did not (sticky); 0: none seen. */
static atomic_int layout;
static atomic_long whole_inflations;

int __wrap_git_zstream_set_input(mirrored_zstream *zstream, const void *in, size_t in_len) {
    int result = __real_git_zstream_set_input(zstream, in, in_len);
    if (INFLATE_WHOLE_KNOWS_LAYOUT && result == 0 && atomic_load_explicit(&layout, memory_order_relaxed) >= 0) {
        int matches = zstream != NULL && zstream->in == (const char *)in && zstream->in_len == in_len
            && zstream->zerr == Z_OK && (zstream->type == 0 || zstream->type == 1);
        atomic_store_explicit(&layout, matches ? 1 : -1, memory_order_relaxed);
    }
    return result;
}

static pthread_key_t decompressor_key;
static pthread_once_t decompressor_key_once = PTHREAD_ONCE_INIT;
static int decompressor_key_made;

static void free_inflated_ahead(void);

/* At a thread's end: its decompressor, and the buffer of loose objects it inflated (made only
   after the decompressor, so freed with it). */
static void free_decompressor(void *decompressor) {
    libdeflate_free_decompressor(decompressor);
    free_inflated_ahead();
}

static void make_decompressor_key(void) {
    decompressor_key_made = pthread_key_create(&decompressor_key, free_decompressor) == 0;
}

/* This thread's decompressor (a libdeflate decompressor is not shared between threads), freed
   when the thread ends; NULL when none could be made. */
static struct libdeflate_decompressor *decompressor(void) {
    pthread_once(&decompressor_key_once, make_decompressor_key);
    if (!decompressor_key_made) return NULL;
    struct libdeflate_decompressor *result = pthread_getspecific(decompressor_key);
    if (result == NULL) {
        result = libdeflate_alloc_decompressor();
        if (result != NULL && pthread_setspecific(decompressor_key, result) != 0) {
            libdeflate_free_decompressor(result);
            result = NULL;
        }
    }
    return result;
}

int __wrap_git_zstream_get_output_chunk(void *out, size_t *out_len, mirrored_zstream *zstream) {
    if (INFLATE_WHOLE_KNOWS_LAYOUT && atomic_load_explicit(&layout, memory_order_relaxed) == 1
        && zstream != NULL && out != NULL && out_len != NULL && zstream->type == mirrored_inflate
        && zstream->z.total_in == 0 && zstream->z.total_out == 0 && zstream->in != NULL
        && zstream->in_len > 0 && *out_len > largest_partial_read) {
        struct libdeflate_decompressor *whole = decompressor();
        size_t used = 0, produced = 0;
        if (whole != NULL
            && libdeflate_zlib_decompress_ex(whole, zstream->in, zstream->in_len, out, *out_len, &used, &produced)
                   == LIBDEFLATE_SUCCESS) {
            zstream->in += used;
            zstream->in_len -= used;
            zstream->z.total_in = (uLong)used;
            zstream->z.total_out = (uLong)produced;
            zstream->flush = Z_FINISH; /* as zlib's call sets it, for git_zstream_get_output's check */
            zstream->zerr = Z_STREAM_END;
            *out_len = produced;
            atomic_fetch_add_explicit(&whole_inflations, 1, memory_order_relaxed);
            return 0;
        }
    }
    return __real_git_zstream_get_output_chunk(out, out_len, zstream);
}

long acctplan_git_whole_inflations(void) { return atomic_load_explicit(&whole_inflations, memory_order_relaxed); }

/* A stream inflated whole ahead of its reader: `inflated` holds `produced` bytes, of which
   `given` went out; `used` compressed bytes made them. One per thread: libgit2 reads a loose
   object from start to end in one function, and a loose read stream that interleaves with
   another read is inflated again where it stopped (total_out, below). */
static _Thread_local struct {
    mirrored_zstream *stream;
    const char *in;
    unsigned char *inflated;
    size_t capacity, produced, given, used;
} ahead;

enum { largest_whole_object = 64 << 20, kept_capacity = 1 << 20 };

static void free_inflated_ahead(void) {
    free(ahead.inflated);
    ahead.inflated = NULL;
    ahead.capacity = 0;
    ahead.stream = NULL;
}

static void forget_ahead(void) {
    ahead.stream = NULL;
    ahead.in = NULL;
    ahead.produced = ahead.given = ahead.used = 0;
    if (ahead.capacity > kept_capacity) {
        free(ahead.inflated);
        ahead.inflated = NULL;
        ahead.capacity = 0;
    }
}

/* Inflates the whole of a fresh stream's input into `ahead`; 0 when libdeflate cannot. */
static int inflate_ahead(mirrored_zstream *zstream) {
    struct libdeflate_decompressor *whole = decompressor();
    if (whole == NULL) return 0;
    size_t want = zstream->in_len < (SIZE_MAX >> 3) ? zstream->in_len * 4 : largest_whole_object;
    if (want < 4096) want = 4096;
    for (;;) {
        if (want > largest_whole_object) want = largest_whole_object;
        if (ahead.capacity < want) {
            unsigned char *grown = realloc(ahead.inflated, want);
            if (grown == NULL) return 0;
            ahead.inflated = grown;
            ahead.capacity = want;
        }
        size_t used = 0, produced = 0;
        enum libdeflate_result result = libdeflate_zlib_decompress_ex(whole, zstream->in, zstream->in_len, ahead.inflated,
                                                                      ahead.capacity, &used, &produced);
        if (result == LIBDEFLATE_SUCCESS) {
            ahead.stream = zstream;
            ahead.in = zstream->in;
            ahead.produced = produced;
            ahead.given = 0;
            ahead.used = used;
            return 1;
        }
        if (result != LIBDEFLATE_INSUFFICIENT_SPACE || ahead.capacity >= largest_whole_object) return 0;
        want = ahead.capacity * 4;
    }
}

int __wrap_git_zstream_get_output(void *out, size_t *out_len, mirrored_zstream *zstream) {
    /* A stream this file began serving whose buffer went to another stream meanwhile (libgit2's
       loose read streams interleave): its input is where it was (it advances only at the end)
       and total_out says how much was given, so it is inflated again and served from there. */
    if (INFLATE_WHOLE_KNOWS_LAYOUT && zstream != NULL && zstream->type == mirrored_inflate && zstream->zerr == Z_OK
        && zstream->z.total_in == 0 && zstream->z.total_out != 0
        && !(ahead.stream == zstream && ahead.in == zstream->in)) {
        size_t given = (size_t)zstream->z.total_out;
        forget_ahead();
        if (!inflate_ahead(zstream) || given > ahead.produced) {
            forget_ahead();
            git_error_set_str(GIT_ERROR_ZLIB, "an object could not be inflated again");
            return -1;
        }
        ahead.given = given;
    }
    if (ahead.stream != NULL && ahead.stream == zstream && ahead.in == zstream->in && out != NULL && out_len != NULL) {
        size_t count = ahead.produced - ahead.given;
        if (count > *out_len) count = *out_len;
        memcpy(out, ahead.inflated + ahead.given, count);
        ahead.given += count;
        zstream->z.total_out = (uLong)ahead.given;
        *out_len = count;
        if (ahead.given == ahead.produced) {
            zstream->in += ahead.used;
            zstream->in_len -= ahead.used;
            zstream->z.total_in = (uLong)ahead.used;
            zstream->flush = Z_FINISH;
            zstream->zerr = Z_STREAM_END;
            forget_ahead();
        }
        return 0;
    }
    if (INFLATE_WHOLE_KNOWS_LAYOUT && atomic_load_explicit(&layout, memory_order_relaxed) == 1
        && zstream != NULL && out != NULL && out_len != NULL && zstream->type == mirrored_inflate
        && zstream->zerr == Z_OK && zstream->z.total_in == 0 && zstream->z.total_out == 0
        && zstream->in != NULL && zstream->in_len > 0) {
        forget_ahead();
        if (inflate_ahead(zstream)) {
            atomic_fetch_add_explicit(&whole_inflations, 1, memory_order_relaxed);
            return __wrap_git_zstream_get_output(out, out_len, zstream);
        }
    }
    return __real_git_zstream_get_output(out, out_len, zstream);
}

void __wrap_git_zstream_free(mirrored_zstream *zstream) {
    if (ahead.stream == zstream) forget_ahead();
    __real_git_zstream_free(zstream);
}
