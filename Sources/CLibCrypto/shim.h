#ifndef FOKUS_CLIBCRYPTO_SHIM_H
#define FOKUS_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
