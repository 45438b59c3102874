/* e5_variant.h - Compagnon: the exported names of one instruction-set build of e5.c.
 *
 * setup.py compiles e5.c once per instruction set with -DE5_VARIANT=<name>
 * (avx512, avx2, generic); this header, included before e5.h, turns each
 * exported e5_x into e5_<name>_x so the builds link side by side in one
 * extension. e5module.c exports the plain names and calls the build the CPU
 * can run.
 */
#ifndef E5_VARIANT_H
#define E5_VARIANT_H

#define E5_PASTE_(variant, name) e5_##variant##_##name
#define E5_PASTE(variant, name) E5_PASTE_(variant, name)

#define e5_load          E5_PASTE(E5_VARIANT, load)
#define e5_load_mem      E5_PASTE(E5_VARIANT, load_mem)
#define e5_free          E5_PASTE(E5_VARIANT, free)
#define e5_token_count   E5_PASTE(E5_VARIANT, token_count)
#define e5_dim           E5_PASTE(E5_VARIANT, dim)
#define e5_kernel        E5_PASTE(E5_VARIANT, kernel)
#define e5_embed         E5_PASTE(E5_VARIANT, embed)
#define e5_embed_batch   E5_PASTE(E5_VARIANT, embed_batch)
#define e5_load_sae      E5_PASTE(E5_VARIANT, load_sae)
#define e5_sparse_dim    E5_PASTE(E5_VARIANT, sparse_dim)
#define e5_embed_sparse  E5_PASTE(E5_VARIANT, embed_sparse)

#endif /* E5_VARIANT_H */
