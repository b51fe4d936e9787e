#!/usr/bin/env python3
"""Puts the built page together, after each link of app.js.

    assemble_site.py SOURCE SITE OUT_SINGLE

SITE holds what the linker wrote: app.js, app.wasm and app.data (the font and the example).
Beside them go index.html, the manifest, the icons and the service worker, for serving over
http(s), where each file is fetched, compressed and cached on its own. OUT_SINGLE becomes the
same page as one self-contained .html, to run from disk or mail to a colleague: a file://
page cannot fetch its neighbours, so the wasm and the data travel inside it as base64 and
reach the script through Emscripten's own hooks (Module.wasmBinary, getPreloadedPackage).
"""

import base64
import hashlib
import re
import shutil
import sys
from pathlib import Path

LINKED = ["app.js", "app.wasm", "app.data"]


def copy_static_files(source: Path, site: Path) -> None:
    shutil.copy(source / "web/manifest.webmanifest", site)
    (site / "icons").mkdir(exist_ok=True)
    for icon in ["icon-192.png", "icon-512.png", "icon.svg"]:
        shutil.copy(source / "assets/icons" / icon, site / "icons")
    shutil.copy(source / "web/index.html", site)


# The cache of the service worker is named after the build, so that a new build replaces it.
def write_service_worker(source: Path, site: Path) -> None:
    digest = hashlib.sha256()
    for name in LINKED:
        digest.update((site / name).read_bytes())
    text = (source / "web/service-worker.js").read_text(encoding="utf-8")
    text = text.replace("@OKR_BUILD_ID@", digest.hexdigest()[:16])
    (site / "service-worker.js").write_text(text, encoding="utf-8")


def icon_data_url(source: Path) -> str:
    svg = (source / "assets/icons/icon.svg").read_text(encoding="utf-8").replace("\n", "")
    for plain, escaped in [("%", "%25"), ("#", "%23"), ("<", "%3C"), (">", "%3E"), ('"', "'")]:
        svg = svg.replace(plain, escaped)
    return "data:image/svg+xml," + svg


def embedded_files_script(site: Path) -> str:
    wasm = base64.b64encode((site / "app.wasm").read_bytes()).decode("ascii")
    data = base64.b64encode((site / "app.data").read_bytes()).decode("ascii")
    return (
        "<script>\n"
        "    (function () {\n"
        "      function bytes(text) {\n"
        "        var raw = atob(text), out = new Uint8Array(raw.length);\n"
        "        for (var i = 0; i < raw.length; ++i) out[i] = raw.charCodeAt(i);\n"
        "        return out;\n"
        "      }\n"
        f"      Module.wasmBinary = bytes('{wasm}');\n"
        f"      var data = bytes('{data}').buffer;\n"
        "      Module.getPreloadedPackage = function () { return data; };\n"
        "    })();\n"
        "  </script>\n  "
    )


# The lines marked "served only" go (a manifest and a service worker need http(s)), the
# icon becomes a data: URL, and app.js moves inside a script element. A "</script" inside it
# would end that element early, so it is written "<\/script".
def write_single_file(source: Path, site: Path, out: Path) -> None:
    page = (source / "web/index.html").read_text(encoding="utf-8")
    page = re.sub(r"[^\n]*served only[^\n]*\n", "", page)
    page = page.replace('href="icons/icon.svg"', f'href="{icon_data_url(source)}"')
    script = (site / "app.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    tag = '<script src="app.js"></script>'
    if tag not in page:
        sys.exit(f"assemble_site: web/index.html has no {tag}")
    page = page.replace(tag, embedded_files_script(site) + f"<script>\n{script}\n  </script>")
    out.write_text(page, encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: assemble_site.py SOURCE SITE OUT_SINGLE")
    source, site, out = (Path(argument) for argument in sys.argv[1:])
    for name in LINKED:
        if not (site / name).is_file():
            sys.exit(f"assemble_site: {site / name} is missing: link the web target first")
    copy_static_files(source, site)
    write_service_worker(source, site)
    write_single_file(source, site, out)


if __name__ == "__main__":
    main()
