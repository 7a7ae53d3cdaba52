// Stagemap benchmarks — shared fixtures: the generated documents (made once per size), their
// canonical text and a file with it, a scratch folder, and the process's resident size.
#pragma once

#include <array>
#include <filesystem>
#include <string>

#include "model/document.h"

namespace sm::bench {

// [SECTION] Sizes
inline constexpr std::array<int, 3> kSizes = {100, 1000, 10000};

// [SECTION] Corpus
struct Sample {
    int cards = 0;
    Document doc;
    std::string text;            // io::to_text(doc)
    std::filesystem::path file;  // the text, saved in scratch_dir()
};

// The sample of `cards` cards; generated, checked (it must load without errors) and saved on
// first use. Aborts with a message if the generator produced an invalid document.
const Sample& sample(int cards);
// Frees every sample (their files stay on disk; sample() makes them again when asked).
void forget_samples();

// A folder for files the benchmarks write; removed by cleanup().
const std::filesystem::path& scratch_dir();
void cleanup();

// [SECTION] Memory
// From /proc/self/status, in MiB: VmRSS (resident now) and VmHWM (peak resident). 0 if unknown.
double resident_mib();
double peak_resident_mib();
// Gives freed heap memory back to the system (malloc_trim), so VmRSS shows what is live.
void trim_heap();

}  // namespace sm::bench
