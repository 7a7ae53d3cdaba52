// Stagemap — a value computed from the document once per change: panels and the status bar read
// analyses every frame, but the document changes only through the History, whose revision
// number changes with it.
#pragma once

namespace sm::ui {

template <class T>
class RevisionCache {
public:
    // The value for this revision, computing it with `compute()` when the cached one is older.
    template <class Compute>
    const T& get(unsigned long long revision, Compute&& compute) {
        if (!valid_ || revision_ != revision) {
            value_ = compute();
            revision_ = revision;
            valid_ = true;
        }
        return value_;
    }

private:
    bool valid_ = false;
    unsigned long long revision_ = 0;
    T value_{};
};

}  // namespace sm::ui
