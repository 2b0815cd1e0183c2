/* libFuzzer harness for the pure C validation of lib/: kernel names,
 * option names and values (number arrays and strings), sizes, and small
 * kernel calls on the sizes that pass the checks.  Built and run by
 * `make fuzz` (clang -fsanitize=fuzzer,address,undefined); not part of
 * `make check`.
 *
 * The image kernels (conv2d, pool, batchnorm) take sizes up to 6 each and
 * are called only when the checked output fits the harness's buffers; so
 * are the orders of seeded epochs (nn_orders).
 *
 * The input bytes are read as a little program: a kernel family, a kernel
 * name (from a table or raw bytes), up to 6 option name/value pairs, sizes,
 * then data for the arrays.  Every lib function must return a documented
 * code and write only the arrays it is given; the harness abort()s when a
 * contract is broken (an unexpected code, an unterminated message, a state
 * buffer count out of range), and ASan/UBSan report every invalid access. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nn.h"

typedef struct {
    const uint8_t *p;
    size_t n;
} reader;

static unsigned u8(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

static double any_double(reader *r)
{
    static const double special[] = {
        0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 2.0, 1e-8, 1e-300, 4.9e-324, 1e300,
        1.7976931348623157e308, 9007199254740991.0, 9007199254740992.0,
        0.9, 0.999, 1.2, 50.0, 1e-6, 20.0, 100.0, 3.0, 0.25, 1.5
    };
    unsigned c = u8(r);
    if (c < 160)
        return special[c % (sizeof special / sizeof special[0])] *
               ((c & 1) && c >= 96 ? -1.0 : 1.0);
    if (c < 176)
        return NAN;
    if (c < 192)
        return c & 1 ? -INFINITY : INFINITY;
    {
        uint64_t bits = 0;
        double d;
        int i;
        for (i = 0; i < 8; i++)
            bits = bits << 8 | u8(r);
        memcpy(&d, &bits, sizeof d);
        return d;
    }
}

/* A string: one from the table, or up to 40 raw bytes. */
static void any_string(reader *r, const char *const *table, int count,
                       char *buf, size_t len)
{
    unsigned c = u8(r);
    if (c < 192 && count > 0) {
        snprintf(buf, len, "%s", table[c % (unsigned)count]);
    } else {
        size_t n = u8(r) % 41, i;
        if (n >= len)
            n = len - 1;
        for (i = 0; i < n; i++)
            buf[i] = (char)u8(r);
        buf[n] = '\0';
    }
}

/* A size: mostly 0..6, sometimes negative or huge. */
static nn_int any_size(reader *r)
{
    static const nn_int odd[] = {
        -1, -2, -100, (nn_int)1 << 31, ((nn_int)1 << 31) - 1, (nn_int)1 << 40,
        PTRDIFF_MAX, PTRDIFF_MIN, (nn_int)1 << 62, 3037000500
    };
    unsigned c = u8(r);
    if (c < 224)
        return (nn_int)(c % 7);
    return odd[c % (sizeof odd / sizeof odd[0])];
}

/* msg filled with 'x', so that check_msg() sees whether a sentence was
 * written and terminated. */
static char *fresh(char *msg, size_t len)
{
    memset(msg, 'x', len);
    return msg;
}

static void check_msg(const char *msg, size_t len)
{
    if (memchr(msg, '\0', len) == NULL || msg[0] == 'x' || msg[0] == '\0')
        abort();            /* no sentence, or not terminated */
}

static const char *const act_names[] = {
    "threshold", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
    "softplus", "gelu", "silu", "softmax", "log_softmax", "", "Relu", "swish"
};
static const char *const loss_names[] = {
    "mse", "bce", "mae", "huber", "bce_logits", "hinge", "ce", "nll",
    "margin_ranking", "pairwise_logistic", "", "l1"
};
static const char *const opt_names[] = {
    "sgd", "adagrad", "rmsprop", "adam", "adamw", "rprop", "", "lbfgs"
};
static const char *const option_names[] = {
    "alpha", "negative_slope", "beta", "threshold", "reduction", "weights",
    "delta", "margin", "label_smoothing", "pos_weight", "lr", "momentum",
    "dampening", "nesterov", "weight_decay", "maximize", "lr_decay",
    "initial_accumulator_value", "eps", "centered", "betas", "amsgrad",
    "etas", "step_sizes", "seed", "", "bogus", "stride", "padding",
    "dilation", "groups", "countincludepad", "training"
};
static const char *const string_values[] = {
    "mean", "sum", "none", "", "max", "MEAN", "relu", "same", "valid"
};

