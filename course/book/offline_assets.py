"""The JavaScript the book serves itself, so that no page needs the internet, and what each page weighs.

plotly.js comes from the installed plotly package; the widget manager and MathJax come from
the npm registry at build time, into ``_build/vendor`` (outside git), and are reused afterwards.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import plotly

from ..paths import ROOT

__all__ = ["NPM_ASSETS", "VENDOR_CACHE", "npm_tarball", "vendor", "page_weights"]

VENDOR_CACHE = ROOT / "_build" / "vendor"
# npm packages served from _static: folder name -> (package, exact version, files kept, files dropped).
NPM_ASSETS = {
    "html-manager": ("@jupyter-widgets/html-manager", "1.0.15", ("dist/",), (".map", "amd.js")),
    "mathjax": ("mathjax", "3.2.2", ("es5/tex-chtml.js", "es5/output/chtml/fonts/woff-v2/"), ()),
}



def npm_tarball(package: str, version: str, cache: Path) -> Path:
    """The npm registry's tarball of ``package@version``, downloaded once into ``cache``."""
    tarball = cache / f"{package.lstrip('@').replace('/', '-')}-{version}.tgz"
    if tarball.exists():
        return tarball
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("The book serves its widget and maths JavaScript from the npm registry, but `npm` is "
                           "not installed. On Debian: sudo apt-get install npm")
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "pack", f"{package}@{version}", "--pack-destination", str(cache), "--silent"],
                   check=True, stdout=subprocess.DEVNULL)
    return tarball


def vendor(static: Path, cache: Path = VENDOR_CACHE) -> None:
    """Fill the book's ``_static`` folder with plotly.js and the npm assets of :data:`NPM_ASSETS`."""
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", static / "plotly.min.js")
    for folder, (package, version, kept, dropped) in NPM_ASSETS.items():
        with tarfile.open(npm_tarball(package, version, cache)) as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/")
                if not member.isfile() or not name.startswith(kept) or name.endswith(dropped):
                    continue
                target = static / folder / name.split("/", 1)[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())



LOCAL_ASSET = re.compile(r"""<(?:script|img)\b[^>]*\bsrc="([^"#?]+)|<link\b[^>]*\bhref="([^"#?]+\.(?:css|js))""")


def page_weights(site: Path) -> dict[str, dict[str, int]]:
    """Bytes of each page of a built ``site``: ``own`` (the page and the files only it refers to,
    such as its images) and ``first_visit`` (the page with every script, style and image it loads).

    Everything in ``_static`` (plotly.js, the widget manager, MathJax, the theme) is shared by
    the whole site and cached by the browser after its first use, so ``own`` is what each
    further page costs.
    """
    weights = {}
    for page in site.rglob("*.html"):
        if "_static" in page.relative_to(site).parts:
            continue
        found = {(page.parent / (a or b)).resolve() for a, b in LOCAL_ASSET.findall(page.read_text(encoding="utf-8"))}
        loaded = [a for a in found if a.is_file()]
        shared = (site / "_static").resolve()
        weights[page.relative_to(site).as_posix()] = {
            "own": page.stat().st_size + sum(a.stat().st_size for a in loaded if shared not in a.parents),
            "first_visit": page.stat().st_size + sum(a.stat().st_size for a in loaded)}
    return weights

