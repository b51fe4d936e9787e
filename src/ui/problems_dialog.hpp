#pragma once
// A modal list of what is wrong with a file, each problem with the place it was found.

#include <string>
#include <vector>

#include "core/import.hpp"

namespace okr::ui {

class ProblemsDialog {
public:
    void open(std::string title, std::string summary, std::vector<Problem> problems);
    void draw();
    bool is_open() const { return open_requested_ || visible_; }

private:
    void draw_problem_list() const;

    std::string title_;
    std::string summary_;
    std::vector<Problem> problems_;
    bool open_requested_ = false;
    bool visible_ = false;
};

}  // namespace okr::ui
