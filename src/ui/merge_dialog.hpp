#pragma once
// The preview shown before a teammate's file is merged into the open workspace: what would
// be added, changed, deleted and in conflict, entity by entity with the fields that differ.
// Nothing is written until the person chooses; Cancel leaves everything as it was.

#include <optional>
#include <string>

#include "app/session.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

class MergeDialog {
public:
    enum class Choice { none, merge, separate, cancel };

    // `whole_workspace`: the file is a cascade of its own, which may also open beside this one.
    void open(std::string file_name, std::string bytes, MergeResult merge, bool whole_workspace = true);
    // Draws the dialog while it is open; answers the person's choice on the frame they made it.
    Choice draw(const Workspace& ours, const Fonts& fonts);

    const std::string& file_name() const { return file_name_; }
    const std::string& bytes() const { return bytes_; }
    const MergeResult& merge() const { return *merge_; }
    void close();

private:
    void draw_summary(const Workspace& ours);
    void draw_notes(const Workspace& ours);

    std::string file_name_;
    std::string bytes_;
    std::optional<MergeResult> merge_;
    bool open_requested_ = false;
    bool whole_workspace_ = true;
};

}  // namespace okr::ui
