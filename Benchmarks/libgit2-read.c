/*
 * The floor under `acctplan diff OLD NEW`: what libgit2 alone spends reading the objects such a
 * diff must read, on one thread, with nothing parsed or compared. It walks the two trees as
 * acctplan's tree comparison does (equal tree ids are skipped, changed folders entered) and
 * reads both blobs of every changed file. `Benchmarks/run-diff.sh` builds it and times it beside
 * `acctplan diff` and `git diff --stat`; it is a measuring stick, not part of acctplan.
 *
 *     cc -O2 -o libgit2-read Benchmarks/libgit2-read.c -lgit2
 *     ./libgit2-read OLD NEW      # in the repository; prints how many files and objects it read
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>

/* As in acctplan (Sources/CGitOffline): libgit2's start-up parses no CA certificate. */
int mbedtls_x509_crt_parse_file(void *chain, const char *path) { (void)chain, (void)path; return 0; }
int mbedtls_x509_crt_parse_path(void *chain, const char *path) { (void)chain, (void)path; return 0; }

static git_repository *repository;
static long files, objects;

static void fail(const char *what) {
    const git_error *error = git_error_last();
    fprintf(stderr, "libgit2-read: %s: %s\n", what, error && error->message ? error->message : "failed");
    exit(2);
}

static void read_blob(const git_oid *id) {
    git_blob *blob;
    if (git_blob_lookup(&blob, repository, id) != 0) fail("git_blob_lookup");
    objects++;
    git_blob_free(blob);
}

static void compare(const git_oid *old_id, const git_oid *new_id);

/* One side of a changed entry: a folder that is only on one side is read whole. */
static void one_side(const git_tree_entry *entry, int old_side) {
    if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
        if (old_side) compare(git_tree_entry_id(entry), NULL); else compare(NULL, git_tree_entry_id(entry));
    } else if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
        files++;
        read_blob(git_tree_entry_id(entry));
    }
}

static void compare(const git_oid *old_id, const git_oid *new_id) {
    git_tree *old_tree = NULL, *new_tree = NULL;
    if (old_id && new_id && git_oid_equal(old_id, new_id)) return;
    if (old_id && git_tree_lookup(&old_tree, repository, old_id) != 0) fail("git_tree_lookup");
    if (new_id && git_tree_lookup(&new_tree, repository, new_id) != 0) fail("git_tree_lookup");
    objects += (old_tree != NULL) + (new_tree != NULL);
    size_t old_count = old_tree ? git_tree_entrycount(old_tree) : 0, new_count = new_tree ? git_tree_entrycount(new_tree) : 0;
    size_t i = 0, j = 0;
    while (i < old_count || j < new_count) {
        const git_tree_entry *x = i < old_count ? git_tree_entry_byindex(old_tree, i) : NULL;
        const git_tree_entry *y = j < new_count ? git_tree_entry_byindex(new_tree, j) : NULL;
        int order = !x ? 1 : !y ? -1 : git_tree_entry_cmp(x, y);
        if (order < 0) { one_side(x, 1); i++; continue; }
        if (order > 0) { one_side(y, 0); j++; continue; }
        i++, j++;
        if (git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y))) continue;
        if (git_tree_entry_type(x) == GIT_OBJECT_TREE && git_tree_entry_type(y) == GIT_OBJECT_TREE) {
            compare(git_tree_entry_id(x), git_tree_entry_id(y));
        } else {
            one_side(x, 1);
            one_side(y, 0);
            files--; /* a changed file, counted once */
        }
    }
    git_tree_free(old_tree);
    git_tree_free(new_tree);
}

static void tree_of(const char *revision, git_oid *tree) {
    git_object *commit;
    if (git_revparse_single(&commit, repository, revision) != 0) fail(revision);
    git_tree *peeled;
    if (git_object_peel((git_object **)&peeled, commit, GIT_OBJECT_TREE) != 0) fail("git_object_peel");
    git_oid_cpy(tree, git_tree_id(peeled));
    git_tree_free(peeled);
    git_object_free(commit);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: libgit2-read OLD NEW (in a git repository)\n");
        return 2;
    }
    git_libgit2_init();
    if (git_repository_open_ext(&repository, ".", 0, NULL) != 0) fail("git_repository_open_ext");
    git_oid old_tree, new_tree;
    tree_of(argv[1], &old_tree);
    tree_of(argv[2], &new_tree);
    compare(&old_tree, &new_tree);
    printf("%ld files changed, %ld objects read\n", files, objects);
    git_repository_free(repository);
    git_libgit2_shutdown();
    return 0;
}
