// Stagemap — commands with undo and redo: the only way the document changes.
// A Command is an operation object (ImHex style): apply() performs it, revert() takes it back,
// both on the same Document. The History owns the document and the undo and redo stacks.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "model/document.h"

namespace sm::edit {

class Command {
public:
    virtual ~Command() = default;
    // A short name for the Edit menu, e.g. "Move card" ("Undo Move card").
    virtual std::string name() const = 0;
    virtual void apply(Document& doc) = 0;
    virtual void revert(Document& doc) = 0;
};

// What every command factory in this module returns; nullptr means "nothing to do"
// (an invalid or no-op gesture), which History::execute ignores.
using CommandPtr = std::unique_ptr<Command>;

// Several commands as one undo step (one user gesture).
class CompositeCommand final : public Command {
public:
    explicit CompositeCommand(std::string name) : name_(std::move(name)) {}
    void add(std::unique_ptr<Command> c) {
        if (c) parts_.push_back(std::move(c));
    }
    bool empty() const { return parts_.empty(); }
    std::size_t size() const { return parts_.size(); }
    std::string name() const override { return name_; }
    void apply(Document& doc) override;
    void revert(Document& doc) override;

private:
    std::string name_;
    std::vector<std::unique_ptr<Command>> parts_;
};

class History {
public:
    History() = default;
    explicit History(Document doc) : doc_(std::move(doc)) {}

    const Document& document() const { return doc_; }

    // Applies the command and pushes it on the undo stack; clears the redo stack.
    // A null command is ignored (factories return null for invalid or no-op gestures).
    void execute(std::unique_ptr<Command> c);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    std::size_t undo_count() const { return undo_.size(); }
    std::size_t redo_count() const { return redo_.size(); }
    std::string undo_name() const;  // empty when nothing to undo
    std::string redo_name() const;
    void undo();
    void redo();

    // Replaces the whole document (open, new, revert) and clears both stacks.
    void reset(Document doc);

    // Dirty tracking: mark_saved() records the current point; dirty() compares with it.
    void mark_saved() { saved_revision_ = revision_; }
    bool dirty() const { return revision_ != saved_revision_; }
    // Changes whenever the document changes (execute, undo, redo, reset): for caches.
    unsigned long long revision() const { return revision_; }

private:
    Document doc_;
    std::vector<std::unique_ptr<Command>> undo_;
    std::vector<std::unique_ptr<Command>> redo_;
    // Revision ids identify document states, so undoing back to the saved state is clean.
    std::vector<unsigned long long> undo_revisions_;  // state id before each undo entry
    std::vector<unsigned long long> redo_revisions_;
    unsigned long long revision_ = 0;
    unsigned long long next_revision_ = 1;
    unsigned long long saved_revision_ = 0;
};

}  // namespace sm::edit
