/*
 * acctplan never connects to a network: it reads and writes a local repository, and teams
 * share the workspace with git itself. Debian's libgit2 is built with mbedTLS, and inside
 * git_libgit2_init() it sets TLS up: it parsed every certificate of the system's CA bundle (5 ms
 * of every process that opens a repository; docs/performance.md, "Issue 17, third round") and
 * seeds a random generator from the CPU's clock (HAVEGE: ~0.35 ms, a twentieth of a small `diff`;
 * "Issue 17, tenth round"). It also starts libssh2, which starts OpenSSL (its algorithm and error
 * tables, and their teardown at exit: ~0.25 ms).
 *
 * The linker's `--wrap` (Package.swift) sends libgit2's calls below to these `__wrap_` functions
 * instead: neither TLS nor SSH is set up at all, and every attempt to open a TLS stream, to name a
 * certificate location or to open an SSH transport fails with an error. Were an `https://` or
 * `ssh://` remote ever used, it would be refused, not attempted: the change fails closed. Nothing
 * else in the process uses mbedTLS or libssh2; OpenSSL's SHA-1 (read_check_sha1.c) needs no
 * set-up.
 */
#include <git2/errors.h>
#include <stdatomic.h>
#include <stddef.h>

#include "CGitOffline.h"

static atomic_int setup_requests;

static const char refusal[] = "acctplan does not use the network: TLS is not available";
static const char ssh_refusal[] = "acctplan does not use the network: SSH is not available";

int __wrap_git_mbedtls_stream_global_init(void);
int __wrap_git_mbedtls_stream_new(void **out, const char *host, const char *port);
int __wrap_git_mbedtls_stream_wrap(void **out, void *in, const char *host);
int __wrap_git_mbedtls__set_cert_location(const char *file, const char *path);
int __wrap_git_transport_ssh_global_init(void);
int __wrap_git_smart_subtransport_ssh(void **out, void *owner, void *param);

int __wrap_git_mbedtls_stream_global_init(void) {
    atomic_fetch_add(&setup_requests, 1);
    return 0;
}

int __wrap_git_mbedtls_stream_new(void **out, const char *host, const char *port) {
    (void)host;
    (void)port;
    if (out) *out = NULL;
    git_error_set_str(GIT_ERROR_SSL, refusal);
    return -1;
}

int __wrap_git_mbedtls_stream_wrap(void **out, void *in, const char *host) {
    (void)in;
    (void)host;
    if (out) *out = NULL;
    git_error_set_str(GIT_ERROR_SSL, refusal);
    return -1;
}

int __wrap_git_mbedtls__set_cert_location(const char *file, const char *path) {
    (void)file;
    (void)path;
    git_error_set_str(GIT_ERROR_SSL, refusal);
    return -1;
}

int __wrap_git_transport_ssh_global_init(void) {
    atomic_fetch_add(&setup_requests, 1);
    return 0;
}

int __wrap_git_smart_subtransport_ssh(void **out, void *owner, void *param) {
    (void)owner;
    (void)param;
    if (out) *out = NULL;
    git_error_set_str(GIT_ERROR_SSH, ssh_refusal);
    return -1;
}

int acctplan_network_setup_requests(void) {
    return atomic_load(&setup_requests);
}
