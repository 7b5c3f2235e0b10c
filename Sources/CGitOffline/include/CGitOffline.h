#ifndef ACCTPLAN_CGITOFFLINE_H
#define ACCTPLAN_CGITOFFLINE_H

/* How many times libgit2 asked to load CA certificates since the process started (each such
   request is answered by loading nothing: see offline_certificates.c). */
int acctplan_certificate_load_requests(void);

#endif
