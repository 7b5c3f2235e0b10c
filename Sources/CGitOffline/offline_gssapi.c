/*
 * libgit2 is linked statically (Package.swift says why), and Debian ships no static Kerberos
 * library. libgit2 calls GSSAPI only to answer an HTTP server's "Negotiate" authentication
 * challenge, and acctplan never connects to a network (offline_certificates.c). These stand in
 * for the nine symbols libgit2 names; each fails, so were Negotiate ever attempted it would be
 * refused, not faked: the change fails closed, like the certificate loaders.
 */
#include <stddef.h>

typedef unsigned int acctplan_gss_status;

/* GSS_S_FAILURE: a routine error, "unspecified at the GSS-API level" (RFC 2744, 3.9.1). */
#define ACCTPLAN_GSS_FAILURE (13u << 16)

void *GSS_C_NT_HOSTBASED_SERVICE = NULL;

static acctplan_gss_status fail(acctplan_gss_status *minor) {
    if (minor) *minor = 0;
    return ACCTPLAN_GSS_FAILURE;
}

acctplan_gss_status gss_import_name(acctplan_gss_status *minor, void *name_buffer, void *name_type, void *name) {
    (void)name_buffer; (void)name_type; (void)name;
    return fail(minor);
}

acctplan_gss_status gss_init_sec_context(acctplan_gss_status *minor, void *credential, void *context, void *target,
                                         void *mechanism, acctplan_gss_status flags, acctplan_gss_status lifetime,
                                         void *bindings, void *input, void *actual_mechanism, void *output,
                                         acctplan_gss_status *returned_flags, acctplan_gss_status *returned_lifetime) {
    (void)credential; (void)context; (void)target; (void)mechanism; (void)flags; (void)lifetime;
    (void)bindings; (void)input; (void)actual_mechanism; (void)output; (void)returned_flags; (void)returned_lifetime;
    return fail(minor);
}

acctplan_gss_status gss_indicate_mechs(acctplan_gss_status *minor, void *mechanisms) {
    (void)mechanisms;
    return fail(minor);
}

acctplan_gss_status gss_display_status(acctplan_gss_status *minor, acctplan_gss_status status, int type, void *mechanism,
                                       acctplan_gss_status *context, void *text) {
    (void)status; (void)type; (void)mechanism; (void)context; (void)text;
    return fail(minor);
}

/* Releasing what was never made succeeds: libgit2 releases on its cleanup paths. */
static acctplan_gss_status succeed(acctplan_gss_status *minor) {
    if (minor) *minor = 0;
    return 0;
}

acctplan_gss_status gss_delete_sec_context(acctplan_gss_status *minor, void *context, void *output) {
    (void)context; (void)output;
    return succeed(minor);
}

acctplan_gss_status gss_release_buffer(acctplan_gss_status *minor, void *buffer) {
    (void)buffer;
    return succeed(minor);
}

acctplan_gss_status gss_release_name(acctplan_gss_status *minor, void *name) {
    (void)name;
    return succeed(minor);
}

acctplan_gss_status gss_release_oid_set(acctplan_gss_status *minor, void *set) {
    (void)set;
    return succeed(minor);
}
