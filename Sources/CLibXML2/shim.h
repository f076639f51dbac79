// libxml2 for Swift: its HTML parser reads saved web pages (tag soup, entities,
// implied end tags) and its XML parser reads Word's document.xml. Only the
// tree API is used; the library reads nothing from the network (NONET).
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and encoding.h then includes ICU's
// headers, which clash with the copy Foundation ships. Only the converter
// fields of xmlCharEncodingHandler depend on it, and Swift never touches them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// xmlFree is a mutable C global (a function pointer), which Swift 6 will not
// read from concurrent code; this wrapper calls it.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }
#endif
