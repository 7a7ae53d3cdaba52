// Stagemap — the command line of stagemap-gui.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sm::app {

// [SECTION] Options
struct Options {
    std::optional<std::string> file;        // blueprint to open
    std::optional<std::string> screenshot;  // write a PNG of the window and exit
    std::optional<int> width, height;       // --size WxH
    int frames = 3;                         // frames rendered before the screenshot
    bool no_settings = false;               // neither read nor write settings, no autosave
    std::vector<std::string> panels;        // --panel: windows and views to open at start
    std::optional<std::string> lang;        // --lang en|zh-CN: the interface language (remembered)
    std::optional<std::string> theme;       // --theme light|dark|projector-light|projector-dark
    bool present = false;                   // --present: start in presentation mode
};

// Parses argv. Returns the exit code to end with when the program should stop right away
// (--help, a bad argument), else nothing.
std::optional<int> parse_options(int argc, char** argv, Options& out);

}  // namespace sm::app
