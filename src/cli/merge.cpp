// `okr merge` and `okr merge-driver`: the merge of docs/file-format.md run on two files,
// for people and for git.
//
// What the driver does with the base (git's %O, the common ancestor): nothing that changes
// the result. The merge is state-based: each entity carries its updated_at and deletions
// leave tombstones, so the two sides alone decide. The base is still imported, so that a
// broken one is reported, but it never blocks the merge: git hands over an empty base when
// both branches added the file, and in a criss-cross merge a base it built itself from
// several ancestors. Either side refused is different: the driver then leaves OURS as it
// was and exits 1, and git reports a conflict for the person to resolve.

#include <initializer_list>
#include <variant>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/text.hpp"
#include "core/export.hpp"
#include "core/import.hpp"
#include "core/merge.hpp"

namespace okr::cli {
namespace {

// "3 added", "1 conflict", "2 conflicts"
std::string counted(const MergeResult& result, MergeOutcome outcome)
{
    const size_t count = result.count(outcome);
    const bool plural = outcome == MergeOutcome::conflict && count != 1;
    return std::to_string(count) + " " + to_string(outcome) + (plural ? "s" : "");
}

// The notes are what `b` does to `a`; the merged file is the same either way round.
std::string summary_line(std::string_view name_a, std::string_view name_b, const MergeResult& result)
{
    return "merged " + std::string(name_b) + " into " + std::string(name_a) + ": " +
           counted(result, MergeOutcome::added) + ", " + counted(result, MergeOutcome::changed) + ", " +
           counted(result, MergeOutcome::deleted) + ", " + counted(result, MergeOutcome::conflict) + "\n";
}

// "conflict: key_results/kr-win-rate 'Raise win rate' fields: confidence, title"
std::string conflict_line(const EntityMergeNote& note)
{
    std::string line = "conflict: " + note.collection + "/" + note.id;
    if (note.title != note.id)
        line += " '" + note.title + "'";
    line += " fields:";
    for (size_t i = 0; i < note.differences.size(); ++i)
        line += (i == 0 ? " " : ", ") + note.differences[i].field;
    return line + "\n";
}

// A file in the middle of a textual merge is the likeliest non-OKR file to meet here.
bool holds_conflict_markers(std::string_view bytes)
{
    return bytes.starts_with("<<<<<<<") || bytes.find("\n<<<<<<<") != std::string_view::npos;
}

// Every problem of a refused side, and what to do about conflict markers; "" if accepted.
std::string refusal_report(std::string_view name, std::string_view bytes, const ImportResult& imported)
{
    if (!imported.refused())
        return "";
    std::string report = refusal_lines(name, imported);
    if (holds_conflict_markers(bytes))
        report += std::string(name) + " holds conflict markers (<<<<<<<) from a merge made line by line: resolve "
                                      "them, or take one side whole, and merge again\n";
    return report;
}

// Nothing when the base imports or is empty (both branches added the file); otherwise its
// problems, since a broken ancestor is worth knowing about even though the merge skips it.
std::string base_note(std::string_view bytes)
{
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return "";
    const ImportResult imported = import_workspace(bytes);
    if (!imported.refused())
        return "";
    return refusal_lines("base", imported) + "note: the merge does not need the base, so it goes on without it\n";
}

}  // namespace

Output merge_command(std::string_view name_a, std::string_view a, std::string_view name_b, std::string_view b)
{
    const ImportResult ours = import_workspace(a);
    const ImportResult theirs = import_workspace(b);
    if (ours.refused() || theirs.refused())
        return {exit_problems, "", refusal_report(name_a, a, ours) + refusal_report(name_b, b, theirs)};

    const MergeResult result = merge_workspaces(*ours.workspace, *theirs.workspace);
    Output output;
    output.out = export_workspace(result.merged);
    output.err = summary_line(name_a, name_b, result);
    for (const EntityMergeNote& note : result.notes)
        if (note.outcome == MergeOutcome::conflict)
            output.err += conflict_line(note);
    return output;
}

Output merge_files(const std::string& a, const std::string& b, const std::string& output_path)
{
    const auto contents = read_files({a, b});
    if (const Output* unreadable = std::get_if<Output>(&contents))
        return *unreadable;
    const std::vector<std::string>& bytes = std::get<std::vector<std::string>>(contents);

    return with_output_file(merge_command(a, bytes[0], b, bytes[1]), output_path);
}

Output merge_driver(const std::string& base, const std::string& ours, const std::string& theirs)
{
    const auto contents = read_files({base, ours, theirs});
    if (const Output* unreadable = std::get_if<Output>(&contents))
        return *unreadable;
    const std::vector<std::string>& bytes = std::get<std::vector<std::string>>(contents);

    // git names its own temporary files, so "ours" and "theirs" say more than the paths.
    Output output = merge_command("ours", bytes[1], "theirs", bytes[2]);
    output.err = base_note(bytes[0]) + output.err;
    if (output.exit_code != exit_ok) {
        output.err += "okr merge-driver: ours is left as it was, for git to report a conflict to resolve by hand\n";
        return output;
    }
    if (auto error = write_atomically(ours, output.out))
        return {exit_usage, "", "okr merge-driver: " + *error + "; ours is left as it was\n"};
    output.out.clear();
    return output;
}

}  // namespace okr::cli
