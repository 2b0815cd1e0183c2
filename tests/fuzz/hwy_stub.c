/* For running Octave under valgrind (not part of any build target).
 *
 * octave-cli loads libhwy (through its image libraries), whose static
 * initializer calls hwy::platform::TimerResolution(), which executes
 * rdtscp: valgrind 3.19 does not decode it on this host and kills Octave
 * with SIGILL before any test runs.  The initializer calls the function
 * through the PLT, so this preloaded definition replaces it; nnlab never
 * uses libhwy.
 *
 *   gcc -shared -fPIC -O2 -o /tmp/libhwy_stub.so tests/fuzz/hwy_stub.c
 *   LD_PRELOAD=/tmp/libhwy_stub.so valgrind --leak-check=full octave-cli \
 *     --norc --eval "addpath('build/mex'); test('tests/dense.tst')"
 */
unsigned long long _ZN3hwy8platform15TimerResolutionEv(void);
unsigned long long _ZN3hwy8platform15TimerResolutionEv(void) { return 1; }
