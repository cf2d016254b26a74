#!/usr/bin/env python3
"""Set up and run Muscle Pain Atlas with nothing but Python 3.11 installed.

    python3 scripts/dev.py serve   # set up, then serve the site at http://127.0.0.1:8000
    python3 scripts/dev.py check   # set up, then run every check: table checker, strict build, tests
    python3 scripts/dev.py new muscle "Tibialis anterior"   # a new page with every section it needs

Set-up makes a virtual environment in .venv and installs the pinned requirements into it; it is
skipped when nothing has changed since the last run. Uses only the standard library, so it runs
before anything is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*command: str | Path, cwd: Path = ROOT) -> int:
    return subprocess.call([str(part) for part in command], cwd=cwd)


def make_venv() -> None:
    if PYTHON.exists():
        return
    say(f"creating a virtual environment in {VENV.relative_to(ROOT)}")
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
    except (subprocess.CalledProcessError, OSError) as err:
        shutil.rmtree(VENV, ignore_errors=True)
        # Debian ships venv's pip bootstrap separately, as python3-venv.
        if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
            say("installing Debian's python3-venv, which this Python needs to make a virtual environment")
            apt("python3-venv")
            venv.EnvBuilder(with_pip=True).create(VENV)
        else:
            sys.exit(f"Could not create a virtual environment ({err}).\n"
                     "On Debian or Ubuntu, install it first: sudo apt-get install python3-venv")


def apt(*packages: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.check_call(["apt-get", "update", "-qq"], env=env)
    subprocess.check_call(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)


def install(requirements: str) -> None:
    """Install a pinned requirements file and the site's own package (src/atlas/, editable, so that a
    change to it needs no reinstall), unless the same files are already installed."""
    make_venv()
    path = ROOT / requirements
    digest = hashlib.sha256(
        path.read_bytes() + (ROOT / "requirements.txt").read_bytes() + (ROOT / "pyproject.toml").read_bytes()
    ).hexdigest()
    stamp = VENV / f".installed-{path.stem}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    say(f"installing {requirements} and the site's package")
    for command in (["-r", path], ["--no-deps", "-e", ROOT]):
        code = run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *command)
        if code != 0:
            sys.exit(code)
    stamp.write_text(digest)


def serve(address: str) -> int:
    install("requirements.txt")
    say(f"serving the site at http://{address}/ (Ctrl+C to stop)")
    try:
        return run(BIN / "mkdocs", "serve", "--strict", "-a", address)
    except KeyboardInterrupt:
        return 0


# The browsers the tests can drive, in the order tests/conftest.py prefers them: Debian's headless
# shell (the same engine without the desktop browser around it, so pages load faster), then a full one.
CHROMIUM_NAMES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")

# axe-core, the accessibility engine the browser tests run in Chromium: its published npm package,
# pinned by version and checked against the registry's SHA-512, unpacked into the virtual environment.
AXE_VERSION = "4.14.1"
AXE_URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_VERSION}.tgz"
AXE_SHA512 = "FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
AXE_FILE = VENV / f"axe-core-{AXE_VERSION}" / "axe.min.js"


def ensure_axe() -> None:
    if AXE_FILE.exists():
        return
    import base64
    import io
    import tarfile
    import urllib.request

    say(f"downloading axe-core {AXE_VERSION} for the accessibility tests")
    with urllib.request.urlopen(AXE_URL, timeout=60) as response:
        packed = response.read()
    if base64.b64encode(hashlib.sha512(packed).digest()).decode() != AXE_SHA512:
        sys.exit(f"axe-core {AXE_VERSION}: the download does not match its published checksum")
    with tarfile.open(fileobj=io.BytesIO(packed)) as archive:
        member = archive.extractfile("package/axe.min.js")
        assert member is not None
        AXE_FILE.parent.mkdir(parents=True, exist_ok=True)
        AXE_FILE.write_bytes(member.read())


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it when missing and we are root."""
    if os.environ.get("ATLAS_CHROMIUM") or any(shutil.which(name) for name in CHROMIUM_NAMES):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing Debian's chromium-headless-shell for the browser tests")
        apt("chromium-headless-shell", "fonts-dejavu-core")
    else:
        say("Chromium not found: browser tests will be skipped here (they never skip in CI). "
            "To run them: sudo apt-get install chromium-headless-shell (or chromium)")


def check() -> int:
    """The table checker, one strict build, then the tests, which reuse that build."""
    install("requirements-dev.txt")
    ensure_chromium()
    ensure_axe()
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="atlas-site-") as folder:
        site = Path(folder) / "site"
        say("table checker")
        if run(PYTHON, "scripts/check_atlas.py") != 0:
            failed.append("table checker")
        say("strict build")
        build = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                               cwd=ROOT, capture_output=True, text=True)
        print(build.stdout + build.stderr, end="", flush=True)
        if build.returncode != 0:
            failed.append("strict build")
        else:
            Path(f"{site}.log").write_text(build.stdout + build.stderr, encoding="utf-8")
        say("tests")
        env = {**os.environ, "ATLAS_CHECKED": "1", "ATLAS_AXE": str(AXE_FILE)}
        if build.returncode == 0:
            env["ATLAS_BUILT_SITE"] = str(site)
        # One test process per core (pytest-xdist): the browser checks are bound by the processor.
        if subprocess.call([str(PYTHON), "-m", "pytest", "-n", "auto"], cwd=ROOT, env=env) != 0:
            failed.append("tests")
    if failed:
        say(f"FAILED: {', '.join(failed)}")
        return 1
    say("all checks passed")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    serve_parser = sub.add_parser("serve", help="set up, then serve the site locally")
    serve_parser.add_argument("--address", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)")
    sub.add_parser("check", help="set up, then run every check")
    new_parser = sub.add_parser("new", help="write a new page with every section it needs")
    new_parser.add_argument("kind", choices=["muscle", "pain", "stretch"])
    new_parser.add_argument("title", help='the page title, e.g. "Tibialis anterior"')
    args = parser.parse_args()
    # Material prints a banner about its end of life (May 2027) on every build. The project is
    # already written to move to its successor, so the banner is noise in every run.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.command == "serve":
        return serve(args.address)
    if args.command == "new":
        install("requirements.txt")
        return run(PYTHON, "-m", "atlas.scaffold", args.kind, args.title, "--root", ROOT)
    return check()


if __name__ == "__main__":
    sys.exit(main())