#define MAXOPT 6
#define MAXVAL 8

/* One option value: a string (str set) or 0..MAXVAL numbers. */
typedef struct {
    char name[48];
    char str[48];
    int is_str;
    double val[MAXVAL];
    nn_int nval;
} option;

static void read_option(reader *r, option *o, nn_int vlen_hint)
{
    nn_int i;
    unsigned c;
    any_string(r, option_names, (int)(sizeof option_names / sizeof option_names[0]),
               o->name, sizeof o->name);
    c = u8(r);
    o->is_str = c < 40;
    if (o->is_str) {
        any_string(r, string_values,
                   (int)(sizeof string_values / sizeof string_values[0]),
                   o->str, sizeof o->str);
        o->nval = 0;
        return;
    }
    /* a vector of the length the sizes want (weights, pos_weight), or short */
    o->nval = c < 120 ? (nn_int)(c % 4) : vlen_hint;
    if (o->nval < 0 || o->nval > MAXVAL)
        o->nval = c % MAXVAL;
    for (i = 0; i < o->nval; i++)
        o->val[i] = any_double(r);
}

/* Fill n values, mostly moderate, with NaN, Inf and extremes. */
static void fill(reader *r, double *d, float *f, nn_int n, int kind)
{
    nn_int i;
    for (i = 0; i < n; i++) {
        unsigned c = u8(r);
        double v;
        if (c < 200)
            v = ((double)c - 100.0) / 25.0;
        else
            v = any_double(r);
        if (kind == 1)              /* class index or +-1 */
            v = (double)((int)(c % 5) - 1);
        else if (kind == 2)         /* probability */
            v = c < 250 ? (double)c / 249.0 : v;
        d[i] = v;
        f[i] = (float)v;
    }
}

static int small(nn_int n) { return n >= 0 && n <= 6; }

static void expect(int st, int a, int b)
{
    if (st != a && st != b)
        abort();
}

static void fuzz_act(reader *r, const char *name, option *opt, int nopt)
{
    int kind = nn_act_lookup(name), i, st;
    nn_act_opts o;
    nn_int n, k;
    char msg[200];
    double X[36], dY[36], Yd[36];
    float Xs[36], dYs[36], Ys[36];
    if (kind < 0) {
        if (nn_act_forward_d(kind, NULL, 1, 1, X, Yd) != NN_ENAME)
            abort();
        return;
    }
    if (strcmp(nn_act_name(kind), name) != 0)
        abort();
    nn_act_defaults(kind, &o);
    for (i = 0; i < nopt; i++) {
        st = nn_act_option(kind, &o, opt[i].name, opt[i].is_str ? NULL : opt[i].val,
                           opt[i].nval, opt[i].is_str ? opt[i].str : NULL, fresh(msg, sizeof msg), sizeof msg);
        if (st != NN_OK) {
            if (st != NN_ENAME && st != NN_EVALUE)
                abort();
            check_msg(msg, sizeof msg);
            return;
        }
    }
    n = any_size(r);
    k = any_size(r);
    if (n < 0 || k < 0) {
        expect(nn_act_forward_d(kind, &o, n, k, NULL, NULL), NN_EARG, NN_EARG);
        expect(nn_act_backward_s(kind, &o, n, k, NULL, NULL, NULL), NN_EARG, NN_EARG);
        return;
    }
    if (!small(n) || !small(k))
        return;
    fill(r, X, Xs, n * k, 0);
    fill(r, dY, dYs, n * k, 0);
    expect(nn_act_forward_d(kind, &o, n, k, X, Yd), NN_OK, NN_OK);
    expect(nn_act_forward_s(kind, &o, n, k, Xs, Ys), NN_OK, NN_OK);
    expect(nn_act_backward_d(kind, &o, n, k, X, dY, Yd), NN_OK, NN_OK);
    expect(nn_act_backward_s(kind, &o, n, k, Xs, dYs, Ys), NN_OK, NN_OK);
}

