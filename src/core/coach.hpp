#pragma once
// The quality coach (docs/okr-method.md, "Quality coach (lint)"): findings that help a
// team write and run better OKRs. Findings never block saving; the `okr check` tool fails
// on error-level ones.
//
// The coach looks at draft and active cycles: a closed cycle is history, its scores are
// frozen and advice on how to write it would come too late. Parent loops are reported
// wherever they are, because they break every alignment view.

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace okr {

enum class Severity { error, warning, info };
const char* to_string(Severity severity);

struct EntityRef {
    std::string collection;  // the file format's collection name: "objectives", "key_results", ...
    Id id;
    friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

struct Finding {
    std::string rule;  // stable id, e.g. "kr-activity"
    Severity severity = Severity::warning;
    EntityRef entity;
    std::string message;  // what is wrong and how to fix it
};

// Every finding for the workspace, rule by rule in the order of the method's table and,
// within a rule, by entity id. `today` drives check-in-due and act-now.
std::vector<Finding> coach_findings(const Workspace& workspace, Date today);

bool has_error(const std::vector<Finding>& findings);

// True when a KR title describes work to do rather than a result to reach: it opens with
// an activity verb ("Hold 10 client check-ins") and names no outcome measure (from X to
// Y, a percentage, a rate or ratio, or a verb of change such as increase or reduce).
bool reads_as_activity(std::string_view title);

}  // namespace okr
