/*
 * acctplan never connects to a network: it reads and writes a local repository, and teams
 * share the workspace with git itself. Debian's libgit2 is built with mbedTLS and, inside
 * git_libgit2_init(), parses every certificate of the system's CA bundle (about 140
 * certificates, base64-decoded one by one) — 5 ms of every process that opens a repository,
 * more than half of what `acctplan textconv` or a small `diff` spends in libgit2 (measured,
 * docs/performance.md, "Issue 17, third round").
 *
 * These two definitions take the place of mbedTLS's loaders and load nothing: libgit2 and
 * mbedTLS are linked statically, and the linker's `--wrap` (Package.swift) sends libgit2's calls
 * of mbedtls_x509_crt_parse_file and _path to the `__wrap_` functions below. Were a TLS connection ever attempted, it would have no trusted certificate and
 * fail verification: the change fails closed. Nothing else in the process uses mbedTLS.
 */
#include <stdatomic.h>

#include "CGitOffline.h"

static atomic_int load_requests;

int __wrap_mbedtls_x509_crt_parse_file(void *chain, const char *path);
int __wrap_mbedtls_x509_crt_parse_path(void *chain, const char *path);

int __wrap_mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    (void)chain;
    (void)path;
    atomic_fetch_add(&load_requests, 1);
    return 0;
}

int __wrap_mbedtls_x509_crt_parse_path(void *chain, const char *path) {
    (void)chain;
    (void)path;
    atomic_fetch_add(&load_requests, 1);
    return 0;
}

int acctplan_certificate_load_requests(void) {
    return atomic_load(&load_requests);
}