static void fuzz_loss(reader *r, const char *name, option *opt, int nopt,
                      nn_int n, nn_int k, nn_int trows, nn_int tcols)
{
    int kind = nn_loss_lookup(name), i, st;
    nn_loss_opts o;
    char msg[300];
    nn_loss_fact fact;
    double Z[36], T[36], Ld[36], dZd[36];
    float Zs[36], Ts[36], Ls[36], dZs[36];
    nn_int rows, cols;
    if (kind < 0)
        return;
    if (strcmp(nn_loss_name(kind), name) != 0)
        abort();
    nn_loss_defaults(kind, &o);
    for (i = 0; i < nopt; i++) {
        st = nn_loss_option(kind, &o, opt[i].name, opt[i].is_str ? NULL : opt[i].val,
                            opt[i].nval, opt[i].is_str ? opt[i].str : NULL, fresh(msg, sizeof msg), sizeof msg);
        if (st != NN_OK) {
            if (st != NN_ENAME && st != NN_EVALUE)
                abort();
            check_msg(msg, sizeof msg);
            return;
        }
    }
    st = nn_loss_check_sizes(kind, &o, n, k, trows, tcols, fresh(msg, sizeof msg), sizeof msg);
    if (st != NN_OK) {
        if (st != NN_EARG)
            abort();
        check_msg(msg, sizeof msg);
        /* the kernel itself refuses the same sizes, before reading */
        if (n < 0 || k < 0 || tcols < 0)
            expect(nn_loss_d(kind, &o, n, k, NULL, tcols, NULL, NULL, NULL),
                   NN_EARG, NN_EARG);
        return;
    }
    if (n < 0 || k < 0 || trows < 0 || tcols < 0)
        abort();                /* negative sizes passed the check */
    if (!small(n) || !small(k) || !small(tcols))
        return;
    nn_loss_out_size(kind, &o, n, k, &rows, &cols);
    if (rows * cols != nn_loss_out_count(kind, &o, n, k) || rows * cols > 36)
        abort();
    fill(r, Z, Zs, n * k, kind == NN_LOSS_BCE ? 2 : 0);
    fill(r, T, Ts, n * tcols, kind == NN_LOSS_CE || kind == NN_LOSS_NLL ||
         kind == NN_LOSS_MARGIN_RANKING || kind == NN_LOSS_PAIRWISE_LOGISTIC ||
         kind == NN_LOSS_HINGE ? 1 : 2);
    st = nn_loss_check_d(kind, &o, n, k, Z, tcols, T, &fact);
    expect(st, NN_OK, NN_EARG);
    if (st != NN_OK && (fact.what == NN_LOSS_BAD_NONE || fact.row < 0 || fact.row >= n))
        abort();
    expect(nn_loss_d(kind, &o, n, k, Z, tcols, T, Ld, dZd), st, st);
    expect(nn_loss_d(kind, &o, n, k, Z, tcols, T, Ld, NULL), st, st);
    st = nn_loss_check_s(kind, &o, n, k, Zs, tcols, Ts, NULL);
    expect(st, NN_OK, NN_EARG);
    expect(nn_loss_s(kind, &o, n, k, Zs, tcols, Ts, Ls, dZs), st, st);
}

