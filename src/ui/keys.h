// Stagemap — key indices into ImGuiIO::KeysDown, as the platform layer reports them.
// Dear ImGui 1.86 has named keys only for navigation and editing; letters and the rest are read
// through the platform's own key codes. The app feeds GLFW codes, whose letters and digits are
// their ASCII upper-case values; the tests feed the same numbers. No GLFW include here.
#pragma once

namespace sm::ui::keys {

// [SECTION] Printable keys (GLFW values equal ASCII)
inline constexpr int Space = 32;
inline constexpr int Minus = 45;   // '-'
inline constexpr int Equal = 61;   // '=' (shift: '+')
inline constexpr int Period = 46;  // '.'
inline constexpr int A = 'A';
inline constexpr int B = 'B';
inline constexpr int C = 'C';
inline constexpr int D = 'D';
inline constexpr int E = 'E';
inline constexpr int F = 'F';
inline constexpr int L = 'L';
inline constexpr int N = 'N';
inline constexpr int O = 'O';
inline constexpr int T = 'T';
inline constexpr int Q = 'Q';
inline constexpr int S = 'S';
inline constexpr int V = 'V';
inline constexpr int X = 'X';
inline constexpr int Y = 'Y';
inline constexpr int Z = 'Z';
inline constexpr int Key0 = '0';
inline constexpr int Key1 = '1';

// [SECTION] Function and keypad keys (GLFW values)
inline constexpr int F1 = 290;
inline constexpr int F2 = 291;
inline constexpr int F5 = 294;
inline constexpr int KeypadSubtract = 333;
inline constexpr int KeypadAdd = 334;

}  // namespace sm::ui::keys
