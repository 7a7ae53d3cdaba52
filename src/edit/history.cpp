#include "edit/history.h"

#include <utility>

namespace sm::edit {

void CompositeCommand::apply(Document& doc) {
    for (auto& c : parts_) c->apply(doc);
}

void CompositeCommand::revert(Document& doc) {
    for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) (*it)->revert(doc);
}

void History::execute(std::unique_ptr<Command> c) {
    if (!c) return;
    c->apply(doc_);
    undo_.push_back(std::move(c));
    undo_revisions_.push_back(revision_);
    redo_.clear();
    redo_revisions_.clear();
    revision_ = next_revision_++;
}

std::string History::undo_name() const { return undo_.empty() ? std::string{} : undo_.back()->name(); }
std::string History::redo_name() const { return redo_.empty() ? std::string{} : redo_.back()->name(); }

void History::undo() {
    if (undo_.empty()) return;
    auto c = std::move(undo_.back());
    undo_.pop_back();
    c->revert(doc_);
    redo_.push_back(std::move(c));
    redo_revisions_.push_back(revision_);
    revision_ = undo_revisions_.back();
    undo_revisions_.pop_back();
}

void History::redo() {
    if (redo_.empty()) return;
    auto c = std::move(redo_.back());
    redo_.pop_back();
    c->apply(doc_);
    undo_.push_back(std::move(c));
    undo_revisions_.push_back(revision_);
    revision_ = redo_revisions_.back();
    redo_revisions_.pop_back();
}

void History::reset(Document doc) {
    doc_ = std::move(doc);
    undo_.clear();
    redo_.clear();
    undo_revisions_.clear();
    redo_revisions_.clear();
    revision_ = next_revision_++;
    saved_revision_ = revision_;
}

}  // namespace sm::edit