static void fuzz_step(reader *r, const char *name, option *opt, int nopt)
{
    int kind = nn_optim_lookup(name), i, nb, st, t;
    nn_optim_opts o;
    const char *bn[NN_OPTIM_MAX_BUFFERS + 1];
    char msg[300];
    nn_int count;
    double P[36], G[36], bd[NN_OPTIM_MAX_BUFFERS][36], *bdp[NN_OPTIM_MAX_BUFFERS];
    float Ps[36], Gs[36], bs[NN_OPTIM_MAX_BUFFERS][36], *bsp[NN_OPTIM_MAX_BUFFERS];
    if (kind < 0) {
        if (nn_optim_option(kind, &o, "lr", P, 1, NULL, fresh(msg, sizeof msg), sizeof msg) != NN_ENAME)
            abort();
        return;
    }
    if (strcmp(nn_optim_name(kind), name) != 0)
        abort();
    nn_optim_defaults(kind, &o);
    for (i = 0; i < nopt; i++) {
        st = nn_optim_option(kind, &o, opt[i].name, opt[i].is_str ? NULL : opt[i].val,
                           opt[i].nval, opt[i].is_str ? opt[i].str : NULL, fresh(msg, sizeof msg), sizeof msg);
        if (st != NN_OK) {
            if (st != NN_ENAME && st != NN_EVALUE)
                abort();
            check_msg(msg, sizeof msg);
            return;
        }
    }
    st = nn_optim_check(kind, &o, fresh(msg, sizeof msg), sizeof msg);
    if (st != NN_OK) {
        if (st != NN_EVALUE)
            abort();
        check_msg(msg, sizeof msg);
        return;
    }
    nb = nn_optim_buffers(kind, &o, bn);
    if (nb < 0 || nb > NN_OPTIM_MAX_BUFFERS)
        abort();
    for (i = 0; i < nb; i++)
        if (bn[i] == NULL || bn[i][0] == '\0')
            abort();
    count = any_size(r);
    if (count < 0) {
        expect(nn_optim_step_d(kind, &o, count, NULL, NULL, NULL, 1, 1), NN_EARG, NN_EARG);
        return;
    }
    if (count > 36)
        return;
    fill(r, P, Ps, count, 0);
    fill(r, G, Gs, count, 0);
    for (i = 0; i < nb; i++) {
        fill(r, bd[i], bs[i], count, 0);
        bdp[i] = bd[i];
        bsp[i] = bs[i];
    }
    /* a missing buffer, or a step below 1, is refused */
    if (nb > 0 && count > 0) {
        double *save = bdp[nb - 1];
        bdp[nb - 1] = NULL;
        expect(nn_optim_step_d(kind, &o, count, P, G, bdp, 1, 1), NN_EARG, NN_EARG);
        bdp[nb - 1] = save;
    }
    expect(nn_optim_step_d(kind, &o, count, P, G, bdp, 0.5, 1), NN_EARG, NN_EARG);
    expect(nn_optim_step_d(kind, &o, count, P, G, bdp, NAN, 1), NN_EARG, NN_EARG);
    for (t = 1; t <= 3; t++) {
        expect(nn_optim_step_d(kind, &o, count, P, G, bdp, (double)t, t == 1), NN_OK, NN_OK);
        expect(nn_optim_step_s(kind, &o, count, Ps, Gs, bsp, (double)t, t == 1), NN_OK, NN_OK);
    }
}

static void fuzz_dropout(reader *r, option *opt, int nopt)
{
    nn_dropout_opts o;
    char msg[300];
    double p = any_double(r), X[36], Y[36], M[36];
    float Xs[36], Ys[36], Ms[36];
    nn_int count, bad = -1;
    int i, st;
    nn_dropout_defaults(&o);
    for (i = 0; i < nopt; i++) {
        st = nn_dropout_option(&o, opt[i].name, opt[i].is_str ? NULL : opt[i].val,
                               opt[i].nval, opt[i].is_str ? opt[i].str : NULL,
                               fresh(msg, sizeof msg), sizeof msg);
        if (st != NN_OK) {
            if (st != NN_ENAME && st != NN_EVALUE)
                abort();
            check_msg(msg, sizeof msg);
            return;
        }
    }
    if (o.has_seed && !((double)o.seed < NN_DROPOUT_SEED_LIMIT))
        abort();
    st = nn_dropout_check_seed(any_double(r), fresh(msg, sizeof msg), sizeof msg);
    expect(st, NN_OK, NN_EVALUE);
    if (st != NN_OK)
        check_msg(msg, sizeof msg);
    st = nn_dropout_check_p(p, fresh(msg, sizeof msg), sizeof msg);
    expect(st, NN_OK, NN_EARG);
    if (st != NN_OK)
        check_msg(msg, sizeof msg);
    count = any_size(r);
    if (st != NN_OK || count < 0) {
        expect(nn_dropout_forward_d(count, p, o.seed, NULL, NULL, NULL), NN_EARG, NN_EARG);
        expect(nn_dropout_backward_s(count, p, NULL, NULL, NULL, NULL), NN_EARG, NN_EARG);
        return;
    }
    if (count > 36)
        return;
    fill(r, X, Xs, count, 0);
    expect(nn_dropout_forward_d(count, p, o.seed, X, Y, M), NN_OK, NN_OK);
    expect(nn_dropout_forward_s(count, p, o.seed, Xs, Ys, Ms), NN_OK, NN_OK);
    expect(nn_dropout_forward_s(count, p, o.seed, Xs, Ys, NULL), NN_OK, NN_OK);
    /* the forward mask is accepted by the backward product */
    expect(nn_dropout_backward_d(count, p, X, M, Y, &bad), NN_OK, NN_OK);
    expect(nn_dropout_backward_s(count, p, Xs, Ms, Ys, &bad), NN_OK, NN_OK);
    /* any mask: OK, or NN_EVALUE with the index of a bad element */
    fill(r, M, Ms, count, 0);
    bad = -1;
    st = nn_dropout_backward_d(count, p, X, M, Y, &bad);
    expect(st, NN_OK, NN_EVALUE);
    if (st == NN_EVALUE && !(bad >= 0 && bad < count))
        abort();
}

