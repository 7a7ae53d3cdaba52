// Fuzzes the CSV import, the other way a file's text gets in. Besides not crashing, hanging or
// blowing up memory: a refusal names at least one error, and an accepted import is a document
// the loader accepts after saving (the same validation and limits as a blueprint file), which
// round-trips through its canonical text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/blueprint_io.h"
#include "io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    sm::io::ImportResult r = sm::io::from_csv(text, "fuzz");
    if (!r.ok()) {
        if (r.errors().empty()) std::abort();  // a refusal always says why
        return 0;
    }
    const std::string saved = sm::io::to_text(*r.document);
    sm::io::LoadResult again = sm::io::load_text(saved);
    if (!again.ok()) std::abort();                                // an import we would refuse to open
    if (sm::io::to_text(*again.document) != saved) std::abort();  // not canonical
    return 0;
}
