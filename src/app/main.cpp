// Placeholder GUI entry point until the canvas issue lands.
#include <cstdio>
int main(int, char**) {
    std::fprintf(stderr, "stagemap-gui: the canvas is not built yet\n");
    return 1;
}
