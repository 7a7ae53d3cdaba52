// Stagemap benchmarks — shared fixtures.
#include "corpus.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>

#include "generator.h"
#include "io/blueprint_io.h"
#include "text_util.h"

namespace sm::bench {

namespace {

// [SECTION] State
// The benchmark process's fixtures; built lazily, in the order the benchmarks ask for them.
struct Fixtures {
    std::map<int, std::unique_ptr<Sample>> samples;
    std::filesystem::path dir;
};

Fixtures& fixtures() {
    static Fixtures f;
    return f;
}

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "stagemap-bench: %s\n", message.c_str());
    std::exit(2);
}

double status_field_mib(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0) return std::strtod(line.c_str() + prefix.size(), nullptr) / 1024.0;  // kB
    return 0;
}

}  // namespace

// [SECTION] Corpus
const std::filesystem::path& scratch_dir() {
    auto& f = fixtures();
    if (f.dir.empty()) {
        f.dir = std::filesystem::temp_directory_path() / cat({"stagemap-bench-", std::to_string(::getpid())});
        std::filesystem::create_directories(f.dir);
    }
    return f.dir;
}

void cleanup() {
    auto& f = fixtures();
    if (f.dir.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(f.dir, ec);
    f.dir.clear();
}

const Sample& sample(int cards) {
    auto& slot = fixtures().samples[cards];
    if (slot) return *slot;
    auto s = std::make_unique<Sample>();
    s->cards = cards;
    s->doc = generate_blueprint(cards);
    s->text = io::to_text(s->doc);
    const auto check = io::load_text(s->text);
    if (!check.ok() || !check.errors().empty()) {
        std::string why = cat({"the generated ", std::to_string(cards), "-card blueprint does not load:"});
        for (const auto& d : check.errors()) {
            why += "\n  ";
            why += d.to_string();
        }
        die(why);
    }
    s->file = scratch_dir() / cat({"generated-", std::to_string(cards), ".blueprint.json"});
    const auto saved = io::write_file_atomic(s->file, s->text, io::SaveOptions{false});
    if (!saved.ok) die(saved.error);
    slot = std::move(s);
    return *slot;
}

void forget_samples() { fixtures().samples.clear(); }

// [SECTION] Memory
double resident_mib() { return status_field_mib("VmRSS"); }
double peak_resident_mib() { return status_field_mib("VmHWM"); }
void trim_heap() { ::malloc_trim(0); }

}  // namespace sm::bench
