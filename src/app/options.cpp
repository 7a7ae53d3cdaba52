#include "app/options.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <regex>

namespace sm::app {

// [SECTION] Parsing
std::optional<int> parse_options(int argc, char** argv, Options& out) {
    CLI::App cli{"Stagemap — service blueprints with peak-end moments and customer value tiers"};
    cli.name("stagemap-gui");
    std::string file, screenshot, size;
    cli.add_option("file", file, "Blueprint to open (NAME.blueprint.json)");
    cli.add_option("--screenshot", screenshot, "Render, write the window as a PNG to this path, and exit");
    cli.add_option("--size", size, "Window size WIDTHxHEIGHT, e.g. 1600x900");
    cli.add_option("--frames", out.frames, "Frames to render before the screenshot (default 3)")
        ->check(CLI::Range(1, 1000));
    cli.add_flag("--no-settings", out.no_settings, "Do not read or write settings, recent files or autosaves");
    cli.add_option("--panel", out.panels,
                   "Open at start (repeatable): tiers, value-map, export, peak-end, lens:TIER_ID, compare:TIER_ID,TIER_ID");
    std::string lang, theme;
    cli.add_option("--lang", lang, "Interface language: en or zh-CN (default: the system locale; remembered)")
        ->check(CLI::IsMember({"en", "zh-CN", "zh"}));
    cli.add_option("--theme", theme, "Theme: light, dark, projector-light, projector-dark (remembered; with --present: "
                                     "the presentation theme)")
        ->check(CLI::IsMember({"light", "dark", "projector-light", "projector-dark"}));
    cli.add_flag("--present", out.present, "Start in presentation mode (full screen; Esc leaves)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    if (!file.empty()) out.file = file;
    if (!lang.empty()) out.lang = lang == "zh" ? "zh-CN" : lang;
    if (!theme.empty()) out.theme = theme;
    if (!screenshot.empty()) {
        out.screenshot = screenshot;
        out.no_settings = true;  // a screenshot must not depend on, or change, the user's state
    }
    if (!size.empty()) {
        std::smatch m;
        const std::regex re(R"((\d{2,5})[xX](\d{2,5}))");
        if (!std::regex_match(size, m, re)) {
            std::fprintf(stderr, "stagemap-gui: --size wants WIDTHxHEIGHT, e.g. 1600x900, not \"%s\"\n", size.c_str());
            return 2;
        }
        out.width = std::stoi(m[1].str());
        out.height = std::stoi(m[2].str());
    }
    return std::nullopt;
}

}  // namespace sm::app
