// libcurl for the daemon's SMTP transport. curl_easy_setopt is variadic, which Swift cannot
// call, so each option type gets a wrapper with a fixed signature.
#ifndef FOKUS_CCURL_SHIM_H
#define FOKUS_CCURL_SHIM_H
#include <curl/curl.h>

static inline CURLcode fokus_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fokus_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fokus_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fokus_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*fokus_curl_read_callback)(char *buffer, size_t size, size_t count, void *userdata);
static inline CURLcode fokus_curl_setopt_read_function(CURL *handle, fokus_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}
/// The last reply code of the server (CURLINFO_RESPONSE_CODE; for SMTP the three-digit code), 0 when none.
static inline long fokus_curl_response_code(CURL *handle) {
    long code = 0;
    if (curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) return 0;
    return code;
}
#endif