static void fuzz_dense(reader *r)
{
    nn_int n = any_size(r), in = any_size(r), out = any_size(r);
    double X[36], W[36], b[36], dY[36], Y[36], dX[36], dW[36], db[36];
    float Xs[36], Ws[36], bs[36], dYs[36], Ys[36], dXs[36], dWs[36], dbs[36];
    unsigned c = u8(r);
    if (n < 0 || in < 0 || out < 0) {
        expect(nn_dense_forward_d(n, in, out, NULL, NULL, NULL, NULL), NN_EARG, NN_EARG);
        expect(nn_dense_backward_s(n, in, out, NULL, NULL, NULL, NULL, NULL, NULL),
               NN_EARG, NN_EARG);
        return;
    }
    if (!small(n) || !small(in) || !small(out))
        return;
    fill(r, X, Xs, n * in, 0);
    fill(r, W, Ws, out * in, 0);
    fill(r, b, bs, out, 0);
    fill(r, dY, dYs, n * out, 0);
    expect(nn_dense_forward_d(n, in, out, X, W, c & 1 ? b : NULL, Y), NN_OK, NN_OK);
    expect(nn_dense_forward_s(n, in, out, Xs, Ws, c & 1 ? bs : NULL, Ys), NN_OK, NN_OK);
    expect(nn_dense_backward_d(n, in, out, X, W, dY, c & 2 ? dX : NULL,
                               c & 4 ? dW : NULL, c & 8 ? db : NULL), NN_OK, NN_OK);
    expect(nn_dense_backward_s(n, in, out, Xs, Ws, dYs, dXs, dWs, dbs), NN_OK, NN_OK);
}

/* The image kernels' buffers: inputs and outputs up to CAP values. */
#define CAP 1296
static double gX[CAP], gW[CAP], gB[CAP], gY[CAP], gdY[CAP], gdX[CAP], gdW[CAP], gdB[CAP];
static float sX[CAP], sW[CAP], sB[CAP], sY[CAP], sdY[CAP], sdX[CAP], sdW[CAP], sdB[CAP];

/* a*b*c*d when every factor is in 0..CAP and the product is at most CAP, else -1 */
static nn_int count4(nn_int a, nn_int b, nn_int c, nn_int d)
{
    if (a < 0 || b < 0 || c < 0 || d < 0 || a > CAP || b > CAP || c > CAP || d > CAP)
        return -1;
    if (a * b > CAP || a * b * c > CAP || a * b * c * d > CAP)
        return -1;
    return a * b * c * d;
}

