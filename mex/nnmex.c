/* Shared argument checking for the nnlab MEX gateways. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#include <stdlib.h>
#endif
#include "nnmex.h"

/* The C library's heap, set once per process (every gateway passes here
 * first).  glibc maps each block of more than a few megabytes with its own
 * mmap and, when a freed block leaves more than twice that free at the top
 * of the heap, gives it back to the system: a training step that makes and
 * frees tens of megabytes of activations then pays page faults for every
 * page of them, every step (a CNN step ran 3.3x slower for it, see
 * NEWS).  nnlab keeps blocks up to 64 MB in the heap and up to 256 MB of
 * free heap for the next step.  MALLOC_MMAP_THRESHOLD_ or
 * MALLOC_TRIM_THRESHOLD_ in the environment (the user's own choice) wins. */
static void heap_setup(void)
{
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    static int done = 0;
    if (done)
        return;
    done = 1;
    if (getenv("MALLOC_MMAP_THRESHOLD_") != NULL ||
        getenv("MALLOC_TRIM_THRESHOLD_") != NULL)
        return;
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

void nnm_error(const char *fn, const char *what, const char *fmt, ...)
{
    char id[128], msg[1024];
    va_list ap;
    snprintf(id, sizeof id, "nnlab:%s:%s", fn, what);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mexErrMsgIdAndTxt(id, "%s", msg);
}

void nnm_check_counts(const char *fn, int nlhs, int maxout, int nrhs,
                      int lo, int hi, const char *usage)
{
    heap_setup();
    if (nrhs < lo || nrhs > hi) {
        if (lo == hi)
            nnm_error(fn, "nargin", "takes %d inputs, but was given %d. Usage: %s",
                      lo, nrhs, usage);
        nnm_error(fn, "nargin", "takes %d to %d inputs, but was given %d. Usage: %s",
                  lo, hi, nrhs, usage);
    }
    if (nlhs > maxout)
        nnm_error(fn, "nargout", "returns at most %d output%s, but %d were asked for. Usage: %s",
                  maxout, maxout == 1 ? "" : "s", nlhs, usage);
}

const char *nnm_describe(const mxArray *a, char *buf, size_t len)
{
    mwSize nd = mxGetNumberOfDimensions(a), i;
    const mwSize *d = mxGetDimensions(a);
    size_t pos = 0;
    buf[0] = '\0';
    for (i = 0; i < nd && pos + 24 < len; i++)
        pos += (size_t)snprintf(buf + pos, len - pos, i ? "x%lu" : "%lu",
                                (unsigned long)d[i]);
    snprintf(buf + pos, len - pos, " %s%s%s",
             mxIsSparse(a) ? "sparse " : "",
             mxIsComplex(a) ? "complex " : "", mxGetClassName(a));
    return buf;
}

void nnm_check_matrix(const char *fn, const mxArray *a, const char *name)
{
    char d[96];
    if (!(mxIsDouble(a) || mxIsSingle(a)))
        nnm_error(fn, "class", "%s must be a single or double matrix, but it is %s",
                  name, nnm_describe(a, d, sizeof d));
    if (mxIsSparse(a))
        nnm_error(fn, "sparse", "%s must be a full matrix, but it is sparse; use full(%s)",
                  name, name);
    if (mxIsComplex(a))
        nnm_error(fn, "complex", "%s must be real, but it is complex; use real(%s)",
                  name, name);
    if (mxGetNumberOfDimensions(a) != 2)
        nnm_error(fn, "size", "%s must be a 2-D matrix, but it is %s",
                  name, nnm_describe(a, d, sizeof d));
}

void nnm_check_same_class(const char *fn, const mxArray *a, const char *name,
                          const mxArray *like, const char *likename)
{
    nnm_check_matrix(fn, a, name);
    if (mxGetClassID(a) != mxGetClassID(like))
        nnm_error(fn, "mixedClass",
                  "%s is %s but %s is %s; convert one, e.g. with single() or double()",
                  name, mxGetClassName(a), likename, mxGetClassName(like));
}

int nnm_is_empty_placeholder(const mxArray *a)
{
    /* sizes first: Octave 7 leaks the dimension array that
     * mxGetNumberOfDimensions makes for a struct (16 bytes per nn_step call) */
    return mxGetM(a) == 0 && mxGetN(a) == 0 && mxGetNumberOfDimensions(a) == 2 &&
           (mxIsNumeric(a) || mxIsChar(a) || mxIsLogical(a) || mxIsCell(a));
}

char *nnm_string(const mxArray *a)
{
    size_t n = mxGetNumberOfElements(a), len;
    char *s;
    if (!mxIsChar(a) || n > ((size_t)1 << 24))
        return NULL;
    len = 4 * n + 1;            /* room for any multibyte encoding */
    s = (char *)mxMalloc(len);
    if (s != NULL && mxGetString(a, s, len) != 0) {
        mxFree(s);
        s = NULL;
    }
    return s;
}

char *nnm_get_name(const char *fn, const mxArray *a, const char *what)
{
    char d[96], *s, *p;
    if (!mxIsChar(a) || mxGetNumberOfDimensions(a) != 2 || mxGetM(a) != 1)
        nnm_error(fn, "name", "%s must be a string, but it is %s",
                  what, nnm_describe(a, d, sizeof d));
    s = nnm_string(a);
    if (s == NULL)
        nnm_error(fn, "name", "%s could not be read as a string", what);
    for (p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
}

int nnm_window(const char *fn, const char *id, const char *what,
               const mxArray *a, int global_ok, nn_int *k)
{
    const char *forms = global_ok ? "[kh kw], a number, or 'global'" : "[kh kw] or a number";
    char d[96];
    size_t i, n = mxGetNumberOfElements(a);
    k[0] = k[1] = 0;
    if (mxIsChar(a)) {
        char *s = nnm_string(a), *p;
        int ok;
        for (p = s; p != NULL && *p; p++)
            *p = (char)tolower((unsigned char)*p);
        ok = global_ok && s != NULL && strcmp(s, "global") == 0;
        if (!ok)
            nnm_error(fn, id, "%s must be %s, not '%s'", what, forms, s != NULL ? s : "");
        mxFree(s);
        return 1;
    }
    if (!(mxIsDouble(a) || mxIsSingle(a)) || mxIsComplex(a) || mxIsSparse(a) ||
        (n != 1 && n != 2))
        nnm_error(fn, id, "%s must be %s (whole numbers >= 1), but it is %s", what, forms,
                  nnm_describe(a, d, sizeof d));
    for (i = 0; i < 2; i++) {
        size_t j = i < n ? i : 0;
        double v = mxIsDouble(a) ? ((const double *)mxGetData(a))[j]
                                 : (double)((const float *)mxGetData(a))[j];
        if (!(v >= 1 && v <= 2147483647.0) || v != floor(v))
            nnm_error(fn, id, "%s must hold whole numbers from 1 to 2^31-1, but it has %g",
                      what, v);
        k[i] = (nn_int)v;
    }
    return 0;
}

void nnm_options(const char *fn, int nrhs, const mxArray *prhs[], int first,
                 nnm_option_fn set, void *ctx)
{
    int i;
    if ((nrhs - first) % 2 != 0)
        nnm_error(fn, "option", "options come in name/value pairs, but the last "
                  "option name has no value");
    for (i = first; i < nrhs; i += 2) {
        const mxArray *v = prhs[i + 1];
        char *name, msg[512], d[96];
        double *val = NULL;
        char *str = NULL;
        nn_int nval = 0;
        int st;
        if (!mxIsChar(prhs[i]) || mxGetNumberOfDimensions(prhs[i]) != 2 ||
            mxGetM(prhs[i]) != 1)
            nnm_error(fn, "option", "option names must be strings such as 'reduction', "
                      "but argument %d is %s", i + 1, nnm_describe(prhs[i], d, sizeof d));
        name = nnm_get_name(fn, prhs[i], "an option name");
        if (mxIsChar(v)) {
            if (mxGetNumberOfDimensions(v) != 2 || mxGetM(v) > 1)
                nnm_error(fn, "optionValue", "option '%s' got a character matrix; "
                          "give one string", name);
            str = nnm_string(v);
            if (str == NULL)
                str = "";
            else {
                char *p;
                for (p = str; *p; p++)
                    *p = (char)tolower((unsigned char)*p);
            }
        } else if ((mxIsNumeric(v) || mxIsLogical(v)) && !mxIsComplex(v) &&
                   !mxIsSparse(v)) {
            size_t k, n = mxGetNumberOfElements(v);
            if (n > 64)
                nnm_error(fn, "optionValue", "option '%s' takes a number, not %s",
                          name, nnm_describe(v, d, sizeof d));
            val = (double *)mxMalloc((n ? n : 1) * sizeof(double));
            for (k = 0; k < n; k++) {
                switch (mxGetClassID(v)) {
                case mxDOUBLE_CLASS: val[k] = ((const double *)mxGetData(v))[k]; break;
                case mxSINGLE_CLASS: val[k] = ((const float *)mxGetData(v))[k]; break;
                case mxLOGICAL_CLASS: val[k] = ((const mxLogical *)mxGetData(v))[k]; break;
                case mxINT8_CLASS: val[k] = ((const signed char *)mxGetData(v))[k]; break;
                case mxUINT8_CLASS: val[k] = ((const unsigned char *)mxGetData(v))[k]; break;
                case mxINT16_CLASS: val[k] = ((const short *)mxGetData(v))[k]; break;
                case mxUINT16_CLASS: val[k] = ((const unsigned short *)mxGetData(v))[k]; break;
                case mxINT32_CLASS: val[k] = ((const int *)mxGetData(v))[k]; break;
                case mxUINT32_CLASS: val[k] = ((const unsigned int *)mxGetData(v))[k]; break;
                case mxINT64_CLASS: val[k] = (double)((const long long *)mxGetData(v))[k]; break;
                case mxUINT64_CLASS: val[k] = (double)((const unsigned long long *)mxGetData(v))[k]; break;
                default: nnm_error(fn, "optionValue", "option '%s' has a value of "
                                   "an unsupported class", name);
                }
            }
            nval = (nn_int)n;
        } else {
            nnm_error(fn, "optionValue", "option '%s' takes a number or a string, "
                      "not %s", name, nnm_describe(v, d, sizeof d));
        }
        msg[0] = '\0';
        st = set(ctx, name, val, nval, str, msg, sizeof msg);
        if (st == NN_ENAME)
            nnm_error(fn, "option", "%s", msg);
        if (st != NN_OK)
            nnm_error(fn, "optionValue", "%s", msg);
        if (val) mxFree(val);
        mxFree(name);
    }
}

/* Bytes of physical memory (lib's nn_physical_bytes), or a generous fixed
 * bound where it is unknown. */
static double physical_bytes(void)
{
    double b = nn_physical_bytes();
    return b > 0 ? b : 1099511627776.0;     /* 1 TiB */
}

void nnm_check_bytes(const char *fn, nn_int rows, nn_int cols, mxClassID cls,
                     nn_int copies)
{
    const char *cn = cls == mxSINGLE_CLASS ? "single" : "double";
    size_t esz = cls == mxSINGLE_CLASS ? sizeof(float) : sizeof(double);
    char what[128];
    double need, have;
    if (copies > 1)
        snprintf(what, sizeof what, "%ld arrays of %ld x %ld %s", (long)copies,
                 (long)rows, (long)cols, cn);
    else
        snprintf(what, sizeof what, "an output of %ld x %ld %s", (long)rows,
                 (long)cols, cn);
    if (rows < 0 || cols < 0 || copies < 1 ||
        (cols > 0 && (size_t)rows > ((size_t)-1 / 2) / esz / (size_t)cols /
                                    (size_t)copies))
        nnm_error(fn, "tooLarge", "%s %s too large: the size in bytes does "
                  "not fit this machine's address space", what,
                  copies > 1 ? "are" : "is");
    need = (double)rows * (double)cols * (double)esz * (double)copies;
    have = physical_bytes();
    if (need > have)
        nnm_error(fn, "outOfMemory", "out of memory: %s needs %.1f GiB, more "
                  "than the %.1f GiB of memory of this machine", what,
                  need / 1073741824.0, have / 1073741824.0);
}

mxArray *nnm_new_matrix(const char *fn, nn_int rows, nn_int cols, mxClassID cls)
{
    mxArray *a;
    nnm_check_bytes(fn, rows, cols, cls, 1);
    a = mxCreateUninitNumericMatrix((size_t)rows, (size_t)cols, cls, mxREAL);
    if (a == NULL)
        nnm_error(fn, "outOfMemory", "out of memory for a %ld x %ld output",
                  (long)rows, (long)cols);
    return a;
}

void nnm_check_array(const char *fn, const mxArray *a, const char *name,
                     int maxdims, const mxArray *like, const char *likename)
{
    char d[96];
    if (!(mxIsDouble(a) || mxIsSingle(a)))
        nnm_error(fn, "class", "%s must be a single or double array, but it is %s",
                  name, nnm_describe(a, d, sizeof d));
    if (mxIsSparse(a))
        nnm_error(fn, "sparse", "%s must be a full array, but it is sparse; use full(%s)",
                  name, name);
    if (mxIsComplex(a))
        nnm_error(fn, "complex", "%s must be real, but it is complex; use real(%s)",
                  name, name);
    if ((int)mxGetNumberOfDimensions(a) > maxdims)
        nnm_error(fn, "size", "%s must have at most %d dimensions, but it is %s",
                  name, maxdims, nnm_describe(a, d, sizeof d));
    if (like != NULL && mxGetClassID(a) != mxGetClassID(like))
        nnm_error(fn, "mixedClass",
                  "%s is %s but %s is %s; convert one, e.g. with single() or double()",
                  name, mxGetClassName(a), likename, mxGetClassName(like));
}

void nnm_dims(const mxArray *a, int nd, nn_int *d)
{
    int k, have = (int)mxGetNumberOfDimensions(a);
    const mwSize *s = mxGetDimensions(a);
    for (k = 0; k < nd; k++)
        d[k] = k < have ? (nn_int)s[k] : 1;
}

const char *nnm_dims_text(const nn_int *d, int nd, char *buf, size_t len)
{
    size_t pos = 0;
    int k;
    buf[0] = '\0';
    for (k = 0; k < nd && pos + 24 < len; k++)
        pos += (size_t)snprintf(buf + pos, len - pos, k ? "x%ld" : "%ld", (long)d[k]);
    return buf;
}

void nnm_check_dims(const char *fn, const mxArray *a, const char *name, int nd,
                    const nn_int *want, const char *what)
{
    nn_int d[8];
    char t1[160], t2[160];
    int k;
    nd = nd < 8 ? nd : 8;
    nnm_dims(a, nd, d);
    for (k = 0; k < nd; k++)
        if (d[k] != want[k])
            nnm_error(fn, "size", "%s must be %s, %s, but it is %s", name,
                      nnm_dims_text(want, nd, t1, sizeof t1), what,
                      nnm_describe(a, t2, sizeof t2));
}

mxArray *nnm_new_array(const char *fn, int nd, const nn_int *dims, mxClassID cls)
{
    mwSize md[8];
    nn_int cols = 1;
    int k, zero = 0;
    mxArray *a;
    for (k = 0; k < nd; k++)
        zero |= dims[k] == 0;
    /* rows x (product of the others), refused by nnm_check_bytes when the
     * product overflows (-1) */
    for (k = 1; k < nd && !zero && cols >= 0; k++)
        cols = dims[k] < 0 || (dims[k] > 0 && cols > PTRDIFF_MAX / dims[k])
               ? -1 : cols * dims[k];
    nnm_check_bytes(fn, dims[0], zero ? 0 : cols, cls, 1);
    for (k = 0; k < nd && k < 8; k++)
        md[k] = (mwSize)dims[k];
    a = mxCreateUninitNumericArray((mwSize)(nd < 8 ? nd : 8), md, cls, mxREAL);
    if (a == NULL)
        nnm_error(fn, "outOfMemory", "out of memory for an output of %ld elements",
                  (long)(dims[0] * cols));
    return a;
}

void nnm_check_status(const char *fn, int status)
{
    switch (status) {
    case NN_OK: return;
    case NN_ETOOBIG:
        nnm_error(fn, "tooLarge", "a dimension is too large for the BLAS "
                  "library (at most 2^31-1 rows or columns)");
        break;
    case NN_ENOMEM:
        nnm_error(fn, "outOfMemory", "out of memory");
        break;
    default:
        nnm_error(fn, "internal", "internal error %d; please report it", status);
    }
}

/* ---- the words for what lib/'s loss checks found ------------------------ */

void nnm_loss_fact_text(int kind, nn_int k, nn_int tcols,
                        const nn_loss_fact *f, char *msg, size_t len)
{
    const char *nm = nn_loss_name(kind);
    long r = (long)f->row + 1, c = (long)f->col + 1;
    double v = f->value;
    switch (f->what) {
    case NN_LOSS_BAD_Z_PROB:
        snprintf(msg, len, "loss '%s' takes probabilities, but Z(%ld,%ld) = %g lies "
                 "outside [0, 1]; apply 'sigmoid' first, or use 'bce_logits' on "
                 "logits", nm, r, c, v);
        break;
    case NN_LOSS_BAD_T_PROB:
        if (nn_loss_alias_of(kind) == NN_LOSS_CE)
            snprintf(msg, len, "loss '%s' with one column of T per class (%ld) takes "
                     "class probabilities in [0, 1], but T(%ld,%ld) = %g", nm,
                     (long)tcols, r, c, v);
        else
            snprintf(msg, len, "loss '%s' needs targets in [0, 1], but T(%ld,%ld) = %g",
                     nm, r, c, v);
        break;
    case NN_LOSS_BAD_T_SIGN:
        snprintf(msg, len, "loss '%s' needs targets -1 and 1 (or 0 and 1), but "
                 "T(%ld,%ld) = %g", nm, r, c, v);
        break;
    case NN_LOSS_BAD_T_MIXED:
        snprintf(msg, len, "loss '%s' needs targets in {-1, 1} or in {0, 1}, but T "
                 "has both 0 (at T(%ld,%ld)) and -1 (at T(%ld,%ld))", nm, r, c,
                 (long)f->row2 + 1, (long)f->col2 + 1);
        break;
    case NN_LOSS_BAD_T_CLASS:
        snprintf(msg, len, "loss '%s' takes class indices, whole numbers from 1 "
                 "to %ld (Octave counts classes from 1), but T(%ld) = %g%s", nm,
                 (long)k, r, v, v == 0 ? "; labels counted from 0 become 1..K "
                 "with T + 1" : "");
        break;
    case NN_LOSS_BAD_T_RANK:
        snprintf(msg, len, "loss '%s' needs T = 1 (the first item ranks higher) or "
                 "-1 (the second does), but T(%ld) = %g", nm, r, v);
        break;
    case NN_LOSS_BAD_T_COUNT:
        snprintf(msg, len, "loss '%s' takes counts, finite numbers >= 0, but "
                 "T(%ld,%ld) = %g", nm, r, c, v);
        break;
    case NN_LOSS_BAD_Z_RATE:
        snprintf(msg, len, "loss '%s' with 'log_input' false takes rates >= 0, but "
                 "Z(%ld,%ld) = %g; give log rates with 'log_input' true (the "
                 "default)", nm, r, c, v);
        break;
    default:
        snprintf(msg, len, "Z or T lies outside the domain of loss '%s'", nm);
    }
}

/* ---- optimizer states (the structs of nn_step), shared by nn_step and
 * nn_fit ---------------------------------------------------------------- */

static const mxArray *state_field(const mxArray *S, const char *name)
{
    return S == NULL ? NULL : mxGetField(S, 0, name);
}

int nnm_state_read(const char *fn, const mxArray *S, const char *sname,
                   const mxArray *P, const char *pname, int kind,
                   const nn_optim_opts *o, double *steps)
{
    const char *name = nn_optim_name(kind), *bufnames[NN_OPTIM_MAX_BUFFERS];
    const mxArray *m, *f;
    char *sm, d1[96], d2[96], want[256];
    int i, k, nf, ok, nb;
    size_t pos;
    double st;

    *steps = 0;
    if (S == NULL || nnm_is_empty_placeholder(S))
        return 1;
    nb = nn_optim_buffers(kind, o, bufnames);
    snprintf(want, sizeof want, "'method', 'step'");
    for (i = 0; i < nb; i++) {
        pos = strlen(want);
        snprintf(want + pos, sizeof want - pos, ", '%s'", bufnames[i]);
    }
    if (!mxIsStruct(S) || mxGetNumberOfElements(S) != 1)
        nnm_error(fn, "state", "%s must be [] at the first step, or the state "
                  "struct that nn_step returned, but it is %s", sname,
                  nnm_describe(S, d1, sizeof d1));
    m = state_field(S, "method");
    if (m == NULL || !mxIsChar(m) || mxGetNumberOfDimensions(m) != 2 ||
        mxGetM(m) != 1)
        nnm_error(fn, "state", "%s.method must be the optimizer's name as a "
                  "string; start with %s = []", sname, sname);
    sm = nnm_string(m);
    if (sm == NULL || strcmp(sm, name) != 0)
        nnm_error(fn, "state", "%s is the state of optimizer '%s', not of '%s'; "
                  "start with %s = [] to switch", sname, sm ? sm : "?", name, sname);
    mxFree(sm);
    f = state_field(S, "step");
    if (f == NULL || !mxIsDouble(f) || mxIsComplex(f) || mxIsSparse(f) ||
        mxGetNumberOfElements(f) != 1)
        nnm_error(fn, "state", "%s.step must be a double scalar, the count of "
                  "steps taken; start with %s = []", sname, sname);
    st = mxGetScalar(f);
    if (!(st >= 0) || st != floor(st) || st > 9e15)
        nnm_error(fn, "state", "%s.step must be a count of steps (a whole "
                  "number >= 0), not %g; start with %s = []", sname, st, sname);
    /* exactly the fields these options use: a missing or extra buffer
     * means the options differ from those the state was made with */
    nf = mxGetNumberOfFields(S);
    for (k = 0; k < nf; k++) {
        const char *fname = mxGetFieldNameByNumber(S, k);
        ok = strcmp(fname, "method") == 0 || strcmp(fname, "step") == 0;
        for (i = 0; i < nb && !ok; i++)
            ok = strcmp(fname, bufnames[i]) == 0;
        if (!ok)
            nnm_error(fn, "state", "%s has a field '%s' that '%s' with these "
                      "options does not use (it keeps %s); were the options "
                      "different when %s was made?", sname, fname, name, want,
                      sname);
    }
    for (i = 0; i < nb; i++) {
        f = state_field(S, bufnames[i]);
        if (f == NULL)
            nnm_error(fn, "state", "%s has no field '%s', which '%s' with these "
                      "options keeps (%s); were the options different when %s "
                      "was made?", sname, bufnames[i], name, want, sname);
        if (mxGetClassID(f) != mxGetClassID(P) || mxIsComplex(f) ||
            mxIsSparse(f) || mxGetNumberOfDimensions(f) != 2 ||
            mxGetM(f) != mxGetM(P) || mxGetN(f) != mxGetN(P))
            nnm_error(fn, "state", "%s.%s must be %s like %s, but it is %s; "
                      "start with %s = []", sname, bufnames[i],
                      nnm_describe(P, d1, sizeof d1), pname,
                      nnm_describe(f, d2, sizeof d2), sname);
    }
    *steps = st;
    return 0;
}

mxArray *nnm_state_write(const char *fn, const mxArray *S, int fresh,
                         const mxArray *P, int kind, const nn_optim_opts *o,
                         double steps, void **bufs)
{
    const char *bufnames[NN_OPTIM_MAX_BUFFERS];
    const char *fieldnames[2 + NN_OPTIM_MAX_BUFFERS];
    size_t bytes = mxGetNumberOfElements(P) * mxGetElementSize(P);
    mxArray *Snew;
    int i, nb = nn_optim_buffers(kind, o, bufnames);

    fieldnames[0] = "method";
    fieldnames[1] = "step";
    for (i = 0; i < nb; i++)
        fieldnames[2 + i] = bufnames[i];
    Snew = mxCreateStructMatrix(1, 1, 2 + nb, fieldnames);
    mxSetField(Snew, 0, "method", mxCreateString(nn_optim_name(kind)));
    mxSetField(Snew, 0, "step", mxCreateDoubleScalar(steps));
    for (i = 0; i < nb; i++) {
        mxArray *b = nnm_new_matrix(fn, (nn_int)mxGetM(P), (nn_int)mxGetN(P),
                                    mxGetClassID(P));
        if (bytes > 0 && fresh)
            memset(mxGetData(b), 0, bytes);
        else if (bytes > 0)
            memcpy(mxGetData(b), mxGetData(state_field(S, bufnames[i])), bytes);
        mxSetField(Snew, 0, bufnames[i], b);
        bufs[i] = mxGetData(b);
    }
    return Snew;
}
