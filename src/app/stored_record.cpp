#include "app/stored_record.hpp"

namespace okr {
namespace {

// Format 1 had neither revisions nor the id inside the record.
void upgrade_from_1(const std::string& key, nlohmann::json& envelope)
{
    envelope["id"] = key;
    envelope["name"] = "";
    envelope["revision"] = 0;
    envelope["format"] = 2;
}

int format_of(const nlohmann::json& envelope)
{
    const auto format = envelope.find("format");
    if (format == envelope.end())
        return 1;
    return format->is_number_integer() ? format->get<int>() : -1;
}

}  // namespace

StoredRecordRead read_stored_record(const std::string& key, nlohmann::json envelope, std::string text)
{
    if (!envelope.is_object())
        return {std::nullopt, "The stored record of workspace " + key + " is not an object"};

    const int format = format_of(envelope);
    if (format > stored_format_version)
        return {std::nullopt, "The workspace was stored by a newer version of this app (storage format " +
                                  std::to_string(format) + "); open it there, or reload this page to update"};
    if (format < 1)
        return {std::nullopt, "The stored record of workspace " + key + " has no valid format number"};

    if (format == 1)
        upgrade_from_1(key, envelope);

    const auto revision = envelope.find("revision");
    const auto id = envelope.find("id");
    const bool revision_ok = revision != envelope.end() && revision->is_number_integer() && revision->get<int64_t>() >= 0;
    if (!revision_ok || id == envelope.end() || !id->is_string())
        return {std::nullopt, "The stored record of workspace " + key + " lacks its id or revision"};
    return {StoredWorkspace{id->get<std::string>(), std::move(text), revision->get<uint64_t>()}, {}};
}

}  // namespace okr
