// The remembered GL state reads of Dear ImGui's OpenGL3 backend: why, in gl_state_reads.h.
// What the backend restores after drawing is what it read, so a value read once stays true,
// provided nothing else in the page changes that state for good. The page's own GL calls
// (src/web/main.cpp) set the viewport and the clear colour before each frame, and the
// backend sets its own viewport too, so a remembered viewport or scissor box that the window
// has outgrown is put back only between frames, where it draws nothing.

#include <GLES2/gl2.h>

#include <array>
#include <map>

namespace {

// Of the page's one GL context, read from main() on.
std::map<GLenum, std::array<GLint, 4>> remembered_integers;
std::map<GLenum, GLboolean> remembered_capabilities;

int values_of(GLenum name)
{
    return name == GL_VIEWPORT || name == GL_SCISSOR_BOX ? 4 : 1;
}

}  // namespace

extern "C" void okr_remembered_glGetIntegerv(GLenum name, GLint* data)
{
    auto [entry, first_read] = remembered_integers.try_emplace(name);
    if (first_read)
        glGetIntegerv(name, entry->second.data());
    for (int i = 0; i < values_of(name); ++i)
        data[i] = entry->second[static_cast<size_t>(i)];
}

extern "C" GLboolean okr_remembered_glIsEnabled(GLenum capability)
{
    auto [entry, first_read] = remembered_capabilities.try_emplace(capability);
    if (first_read)
        entry->second = glIsEnabled(capability);
    return entry->second;
}
