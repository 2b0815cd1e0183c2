/* Shared argument checking for the nnlab MEX gateways. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "nnmex.h"

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
    return mxGetNumberOfDimensions(a) == 2 && mxGetM(a) == 0 && mxGetN(a) == 0 &&
           (mxIsNumeric(a) || mxIsChar(a) || mxIsLogical(a) || mxIsCell(a));
}

char *nnm_get_name(const char *fn, const mxArray *a, const char *what)
{
    char d[96], *s, *p;
    if (!mxIsChar(a) || mxGetNumberOfDimensions(a) != 2 || mxGetM(a) != 1)
        nnm_error(fn, "name", "%s must be a string, but it is %s",
                  what, nnm_describe(a, d, sizeof d));
    s = mxArrayToString(a);
    if (s == NULL)
        nnm_error(fn, "name", "%s could not be read as a string", what);
    for (p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
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
            str = mxArrayToString(v);
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

mxArray *nnm_new_matrix(const char *fn, nn_int rows, nn_int cols, mxClassID cls)
{
    mxArray *a;
    size_t esz = cls == mxSINGLE_CLASS ? sizeof(float) : sizeof(double);
    if (rows < 0 || cols < 0 ||
        (cols > 0 && (size_t)rows > ((size_t)-1 / 2) / esz / (size_t)cols))
        nnm_error(fn, "tooLarge", "an output of %ld x %ld elements is too large",
                  (long)rows, (long)cols);
    a = mxCreateUninitNumericMatrix((size_t)rows, (size_t)cols, cls, mxREAL);
    if (a == NULL)
        nnm_error(fn, "outOfMemory", "out of memory for a %ld x %ld output",
                  (long)rows, (long)cols);
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
