// zlib for Swift: raw inflate and CRC-32 for the entries of a .docx (a zip
// archive), read by ZipArchive.
#ifndef CLIBZ_SHIM_H
#define CLIBZ_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro over inflateInit2_ with the header's version and
// the stream's size, which Swift cannot call; this wrapper expands it.
static inline int clibz_inflate_init_raw(z_stream *stream) { return inflateInit2(stream, -MAX_WBITS); }
#endif
