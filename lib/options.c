/* Helpers for validating option values (type-free, compiled once). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "options.h"

int nn_util_lookup(const char *const *names, int count, const char *name)
{
    int i;
    if (name == NULL)
        return -1;
    for (i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

int nn_util_fail(int code, char *msg, size_t msglen, const char *fmt, ...)
{
    va_list ap;
    if (msg != NULL && msglen > 0) {
        va_start(ap, fmt);
        vsnprintf(msg, msglen, fmt, ap);
        va_end(ap);
    }
    return code;
}

static void range_text(char *buf, size_t len, double lo, double hi, int open)
{
    if (lo == -HUGE_VAL && hi == HUGE_VAL)
        snprintf(buf, len, "a finite number");
    else if (hi == HUGE_VAL)
        snprintf(buf, len, "a finite number %s %g", open ? ">" : ">=", lo);
    else if (lo == -HUGE_VAL)
        snprintf(buf, len, "a finite number %s %g", open ? "<" : "<=", hi);
    else
        snprintf(buf, len, open ? "a number strictly between %g and %g"
                                : "a number from %g to %g", lo, hi);
}

static int real_check(const char *name, const double *val, nn_int nval,
                      double lo, double hi, int open, double *out,
                      char *msg, size_t msglen)
{
    char want[96];
    int bad;
    if (val == NULL || nval != 1)
        return nn_util_fail(NN_EVALUE, msg, msglen,
                            "option '%s' takes one real number", name);
    bad = !isfinite(val[0]) ||
          (open ? !(val[0] > lo && val[0] < hi) : !(val[0] >= lo && val[0] <= hi));
    if (bad) {
        range_text(want, sizeof want, lo, hi, open);
        if (msg != NULL && msglen > 0)
            snprintf(msg, msglen, "option '%s' must be %s, not %g", name, want, val[0]);
        return NN_EVALUE;
    }
    *out = val[0];
    return NN_OK;
}

int nn_util_real(const char *name, const double *val, nn_int nval,
                 double lo, double hi, double *out, char *msg, size_t msglen)
{
    return real_check(name, val, nval, lo, hi, 0, out, msg, msglen);
}

int nn_util_real_open(const char *name, const double *val, nn_int nval,
                      double lo, double hi, double *out, char *msg,
                      size_t msglen)
{
    return real_check(name, val, nval, lo, hi, 1, out, msg, msglen);
}

int nn_util_bool(const char *name, const double *val, nn_int nval, int *out,
                 char *msg, size_t msglen)
{
    if (val == NULL || nval != 1 || !(val[0] == 0 || val[0] == 1))
        return nn_util_fail(NN_EVALUE, msg, msglen,
                            "option '%s' takes true or false (1 or 0)", name);
    *out = (val[0] == 1);
    return NN_OK;
}
