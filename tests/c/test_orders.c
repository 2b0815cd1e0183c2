/* Unit tests of lib/orders.c (cmocka): the orders of seeded epochs equal
 * Octave 7's randperm (N) - 1 after rand ('twister', seed); the reference
 * numbers below were printed by Octave 7.3. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdlib.h>
#include <cmocka.h>
#include "nn.h"

static void test_reference(void **state)
{
    static const double want[3][10] = {
        {8, 7, 5, 4, 1, 3, 9, 2, 0, 6},         /* seed 0 */
        {6, 7, 8, 9, 2, 3, 0, 4, 5, 1},         /* seed 5 */
        {6, 2, 0, 5, 1, 4, 8, 9, 3, 7}          /* seed 2^32 - 1 */
    };
    const double seeds[3] = {0, 5, 4294967295.0};
    double P[30];
    int i, j;
    (void)state;
    assert_int_equal(nn_orders(10, 3, seeds, P), NN_OK);
    for (j = 0; j < 3; j++)
        for (i = 0; i < 10; i++)
            assert_true(P[j * 10 + i] == want[j][i]);
}

/* N = 1000, seed 7: sum of P(i) * i (1-based i), its first and last. */
static void test_long(void **state)
{
    const double seed = 7;
    double *P = (double *)malloc(1000 * sizeof(double)), s = 0;
    int i, *seen = (int *)calloc(1000, sizeof(int));
    (void)state;
    assert_non_null(P);
    assert_non_null(seen);
    assert_int_equal(nn_orders(1000, 1, &seed, P), NN_OK);
    for (i = 0; i < 1000; i++) {
        s += P[i] * (i + 1);
        assert_true(P[i] >= 0 && P[i] < 1000);
        seen[(int)P[i]]++;
    }
    for (i = 0; i < 1000; i++)
        assert_int_equal(seen[i], 1);          /* a permutation */
    assert_true(s == 256346070.0);
    assert_true(P[0] == 323 && P[999] == 273);
    free(P);
    free(seen);
}

static void test_edges(void **state)
{
    double P[4], bad[1];
    const double one = 1;
    (void)state;
    assert_int_equal(nn_orders(1, 1, &one, P), NN_OK);
    assert_true(P[0] == 0);
    assert_int_equal(nn_orders(3, 0, NULL, NULL), NN_OK);
    assert_int_equal(nn_orders(0, 1, &one, P), NN_EARG);
    assert_int_equal(nn_orders(2, -1, &one, P), NN_EARG);
    assert_int_equal(nn_orders(2, 1, NULL, P), NN_EARG);
    assert_int_equal(nn_orders(2, 1, &one, NULL), NN_EARG);
    bad[0] = -1;
    assert_int_equal(nn_orders(2, 1, bad, P), NN_EARG);
    bad[0] = 4294967296.0;
    assert_int_equal(nn_orders(2, 1, bad, P), NN_EARG);
    bad[0] = 0.5;
    assert_int_equal(nn_orders(2, 1, bad, P), NN_EARG);
    bad[0] = NAN;
    assert_int_equal(nn_orders(2, 1, bad, P), NN_EARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference),
        cmocka_unit_test(test_long),
        cmocka_unit_test(test_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