static void fuzz_conv(reader *r, option *opt, int nopt)
{
    nn_conv2d_opts o;
    nn_conv2d_shape s;
    char msg[300];
    nn_int nx, nw, ny;
    unsigned c;
    int i, st;
    nn_conv2d_defaults(&o);
    for (i = 0; i < nopt; i++) {
        st = nn_conv2d_option(&o, opt[i].name, opt[i].is_str ? NULL : opt[i].val, opt[i].nval,
                              opt[i].is_str ? opt[i].str : NULL, fresh(msg, sizeof msg), sizeof msg);
        if (st != NN_OK) {
            if (st != NN_ENAME && st != NN_EVALUE)
                abort();
            check_msg(msg, sizeof msg);
            return;
        }
    }
    memset(&s, 0, sizeof s);
    s.H = any_size(r); s.W = any_size(r); s.C = any_size(r); s.N = any_size(r);
    s.kh = any_size(r); s.kw = any_size(r); s.Cout = any_size(r);
    st = nn_conv2d_setup(&s, &o, fresh(msg, sizeof msg), sizeof msg);
    if (st != NN_OK) {
        if (st != NN_EARG && st != NN_EVALUE && st != NN_ETOOBIG)
            abort();
        check_msg(msg, sizeof msg);
        return;
    }
    if (s.Ho < 1 || s.Wo < 1 || s.groups < 1 || s.C % s.groups != 0 || s.Cout % s.groups != 0)
        abort();                /* a shape that passed the check must make sense */
    nx = count4(s.H, s.W, s.C, s.N);
    nw = count4(s.kh, s.kw, s.C / s.groups, s.Cout);
    ny = count4(s.Ho, s.Wo, s.Cout, s.N);
    if (nx < 0 || nw < 0 || ny < 0 || s.Cout > CAP)
        return;
    fill(r, gX, sX, nx, 0);
    fill(r, gW, sW, nw, 0);
    fill(r, gB, sB, s.Cout, 0);
    fill(r, gdY, sdY, ny, 0);
    c = u8(r);
    expect(nn_conv2d_forward_d(&s, gX, gW, c & 1 ? gB : NULL, gY), NN_OK, NN_ENOMEM);
    expect(nn_conv2d_forward_s(&s, sX, sW, c & 1 ? sB : NULL, sY), NN_OK, NN_ENOMEM);
    expect(nn_conv2d_backward_d(&s, gX, gW, gdY, c & 2 ? gdX : NULL, c & 4 ? gdW : NULL,
                                c & 8 ? gdB : NULL), NN_OK, NN_ENOMEM);
    expect(nn_conv2d_backward_s(&s, sX, sW, sdY, sdX, sdW, sdB), NN_OK, NN_ENOMEM);
    /* the _ws forms in exactly the work nn_conv2d_work asks for (elements
     * of the type: the blocks of whole images are sized in bytes, so float
     * may take more of them than double) */
    {
        nn_int nwk = nn_conv2d_work_d(&s), nws = nn_conv2d_work_s(&s);
        double *wk;
        float *ws;
        if (nwk < 0 || nws < 0)
            abort();
        wk = (double *)malloc((size_t)(nwk > 0 ? nwk : 1) * sizeof(double));
        ws = (float *)malloc((size_t)(nws > 0 ? nws : 1) * sizeof(float));
        if (wk == NULL || ws == NULL) {
            free(wk);
            free(ws);
            return;
        }
        expect(nn_conv2d_forward_ws_d(&s, gX, gW, c & 1 ? gB : NULL, gY, nwk > 0 ? wk : NULL),
               NN_OK, NN_ENOMEM);
        expect(nn_conv2d_backward_ws_d(&s, gX, gW, gdY, c & 2 ? gdX : NULL, c & 4 ? gdW : NULL,
                                       c & 8 ? gdB : NULL, nwk > 0 ? wk : NULL), NN_OK, NN_ENOMEM);
        expect(nn_conv2d_forward_ws_s(&s, sX, sW, c & 1 ? sB : NULL, sY, nws > 0 ? ws : NULL),
               NN_OK, NN_ENOMEM);
        expect(nn_conv2d_backward_ws_s(&s, sX, sW, sdY, c & 2 ? sdX : NULL, c & 4 ? sdW : NULL,
                                       c & 8 ? sdB : NULL, nws > 0 ? ws : NULL), NN_OK, NN_ENOMEM);
        free(wk);
        free(ws);
    }
}

