// Fuzzes the blueprint loader. Besides not crashing, hanging or blowing up memory, every
// accepted input must round-trip: saving and loading again gives the same document and the
// same bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/blueprint_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    sm::io::LoadResult r = sm::io::load_text(text);
    if (!r.ok()) {
        if (r.diagnostics.empty()) std::abort();  // a refusal always says why
        return 0;
    }
    const std::string saved = sm::io::to_text(*r.document);
    sm::io::LoadResult again = sm::io::load_text(saved);
    if (!again.ok()) std::abort();                                 // we wrote a file we refuse
    if (!(*again.document == *r.document)) std::abort();           // not a round trip
    if (sm::io::to_text(*again.document) != saved) std::abort();   // not canonical
    return 0;
}
