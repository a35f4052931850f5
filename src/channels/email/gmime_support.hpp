// What every GMime user in the email channel needs: one-time initialisation, owning pointers
// for GObjects and g_malloc'd strings, and a memory stream's bytes as a std::string.
#pragma once

#include <gmime/gmime.h>

#include <memory>
#include <string>

namespace frontline::channels::email {

void init_gmime();  // idempotent, thread-safe

struct GObjectUnref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

// The bytes written so far to a stream made by g_mime_stream_mem_new().
std::string memory_stream_bytes(GMimeStream* stream);

}  // namespace frontline::channels::email