static void fuzz_pool(reader *r, option *opt, int nopt)
{
    nn_pool_opts o;
    nn_pool_shape s;
    char msg[300];
    nn_int nx, ny;
    int i, st, kind = u8(r) % 3 == 0 ? -1 : (int)(u8(r) & 1);
    nn_pool_defaults(&o);
    if (nn_pool_kind("max") != NN_POOL_MAX || nn_pool_kind("avg") != NN_POOL_AVG ||
        nn_pool_kind("") != -1 || nn_pool_kind(NULL) != -1)
        abort();
    for (i = 0; i < nopt; i++) {
        st = nn_pool_option(&o, opt[i].name, opt[i].is_str ? NULL : opt[i].val, opt[i].nval,
                            opt[i].is_str ? opt[i].str : NULL, fresh(msg, sizeof msg), sizeof msg);
        if (st != NN_OK) {
            if (st != NN_ENAME && st != NN_EVALUE)
                abort();
            check_msg(msg, sizeof msg);
            return;
        }
    }
    memset(&s, 0, sizeof s);
    s.H = any_size(r); s.W = any_size(r); s.C = any_size(r); s.N = any_size(r);
    s.kh = any_size(r); s.kw = any_size(r);
    st = nn_pool_setup(&s, &o, fresh(msg, sizeof msg), sizeof msg);
    if (st != NN_OK) {
        if (st != NN_EARG && st != NN_EVALUE && st != NN_ETOOBIG)
            abort();
        check_msg(msg, sizeof msg);
        return;
    }
    if (s.Ho < 1 || s.Wo < 1)
        abort();
    nx = count4(s.H, s.W, s.C, s.N);
    ny = count4(s.Ho, s.Wo, s.C, s.N);
    if (nx < 0 || ny < 0)
        return;
    fill(r, gX, sX, nx, 0);
    fill(r, gdY, sdY, ny, 0);
    if (kind < 0) {
        expect(nn_pool_forward_d(7, &s, gX, gY), NN_EARG, NN_EARG);
        expect(nn_pool_backward_s(-1, &s, sX, sdY, sdX), NN_EARG, NN_EARG);
        return;
    }
    expect(nn_pool_forward_d(kind, &s, gX, gY), NN_OK, NN_OK);
    expect(nn_pool_forward_s(kind, &s, sX, sY), NN_OK, NN_OK);
    expect(nn_pool_backward_d(kind, &s, gX, gdY, gdX), NN_OK, NN_OK);
    expect(nn_pool_backward_s(kind, &s, sX, sdY, sdX), NN_OK, NN_OK);
    /* the tiling case with kept winners: the same outputs, or refused */
    {
        static unsigned char win[CAP];
        int tiling = nn_pool_is_max2(&s);
        expect(nn_pool_max2_forward_d(&s, gX, gdX, win), tiling ? NN_OK : NN_EARG,
               tiling ? NN_OK : NN_EARG);
        if (tiling && kind == NN_POOL_MAX) {
            nn_int e;
            for (e = 0; e < ny; e++)
                if (win[e] > 3 || (gdX[e] != gY[e] && !(isnan(gdX[e]) && isnan(gY[e]))))
                    abort();
            nn_pool_forward_d(NN_POOL_MAX, &s, gX, gY);
            nn_pool_backward_d(NN_POOL_MAX, &s, gX, gdY, gdX);
            expect(nn_pool_max2_backward_d(&s, win, gdY, gY), NN_OK, NN_OK);
            if (memcmp(gdX, gY, (size_t)nx * sizeof(double)) != 0)
                abort();
        }
    }
}

/* The orders of seeded epochs: a permutation of 0..N-1 per whole seed in
 * [0, 2^32), NN_EARG for anything else. */
static void fuzz_orders(reader *r)
{
    nn_int N = any_size(r), C = (nn_int)(u8(r) % 4), i, j;
    double seeds[3];
    for (j = 0; j < C && j < 3; j++)
        seeds[j] = u8(r) & 1 ? any_double(r) : (double)u8(r);
    if (N < 1) {
        expect(nn_orders(N, C, seeds, gY), NN_EARG, NN_EARG);
        return;
    }
    if (N > CAP / 3)
        return;
    {
        int good = 1, st;
        for (j = 0; j < C; j++)
            good &= seeds[j] >= 0 && seeds[j] < 4294967296.0 && seeds[j] == floor(seeds[j]);
        st = nn_orders(N, C, seeds, gY);
        if (st != (good ? NN_OK : NN_EARG))
            abort();
        for (j = 0; good && j < C; j++) {
            memset(gdX, 0, (size_t)N * sizeof(double));
            for (i = 0; i < N; i++) {
                double v = gY[i + N * j];
                if (!(v >= 0 && v < (double)N) || gdX[(nn_int)v] != 0)
                    abort();
                gdX[(nn_int)v] = 1;
            }
        }
    }
}

