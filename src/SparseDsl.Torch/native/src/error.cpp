// Thread-local last-error string: the only channel by which native failures reach C#.
#include "shim.h"

namespace {
thread_local std::string last_error;
}

void sdt::set_last_error(const char* message) {
    // libtorch appends a C++ backtrace after the first line in some builds; keep the message readable.
    std::string text(message ? message : "");
    auto cut = text.find("\nException raised from");
    if (cut != std::string::npos) text.resize(cut);
    last_error = std::move(text);
}

void sdt::clear_last_error() { last_error.clear(); }

SDT_API const char* sdt_last_error() { return last_error.c_str(); }
