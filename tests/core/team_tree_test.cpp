// The organisation tree every team list walks: roots first, children below their parent,
// every team once even when a merge left a parent loop.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/team_tree.hpp"

using namespace okr;

namespace {

Team team(const char* id, const char* name, std::optional<Id> parent = std::nullopt)
{
    Team t;
    t.id = id;
    t.name = name;
    t.parent = std::move(parent);
    return t;
}

// "id@depth" per team, in the order given.
std::vector<std::string> places(const std::vector<TeamInTree>& tree)
{
    std::vector<std::string> out;
    for (const TeamInTree& place : tree)
        out.push_back(place.team->id + "@" + std::to_string(place.depth));
    return out;
}

}  // namespace

TEST_CASE("teams come from the roots down, children after their parent, siblings as stored or by name")
{
    Workspace w;
    w.teams = {team("t-a", "Company"), team("t-b", "Sales", "t-a"), team("t-c", "Engineering", "t-a"),
               team("t-d", "Platform", "t-c"), team("t-e", "Orphan", "t-gone")};

    CHECK(places(teams_top_down(w, SiblingOrder::as_stored)) ==
          std::vector<std::string>{"t-a@0", "t-b@1", "t-c@1", "t-d@2", "t-e@0"});
    CHECK(places(teams_top_down(w, SiblingOrder::by_name)) ==
          std::vector<std::string>{"t-a@0", "t-c@1", "t-d@2", "t-b@1", "t-e@0"});
}

TEST_CASE("teams in a parent loop are listed once each, the loop entered at its first team")
{
    Workspace w;
    w.teams = {team("t-a", "Company"), team("t-x", "X", "t-y"), team("t-y", "Y", "t-x"), team("t-z", "Z", "t-y")};

    CHECK(places(teams_top_down(w, SiblingOrder::as_stored)) ==
          std::vector<std::string>{"t-a@0", "t-x@0", "t-y@1", "t-z@2"});
}