static void fuzz_batchnorm(reader *r, option *opt, int nopt)
{
    nn_batchnorm_opts o;
    nn_batchnorm_shape s;
    char msg[300];
    nn_int n;
    unsigned c;
    int i, st;
    nn_batchnorm_defaults(&o);
    for (i = 0; i < nopt; i++) {
        st = nn_batchnorm_option(&o, opt[i].name, opt[i].is_str ? NULL : opt[i].val, opt[i].nval,
                                 opt[i].is_str ? opt[i].str : NULL, fresh(msg, sizeof msg), sizeof msg);
        if (st != NN_OK) {
            if (st != NN_ENAME && st != NN_EVALUE)
                abort();
            check_msg(msg, sizeof msg);
            return;
        }
    }
    s.inner = any_size(r); s.C = any_size(r); s.outer = any_size(r);
    st = nn_batchnorm_check(&s, &o);
    if (st != NN_OK) {
        if (st != NN_EARG && st != NN_EVALUE && st != NN_ETOOBIG)
            abort();
        return;
    }
    n = count4(s.inner, s.C, s.outer, 1);
    if (n < 0)
        return;
    fill(r, gX, sX, n, 0);
    fill(r, gdY, sdY, n, 0);
    fill(r, gW, sW, s.C, 0);
    fill(r, gB, sB, s.C, 0);
    fill(r, gdW, sdW, s.C, 0);            /* running mean */
    fill(r, gdB, sdB, s.C, 2);            /* running variance */
    c = u8(r);
    expect(nn_batchnorm_forward_d(&s, &o, gX, c & 1 ? gW : NULL, c & 2 ? gB : NULL,
                                  c & 4 ? gdW : NULL, c & 4 ? gdB : NULL,
                                  c & 8 ? gdW : NULL, c & 8 ? gdB : NULL, gY), NN_OK, NN_OK);
    expect(nn_batchnorm_forward_s(&s, &o, sX, sW, sB, sdW, sdB, NULL, NULL, sY), NN_OK, NN_OK);
    expect(nn_batchnorm_backward_d(&s, &o, gX, c & 1 ? gW : NULL, gdW, gdB, gdY,
                                   c & 16 ? gdX : NULL, c & 32 ? gY : NULL, gB), NN_OK, NN_OK);
    expect(nn_batchnorm_backward_s(&s, &o, sX, sW, sdW, sdB, sdY, sdX, sY, sB), NN_OK, NN_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = { data, size };
    option opt[MAXOPT];
    char name[48];
    unsigned family = u8(&r) % 9;
    int nopt, i;
    nn_int n, k, trows, tcols;

    switch (family) {
    case 0: any_string(&r, act_names, 15, name, sizeof name); break;
    case 1: any_string(&r, loss_names, 12, name, sizeof name); break;
    case 2: any_string(&r, opt_names, 8, name, sizeof name); break;
    default: name[0] = '\0'; break;
    }
    /* sizes first, so that vector options can take a matching length */
    n = any_size(&r);
    k = any_size(&r);
    trows = u8(&r) < 200 ? n : any_size(&r);
    tcols = u8(&r) < 128 ? k : any_size(&r);
    nopt = (int)(u8(&r) % (MAXOPT + 1));
    for (i = 0; i < nopt; i++)
        read_option(&r, &opt[i], u8(&r) & 1 ? n : k);

    switch (family) {
    case 0: fuzz_act(&r, name, opt, nopt); break;
    case 1: fuzz_loss(&r, name, opt, nopt, n, k, trows, tcols); break;
    case 2: fuzz_step(&r, name, opt, nopt); break;
    case 3: fuzz_dropout(&r, opt, nopt); break;
    case 5: fuzz_conv(&r, opt, nopt); break;
    case 6: fuzz_pool(&r, opt, nopt); break;
    case 7: fuzz_batchnorm(&r, opt, nopt); break;
    case 8: fuzz_orders(&r); break;
    default: fuzz_dense(&r); break;
    }
    /* the name tables agree with the look-ups */
    if (nn_act_lookup(nn_act_name(NN_ACT_RELU)) != NN_ACT_RELU ||
        nn_loss_lookup(nn_loss_name(NN_LOSS_CE)) != NN_LOSS_CE ||
        nn_optim_lookup(nn_optim_name(NN_OPTIM_ADAM)) != NN_OPTIM_ADAM ||
        nn_act_lookup(NULL) != -1 || nn_reduction_lookup(NULL) != -1)
        abort();
    return 0;
}
